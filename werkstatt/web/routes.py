"""The participant client's routes: thin adapters from HTTP to ``werkstatt.service``.

Every handler reads the request, calls one or two service methods and answers with a redirect
to what is stored or with the screen and its message. Writes run in a worker thread (a write
may wait for SQLite's lock; the event loop that carries hundreds of event streams must not);
a participant's screen (GET) is rendered on the event loop itself, as it only reads and a
reader never waits in SQLite's WAL mode: a hall's step change then costs no thread hand-offs,
which under one GIL made every page of the herd wait for the others.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import secrets
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Callable, TypeVar
from urllib.parse import parse_qsl, urlencode

import anyio.to_thread
from anyio import CapacityLimiter
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sse_starlette import EventSourceResponse
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Scope, Send

from werkstatt.cards import KIND_NAMES, Card
from werkstatt.errors import (
    InvalidInput,
    StorageError,
    UnknownCard,
    UnknownGroup,
    UnknownJoinCode,
    UnknownParticipant,
    WerkstattError,
)
from werkstatt.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    N_,
    PARTICIPANT_LANGUAGES,
    RTL_LANGUAGES,
    install_gettext,
    normalize_language,
    t,
)
from werkstatt.service import Participant, Werkstatt
from werkstatt.settings import (
    PRIVACY_CONTACT_ENV,
    PRIVACY_CONTROLLER_ENV,
    db_path,
    privacy_contact,
    privacy_controller,
    retention_days,
)
from werkstatt.web import screens
from werkstatt.web.assets import CachedStatic, asset_version
from werkstatt.web.health import HealthRoute
from werkstatt.web.live import Hub
from werkstatt.web.screens import DONT_KNOW, STEP_HEADINGS, STEP_WAITING, Entry
from werkstatt.web.security import ParticipantGuard
from werkstatt.web.sockets import enable_nodelay

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
PREFIXES = ("/teilnehmen", "/p", "/datenschutz")
JOINED_COOKIE = "werkstatt_joined_{workshop}"  # this device's token in a workshop ("already joined")
JOINED_DAYS = 2
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{8,64}")  # what secrets.token_urlsafe gives out
_ADDRESS = "\x00dots-url\x00"  # where a kept ballot card takes the phone's own address
GZIP_MINIMUM = 500  # bytes: smaller pages go as they are (what Streamlit's middleware does too)
WORKERS = 4  # threads that render pages and write at once (ParticipantClient.work); bench/README.md
T = TypeVar("T")
DONE_MESSAGES = {"group": N_("Ihre Gruppe ist gespeichert."), "edited": N_("Gespeichert: Ihre Änderung."),
                 "deleted": N_("Die Karte ist gelöscht.")}


class ParticipantClient:
    """The routes, the middleware and the lifespan (the live watcher) of the participant client.

    :param service: returns the service to use; by default one ``Werkstatt`` on the deployment's
        database, opened on the first request (a file that cannot be opened then gets a page
        that says so, not a server that does not start)
    """

    def __init__(self, service: Callable[[], Werkstatt] | None = None):
        self._make_service = service or (lambda: Werkstatt(db_path()))
        self._service: Werkstatt | None = None
        self._service_lock = threading.Lock()
        self._limiter: CapacityLimiter | None = None
        self.hub = Hub(self.service)
        self.health = HealthRoute(self.service, self.hub, self.work)
        self.asset_version = asset_version(STATIC)
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
            auto_reload=False,  # templates change with a deploy, which restarts the process
            trim_blocks=True, lstrip_blocks=True,
        )
        install_gettext(self.templates)
        self.templates.globals.update(languages=PARTICIPANT_LANGUAGES, language_names=LANGUAGE_NAMES,
                                      asset_version=self.asset_version, DONT_KNOW=DONT_KNOW,
                                      ballot_card=self.ballot_card, kind_names=KIND_NAMES,
                                      step_headings=STEP_HEADINGS, step_waiting=STEP_WAITING)
        self._ballot_card_copy = functools.lru_cache(maxsize=4096)(self._render_ballot_card)
        self._ballot_module = functools.cache(self._make_ballot_module)

    async def work(self, function: Callable[..., T], *args) -> T:
        """Run ``function`` (a page render, a write) in a worker thread, at most ``WORKERS`` at once.

        Starlette's own pool lets 40 threads run at once; under one GIL, a hall's step change
        then has 40 renders slice each other's time (and the event loop's), so every page of
        the herd arrives late. Fewer workers take the requests in the order they came, and a
        waiting request costs nothing.
        """
        if self._limiter is None:
            self._limiter = CapacityLimiter(WORKERS)  # made inside the event loop that uses it
        return await anyio.to_thread.run_sync(functools.partial(function, *args), limiter=self._limiter)

    def service(self) -> Werkstatt:
        with self._service_lock:
            if self._service is None:
                self._service = self._make_service()
            return self._service

    # --- wiring -------------------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/teilnehmen", self.join_page, methods=["GET"]),
            Route("/teilnehmen/beitreten", self.join, methods=["POST"]),
            Mount("/p/assets", app=CachedStatic(directory=STATIC), name="assets"),
            Route("/p/{token}", self.screen_page, methods=["GET"]),
            Route("/p/{token}/events", self.events, methods=["GET"]),
            Route("/p/{token}/rating", self.rate, methods=["POST"]),
            Route("/p/{token}/group", self.choose_group, methods=["POST"]),
            Route("/p/{token}/cards", self.add_card, methods=["POST"]),
            Route("/p/{token}/cards/{card}", self.edit_card, methods=["POST"]),
            Route("/p/{token}/cards/{card}/delete", self.delete_card, methods=["POST"]),
            Route("/p/{token}/dots", self.vote, methods=["POST"]),
            # a 422 page bookmarked or reloaded as a GET, or any other path of a participant
            Route("/p/{token}/{rest:path}", self.back_to_screen, methods=["GET"]),
            Route("/teilnehmen/{rest:path}", self.join_page, methods=["GET"]),
            Route("/datenschutz", self.privacy_page, methods=["GET"]),
            *self.health.routes(),
        ]

    def middleware(self) -> list[Middleware]:
        return [Middleware(ParticipantGuard, prefixes=PREFIXES, refuse=self.refuse)]

    @asynccontextmanager
    async def lifespan(self, _app):
        enable_nodelay()  # the listening socket exists by now (Streamlit binds it before uvicorn starts)
        self.hub.start()
        try:
            yield None
        finally:
            await self.hub.stop()

    # --- rendering ------------------------------------------------------------------

    def render(self, request: Request, template: str, lang: str, status: int = 200, **context) -> Response:
        html = self.templates.get_template(template).render(
            lang=lang, rtl=lang in RTL_LANGUAGES, path=request.url.path,
            query=dict(request.query_params), switch_url=lambda code: _with_lang(request, code),
            url=lambda path, **params: _url(path, lang, **params), **context)
        return _compressed(request, HTMLResponse(html, status_code=status))

    def ballot_card(self, card: Card, mine: int, input_open: bool, dots_per_card: int, field_id: str,
                    lang: str, dots_url: str, refused: str) -> Markup:
        """One card of the ballot (``_ballot_card.html``). Rendered once per card, dots chosen,
        language and state, and kept: the phone's own address goes into the copy. A ballot of 50
        cards cost 11 ms to render in full, and a hall fetches it at once (bench/README.md)."""
        if refused:  # a message for this phone only: not worth keeping
            return self._render_ballot_card(card, mine, input_open, dots_per_card, field_id, lang, dots_url,
                                            refused)
        copy = self._ballot_card_copy(card, mine, input_open, dots_per_card, field_id, lang, _ADDRESS, "")
        return copy.replace(_ADDRESS, dots_url)  # Markup.replace escapes the address it puts in

    def _render_ballot_card(self, card: Card, mine: int, input_open: bool, dots_per_card: int, field_id: str,
                            lang: str, dots_url: str, refused: str) -> Markup:
        """The macro escapes what people typed and returns Jinja's own Markup."""
        macro = self._ballot_module(lang).ballot_card
        return macro(card, mine, input_open, dots_per_card, field_id, dots_url, refused)

    def _make_ballot_module(self, lang: str):
        """``_ballot_card.html`` as a module whose texts are in ``lang`` (kept, one per language)."""
        return self.templates.get_template("_ballot_card.html").make_module({"lang": lang})

    def code_form(self, request: Request, lang: str, message: str = "", code: str = "",
                  status: int = 200) -> HTMLResponse:
        return self.render(request, "code.html", lang, status, message=message, code=code)

    def join_form(self, request: Request, lang: str, code: str, group: str = "", tablet: bool = False,
                  message: str = "", sector: str = "", status: int = 200) -> HTMLResponse:
        """The sector choice for the workshop with ``code``; an unknown code falls back to the code form."""
        app = self.service()
        try:
            workshop = app.workshop_by_code(code)
        except WerkstattError as error:
            return self.code_form(request, lang, error.message(lang), code, status=404)
        fieldset = app.fieldset(workshop)
        group_label = ""
        if group:
            try:
                chosen = app.group(workshop.id, int(group))
                group_label = screens.group_name(chosen, fieldset, workshop, lang)
            except (ValueError, WerkstattError):
                message = message or UnknownGroup(group=group).message(lang)
                group, tablet = "", False
        already = self._joined_here(request, workshop.id)
        sectors = [] if tablet else [screens.Choice(s.id, s.label.marked(lang)) for s in fieldset.sectors]
        return self.render(request, "join.html", lang, status, workshop=workshop, sectors=sectors,
                           sector=sector, group=group, group_label=group_label, tablet=tablet,
                           message=message, already=already, join_key=secrets.token_urlsafe(12))

    def screen(self, request: Request, participant: Participant, lang: str, entry: Entry | None = None,
               status: int = 200, ballot_field: str | None = None) -> HTMLResponse:
        context = screens.screen(self.service(), participant, lang, entry=entry,
                                 ballot_field=ballot_field or request.query_params.get("field"))
        done = request.query_params.get("done", "") if entry is None else ""
        return self.render(request, "screen.html", lang, status, token=participant.token,
                           done=_done_message(done, lang), **context)

    async def refuse(self, status: int, scope: Scope, send: Send) -> None:
        """The page for a request the guard refused before it reached a route (413, 403)."""
        request = Request(scope)
        key = (N_("Das war zu viel Text auf einmal. Bitte fassen Sie sich kürzer.") if status == 413
               else N_("Das hat leider nicht geklappt."))
        response = self.code_form(request, _lang(request), t(key, _lang(request)), status=status)
        await response(scope, _drain(scope), send)

    # --- joining ----------------------------------------------------------------------

    async def join_page(self, request: Request) -> Response:
        lang = _lang(request)
        token = request.query_params.get("t")
        if token:  # a tablet's bookmark from the Streamlit client: /teilnehmen?t=…
            return RedirectResponse(_url(f"/p/{token}", lang), status_code=303)
        if "code" in request.query_params and not request.query_params["code"].strip():
            return self.code_form(request, lang, t("Bitte geben Sie den Code vom Beamer ein.", lang),
                                  status=422)
        code = request.query_params.get("code", "").strip()
        if not code:
            return self.code_form(request, lang)
        return await self.work(
            self.join_form, request, lang, code, request.query_params.get("g", ""),
            request.query_params.get("tablet") == "1")

    async def join(self, request: Request) -> Response:
        form = await _form(request)
        lang = _lang(request, form)
        return await self.work(self._join, request, form, lang)

    def _join(self, request: Request, form: dict[str, str], lang: str) -> Response:
        code, group, tablet = form.get("code", ""), form.get("g", ""), form.get("tablet") == "1"
        try:
            group_id = int(group) if group else None
        except ValueError:
            return self.join_form(request, lang, code, message=UnknownGroup(group=group).message(lang),
                                  status=422)
        try:
            participant = self.service().join(code, sector=form.get("sector") or None, group_id=group_id,
                                              group_tablet=tablet, join_key=form.get("join_key") or None)
        except UnknownJoinCode as error:
            return self.code_form(request, lang, error.message(lang), code, status=404)
        except WerkstattError as error:
            return self.join_form(request, lang, code, group, tablet, error.message(lang),
                                  form.get("sector", ""), status=422)
        response = RedirectResponse(_url(f"/p/{participant.token}", lang), status_code=303)
        response.set_cookie(JOINED_COOKIE.format(workshop=participant.workshop_id), participant.token,
                            max_age=JOINED_DAYS * 86400, path="/teilnehmen", httponly=True, samesite="lax",
                            secure=request.headers.get("x-forwarded-proto", request.url.scheme) == "https")
        return response

    def _joined_here(self, request: Request, workshop_id: int) -> str:
        """The token this device already joined the workshop with, if it is still valid."""
        token = request.cookies.get(JOINED_COOKIE.format(workshop=workshop_id), "")
        try:
            return token if token and self.service().participant(token).workshop_id == workshop_id else ""
        except UnknownParticipant:
            return ""

    async def privacy_page(self, request: Request) -> Response:
        """The privacy notice: what is stored, how long, who is responsible (from settings, or
        what the operator still has to enter), one's rights. ``?t=<token>`` (from a participant's
        own page) leads back to it; anything not shaped like a token is ignored."""
        lang = _lang(request)
        token = request.query_params.get("t", "")
        token = token if TOKEN_SHAPE.fullmatch(token) else ""
        return self.render(request, "privacy.html", lang, token=token,
                           back=_url(f"/p/{token}" if token else "/teilnehmen", lang),
                           days=retention_days(), cookie_days=JOINED_DAYS,
                           controller=privacy_controller(), controller_setting=PRIVACY_CONTROLLER_ENV,
                           contact=privacy_contact(), contact_setting=PRIVACY_CONTACT_ENV)

    # --- the screen and its live updates -------------------------------------------------

    async def screen_page(self, request: Request) -> Response:
        lang = _lang(request)
        return self._participant_screen(request, lang)

    def _participant_screen(self, request: Request, lang: str) -> Response:
        participant = self._participant(request)
        if participant is None:
            return self.code_form(request, lang, t("Diesen Link kennen wir nicht. Bitte geben Sie "
                                                   "den Code vom Beamer ein.", lang), status=404)
        return self.screen(request, participant, lang)

    async def back_to_screen(self, request: Request) -> Response:
        return RedirectResponse(_url(f"/p/{request.path_params['token']}", _lang(request)), status_code=303)

    def _participant(self, request: Request) -> Participant | None:
        try:
            return self.service().participant(request.path_params["token"])
        except UnknownParticipant:
            return None

    async def events(self, request: Request) -> Response:
        """One event at once (the device checks its page against it), then one per change."""
        participant = await self.work(self._participant, request)
        if participant is None:
            return Response(status_code=404)
        version = (await self.work(self.service().workshop, participant.workshop_id)).step_version
        box = self.hub.subscribe(participant.workshop_id, version)

        async def stream():
            try:
                while True:
                    yield {"data": json.dumps({"v": await box.next()})}
            finally:
                self.hub.unsubscribe(box)

        return EventSourceResponse(stream(), ping=15, headers={"cache-control": "no-store"})

    # --- what participants do ------------------------------------------------------------

    async def _act(self, request: Request,
                   action: Callable[[Participant, dict[str, str], str], Response]) -> Response:
        """Read the form, find the participant, run ``action`` in a worker thread."""
        form = await _form(request)
        lang = _lang(request, form)

        def run() -> Response:
            participant = self._participant(request)
            if participant is None:
                return self.code_form(request, lang, t("Diesen Link kennen wir nicht. Bitte geben "
                                                       "Sie den Code vom Beamer ein.", lang), status=404)
            try:
                return action(participant, form, lang)
            except StorageError as error:
                return self.screen(request, participant, lang, Entry("storage", error.message(lang)),
                                   status=503)

        return await self.work(run)

    def _stored(self, participant: Participant, lang: str, anchor: str = "", **params: str) -> Response:
        url = _url(f"/p/{participant.token}", lang, **params) + (f"#{anchor}" if anchor else "")
        return RedirectResponse(url, status_code=303)

    async def rate(self, request: Request) -> Response:
        def action(participant: Participant, form: dict[str, str], lang: str) -> Response:
            field_id, raw = form.get("field", ""), form.get("level", "")
            try:
                self.service().rate(participant.token, field_id, _level(raw))
            except WerkstattError as error:
                return self.screen(request, participant, lang,
                                   Entry(f"rating:{field_id}", error.message(lang), {"level": raw}),
                                   status=422)
            return self._stored(participant, lang, f"field-{field_id}")

        return await self._act(request, action)

    async def choose_group(self, request: Request) -> Response:
        def action(participant: Participant, form: dict[str, str], lang: str) -> Response:
            raw = form.get("group", "")
            try:
                self.service().choose_group(participant.token, _number(raw, UnknownGroup(group=raw)))
            except WerkstattError as error:
                return self.screen(request, participant, lang, Entry("group", error.message(lang)),
                                   status=422)
            return self._stored(participant, lang, "cards", done="group")

        return await self._act(request, action)

    async def add_card(self, request: Request) -> Response:
        def action(participant: Participant, form: dict[str, str], lang: str) -> Response:
            values = {k: form.get(k, "") for k in ("kind", "field", "text")}
            try:
                if not values["kind"]:
                    raise InvalidInput(problem=N_("Bitte wählen Sie: Stärke, Handlungsbedarf oder "
                                                  "Idee. Ihr Text ist noch da."))
                card = self.service().add_card(participant.token, values["field"], values["kind"],
                                               values["text"])
            except WerkstattError as error:
                return self.screen(request, participant, lang, Entry("card", error.message(lang), values),
                                   status=422)
            return self._stored(participant, lang, "my-cards", done=f"card-{card.kind}")

        return await self._act(request, action)

    async def edit_card(self, request: Request) -> Response:
        def action(participant: Participant, form: dict[str, str], lang: str) -> Response:
            raw, text = request.path_params["card"], form.get("text", "")
            try:
                card = self.service().edit_card(participant.token, _number(raw, UnknownCard(card=raw)), text)
            except WerkstattError as error:
                return self.screen(request, participant, lang, Entry(f"edit:{raw}", error.message(lang),
                                                                     {"text": text}), status=422)
            return self._stored(participant, lang, f"card-{card.id}", done="edited")

        return await self._act(request, action)

    async def delete_card(self, request: Request) -> Response:
        def action(participant: Participant, form: dict[str, str], lang: str) -> Response:
            raw = request.path_params["card"]
            try:
                self.service().delete_card(participant.token, _number(raw, UnknownCard(card=raw)))
            except UnknownCard:
                pass  # a double tap: the first one deleted it
            except WerkstattError as error:
                return self.screen(request, participant, lang, Entry(f"edit:{raw}", error.message(lang)),
                                   status=422)
            return self._stored(participant, lang, "my-cards", done="deleted")

        return await self._act(request, action)

    async def vote(self, request: Request) -> Response:
        def action(participant: Participant, form: dict[str, str], lang: str) -> Response:
            raw, field_id = form.get("card", ""), form.get("field", "")
            try:
                card_id = _number(raw, UnknownCard(card=raw))
                dots = _number(form.get("dots", ""),
                               InvalidInput(problem=N_("„{dots}“ ist keine gültige Zahl von "
                                                       "Punkten."), dots=form.get("dots", "")))
                seen = form.get("seen", "")
                self.service().vote(participant.token, card_id, dots, int(seen) if seen.isdigit() else None)
            except WerkstattError as error:
                return self.screen(request, participant, lang, Entry(f"dots:{raw}", error.message(lang)),
                                   status=422, ballot_field=field_id)
            return self._stored(participant, lang, f"card-{card_id}", field=field_id)

        return await self._act(request, action)


