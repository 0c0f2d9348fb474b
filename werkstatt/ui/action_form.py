"""Creating an action (from scratch or from a card), editing it, and its history.

The forms save in button callbacks, so a saved form can be emptied (or shown with the new
stored values) before it is drawn again, and a refused one keeps everything typed. The edit
form's widgets are keyed by the version of the action it was opened with: after a save they
show what is stored; when someone else saved in between, nothing is written and the typed
values stay until the person loads the current state.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from werkstatt import actions as rules
from werkstatt.actions import ATTRIBUTE_NAMES, PRIORITY_NAMES, STATUS_NAMES, Action, Member, owner_label
from werkstatt.cards import KIND_NAMES, Card
from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, date_input_format, format_day, format_moment, nt, t
from werkstatt.taskforce import Process
from werkstatt.ui.action_list import status_label
from werkstatt.ui.context import ACTION_ERROR_KEY, get_app
from werkstatt.ui.text import literal, literal_lines

NEW = "new_action"
NEW_KEYS = [f"{NEW}_{name}" for name in ("title", "description", "field", "member", "organisation", "due",
                                          "priority", "status", "card", "note")]
OPEN_KEY = "open_action"
FLASH_KEY = "action_flash"
NOBODY = 0  # the "nobody" choice of the member select box


def start_from_card(card: Card) -> None:
    """Button callback on a gap or idea: prefill the new-action form with the card."""
    state = st.session_state
    state[f"{NEW}_title"] = " ".join(card.text.split())[:200]
    state[f"{NEW}_description"] = card.text
    state[f"{NEW}_field"] = card.field_id
    state[f"{NEW}_card"] = card.id


def _owner(member: int, organisation: str) -> str:
    return rules.owner_key(member or None, organisation.strip())


def _create(process_id: int) -> None:
    state = st.session_state
    try:
        action = get_app().create_action(
            process_id, state[f"{NEW}_title"], state[f"{NEW}_field"], description=state[f"{NEW}_description"],
            owner=_owner(state[f"{NEW}_member"], state[f"{NEW}_organisation"]), due_date=state[f"{NEW}_due"],
            priority=state[f"{NEW}_priority"], status=state[f"{NEW}_status"],
            card_id=state.get(f"{NEW}_card"), note=state[f"{NEW}_note"],
        )
    except WerkstattError as error:
        state[ACTION_ERROR_KEY] = error
        return
    for key in NEW_KEYS:
        state.pop(key, None)
    state[OPEN_KEY] = action.id
    state[FLASH_KEY] = (N_("Maßnahme „{title}“ angelegt."), {"title": action.title})


def _new_defaults(fieldset: Fieldset) -> None:
    defaults = {"title": "", "description": "", "field": fieldset.field_ids[0], "member": NOBODY,
                "organisation": "", "due": None, "priority": "medium", "status": "open", "note": ""}
    for name, value in defaults.items():
        st.session_state.setdefault(f"{NEW}_{name}", value)


def new_action_form(process: Process, fieldset: Fieldset, members: dict[int, Member], board: dict[int, Card],
                    language: str) -> None:
    state = st.session_state
    _new_defaults(fieldset)
    card = board.get(state.get(f"{NEW}_card"))
    with st.expander(t("Neue Maßnahme", language), icon=":material/add_task:", expanded=card is not None):
        if card is not None:
            st.info(t("Aus dieser Karte ({kind}):", language, kind=t(KIND_NAMES[card.kind], language))
                    + "\n\n" + literal_lines(card.text), icon=":material/sticky_note_2:")
            st.button(t("Ohne Karte anlegen", language), on_click=state.pop, args=(f"{NEW}_card", None),
                      icon=":material/link_off:")
        with st.form(NEW):
            _action_inputs(NEW, fieldset, members, language)
            st.text_input(t("Notiz zur Änderung (freiwillig)", language), key=f"{NEW}_note", max_chars=500)
            st.form_submit_button(t("Maßnahme anlegen", language), type="primary",
                                  icon=":material/add_task:", on_click=_create, args=(process.id,))


def _action_inputs(prefix: str, fieldset: Fieldset, members: dict[int, Member], language: str) -> None:
    """The inputs both forms share. Their values are put into session state under ``prefix``
    before they are drawn (``_new_defaults``, ``_fill``), never passed as defaults, so Streamlit
    has one source for each."""
    current = [m.id for m in members.values() if not m.removed]
    st.text_input(t("Maßnahme", language), key=f"{prefix}_title", max_chars=200)
    st.text_area(t("Beschreibung", language), key=f"{prefix}_description", height=100)
    left, right = st.columns(2)
    left.selectbox(t("Handlungsfeld", language), fieldset.field_ids, key=f"{prefix}_field",
                   format_func=lambda f: fieldset.field(f).title.get(language))
    left.date_input(t("Fällig am", language), key=f"{prefix}_due",
                    format=date_input_format(language))
    chosen = st.session_state.get(f"{prefix}_member", NOBODY)
    right.selectbox(t("Verantwortlich (Mitglied)", language), [NOBODY, *current, *([chosen] if chosen not in
                    [NOBODY, *current] else [])], key=f"{prefix}_member",
                    format_func=lambda m: t("– niemand –", language) if m == NOBODY
                    else owner_label(rules.owner_key(m), members, language))
    right.text_input(t("… oder Organisation", language), key=f"{prefix}_organisation", max_chars=200,
                     help=t("Wenn niemand aus der Taskforce verantwortlich ist: die Organisation, "
                            "zum Beispiel „Jobcenter“. Ein gewähltes Mitglied geht vor.", language))
    left, right = st.columns(2)
    left.selectbox(t("Priorität", language), rules.PRIORITIES, key=f"{prefix}_priority",
                   format_func=lambda p: t(PRIORITY_NAMES[p], language))
    right.selectbox(t("Status", language), rules.STATUSES, key=f"{prefix}_status",
                    format_func=lambda s: t(STATUS_NAMES[s], language))


def _opened_version(action: Action) -> int:
    """The version this person's edit form shows (the stored one, until someone else saves)."""
    return st.session_state.setdefault(f"edit_version_{action.id}", action.version)


