"""What the groups found, on the results page: per field the top strengths, gaps and
ideas (by dots, then by how often they were named), and the cards per group and kind."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from werkstatt.cards import KIND_HEADINGS, KINDS, VOTABLE_KINDS, Card, count_by_group, ranked
from werkstatt.fieldsets import Fieldset
from werkstatt.groupwork import Group
from werkstatt.i18n import nt, t
from werkstatt.ui.text import literal_lines

TOP = 5


def top_cards(board: list[Card], fieldset: Fieldset, language: str) -> None:
    for field in fieldset.fields:
        if not any(c.visible and c.field_id == field.id for c in board):
            continue
        st.markdown(f"#### {field.title.get(language)}")
        columns = st.columns(len(KINDS))
        for column, kind in zip(columns, KINDS):
            column.markdown(f"**{t(KIND_HEADINGS[kind], language)}**")
            for card in ranked(board, field.id, kinds=(kind,))[:TOP]:
                notes = []
                if kind in VOTABLE_KINDS:
                    notes.append(nt("{n} Punkt", "{n} Punkte", card.dots, language))
                if card.sources:
                    notes.append(t("{n}× genannt", language, n=len(card.sources) + 1))
                with column.container(border=True):
                    st.markdown(literal_lines(card.text))
                    if notes:
                        st.caption(" · ".join(notes))


def group_table(board: list[Card], groups: list[Group], language: str) -> pd.DataFrame:
    """Groups as rows, kinds as columns; cards written without a group in their own row."""
    counts = count_by_group(board)
    names = {g.id: g.name for g in groups}
    rows = [g.id for g in groups] + ([None] if any(k[0] is None for k in counts) else [])
    frame = pd.DataFrame(
        {t(KIND_HEADINGS[kind], language): [counts.get((g, kind), 0) for g in rows] for kind in KINDS},
        index=[names.get(g, t("ohne Gruppe", language)) for g in rows],
    )
    frame.index.name = t("Gruppe", language)
    return frame


def card_results(board: list[Card], groups: list[Group], fieldset: Fieldset, language: str) -> None:
    st.subheader(t("Karten der Gruppen", language), anchor=False)
    if not board:
        st.caption(t("Noch keine Karten.", language))
        return
    top_cards(board, fieldset, language)
    st.subheader(t("Karten je Gruppe", language), anchor=False)
    st.dataframe(group_table(board, groups, language), width="stretch")
