"""The participant client as a browser sees it: Starlette's test client on a real SQLite file.

The service (the ``app`` fixture of ``tests/conftest.py``: cheap PIN hasher, fixed clock)
arranges what the facilitator does (steps, groups, locks, timers, moderation); a ``Phone``
does what a participant does, through the HTTP routes only.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from tests.web import pages
from werkstatt.web.routes import ParticipantClient


@pytest.fixture
def client(app) -> ParticipantClient:
    return ParticipantClient(service=lambda: app)


@pytest.fixture
def asgi(client) -> Starlette:
    return Starlette(routes=client.routes(), middleware=client.middleware(), lifespan=client.lifespan)


@pytest.fixture
def web(asgi):
    """One browser (its cookies kept), redirects not followed, the lifespan (the live watcher) running."""
    with TestClient(asgi, follow_redirects=False) as browser:
        yield browser


@pytest.fixture
def other_browser(asgi):
    """A second device: its own cookie jar. (Its lifespan is not entered: the process has one
    watcher, started by ``web``; a second lifespan on another event loop would share that hub.)"""
    return TestClient(asgi, follow_redirects=False)


class Phone:
    """One participant's device: GETs its screen and POSTs its forms to ``/p/<token>/…``."""

    def __init__(self, web: TestClient, token: str, lang: str | None = None):
        self.web = web
        self.token = token
        self.lang = lang

    def _query(self, params: dict[str, str]) -> dict[str, str]:
        query = dict(params)
        if self.lang and "lang" not in query:
            query["lang"] = self.lang
        return query

    def screen(self, **params: str):
        return self.web.get(f"/p/{self.token}", params=self._query(params))

    def post(self, action: str, data: dict[str, str] | None = None, params: dict[str, str] | None = None,
             **form: str):
        path = f"/p/{self.token}" + (f"/{action}" if action else "")
        return self.web.post(path, data={**(data or {}), **form}, params=self._query(params or {}))

    def rate(self, field_id: str, level: str | int):
        return self.post("rating", field=field_id, level=str(level))

    def write(self, text: str, field: str = "management", kind: str = "gap"):
        return self.post("cards", kind=kind, field=field, text=text)

    def edit(self, card_id: int | str, text: str):
        return self.post(f"cards/{card_id}", text=text)

    def delete(self, card_id: int | str):
        return self.post(f"cards/{card_id}/delete")

    def choose_group(self, group_id: int | str):
        return self.post("group", group=str(group_id))

    def dots(self, card_id: int | str, dots: int | str, seen: int | str | None = None, field: str = ""):
        form = {"card": str(card_id), "dots": str(dots), "field": field}
        if seen is not None:
            form["seen"] = str(seen)
        return self.post("dots", data=form)

    def follow(self, response):
        """The page a 303 leads to (what the browser shows after a stored form)."""
        assert response.status_code == 303, (response.status_code, pages.error_text(response))
        return self.web.get(response.headers["location"])


def join_over_http(web: TestClient, code: str, lang: str | None = None, **form: str):
    """Open the join page of ``code`` and send its form as shown (plus ``form``): the 303."""
    params = {"code": code, **({"lang": lang} if lang else {})}
    page = web.get("/teilnehmen", params=params)
    assert page.status_code == 200, pages.error_text(page)
    data = {**pages.form_values(pages.join_form(page)), **form}
    return web.post("/teilnehmen/beitreten", data=data)


def token_of(response) -> str:
    """The participant token a join's redirect leads to."""
    match = re.fullmatch(r"/p/([^/?#]+)(\?.*)?", response.headers["location"])
    assert match, response.headers["location"]
    return match.group(1)


@pytest.fixture
def phone(app, web, workshop) -> Phone:
    """A participant who joined over HTTP (workshop in check-in; move the step with the service)."""
    return Phone(web, token_of(join_over_http(web, workshop.join_code)))


def new_phone(app, web, workshop, lang: str | None = None, **join) -> Phone:
    """Another participant, joined through the service (their device shares the test client)."""
    return Phone(web, app.join(workshop.join_code, **join).token, lang)


# --- group work and voting -------------------------------------------------------------------


