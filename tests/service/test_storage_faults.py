"""A full disk or a read-only database file: every write is refused with a sentence the
facilitator can act on, nothing of it is stored, and the store works again once it is fixed.

The conditions are real SQLite refusals on the store's own connections (see
``tests/storage_faults.py``), not mocks.
"""

import sqlite3

import pytest

from tests.conftest import CHEAP_HASHER, PIN
from tests.storage_faults import Disk, until_full
from werkstatt.errors import StorageFull, StorageReadOnly, StorageUnusable
from werkstatt.service import Werkstatt


@pytest.fixture
def disk(app, monkeypatch):
    return Disk(monkeypatch, app.store)


def _rating_room(app, workshop, people: int = 30) -> list[tuple[str, str]]:
    """(token, field) for every rating ``people`` participants can give; they join first."""
    tokens = [app.join(workshop.join_code).token for _ in range(people)]
    return [(token, field.id) for token in tokens for field in app.fieldset(workshop).fields]


def test_a_rating_on_a_full_disk_is_refused_stored_nowhere_and_taken_once_space_is_freed(
        app, rating_workshop, disk):
    taps = _rating_room(app, rating_workshop)
    disk.full()
    versions = []

    def tap(i):
        versions.append(app.versions(rating_workshop.id))
        app.rate(*taps[i], 3)

    stored, error = until_full(tap)
    token, field = taps[stored]

    assert isinstance(error, StorageFull)
    assert error.__cause__.sqlite_errorname == "SQLITE_FULL"
    assert str(error).startswith("Nicht gespeichert: Der Speicherplatz auf dem Server ist voll.")
    assert "nichts übernommen" in str(error) and "vorher gespeichert war, bleibt sicher" in str(error)
    assert "Speicherplatz freigeben" in str(error) and "wiederholen" in str(error)
    assert "the server's disk is full" in error.message("en")
    # the refused tap left nothing: not the rating, not the version bump of its transaction
    assert field not in app.my_ratings(token)
    assert len(app.ratings(rating_workshop.id)) == stored
    assert app.versions(rating_workshop.id) == versions[-1]
    assert not any(db.conn.in_transaction for db in disk.pooled())

    opened = disk.opened
    disk.fixed()
    app.rate(token, field, 3)
    assert app.my_ratings(token)[field] == 3
    assert disk.opened == opened  # the connection that was refused took the next write


def test_a_merge_that_fails_part_way_leaves_nothing_of_it(app, cards_workshop, token, disk):
    target = app.add_card(token, "management", "gap", "Mehr Personal in der Ausländerbehörde")
    source = app.add_card(token, "management", "gap", "mehr Personal!")
    spare = app.add_card(token, "arbeit", "idea", "Sprechstunde am Abend")
    disk.full()
    # the facilitator hides and restores a card until the moderation log has no room left
    until_full(lambda i: (app.hide_card if i % 2 == 0 else app.restore_card)(cards_workshop.id, spare.id))
    board, history = app.board(cards_workshop.id), app.moderation_history(cards_workshop.id)
    version = app.workshop(cards_workshop.id).data_version
    disk.statements.clear()

    with pytest.raises(StorageFull):
        app.merge_cards(cards_workshop.id, target.id, [source.id])

    # the source card was marked as merged before the log entry found no room ...
    merge_started = [s.split(" SET")[0].split(" (")[0] for s in disk.statements
                     if s.startswith(("UPDATE cards", "INSERT INTO moderation_log"))]
    assert merge_started == ["UPDATE cards", "INSERT INTO moderation_log"]
    # ... and none of it is stored
    assert app.board(cards_workshop.id) == board
    assert app.moderation_history(cards_workshop.id) == history
    assert app.workshop(cards_workshop.id).data_version == version

    disk.fixed()
    merged = app.merge_cards(cards_workshop.id, target.id, [source.id])
    assert merged.sources == (source.id,)


def test_a_commit_that_fails_rolls_back_and_the_connection_takes_the_next_write(app, rating_workshop, disk):
    """A refusal at COMMIT (here a deferred foreign key; a real ENOSPC also fails there) must not
    leave the pooled connection inside the transaction, or every later write on it would fail."""
    token = app.join(rating_workshop.join_code).token
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        with app.store.write() as db:
            db.execute("PRAGMA defer_foreign_keys = ON")
            app.store.upsert_rating(db, 999_999, "management", 3, "2026-11-23T14:00:00+00:00")
    assert disk.statements[-2:] == ["COMMIT", "ROLLBACK"]
    assert not any(db.conn.in_transaction for db in disk.pooled())
    app.rate(token, "management", 3)
    assert app.my_ratings(token) == {"management": 3}
    assert len(app.ratings(rating_workshop.id)) == 1


