"""Entry point: page config, role-based navigation and the language switch; nothing else.

Participants and the projector only ever get their own pages. The facilitator
pages are registered only when the URL carries a facilitator token (``?f=``),
and those pages check the token again themselves, so no typed URL reaches a
facilitator control without the PIN.
"""

from pathlib import Path

import streamlit as st

from werkstatt.i18n import t
from werkstatt.ui.context import lang, language_switch

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="Werkstatt", page_icon=":material/groups:", layout="centered")

language = lang()
start = st.Page(PAGES / "start.py", title=t("nav.start", language), default=True)
participate = st.Page(PAGES / "participate.py", title=t("nav.participate", language), url_path="teilnehmen")
projector = st.Page(PAGES / "projector.py", title=t("nav.projector", language), url_path="beamer")
facilitate = st.Page(PAGES / "facilitate.py", title=t("nav.facilitate", language), url_path="moderation")
results = st.Page(PAGES / "results.py", title=t("nav.results", language), url_path="ergebnisse")

pages = [start, participate, projector]
if st.query_params.get("f"):
    pages += [facilitate, results]

page = st.navigation(pages, position="hidden")
if page.url_path != "beamer":  # the projector has no controls at all
    language_switch()
page.run()
