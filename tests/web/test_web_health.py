"""``GET /healthz`` for a monitor: 200 while the database takes a write, its migrations are this
code's and the disk has room; 503 naming the check that failed; and how many devices are
connected to the process right now. A real SQLite file, SQLite's own refusals (``Disk``)."""

from __future__ import annotations

import sqlite3
import time
from collections import namedtuple

from starlette.applications import Starlette
from starlette.testclient import TestClient

from db.health import KNOWN_MIGRATIONS
from tests.storage_faults import Disk
from tests.web.conftest import new_phone
from tests.web.test_web_live import EventReader
from werkstatt import health
from werkstatt.errors import StorageReadOnly
from werkstatt.web import health as health_route
from werkstatt.web.routes import ParticipantClient

Usage = namedtuple("Usage", "total used free")
MB = 1024 * 1024


def test_a_healthy_server_answers_200_and_names_each_check(app, web, workshop, db_path):
    app.join(workshop.join_code)
    response = web.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body == {"status": "ok", "failing": [], "database": "writable",
                    "migrations": f"current ({len(KNOWN_MIGRATIONS)})", "disk": "ok",
                    "disk_free_mb": body["disk_free_mb"], "devices_connected": 0}
    assert body["disk_free_mb"] >= health.DISK_MIN_MB
    assert response.headers["cache-control"] == "no-store"
    # nothing of the workshops or the deployment: no title, code, place or path
    for secret in (workshop.title, workshop.join_code, workshop.municipality, str(db_path.parent)):
        assert secret not in response.text


def test_the_health_write_is_rolled_back(app, web, workshop):
    """Another connection sees no commit: SQLite's data_version moves with every one."""
    watcher = sqlite3.connect(app.store.path)
    before = watcher.execute("PRAGMA data_version").fetchone()[0]
    app.join(workshop.join_code)  # a real write: the watcher notices it
    after_join = watcher.execute("PRAGMA data_version").fetchone()[0]

    assert web.get("/healthz").status_code == 200

    assert after_join != before
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == after_join
    watcher.close()


def test_a_read_only_database_answers_503_naming_the_database(app, web, monkeypatch):
    disk = Disk(monkeypatch, app.store)
    disk.read_only()

    response = web.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing" and body["failing"] == ["database"]
    assert body["database"] == "not writable (read-only)"
    assert body["migrations"].startswith("current") and body["disk"] == "ok"

    monkeypatch.setattr(health_route, "CHECK_SECONDS", 0)
    disk.fixed()
    assert web.get("/healthz").status_code == 200


def test_a_database_that_cannot_be_opened_answers_503(db_path):
    def refuse():
        raise StorageReadOnly(path=str(db_path))

    client = ParticipantClient(service=refuse)
    with TestClient(Starlette(routes=client.routes(), middleware=client.middleware())) as web:
        response = web.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["database", "migrations"]
    assert body["database"] == "not writable (read-only)"
    assert body["migrations"] == "unknown (database not readable)"
    assert str(db_path) not in response.text


def test_migrations_behind_answer_503(app, web):
    last = KNOWN_MIGRATIONS[-1]
    with sqlite3.connect(app.store.path) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (last,))

    response = web.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["migrations"]
    assert body["migrations"] == (f"behind ({len(KNOWN_MIGRATIONS) - 1} of {len(KNOWN_MIGRATIONS)}, "
                                  f"pending: {last})")
    assert body["database"] == "writable"


def test_migrations_of_a_newer_version_answer_503(app, web):
    with sqlite3.connect(app.store.path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('werkstatt', '9999_from_a_newer_version', '2026-11-23')")

    response = web.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failing"] == ["migrations"]
    assert response.json()["migrations"] == (f"ahead ({len(KNOWN_MIGRATIONS) + 1} applied, "
                                             "unknown to this version: 9999_from_a_newer_version)")


def test_low_disk_space_answers_503(app, web, monkeypatch, db_path):
    measured = []

    def nearly_full(path):
        measured.append(path)
        return Usage(total=100_000 * MB, used=99_850 * MB, free=150 * MB)

    monkeypatch.setattr(health, "disk_usage", nearly_full)
    response = web.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["disk"]
    assert body["disk"] == f"low (below {health.DISK_MIN_MB} MB)" and body["disk_free_mb"] == 150
    assert measured == [db_path.parent.resolve()]  # the file system of the database


def test_just_enough_disk_space_is_healthy(app, web, monkeypatch):
    monkeypatch.setattr(health, "disk_usage",
                        lambda path: Usage(100_000 * MB, 0, health.DISK_MIN_MB * MB))
    assert web.get("/healthz").status_code == 200


def test_the_checks_run_once_per_interval_however_often_it_is_asked(app, web, monkeypatch):
    calls = []
    check = health.check
    monkeypatch.setattr(health, "check", lambda *args: calls.append(args) or check(*args))

    for _ in range(5):
        assert web.get("/healthz").status_code == 200
    assert len(calls) == 1

    monkeypatch.setattr(health_route, "CHECK_SECONDS", 0)
    web.get("/healthz")
    assert len(calls) == 2


def _devices(web) -> int:
    return web.get("/healthz").json()["devices_connected"]


def _until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_connected_devices_are_counted_while_their_event_streams_are_open(app, web, rating_workshop):
    phones = [new_phone(app, web, rating_workshop) for _ in range(2)]
    assert _devices(web) == 0

    with web.stream("GET", f"/p/{phones[0].token}/events") as first:
        EventReader(first).next()
        assert _devices(web) == 1
        with web.stream("GET", f"/p/{phones[1].token}/events") as second:
            EventReader(second).next()
            assert _devices(web) == 2
    assert _until(lambda: _devices(web) == 0)


def test_the_participant_guard_leaves_the_health_route_alone(web):
    response = web.get("/healthz")
    assert response.status_code == 200
    assert "content-security-policy" not in response.headers
