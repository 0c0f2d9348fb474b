"""Result widgets shared by the projector and the results page."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from werkstatt import charts
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import fmt_number, marked, t

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def verdict_text(verdict: str, lang: str) -> str:
    return marked("verdict", verdict, lang)


def summary_table(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> pd.DataFrame:
    """The per-field table for people: German numbers, level labels as columns."""
    rows = []
    for row in summary.itertuples(index=False):
        record = {
            t("col.field", lang): fieldset.field(row.field_id).title.get(lang),
            t("col.n", lang): int(row.n),
            t("col.dont_know", lang): int(row.dont_know),
        }
        for value in fieldset.scale.values:
            record[fieldset.scale.label(value, lang)] = int(getattr(row, f"dist_{value}"))
        record[t("col.median", lang)] = fmt_number(row.median, lang)
        record[t("col.mean", lang)] = fmt_number(row.mean, lang, digits=2)
        record[t("col.consensus", lang)] = fmt_number(row.consensus, lang, digits=2)
        record[t("col.verdict", lang)] = verdict_text(row.verdict, lang)
        rows.append(record)
    return pd.DataFrame(rows)


def verdict_cards(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> None:
    """One card per field for the projector: verdict, median, consensus, answers."""
    cards = []
    for number, row in enumerate(summary.itertuples(index=False), start=1):
        title = f"{number} · " + html.escape(fieldset.field(row.field_id).title.get(lang))
        facts = " · ".join([
            f"{t('col.median', lang)} {fmt_number(row.median, lang)}",
            f"{t('col.consensus', lang)} {fmt_number(row.consensus, lang, digits=2)}",
            f"{t('col.n', lang)} {int(row.n)}",
        ])
        cards.append(
            f'<div class="ws-card"><b>{title}</b><br>'
            f'<span class="ws-verdict">{html.escape(verdict_text(row.verdict, lang))}</span><br>'
            f"{html.escape(facts)}</div>"
        )
    st.html('<div class="ws-cards">' + "".join(cards) + "</div>")


def level_key(fieldset: Fieldset, lang: str) -> str:
    """The colour key of the scale as HTML, for the projector.

    plotly lays out a horizontal legend for the width a chart has when it is
    first drawn; in a projector column that is too narrow and the legend ends
    up one entry per row over the title, so the projector shows this instead.
    """
    scale = fieldset.scale
    colours = charts.scale_colours(scale)
    values = list(scale.values) + ([None] if scale.dont_know else [])
    entries = [(colours[value], scale.label(value, lang)) for value in values]
    return '<div class="ws-key">' + "".join(
        f'<span><i style="background:{colour}"></i>{html.escape(label)}</span>' for colour, label in entries
    ) + "</div>"


def result_charts(summary: pd.DataFrame, fieldset: Fieldset, lang: str, large: bool = False) -> None:
    """The distribution and the overview; side by side on the projector, so all fits on one screen."""
    left, right = st.columns([3, 2]) if large else (st.container(), st.container())
    distribution = charts.distribution_chart(summary, fieldset, lang, large=large)
    _heading(left, t("chart.distribution.title", lang), large)
    if large:
        distribution.update_layout(showlegend=False)
        left.html(level_key(fieldset, lang))
    left.plotly_chart(distribution, config=CHART_CONFIG, theme=None, key="distribution_chart")
    _heading(right, t("chart.overview.title", lang), large)
    right.plotly_chart(charts.overview_chart(summary, fieldset, lang, large=large),
                       config=CHART_CONFIG, theme=None, key="overview_chart")


def _heading(container, text: str, large: bool) -> None:
    if large:
        container.html(f'<h2 class="ws-chart-title">{html.escape(text)}</h2>')
    else:
        container.subheader(text, anchor=False)


def sector_table(breakdown: pd.DataFrame, fieldset: Fieldset, lang: str) -> pd.DataFrame:
    """Fields as rows, sectors as columns: "median (n)", or a dash under 3 answers."""
    table = {}
    for sector in fieldset.sectors:
        cells = breakdown[breakdown["sector"] == sector.id].set_index("field_id")
        table[sector.label.get(lang)] = [
            fmt_number(cells.at[f.id, "median"], lang) + (
                f" (n={int(cells.at[f.id, 'n'])})" if not pd.isna(cells.at[f.id, "n"]) else "")
            for f in fieldset.fields
        ]
    frame = pd.DataFrame(table, index=[f.title.get(lang) for f in fieldset.fields])
    frame.index.name = t("col.field", lang)
    return frame
