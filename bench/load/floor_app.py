"""The floor: the least a route beside Streamlit can do for the participant screens.

``streamlit run bench/load/floor_app.py`` serves these routes through ``st.App`` in one
process, as ``app.py`` serves Werkstatt's (``werkstatt/web/``), on the same URL contract:
the join form, ``/p/<token>`` for the live step, the rating, card and dot forms, and one
event stream per device. Behind it: five plain SQLite tables, HTML from f-strings, one
watcher that reads a version number four times a second and puts it into every
device's queue. No rules beyond what the scenario needs, no templates, no languages.
Whatever this costs, the architecture costs; what Werkstatt costs beyond it is its own
(bench/README.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import os
import secrets
import sqlite3
import sys
import threading
from pathlib import Path

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from werkstatt import fieldsets  # noqa: E402  (the repository root is on the path only now)
from werkstatt.web.sockets import enable_nodelay  # noqa: E402

FIELDSET = fieldsets.load("weltoffene-kommune")
FIELDS = [f.id for f in FIELDSET.fields]
SECTORS = [s.id for s in FIELDSET.sectors]
LEVELS = [str(level.value) for level in FIELDSET.scale.levels] + ["dont_know"]
KINDS = ("strength", "gap", "idea")
VOTABLE = ("gap", "idea")
BUDGET, PER_CARD = 5, 2
WATCH_SECONDS = 0.25
_local = threading.local()


def db() -> sqlite3.Connection:
    """One connection per thread, as Werkstatt's store keeps them."""
    if not hasattr(_local, "db"):
        _local.db = sqlite3.connect(os.environ["FLOOR_DB"], timeout=30, isolation_level=None)
        _local.db.execute("pragma busy_timeout = 30000")
    return _local.db


