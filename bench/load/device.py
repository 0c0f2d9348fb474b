"""One simulated participant device speaking HTTP and Server-Sent Events, as the new pages do.

A phone in the room holds two connections to the server, and so does a ``Client``:

- one keep-alive connection for its requests (``GET`` a page, ``POST`` a form and follow
  the ``303`` to the page that shows what is stored), one request at a time;
- one long-lived ``GET /p/<token>/events`` (``text/event-stream``). Each event is
  ``data: {"v": <version>}``; when ``v`` differs from the ``data-version`` of the page the
  device shows, it fetches its page again (what the participant client's script does).

Both connections share one cookie jar, so behind nginx (``--processes``) the device
sticks to one backend like a browser does. ``aiohttp`` does the HTTP (its parser is
compiled, so a thousand devices fit in one generator process); pages are read with
``bench.load.screen``.

Each page the device receives is passed to ``on_screen`` with the time it arrived:
that is how the scenario notices a step change ("the step reached the device").
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit

import aiohttp

from bench.load.screen import Form, Screen, read

REQUEST_TIMEOUT_S = 30.0  # a request not answered by then counts as unanswered (the device goes on)
SSE_RETRY_S = 1.0  # EventSource's default reconnection delay is about this
USER_AGENT = "werkstatt-bench/1 (simulated phone)"


@dataclass
class Answer:
    """The outcome of one request: the page it ended on, how long it took, and how."""

    screen: Screen | None
    seconds: float
    status: int  # the final status; 0 when no answer came (timeout, connection dropped)
    redirected: bool = False  # the server answered 303 (for a POST: it stored the write)
    error: str = ""

    @property
    def acknowledged(self) -> bool:
        """A POST the server acknowledged: it answered 303 See Other."""
        return self.redirected

    @property
    def complete(self) -> bool:
        """Acknowledged, and the page the 303 led to arrived (the participant sees what is stored)."""
        return self.redirected and self.status == 200 and self.screen is not None

    @property
    def refused(self) -> bool:
        return self.status == 422


@dataclass
class Stream:
    """What the device's event stream did."""

    connects: int = 0
    events: int = 0
    refreshes: int = 0  # page fetches an event caused
    errors: list[str] = field(default_factory=list)
    last_event_at: float = 0.0


