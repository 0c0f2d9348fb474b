"""Links a tablet can reach, and the QR code that carries the join link.

The QR code must hold an address the tablets can reach, which ``localhost`` is
not. In order: ``WERKSTATT_BASE_URL`` if set; else the address the browser used
if it is not a loopback one; else this machine's first LAN address with the
browser's port. The link is always shown as text under the code, too.
"""

from __future__ import annotations

import fcntl
import html
import io
import ipaddress
import os
import socket
import struct
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

BASE_URL_ENV = "WERKSTATT_BASE_URL"
SIOCGIFADDR = 0x8915


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _lan_addresses() -> list[str]:
    """IPv4 addresses of this machine's non-loopback interfaces (Linux)."""
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(sock.fileno(), SIOCGIFADDR, struct.pack("256s", name[:15].encode()))
            except OSError:
                continue
            address = socket.inet_ntoa(packed[20:24])
            if not _is_loopback(address):
                found.append(address)
    return found


def base_url() -> str:
    """Scheme, host and port under which tablets reach this server."""
    configured = os.environ.get(BASE_URL_ENV, "").strip().rstrip("/")
    if configured:
        return configured
    seen = urlsplit(st.context.url or "http://localhost:8501")
    if not _is_loopback(seen.hostname or ""):
        return f"{seen.scheme}://{seen.netloc}"
    addresses = _lan_addresses()
    host = addresses[0] if addresses else (seen.hostname or "localhost")
    port = f":{seen.port}" if seen.port else ""
    return f"{seen.scheme}://{host}{port}"


def page_url(url_path: str, **params: str) -> str:
    """A link for the tablets in the room (see ``base_url``)."""
    return _url(base_url(), url_path, params)


def own_url(url_path: str, **params: str) -> str:
    """A link for this browser itself (the projector window on the facilitator's laptop)."""
    seen = urlsplit(st.context.url or "http://localhost:8501")
    return _url(f"{seen.scheme}://{seen.netloc}", url_path, params)


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
    href = html.escape(_url("", "teilnehmen", params))
    st.html(f'{LINK_CSS}<a class="ws-route ws-{kind}" href="{href}">{html.escape(label)}</a>')


def _url(base: str, url_path: str, params: dict[str, str]) -> str:
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{base}/{url_path}" + (f"?{query}" if query else "")


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(url: str, scale: int = 12) -> bytes:
    """A PNG QR code; error level M and a short URL keep the modules large. Cached: the
    projector and the console redraw on every join and rating, the code never changes."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
