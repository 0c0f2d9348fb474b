"""The task force's review of one workshop, field by field: verdict and distribution, the
self-check and the previous workshop beside it, the top strengths and gaps (each gap or idea
can become an action), the field's actions, and progress across all fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable

import pandas as pd
import streamlit as st

from werkstatt import actions as rules
from werkstatt import charts
from werkstatt.actions import STATUS_NAMES, Action, Member
from werkstatt.cards import KIND_NAMES, VOTABLE_KINDS, Card, ranked
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import format_change, format_number, nt, t
from werkstatt.service import Workshop
from werkstatt.ui.action_list import action_table
from werkstatt.ui.card_results import card_results
from werkstatt.ui.context import get_app
from werkstatt.ui.results import (
    chart_with_numbers,
    distribution_numbers,
    result_charts,
    sector_table,
    summary_table,
    verdict_text,
)
from werkstatt.ui.text import literal_lines

TOP_STRENGTHS = 3
TOP_GAPS = 5


def review_panel(workshop: Workshop, previous: Workshop | None, fieldset: Fieldset, actions: list[Action],
                 members: dict[int, Member], today: dt.date, language: str,
                 make_action: Callable[[Card], None]) -> None:
    app = get_app()
    summary = app.summary(workshop.id)
    board = app.board(workshop.id)
    st.subheader(t("Stand der Maßnahmen je Handlungsfeld", language), anchor=False)
    if actions:
        counts = rules.status_counts(actions, fieldset.field_ids)
        chart_with_numbers(st, charts.action_progress_chart(counts, fieldset, language),
                           _progress_numbers(counts, fieldset, language),
                           t("Gestapelte Balken: Maßnahmen je Handlungsfeld nach Status, die Anzahl "
                             "steht in jedem Abschnitt. Dieselben Zahlen stehen in der Tabelle „Zahlen "
                             "als Tabelle“ darunter.", language),
                           "progress_chart", language)
    else:
        st.caption(t("Noch keine Maßnahmen.", language))

    field_id = st.selectbox(t("Handlungsfeld", language), fieldset.field_ids, key="review_field",
                            format_func=lambda f: fieldset.field(f).title.get(language))
    field = fieldset.field(field_id)
    st.subheader(field.title.get(language), anchor=False)
    _field_figures(workshop, previous, summary, fieldset, field_id, language)
    one_field = dataclasses.replace(fieldset, fields=(field,))
    field_summary = summary[summary["field_id"] == field_id]
    chart_with_numbers(st, charts.distribution_chart(field_summary, one_field, language),
                       distribution_numbers(field_summary, one_field, language),
                       t("Gestapelte Balken: Anteil jeder Bewertungsstufe je Handlungsfeld. "
                         "Dieselben Zahlen stehen in der Tabelle „Zahlen als Tabelle“ darunter.",
                         language), "review_distribution", language)
    strengths, gaps = st.columns(2)
    with strengths:
        st.markdown(f"**{t('Stärken', language)}**")
        _cards(ranked(board, field_id, kinds=("strength",))[:TOP_STRENGTHS], language, None)
    with gaps:
        st.markdown(f"**{t('Handlungsbedarfe und Ideen nach Punkten', language)}**")
        _cards(ranked(board, field_id, kinds=VOTABLE_KINDS)[:TOP_GAPS], language, make_action)
    st.markdown(f"**{t('Maßnahmen in diesem Feld', language)}**")
    action_table([a for a in actions if a.field_id == field_id], members, fieldset, today, language,
                 empty=t("Noch keine Maßnahmen in diesem Feld.", language))

    with st.expander(t("Alle Ergebnisse dieses Workshops", language), icon=":material/table_chart:"):
        st.dataframe(summary_table(summary, fieldset, language), hide_index=True, width="stretch")
        st.caption(t("Median je Bereich. Ein Feld bleibt leer, wenn weniger als 3 Antworten darin "
                     "stehen – so bleibt jede Bewertung anonym.", language))
        st.dataframe(sector_table(app.sector_breakdown(workshop.id), fieldset, language), width="stretch")
        result_charts(summary, fieldset, language)
        card_results(board, app.groups(workshop.id), fieldset, language)


def _progress_numbers(counts: dict[str, dict[str, int]], fieldset: Fieldset, language: str) -> pd.DataFrame:
    """The progress chart's numbers: actions per field and status."""
    return pd.DataFrame({
        t("Handlungsfeld", language): [fieldset.field(f).title.get(language) for f in fieldset.field_ids],
        **{t(STATUS_NAMES[status], language): [counts[f][status] for f in fieldset.field_ids]
           for status in rules.STATUSES},
    })


def _field_figures(workshop: Workshop, previous: Workshop | None, summary: pd.DataFrame, fieldset: Fieldset,
                   field_id: str, language: str) -> None:
    """Verdict, median (with the change since the previous workshop), consensus, answers, and
    the administration's self-check with its difference to the room."""
    app = get_app()
    row = summary.set_index("field_id").loc[field_id]
    verdict, median, consensus, answers, self_check = st.columns(5)
    verdict.metric(t("Einschätzung", language), verdict_text(row["verdict"], language))
    change = None
    if previous is not None:
        earlier = app.summary(previous.id).set_index("field_id").loc[field_id, "median"]
        change = format_change(row["median"] - earlier, language, minus="-")
    median.metric(t("Median", language), format_number(row["median"], language), delta=change,
                  delta_description=t("seit dem letzten Workshop", language) if change else None)
    consensus.metric(t("Konsens", language), format_number(row["consensus"], language, digits=2))
    answers.metric(t("Antworten", language), int(row["n"]))
    score = app.self_check(workshop.id).get(field_id)
    difference = (None if score is None or pd.isna(row["median"])
                  else format_change(score - row["median"], language, minus="-"))
    self_check.metric(t("Selbstcheck", language), format_number(score, language), delta=difference,
                      delta_color="off", delta_arrow="off",
                      delta_description=t("zum Median im Workshop", language) if difference else None)
    st.caption(t("Dazu {n} × „kann ich nicht einschätzen“.", language, n=int(row["dont_know"])))


def _cards(cards: list[Card], language: str, make_action: Callable[[Card], None] | None) -> None:
    if not cards:
        st.caption(t("Keine Karten.", language))
    for card in cards:
        with st.container(border=True):
            st.markdown(literal_lines(card.text))
            notes = [t(KIND_NAMES[card.kind], language)]
            if card.kind in VOTABLE_KINDS:
                notes.append(nt("{n} Punkt", "{n} Punkte", card.dots, language))
            if card.sources:
                notes.append(t("{n}× genannt", language, n=len(card.sources) + 1))
            st.caption(" · ".join(notes))
            if make_action is not None:
                st.button(t("Maßnahme daraus machen", language), key=f"make_action_{card.id}",
                          icon=":material/add_task:", on_click=make_action, args=(card,))
