"""The participant's card step: pick a group, write cards, see, edit and delete your own.

What a person typed stays in the text box until the service has stored it: a
refused card (too short, step locked) keeps its text for the next try. The list
below the form is read from the database on every run.
"""

from __future__ import annotations

import streamlit as st

from werkstatt.cards import KINDS, Card
from werkstatt.errors import UnknownCard, WerkstattError
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import t
from werkstatt.service import Participant, Workshop
from werkstatt.ui.context import get_app
from werkstatt.ui.text import literal, literal_lines

TEXT_KEY = "card_text"
FIELD_KEY = "card_field"
KIND_KEY = "card_kind"
MESSAGE_KEY = "card_message"  # (kind of st message, text, card id or None) shown once after a save


def group_picker(participant: Participant, workshop: Workshop, fieldset: Fieldset, language: str) -> bool:
    """Let a participant without a group pick one; True once they are in a group (or none exist)."""
    app = get_app()
    groups = app.groups(workshop.id)
    if not groups:
        return True
    names = {g.id: g.name for g in groups}
    if participant.group_id in names:
        group = next(g for g in groups if g.id == participant.group_id)
        fields = ", ".join(fieldset.field(f).title.marked(language) for f in group.field_ids)
        label = "cards.group_tablet" if participant.group_tablet else "cards.your_group"
        # a default group is named after its one field: say it once
        st.markdown(t(label, language, group=literal(group.name))
                    + ("" if fields == group.name else "  \n" + literal(fields)))
        if not participant.group_tablet:
            with st.popover(t("cards.change_group", language), icon=":material/swap_horiz:"):
                _group_radio(participant, names, language, key="change_group")
        return True
    st.info(t("cards.pick_group", language), icon=":material/groups:")
    _group_radio(participant, names, language, key="pick_group")
    return False


def _group_radio(participant: Participant, names: dict[int, str], language: str, key: str) -> None:
    st.radio(t("cards.group", language), list(names), index=None, format_func=names.get, key=key,
             on_change=_choose_group, args=(participant.token, key, language))


def _choose_group(token: str, key: str, language: str) -> None:
    try:
        get_app().choose_group(token, st.session_state[key])
    except WerkstattError as error:
        st.session_state[MESSAGE_KEY] = ("error", error.message(language), None)


def card_form(participant: Participant, workshop: Workshop, fieldset: Fieldset, language: str) -> None:
    """Kind, field and text of a new card; saved by the button, kept on any error."""
    app = get_app()
    field_ids = list(fieldset.field_ids)
    if participant.group_id is not None:
        field_ids = list(app.group(workshop.id, participant.group_id).field_ids)
    if st.session_state.get(FIELD_KEY) not in field_ids:
        st.session_state[FIELD_KEY] = field_ids[0]
    with st.form("card_form", border=True):
        st.subheader(t("cards.new", language), anchor=False)
        st.radio(t("cards.kind", language), KINDS, key=KIND_KEY, index=None,
                 format_func=lambda k: t(f"kind.{k}", language), horizontal=True,
                 captions=[t(f"kind.{k}.help", language) for k in KINDS])
        if len(field_ids) > 1:
            st.selectbox(t("col.field", language), field_ids, key=FIELD_KEY,
                         format_func=lambda f: fieldset.field(f).title.marked(language))
        else:
            st.markdown(f"**{t('col.field', language)}:** {literal(fieldset.field(field_ids[0]).title.marked(language))}")
        st.text_area(t("cards.text", language), key=TEXT_KEY,
                     placeholder=t("cards.text.placeholder", language), height=120)
        st.form_submit_button(t("cards.save", language), type="primary", icon=":material/add:",
                              on_click=_add_card, args=(participant.token, language), width="stretch")
    _show_message()


