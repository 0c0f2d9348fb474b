"""Shared fixtures: a real SQLite file per test, a cheap PIN hasher, a fixed clock."""

from __future__ import annotations

import datetime as dt
import random

import argon2
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from werkstatt.projector.routes import ProjectorScreen
from werkstatt.service import Werkstatt

PIN = "4711"
CHEAP_HASHER = argon2.PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)


class FixedClock:
    """A clock the test moves by hand (for lockouts)."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 11, 23, 14, 0, tzinfo=dt.timezone.utc)):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "werkstatt.db"


@pytest.fixture
def app(db_path, clock) -> Werkstatt:
    service = Werkstatt(db_path, password_hasher=CHEAP_HASHER, clock=clock)
    yield service
    service.store.close()


@pytest.fixture
def workshop(app):
    """A fresh workshop of the default fieldset, in its check-in step."""
    return app.create_workshop(title="Selbstcheck-Workshop", municipality="Musterstadt",
                               facilitator_pin=PIN, date="2026-11-23", place="Rathaus")


@pytest.fixture
def rating_workshop(app, workshop):
    """The workshop with its rating step live."""
    return app.set_live_step(workshop.id, "rating")


def seed_ratings(app: Werkstatt, workshop, participants: int = 12, seed: int = 42) -> list[str]:
    """Deterministic participants (with sectors) rating every field; returns their tokens."""
    rng = random.Random(seed)
    fieldset = app.fieldset(workshop)
    sectors = [s.id for s in fieldset.sectors]
    tokens = []
    for _ in range(participants):
        token = app.join(workshop.join_code, sector=rng.choice(sectors)).token
        for field in fieldset.fields:
            app.rate(token, field.id, rng.choice(list(fieldset.scale.values) + [None]))
        tokens.append(token)
    return tokens


class Projector:
    """The projector page as a browser fetches it (Starlette's test client on the real routes)."""

    def __init__(self, app: Werkstatt):
        async def work(function, *args):  # the real client runs it in a worker thread; the result is the same
            return function(*args)

        self.screen = ProjectorScreen(service=lambda: app, work=work)
        self.client = TestClient(Starlette(routes=self.screen.routes()), follow_redirects=False)

    def page(self, workshop, **params: str):
        return self.client.get("/beamer", params={"w": str(workshop.id), "code": workshop.join_code} | params)

    def html(self, workshop, **params: str) -> str:
        response = self.page(workshop, **params)
        assert response.status_code == 200, response.text
        return response.text

    def stage(self, workshop, seen: str = "", **params: str):
        return self.client.get("/beamer/stage", params={"w": str(workshop.id), "code": workshop.join_code,
                                                        "seen": seen} | params)


@pytest.fixture
def projector(app) -> Projector:
    return Projector(app)
