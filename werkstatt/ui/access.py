"""What every page needs for keyboard and screen-reader users that Streamlit does not give.

Streamlit's page shell says ``<html lang="en">`` whatever the app writes
(streamlit/streamlit#15726), so a screen reader reads German with an English
voice; its caption grey is too faint for WCAG's 4.5:1; and some of its controls
(radio buttons, tabs) show no focus ring of their own. One call per page run
fixes all three. Only constants and a checked language code go into this HTML.
"""

from __future__ import annotations

import json

import streamlit as st

from werkstatt.i18n import LANGUAGE_NAMES, t
from werkstatt.ui.context import page_params

FOCUS_COLOUR = "#0b5cad"  # 6.5:1 on white, and on the light tints Streamlit puts behind widgets

CSS = f"""
<style>
/* Streamlit greys captions with opacity 0.6 (#828180, 3.9:1 on white); this is 6.7:1 (WCAG 1.4.3). */
[data-testid="stCaptionContainer"] {{ color: #5d5c5b; opacity: 1; }}
/* A focus ring on whatever the keyboard reached (WCAG 2.4.7). Radio buttons and check boxes
   hide their real input, so the ring goes on the label around it. */
:focus-visible {{ outline: 3px solid {FOCUS_COLOUR} !important; outline-offset: 2px; }}
label:has(input:focus-visible) {{
  outline: 3px solid {FOCUS_COLOUR}; outline-offset: 2px; border-radius: 0.3rem;
}}
</style>
"""

_SCRIPT = """
<script>
document.documentElement.lang = LANG;
</script>
"""


def accessible_page(language: str) -> None:
    """The page's CSS and its language on ``<html>`` (only a known language code ever gets in)."""
    code = language if language in LANGUAGE_NAMES else "de"
    st.html(CSS + _SCRIPT.replace("LANG", json.dumps(code)), unsafe_allow_javascript=True)


def statement_link(language: str) -> None:
    """The small link to the accessibility statement at the foot of the start page (the
    participants' pages in ``werkstatt.web`` carry their own)."""
    st.divider()
    st.page_link("pages/barrierefreiheit.py", label=t("Erklärung zur Barrierefreiheit", language),
                 icon=":material/accessibility_new:", query_params=page_params())
