"""Results for the facilitator: the per-field table, the sector breakdown, the charts, the
cards the groups wrote with their dots, and the downloads."""

import streamlit as st

from werkstatt.aggregate import too_few_note
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
    st.page_link("pages/moderation.py", label=t("Zurück zur Moderation", language),
                 icon=":material/arrow_back:", query_params=page_params(f=facilitator_token()))
    st.title(t("Ergebnisse: {title}", language, title=literal(workshop.title)), anchor=False)
    if not workshop.step.shows_results:
        st.warning(t("Noch nicht freigegeben: Beamer und Teilnehmende sehen diese Ergebnisse erst im "
                     "Schritt „Ergebnis“.", language), icon=":material/visibility_off:")
    summary = app.summary(workshop.id)
    st.subheader(t("Je Handlungsfeld", language), anchor=False)
    st.dataframe(summary_table(summary, fieldset, language), hide_index=True, width="stretch")
    if note := too_few_note(summary, fieldset, language):
        st.caption(note)
    st.caption(t("Median und Verteilung zuerst; der Mittelwert steht nur daneben. Konsens: 1 = alle "
                 "einig, 0 = je zur Hälfte an beiden Enden der Skala. „Kann ich nicht einschätzen“ "
                 "wird gezählt, aber nie gemittelt.", language))
    st.subheader(t("Nach Bereich", language), anchor=False)
    st.caption(t("Median je Bereich. Ein Feld bleibt leer, wenn weniger als 3 Antworten darin stehen "
                 "– so bleibt jede Bewertung anonym.", language))
    st.dataframe(sector_table(app.sector_breakdown(workshop.id), fieldset, language), width="stretch")
    result_charts(summary, fieldset, language)
    card_results(app.board(workshop.id), app.groups(workshop.id), fieldset, language)
    st.subheader(t("Herunterladen", language), anchor=False)
    workshop_downloads(workshop, language)


frame(wide=True)
results_page()
