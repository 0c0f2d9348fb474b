"""Entry point: the Streamlit pages, the projector and the participant routes in one process, on one port.

``streamlit run app.py`` serves ``navigation.py`` (console, results, task force, start page: a
screen for one or two people each) and, beside it, two light clients: the participants' pages
of ``werkstatt.web`` (a screen for every phone in the hall) and the projector of
``werkstatt.projector`` (a page that must fill whatever screen it is on). Nothing else belongs here.
"""

import streamlit as st

from werkstatt.projector.routes import ProjectorScreen
from werkstatt.web.routes import ParticipantClient

participants = ParticipantClient()
projector = ProjectorScreen(participants.service, participants.work)
app = st.App("navigation.py", routes=projector.routes() + participants.routes(),
             middleware=participants.middleware(), lifespan=participants.lifespan)