class Client:
    """A participant's device: a request connection, an event stream and the page on screen."""

    def __init__(self, base_url: str, on_screen: Callable[[Screen, float, float | None], None] | None = None):
        self.base_url = base_url.rstrip("/")
        self.on_screen = on_screen
        self.screen = Screen()
        self.path = ""  # the path (and query) of the page on screen
        self.token = ""
        self.stream = Stream()
        self.latest_version: int | None = None  # the last v an event announced
        self.resent = 0  # requests sent again after the server had closed the kept-alive connection
        self._jar = aiohttp.CookieJar(unsafe=True)  # unsafe: keep cookies of an IP address (nginx's node)
        self._http: aiohttp.ClientSession | None = None
        self._events: aiohttp.ClientSession | None = None
        self._lock = asyncio.Lock()  # one request at a time on the request connection
        self._dirty = asyncio.Event()
        self._event_at: float | None = None  # when the event arrived that the next refresh answers
        self._tasks: list[asyncio.Task] = []
        self._closing = False

    def _session(self, timeout: aiohttp.ClientTimeout) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(limit=1, force_close=False, enable_cleanup_closed=True)
        return aiohttp.ClientSession(connector=connector, cookie_jar=self._jar, timeout=timeout,
                                     headers={"User-Agent": USER_AGENT}, auto_decompress=True)

    async def __aenter__(self) -> "Client":
        self._http = self._session(aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S))
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        self._closing = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for session in (self._events, self._http):
            if session is not None:
                await session.close()

    # --- requests ---------------------------------------------------------------------------

    async def get(self, path: str, event_at: float | None = None) -> Answer:
        return await self._request("GET", path, None, event_at)

    async def post(self, path: str, data: dict[str, str]) -> Answer:
        return await self._request("POST", path, data, None)

    async def submit(self, form: Form, data: dict[str, str]) -> Answer:
        """Send a form of the page on screen as a browser does (its action is relative to the page)."""
        return await self.post(self.resolve(form.action), data)

    def resolve(self, href: str) -> str:
        """The path and query an ``action`` or ``href`` of the page on screen points to."""
        target = urlsplit(urljoin(self.screen.url or self.base_url + self.path, href or self.path))
        return target.path + (f"?{target.query}" if target.query else "")

    async def _request(self, method: str, path: str, data: dict[str, str] | None,
                       event_at: float | None) -> Answer:
        """One request, and for a ``303`` the ``GET`` it leads to, on the device's connection.

        Like a browser, a request that finds its kept-alive connection closed by the server
        before any answer (the server's keep-alive timeout raced it) is sent once more.
        """
        async with self._lock:
            sent = time.perf_counter()
            redirected = False
            answer = await self._send(method, path, data)
            if isinstance(answer, str):
                return Answer(None, time.perf_counter() - sent, 0, error=answer)
            status, html, final, location, content_type = answer
            if status == 303 and location:
                redirected = True
                target = self.resolve(location)
                if target.startswith("/p/"):
                    self.token = target.split("/")[2].split("?")[0]
                answer = await self._send("GET", self.resolve(location), None)
                if isinstance(answer, str):
                    return Answer(None, time.perf_counter() - sent, 303, True, error=answer)
                status, html, final, location, content_type = answer
            seconds = time.perf_counter() - sent
            arrived = time.monotonic()
            if status not in (200, 422) or "html" not in content_type:
                return Answer(None, seconds, status, redirected, f"{method} {path}: HTTP {status}: {html[:200]!r}")
            screen = read(html, final, status)
            self._show(screen, _without_done(self.resolve(final)), arrived, event_at)
            return Answer(screen, seconds, status, redirected)

    async def _send(self, method: str, path: str, data: dict[str, str] | None):
        """``(status, text, url, Location, Content-Type)``, or a string saying why no answer came."""
        for attempt in (1, 2):
            try:
                async with self._http.request(method, self.base_url + path, data=data,
                                              allow_redirects=False) as response:
                    return (response.status, await response.text(), str(response.url),
                            response.headers.get("Location", ""), response.headers.get("Content-Type", ""))
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as error:
                if attempt == 1:
                    self.resent += 1
                    continue
                return f"{method} {path}: {type(error).__name__}: {error}"
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
                return f"{method} {path}: {type(error).__name__}: {error}"

    def _show(self, screen: Screen, path: str, arrived: float, event_at: float | None) -> None:
        self.screen = screen
        self.path = path
        if screen.step and path.startswith("/p/"):
            self.token = path.split("/")[2].split("?")[0]
        if self.on_screen is not None:
            self.on_screen(screen, arrived, event_at)

    # --- the event stream -------------------------------------------------------------------

    def follow(self) -> None:
        """Open the event stream of ``self.token`` and keep the page in step with it."""
        self._events = self._session(aiohttp.ClientTimeout(total=None, sock_connect=REQUEST_TIMEOUT_S))
        self._tasks += [asyncio.create_task(self._listen()), asyncio.create_task(self._refresh())]

    async def _listen(self) -> None:
        url = f"{self.base_url}/p/{self.token}/events"
        while not self._closing:
            try:
                async with self._events.get(url, headers={"Accept": "text/event-stream",
                                                          "Cache-Control": "no-cache"}) as response:
                    if response.status != 200 or "text/event-stream" not in response.headers.get("Content-Type", ""):
                        self.stream.errors.append(f"events: HTTP {response.status} "
                                                  f"{response.headers.get('Content-Type', '')}")
                        await asyncio.sleep(SSE_RETRY_S)
                        continue
                    self.stream.connects += 1
                    data: list[str] = []
                    async for raw in response.content:
                        line = raw.decode("utf-8", "replace").rstrip("\r\n")
                        if line.startswith("data:"):
                            data.append(line[5:].removeprefix(" "))
                        elif not line and data:
                            self._event("\n".join(data))
                            data = []
                    if not self._closing:
                        self.stream.errors.append("events: the server ended the stream")
            except asyncio.CancelledError:
                raise
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
                if not self._closing:
                    self.stream.errors.append(f"events: {type(error).__name__}: {error}")
            if not self._closing:
                await asyncio.sleep(SSE_RETRY_S)

    def _event(self, payload: str) -> None:
        now = time.monotonic()
        self.stream.events += 1
        self.stream.last_event_at = now
        try:
            version = int(json.loads(payload)["v"])
        except (ValueError, KeyError, TypeError):
            self.stream.errors.append(f"events: unreadable event {payload[:80]!r}")
            return
        self.latest_version = version
        if version != self.screen.version:
            if self._event_at is None:
                self._event_at = now
            self._dirty.set()

    async def _refresh(self) -> None:
        """Fetch the page again when an event announced another version than it shows."""
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            event_at, self._event_at = self._event_at, None
            if self.latest_version == self.screen.version or not self.path:
                continue  # a POST's page meanwhile showed it
            self.stream.refreshes += 1
            answer = await self.get(self.path, event_at=event_at)
            if answer.screen is None:
                self.stream.errors.append(f"refresh: {answer.error}")


def _without_done(path_qs: str) -> str:
    """The address to fetch again on a change: without ``?done=…`` (the one-off "saved" note)."""
    parts = urlsplit(path_qs)
    query = "&".join(p for p in parts.query.split("&") if p and not p.startswith("done="))
    return parts.path + (f"?{query}" if query else "")
