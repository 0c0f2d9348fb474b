"""Dot voting on a tablet: a row of dots under every gap and idea.

Each card has one control, "0 · 1 · 2 points", set from the database on every
run and saved on every tap. Choosing a number (rather than tapping "+1") makes
a double tap harmless, and the service refuses anything over the budget, so
what the tablet shows is always what is stored.
"""

from __future__ import annotations

import re

import streamlit as st

from werkstatt.cards import VOTABLE_KINDS, Card
from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import t
from werkstatt.service import Participant, Workshop
from werkstatt.ui.context import get_app
from werkstatt.ui.text import literal, literal_lines

ERROR_KEY = "vote_error"  # (card id, message) of the last refused tap
FIELD_KEY = "ballot_field"  # the field whose cards the ballot shows


def _key(card_id: int) -> str:
    return f"dots_{card_id}"


def _save(token: str, card_id: int, language: str) -> None:
    try:
        get_app().vote(token, card_id, int(st.session_state[_key(card_id)]))
    except WerkstattError as error:
        st.session_state[ERROR_KEY] = (card_id, error.message(language))


def _spoken(text: str, words: int = 8) -> str:
    """The card's first words for the control's (hidden) label, which a screen reader
    reads: letters and digits only, so no markup character can reach it."""
    plain = re.sub(r"[^\w\s]", " ", text).split()
    return " ".join(plain[:words]) + (" …" if len(plain) > words else "")


def dots_label(n: int, language: str) -> str:
    return "○ 0" if n == 0 else "●" * n + f" {n}"


def voting_step(participant: Participant, workshop: Workshop, fieldset: Fieldset, open_: bool,
                language: str) -> None:
    if open_:
        st.write(t("vote.intro", language, per_card=workshop.dots_per_card))
    else:
        st.warning(t("vote.locked", language), icon=":material/lock:")
    ballot(participant.token, workshop, fieldset, open_, language)


@st.fragment
def ballot(token: str, workshop: Workshop, fieldset: Fieldset, open_: bool, language: str) -> None:
    """The dots left, a choice of field, and that field's gaps and ideas.

    A fragment, so a tap reruns this and not the page; one field at a time, so
    a phone shows 20–40 cards instead of a room's 300, and each run renders
    only those (bench/README.md). The field's label says how many cards it has
    and how many of your dots are on them.
    """
    app = get_app()
    mine = app.my_dots(token)
    spent = sum(mine.values())
    left = max(0, workshop.dot_budget - spent)
    st.progress(min(1.0, spent / workshop.dot_budget),
                text=t("vote.left", language, left=left, budget=workshop.dot_budget))
    board = app.board(workshop.id)
    by_field = {}
    for field in fieldset.fields:
        # In writing order, gaps before ideas: no ranking before the reveal.
        cards = sorted((c for c in board if c.votable and c.field_id == field.id),
                       key=lambda c: (VOTABLE_KINDS.index(c.kind), c.id))
        if cards:
            by_field[field.id] = cards
    if not by_field:
        return
    if st.session_state.get(FIELD_KEY) not in by_field:
        st.session_state[FIELD_KEY] = next(iter(by_field))

    def field_label(field_id: str) -> str:
        dots = sum(mine.get(card.id, 0) for card in by_field[field_id])
        count = len(by_field[field_id])
        label = t("vote.field_option" + (".one" if count == 1 else ""), language,
                  field=fieldset.field(field_id).title.marked(language), cards=count)
        return label + (f" · {'●' * dots}" if dots else "")

    st.pills(t("vote.field", language), list(by_field), format_func=field_label, key=FIELD_KEY,
             selection_mode="single", required=True)
    field_id = st.session_state[FIELD_KEY]
    st.subheader(fieldset.field(field_id).title.marked(language), anchor=False)
    for card in by_field[field_id]:
        _card_dots(token, workshop, card, mine.get(card.id, 0), open_, language)


def _card_dots(token: str, workshop: Workshop, card: Card, dots: int, open_: bool, language: str) -> None:
    key = _key(card.id)
    st.session_state[key] = dots  # what is stored, after any tap
    with st.container(border=True):
        named = t("vote.named", language, n=len(card.sources) + 1) if card.sources else ""
        # kind and text in one element: a ballot draws dozens of cards on every tap
        kind = " · ".join(filter(None, [t(f"kind.{card.kind}", language), named]))
        st.markdown(f":small[{literal(kind)}]  \n{literal_lines(card.text)}")
        st.segmented_control(
            t("vote.control", language, text=_spoken(card.text)),
            list(range(max(workshop.dots_per_card, dots) + 1)),
            format_func=lambda n: dots_label(n, language),
            key=key, required=True, disabled=not open_, label_visibility="collapsed",
            on_change=_save, args=(token, card.id, language),
        )
        error = st.session_state.get(ERROR_KEY)
        if error and error[0] == card.id:
            st.error(error[1], icon=":material/error:")
            del st.session_state[ERROR_KEY]
