"""The accessibility statement ("Erklärung zur Barrierefreiheit"), in the order of the EU model
statement that BITV 2.0 refers to: scope, status, what is met and what is not (and why), how it
was assessed, whom to tell about a barrier, and where to turn if that brings no answer.

A participant may arrive here from their tablet (``/barrierefreiheit?t=<token>``, from the
participants' own pages in ``werkstatt.web``): the back link carries their token and language,
so they land on their own answers again. The contact and the state's enforcement body come
from settings the operator fills in; until then the page says so instead of inventing an
address.
"""

import datetime as dt

import streamlit as st

from werkstatt.i18n import DEFAULT_LANGUAGE, PARTICIPANT_LANGUAGES, fmt_date, normalize_language, t
from werkstatt.settings import CONTACT_ENV, ENFORCEMENT_ENV, accessibility_contact, accessibility_enforcement
from werkstatt.ui.context import LANG_KEY, lang, page_params
from werkstatt.ui.frame import frame
from werkstatt.ui.links import participant_link
from werkstatt.ui.text import literal_lines

PREPARED_ON = dt.date(2026, 11, 23)
REVIEWED_ON = dt.date(2026, 12, 7)  # the participants' pages became plain HTML (werkstatt.web)
MET = ("participant_pages", "keyboard", "labels", "colour", "tables", "contrast", "reflow", "touch", "language")
GAPS = ("streamlit", "streamlit_words", "grids", "projector", "wide_pages", "pdf", "statement_languages")


def _back_link(language: str) -> None:
    """Back to the tablet's own page when the participant came from there (with their token and
    their language, one of the six), else to the start."""
    token = st.query_params.get("t")
    if not token:
        st.page_link("pages/start.py", label=t("accessibility.back", language), icon=":material/arrow_back:",
                     query_params=page_params())
        return
    participant_language = normalize_language(st.query_params.get(LANG_KEY), PARTICIPANT_LANGUAGES)
    participant_link(t("accessibility.back", language), t=token,
                     lang="" if participant_language == DEFAULT_LANGUAGE else participant_language)


def _setting(value: str, missing: str, setting: str, language: str) -> None:
    if value:
        st.markdown(literal_lines(value))
    else:
        st.warning(t(missing, language, setting=f"`{setting}`"), icon=":material/edit_note:")


def _items(prefix: str, names: tuple[str, ...], language: str) -> None:
    st.markdown("\n".join(f"- {t(f'{prefix}.{name}', language)}" for name in names))


def statement_page() -> None:
    language = lang()
    _back_link(language)
    st.title(t("accessibility.title", language), anchor=False)
    st.markdown(t("accessibility.intro", language))
    st.header(t("accessibility.status.title", language), anchor=False)
    st.markdown(t("accessibility.status", language))
    st.subheader(t("accessibility.met.title", language), anchor=False)
    _items("accessibility.met", MET, language)
    st.subheader(t("accessibility.gaps.title", language), anchor=False)
    st.markdown(t("accessibility.gaps.intro", language))
    _items("accessibility.gap", GAPS, language)
    st.markdown(t("accessibility.gaps.why", language))
    st.header(t("accessibility.prepared.title", language), anchor=False)
    st.markdown(t("accessibility.prepared", language, date=fmt_date(PREPARED_ON, language),
                  reviewed=fmt_date(REVIEWED_ON, language)))
    st.header(t("accessibility.feedback.title", language), anchor=False)
    st.markdown(t("accessibility.feedback", language))
    _setting(accessibility_contact(), "accessibility.contact.missing", CONTACT_ENV, language)
    st.header(t("accessibility.enforcement.title", language), anchor=False)
    st.markdown(t("accessibility.enforcement", language))
    _setting(accessibility_enforcement(), "accessibility.enforcement.missing", ENFORCEMENT_ENV, language)
    st.markdown(t("accessibility.enforcement.federal", language))


frame()
statement_page()
