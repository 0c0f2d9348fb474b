"""Whether this deployment can run a workshop, and which workshops are open: what ``/healthz``
answers a monitor and ``python -m werkstatt status`` shows the operator.

Three checks, cheap enough for a monitor that asks every 10 seconds:

- **database**: one row written and rolled back (``Store.try_write``), so a file that has become
  read-only shows now, not at the first tap in the hall;
- **migrations**: the file has every migration this code knows and none it does not know (a
  newer process migrated it under this one, say half way through a rolling update);
- **disk**: the file system of the database has at least ``DISK_MIN_MB`` free. SQLite needs room
  for its write-ahead log before a write can commit; an absolute floor says more than a share of
  the disk, which on a large server would sound the alarm with gigabytes left.

The result names each check and its outcome in plain words and numbers: no path, no workshop, no
token, nothing a passer-by may not read (``/healthz`` is as public as the start page).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from db.health import KNOWN_MIGRATIONS
from werkstatt.errors import StorageFull, StorageReadOnly, StorageUnusable
from werkstatt.service import Werkstatt

log = logging.getLogger(__name__)

DISK_MIN_MB = 200  # less free space than this on the database's file system is a failure
MB = 1024 * 1024
disk_usage = shutil.disk_usage  # looked up at each check, so a test can simulate a full disk

CHECKS = ("database", "migrations", "disk")


@dataclass(frozen=True)
class Health:
    """The outcome of the checks; ``None`` where a check could not be made."""

    database_problem: str | None  # None: writable; else "read-only", "full", "unusable", "locked", …
    applied: tuple[str, ...] | None  # the migrations the file has (None: not readable)
    disk_free_mb: int | None

    @property
    def pending(self) -> tuple[str, ...]:
        """This code's migrations the file lacks."""
        return tuple(name for name in KNOWN_MIGRATIONS if name not in (self.applied or ()))

    @property
    def unknown(self) -> tuple[str, ...]:
        """Migrations the file has that this code does not know (a newer version applied them)."""
        return tuple(name for name in self.applied or () if name not in KNOWN_MIGRATIONS)

    @property
    def failing(self) -> tuple[str, ...]:
        """The names of the checks that failed, in the order of ``CHECKS``."""
        failed = {
            "database": self.database_problem is not None,
            "migrations": self.applied is None or bool(self.pending) or bool(self.unknown),
            "disk": self.disk_free_mb is None or self.disk_free_mb < DISK_MIN_MB,
        }
        return tuple(name for name in CHECKS if failed[name])

    @property
    def ok(self) -> bool:
        return not self.failing

    def database(self) -> str:
        return "writable" if self.database_problem is None else f"not writable ({self.database_problem})"

    def migrations(self) -> str:
        if self.applied is None:
            return "unknown (database not readable)"
        if self.unknown:
            return f"ahead ({len(self.applied)} applied, unknown to this version: {', '.join(self.unknown)})"
        if self.pending:
            return (f"behind ({len(self.applied)} of {len(KNOWN_MIGRATIONS)}, "
                    f"pending: {', '.join(self.pending)})")
        return f"current ({len(self.applied)})"

    def disk(self) -> str:
        if self.disk_free_mb is None:
            return "unknown"
        return "ok" if self.disk_free_mb >= DISK_MIN_MB else f"low (below {DISK_MIN_MB} MB)"

    def as_dict(self) -> dict:
        """The body of ``/healthz`` (without what only the server process knows)."""
        return {"status": "ok" if self.ok else "failing", "failing": list(self.failing),
                "database": self.database(), "migrations": self.migrations(), "disk": self.disk(),
                "disk_free_mb": self.disk_free_mb}


def check(service: Callable[[], Werkstatt], fallback_path: str | Path) -> Health:
    """Run the checks on the database ``service`` opens. When it cannot be opened, the database
    fails with the reason and the disk is measured where ``fallback_path`` would be."""
    try:
        app = service()
    except Exception as error:  # noqa: BLE001 - a health check reports, it does not raise
        log.warning("health check: the database cannot be opened: %s: %s", type(error).__name__, error)
        return Health(database_problem=_problem(error), applied=None, disk_free_mb=_disk_free_mb(fallback_path))
    problem = None
    try:
        app.store.try_write()
    except Exception as error:  # noqa: BLE001 - as above
        log.warning("health check: the database refused a write: %s: %s", type(error).__name__, error)
        problem = _problem(error)
    try:
        applied = tuple(app.store.applied_migrations())
    except Exception as error:  # noqa: BLE001 - as above
        log.warning("health check: the migrations cannot be read: %s: %s", type(error).__name__, error)
        applied = None
    return Health(database_problem=problem, applied=applied, disk_free_mb=_disk_free_mb(app.store.path))


def _problem(error: BaseException) -> str:
    """A short reason for a refused database, without the path or SQLite's wording."""
    if isinstance(error, StorageReadOnly):
        return "read-only"
    if isinstance(error, StorageFull):
        return "full"
    if isinstance(error, StorageUnusable):
        return "unusable"
    if isinstance(error, sqlite3.Error):
        name = getattr(error, "sqlite_errorname", None) or "error"
        return "locked" if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) else name
    return "error"


def _disk_free_mb(path: str | Path) -> int | None:
    """Free megabytes on the file system that holds ``path`` (its nearest existing folder)."""
    folder = Path(path).resolve().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return int(disk_usage(folder).free // MB)
    except OSError as error:
        log.warning("health check: free disk space unknown: %s", error)
        return None


# --- the operator's overview ------------------------------------------------------------------


@dataclass(frozen=True)
class OpenWorkshop:
    """A workshop that is not closed, as ``python -m werkstatt status`` lists it."""

    id: int
    title: str
    municipality: str
    live_step: str
    participants: int  # devices that joined it
    created_at: dt.datetime
    last_input: dt.datetime  # the latest join, rating, card, dot or moderation (else the creation)


def open_workshops(app: Werkstatt) -> list[OpenWorkshop]:
    """Every workshop of the file that is not closed, oldest first."""
    return [OpenWorkshop(id=row["id"], title=row["title"], municipality=row["municipality"],
                         live_step=row["live_step"], participants=row["participants"],
                         created_at=dt.datetime.fromisoformat(row["created_at"]),
                         last_input=dt.datetime.fromisoformat(row["last_input"]))
            for row in app.store.open_workshops_overview()]
