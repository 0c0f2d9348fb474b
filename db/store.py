"""Storage: the only module that writes SQL.

One SQLite file holds every workshop of a deployment. Streamlit runs each script
run in a thread of its own, so a ``Store`` keeps a small pool of connections
(opened with ``check_same_thread=False``, each used by one thread at a time)
instead of opening one per rerun. Every multi-statement write runs inside
``BEGIN IMMEDIATE … COMMIT`` (``Store.write``): sqlite-utils' ``atomic()`` alone
raises "database is locked" under concurrent writers (shared/facts.md, §1). The
threads of one process take a lock per file before ``BEGIN IMMEDIATE``: they then
wait in turn, instead of in SQLite's busy handler, which sleeps in steps of up to
100 ms and lets a waiter lose to later ones again and again (a hall voting at once
saw taps wait 3 s on an idle CPU). Other processes (``make serve-multi``) still
meet SQLite's lock and its busy timeout.

A full disk or a file that cannot be written is SQLite refusing the write: the
transaction is rolled back, and ``Store.write`` turns the refusal into
``StorageFull`` or ``StorageReadOnly``, so every write path gives the person a
sentence instead of a traceback.

Every write that others should see bumps a version number on the workshop:
``step_version`` when what every participant's device shows changes (the live
step, its lock and timer, groups, moderation, dot rules; the participant
client's watcher follows it) and ``data_version`` on any change (the console
and the projector poll it). Following reads those integers and nothing else.
"""

from __future__ import annotations

import contextlib
import errno
import json
import queue
import sqlite3
import threading
from pathlib import Path
from typing import Iterator

import pandas as pd
from sqlite_utils import Database

from db.health import HealthStore
from db.organizers import OrganizerStore
from db.own_fieldsets import OwnFieldsetStore
from db.peers import PeerStore
from db.schema import MIGRATIONS
from db.task_force import TaskForceStore
from db.transfer import TransferStore
from werkstatt.errors import StorageError, StorageFull, StorageReadOnly, StorageUnusable

BUSY_TIMEOUT_MS = 10_000

# The refusals a person can do something about, by SQLite's primary result code (the low byte
# of an extended one such as SQLITE_READONLY_DBMOVED). A WAL database in a folder that cannot be
# written fails with SQLITE_CANTOPEN: its -wal and -shm files cannot be created.
_SQLITE_REFUSALS: dict[int, type[StorageError]] = {
    sqlite3.SQLITE_FULL: StorageFull,
    sqlite3.SQLITE_READONLY: StorageReadOnly,
    sqlite3.SQLITE_CANTOPEN: StorageReadOnly,
}
# The same for creating the file's folder.
_FOLDER_REFUSALS: dict[int, type[StorageError]] = {
    errno.ENOSPC: StorageFull,
    errno.EROFS: StorageReadOnly,
    errno.EACCES: StorageReadOnly,
    errno.EPERM: StorageReadOnly,
}


_WRITE_LOCKS: dict[str, threading.RLock] = {}  # one per file, shared by every Store of this process
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock(path: str) -> threading.RLock:
    key = path if path == ":memory:" else str(Path(path).resolve())
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(key, threading.RLock())


def _connect(path: str) -> Database:
    conn = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn)
    db.execute("PRAGMA journal_mode=wal")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    # Deleted content (a removed task-force member's name) is overwritten, not left in free pages.
    db.execute("PRAGMA secure_delete=ON")
    return db


