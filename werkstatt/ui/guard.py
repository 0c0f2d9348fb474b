"""The role guard of the facilitator pages: no valid ``?f=`` token, no controls."""

from __future__ import annotations

import streamlit as st

from werkstatt.errors import NotAuthorized
from werkstatt.i18n import t
from werkstatt.service import Workshop
from werkstatt.ui.context import get_app, lang, page_params, show_error


def facilitator_token() -> str:
    return st.query_params.get("f", "")


def require_facilitator() -> Workshop:
    """The workshop this facilitator may run; stops the page otherwise."""
    try:
        return get_app().facilitated_workshop(facilitator_token())
    except NotAuthorized as error:
        show_error(error)
        st.page_link("views/start.py", label=t("nav.start", lang()), icon=":material/home:",
                     query_params=page_params())
        st.stop()
