"""Result widgets shared by the projector and the results page."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from werkstatt import charts
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, format_number, format_percent, marked, nt, t, word

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def verdict_text(verdict: str, lang: str) -> str:
    return marked("verdict", verdict, lang)


def too_few_note(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> str:
    """Why a field reads "zu wenige Antworten", or "" when none does: a rehearsal with three
    colleagues reads it in every field, and the room should know it is the count, not the city."""
    if not (summary["verdict"] == "too_few").any():
        return ""
    return nt("„{word}“ heißt: weniger als {n} Antwort auf der Skala („kann ich nicht einschätzen“ "
              "zählt nicht mit) – zu wenig für eine Einschätzung.",
              "„{word}“ heißt: weniger als {n} Antworten auf der Skala („kann ich nicht einschätzen“ "
              "zählt nicht mit) – zu wenig für eine Einschätzung.",
              fieldset.verdict.min_answers, lang, word=word("verdict", "too_few", lang))


def summary_table(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> pd.DataFrame:
    """The per-field table for people: German numbers, level labels as columns."""
    rows = []
    for row in summary.itertuples(index=False):
        record = {
            t("Handlungsfeld", lang): fieldset.field(row.field_id).title.get(lang),
            t("Antworten", lang): int(row.n),
            t("kann ich nicht einschätzen", lang): int(row.dont_know),
        }
        for value in fieldset.scale.values:
            record[fieldset.scale.label(value, lang)] = int(getattr(row, f"dist_{value}"))
        record[t("Median", lang)] = format_number(row.median, lang)
        record[t("Mittelwert", lang)] = format_number(row.mean, lang, digits=2)
        record[t("Konsens", lang)] = format_number(row.consensus, lang, digits=2)
        record[t("Einschätzung", lang)] = verdict_text(row.verdict, lang)
        rows.append(record)
    return pd.DataFrame(rows)


def verdict_cards(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> None:
    """One card per field for the projector: verdict, median, consensus, answers."""
    cards = []
    for number, row in enumerate(summary.itertuples(index=False), start=1):
        title = f"{number} · " + html.escape(fieldset.field(row.field_id).title.get(lang))
        facts = " · ".join([
            f"{t('Median', lang)} {format_number(row.median, lang)}",
            f"{t('Konsens', lang)} {format_number(row.consensus, lang, digits=2)}",
            f"{t('Antworten', lang)} {int(row.n)}",
        ])
        cards.append(
            f'<div class="ws-card"><b>{title}</b><br>'
            f'<span class="ws-verdict">{html.escape(verdict_text(row.verdict, lang))}</span><br>'
            f"{html.escape(facts)}</div>"
        )
    st.html('<div class="ws-cards">' + "".join(cards) + "</div>")


# The CSS twin of each plotly bar pattern, so the projector's key shows the pattern the bars have.
PATTERN_CSS = {
    "": "none",
    "/": "repeating-linear-gradient(-45deg, #000 0 2px, transparent 2px 7px)",
    "\\": "repeating-linear-gradient(45deg, #000 0 2px, transparent 2px 7px)",
    ".": "radial-gradient(circle, #000 1.5px, transparent 2px) 0 0 / 6px 6px",
    "x": "repeating-linear-gradient(45deg, #000 0 1.5px, transparent 1.5px 7px), "
         "repeating-linear-gradient(-45deg, #000 0 1.5px, transparent 1.5px 7px)",
    "-": "repeating-linear-gradient(0deg, #000 0 2px, transparent 2px 7px)",
    "|": "repeating-linear-gradient(90deg, #000 0 2px, transparent 2px 7px)",
    "+": "repeating-linear-gradient(0deg, #000 0 1.5px, transparent 1.5px 7px), "
         "repeating-linear-gradient(90deg, #000 0 1.5px, transparent 1.5px 7px)",
}


def level_key(fieldset: Fieldset, lang: str) -> str:
    """The colour and pattern key of the scale as HTML, for the projector.

    plotly lays out a horizontal legend for the width a chart has when it is
    first drawn; in a projector column that is too narrow and the legend ends
    up one entry per row over the title, so the projector shows this instead.
    """
    scale = fieldset.scale
    colours, patterns = charts.scale_colours(scale), charts.scale_patterns(scale)
    values = list(scale.values) + ([None] if scale.dont_know else [])
    return '<div class="ws-key">' + "".join(
        f'<span><i style="background:{PATTERN_CSS[patterns[value]]}, {colours[value]}"></i>'
        f"{html.escape(scale.label(value, lang))}</span>" for value in values
    ) + "</div>"


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


def result_charts(summary: pd.DataFrame, fieldset: Fieldset, lang: str, large: bool = False) -> None:
    """The distribution and the overview; side by side on the projector, so all fits on one screen."""
    left, right = st.columns([3, 2]) if large else (st.container(), st.container())

    def show(container, figure, numbers, alt: str, key: str) -> None:
        if large:  # the projector has no controls: its numbers are on the verdict cards above
            container.plotly_chart(figure, config=CHART_CONFIG, theme=None, key=key,
                                   alt=t("Ergebnisdiagramm für den Beamer; die Zahlen je "
                                         "Handlungsfeld stehen in den Karten darüber.", lang))
        else:
            chart_with_numbers(container, figure, numbers(summary, fieldset, lang), t(alt, lang), key, lang)

    distribution = charts.distribution_chart(summary, fieldset, lang, large=large, legend=not large)
    _heading(left, t("Wie wurden die Handlungsfelder bewertet?", lang), large)
    if large:
        left.html(level_key(fieldset, lang))
    show(left, distribution, distribution_numbers, N_("Gestapelte Balken: Anteil jeder "
                                                      "Bewertungsstufe je Handlungsfeld. Dieselben "
                                                      "Zahlen stehen in der Tabelle „Zahlen als "
                                                      "Tabelle“ darunter."), "distribution_chart")
    _heading(right, t("Überblick: Einschätzung und Einigkeit", lang), large)
    show(right, charts.overview_chart(summary, fieldset, lang, large=large), overview_numbers,
         N_("Punktdiagramm: Median und Konsens je Handlungsfeld, Form und Farbe nach Einschätzung. "
            "Dieselben Zahlen stehen in der Tabelle „Zahlen als Tabelle“ darunter."), "overview_chart")


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
            format_number(cells.at[f.id, "median"], lang) + (
                f" (n={int(cells.at[f.id, 'n'])})" if not pd.isna(cells.at[f.id, "n"]) else "")
            for f in fieldset.fields
        ]
    frame = pd.DataFrame(table, index=[f.title.get(lang) for f in fieldset.fields])
    frame.index.name = t("Handlungsfeld", lang)
    return frame