class Store(TaskForceStore, TransferStore, HealthStore, OrganizerStore, PeerStore, OwnFieldsetStore):
    """Named questions and writes over one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._pool: queue.LifoQueue[Database] = queue.LifoQueue()
        self._write_lock = _write_lock(self.path)
        try:
            self._open()
        except BaseException:
            self.close()  # a store that cannot open its file keeps no connection to it
            raise

    def _open(self) -> None:
        """Create the folder and bring the schema up to date. This is the first write, so a file
        that cannot be written fails here, at start, as a ``StorageError`` the start page can
        explain; so does one that is no database of ours (``StorageUnusable``)."""
        if self.path != ":memory:":
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                refusal = _FOLDER_REFUSALS.get(error.errno, StorageUnusable)
                raise refusal(path=self.path, reason=error.strerror) from error
        try:
            with self.write() as db:
                MIGRATIONS.apply(db)
        except sqlite3.DatabaseError as error:
            raise StorageUnusable(path=self.path, reason=str(error)) from error

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
        """A write transaction that takes the write lock first.

        Any error, one of the COMMIT included, rolls it back (SQLite may already have done so
        for a full disk), so nothing of it is stored and the connection goes back to the pool
        clean for the next write. A full disk or a read-only file leaves as ``StorageFull`` or
        ``StorageReadOnly``: the one place where SQLite's refusals become domain errors."""
        with self._write_lock, self._refusals(), self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.commit()
            except BaseException:
                db.rollback()
                raise

    @contextlib.contextmanager
    def _refusals(self) -> Iterator[None]:
        """Turn SQLite's "database or disk is full" and "attempt to write a readonly database"
        (by result code, not by wording) into the errors a person can act on."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            # getattr: errors the sqlite3 module raises itself carry no SQLite result code
            refusal = _SQLITE_REFUSALS.get((getattr(error, "sqlite_errorcode", None) or 0) & 0xFF)
            if refusal is None:
                raise
            raise refusal(path=self.path) from error

    def _rows(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        with self._db() as db:
            return list(db.query(sql, params))

    def _one(self, sql: str, params: tuple | dict = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the whole database into ``target`` (a new file), taken with
        SQLite's online backup while others keep reading and writing: never a file copy,
        which could catch a write half done or miss what is still in the write-ahead log."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(str(target))
        try:
            with self._db() as db:
                db.conn.backup(destination)
        finally:
            destination.close()

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
            " join_code, pin_hash, live_step, created_at, organizer_id)"
            " VALUES (:title, :municipality, :date, :place, :fieldset, :language,"
            " :join_code, :pin_hash, :live_step, :created_at, :organizer_id)",
            record,
        )
        return cursor.lastrowid

    def workshop(self, workshop_id: int) -> dict | None:
        return self._one("SELECT * FROM workshops WHERE id = ?", (workshop_id,))

    def all_workshops(self) -> list[dict]:
        """Every workshop of the file, oldest first (for the command line's list)."""
        return self._rows("SELECT * FROM workshops ORDER BY id")

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

    def versions(self, workshop_id: int, now: str) -> tuple[int, int, bool] | None:
        """``(step_version, data_version, timer lock due)``: the one cheap read every poll makes.

        The third value says a timer that locks at zero has run out at ``now``
        but its lock is not stored yet."""
        with self._db() as db:
            row = db.execute(
                "SELECT step_version, data_version,"
                " coalesce(timer_locks = 1 AND locked = 0 AND timer_ends_at <= ?, 0)"
                " FROM workshops WHERE id = ?",
                (now, workshop_id),
            ).fetchone()
        return (row[0], row[1], bool(row[2])) if row else None

    def device_versions(self, workshop_ids: list[int], now: str) -> dict[int, tuple[int, bool]]:
        """``{workshop id: (step_version, timer lock due)}`` for many workshops in one SELECT:
        what the participant client's watcher reads a few times a second."""
        if not workshop_ids:
            return {}
        marks = ",".join("?" * len(workshop_ids))
        with self._db() as db:
            rows = db.execute(
                "SELECT id, step_version,"
                " coalesce(timer_locks = 1 AND locked = 0 AND timer_ends_at <= ?, 0)"
                f" FROM workshops WHERE id IN ({marks})",
                (now, *workshop_ids),
            ).fetchall()
        return {row[0]: (row[1], bool(row[2])) for row in rows}

    def set_live_step(self, db: Database, workshop_id: int, step: str) -> None:
        """Move the live step; the new step starts unlocked and without a timer."""
        db.execute(
            "UPDATE workshops SET live_step = ?, locked = 0, timer_ends_at = NULL,"
            " timer_seconds = NULL, timer_locks = 0, step_version = step_version + 1,"
            " data_version = data_version + 1 WHERE id = ?",
            (step, workshop_id),
        )

    def bump_data_version(self, db: Database, workshop_id: int) -> None:
        db.execute(
            "UPDATE workshops SET data_version = data_version + 1 WHERE id = ?", (workshop_id,)
        )

    def bump_vote_version(self, db: Database, workshop_id: int) -> None:
        """For a dot tap: the data changed, the cards did not (``Werkstatt.wall`` stays cached)."""
        db.execute(
            "UPDATE workshops SET data_version = data_version + 1, vote_version = vote_version + 1"
            " WHERE id = ?", (workshop_id,)
        )

    def bump_step_version(self, db: Database, workshop_id: int) -> None:
        """For changes every participant's device must show at once: the live step, its lock and
        timer, the groups, a moderated card, the dot rules. Devices follow this number only, so
        a rating or a card (``bump_data_version``) wakes the console and the projector, not the hall."""
        db.execute(
            "UPDATE workshops SET step_version = step_version + 1,"
            " data_version = data_version + 1 WHERE id = ?",
            (workshop_id,),
        )

    def update_workshop(self, db: Database, workshop_id: int, **columns: object) -> None:
        """Set workshop settings (lock, timer, dot rules, wall field) by column name."""
        assignments = ", ".join(f"{name} = :{name}" for name in columns)
        db.execute(f"UPDATE workshops SET {assignments} WHERE id = :id", {**columns, "id": workshop_id})

    def due_timer_lock(self, workshop_id: int, now: str) -> bool:
        """Whether a timer that locks at zero has run out but the lock is not set yet."""
        row = self._one(
            "SELECT 1 AS due FROM workshops WHERE id = ? AND timer_locks = 1 AND locked = 0"
            " AND timer_ends_at <= ?",
            (workshop_id, now),
        )
        return row is not None

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
        self,
        db: Database,
        workshop_id: int,
        token: str,
        sector: str | None,
        joined_at: str,
        group_id: int | None = None,
        group_tablet: bool = False,
        join_key: str | None = None,
    ) -> int:
        cursor = db.execute(
            "INSERT INTO participants (workshop_id, token, sector, joined_at, group_id, group_tablet, join_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (workshop_id, token, sector, joined_at, group_id, int(group_tablet), join_key),
        )
        return cursor.lastrowid

    def participant_by_join_key(self, db: Database, workshop_id: int, join_key: str) -> dict | None:
        """The participant a join form created, read inside the join's write transaction."""
        cursor = db.execute(
            "SELECT * FROM participants WHERE workshop_id = ? AND join_key = ?", (workshop_id, join_key)
        )
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row)) if row else None

    def set_participant_group(self, db: Database, participant_id: int, group_id: int | None) -> None:
        db.execute("UPDATE participants SET group_id = ? WHERE id = ?", (group_id, participant_id))

    def participant_by_token(self, token: str) -> dict | None:
        return self._one("SELECT * FROM participants WHERE token = ?", (token,))

    def participants_by_sector(self, workshop_id: int) -> dict[str | None, int]:
        """How many joined per sector (None: no sector given)."""
        rows = self._rows(
            "SELECT sector, count(*) AS n FROM participants WHERE workshop_id = ? AND group_tablet = 0"
            " GROUP BY sector",
            (workshop_id,),
        )
        return {row["sector"]: row["n"] for row in rows}

    def count_participants(self, workshop_id: int, db: Database | None = None) -> int:
        """Devices joined (inside a transaction when ``db`` is given, for the cap)."""
        with contextlib.nullcontext(db) if db is not None else self._db() as conn:
            return conn.execute(
                "SELECT count(*) FROM participants WHERE workshop_id = ?", (workshop_id,)
            ).fetchone()[0]

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

    # --- groups --------------------------------------------------------------

    def insert_group(self, db: Database, workshop_id: int, name: str, fields: str, created_at: str) -> int:
        cursor = db.execute(
            "INSERT INTO groups (workshop_id, name, fields, created_at) VALUES (?, ?, ?, ?)",
            (workshop_id, name, fields, created_at),
        )
        return cursor.lastrowid

    def update_group(self, db: Database, group_id: int, name: str, fields: str) -> None:
        db.execute("UPDATE groups SET name = ?, fields = ? WHERE id = ?", (name, fields, group_id))

    def delete_group(self, db: Database, group_id: int) -> None:
        db.execute("UPDATE participants SET group_id = NULL WHERE group_id = ?", (group_id,))
        db.execute("DELETE FROM groups WHERE id = ?", (group_id,))

    def group(self, workshop_id: int, group_id: int) -> dict | None:
        return self._one("SELECT * FROM groups WHERE id = ? AND workshop_id = ?", (group_id, workshop_id))

    def groups(self, workshop_id: int) -> list[dict]:
        """The workshop's groups with how many cards (not hidden) and members each has."""
        return self._rows(
            "SELECT g.*,"
            " (SELECT count(*) FROM cards c WHERE c.group_id = g.id AND c.hidden = 0) AS cards,"
            " (SELECT count(*) FROM participants p WHERE p.group_id = g.id) AS members"
            " FROM groups g WHERE g.workshop_id = ? ORDER BY g.id",
            (workshop_id,),
        )

    # --- cards ---------------------------------------------------------------

    def insert_card(self, db: Database, record: dict) -> int:
        cursor = db.execute(
            "INSERT INTO cards (workshop_id, participant_id, group_id, field_id, kind, text,"
            " created_at, updated_at) VALUES (:workshop_id, :participant_id, :group_id, :field_id,"
            " :kind, :text, :created_at, :created_at)",
            record,
        )
        return cursor.lastrowid

    def card(self, db: Database, card_id: int) -> dict | None:
        """One card, read inside a write transaction (so the check and the write see the same row)."""
        cursor = db.execute("SELECT * FROM cards WHERE id = ?", (card_id,))
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row)) if row else None

    def find_card(self, db: Database, participant_id: int, field_id: str, kind: str, text: str) -> int | None:
        """The id of the participant's identical card, if they already wrote it (a double tap)."""
        row = db.execute(
            "SELECT id FROM cards WHERE participant_id = ? AND field_id = ? AND kind = ? AND text = ?",
            (participant_id, field_id, kind, text),
        ).fetchone()
        return row[0] if row else None

    def update_card(self, db: Database, card_id: int, **columns: object) -> None:
        """Set card columns by name (text, original_text, field_id, kind, hidden, merged_into, updated_at)."""
        assignments = ", ".join(f"{name} = :{name}" for name in columns)
        db.execute(f"UPDATE cards SET {assignments} WHERE id = :id", {**columns, "id": card_id})

    def delete_card(self, db: Database, card_id: int) -> None:
        db.execute("DELETE FROM cards WHERE id = ?", (card_id,))

    def cards(self, workshop_id: int, db: Database | None = None) -> list[dict]:
        """Every card of the workshop, oldest first (inside a transaction when ``db`` is given).

        Read with a plain cursor: every vote reads them all, and sqlite-utils'
        row generator would double the cost."""
        with contextlib.nullcontext(db) if db is not None else self._db() as conn:
            cursor = conn.execute("SELECT * FROM cards WHERE workshop_id = ? ORDER BY id", (workshop_id,))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def cards_of(self, participant_id: int) -> list[dict]:
        return self._rows("SELECT * FROM cards WHERE participant_id = ? ORDER BY id", (participant_id,))

    # --- votes ---------------------------------------------------------------

    def votes(self, workshop_id: int) -> list[tuple[int, int, int]]:
        """``(participant_id, card_id, dots)`` for every vote in the workshop."""
        with self._db() as db:
            return [tuple(r) for r in db.execute(
                "SELECT v.participant_id, v.card_id, v.dots FROM votes v"
                " JOIN cards c ON c.id = v.card_id WHERE c.workshop_id = ?",
                (workshop_id,),
            ).fetchall()]

    def votes_of(self, participant_id: int, db: Database | None = None) -> list[tuple[int, int, int]]:
        """``(participant_id, card_id, dots)`` for one participant's votes."""
        with contextlib.nullcontext(db) if db is not None else self._db() as conn:
            return [tuple(r) for r in conn.execute(
                "SELECT participant_id, card_id, dots FROM votes WHERE participant_id = ?", (participant_id,)
            ).fetchall()]

    def set_dots(self, db: Database, participant_id: int, card_id: int, dots: int, voted_at: str) -> None:
        """The participant's dots on one card; 0 removes the vote."""
        if dots == 0:
            db.execute(
                "DELETE FROM votes WHERE participant_id = ? AND card_id = ?", (participant_id, card_id)
            )
            return
        db.execute(
            "INSERT INTO votes (participant_id, card_id, dots, voted_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (participant_id, card_id)"
            " DO UPDATE SET dots = excluded.dots, voted_at = excluded.voted_at",
            (participant_id, card_id, dots, voted_at),
        )

    def voters(self, workshop_id: int) -> int:
        """How many participants have given at least one dot."""
        row = self._one(
            "SELECT count(DISTINCT v.participant_id) AS n FROM votes v"
            " JOIN cards c ON c.id = v.card_id WHERE c.workshop_id = ?",
            (workshop_id,),
        )
        return row["n"]

    # --- moderation log ------------------------------------------------------

    def log_moderation(
        self, db: Database, workshop_id: int, action: str, card_id: int, before: str, created_at: str
    ) -> None:
        db.execute(
            "INSERT INTO moderation_log (workshop_id, action, card_id, before, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (workshop_id, action, card_id, before, created_at),
        )

    def last_moderation(self, db: Database, workshop_id: int) -> dict | None:
        """The newest moderation action that is not undone yet."""
        cursor = db.execute(
            "SELECT * FROM moderation_log WHERE workshop_id = ? AND undone_at IS NULL"
            " ORDER BY id DESC LIMIT 1",
            (workshop_id,),
        )
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row)) if row else None

    def moderated_cards(self, workshop_id: int, db: Database | None = None) -> set[int]:
        """Ids of the cards some moderation action (not undone) has touched."""
        sql = "SELECT before FROM moderation_log WHERE workshop_id = ? AND undone_at IS NULL"
        rows = self._rows(sql, (workshop_id,)) if db is None else list(db.query(sql, (workshop_id,)))
        return {int(card_id) for row in rows for card_id in json.loads(row["before"])}

    def mark_undone(self, db: Database, log_id: int, undone_at: str) -> None:
        db.execute("UPDATE moderation_log SET undone_at = ? WHERE id = ?", (undone_at, log_id))

    def moderation_history(self, workshop_id: int, limit: int = 20) -> list[dict]:
        return self._rows(
            "SELECT * FROM moderation_log WHERE workshop_id = ? ORDER BY id DESC LIMIT ?",
            (workshop_id, limit),
        )
