"""Start: the way to the participants' page, create a workshop, sign in to facilitate, or sign in
as the task force."""

import datetime as dt

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import DEFAULT_FIELDSET
from werkstatt.i18n import N_, date_input_format, t
from werkstatt.ui.access import statement_link
from werkstatt.ui.context import get_app, lang, page_params, show_error
from werkstatt.ui.frame import frame
from werkstatt.ui.links import participant_link


def join_box(language: str) -> None:
    """The way in for a participant who typed the bare address: their own page
    (``/teilnehmen``), which asks for the code in six languages."""
    with st.container(border=True):
        st.subheader(t("Mitmachen", language), anchor=False)
        st.markdown(t("Mit dem Code vom Beamer, ohne Anmeldung. Die Seite für Teilnehmende gibt es "
                      "auch auf English, Türkçe, العربية, "
                      "Русский und Українська.", language))
        participant_link(t("Zur Teilnahme: Code eingeben", language), kind="primary", **page_params())


def create_form(language: str) -> None:
    app = get_app()
    usable, broken = app.fieldset_files()
    fieldset_ids = [f.id for f in usable]
    titles = {f.id: f.title.get(language) for f in usable}
    for problem in broken:
        st.warning(str(problem), icon=":material/warning:")
    with st.form("create_workshop_form"):
        title = st.text_input(t("Titel", language), key="create_title", max_chars=200,
                              placeholder=t("z. B. Selbstcheck-Workshop Weltoffene Kommune", language))
        municipality = st.text_input(t("Kommune", language), key="create_municipality", max_chars=200)
        left, right = st.columns(2)
        date = left.date_input(t("Datum", language), value=dt.date.today(), key="create_date",
                               format=date_input_format(language))
        place = right.text_input(t("Ort", language), key="create_place", max_chars=200)
        fieldset = st.selectbox(t("Handlungsfelder", language), fieldset_ids, key="create_fieldset",
                                index=fieldset_ids.index(DEFAULT_FIELDSET), format_func=titles.get)
        pin = st.text_input(t("Moderations-PIN", language), type="password", key="create_pin",
                            help=t("Mindestens 4 Zeichen. Mit Code und PIN öffnen Sie später die "
                                   "Moderation wieder.", language))
        pin_again = st.text_input(t("PIN wiederholen", language), type="password", key="create_pin_again")
        if not st.form_submit_button(t("Workshop anlegen", language), type="primary"):
            return
    if pin != pin_again:
        st.error(t("Die beiden PINs stimmen nicht überein. Bitte noch einmal eingeben.", language))
        return
    try:
        with st.spinner(t("Workshop wird angelegt …", language)):
            workshop = app.create_workshop(title=title, municipality=municipality, facilitator_pin=pin,
                                           fieldset=fieldset, date=date, place=place, language=language)
            token = app.facilitator_login(workshop.join_code, pin)
    except WerkstattError as error:
        show_error(error)
        return
    st.switch_page("pages/moderation.py", query_params=page_params(f=token))


def sign_in_form(form: str, keys: tuple[str, str], labels: tuple[str, str, str], sign_in, page: str,
                 param: str, language: str) -> None:
    """Code + secret → a token in the target page's URL (``param``); a refusal says why and keeps
    the code in the box. ``keys`` name the two inputs, ``labels`` are the catalogue keys of code,
    secret and button."""
    code_label, secret_label, button = labels
    with st.form(form):
        code = st.text_input(t(code_label, language), key=keys[0], max_chars=20)
        secret = st.text_input(t(secret_label, language), type="password", key=keys[1])
        if not st.form_submit_button(t(button, language), type="primary"):
            return
    try:
        with st.spinner(t("PIN wird geprüft …", language)):
            token = sign_in(code, secret)
    except WerkstattError as error:
        show_error(error)
        return
    st.switch_page(page, query_params=page_params(**{param: token}))


def start_page() -> None:
    language = lang()
    st.title(t("Werkstatt", language))
    st.write(t("Gemeinsam einschätzen, wo unsere Kommune steht: Alle bewerten die Handlungsfelder "
               "auf dem Tablet oder Handy, der Beamer zeigt das Bild des ganzen Raums.", language))
    join_box(language)
    st.subheader(t("Moderation", language))
    create_tab, login_tab, taskforce_tab = st.tabs([t("Neuen Workshop anlegen", language),
                                                    t("Moderation öffnen", language),
                                                    t("Taskforce", language)])
    with create_tab:
        create_form(language)
    with login_tab:
        sign_in_form("facilitator_login_form", ("login_code", "login_pin"),
                     (N_("Code vom Beamer"), N_("Moderations-PIN"), N_("Anmelden")),
                     get_app().facilitator_login, "pages/moderation.py", "f", language)
    with taskforce_tab:
        st.caption(t("Für die Taskforce nach dem Workshop: Maßnahmen verfolgen, Workshops vergleichen. "
                     "Den Prozess-Code und das Passwort bekommen Sie von der Moderation.", language))
        sign_in_form("taskforce_login_form", ("taskforce_code", "taskforce_password"),
                     (N_("Prozess-Code"), N_("Taskforce-Passwort"), N_("Anmelden")),
                     get_app().taskforce_login, "pages/taskforce.py", "tf", language)
    statement_link(language)


frame()
start_page()
