"""Links a tablet can reach, and the QR code that carries the join link, for the Streamlit pages.

Which address that is (``WERKSTATT_BASE_URL``, the address the browser used, or this
machine's LAN address) is decided in ``werkstatt.addresses``, for the projector too; the link
is always shown as text under the code.
"""

from __future__ import annotations

import html
import io
from urllib.parse import urlsplit

import segno
import streamlit as st

from werkstatt.addresses import link, reachable_base


def base_url() -> str:
    """Scheme, host and port under which tablets reach this server."""
    return reachable_base(st.context.url or "http://localhost:8501")


def page_url(url_path: str, **params: str) -> str:
    """A link for the tablets in the room (see ``base_url``)."""
    return link(base_url(), url_path, **params)


def own_url(url_path: str, **params: str) -> str:
    """A link for this browser itself (the projector window on the facilitator's laptop)."""
    seen = urlsplit(st.context.url or "http://localhost:8501")
    return link(f"{seen.scheme}://{seen.netloc}", url_path, **params)


LINK_CSS = """
<style>
a.ws-route { color: #0b5cad; font-weight: 600; text-underline-offset: 0.2em; }
a.ws-route.ws-back::before { content: "← " / ""; }
a.ws-route.ws-primary { display: inline-block; padding: 0.55rem 1.2rem; border-radius: 0.5rem;
  background: #0b5cad; color: #fff; text-decoration: none; }
</style>
"""


def participant_link(label: str, kind: str = "back", **params: str) -> None:
    """A plain link, in this tab, to the participants' page (``/teilnehmen``, a route of
    ``werkstatt.web``): ``st.page_link`` knows only Streamlit pages and ``st.link_button`` opens
    a new tab. ``kind`` is "back" (a text link with an arrow) or "primary" (a button). The
    values are quoted into the URL and the whole link escaped; the label is a catalogue text."""
    href = html.escape(link("", "teilnehmen", **params))
    st.html(f'{LINK_CSS}<a class="ws-route ws-{kind}" href="{href}">{html.escape(label)}</a>')


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(url: str, scale: int = 12) -> bytes:
    """A PNG QR code; error level M and a short URL keep the modules large. Cached: the
    projector and the console redraw on every join and rating, the code never changes."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
