"""Result widgets of the results page and the task force's review."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from werkstatt import charts
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import format_number, format_percent, marked, t

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def verdict_text(verdict: str, lang: str) -> str:
    return marked("verdict", verdict, lang)


def summary_table(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> pd.DataFrame:
    """The per-field table for people: German numbers, level labels as columns."""
    rows = []
    for row in summary.itertuples(index=False):
        record = {  # the verdict next to the field: a laptop's width cuts off the right end, not it
            t("Handlungsfeld", lang): fieldset.field(row.field_id).title.get(lang),
            t("Einschätzung", lang): verdict_text(row.verdict, lang),
            t("Antworten", lang): int(row.n),
            t("kann ich nicht einschätzen", lang): int(row.dont_know),
        }
        for value in fieldset.scale.values:
            record[fieldset.scale.label(value, lang)] = int(getattr(row, f"dist_{value}"))
        record[t("Median", lang)] = format_number(row.median, lang)
        record[t("Mittelwert", lang)] = format_number(row.mean, lang, digits=2)
        record[t("Konsens", lang)] = format_number(row.consensus, lang, digits=2)
        rows.append(record)
    return pd.DataFrame(rows)


def distribution_numbers(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> pd.DataFrame:
    """The distribution chart's numbers: per field and level the count and its share of all
    responses ("don't know" included, as in the bars), then the answers on the scale ("Antworten",
    as in every other table) and all responses ("Rückmeldungen insgesamt")."""
    scale = fieldset.scale
    rows = summary.set_index("field_id").reindex(list(fieldset.field_ids))
    columns = {scale.label(value, lang): f"dist_{value}" for value in scale.values}
    columns[t("kann ich nicht einschätzen", lang)] = "dont_know"
    table = {t("Handlungsfeld", lang): [fieldset.field(f).title.get(lang) for f in rows.index]}
    counts = rows[list(columns.values())].fillna(0)
    totals = counts.sum(axis=1)
    for label, column in columns.items():
        table[label] = [f"{int(count)} ({format_percent(count / total if total else 0, lang)})"
                        for count, total in zip(counts[column], totals)]
    table[t("Antworten", lang)] = [int(n) for n in rows["n"].fillna(0)]
    table[t("Rückmeldungen insgesamt", lang)] = [int(total) for total in totals]
    return pd.DataFrame(table)


def overview_numbers(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> pd.DataFrame:
    """The overview chart's numbers: median, consensus and verdict per field."""
    rows = summary.set_index("field_id").reindex(list(fieldset.field_ids))
    return pd.DataFrame({
        t("Handlungsfeld", lang): [fieldset.field(f).title.get(lang) for f in rows.index],
        t("Median", lang): [format_number(v, lang) for v in rows["median"]],
        t("Konsens", lang): [format_number(v, lang, digits=2) for v in rows["consensus"]],
        t("Einschätzung", lang): [verdict_text(v, lang) for v in rows["verdict"]],
    })


def chart_with_numbers(container, figure, numbers: pd.DataFrame, alt: str, key: str, lang: str) -> None:
    """A chart, and its numbers one click away as a real HTML table that a screen reader can walk
    cell by cell (a chart is one picture to it, and ``st.dataframe`` draws on a canvas)."""
    container.plotly_chart(figure, config=CHART_CONFIG, theme=None, key=key, alt=alt)
    with container.expander(t("Zahlen als Tabelle", lang), icon=":material/table_chart:"):
        st.table(numbers.set_index(numbers.columns[0]))


def result_charts(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> None:
    """The distribution and the overview, each with its numbers one click away."""
    st.subheader(t("Wie wurden die Handlungsfelder bewertet?", lang), anchor=False)
    chart_with_numbers(st.container(), charts.distribution_chart(summary, fieldset, lang),
                       distribution_numbers(summary, fieldset, lang),
                       t("Gestapelte Balken: Anteil jeder Bewertungsstufe je Handlungsfeld. Dieselben Zahlen "
                         "stehen in der Tabelle „Zahlen als Tabelle“ darunter.", lang), "distribution_chart", lang)
    st.subheader(t("Überblick: Einschätzung und Einigkeit", lang), anchor=False)
    chart_with_numbers(st.container(), charts.overview_chart(summary, fieldset, lang),
                       overview_numbers(summary, fieldset, lang),
                       t("Punktdiagramm: Median und Konsens je Handlungsfeld, Form und Farbe nach "
                         "Einschätzung. Dieselben Zahlen stehen in der Tabelle „Zahlen als Tabelle“ darunter.",
                         lang), "overview_chart", lang)


def sector_table(breakdown: pd.DataFrame, fieldset: Fieldset, lang: str) -> pd.DataFrame:
    """Fields as rows, sectors as columns: "median (n)", or a dash under 3 answers."""
    table = {}
    for sector in fieldset.sectors:
        cells = breakdown[breakdown["sector"] == sector.id].set_index("field_id")
        table[sector.label.get(lang)] = [
            format_number(cells.at[f.id, "median"], lang) + (
                f" (n={int(cells.at[f.id, 'n'])})" if not pd.isna(cells.at[f.id, "n"]) else "")
            for f in fieldset.fields
        ]
    frame = pd.DataFrame(table, index=[f.title.get(lang) for f in fieldset.fields])
    frame.index.name = t("Handlungsfeld", lang)
    return frame
