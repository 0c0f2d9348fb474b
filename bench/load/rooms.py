"""The two rooms a load run can be held in: Werkstatt itself, and Streamlit's floor.

Both offer the devices the same screens (same step headings, same widget keys,
same option labels), so one scenario drives either; each room also sets the
live step as the facilitator would and reads back what was stored, for the
check that nothing was lost or doubled.

``FloorRoom`` serves ``floor_app.py``: the least a Streamlit page can do for
the same workshop (one ``run_every`` fragment reading a version number, the
same widgets writing plain rows). Werkstatt's figures divided by the floor's
are what the app costs beyond Streamlit itself.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from werkstatt import fieldsets
from werkstatt.service import Werkstatt

PIN = "2468"
DOT_BUDGET = 5
DOTS_PER_CARD = 2
FLOOR_FIELDSET = "weltoffene-kommune"


@dataclass
class Stored:
    """What the database holds, per participant token."""

    participants: int
    ratings: dict[str, dict[str, int | None]] = field(default_factory=dict)  # token → field → level
    cards: dict[str, list[str]] = field(default_factory=dict)  # token → card texts
    dots: dict[str, dict[int, int]] = field(default_factory=dict)  # token → card id → dots


class WerkstattRoom:
    """A workshop in Werkstatt's own database, driven through its service."""

    name = "werkstatt"
    script = "app.py"

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.app = Werkstatt(db_path)
        self.workshop = self.app.create_workshop(
            title="Lasttest", municipality="Musterstadt", facilitator_pin=PIN)
        self.app.set_dot_rules(self.workshop.id, DOT_BUDGET, DOTS_PER_CARD)
        self.join_code = self.workshop.join_code
        self.scale = self.app.fieldset(self.workshop).scale

    def env(self) -> dict[str, str]:
        return {"WERKSTATT_DB": str(self.db_path)}

    def screens(self) -> list[tuple[str, str]]:
        """The facilitator's laptop and the projector: both follow every change live."""
        token = self.app.facilitator_login(self.join_code, PIN)
        return [("moderation", f"f={token}"),
                ("beamer", f"w={self.workshop.id}&code={self.join_code}")]

    def set_step(self, step: str) -> None:
        self.app.set_live_step(self.workshop.id, step)

    def level(self, label: str) -> int | None:
        """The stored value of a scale label as the tablet showed it."""
        if self.scale.dont_know and label == self.scale.dont_know.get("de"):
            return None
        return next(level.value for level in self.scale.levels if level.label.get("de") == label)

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
create table if not exists participants (token text primary key, sector text);
create table if not exists ratings (token text, field text, label text, primary key (token, field));
create table if not exists cards (id integer primary key, token text, field text, kind text, text text);
create table if not exists dots (token text, card integer, n integer, primary key (token, card));
insert or ignore into room values (1, 'checkin', 1);
"""


class FloorRoom:
    """The floor: ``floor_app.py`` on a database of five plain tables."""

    name = "floor"
    script = "bench/load/floor_app.py"

    def __init__(self, db_path: Path):
        self.db_path = db_path
        with self._db() as db:
            db.executescript(FLOOR_SCHEMA)
        self.join_code = "FLOOR1"
        self.scale = fieldsets.load(FLOOR_FIELDSET).scale

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)
        db.execute("pragma journal_mode=wal")
        return db

    def env(self) -> dict[str, str]:
        return {"FLOOR_DB": str(self.db_path)}

    def screens(self) -> list[tuple[str, str]]:
        return []

    def set_step(self, step: str) -> None:
        with self._db() as db:
            db.execute("update room set step = ?, version = version + 1", (step,))

    def level(self, label: str) -> str:
        return label

    def stored(self, tokens: list[str]) -> Stored:
        db = self._db()
        stored = Stored(participants=db.execute("select count(*) from participants").fetchone()[0])
        for token in tokens:
            stored.ratings[token] = dict(db.execute(
                "select field, label from ratings where token = ?", (token,)))
            stored.cards[token] = [row[0] for row in db.execute(
                "select text from cards where token = ? order by id", (token,))]
            stored.dots[token] = dict(db.execute(
                "select card, n from dots where token = ? and n > 0", (token,)))
        db.close()
        return stored

    def close(self) -> None:
        pass


ROOMS = {"werkstatt": WerkstattRoom, "floor": FloorRoom}