# --- small helpers -------------------------------------------------------------------------


def _compressed(request: Request, response: Response) -> Response:
    """The page gzipped at level 1, as the venue's Wi-Fi wants it small. Streamlit's own middleware
    would gzip it at level 9: three times the CPU for 9 % fewer bytes, paid per phone at a step
    change; it leaves a response alone that is encoded already."""
    if "gzip" not in request.headers.get("accept-encoding", "") or len(response.body) < GZIP_MINIMUM:
        return response
    response.body = gzip.compress(response.body, compresslevel=1, mtime=0)
    response.headers["content-encoding"] = "gzip"
    response.headers["content-length"] = str(len(response.body))
    response.headers["vary"] = "Accept-Encoding"
    return response


def _lang(request: Request, form: dict[str, str] | None = None) -> str:
    chosen = request.query_params.get("lang") or (form or {}).get("lang")
    return normalize_language(chosen, PARTICIPANT_LANGUAGES)


def _url(path: str, lang: str, **params: str) -> str:
    query = {k: v for k, v in params.items() if v}
    if lang != DEFAULT_LANGUAGE:
        query["lang"] = lang
    return path + (f"?{urlencode(query)}" if query else "")


def _with_lang(request: Request, lang: str) -> str:
    """This page in another language (what the language switch links to)."""
    query = {k: v for k, v in request.query_params.items() if k not in ("lang", "done")}
    if lang != DEFAULT_LANGUAGE:
        query["lang"] = lang
    return request.url.path + (f"?{urlencode(query)}" if query else "")


