"""Comparisons on the task-force page: two workshops of the process side by side, and a
workshop beside the administration's own self-check (the "perspective gap")."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from werkstatt import charts
from werkstatt.i18n import N_, format_change, format_day, format_number, marked, symbol, t
from werkstatt.service import Workshop
from werkstatt.ui.context import get_app
from werkstatt.ui.results import CHART_CONFIG
from werkstatt.ui.self_check import self_check_editor
from werkstatt.ui.text import literal

TREND_HEADINGS = {"improved": N_("Verbessert"), "fell_back": N_("Zurückgefallen")}



def _version_note(before: Workshop, after: Workshop, language: str) -> None:
    """Two workshops on different versions of an own topic list: which fields one of them lacks,
    so nobody reads a field that only one version has as unchanged."""
    difference = get_app().version_difference(before.fieldset_id, after.fieldset_id)
    if difference is None:
        return
    lines = [t("Die beiden Workshops nutzen verschiedene Fassungen der Themenliste (Version {before} und "
               "{after}). Verglichen werden die Felder, die beide haben.", language,
               before=difference.before, after=difference.after)]
    if difference.added:
        lines.append(t("Neu in Version {n}: {fields}", language, n=difference.after,
                       fields=", ".join(literal(title) for title in difference.added)))
    if difference.removed:
        lines.append(t("Nicht mehr in Version {n}: {fields}", language, n=difference.after,
                       fields=", ".join(literal(title) for title in difference.removed)))
    st.info("  \n".join(lines), icon=":material/difference:")


def workshop_label(workshop: Workshop, language: str) -> str:
    return f"{workshop.title} · {format_day(workshop.date, language)}"


def comparison_panel(workshops: list[Workshop], language: str) -> None:
    """Two workshops of the process side by side, on the later one's topic list."""
    st.subheader(t("Zwei Workshops im Vergleich", language), anchor=False)
    if len(workshops) < 2:
        st.info(t("Für einen Vergleich braucht der Prozess mindestens zwei Workshops.", language),
                icon=":material/compare_arrows:")
        return
    by_id = {w.id: w for w in workshops}
    ids = list(by_id)
    left, right = st.columns(2)
    before = left.selectbox(t("Früherer Workshop", language), ids, index=len(ids) - 2, key="compare_before",
                            format_func=lambda i: workshop_label(by_id[i], language))
    after = right.selectbox(t("Späterer Workshop", language), ids, index=len(ids) - 1, key="compare_after",
                            format_func=lambda i: workshop_label(by_id[i], language))
    if before == after:
        st.warning(t("Bitte zwei verschiedene Workshops wählen.", language))
        return
    frame = get_app().comparison(before, after)
    fieldset = get_app().fieldset(by_id[after])
    _version_note(by_id[before], by_id[after], language)
    titles = [fieldset.field(f).title.get(language) for f in frame["field_id"]]
    for trend in ("improved", "fell_back"):
        names = [title for title, value in zip(titles, frame["trend"]) if value == trend]
        if names:
            st.markdown(f"**{symbol('trend', trend)} {t(TREND_HEADINGS[trend], language)}:** "
                        + ", ".join(names))
    st.dataframe(pd.DataFrame({
        t("Handlungsfeld", language): titles,
        t("Median vorher", language): [format_number(v, language) for v in frame["median_before"]],
        t("Median nachher", language): [format_number(v, language) for v in frame["median_after"]],
        t("Median Δ", language): [format_change(v, language) for v in frame["median_change"]],
        t("Mittelwert Δ", language): [format_change(v, language, 2) for v in frame["mean_change"]],
        t("Konsens Δ", language): [format_change(v, language, 2) for v in frame["consensus_change"]],
        t("Antworten", language): [f"{_count(a)} → {_count(b)}"
                                   for a, b in zip(frame["n_before"], frame["n_after"])],
        t("Entwicklung", language): [marked("trend", v, language) for v in frame["trend"]],
    }), hide_index=True, width="stretch")
    st.caption(t("Die Entwicklung folgt dem Median: gestiegen heißt verbessert, gesunken "
                 "zurückgefallen. Der Mittelwert steht nur daneben. Konsens Δ über 0: Die Runde ist "
                 "sich einiger als vorher.", language))
    with st.expander(t("Verteilung: Veränderung je Stufe", language), icon=":material/stacked_bar_chart:"):
        st.caption(t("Veränderung des Anteils jeder Stufe an den Antworten, in Prozentpunkten.", language))
        shifts = {t("Handlungsfeld", language): titles}
        for value in fieldset.scale.values:
            shifts[fieldset.scale.label(value, language)] = [
                format_change(v, language, 0) for v in frame[f"share_{value}_change"]]
        st.dataframe(pd.DataFrame(shifts), hide_index=True, width="stretch")


def perspective_panel(workshops: list[Workshop], language: str) -> None:
    """The latest workshop by default; any other of the process on request, on its own topic list."""
    st.subheader(t("Selbstcheck der Verwaltung und Sicht des Workshops", language), anchor=False)
    st.caption(t("Wo die Verwaltung sich selbst anders sieht als die Runde im Workshop: Das ist die "
                 "Perspektivlücke, die der Workshop sichtbar machen soll. Ab einer ganzen Stufe "
                 "Unterschied gilt ein Feld als verschieden.", language))
    by_id = {w.id: w for w in workshops}
    workshop = by_id[st.selectbox(t("Workshop", language), list(by_id), index=len(by_id) - 1,
                                  key="perspective_workshop",
                                  format_func=lambda i: workshop_label(by_id[i], language))]
    frame = get_app().perspective(workshop.id)
    fieldset = get_app().fieldset(workshop)
    if frame["self_check"].isna().all():
        st.info(t("Für diesen Workshop ist noch kein Selbstcheck eingetragen. Unten eingeben oder "
                  "als CSV-Datei importieren.", language), icon=":material/fact_check:")
    else:
        st.plotly_chart(charts.perspective_chart(frame, fieldset, language), config=CHART_CONFIG, theme=None,
                        key="perspective_chart", alt=t("Punktdiagramm: Selbstcheck der Verwaltung "
                                                       "und Median des Workshops je Handlungsfeld. "
                                                       "Dieselben Zahlen stehen in der Tabelle "
                                                       "darunter.", language))
        st.dataframe(pd.DataFrame({
            t("Handlungsfeld", language): [fieldset.field(f).title.get(language) for f in frame["field_id"]],
            t("Selbstcheck", language): [format_number(v, language) for v in frame["self_check"]],
            t("Workshop (Median)", language): [format_number(v, language) for v in frame["median"]],
            t("Differenz", language): [format_change(v, language) for v in frame["difference"]],
            t("Einordnung", language): [marked("perspective", v, language) for v in frame["view"]],
        }), hide_index=True, width="stretch")
    with st.expander(t("Selbstcheck eingeben oder importieren", language), icon=":material/edit_note:"):
        self_check_editor(workshop, fieldset, language, key="taskforce")


def _count(value: float) -> str:
    return "0" if value is None or math.isnan(value) else str(int(value))
