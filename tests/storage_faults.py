"""A full disk and a read-only database, refused by SQLite itself on the store's own connections.

The tests run as root, where chmod stops no write, so the conditions are set where SQLite
enforces them, on every connection a store holds in its pool or opens from now on:

- full: ``PRAGMA max_page_count`` at the file's current size (it cannot be set lower). A write
  that needs one more page fails with SQLITE_FULL, "database or disk is full" (13), the code a
  real ENOSPC gives too (tried by hand on a tiny tmpfs). SQLite rolls the whole transaction
  back itself. A write that still fits into a page the file has succeeds, as on a real disk
  before the write-ahead log needs room; so a test first fills the room the way a workshop
  does, with ``until_full``.
- read-only: ``PRAGMA query_only``. ``BEGIN IMMEDIATE`` fails with SQLITE_READONLY, "attempt to
  write a readonly database" (8), the code of a file opened read-only (``?mode=ro``), where
  the first write statement fails instead.

Every statement the store's connections start is recorded in ``statements``, so a test can
show how far a refused transaction got.
"""

from __future__ import annotations

import queue
from typing import Callable

import pytest

import db.store as store_module
from db.store import Store
from werkstatt.errors import StorageError

NO_LIMIT = 2**31 - 1  # SQLite clamps it to its own maximum page count


class Disk:
    """The storage conditions of ``stores`` (and of every store opened while the test runs)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *stores: Store):
        self.stores = stores
        self.statements: list[str] = []
        self.opened = 0  # connections opened since, to tell a reused connection from a new one
        self._pragmas: list[str] = []
        connect = store_module._connect

        def connect_under_conditions(path: str):
            db = connect(path)
            self.opened += 1
            self._prepare(db)
            return db

        monkeypatch.setattr(store_module, "_connect", connect_under_conditions)
        self._on_pooled(lambda db: db.conn.set_trace_callback(self.statements.append))

    def full(self) -> None:
        """No room to grow: the file keeps the pages it has."""
        self._set(["PRAGMA max_page_count = 1"])

    def read_only(self) -> None:
        self._set(["PRAGMA query_only = 1"])

    def fixed(self) -> None:
        """Space freed, the file writable again: on the very connections that were refused."""
        self._pragmas = []
        self._on_pooled(lambda db: [db.execute(f"PRAGMA max_page_count = {NO_LIMIT}"),
                                    db.execute("PRAGMA query_only = 0")])

    def pooled(self) -> list:
        """The connections each store holds now (none is in use between two calls)."""
        return [db for store in self.stores for db in store._pool.queue]

    def _set(self, pragmas: list[str]) -> None:
        self._pragmas = pragmas
        self._on_pooled(self._prepare)

    def _prepare(self, db) -> None:
        db.conn.set_trace_callback(self.statements.append)
        for pragma in self._pragmas:
            db.execute(pragma)

    def _on_pooled(self, change: Callable) -> None:
        for store in self.stores:
            taken = []
            while True:
                try:
                    taken.append(store._pool.get_nowait())
                except queue.Empty:
                    break
            for db in taken:
                change(db)
                store._pool.put(db)


def until_full(writes: Callable[[int], object], most: int = 500) -> tuple[int, StorageError]:
    """Run ``writes(0)``, ``writes(1)``, … the way a room fills a disk, until one is refused;
    returns how many were stored and the refusal."""
    for done in range(most):
        try:
            writes(done)
        except StorageError as error:
            return done, error
    pytest.fail(f"{most} writes fitted; the disk never filled up")
