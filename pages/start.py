"""Start: the way to the participants' page, create a workshop (or, with accounts on, an
organiser's sign-in), sign in to facilitate, or sign in as the task force."""

import streamlit as st

from werkstatt.i18n import N_, t
from werkstatt.ui.access import statement_link
from werkstatt.ui.context import get_app, lang, page_params
from werkstatt.ui.frame import frame
from werkstatt.ui.links import participant_link
from werkstatt.ui.sign_in import create_form, organizer_sign_in, sign_in_form


def join_box(language: str) -> None:
    """The way in for a participant who typed the bare address: their own page
    (``/teilnehmen``), which asks for the code in six languages."""
    with st.container(border=True):
        st.subheader(t("Mitmachen", language), anchor=False)
        st.markdown(t("Mit dem Code vom Beamer, ohne Anmeldung. Die Seite für Teilnehmende gibt es "
                      "auch auf English, Türkçe, العربية, "
                      "Русский und Українська.", language))
        participant_link(t("Zur Teilnahme: Code eingeben", language), kind="primary", **page_params())


def start_page() -> None:
    language = lang()
    st.title(t("Werkstatt", language))
    st.write(t("Gemeinsam einschätzen, wo unsere Kommune steht: Alle bewerten die Handlungsfelder "
               "auf dem Tablet oder Handy, der Beamer zeigt das Bild des ganzen Raums.", language))
    join_box(language)
    st.subheader(t("Moderation", language))
    app = get_app()
    create_label = t("Mit Konto anmelden", language) if app.accounts else t("Neuen Workshop anlegen", language)
    create_tab, login_tab, taskforce_tab = st.tabs([create_label,
                                                    t("Moderation öffnen", language),
                                                    t("Taskforce", language)])
    with create_tab:
        if app.accounts:
            st.caption(t("Auf diesem Server legen angemeldete Organisatorinnen und Organisatoren "
                         "Workshops an. Ihr Konto bekommen Sie vom Betrieb des Servers.", language))
            organizer_sign_in(language)
        else:
            create_form(language, app.create_workshop,
                        lambda workshop, pin: app.facilitator_login(workshop.join_code, pin))
    with login_tab:
        sign_in_form("facilitator_login_form", ("login_code", "login_pin"),
                     (N_("Code vom Beamer"), N_("Moderations-PIN"), N_("Anmelden")),
                     app.facilitator_login, "pages/moderation.py", "f", language)
    with taskforce_tab:
        st.caption(t("Für die Taskforce nach dem Workshop: Maßnahmen verfolgen, Workshops vergleichen. "
                     "Den Prozess-Code und das Passwort bekommen Sie von der Moderation.", language))
        sign_in_form("taskforce_login_form", ("taskforce_code", "taskforce_password"),
                     (N_("Prozess-Code"), N_("Taskforce-Passwort"), N_("Anmelden")),
                     app.taskforce_login, "pages/taskforce.py", "tf", language)
    statement_link(language)


frame()
start_page()
