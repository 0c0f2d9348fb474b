"""The Streamlit side of Werkstatt: which page a URL opens; nothing else.

``app.py`` serves this script beside the participants' routes (``werkstatt.web``, which own
``/teilnehmen``) and the projector (``werkstatt.projector``, ``/beamer``). Navigation is hidden:
nobody browses between roles. Each screen is reached by its own link (the facilitator's ``?f=``
token), and the facilitator pages check that token themselves (``werkstatt.ui.guard``), as does the
task-force page with its ``?tf=`` sign-in and an organiser's page (``/konto``) with its ``?o=``
session, so no typed URL reaches a facilitator control without the PIN.

Each page file is named as its URL (``pages/moderation.py`` is ``/moderation``): Streamlit
looks at a ``pages/`` folder before ``st.navigation`` has run, and a page whose file had
another name would show a "Page not found" dialog on its first load
(``client.showSidebarNavigation = false`` hides that mode's own list of pages; facts.md,
section 10). For the same reason each page draws its own frame (layout, the page's
language, the language switch: ``werkstatt.ui.frame``).
"""

from pathlib import Path

import streamlit as st

from werkstatt.i18n import t
from werkstatt.ui.context import lang

PAGES = Path(__file__).parent / "pages"

language = lang()
start = st.Page(PAGES / "start.py", title=t("Start", language), default=True)
facilitate = st.Page(PAGES / "moderation.py", title=t("Moderation", language))
results = st.Page(PAGES / "ergebnisse.py", title=t("Ergebnisse", language))
taskforce = st.Page(PAGES / "taskforce.py", title=t("Taskforce", language))
statement = st.Page(PAGES / "barrierefreiheit.py", title=t("Barrierefreiheit", language))
account = st.Page(PAGES / "konto.py", title=t("Meine Workshops", language))
topics = st.Page(PAGES / "themen.py", title=t("Eigene Themenliste", language))

st.navigation([start, facilitate, results, taskforce, statement, account, topics], position="hidden").run()
