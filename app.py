"""Entry point: page config, navigation and the language switch; nothing else.

Navigation is hidden: nobody browses between roles. Each screen is reached by
its own link (the QR code, the projector link, the facilitator's ``?f=``
token), and the facilitator pages check that token themselves
(``werkstatt.ui.guard``), as does the task-force page with its ``?tf=`` sign-in, so no typed URL reaches a facilitator control
without the PIN.
"""

from pathlib import Path

import streamlit as st

from werkstatt.i18n import t
from werkstatt.ui.access import accessible_page
from werkstatt.ui.context import lang, language_switch, participant_lang, participant_language_switch

PAGES = Path(__file__).parent / "views"
ICON = Path(__file__).parent / "assets" / "icon.svg"

# Projector, console and results use the whole screen; tablets and the start page stay narrow.
WIDE_PAGES = {"beamer", "moderation", "ergebnisse", "taskforce"}

language = lang()
start = st.Page(PAGES / "start.py", title=t("nav.start", language), default=True)
participate = st.Page(PAGES / "participate.py", title=t("nav.participate", language), url_path="teilnehmen")
projector = st.Page(PAGES / "projector.py", title=t("nav.projector", language), url_path="beamer")
facilitate = st.Page(PAGES / "facilitate.py", title=t("nav.facilitate", language), url_path="moderation")
results = st.Page(PAGES / "results.py", title=t("nav.results", language), url_path="ergebnisse")
taskforce = st.Page(PAGES / "taskforce.py", title=t("nav.taskforce", language), url_path="taskforce")
statement = st.Page(PAGES / "accessibility.py", title=t("nav.accessibility", language),
                    url_path="barrierefreiheit")

page = st.navigation([start, participate, projector, facilitate, results, taskforce, statement],
                     position="hidden")
st.set_page_config(page_title="Werkstatt", page_icon=str(ICON),
                   layout="wide" if page.url_path in WIDE_PAGES else "centered")
if page.url_path != "beamer":  # the projector says its own language, the workshop's
    accessible_page(participant_lang() if page.url_path == "teilnehmen" else language)
if page.url_path == "teilnehmen":  # participants choose from six languages, the rest from two
    participant_language_switch()
elif page.url_path != "beamer":  # the projector has no controls at all
    language_switch()
page.run()
