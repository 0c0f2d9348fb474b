"""The projector, held open the way its page's script holds it: an HTTP client polling the stage.

The projector is a light page of its own (``werkstatt/projector/``), not a Streamlit session:
``/beamer?w=<id>&code=<code>`` answers the whole page with the stage of the live step, and the
page's script (``static/projector.js``) then asks ``/beamer/stage?w=…&code=…&seen=<version>``
once a second, the next question a second after the last answer. The answer is an empty
``204`` while nothing changed, else the new stage's HTML with its version in the header
``x-stage-version``, which the script swaps in. A ``Projector`` does the same on one kept-alive
connection (with a cookie jar, so that behind nginx it sticks to one backend as a browser
does), after fetching the page's stylesheet and scripts once, as a browser with an empty cache
does (plotly.js among them), so that what a projector costs the server is in the run's figures.

What it notes: the polls, how many were answered ``204``, the stages fetched and how long each
took, and when a stage first showed each step (``<div class="screen step-<id> …">``): the step
change as the room sees it on the wall.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from urllib.parse import quote

import aiohttp
from selectolax.lexbor import LexborHTMLParser

REQUEST_TIMEOUT_S = 30.0
USER_AGENT = "werkstatt-bench/1 (simulated projector)"
STAGE_STEP = re.compile(r'class="screen step-([\w-]+)')


@dataclass
class Projector:
    """One projector page: opened once, then polling until the run stops."""

    base_url: str
    path: str  # /beamer?w=…&code=…
    open_seconds: float | None = None  # the page and its stylesheet and scripts
    open_bytes: int = 0  # as they came over the wire (plotly.js gzipped)
    poll_path: str = ""  # the page's data-poll
    poll_seconds: float = 1.0  # the page's data-poll-seconds
    version: str = ""  # the stage's version the page shows (what it sends as ``seen``)
    step: str = ""
    polls: int = 0
    unchanged: list[float] = field(default_factory=list)  # seconds of each 204
    stages: list[float] = field(default_factory=list)  # seconds of each 200 (a stage fetched)
    stage_bytes: int = 0  # as they came over the wire
    seen: dict[str, float] = field(default_factory=dict)  # step → when a stage first showed it (monotonic)
    errors: list[str] = field(default_factory=list)

    async def run(self, stop: asyncio.Event) -> None:
        """Open the page, then poll until ``stop`` is set."""
        connector = aiohttp.TCPConnector(limit=1, force_close=False, enable_cleanup_closed=True)
        async with aiohttp.ClientSession(
                connector=connector, cookie_jar=aiohttp.CookieJar(unsafe=True),
                timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S),
                headers={"User-Agent": USER_AGENT}) as http:
            try:
                await self._open(http)
            except (TimeoutError, RuntimeError, aiohttp.ClientError, OSError) as error:
                self.errors.append(f"open: {type(error).__name__}: {error}")
                return
            while not stop.is_set():
                await self._poll(http)
                try:
                    await asyncio.wait_for(stop.wait(), self.poll_seconds)
                except TimeoutError:
                    pass

    async def _open(self, http: aiohttp.ClientSession) -> None:
        started = time.perf_counter()
        async with http.get(self.base_url + self.path) as response:
            html = await response.text()
            if response.status != 200:
                raise RuntimeError(f"{self.path}: HTTP {response.status}")
            self.open_bytes += _wire_bytes(response, html.encode())
        arrived = time.monotonic()
        tree = LexborHTMLParser(html)
        body, screen = tree.css_first("body[data-poll]"), tree.css_first(".screen[data-version]")
        if body is None or screen is None:
            raise RuntimeError(f"{self.path}: no <body data-poll> or no stage with data-version")
        self.poll_path = body.attributes.get("data-poll") or ""
        self.poll_seconds = float(body.attributes.get("data-poll-seconds") or 1)
        self.version = screen.attributes.get("data-version") or ""
        self._show(html, arrived)
        assets = [node.attributes.get("href") for node in tree.css('link[rel="stylesheet"]')]
        assets += [node.attributes.get("src") for node in tree.css("script[src]")]
        for asset in filter(None, assets):
            async with http.get(self.base_url + asset) as response:
                self.open_bytes += _wire_bytes(response, await response.read())
                if response.status != 200:
                    raise RuntimeError(f"{asset}: HTTP {response.status}")
        self.open_seconds = time.perf_counter() - started

    async def _poll(self, http: aiohttp.ClientSession) -> None:
        self.polls += 1
        url = f"{self.base_url}{self.poll_path}&seen={quote(self.version)}"
        sent = time.perf_counter()
        try:
            async with http.get(url) as response:
                html = await response.text()
                status, version = response.status, response.headers.get("x-stage-version", "")
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            self.errors.append(f"poll: {type(error).__name__}: {error}")
            return
        seconds = time.perf_counter() - sent
        if status == 204:
            self.unchanged.append(seconds)
        elif status == 200 and version:
            self.stages.append(seconds)
            self.stage_bytes += _wire_bytes(response, html.encode())
            self.version = version
            self._show(html, time.monotonic())
        else:
            self.errors.append(f"poll: HTTP {status} (x-stage-version {version!r})")

    def _show(self, html: str, arrived: float) -> None:
        match = STAGE_STEP.search(html)
        if match is None:
            self.errors.append("a stage without its step (class \"screen step-…\")")
            return
        self.step = match.group(1)
        self.seen.setdefault(self.step, arrived)


def _wire_bytes(response: aiohttp.ClientResponse, body: bytes) -> int:
    """The body's size as sent (aiohttp hands over the body decompressed)."""
    try:
        return int(response.headers["Content-Length"])
    except (KeyError, ValueError):
        return len(body)