@pytest.fixture
def cards_workshop(app, workshop):
    return app.set_live_step(workshop.id, "cards")


@pytest.fixture
def writer(app, web, cards_workshop) -> Phone:
    """A participant in the card step of a workshop without groups."""
    return new_phone(app, web, cards_workshop)


def write_wall(app, workshop):
    """Cards written in the card step by one author, then voting opens: four gaps on
    "management", on "arbeit" an idea written before a gap, and a strength."""
    app.set_live_step(workshop.id, "cards")
    author = app.join(workshop.join_code).token
    wall = SimpleNamespace(
        author=author,
        gaps=[app.add_card(author, "management", "gap", f"Handlungsbedarf {i}").id for i in range(4)],
        idea=app.add_card(author, "arbeit", "idea", "Jobmesse im Rathaus").id,
        late_gap=app.add_card(author, "arbeit", "gap", "Zu wenige Praktikumsplätze").id,
        strength=app.add_card(author, "arbeit", "strength", "Gute Arbeitsagentur").id,
    )
    wall.ws = app.set_live_step(workshop.id, "voting")
    return wall


@pytest.fixture
def wall(app, workshop):
    return write_wall(app, workshop)


@pytest.fixture
def voter(app, web, wall) -> Phone:
    return new_phone(app, web, wall.ws)


# --- every screen a person meets ------------------------------------------------------------


def expect(response, status: int):
    assert response.status_code == status, (response.status_code, status, pages.error_text(response))
    return response


def screens_of_every_step(app, web, workshop, lang: str = "de"):
    """(name, page) for every participant screen a person meets, refused forms included:
    the workshop is taken from check-in to closed."""
    query = {"lang": lang}
    shown = [("code form", expect(web.get("/teilnehmen", params=query), 200)),
             ("unknown code", expect(web.get("/teilnehmen", params={"code": "ZZZ999", **query}), 404)),
             ("empty code", expect(web.get("/teilnehmen", params={"code": "", **query}), 422)),
             ("join form", expect(web.get("/teilnehmen", params={"code": workshop.join_code, **query}), 200)),
             ("unknown link", expect(web.get("/p/nope", params=query), 404))]
    phone = Phone(web, token_of(join_over_http(web, workshop.join_code, lang=lang)), lang=lang)
    again = web.get("/teilnehmen", params={"code": workshop.join_code, **query})
    shown.append(("joined again", expect(again, 200)))
    shown.append(("check-in", expect(phone.screen(), 200)))
    app.set_live_step(workshop.id, "rating")
    expect(phone.rate("management", 3), 303)
    shown.append(("rating", expect(phone.screen(), 200)))
    shown.append(("rating refused", expect(phone.rate("oeffnung", 9), 422)))
    app.lock_input(workshop.id, True)
    shown.append(("rating locked", expect(phone.screen(), 200)))
    app.set_live_step(workshop.id, "results")
    shown.append(("results", expect(phone.screen(), 200)))
    app.set_live_step(workshop.id, "cards")
    groups = app.add_default_groups(workshop.id)
    field = groups[0].field_ids[0]
    shown.append(("cards, pick a group", expect(phone.write("Eine Karte ohne Gruppe"), 422)))
    expect(phone.choose_group(groups[0].id), 303)
    expect(phone.write("Eine Karte", field=field), 303)
    app.start_timer(workshop.id, 5, lock_at_end=True)
    shown.append(("cards", expect(phone.screen(), 200)))
    shown.append(("card refused", expect(phone.write("ab", field=field), 422)))
    card = app.my_cards(phone.token)[0].id
    shown.append(("edit refused", expect(phone.edit(card, "ab"), 422)))
    app.lock_input(workshop.id, True)
    shown.append(("cards locked", expect(phone.screen(), 200)))
    app.set_live_step(workshop.id, "voting")
    shown.append(("voting", expect(phone.screen(), 200)))
    shown.append(("dots refused", expect(phone.dots(card, 3, seen=0, field=field), 422)))
    app.set_live_step(workshop.id, "ranking")
    shown.append(("ranking", expect(phone.screen(), 200)))
    app.set_live_step(workshop.id, "closed")
    shown.append(("closed", expect(phone.screen(), 200)))
    return shown
