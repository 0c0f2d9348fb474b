"""The console's "Taskforce" tab: put the workshop into a process (a new one, or an existing
one with its task-force password) and enter the administration's self-check."""

from __future__ import annotations

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import t
from werkstatt.service import Workshop
from werkstatt.ui.context import get_app, page_params, show_error
from werkstatt.ui.links import own_url
from werkstatt.ui.self_check import self_check_editor
from werkstatt.ui.text import literal


def process_setup(workshop: Workshop, fieldset: Fieldset, language: str) -> None:
    st.subheader(t("Prozess", language), anchor=False)
    if workshop.process_id is None:
        st.caption(t("Ein Prozess fasst die Workshops einer Kommune über die Zeit zusammen (zum "
                     "Beispiel Frühjahr und Herbst). Die Maßnahmen der Taskforce gehören zum "
                     "Prozess, so sieht der Herbst-Workshop, was im Frühjahr vereinbart wurde.", language))
        new_tab, join_tab = st.tabs([t("Neuen Prozess anlegen", language),
                                     t("Zu einem Prozess hinzufügen", language)])
        with new_tab:
            _new_process_form(workshop, language)
        with join_tab:
            _join_process_form(workshop, language)
    else:
        process = get_app().process(workshop.process_id)
        st.success(t("Dieser Workshop gehört zum Prozess „{title}“.", language,
                     title=literal(process.title)), icon=":material/folder_shared:")
        st.metric(t("Prozess-Code", language), process.code)
        st.markdown(t("Die Taskforce meldet sich auf der Startseite ({url}) im Reiter „Taskforce“ "
                      "mit diesem Code und ihrem Passwort an.", language, url=own_url("", **page_params())))
    st.subheader(t("Selbstcheck der Verwaltung", language), anchor=False)
    self_check_editor(workshop, fieldset, language, key="console")


def _new_process_form(workshop: Workshop, language: str) -> None:
    year = workshop.date.year if workshop.date else ""
    with st.form("new_process"):
        title = st.text_input(t("Name des Prozesses", language), max_chars=200, key="process_title",
                              value=t("Weltoffene Kommune {municipality} {year}", language,
                                      municipality=workshop.municipality, year=year).strip())
        password = st.text_input(t("Taskforce-Passwort", language), type="password", key="process_password",
                                 help=t("Mindestens 8 Zeichen. Es schützt die Mitgliederliste und "
                                        "die Maßnahmen; der Teilnahme-Code öffnet diesen Bereich "
                                        "nicht.", language))
        again = st.text_input(t("Passwort wiederholen", language), type="password",
                              key="process_password_again")
        if not st.form_submit_button(t("Prozess anlegen", language), type="primary"):
            return
    if password != again:
        st.error(t("Die beiden Passwörter sind nicht gleich. Bitte noch einmal eingeben.", language))
        return
    _run(lambda: get_app().create_process(title, workshop.municipality, password, workshop_id=workshop.id))


def _join_process_form(workshop: Workshop, language: str) -> None:
    with st.form("join_process"):
        code = st.text_input(t("Prozess-Code", language), max_chars=20, key="join_process_code")
        password = st.text_input(t("Taskforce-Passwort", language), type="password",
                                 key="join_process_password")
        if not st.form_submit_button(t("Workshop hinzufügen", language), type="primary"):
            return
    _run(lambda: get_app().add_workshop_to_process(workshop.id, code, password))


def _run(attach) -> None:
    try:
        with st.spinner():
            attach()
    except WerkstattError as error:
        show_error(error)
        return
    st.rerun()
