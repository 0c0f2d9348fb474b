"""The role guards: no valid ``?f=`` token, no facilitator controls; no valid ``?tf=`` token,
no task-force page. A participant's ``?t=`` token is neither: each kind of sign-in has a table
of its own, so a participant link never reaches these pages."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from werkstatt.errors import NotAuthorized
from werkstatt.i18n import t
from werkstatt.service import Workshop
from werkstatt.taskforce import Process
from werkstatt.ui.context import get_app, lang, page_params, show_error


def facilitator_token() -> str:
    return st.query_params.get("f", "")


def taskforce_token() -> str:
    return st.query_params.get("tf", "")


def require_facilitator() -> Workshop:
    """The workshop this facilitator may run; stops the page otherwise."""
    try:
        return get_app().facilitated_workshop(facilitator_token())
    except NotAuthorized as error:
        _refuse(error)


def require_taskforce() -> Process:
    """The process this task-force sign-in opens; stops the page otherwise."""
    try:
        return get_app().taskforce_process(taskforce_token())
    except NotAuthorized as error:
        _refuse(error)


def _refuse(error: NotAuthorized) -> NoReturn:
    show_error(error)
    st.page_link("pages/start.py", label=t("Start", lang()), icon=":material/home:",
                 query_params=page_params())
    st.stop()
