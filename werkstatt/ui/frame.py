"""What every Streamlit page has around it: the tab's title and icon, the layout, the page's
language for screen readers with the focus ring, and the Deutsch/English switch.

Each page calls ``frame`` itself rather than leaving it to ``navigation.py``: a server
process that has not yet run ``navigation.py`` (nobody has opened ``/`` since it started,
say after a restart, when the console reconnects first) runs a file from
``pages/`` on its own, in Streamlit's old multipage mode, and the page must look the same
either way.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from werkstatt.ui.access import accessible_page
from werkstatt.ui.context import lang, language_switch

ICON = Path(__file__).resolve().parents[2] / "assets" / "icon.svg"


def frame(wide: bool = False) -> None:
    """``wide`` for the screens that use the whole width (console, results, task force)."""
    st.set_page_config(page_title="Werkstatt", page_icon=str(ICON), layout="wide" if wide else "centered")
    accessible_page(lang())
    language_switch()
