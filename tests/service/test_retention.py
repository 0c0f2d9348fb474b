"""Retention by rule: a closed workshop's participant tokens go a set number of days after the
close, its anonymous ratings, cards and dots stay; a dry run changes nothing; an open workshop
is never touched; and the raw bytes of the database file hold no removed token afterwards."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
from sqlite_utils import Database

from db.schema import MIGRATIONS
from tests.conftest import CHEAP_HASHER, FixedClock, seed_ratings
from werkstatt.errors import InvalidInput, UnknownParticipant
from werkstatt.service import Werkstatt
from werkstatt.settings import RETENTION_DAYS_ENV


def finish(app, workshop, people: int = 6) -> list[str]:
    """Ratings, cards and dots from ``people`` participants (each from a join form), then the
    close. Returns their tokens."""
    app.set_live_step(workshop.id, "rating")
    tokens = seed_ratings(app, workshop, participants=people)
    app.join(workshop.join_code, join_key="joinform-key-0001")
    app.set_live_step(workshop.id, "cards")
    cards = [app.add_card(token, "management", "gap", f"Handlungsbedarf Nummer {i}")
             for i, token in enumerate(tokens)]
    app.set_live_step(workshop.id, "voting")
    for token in tokens:
        app.vote(token, cards[0].id, 1)
        app.vote(token, cards[-1].id, 1)
    app.set_live_step(workshop.id, "closed")
    return tokens


def dump(path) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order (a plain connection, outside the app)."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names}
    finally:
        conn.close()


def raw_bytes(path) -> bytes:
    """The database file and its write-ahead log, as they lie on disk."""
    files = [path, path.with_name(path.name + "-wal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


@pytest.fixture(autouse=True)
def default_period(monkeypatch):
    monkeypatch.delenv(RETENTION_DAYS_ENV, raising=False)


def test_closing_notes_when_and_the_report_counts_the_period_from_there(app, workshop, clock):
    finish(app, workshop)
    stored = app.retention_report().workshops[0]
    assert stored.closed_since == clock.now and not stored.due
    assert (stored.participants, stored.tokens, stored.ratings, stored.cards, stored.dots) == (7, 7, 42, 6, 12)
    assert stored.days_left(clock.now) == 30
    clock.advance(days=29, hours=23)
    assert app.retention_report().workshops[0].days_left(clock.now) == 1
    assert app.retention_report(days=7).due[0].id == workshop.id


def test_a_dry_run_changes_nothing(app, workshop, clock, db_path):
    finish(app, workshop)
    clock.advance(days=31)
    before = dump(db_path)
    report = app.retention_report()
    assert [w.id for w in report.due] == [workshop.id] and report.tokens_due == 7 and not report.applied
    assert dump(db_path) == before


def test_after_the_period_tokens_are_gone_and_the_results_stay(app, workshop, clock, db_path):
    tokens = finish(app, workshop)
    summary, board = app.summary(workshop.id), app.board(workshop.id)
    rows_before = dump(db_path)
    clock.advance(days=30)
    report = app.apply_retention()
    assert report.applied and report.file_clean and report.tokens_due == 7
    for token in tokens:
        with pytest.raises(UnknownParticipant):
            app.participant(token)
    pd.testing.assert_frame_equal(app.summary(workshop.id), summary)
    assert [(c.id, c.text, c.dots) for c in app.board(workshop.id)] == [(c.id, c.text, c.dots) for c in board]
    rows = dump(db_path)
    for table in ("ratings", "cards", "votes", "groups", "moderation_log"):
        assert rows[table] == rows_before[table], table
    assert [p[0] for p in rows["participants"]] == [p[0] for p in rows_before["participants"]]
    participants = Database(db_path).query("SELECT token, join_key FROM participants")
    assert all(p["join_key"] is None and p["token"] not in tokens for p in participants)
    after = app.retention_report()
    assert after.workshops[0].tokens == 0 and after.workshops[0].tokens_removed_at == clock.now
    assert not after.due
    assert app.apply_retention().tokens_due == 0  # a second run finds nothing more to do


def test_before_the_period_nothing_changes(app, workshop, clock, db_path):
    tokens = finish(app, workshop)
    clock.advance(days=29, hours=23, minutes=59)
    before = dump(db_path)
    assert app.apply_retention().due == ()
    assert dump(db_path) == before
    assert app.participant(tokens[0]).workshop_id == workshop.id


def test_an_open_workshop_is_never_touched(app, workshop, clock, db_path):
    app.set_live_step(workshop.id, "rating")
    tokens = seed_ratings(app, workshop, participants=3)
    clock.advance(days=3650)
    before = dump(db_path)
    report = app.apply_retention(days=0)
    assert report.workshops[0].is_open and report.workshops[0].days_left(clock.now) is None
    assert dump(db_path) == before
    app.rate(tokens[0], "management", 1)  # the room goes on


def test_the_raw_file_holds_no_removed_token(app, workshop, clock, db_path):
    tokens = finish(app, workshop)
    secrets = [t.encode() for t in tokens] + [b"joinform-key-0001"]
    assert all(s in raw_bytes(db_path) for s in secrets)  # the search finds them while they are stored
    clock.advance(days=31)
    app.apply_retention()
    data = raw_bytes(db_path)
    assert [s for s in secrets if s in data] == []
    assert b"Handlungsbedarf Nummer 3" in data  # the results are still in the same file


def test_the_setting_sets_the_period_and_a_bad_value_keeps_30(app, workshop, clock, monkeypatch):
    finish(app, workshop)
    clock.advance(days=8)
    monkeypatch.setenv(RETENTION_DAYS_ENV, "7")
    assert app.retention_report().days == 7 and app.retention_report().due
    monkeypatch.setenv(RETENTION_DAYS_ENV, "sieben")
    assert app.retention_report().days == 30 and not app.retention_report().due
    with pytest.raises(InvalidInput):
        app.retention_report(days=-1)


def test_workshops_closed_before_the_migration_count_from_their_last_entry(tmp_path):
    """Migration 0007 dates a workshop that closed before it by the newest thing stored about it;
    a closed workshop that comes without the date (an import) is dated the same way."""
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    MIGRATIONS.apply(db, stop_before="0007_retention")
    for id_, step in ((1, "closed"), (2, "rating"), (3, "closed")):
        db.execute("INSERT INTO workshops (id, title, municipality, fieldset, join_code, pin_hash, live_step,"
                   " created_at) VALUES (?, 'W', 'M', 'weltoffene-kommune', ?, 'x', ?,"
                   " '2026-03-01T09:00:00+00:00')", (id_, f"CODE{id_}", step))
    db.execute("INSERT INTO participants (id, workshop_id, token, joined_at)"
               " VALUES (1, 1, 'tok-one', '2026-03-01T09:05:00+00:00')")
    db.execute("INSERT INTO ratings (participant_id, field_id, level, rated_at)"
               " VALUES (1, 'management', 3, '2026-03-01T10:30:00+00:00')")
    db.conn.close()
    clock = FixedClock()
    app = Werkstatt(path, password_hasher=CHEAP_HASHER, clock=clock)
    try:
        row = {w.id: w for w in app.retention_report().workshops}
        assert row[1].closed_since.isoformat() == "2026-03-01T10:30:00+00:00"  # the last rating
        assert row[2].closed_since is None  # still open
        assert row[3].closed_since.isoformat() == "2026-03-01T09:00:00+00:00"  # nothing but its creation
        with app.store.write() as conn:
            conn.execute("UPDATE workshops SET closed_at = NULL WHERE id = 1")  # as an import leaves it
        assert app.retention_report().workshops[0].closed_since.isoformat() == "2026-03-01T10:30:00+00:00"
    finally:
        app.store.close()