def _fill(prefix: str, action: Action) -> None:
    """Put the stored values into a fresh edit form's widgets (once per version)."""
    state = st.session_state
    if f"{prefix}_title" in state:
        return
    state[f"{prefix}_title"] = action.title
    state[f"{prefix}_description"] = action.description
    state[f"{prefix}_field"] = action.field_id
    state[f"{prefix}_due"] = action.due_date
    state[f"{prefix}_member"] = action.owner_member_id or NOBODY
    state[f"{prefix}_organisation"] = rules.organisation_of(action.owner)
    state[f"{prefix}_priority"] = action.priority
    state[f"{prefix}_status"] = action.status
    state[f"{prefix}_note"] = ""


def _save(process_id: int, action_id: int, version: int, prefix: str) -> None:
    state = st.session_state
    try:
        saved = get_app().update_action(
            process_id, action_id, version, note=state[f"{prefix}_note"],
            title=state[f"{prefix}_title"], description=state[f"{prefix}_description"],
            field_id=state[f"{prefix}_field"],
            owner=_owner(state[f"{prefix}_member"], state[f"{prefix}_organisation"]),
            due_date=state[f"{prefix}_due"], priority=state[f"{prefix}_priority"],
            status=state[f"{prefix}_status"],
        )
    except WerkstattError as error:
        state[ACTION_ERROR_KEY] = error
        return
    state[f"edit_version_{action_id}"] = saved.version
    state[FLASH_KEY] = ((N_("Gespeichert. Der Verlauf zeigt jede Änderung."), {})
                        if saved.version != version else (N_("Nichts geändert, nichts gespeichert."), {}))


def _reload(action: Action) -> None:
    st.session_state[f"edit_version_{action.id}"] = action.version


def action_detail(process: Process, action: Action, fieldset: Fieldset, members: dict[int, Member],
                  board: dict[int, Card], today: dt.date, language: str) -> None:
    """One action: its source cards, the edit form and the history."""
    st.markdown(f"### {literal(action.title)}")
    due = t("fällig {date}", language, date=format_day(action.due_date, language)) if action.due_date else ""
    st.caption(" · ".join(filter(None, [fieldset.field(action.field_id).title.get(language),
                                        owner_label(action.owner, members, language), due,
                                        status_label(action, today, language)])))
    for card_id in action.card_ids:
        card = board.get(card_id)
        if card is not None:
            st.caption(nt("Aus der Karte ({kind}, {n} Punkt):", "Aus der Karte ({kind}, {n} Punkte):",
                          card.dots, language, kind=t(KIND_NAMES[card.kind], language)))
            st.markdown(f"> {literal(' '.join(card.text.split()))}")
    version = _opened_version(action)
    prefix = f"edit_{action.id}_{version}"
    if version != action.version:
        st.warning(t("Jemand hat diese Maßnahme inzwischen geändert. Ihre Eingaben sind noch da; "
                     "„Aktuellen Stand laden“ zeigt die neue Fassung.", language),
                   icon=":material/sync_problem:")
        st.button(t("Aktuellen Stand laden", language), on_click=_reload, args=(action,),
                  icon=":material/refresh:")
    _fill(prefix, action)
    with st.form(f"edit_action_{action.id}"):
        _action_inputs(prefix, fieldset, members, language)
        st.text_input(t("Notiz zur Änderung (freiwillig)", language), key=f"{prefix}_note", max_chars=500,
                      help=t("Steht im Verlauf neben der Änderung, zum Beispiel „besprochen in der "
                             "Sitzung vom 3. März“.", language))
        st.form_submit_button(t("Änderungen speichern", language), type="primary", icon=":material/save:",
                              on_click=_save, args=(process.id, action.id, version, prefix))
    st.markdown(f"**{t('Verlauf', language)}**")
    history = get_app().action_history(process.id, action.id)
    st.dataframe(history_table(history, fieldset, members, language), hide_index=True, width="stretch")


def history_table(history, fieldset: Fieldset, members: dict[int, Member], language: str) -> pd.DataFrame:
    """Newest first: when, what, from, to, note."""
    def shown(attribute: str, value: str | None) -> str:
        return rules.change_value(attribute, value, fieldset, members, language)

    rows = [{
        t("Wann", language): format_moment(rules.local_time(change.changed_at), language),
        t("Was", language): t(ATTRIBUTE_NAMES[change.attribute], language),
        t("Vorher", language): "" if change.attribute == "created" else shown(change.attribute, change.old),
        t("Nachher", language): shown(change.attribute, change.new),
        t("Notiz", language): change.note,
    } for change in reversed(history)]
    return pd.DataFrame(rows)

