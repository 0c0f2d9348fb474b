"""An organiser's own page (hosted servers with accounts on): sign in, or set the password from
an invitation link; then their workshops by state, and a new one."""

import streamlit as st

from werkstatt.errors import NotAuthorized, WerkstattError
from werkstatt.i18n import t
from werkstatt.ui.context import get_app, lang, page_params, show_error
from werkstatt.ui.frame import frame
from werkstatt.ui.own_workshops import workshop_list
from werkstatt.ui.sign_in import create_form, organizer_sign_in
from werkstatt.ui.text import literal


def invitation_form(invitation: str, language: str) -> None:
    """The one-time link's form: choose a password, then the organiser is signed in."""
    st.title(t("Willkommen bei Werkstatt", language), anchor=False)
    st.write(t("Wählen Sie ein Passwort für Ihr Konto. Mit Ihrem Namen und diesem Passwort melden Sie "
               "sich künftig an. Der Link gilt nur einmal.", language))
    with st.form("invitation_form"):
        password = st.text_input(t("Passwort", language), type="password", key="invitation_password",
                                 help=t("Mindestens 10 Zeichen.", language))
        again = st.text_input(t("Passwort wiederholen", language), type="password", key="invitation_again")
        if not st.form_submit_button(t("Passwort speichern", language), type="primary"):
            return
    try:
        with st.spinner(t("Passwort wird gespeichert …", language)):
            token = get_app().accept_invitation(invitation, password, again)
    except WerkstattError as error:
        show_error(error)
        return
    st.switch_page("pages/konto.py", query_params=page_params(o=token))


def konto_page() -> None:
    language = lang()
    app = get_app()
    if not app.accounts:
        st.info(t("Auf diesem Server gibt es keine Konten: Workshops legen Sie direkt auf der Startseite an.",
                  language), icon=":material/info:")
        st.page_link("pages/start.py", label=t("Start", language), icon=":material/home:",
                     query_params=page_params())
        return
    invitation = st.query_params.get("einladung", "")
    if invitation:
        invitation_form(invitation, language)
        return
    token = st.query_params.get("o", "")
    try:
        organizer = app.signed_in_organizer(token)
    except NotAuthorized as error:
        st.title(t("Anmelden", language), anchor=False)
        if token:
            show_error(error)
        organizer_sign_in(language)
        return
    title, sign_out = st.columns([4, 1], vertical_alignment="bottom")
    title.title(t("Meine Workshops", language), anchor=False)
    title.caption(t("Angemeldet als {name}", language, name=literal(organizer.name)))
    if sign_out.button(t("Abmelden", language), icon=":material/logout:", width="stretch"):
        app.organizer_logout(token)
        st.switch_page("pages/start.py", query_params=page_params())
    own, new = st.tabs([t("Meine Workshops", language), t("Neuen Workshop anlegen", language)])
    with own:
        workshop_list(token, language)
    with new:
        create_form(language, lambda **details: app.organizer_create_workshop(token, **details),
                    lambda workshop, pin: app.organizer_console(token, workshop.id))


frame(wide=True)
konto_page()