async def _form(request: Request) -> dict[str, str]:
    """The form fields of a POST (url-encoded; the guard has capped its size). A field sent
    twice keeps its first value; bytes that are not UTF-8 become replacement characters."""
    body = await request.body()
    fields: dict[str, str] = {}
    for key, value in parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True):
        fields.setdefault(key, value)
    return fields


def _level(raw: str) -> int | str | None:
    """A level from the form: a number, None for "don't know", or the text as sent, which the
    service then refuses with the levels of the workshop's scale (``InvalidLevel``)."""
    if raw == DONT_KNOW:
        return None
    try:
        return int(raw)
    except ValueError:
        return raw


def _number(raw: str, error: WerkstattError) -> int:
    try:
        return int(raw)
    except ValueError:
        raise error from None


def _done_message(done: str, lang: str) -> str:
    if done.startswith("card-") and done[5:] in ("strength", "gap", "idea"):
        return t("Gespeichert: Ihre Karte „{kind}“.", lang, kind=t(KIND_NAMES[done[5:]], lang))
    return t(DONE_MESSAGES[done], lang) if done in DONE_MESSAGES else ""


def _drain(scope: Scope):
    """A ``receive`` for a response sent without reading the (refused) body."""
    async def receive():
        return {"type": "http.disconnect"}
    return receive
