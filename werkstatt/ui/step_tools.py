"""The facilitator's tools for the live step: the step buttons, lock or reopen the input, the
timer, and the questions a step move may need first (group work without groups, a step back).

A question is kept in ``st.session_state`` until it is answered or dismissed, and only while
the live step is still the one it was asked in: once somebody else moved the workshop on,
the question is gone (it no longer fits).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from werkstatt import agenda
from werkstatt.i18n import t
from werkstatt.service import Workshop
from werkstatt.ui.context import act, get_app
from werkstatt.ui.timer import countdown

QUESTION_KEY = "step_question"
NO_GROUPS = "no_groups"
STEP_BACK = "step_back"


@dataclass(frozen=True)
class StepQuestion:
    """A step move that waits for the facilitator's answer."""

    kind: str  # NO_GROUPS or STEP_BACK
    workshop_id: int
    from_step: str  # the live step when it was asked
    to_step: str


# --- moving the live step -------------------------------------------------------------------


def go_to_step(workshop_id: int, step_id: str) -> None:
    """Make ``step_id`` live (a step button's callback); group work without any group asks first."""
    app = get_app()
    if agenda.step(step_id).accepts_cards and not app.groups(workshop_id):
        st.session_state[QUESTION_KEY] = StepQuestion(NO_GROUPS, workshop_id,
                                                      app.workshop(workshop_id).live_step, step_id)
        return
    act(app.set_live_step, workshop_id, step_id)


def ask_step_back(workshop_id: int, from_step: str, to_step: str) -> None:
    """A step back is never taken without a yes on the console."""
    st.session_state[QUESTION_KEY] = StepQuestion(STEP_BACK, workshop_id, from_step, to_step)


def step_buttons(workshop: Workshop, language: str) -> None:
    """One button per step, the next one highlighted. Labels wrap rather than being cut."""
    following = agenda.next_step(workshop.live_step)
    confirmed = st.session_state.get("confirm_close", False)
    row = st.container(key="step_buttons")
    for column, step in zip(row.columns(len(agenda.STEPS), gap="small"), agenda.STEPS):
        is_current = step.id == workshop.live_step
        disabled = is_current or (step.id == agenda.FINAL_STEP and not confirmed)
        column.button(t(step.button, language), key=f"go_{step.id}", disabled=disabled,
                      type="primary" if following and step.id == following.id else "secondary",
                      on_click=go_to_step, args=(workshop.id, step.id), width="stretch", wrap=True)


def _close_question() -> None:
    st.session_state.pop(QUESTION_KEY, None)


def _answer(action, *args: object) -> None:
    """Run the chosen action (its error shows at the top of the page), close the dialog."""
    act(action, *args)
    _close_question()
    st.rerun()


def _default_groups_and_start(workshop_id: int, step_id: str) -> None:
    app = get_app()
    app.add_default_groups(workshop_id)
    app.set_live_step(workshop_id, step_id)


def _no_groups_dialog(question: StepQuestion, language: str) -> None:
    app = get_app()
    st.markdown(t("Es gibt noch keine Gruppen. Ohne Gruppen schreiben alle an jedem Tablet Karten zu "
                  "jedem Handlungsfeld.", language))
    if st.button(t("Eine Gruppe je Handlungsfeld anlegen und starten", language), key="start_with_groups",
                 type="primary", icon=":material/groups:", width="stretch"):
        _answer(_default_groups_and_start, question.workshop_id, question.to_step)
    if st.button(t("Ohne Gruppen beginnen", language), key="start_without_groups", width="stretch"):
        _answer(app.set_live_step, question.workshop_id, question.to_step)
    if st.button(t("Abbrechen", language), key="cancel_no_groups", width="stretch"):
        _close_question()
        st.rerun()


def _step_back_dialog(question: StepQuestion, language: str) -> None:
    step = t(agenda.step(question.to_step).name, language)
    st.markdown(t("Beamer und Tablets wechseln dann zurück zu „{step}“.", language, step=step))
    if st.button(t("Ja, zurück zu „{step}“", language, step=step), key="confirm_step_back",
                 type="primary", icon=":material/undo:", width="stretch"):
        _answer(get_app().set_live_step, question.workshop_id, question.to_step)
    if st.button(t("Abbrechen", language), key="cancel_step_back", width="stretch"):
        _close_question()
        st.rerun()


def step_question(workshop: Workshop, language: str) -> None:
    """Open the dialog of the question waiting for an answer, if it still fits the workshop."""
    question = st.session_state.get(QUESTION_KEY)
    if question is None:
        return
    if question.workshop_id != workshop.id or question.from_step != workshop.live_step:
        _close_question()
        return
    if question.kind == NO_GROUPS:
        st.dialog(t("Ohne Gruppen beginnen?", language), on_dismiss=_close_question)(_no_groups_dialog)(
            question, language)
    else:
        st.dialog(t("Einen Schritt zurück?", language), on_dismiss=_close_question)(_step_back_dialog)(
            question, language)


# --- the live step's lock and timer ----------------------------------------------------------


def lock_control(workshop: Workshop, language: str) -> None:
    """Lock the live step's input (ratings, cards or dots) without moving on, or reopen it."""
    if not workshop.step.takes_input:
        return
    app = get_app()
    if workshop.input_open(app.now()):
        st.button(t("Eingabe sperren", language), icon=":material/lock:", key="lock_input",
                  on_click=act, args=(app.lock_input, workshop.id, True))
    else:
        st.button(t("Eingabe wieder öffnen", language), icon=":material/lock_open:", key="unlock_input",
                  on_click=act, args=(app.lock_input, workshop.id, False))
        st.warning(t("Die Eingabe ist gesperrt: Niemand kann gerade etwas eintragen oder ändern.", language),
                   icon=":material/lock:")


def _start_timer(workshop_id: int) -> None:
    state = st.session_state
    act(get_app().start_timer, workshop_id, state["timer_minutes"], state["timer_locks"])


def timer_control(workshop: Workshop, language: str) -> None:
    """Start a countdown that projector and tablets show; optionally it locks the step at zero.
    Minutes, the lock and the start button share one row, so the console stays short."""
    app = get_app()
    st.markdown(f"**{t('Timer', language)}**")
    if workshop.timer_ends_at is not None:
        left, right = st.columns([3, 2], vertical_alignment="center")
        with left:
            countdown(workshop, app.now(), language)
        right.button(t("Timer anhalten", language), icon=":material/timer_off:", key="stop_timer",
                     on_click=act, args=(app.stop_timer, workshop.id))
    with st.form("timer_form", border=False):
        minutes, locks, start = st.columns([2, 4, 3], vertical_alignment="bottom")
        minutes.number_input(t("Minuten", language), min_value=1, max_value=240, value=15,
                             step=1, key="timer_minutes")
        locks.checkbox(t("Bei null die Eingabe sperren", language), key="timer_locks",
                       disabled=not workshop.step.takes_input)
        start.form_submit_button(t("Timer starten", language), icon=":material/timer:",
                                 on_click=_start_timer, args=(workshop.id,), width="stretch")
