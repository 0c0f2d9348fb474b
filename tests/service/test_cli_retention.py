"""``python -m werkstatt retention`` (a dry run unless --apply) and ``process archive|delete``.

The command line runs on the real clock; the workshops here were closed by a service whose
clock stands in 2020, so their period is over whenever the test runs."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import CHEAP_HASHER, PIN, FixedClock
from tests.service.test_retention import dump, finish, raw_bytes
from werkstatt.cli import main
from werkstatt.errors import UnknownParticipant
from werkstatt.service import Werkstatt
from werkstatt.settings import RETENTION_DAYS_ENV


@pytest.fixture
def old_app(db_path, monkeypatch):
    monkeypatch.delenv(RETENTION_DAYS_ENV, raising=False)
    app = Werkstatt(db_path, password_hasher=CHEAP_HASHER,
                    clock=FixedClock(dt.datetime(2020, 3, 2, 9, 0, tzinfo=dt.timezone.utc)))
    yield app
    app.store.close()


def workshop(app, title: str):
    return app.create_workshop(title=title, municipality="Musterstadt", facilitator_pin=PIN)


def test_the_dry_run_shows_what_is_stored_and_changes_nothing(old_app, db_path, capsys):
    closed = workshop(old_app, "Frühjahr")
    finish(old_app, closed)
    old_app.create_process("Prozess Musterstadt", "Musterstadt", "richtig-und-lang", workshop_id=closed.id)
    running = workshop(old_app, "Herbst")
    before = dump(db_path)
    assert main(["--db", str(db_path), "retention"]) == 0
    out = capsys.readouterr().out
    assert dump(db_path) == before
    lines = {line.split()[1]: line for line in out.splitlines()
             if line.startswith((f"  {closed.id} ", f"  {running.id} "))}
    assert "beendet  02.03.2020  02.03.2020  7" in lines["Frühjahr"]
    assert lines["Frühjahr"].endswith("7, würden jetzt entfernt")
    assert "offen" in lines["Herbst"] and lines["Herbst"].endswith("0, bis 30 Tage nach dem Ende")
    assert "Prozess Musterstadt  02.03.2020  –" in out
    assert "Probelauf, nichts wurde geändert: 7 Tokens aus 1 Workshop würden entfernt." in out


def test_apply_removes_the_tokens_and_says_so(old_app, db_path, capsys):
    closed = workshop(old_app, "Frühjahr")
    tokens = finish(old_app, closed)
    assert main(["--db", str(db_path), "retention", "--apply"]) == 0
    out = capsys.readouterr().out
    assert "Entfernt: 7 Tokens aus 1 Workshop;" in out
    with pytest.raises(UnknownParticipant):
        old_app.participant(tokens[0])
    assert not any(t.encode() in raw_bytes(db_path) for t in tokens)
    assert main(["--db", str(db_path), "retention"]) == 0
    assert "entfernt am" in capsys.readouterr().out


def test_process_archive_and_delete(old_app, db_path, capsys):
    closed = workshop(old_app, "Frühjahr")
    tokens = finish(old_app, closed)
    process = old_app.create_process("Prozess Musterstadt", "Musterstadt", "richtig-und-lang",
                                     workshop_id=closed.id)
    db = str(db_path)
    assert main(["--db", db, "process", "archive", str(process.id)]) == 0
    assert "ist archiviert seit" in capsys.readouterr().out
    before = dump(db_path)
    assert main(["--db", db, "process", "delete", str(process.id)]) == 1
    assert "Würde endgültig gelöscht: Prozess 1 (Prozess Musterstadt): 1 Workshop mit 7 Teilnehmenden" \
        in capsys.readouterr().out
    assert dump(db_path) == before
    assert main(["--db", db, "process", "delete", str(process.id), "--yes"]) == 0
    assert "Endgültig gelöscht" in capsys.readouterr().out
    assert dump(db_path)["workshops"] == [] and not any(t.encode() in raw_bytes(db_path) for t in tokens)
    assert main(["--db", db, "process", "delete", str(process.id), "--yes"]) == 1
    assert "Fehler:" in capsys.readouterr().err
