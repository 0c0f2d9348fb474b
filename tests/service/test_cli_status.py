"""``python -m werkstatt status``: the health checks as text, the open workshops, and the devices
a running server (``--url``) has connected; a server that does not answer is said so."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections import namedtuple

import pytest
import uvicorn
from starlette.applications import Starlette

import db.store as store_module
from db.health import KNOWN_MIGRATIONS
from tests.conftest import PIN
from tests.storage_faults import Disk
from werkstatt import health
from werkstatt.cli import main
from werkstatt.i18n import format_moment
from werkstatt.web.routes import ParticipantClient

Usage = namedtuple("Usage", "total used free")
MB = 1024 * 1024


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(app):
    """The participant client of ``app`` served over real HTTP on a free port; yields the client
    (its ``hub``) and the address."""
    client = ParticipantClient(service=lambda: app)
    port = _free_port()
    config = uvicorn.Config(Starlette(routes=client.routes(), middleware=client.middleware()),
                            host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert running.started, "the test server did not start"
    yield client, f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


def test_status_lists_the_open_workshops_and_not_the_closed_ones(app, clock, db_path, workshop, capsys):
    created = clock.now  # the workshop fixture was created now
    closed = app.create_workshop(title="Workshop vom Frühjahr", municipality="Altdorf", facilitator_pin=PIN)
    app.set_live_step(closed.id, "closed")
    app.set_live_step(workshop.id, "rating")
    clock.advance(minutes=30)
    token = app.join(workshop.join_code).token
    app.join(workshop.join_code)
    clock.advance(minutes=5)
    app.rate(token, "management", 3)

    assert main(["--db", str(db_path), "status"]) == 0

    out = capsys.readouterr().out
    assert "Offene Workshops: 1\n" in out
    assert (f"  Workshop {workshop.id}: Selbstcheck-Workshop · Musterstadt · Schritt Bewertung · 2 beigetreten"
            f" · angelegt {format_moment(created.astimezone())}"
            f" · letzte Eingabe {format_moment(clock.now.astimezone())}\n") in out
    assert f"Workshop {closed.id}:" not in out and "Frühjahr" not in out
    assert out.startswith("Zustand: in Ordnung\n  Datenbank: beschreibbar\n"
                          f"  Migrationen: aktuell ({len(KNOWN_MIGRATIONS)})\n  Freier Speicher: ")
    assert "Verbundene Geräte: nur der laufende Server kennt sie (--url http://127.0.0.1:8501)" in out


def test_status_without_open_workshops_says_so(db_path, capsys):
    assert main(["--db", str(db_path), "status"]) == 0
    assert "Offene Workshops: keine" in capsys.readouterr().out


def test_status_says_when_the_server_is_not_reachable_and_shows_the_rest(app, db_path, workshop, capsys):
    url = f"http://127.0.0.1:{_free_port()}"  # nobody listens there any more

    assert main(["--db", str(db_path), "status", "--url", url]) == 0

    out = capsys.readouterr().out
    assert "Verbundene Geräte: unbekannt\n" in out
    assert f"  {url}: nicht erreichbar (" in out
    assert "Zustand: in Ordnung" in out and f"Workshop {workshop.id}: Selbstcheck-Workshop" in out


def test_status_asks_the_running_server_for_its_connected_devices(app, db_path, workshop, server, capsys):
    client, url = server
    client.hub.subscribe(workshop.id, 1)
    client.hub.subscribe(workshop.id, 1)

    assert main(["--db", str(db_path), "status", "--url", url]) == 0

    out = capsys.readouterr().out
    assert f"Verbundene Geräte: 2\n  {url}: 2\n" in out
    assert "meldet eine Störung" not in out


def test_status_adds_up_the_devices_of_several_processes_and_counts_one_that_is_down(
        app, db_path, workshop, server, capsys):
    client, url = server
    client.hub.subscribe(workshop.id, 1)
    down = f"127.0.0.1:{_free_port()}"

    assert main(["--db", str(db_path), "status", "--url", url, "--url", down]) == 0

    out = capsys.readouterr().out
    assert f"Verbundene Geräte: mindestens 1\n  {url}: 1\n  {down}: nicht erreichbar (" in out


def test_status_fails_on_low_disk_space_here_and_as_the_server_reports_it(
        app, db_path, workshop, server, monkeypatch, capsys):
    _client, url = server
    monkeypatch.setattr(health, "disk_usage", lambda path: Usage(10_000 * MB, 9_880 * MB, 120 * MB))

    assert main(["--db", str(db_path), "status", "--url", url]) == 1

    out = capsys.readouterr().out
    assert "Zustand: gestört (Speicherplatz)" in out
    assert f"  Freier Speicher: 120 MB – zu wenig (mindestens {health.DISK_MIN_MB} MB)" in out
    assert f"  {url} meldet eine Störung: Speicherplatz" in out
    assert f"Workshop {workshop.id}:" in out


def test_status_fails_when_the_server_reports_a_failure_it_alone_sees(
        app, db_path, workshop, server, monkeypatch, capsys):
    _client, url = server
    connect = store_module._connect
    Disk(monkeypatch, app.store).read_only()  # the server's connections ...
    monkeypatch.setattr(store_module, "_connect", connect)  # ... not the command's

    assert main(["--db", str(db_path), "status", "--url", url]) == 1

    out = capsys.readouterr().out
    assert "Zustand: in Ordnung" in out and "  Datenbank: beschreibbar" in out
    assert f"  {url} meldet eine Störung: Datenbank" in out


def test_status_of_a_read_only_database_says_so_and_fails(app, db_path, workshop, monkeypatch, capsys):
    Disk(monkeypatch).read_only()  # every connection opened from now on

    assert main(["--db", str(db_path), "status"]) == 1

    out = capsys.readouterr().out
    assert "Zustand: gestört (Datenbank, Migrationen)" in out
    assert "  Datenbank: nicht beschreibbar (schreibgeschützt)" in out
    assert "Offene Workshops: unbekannt (die Datenbank lässt sich nicht öffnen)" in out


def test_status_fails_on_a_database_migrated_by_a_newer_version(app, db_path, capsys):
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('werkstatt', '9999_from_a_newer_version', '2026-11-23')")

    assert main(["--db", str(db_path), "status"]) == 1

    out = capsys.readouterr().out
    assert "Zustand: gestört (Migrationen)" in out
    assert "  Migrationen: neuer als dieses Programm, unbekannt sind: 9999_from_a_newer_version" in out