@pytest.mark.parametrize("write", [
    pytest.param(lambda app, ws, token: app.rate(token, "management", 2), id="rating"),
    pytest.param(lambda app, ws, token: app.join(ws.join_code), id="join"),
    pytest.param(lambda app, ws, token: app.set_live_step(ws.id, "results"), id="live step"),
    pytest.param(lambda app, ws, token: app.start_timer(ws.id, 5), id="timer"),
    pytest.param(lambda app, ws, token: app.add_group(ws.id, "Gruppe Nord", ["zugang"]), id="group"),
    pytest.param(lambda app, ws, token: app.create_workshop(title="Zweiter", municipality="Musterstadt",
                                                           facilitator_pin=PIN), id="workshop"),
])
def test_a_read_only_database_refuses_every_write_path_and_changes_nothing(app, rating_workshop, disk, write):
    token = app.join(rating_workshop.join_code).token
    app.rate(token, "management", 4)
    before = app.store._rows("SELECT * FROM workshops"), app.ratings(rating_workshop.id)
    disk.read_only()

    with pytest.raises(StorageReadOnly) as refused:
        write(app, rating_workshop, token)

    assert refused.value.__cause__.sqlite_errorname == "SQLITE_READONLY"
    assert str(refused.value).startswith(
        "Nicht gespeichert: Die Datenbankdatei auf dem Server ist schreibgeschützt.")
    assert "Datei und ihren Ordner wieder beschreibbar machen" in str(refused.value)
    assert "read-only" in refused.value.message("en")
    assert app.store._rows("SELECT * FROM workshops") == before[0]
    assert app.ratings(rating_workshop.id).equals(before[1])

    disk.fixed()
    write(app, rating_workshop, token)


def test_a_poll_after_a_locking_timer_ran_out_still_answers_on_a_read_only_database(
        app, clock, cards_workshop, disk):
    """The first poll after zero stores the lock; when it cannot, every screen must still
    get its versions (the clock keeps the input locked), not an exception."""
    app.start_timer(cards_workshop.id, 1, lock_at_end=True)
    before = app.versions(cards_workshop.id)
    clock.advance(minutes=2)
    disk.read_only()

    assert app.versions(cards_workshop.id) == before
    assert not app.workshop(cards_workshop.id).input_open(clock())

    disk.fixed()
    assert app.versions(cards_workshop.id)[0] == before[0] + 1  # the lock is stored now
    assert app.workshop(cards_workshop.id).locked


def test_a_file_opened_read_only_gives_the_same_refusal(app, workshop, db_path):
    """``?mode=ro``, the other way SQLite sees a read-only file: the write statement itself fails."""
    read_only = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        with pytest.raises(StorageReadOnly) as refused, app.store._refusals():
            read_only.execute("UPDATE workshops SET title = 'x'")
    finally:
        read_only.close()
    assert refused.value.__cause__.sqlite_errorname == "SQLITE_READONLY"
    assert app.workshop(workshop.id).title == workshop.title


@pytest.mark.parametrize("condition, error, words", [
    ("full", StorageFull, "kein Speicherplatz mehr frei"),
    ("read_only", StorageReadOnly, "lässt sich nicht anlegen oder beschreiben"),
])
def test_a_new_database_that_cannot_be_written_fails_at_start_without_a_half_made_schema(
        tmp_path, monkeypatch, condition, error, words):
    path = tmp_path / "werkstatt.db"
    getattr(Disk(monkeypatch), condition)()

    with pytest.raises(error) as refused:
        Werkstatt(path, password_hasher=CHEAP_HASHER)

    message = refused.value.start_message("de")
    assert message.startswith("Werkstatt kann nicht starten: ") and str(path) in message
    assert words in message and "Es wurde nichts verändert" in message
    check = sqlite3.connect(path)
    assert check.execute("SELECT name FROM sqlite_master").fetchall() == []
    check.close()


def _notes(folder):
    (folder / "werkstatt.db").write_text("Notizen, keine Datenbank")
    return folder / "werkstatt.db"


def _file_in_the_way(folder):
    (folder / "data").write_text("eine Datei, wo der Ordner hingehört")
    return folder / "data" / "werkstatt.db"


@pytest.mark.parametrize("make, reason", [
    pytest.param(_notes, "file is not a database", id="not a database"),
    pytest.param(_file_in_the_way, "File exists", id="a file where the folder goes"),
])
def test_a_location_that_holds_no_database_fails_at_start_with_the_reason(tmp_path, make, reason):
    path = make(tmp_path)
    contents = {p: p.read_text() for p in tmp_path.iterdir()}

    with pytest.raises(StorageUnusable) as refused:
        Werkstatt(path, password_hasher=CHEAP_HASHER)

    message = refused.value.start_message("de")
    assert f"Die Datenbankdatei {path} lässt sich nicht öffnen ({reason})" in message
    assert "WERKSTATT_DB" in message
    assert {p: p.read_text() for p in tmp_path.iterdir()} == contents
