"""The end of a process: the task force archives it (a mark, nothing changes), the operator
deletes it for good with its workshops, never while one of them is open, and no byte of what
was deleted stays in the file."""

from __future__ import annotations

import pytest

from tests.conftest import PIN
from tests.service.test_retention import dump, finish, raw_bytes
from werkstatt.errors import InvalidInput, UnknownProcess, UnknownWorkshop

PASSWORD = "richtig-und-lang"


def process_with(app, *, title: str, member: str, closed: bool = True):
    """A process with one workshop (finished, or still in its rating step), a named member and an
    action from one of its cards. Returns the process, the workshop and the tokens."""
    workshop = app.create_workshop(title=f"Workshop {title}", municipality=title, facilitator_pin=PIN)
    process = app.create_process(title, title, PASSWORD, workshop_id=workshop.id)
    if closed:
        tokens = finish(app, workshop)
    else:
        app.set_live_step(workshop.id, "cards")
        tokens = [app.join(workshop.join_code).token]
        app.add_card(tokens[0], "management", "gap", "Noch offen")
    member_id = app.add_member(process.id, member, "Verein").id
    card = app.board(workshop.id)[0]
    app.create_action(process.id, "Aktion", "management", owner=f"member:{member_id}", card_id=card.id)
    return process, workshop, tokens


def test_archiving_marks_the_process_and_changes_nothing_else(app, clock, db_path):
    process, _, _ = process_with(app, title="Musterstadt", member="Erika Mustermann")
    before = {name: rows for name, rows in dump(db_path).items() if name != "processes"}
    assert app.process_archived_at(process.id) is None
    first = app.archive_process(process.id)
    assert first == clock.now
    clock.advance(days=1)
    assert app.archive_process(process.id) == first  # archived again: it keeps its first date
    assert app.retention_report().processes[0].archived_at == app.process_archived_at(process.id)
    assert {name: rows for name, rows in dump(db_path).items() if name != "processes"} == before
    app.unarchive_process(process.id)
    assert app.process_archived_at(process.id) is None


def test_a_process_with_an_open_workshop_is_neither_archived_nor_deleted(app, db_path):
    process, workshop, tokens = process_with(app, title="Offenstadt", member="Max Muster", closed=False)
    before = dump(db_path)
    for refused in (app.archive_process, app.delete_process):
        with pytest.raises(InvalidInput, match=f"In diesem Prozess ist noch offen: Workshop {workshop.id}"):
            refused(process.id)
    assert dump(db_path) == before
    assert app.participant(tokens[0]).workshop_id == workshop.id


def test_deleting_a_process_takes_everything_of_it_and_leaves_the_others(app, db_path):
    gone, gone_workshop, gone_tokens = process_with(app, title="Altstadt", member="Erika Mustermann")
    kept, kept_workshop, kept_tokens = process_with(app, title="Neustadt", member="Max Muster")
    kept_summary = app.summary(kept_workshop.id)
    assert app.delete_process(gone.id) is True
    with pytest.raises(UnknownProcess):
        app.process(gone.id)
    with pytest.raises(UnknownWorkshop):
        app.workshop(gone_workshop.id)
    rows = dump(db_path)
    assert [p[0] for p in rows["processes"]] == [kept.id]
    assert {w[0] for w in rows["workshops"]} == {kept_workshop.id}
    assert len(rows["participants"]) == len(kept_tokens) + 1  # and the one who came by a join form
    assert {c[1] for c in rows["cards"]} == {kept_workshop.id}
    assert {m[1] for m in rows["members"]} == {kept.id} and {a[1] for a in rows["actions"]} == {kept.id}
    assert app.summary(kept_workshop.id).equals(kept_summary)
    assert app.participant(kept_tokens[0]).workshop_id == kept_workshop.id
    data = raw_bytes(db_path)
    assert [t for t in gone_tokens if t.encode() in data] == []
    assert b"Erika Mustermann" not in data and b"Max Muster" in data
    assert b"Workshop Altstadt" not in data


def test_an_unknown_process_is_refused(app):
    with pytest.raises(UnknownProcess):
        app.delete_process(99)
    with pytest.raises(UnknownProcess):
        app.archive_process(99)
