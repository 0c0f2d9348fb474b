"""Who and where: the shared service, the screen language, errors on screen."""

from __future__ import annotations

import streamlit as st

from werkstatt.errors import StorageError, WerkstattError
from werkstatt.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    normalize_language,
    t,
)
from werkstatt.service import Werkstatt
from werkstatt import settings
from werkstatt.settings import db_path

LANG_KEY = "lang"  # query parameter
SWITCH_KEY = "language_switch"


@st.cache_resource
def _service(path: str, accounts: bool) -> Werkstatt:
    return Werkstatt(path, accounts=accounts)


def get_app() -> Werkstatt:
    """The one service of this server process (its store pools the connections).

    A database file that cannot be opened or written (a read-only place, a full disk, no
    database at all) stops the page with what to fix instead of a traceback. A failed start is
    not cached, so the next page load tries again once it is fixed."""
    try:
        return _service(db_path(), settings.accounts())
    except StorageError as error:
        st.error(error.start_message(lang()), icon=":material/database:")
        st.stop()


def lang(default: str = DEFAULT_LANGUAGE) -> str:
    """The screen language: the switch's value, else ``?lang=``, else ``default``."""
    return normalize_language(st.session_state.get(SWITCH_KEY) or st.query_params.get(LANG_KEY) or default)


def _remember_language() -> None:
    """Keep the choice in the URL (``?lang=en``), so a reload or a shared link keeps it."""
    if st.session_state[SWITCH_KEY] == DEFAULT_LANGUAGE:
        st.query_params.pop(LANG_KEY, None)
    else:
        st.query_params[LANG_KEY] = st.session_state[SWITCH_KEY]


def language_switch() -> None:
    """The Deutsch/English switch at the top of every page but the projector."""
    if SWITCH_KEY not in st.session_state:
        st.session_state[SWITCH_KEY] = normalize_language(st.query_params.get(LANG_KEY))
    st.segmented_control(
        t("Sprache", lang()),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key=SWITCH_KEY,
        on_change=_remember_language,
        required=True,
        label_visibility="collapsed",
    )


def page_params(**params: str) -> dict[str, str]:
    """Query parameters for a link to another page, carrying the language along."""
    current = lang()
    extra = {} if current == DEFAULT_LANGUAGE else {LANG_KEY: current}
    return {**{k: v for k, v in params.items() if v}, **extra}


def show_error(error: WerkstattError) -> None:
    """The error's sentence in this page's language."""
    st.error(error.message(lang()), icon=":material/error:")


ACTION_ERROR_KEY = "action_error"


def act(action, *args: object) -> None:
    """Button callback: run a service action; a refused one's message shows on the next run
    (``show_action_error``), so every mistake gets its sentence and nothing half-done stays."""
    try:
        action(*args)
    except WerkstattError as error:
        st.session_state[ACTION_ERROR_KEY] = error


def show_action_error() -> None:
    error = st.session_state.pop(ACTION_ERROR_KEY, None)
    if error is not None:
        show_error(error)
