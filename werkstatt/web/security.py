"""Safe by default for the participant routes: strict headers, capped bodies, same-origin posts.

A pure ASGI middleware (no ``BaseHTTPMiddleware``, which would buffer the event stream), and
only for the participant client's paths: Streamlit's own pages run inline scripts and styles
that this policy would block.

- ``Content-Security-Policy``: our own script and styles only, no inline script, no frames.
- ``Referrer-Policy: no-referrer``: the participant's token is in the URL and must never
  reach another site.
- ``X-Content-Type-Options: nosniff``, and ``Cache-Control: no-store`` on pages, so a
  shared tablet's back button does not show the previous person's screen from cache.
- Request bodies over ``MAX_BODY_BYTES`` are refused before they are read in full.
- A POST from another site's page (its ``Origin`` is not this host) changes nothing.
"""

from __future__ import annotations

from typing import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# A 10,000-character card in Arabic or emoji is 60–120 KB once form-encoded: it must still
# reach the service and get its "too long" message, so the cap sits well above that.
MAX_BODY_BYTES = 256 * 1024

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
]


class BodyTooLarge(Exception):
    """The request body is larger than ``MAX_BODY_BYTES``."""


class ForeignOrigin(Exception):
    """A POST whose ``Origin`` header names another site."""


def same_origin(scope: Scope) -> bool:
    """Whether a request's ``Origin`` is the host it was sent to, or unknown.

    Under ``Referrer-Policy: no-referrer`` a browser sends ``Origin: null`` even for a form on
    our own page (Fetch standard, "append a request Origin header"), so only a named foreign
    origin is refused; the participant's unguessable token is what really guards ``/p/``.
    Behind a proxy the host the browser used arrives as ``X-Forwarded-Host`` (deploy/)."""
    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
    origin = headers.get("origin")
    if not origin or origin == "null":
        return True
    host = headers.get("x-forwarded-host") or headers.get("host", "")
    return urlsplit(origin).netloc.lower() == host.split(",")[0].strip().lower()


class ParticipantGuard:
    """Headers on every response under ``prefixes``; body cap and origin check on their POSTs.

    ``refuse(status, scope, send)`` renders the page a refused request gets (413 or 403), in the
    participant's language."""

    def __init__(self, app: ASGIApp, prefixes: tuple[str, ...],
                 refuse: Callable[[int, Scope, Send], Awaitable[None]]):
        self.app = app
        self.prefixes = prefixes
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not any(path == p or path.startswith(p + "/") for p in self.prefixes):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in names]
                if not path.startswith("/p/assets/") and b"cache-control" not in names:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        if scope["method"] == "POST":
            if not same_origin(scope):
                await self.refuse(403, scope, send_with_headers)
                return
            declared = dict(scope.get("headers", [])).get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
                await self.refuse(413, scope, send_with_headers)
                return
            receive = _capped(receive)
        try:
            await self.app(scope, receive, send_with_headers)
        except BodyTooLarge:
            await self.refuse(413, scope, send_with_headers)


def _capped(receive: Receive) -> Receive:
    """``receive`` that raises ``BodyTooLarge`` once a body without a declared length grows too long."""
    seen = 0

    async def capped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY_BYTES:
                raise BodyTooLarge()
        return message

    return capped