def _add_card(token: str, language: str) -> None:
    state = st.session_state
    if state.get(KIND_KEY) is None:
        state[MESSAGE_KEY] = ("error", t("cards.pick_kind", language), None)
        return
    try:
        card = get_app().add_card(token, state[FIELD_KEY], state[KIND_KEY], state.get(TEXT_KEY, ""))
    except WerkstattError as error:
        state[MESSAGE_KEY] = ("error", error.message(language), None)
        return
    # Stored: now the box may be emptied, and the next card's kind is chosen afresh.
    state[TEXT_KEY], state[KIND_KEY] = "", None
    state[MESSAGE_KEY] = ("success", t("cards.saved", language, kind=t(f"kind.{card.kind}", language)), None)


def _show_message(card_id: int | None = None) -> None:
    """The message of the last save, where it belongs: under the form, or under its card."""
    message = st.session_state.get(MESSAGE_KEY)
    if message and message[2] == card_id:
        del st.session_state[MESSAGE_KEY]
        kind, text, _ = message
        if kind == "error":
            st.error(text, icon=":material/error:")
        else:
            st.success(text, icon=":material/check_circle:")


def my_cards(token: str, fieldset: Fieldset, language: str, editable: bool) -> None:
    """The participant's cards as stored, newest first, with edit and delete while the step is open."""
    cards = get_app().my_cards(token)
    st.subheader(t("cards.mine", language, n=len(cards)), anchor=False)
    if not cards:
        st.caption(t("cards.none_yet", language))
    for card in reversed(cards):
        with st.container(border=True):
            st.caption(f"{t(f'kind.{card.kind}', language)} · {literal(fieldset.field(card.field_id).title.marked(language))}")
            st.markdown(literal_lines(card.text))
            if card.moderated:
                st.caption(t("cards.moderated", language))
            elif editable:
                _card_actions(token, card, language)
            _show_message(card.id)


def _card_actions(token: str, card: Card, language: str) -> None:
    key = f"edit_{card.id}"
    if key not in st.session_state:
        st.session_state[key] = card.text
    left, right = st.columns(2)
    with left.popover(t("cards.edit", language), icon=":material/edit:", width="stretch"):
        st.text_area(t("cards.text", language), key=key, height=120)
        st.button(t("cards.save_edit", language), key=f"save_{card.id}", type="primary",
                  on_click=_edit_card, args=(token, card.id, language))
    with right.popover(t("cards.delete", language), icon=":material/delete:", width="stretch"):
        st.write(t("cards.delete_confirm", language))
        st.button(t("cards.delete_yes", language), key=f"delete_{card.id}",
                  on_click=_delete_card, args=(token, card.id, language))


def _edit_card(token: str, card_id: int, language: str) -> None:
    key = f"edit_{card_id}"
    try:
        card = get_app().edit_card(token, card_id, st.session_state[key])
    except WerkstattError as error:
        st.session_state[MESSAGE_KEY] = ("error", error.message(language), card_id)
        return
    st.session_state[key] = card.text
    st.session_state[MESSAGE_KEY] = ("success", t("cards.edited", language), card_id)


def _delete_card(token: str, card_id: int, language: str) -> None:
    try:
        get_app().delete_card(token, card_id)
    except UnknownCard:
        pass  # a double tap: the first one already deleted it
    except WerkstattError as error:
        st.session_state[MESSAGE_KEY] = ("error", error.message(language), card_id)
        return
    st.session_state.pop(f"edit_{card_id}", None)
    st.session_state[MESSAGE_KEY] = ("success", t("cards.deleted", language), None)


def card_step(participant: Participant, workshop: Workshop, fieldset: Fieldset, open_: bool, language: str) -> None:
    """The whole card step on a tablet."""
    if open_:
        st.write(t("cards.intro", language))
    else:
        st.warning(t("cards.locked", language), icon=":material/lock:")
    card_work(participant.token, workshop, fieldset, open_, language)


@st.fragment
def card_work(token: str, workshop: Workshop, fieldset: Fieldset, open_: bool, language: str) -> None:
    """Group, form and own cards: a fragment, so saving a card reruns this, not the page
    (bench/README.md). It reads the participant afresh, as picking a group changes it."""
    participant = get_app().participant(token)
    if group_picker(participant, workshop, fieldset, language) and open_:
        card_form(participant, workshop, fieldset, language)
    else:
        _show_message()
    my_cards(token, fieldset, language, editable=open_)
