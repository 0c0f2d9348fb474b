"""The facilitator's tools for the live step: lock or reopen the input, and the timer."""

from __future__ import annotations

import streamlit as st

from werkstatt.i18n import t
from werkstatt.service import Workshop
from werkstatt.ui.context import act, get_app
from werkstatt.ui.timer import countdown


def _start_timer(workshop_id: int) -> None:
    state = st.session_state
    act(get_app().start_timer, workshop_id, state["timer_minutes"], state["timer_locks"])


def lock_control(workshop: Workshop, language: str) -> None:
    """Lock the live step's input (ratings, cards or dots) without moving on, or reopen it."""
    if not workshop.step.takes_input:
        return
    app = get_app()
    if workshop.input_open(app.now()):
        st.button(t("Eingabe sperren", language), icon=":material/lock:", key="lock_input",
                  on_click=act, args=(app.lock_input, workshop.id, True))
    else:
        st.warning(t("Die Eingabe ist gesperrt: Niemand kann gerade etwas eintragen oder ändern.", language),
                   icon=":material/lock:")
        st.button(t("Eingabe wieder öffnen", language), icon=":material/lock_open:", key="unlock_input",
                  on_click=act, args=(app.lock_input, workshop.id, False))


def timer_control(workshop: Workshop, language: str) -> None:
    """Start a countdown that projector and tablets show; optionally it locks the step at zero."""
    app = get_app()
    st.markdown(f"**{t('Timer', language)}**")
    countdown(workshop, app.now(), language)
    if workshop.timer_ends_at is not None:
        st.button(t("Timer anhalten", language), icon=":material/timer_off:", key="stop_timer",
                  on_click=act, args=(app.stop_timer, workshop.id))
    with st.form("timer_form", border=False):
        left, right = st.columns([1, 2], vertical_alignment="bottom")
        left.number_input(t("Minuten", language), min_value=1, max_value=240, value=15,
                          step=1, key="timer_minutes")
        right.checkbox(t("Bei null die Eingabe sperren", language), key="timer_locks",
                       disabled=not workshop.step.takes_input)
        st.form_submit_button(t("Timer starten", language), icon=":material/timer:",
                              on_click=_start_timer, args=(workshop.id,))
