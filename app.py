"""Entry point: the Streamlit pages and the participant routes in one process, on one port.

``streamlit run app.py`` serves ``navigation.py`` (console, projector, results, task force,
start page: a screen for one or two people each) and, beside it, the light participant
client of ``werkstatt.web`` (a screen for every phone in the hall). Nothing else belongs here.
"""

import streamlit as st

from werkstatt.web.routes import ParticipantClient

participants = ParticipantClient()
app = st.App("navigation.py", routes=participants.routes(), middleware=participants.middleware(),
             lifespan=participants.lifespan)
