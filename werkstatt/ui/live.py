"""Live screens: follow a workshop without re-reading it every second.

The polling fragment reads one pair of version numbers (a single indexed
SELECT) and returns unless the one it watches changed since the page last
rendered; only then does it rerun the whole page. 150 tablets polling every
two seconds therefore cost 75 tiny reads a second, not 75 page renders.
"""

from __future__ import annotations

import streamlit as st

from werkstatt.service import Workshop
from werkstatt.ui.context import get_app

POLL_SECONDS = 2


@st.fragment(run_every=POLL_SECONDS)
def _poll(workshop_id: int, watch: str, seen: int) -> None:
    step_version, data_version = get_app().versions(workshop_id)
    current = step_version if watch == "step" else data_version
    if current != seen:
        st.rerun(scope="app")


def follow(workshop_id: int, watch: str) -> Workshop:
    """Rerun the page whenever the workshop changes; returns the workshop as it is now.

    The versions are read *before* the workshop and before anything the page
    reads after this call, so a change that lands while the page renders is
    seen by the next poll instead of slipping through. ``watch`` is "step"
    (tablets: only the live step matters) or "data" (projector, facilitator:
    every join and rating counts).
    """
    app = get_app()
    step_version, data_version = app.versions(workshop_id)
    _poll(workshop_id, watch, step_version if watch == "step" else data_version)
    return app.workshop(workshop_id)
