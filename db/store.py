"""Storage: the only module that writes SQL.

One SQLite file holds every workshop of a deployment. Streamlit runs each script
run in a thread of its own, so a ``Store`` keeps a small pool of connections
(opened with ``check_same_thread=False``, each used by one thread at a time)
instead of opening one per rerun. Every multi-statement write runs inside
``BEGIN IMMEDIATE … COMMIT`` (``Store.write``): sqlite-utils' ``atomic()`` alone
raises "database is locked" under concurrent writers (shared/facts.md, §1).

Every write that others should see bumps a version number on the workshop:
``step_version`` when the live step changes (tablets poll it) and
``data_version`` on any change (the projector polls it). Polling reads those two
integers and nothing else.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
from pathlib import Path
from typing import Iterator

import pandas as pd
from sqlite_utils import Database

from db.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 10_000


def _connect(path: str) -> Database:
    conn = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn)
    db.execute("PRAGMA journal_mode=wal")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


class Store:
    """Named questions and writes over one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._pool: queue.LifoQueue[Database] = queue.LifoQueue()
        with self.write() as db:
            MIGRATIONS.apply(db)

    # --- connections and transactions --------------------------------------

    @contextlib.contextmanager
    def _db(self) -> Iterator[Database]:
        try:
            db = self._pool.get_nowait()
        except queue.Empty:
            db = _connect(self.path)
        try:
            yield db
        finally:
            self._pool.put(db)

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """A write transaction that takes the write lock first; rolls back on any error."""
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.rollback()
                raise
            else:
                db.commit()

    def _rows(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        with self._db() as db:
            return list(db.query(sql, params))

    def _one(self, sql: str, params: tuple | dict = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def close(self) -> None:
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                return

    # --- workshops -----------------------------------------------------------

    def insert_workshop(self, db: Database, record: dict) -> int:
        """Insert a workshop inside an open write transaction; returns its id."""
        cursor = db.execute(
            "INSERT INTO workshops (title, municipality, date, place, fieldset, language,"
            " join_code, pin_hash, live_step, created_at)"
            " VALUES (:title, :municipality, :date, :place, :fieldset, :language,"
            " :join_code, :pin_hash, :live_step, :created_at)",
            record,
        )
        return cursor.lastrowid

    def workshop(self, workshop_id: int) -> dict | None:
        return self._one("SELECT * FROM workshops WHERE id = ?", (workshop_id,))

    def open_workshop_by_code(self, join_code: str) -> dict | None:
        return self._one(
            "SELECT * FROM workshops WHERE join_code = ? AND live_step != 'closed'", (join_code,)
        )

    def join_code_taken(self, db: Database, join_code: str) -> bool:
        """Whether an open workshop already uses ``join_code`` (inside a write transaction)."""
        rows = db.execute(
            "SELECT 1 FROM workshops WHERE join_code = ? AND live_step != 'closed'", (join_code,)
        ).fetchall()
        return bool(rows)

    def versions(self, workshop_id: int) -> tuple[int, int] | None:
        """``(step_version, data_version)``: the one cheap read every poll makes."""
        with self._db() as db:
            row = db.execute(
                "SELECT step_version, data_version FROM workshops WHERE id = ?", (workshop_id,)
            ).fetchone()
        return tuple(row) if row else None

    def set_live_step(self, db: Database, workshop_id: int, step: str) -> None:
        db.execute(
            "UPDATE workshops SET live_step = ?, step_version = step_version + 1,"
            " data_version = data_version + 1 WHERE id = ?",
            (step, workshop_id),
        )

    def bump_data_version(self, db: Database, workshop_id: int) -> None:
        db.execute(
            "UPDATE workshops SET data_version = data_version + 1 WHERE id = ?", (workshop_id,)
        )

    def set_pin_state(
        self, db: Database, workshop_id: int, failures: int, locked_until: str | None
    ) -> None:
        db.execute(
            "UPDATE workshops SET pin_failures = ?, pin_locked_until = ? WHERE id = ?",
            (failures, locked_until, workshop_id),
        )

    # --- facilitator sessions -----------------------------------------------

    def insert_facilitator_session(
        self, db: Database, token_hash: str, workshop_id: int, created_at: str
    ) -> None:
        db.execute(
            "INSERT INTO facilitator_sessions (token_hash, workshop_id, created_at) VALUES (?, ?, ?)",
            (token_hash, workshop_id, created_at),
        )

    def facilitator_session(self, token_hash: str) -> dict | None:
        return self._one(
            "SELECT * FROM facilitator_sessions WHERE token_hash = ?", (token_hash,)
        )

    # --- participants --------------------------------------------------------

    def insert_participant(
        self, db: Database, workshop_id: int, token: str, sector: str | None, joined_at: str
    ) -> int:
        cursor = db.execute(
            "INSERT INTO participants (workshop_id, token, sector, joined_at) VALUES (?, ?, ?, ?)",
            (workshop_id, token, sector, joined_at),
        )
        return cursor.lastrowid

    def participant_by_token(self, token: str) -> dict | None:
        return self._one("SELECT * FROM participants WHERE token = ?", (token,))

    def count_participants(self, workshop_id: int) -> int:
        row = self._one(
            "SELECT count(*) AS n FROM participants WHERE workshop_id = ?", (workshop_id,)
        )
        return row["n"]

    # --- ratings -------------------------------------------------------------

    def upsert_rating(
        self, db: Database, participant_id: int, field_id: str, level: int | None, rated_at: str
    ) -> None:
        """One rating per participant and field: a second submit updates it."""
        db.execute(
            "INSERT INTO ratings (participant_id, field_id, level, rated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (participant_id, field_id)"
            " DO UPDATE SET level = excluded.level, rated_at = excluded.rated_at",
            (participant_id, field_id, level, rated_at),
        )

    def ratings_of(self, participant_id: int) -> dict[str, int | None]:
        rows = self._rows(
            "SELECT field_id, level FROM ratings WHERE participant_id = ?", (participant_id,)
        )
        return {row["field_id"]: row["level"] for row in rows}

    def rated_counts(self, workshop_id: int) -> dict[str, int]:
        """How many participants have rated each field (don't know included)."""
        rows = self._rows(
            "SELECT r.field_id, count(*) AS n FROM ratings r"
            " JOIN participants p ON p.id = r.participant_id"
            " WHERE p.workshop_id = ? GROUP BY r.field_id",
            (workshop_id,),
        )
        return {row["field_id"]: row["n"] for row in rows}

    def ratings_frame(self, workshop_id: int) -> pd.DataFrame:
        """All ratings of a workshop, anonymous: field_id, level (Int64, <NA> = don't know), sector."""
        rows = self._rows(
            "SELECT r.field_id, r.level, p.sector FROM ratings r"
            " JOIN participants p ON p.id = r.participant_id"
            " WHERE p.workshop_id = ? ORDER BY r.participant_id, r.field_id",
            (workshop_id,),
        )
        frame = pd.DataFrame(rows, columns=["field_id", "level", "sector"])
        frame["level"] = frame["level"].astype("Int64")
        frame["field_id"] = frame["field_id"].astype(str)
        frame["sector"] = frame["sector"].astype(object)
        return frame
