"""Results for the facilitator: the per-field table, the sector breakdown, the charts, the
cards the groups wrote with their dots, and the downloads."""

import streamlit as st

from werkstatt.i18n import t
from werkstatt.ui.card_results import card_results
from werkstatt.ui.context import get_app, lang, page_params
from werkstatt.ui.downloads import workshop_downloads
from werkstatt.ui.frame import frame
from werkstatt.ui.guard import facilitator_token, require_facilitator
from werkstatt.ui.live import follow
from werkstatt.ui.results import result_charts, sector_table, summary_table
from werkstatt.ui.text import literal


def results_page() -> None:
    language = lang()
    app = get_app()
    workshop = follow(require_facilitator().id)
    fieldset = app.fieldset(workshop)
    st.page_link("pages/moderation.py", label=t("results.back", language), icon=":material/arrow_back:",
                 query_params=page_params(f=facilitator_token()))
    st.title(t("results.title", language, title=literal(workshop.title)), anchor=False)
    if not workshop.step.shows_results:
        st.warning(t("results.not_revealed", language), icon=":material/visibility_off:")
    summary = app.summary(workshop.id)
    st.subheader(t("results.per_field", language), anchor=False)
    st.dataframe(summary_table(summary, fieldset, language), hide_index=True, width="stretch")
    st.caption(t("results.legend", language))
    st.subheader(t("results.by_sector", language), anchor=False)
    st.caption(t("results.by_sector.help", language))
    st.dataframe(sector_table(app.sector_breakdown(workshop.id), fieldset, language), width="stretch")
    result_charts(summary, fieldset, language)
    card_results(app.board(workshop.id), app.groups(workshop.id), fieldset, language)
    st.subheader(t("downloads.title", language), anchor=False)
    workshop_downloads(workshop, language)


frame(wide=True)
results_page()