def page(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse('<!doctype html><html lang="de"><meta charset="utf-8">'
                        '<meta name="viewport" content="width=device-width"><title>Floor</title>'
                        f"<body>{body}</body></html>", status)


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- join ---------------------------------------------------------------------------------

async def join_form(request: Request) -> Response:
    code = html.escape(request.query_params.get("code", ""))
    sectors = "".join(f'<label><input type="radio" name="sector" value="{s}">{s}</label>' for s in SECTORS)
    return page(f'<form method="post" action="/teilnehmen/beitreten"><input type="hidden" name="code" '
                f'value="{code}"><input type="hidden" name="join_key" value="{secrets.token_urlsafe(12)}">'
                f'{sectors}<button>Mitmachen</button></form>')


def _join(join_key: str, sector: str) -> str:
    db().execute("insert or ignore into participants values (?, ?, ?)",
                 (secrets.token_urlsafe(16), join_key, sector))
    return db().execute("select token from participants where join_key = ?", (join_key,)).fetchone()[0]


async def join(request: Request) -> Response:
    form = await request.form()
    token = await run_in_threadpool(_join, str(form.get("join_key") or secrets.token_urlsafe(12)),
                                    str(form.get("sector", "")))
    return see_other(f"/p/{token}")


# --- the screen -----------------------------------------------------------------------------

def _screen(token: str, field: str | None, message: str = "") -> tuple[int, str]:
    if db().execute("select 1 from participants where token = ?", (token,)).fetchone() is None:
        return 404, "<p>Unbekannt</p>"
    step, version = db().execute("select step, version from room").fetchone()
    body = [f'<main id="main" data-step="{step}" data-version="{version}" data-open="1"><h1>{step}</h1>']
    if message:
        body.append(f'<p role="alert">{html.escape(message)}</p>')
    if step == "rating":
        mine = dict(db().execute("select field, level from ratings where token = ?", (token,)))
        for f in FIELDS:
            radios = "".join(f'<label><input type="radio" name="level" value="{v}"'
                             f'{" checked" if mine.get(f) == v else ""}>{v}</label>' for v in LEVELS)
            body.append(f'<form method="post" action="/p/{token}/rating" data-field="{f}">'
                        f'<input type="hidden" name="field" value="{f}">{radios}<button>OK</button></form>')
    elif step == "cards":
        kinds = "".join(f'<option value="{k}">{k}</option>' for k in KINDS)
        fields = "".join(f'<option value="{f}">{f}</option>' for f in FIELDS)
        body.append(f'<form id="card-form" method="post" action="/p/{token}/cards"><select name="kind">{kinds}'
                    f'</select><select name="field">{fields}</select><textarea name="text"></textarea>'
                    '<button>Speichern</button></form>')
        for card_id, text in db().execute("select id, text from cards where token = ? order by id", (token,)):
            body.append(f'<article data-card="{card_id}"><p>{html.escape(text)}</p></article>')
    elif step == "voting":
        cards = db().execute("select id, field, text from cards where kind in (?, ?) order by id", VOTABLE).fetchall()
        with_cards = [f for f in FIELDS if any(c[1] == f for c in cards)]
        shown = field if field in with_cards else (with_cards[0] if with_cards else "")
        mine = dict(db().execute("select card, n from dots where token = ?", (token,)))
        body.append(f"<p>{BUDGET - sum(mine.values())} Punkte übrig</p><nav>")
        body += [f'<a href="/p/{token}?field={f}" data-field="{f}">{f}</a>' for f in with_cards if f != shown]
        body.append("</nav>")
        for card_id, card_field, text in cards:
            if card_field != shown:
                continue
            n = mine.get(card_id, 0)
            radios = "".join(f'<label><input type="radio" name="dots" value="{v}"{" checked" if v == n else ""}>'
                             f"{v}</label>" for v in range(PER_CARD + 1))
            body.append(f'<form method="post" action="/p/{token}/dots" data-card="{card_id}"><p>{html.escape(text)}'
                        f'</p><input type="hidden" name="card" value="{card_id}"><input type="hidden" name="seen" '
                        f'value="{n}"><input type="hidden" name="field" value="{shown}">{radios}<button>OK</button>'
                        "</form>")
    body.append("</main>")
    return 200, "".join(body)


async def screen(request: Request) -> Response:
    status, body = await run_in_threadpool(_screen, request.path_params["token"], request.query_params.get("field"))
    return page(body, status)


async def _refuse(token: str, field: str | None, message: str) -> Response:
    _status, body = await run_in_threadpool(_screen, token, field, message)
    return page(body, 422)


# --- writes -----------------------------------------------------------------------------------

def _rate(token: str, field: str, level: str) -> bool:
    if field not in FIELDS or level not in LEVELS:
        return False
    db().execute("insert or replace into ratings values (?, ?, ?)", (token, field, level))
    return True


async def rate(request: Request) -> Response:
    token, form = request.path_params["token"], await request.form()
    if not await run_in_threadpool(_rate, token, str(form.get("field")), str(form.get("level"))):
        return await _refuse(token, None, "Ungültig")
    return see_other(f"/p/{token}")


def _card(token: str, kind: str, field: str, text: str) -> bool:
    if kind not in KINDS or field not in FIELDS or len(text.strip()) < 3:
        return False
    db().execute("insert or ignore into cards (token, field, kind, text) values (?, ?, ?, ?)",
                 (token, field, kind, text.strip()))
    return True


async def card(request: Request) -> Response:
    token, form = request.path_params["token"], await request.form()
    if not await run_in_threadpool(_card, token, str(form.get("kind")), str(form.get("field")), str(form.get("text", ""))):
        return await _refuse(token, None, "Ungültig")
    return see_other(f"/p/{token}")


def _vote(token: str, card_id: int, n: int, seen: int) -> str:
    con = db()
    con.execute("begin immediate")
    try:
        mine = dict(con.execute("select card, n from dots where token = ?", (token,)))
        current = mine.get(card_id, 0)
        if seen != current and n != current:
            return "Inzwischen anders gespeichert"
        if n > PER_CARD or sum(mine.values()) - current + n > BUDGET:
            return "Zu viele Punkte"
        con.execute("insert or replace into dots values (?, ?, ?)", (token, card_id, n))
        return ""
    finally:
        con.execute("commit")


async def dots(request: Request) -> Response:
    token, form = request.path_params["token"], await request.form()
    field = str(form.get("field", ""))
    try:
        args = int(form["card"]), int(form["dots"]), int(form.get("seen", 0))
    except (KeyError, ValueError):
        return await _refuse(token, field, "Ungültig")
    problem = await run_in_threadpool(_vote, token, *args)
    if problem:
        return await _refuse(token, field, problem)
    return see_other(f"/p/{token}?field={field}")


# --- live events ------------------------------------------------------------------------------

class Watcher:
    """One loop per process reads the room's version and wakes every device's queue."""

    def __init__(self):
        self.queues: set[asyncio.Queue] = set()
        self.version: int | None = None
        self.task: asyncio.Task | None = None

    def _read(self) -> int:
        return db().execute("select version from room").fetchone()[0]

    async def run(self) -> None:
        while True:
            version = await run_in_threadpool(self._read)
            if version != self.version:
                self.version = version
                for queue in self.queues:
                    queue.put_nowait(version)
            await asyncio.sleep(WATCH_SECONDS)

    async def subscribe(self) -> asyncio.Queue:
        if self.task is None:
            self.version = await run_in_threadpool(self._read)
            self.task = asyncio.create_task(self.run())
        queue: asyncio.Queue = asyncio.Queue()
        self.queues.add(queue)
        return queue


WATCHER = Watcher()


async def events(request: Request) -> Response:
    queue = await WATCHER.subscribe()

    async def stream():
        try:
            yield f'data: {{"v": {WATCHER.version}}}\n\n'
            while True:
                yield f'data: {{"v": {await queue.get()}}}\n\n'
        finally:
            WATCHER.queues.discard(queue)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@contextlib.asynccontextmanager
async def lifespan(_app):
    """Nagle off on Streamlit's listening socket, as Werkstatt does (werkstatt/web/sockets.py)."""
    enable_nodelay()
    yield


app = st.App("floor_page.py", lifespan=lifespan, routes=[
    Route("/teilnehmen", join_form, methods=["GET"]),
    Route("/teilnehmen/beitreten", join, methods=["POST"]),
    Route("/p/{token}", screen, methods=["GET"]),
    Route("/p/{token}/rating", rate, methods=["POST"]),
    Route("/p/{token}/cards", card, methods=["POST"]),
    Route("/p/{token}/dots", dots, methods=["POST"]),
    Route("/p/{token}/events", events, methods=["GET"]),
])
