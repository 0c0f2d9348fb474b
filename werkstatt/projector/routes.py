"""The projector's routes: one page, and the stage it fetches when the workshop changes.

``/beamer?w=<id>&code=<code>`` answers the whole page with the stage of the live step inside.
The page's script then asks ``/beamer/stage`` once a second with the version it shows; the
answer is an empty 204 while nothing changed (one indexed read in the store), else the new stage. So a
projector costs the server a tiny read per second and a render per change, never a Streamlit
script run, and the page can use the whole screen as it likes (``static/projector.js``).
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import plotly
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from werkstatt.addresses import join_link, reachable_base
from werkstatt.errors import WerkstattError
from werkstatt.i18n import DEFAULT_LANGUAGE, RTL_LANGUAGES, install_gettext, normalize_language, t
from werkstatt.projector.stage import stage
from werkstatt.service import Werkstatt, Workshop
from werkstatt.settings import wifi
from werkstatt.web.assets import CachedStatic, asset_version

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
POLL_SECONDS = 1
T = TypeVar("T")


@functools.cache
def _plotly_gzipped() -> bytes:
    """plotly.js (4.8 MB) gzipped once per process: 1.4 MB over a venue's Wi-Fi, once per projector."""
    return gzip.compress(PLOTLY_JS.read_bytes(), compresslevel=6, mtime=0)


class ProjectorScreen:
    """The routes of the projector page.

    :param service: returns the service (the participant client's, so both share one)
    :param work: runs a blocking call in a worker thread (``ParticipantClient.work``)
    """

    def __init__(self, service: Callable[[], Werkstatt], work: Callable[..., Awaitable[T]]):
        self.service = service
        self.work = work
        self.files_version = asset_version(STATIC, plotly.__version__)
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
            auto_reload=False, trim_blocks=True, lstrip_blocks=True,
        )
        install_gettext(self.templates)
        self.templates.globals.update(files_version=self.files_version, poll_seconds=POLL_SECONDS)

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/beamer", self.page, methods=["GET"]),
            Route("/beamer/stage", self.stage, methods=["GET"]),
            Route("/beamer/plotly.min.js", self.plotly, methods=["GET"]),
            Mount("/beamer/assets", app=CachedStatic(directory=STATIC), name="projector-assets"),
        ]

    # --- handlers --------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        return await self.work(self._page, request)

    def _page(self, request: Request) -> Response:
        found = self._workshop(request)
        if found is None:
            lang = normalize_language(request.query_params.get("lang"))
            html = self.templates.get_template("missing.html").render(lang=lang, rtl=False)
            return HTMLResponse(html, status_code=404)
        workshop, version = found
        lang = self._lang(request, workshop)
        return HTMLResponse(self.templates.get_template("projector.html").render(
            lang=lang, rtl=lang in RTL_LANGUAGES, version=version, **self._stage_context(request, workshop, lang)))

    async def stage(self, request: Request) -> Response:
        return await self.work(self._stage, request)

    def _stage(self, request: Request) -> Response:
        found = self._workshop(request)
        if found is None:
            return Response(status_code=404)
        workshop, version = found
        if request.query_params.get("seen") == version:
            return Response(status_code=204, headers={"cache-control": "no-store"})
        lang = self._lang(request, workshop)
        html = self.templates.get_template("_stage.html").render(
            lang=lang, version=version, **self._stage_context(request, workshop, lang))
        return HTMLResponse(html, headers={"cache-control": "no-store", "x-stage-version": version})

    async def plotly(self, request: Request) -> Response:
        headers = {"cache-control": "public, max-age=31536000, immutable", "content-type": "text/javascript"}
        if "gzip" in request.headers.get("accept-encoding", ""):
            body = await self.work(_plotly_gzipped)
            return Response(body, headers=headers | {"content-encoding": "gzip", "vary": "Accept-Encoding"})
        return Response(PLOTLY_JS.read_bytes(), headers=headers)

    # --- helpers ---------------------------------------------------------------------

    def _workshop(self, request: Request) -> tuple[Workshop, str] | None:
        """The workshop the link names and the version of what the projector shows of it, or
        None for a link whose id and code do not match. The version is read first: a change that
        lands while the stage renders then shows at the next poll instead of slipping through."""
        app = self.service()
        try:
            workshop_id = int(request.query_params.get("w", ""))
            step_version, data_version = app.versions(workshop_id)  # also stores a lock whose timer ran out
            workshop = app.screen_workshop(workshop_id, request.query_params.get("code", ""))
        except (ValueError, WerkstattError):
            return None
        return workshop, f"{step_version}.{data_version}"

    @staticmethod
    def _lang(request: Request, workshop: Workshop) -> str:
        return normalize_language(request.query_params.get("lang") or workshop.language or DEFAULT_LANGUAGE)

    def _stage_context(self, request: Request, workshop: Workshop, lang: str) -> dict:
        join_url = join_link(reachable_base(str(request.base_url)), workshop.join_code)
        return {"stage": stage(self.service(), workshop, lang, join_url, wifi()),
                "query": {k: v for k, v in request.query_params.items() if k in ("w", "code", "lang")},
                "page_text": {"page": t("Seite {page} von {pages}", lang, page="{page}", pages="{pages}"),
                              "time_up": t("Die Zeit ist um", lang),
                              "time_up_locked": t("Die Zeit ist um – Eingabe gesperrt", lang),
                              "offline": t("Keine Verbindung zum Server – die Anzeige ist nicht aktuell.",
                                           lang)}}
