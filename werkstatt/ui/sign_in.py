"""The forms that lead into a role: create a workshop, and sign in with a code (or a name) and
a secret. The start page and the organisers' page share them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import DEFAULT_FIELDSET
from werkstatt.i18n import N_, date_input_format, t
from werkstatt.service import Workshop
from werkstatt.ui.context import get_app, page_params, show_error


def create_form(language: str, create: Callable[..., Workshop],
                open_console: Callable[[Workshop, str], str]) -> None:
    """The new-workshop form. ``create`` stores it (the laptop's ``create_workshop``, or an
    organiser's); ``open_console(workshop, pin)`` returns the console's token, and the page
    moves there."""
    app = get_app()
    _, broken = app.fieldset_files()
    usable = app.fieldset_choices(st.query_params.get("o", ""))
    fieldset_ids = [f.id for f in usable]
    titles = {f.id: f.title.get(language) for f in usable}
    for problem in broken:
        st.warning(str(problem), icon=":material/warning:")
    st.page_link("pages/themen.py", label=t("Eigene Themenliste anlegen oder einlesen", language),
                 icon=":material/playlist_add:", query_params=page_params(o=st.query_params.get("o", "")))
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
            workshop = create(title=title, municipality=municipality, facilitator_pin=pin,
                              fieldset=fieldset, date=date, place=place, language=language)
            token = open_console(workshop, pin)
    except WerkstattError as error:
        show_error(error)
        return
    st.switch_page("pages/moderation.py", query_params=page_params(f=token))


def sign_in_form(form: str, keys: tuple[str, str], labels: tuple[str, str, str], sign_in, page: str,
                 param: str, language: str, spinner: str = N_("PIN wird geprüft …"), code_chars: int = 20) -> None:
    """Code + secret → a token in the target page's URL (``param``); a refusal says why and keeps
    the code in the box. ``keys`` name the two inputs, ``labels`` are the catalogue keys of code,
    secret and button; ``code_chars`` is the longest code (or name) the first box takes."""
    code_label, secret_label, button = labels
    with st.form(form):
        code = st.text_input(t(code_label, language), key=keys[0], max_chars=code_chars)
        secret = st.text_input(t(secret_label, language), type="password", key=keys[1])
        if not st.form_submit_button(t(button, language), type="primary"):
            return
    try:
        with st.spinner(t(spinner, language)):
            token = sign_in(code, secret)
    except WerkstattError as error:
        show_error(error)
        return
    st.switch_page(page, query_params=page_params(**{param: token}))


def organizer_sign_in(language: str) -> None:
    """Name and password of an organiser's account → their page (``/konto?o=…``)."""
    sign_in_form("organizer_login_form", ("organizer_name", "organizer_password"),
                 (N_("Ihr Name"), N_("Passwort"), N_("Anmelden")), get_app().organizer_login,
                 "pages/konto.py", "o", language, spinner=N_("Passwort wird geprüft …"), code_chars=200)
