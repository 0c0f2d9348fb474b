"""Comparisons on the task-force page: two workshops of the process side by side, and a
workshop beside the administration's own self-check (the "perspective gap")."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from werkstatt import charts
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import SYMBOLS, fmt_change, fmt_date, fmt_number, t
from werkstatt.service import Workshop
from werkstatt.ui.context import get_app
from werkstatt.ui.results import CHART_CONFIG
from werkstatt.ui.self_check import self_check_editor



def workshop_label(workshop: Workshop, language: str) -> str:
    return f"{workshop.title} · {fmt_date(workshop.date, language)}"


def comparison_panel(workshops: list[Workshop], fieldset: Fieldset, language: str) -> None:
    st.subheader(t("compare.title", language), anchor=False)
    if len(workshops) < 2:
        st.info(t("compare.needs_two", language), icon=":material/compare_arrows:")
        return
    by_id = {w.id: w for w in workshops}
    ids = list(by_id)
    left, right = st.columns(2)
    before = left.selectbox(t("compare.before", language), ids, index=len(ids) - 2, key="compare_before",
                            format_func=lambda i: workshop_label(by_id[i], language))
    after = right.selectbox(t("compare.after", language), ids, index=len(ids) - 1, key="compare_after",
                            format_func=lambda i: workshop_label(by_id[i], language))
    if before == after:
        st.warning(t("compare.same", language))
        return
    frame = get_app().comparison(before, after)
    titles = [fieldset.field(f).title.get(language) for f in frame["field_id"]]
    for trend in ("improved", "fell_back"):
        names = [title for title, value in zip(titles, frame["trend"]) if value == trend]
        if names:
            st.markdown(f"**{SYMBOLS['trend'][trend]} {t(f'trend.{trend}.plural', language)}:** " + ", ".join(names))
    st.dataframe(pd.DataFrame({
        t("col.field", language): titles,
        t("compare.median_before", language): [fmt_number(v, language) for v in frame["median_before"]],
        t("compare.median_after", language): [fmt_number(v, language) for v in frame["median_after"]],
        t("compare.median_change", language): [fmt_change(v, language) for v in frame["median_change"]],
        t("compare.mean_change", language): [fmt_change(v, language, 2) for v in frame["mean_change"]],
        t("compare.consensus_change", language): [fmt_change(v, language, 2) for v in frame["consensus_change"]],
        t("compare.n", language): [f"{_count(a)} → {_count(b)}" for a, b in zip(frame["n_before"], frame["n_after"])],
        t("compare.trend", language): [f"{SYMBOLS['trend'][v]} {t(f'trend.{v}', language)}" for v in frame["trend"]],
    }), hide_index=True, width="stretch")
    st.caption(t("compare.legend", language))
    with st.expander(t("compare.distribution", language), icon=":material/stacked_bar_chart:"):
        st.caption(t("compare.distribution.help", language))
        shifts = {t("col.field", language): titles}
        for value in fieldset.scale.values:
            shifts[fieldset.scale.label(value, language)] = [
                fmt_change(v, language, 0) for v in frame[f"share_{value}_change"]]
        st.dataframe(pd.DataFrame(shifts), hide_index=True, width="stretch")


def perspective_panel(workshops: list[Workshop], fieldset: Fieldset, language: str) -> None:
    """The latest workshop by default; any other of the process on request."""
    st.subheader(t("perspective.title", language), anchor=False)
    st.caption(t("perspective.help", language))
    by_id = {w.id: w for w in workshops}
    workshop = by_id[st.selectbox(t("taskforce.workshop", language), list(by_id), index=len(by_id) - 1,
                                  key="perspective_workshop", format_func=lambda i: workshop_label(by_id[i], language))]
    frame = get_app().perspective(workshop.id)
    if frame["self_check"].isna().all():
        st.info(t("perspective.none", language), icon=":material/fact_check:")
    else:
        st.plotly_chart(charts.perspective_chart(frame, fieldset, language), config=CHART_CONFIG, theme=None,
                        key="perspective_chart", alt=t("chart.perspective.alt", language))
        st.dataframe(pd.DataFrame({
            t("col.field", language): [fieldset.field(f).title.get(language) for f in frame["field_id"]],
            t("perspective.self_check", language): [fmt_number(v, language) for v in frame["self_check"]],
            t("perspective.workshop", language): [fmt_number(v, language) for v in frame["median"]],
            t("perspective.difference", language): [fmt_change(v, language) for v in frame["difference"]],
            t("perspective.view", language): [f"{SYMBOLS['perspective.view'][v]} {t(f'perspective.view.{v}', language)}"
                                             for v in frame["view"]],
        }), hide_index=True, width="stretch")
    with st.expander(t("selfcheck.edit", language), icon=":material/edit_note:"):
        self_check_editor(workshop, fieldset, language, key="taskforce")


def _count(value: float) -> str:
    return "0" if value is None or math.isnan(value) else str(int(value))
