"""``Werkstatt.backup``: SQLite's online backup, consistent while the app keeps writing."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from tests.conftest import CHEAP_HASHER
from werkstatt.errors import InvalidInput
from werkstatt.service import Werkstatt

WRITERS = 20


def _count(path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_backup_taken_while_20_threads_write_is_whole_and_consistent(app, db_path, tmp_path):
    workshop = app.create_workshop(title="Sicherung", municipality="Musterstadt", facilitator_pin="4711")
    app.set_live_step(workshop.id, "rating")
    fields = app.fieldset(workshop).field_ids
    tokens = [app.join(workshop.join_code).token for _ in range(WRITERS)]
    stop = threading.Event()
    written = [0] * WRITERS
    errors: list[BaseException] = []

    def write(index: int) -> None:
        try:
            while not stop.is_set():
                app.rate(tokens[index], fields[written[index] % len(fields)], 1 + written[index] % 4)
                app.join(workshop.join_code)  # a new row each round, so the copy has moving counts
                written[index] += 1
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    while sum(written) < 200:
        threading.Event().wait(0.01)
    before = sum(written)
    backup = app.backup(tmp_path / "sicherung.db")
    during = sum(written)
    stop.set()
    for thread in threads:
        thread.join()

    assert not errors
    assert during > before  # the writers kept going while the copy was taken
    with sqlite3.connect(backup) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    copied = _count(backup, "participants") - WRITERS  # the joins made by the writers
    assert before <= copied <= sum(written)
    restored = Werkstatt(backup, password_hasher=CHEAP_HASHER)
    assert restored.workshop(workshop.id).title == "Sicherung"
    assert restored.facilitator_login(workshop.join_code, "4711")
    restored.store.close()


def test_a_backup_never_overwrites_a_file(app, tmp_path):
    target = tmp_path / "alt.db"
    target.write_bytes(b"eine alte Sicherung")
    with pytest.raises(InvalidInput) as refused:
        app.backup(target)
    assert "gibt es schon" in refused.value.message("de")
    assert target.read_bytes() == b"eine alte Sicherung"
