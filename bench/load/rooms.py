"""The two rooms a load run can be held in: Werkstatt itself, and the floor.

Both serve the participant client's URL contract (``werkstatt/web/__init__.py``):
the join form, ``/p/<token>`` with ``<main data-step data-version data-open>``, the
forms of each step, and the event stream. So one scenario drives either; each room
also sets the live step as the facilitator would and reads back what was stored, for
the check that nothing was lost or doubled.

``FloorRoom`` serves ``floor_app.py``: the least a route beside Streamlit can do for
the same screens (plain SQLite tables, f-string HTML, one watcher and one queue per
device). Werkstatt's figures divided by the floor's are what the app costs beyond
that. Only Werkstatt has the facilitator's console (a Streamlit page, ``screens``) and the
projector (``projector``: the address of its light page) open during the run.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from werkstatt.service import Werkstatt

PIN = "2468"
DOT_BUDGET = 5
DOTS_PER_CARD = 2
DONT_KNOW = "dont_know"


@dataclass
class Stored:
    """What the database holds, per participant token."""

    participants: int
    ratings: dict[str, dict[str, object]] = field(default_factory=dict)  # token → field → level
    cards: dict[str, list[str]] = field(default_factory=dict)  # token → card texts
    dots: dict[str, dict[int, int]] = field(default_factory=dict)  # token → card id → dots


class WerkstattRoom:
    """A workshop in Werkstatt's own database, driven through its service."""

    name = "werkstatt"
    script = "app.py"

    def __init__(self, db_path: Path, devices: int = 0):
        self.db_path = db_path
        self.app = Werkstatt(db_path)
        self.workshop = self.app.create_workshop(
            title="Lasttest", municipality="Musterstadt", facilitator_pin=PIN)
        self.app.set_dot_rules(self.workshop.id, DOT_BUDGET, DOTS_PER_CARD)
        if devices > self.workshop.participant_cap:  # the room must take every simulated device
            self.app.set_participant_cap(self.workshop.id, devices)
        self.join_code = self.workshop.join_code

    def env(self) -> dict[str, str]:
        return {"WERKSTATT_DB": str(self.db_path)}

    def screens(self) -> list[tuple[str, str]]:
        """The facilitator's laptop: a Streamlit page (name, query) that follows every change."""
        token = self.app.facilitator_login(self.join_code, PIN)
        return [("moderation", f"f={token}")]

    def projector(self) -> str | None:
        """The projector's address: a light page that polls ``/beamer/stage`` once a second."""
        return f"/beamer?w={self.workshop.id}&code={self.join_code}"

    def set_step(self, step: str) -> None:
        self.app.set_live_step(self.workshop.id, step)

    def level(self, sent: str) -> int | None:
        """The stored value of a level as the form sent it."""
        return None if sent == DONT_KNOW else int(sent)

    def stored(self, tokens: list[str]) -> Stored:
        board = {card.id: card for card in self.app.board(self.workshop.id)}
        stored = Stored(participants=self.app.progress(self.workshop.id).participants)
        for token in tokens:
            stored.ratings[token] = self.app.my_ratings(token)
            stored.cards[token] = [card.text for card in self.app.my_cards(token)]
            stored.dots[token] = {card_id: n for card_id, n in self.app.my_dots(token).items()
                                  if card_id in board and n}
        return stored

    def close(self) -> None:
        self.app.store.close()


FLOOR_SCHEMA = """
create table if not exists room (id integer primary key check (id = 1), step text, version integer);
create table if not exists participants (token text primary key, join_key text unique, sector text);
create table if not exists ratings (token text, field text, level text, primary key (token, field));
create table if not exists cards (id integer primary key, token text, field text, kind text, text text,
                                  unique (token, field, kind, text));
create table if not exists dots (token text, card integer, n integer, primary key (token, card));
insert or ignore into room values (1, 'checkin', 1);
"""


class FloorRoom:
    """The floor: ``floor_app.py`` on a database of five plain tables."""

    name = "floor"
    script = "bench/load/floor_app.py"

    def __init__(self, db_path: Path, devices: int = 0):
        self.db_path = db_path
        with self._db() as db:
            db.executescript(FLOOR_SCHEMA)
        self.join_code = "FLOOR1"

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)
        db.execute("pragma journal_mode=wal")
        return db

    def env(self) -> dict[str, str]:
        return {"FLOOR_DB": str(self.db_path)}

    def screens(self) -> list[tuple[str, str]]:
        return []

    def projector(self) -> str | None:
        return None

    def set_step(self, step: str) -> None:
        db = self._db()
        db.execute("update room set step = ?, version = version + 1", (step,))
        db.close()

    def level(self, sent: str) -> str:
        return sent

    def stored(self, tokens: list[str]) -> Stored:
        db = self._db()
        stored = Stored(participants=db.execute("select count(*) from participants").fetchone()[0])
        for token in tokens:
            stored.ratings[token] = dict(db.execute(
                "select field, level from ratings where token = ?", (token,)))
            stored.cards[token] = [row[0] for row in db.execute(
                "select text from cards where token = ? order by id", (token,))]
            stored.dots[token] = dict(db.execute(
                "select card, n from dots where token = ? and n > 0", (token,)))
        db.close()
        return stored

    def close(self) -> None:
        pass


ROOMS = {"werkstatt": WerkstattRoom, "floor": FloorRoom}
