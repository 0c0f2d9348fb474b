"""Live screens: follow a workshop without re-reading it every second.

The polling fragment reads the workshop's version numbers (a single indexed
SELECT) and returns unless its data version changed since the page last
rendered; only then does it rerun the whole page. The projector and the
console polling every two seconds therefore cost a tiny read each, not a page
render. (The participants' devices follow the room through ``werkstatt.web``.)
"""

from __future__ import annotations

import streamlit as st

from werkstatt.service import Workshop
from werkstatt.ui.context import get_app

POLL_SECONDS = 2


@st.fragment(run_every=POLL_SECONDS)
def _poll(workshop_id: int, seen: int) -> None:
    _, data_version = get_app().versions(workshop_id)
    if data_version != seen:
        st.rerun(scope="app")


def follow(workshop_id: int) -> Workshop:
    """Rerun the page whenever the workshop changes (every join, rating, card or step);
    returns the workshop as it is now.

    The version is read *before* the workshop and before anything the page
    reads after this call, so a change that lands while the page renders is
    seen by the next poll instead of slipping through.
    """
    app = get_app()
    _, data_version = app.versions(workshop_id)
    _poll(workshop_id, data_version)
    return app.workshop(workshop_id)
