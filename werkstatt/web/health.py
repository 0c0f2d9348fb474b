"""``GET /healthz``: the health of this server process for a monitor, as JSON.

200 while every check of ``werkstatt.health`` passes, 503 as soon as one fails; the body names
each check and its outcome, and how many participant devices hold an event stream open to this
process right now (``devices_connected``: only the process itself knows; with several processes
behind a proxy each counts its own). It lies outside the participant guard's prefixes, so none of
their rules apply, and it is served by the same process as the participants' pages: a monitor that
gets no answer knows the hall gets none either.

The checks run at most once per ``CHECK_SECONDS`` (in a worker thread, like every write): however
many monitors or passers-by ask, the database sees one rolled-back write per interval.
"""

from __future__ import annotations

import time
from typing import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from werkstatt import health
from werkstatt.service import Werkstatt
from werkstatt.settings import db_path
from werkstatt.web.live import Hub

PATH = "/healthz"
CHECK_SECONDS = 2.0  # how long one round of checks answers every request


class HealthRoute:
    """``/healthz`` of one process: its service, its hub of connected devices, its worker threads."""

    def __init__(self, service: Callable[[], Werkstatt], hub: Hub,
                 work: Callable[..., Awaitable[health.Health]]):
        self._service = service
        self._hub = hub
        self._work = work
        self._last: tuple[float, health.Health] | None = None

    def routes(self) -> list[Route]:
        return [Route(PATH, self.healthz, methods=["GET"])]

    async def healthz(self, _request: Request) -> JSONResponse:
        if self._last is None or time.monotonic() - self._last[0] >= CHECK_SECONDS:
            result = await self._work(health.check, self._service, db_path())
            self._last = (time.monotonic(), result)
        result = self._last[1]
        return JSONResponse({**result.as_dict(), "devices_connected": self._hub.devices},
                            status_code=200 if result.ok else 503, headers={"cache-control": "no-store"})
