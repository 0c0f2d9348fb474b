"""The address under which phones in the room reach this server (what every QR code carries).

``localhost`` is no such address. In order: ``WERKSTATT_BASE_URL`` if set; else the address the
browser used if it is not a loopback one; else this machine's first LAN address with the
browser's port. Shared by the Streamlit console (``werkstatt.ui.links``) and the projector
(``werkstatt.projector``), so both show the same link.
"""

from __future__ import annotations

import fcntl
import functools
import ipaddress
import os
import socket
import struct
from urllib.parse import urlencode, urlsplit

import segno
from markupsafe import Markup

BASE_URL_ENV = "WERKSTATT_BASE_URL"
JOIN_PATH = "teilnehmen"  # the participants' route (werkstatt.web)
SIOCGIFADDR = 0x8915


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """IPv4 addresses of this machine's non-loopback interfaces (Linux)."""
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(sock.fileno(), SIOCGIFADDR, struct.pack("256s", name[:15].encode()))
            except OSError:
                continue
            address = socket.inet_ntoa(packed[20:24])
            if not is_loopback(address):
                found.append(address)
    return found


def reachable_base(seen_url: str) -> str:
    """Scheme, host and port under which phones reach this server, given the URL this browser used."""
    configured = os.environ.get(BASE_URL_ENV, "").strip().rstrip("/")
    if configured:
        return configured
    seen = urlsplit(seen_url or "http://localhost:8501")
    if not is_loopback(seen.hostname or ""):
        return f"{seen.scheme}://{seen.netloc}"
    addresses = lan_addresses()
    host = addresses[0] if addresses else (seen.hostname or "localhost")
    port = f":{seen.port}" if seen.port else ""
    return f"{seen.scheme}://{host}{port}"


def link(base: str, url_path: str, **params: str) -> str:
    """``base/url_path?params``, leaving out empty parameters."""
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{base}/{url_path}" + (f"?{query}" if query else "")


def join_link(base: str, join_code: str, group_id: int | None = None, tablet: bool = False) -> str:
    """The link that joins a workshop; with ``group_id`` straight into that group, with ``tablet``
    as the group's shared tablet."""
    return link(base.rstrip("/"), JOIN_PATH, code=join_code, g=str(group_id) if group_id is not None else "",
                tablet="1" if tablet else "")


@functools.lru_cache(maxsize=256)
def qr_svg(content: str, title: str | None = None) -> Markup:
    """``content`` (a link) as a QR code in SVG without a size of its own (the page or the sheet
    gives it one), with the quiet zone the standard asks for; error level M keeps the modules
    large. segno escapes ``title`` (default: the content) inside the SVG. Kept: a code costs
    about 5 ms, and the projector draws its own on every change in the room."""
    return Markup(segno.make(content, error="m").svg_inline(omitsize=True, border=4,
                                                           title=content if title is None else title))


WIFI_SPECIAL = str.maketrans({c: "\\" + c for c in '\\;,":'})


def wifi_payload(ssid: str, password: str) -> str:
    """What a QR code holds to join a Wi-Fi: the ``WIFI:`` format phone cameras understand
    (``WIFI:T:WPA;S:<name>;P:<password>;;``, ``T:nopass`` for an open network). The format asks
    for a backslash before ``\\ ; , " :`` in the name and the password; segno's own helper leaves
    out the comma, so a name like "Rathaus, Gast" would break on some phones."""
    ssid, password = ssid.translate(WIFI_SPECIAL), password.translate(WIFI_SPECIAL)
    if not password:
        return f"WIFI:T:nopass;S:{ssid};;"
    return f"WIFI:T:WPA;S:{ssid};P:{password};;"
