"""The task force through the service: processes and their password, sign-in, actions with their
history, actions from cards, overdue in the city's calendar, removing a member for good, the
self-check and the comparison of two workshops."""

import datetime as dt
import sqlite3
from contextlib import closing

import pytest

from tests.conftest import PIN, seed_ratings
from werkstatt.errors import (
    ActionChanged,
    InvalidInput,
    NotAuthorized,
    PasswordLocked,
    SelfCheckFileError,
    TaskforceNotAuthorized,
    UnknownAction,
    UnknownCard,
    UnknownField,
    UnknownMember,
    UnknownProcess,
    WrongPassword,
)
from werkstatt.i18n import N_

PASSWORD = "geheim-2026"
UTC = dt.timezone.utc


@pytest.fixture
def process(app, workshop):
    """A process around the conftest workshop."""
    return app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", PASSWORD,
                              workshop_id=workshop.id)


def other_workshop(app, title="Folge-Workshop", fieldset="weltoffene-kommune", date="2027-05-01"):
    return app.create_workshop(title=title, municipality="Musterstadt", facilitator_pin=PIN,
                               fieldset=fieldset, date=date)


def other_process(app):
    return app.create_process("Nachbarort", "Nachbarort", "anderes-passwort")


def new_action(app, process, title="Website mehrsprachig", field_id="kommunikation", **values):
    return app.create_action(process.id, title, field_id, **values)


def count(db_path, table: str) -> int:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def history(app, process, action):
    return [(c.attribute, c.old, c.new, c.note) for c in app.action_history(process.id, action.id)]


# --- processes ------------------------------------------------------------------------


def test_a_process_without_workshop_has_the_default_fieldset_and_a_code(app):
    process = app.create_process("Weltoffene Kommune", "Musterstadt", PASSWORD)
    assert (process.title, process.municipality, process.fieldset_id) == \
        ("Weltoffene Kommune", "Musterstadt", "weltoffene-kommune")
    assert len(process.code) == 6
    assert app.process(process.id) == process
    assert app.process_workshops(process.id) == []


def test_a_process_made_from_a_workshop_contains_it(app, workshop, process):
    assert app.workshop(workshop.id).process_id == process.id
    assert [w.id for w in app.process_workshops(process.id)] == [workshop.id]


def test_a_process_takes_the_fieldset_of_its_first_workshop(app):
    ws = other_workshop(app, fieldset="integrationskonzept")
    process = app.create_process("Integration", "Musterstadt", PASSWORD, workshop_id=ws.id)
    assert process.fieldset_id == "integrationskonzept"


def test_a_password_of_seven_characters_is_too_short(app, db_path):
    with pytest.raises(InvalidInput) as caught:
        app.create_process("Weltoffene Kommune", "Musterstadt", "1234567")
    assert "mindestens 8 Zeichen" in caught.value.message("de")
    assert count(db_path, "processes") == 0


def test_a_password_of_eight_characters_is_enough(app):
    process = app.create_process("Weltoffene Kommune", "Musterstadt", "12345678")
    assert app.taskforce_process(app.taskforce_login(process.code, "12345678")) == process


def test_a_workshop_already_in_a_process_cannot_start_another(app, workshop, process, db_path):
    with pytest.raises(InvalidInput) as caught:
        app.create_process("Zweiter Prozess", "Musterstadt", PASSWORD, workshop_id=workshop.id)
    assert caught.value.params["problem"] == N_("Dieser Workshop gehört schon zu einem Prozess.")
    assert count(db_path, "processes") == 1


def test_a_workshop_joins_a_process_with_the_right_password(app, workshop, process):
    autumn = other_workshop(app)
    assert app.add_workshop_to_process(autumn.id, process.code, PASSWORD) == process
    assert app.workshop(autumn.id).process_id == process.id
    assert [w.id for w in app.process_workshops(process.id)] == [workshop.id, autumn.id]


def test_the_process_code_may_be_typed_in_lower_case_with_spaces(app, process):
    autumn = other_workshop(app)
    typed = f" {process.code[:3].lower()} {process.code[3:].lower()} "
    assert app.add_workshop_to_process(autumn.id, typed, PASSWORD).id == process.id


def test_a_wrong_password_does_not_add_the_workshop(app, process):
    autumn = other_workshop(app)
    with pytest.raises(WrongPassword) as caught:
        app.add_workshop_to_process(autumn.id, process.code, "falsch-falsch")
    assert caught.value.params["attempts_left"] == 4
    assert app.workshop(autumn.id).process_id is None


def test_an_unknown_process_code_is_refused(app, process):
    autumn = other_workshop(app)
    with pytest.raises(UnknownProcess):
        app.add_workshop_to_process(autumn.id, "000000", PASSWORD)  # 0 is never in a code


def test_five_wrong_passwords_lock_even_the_right_one_for_five_minutes(app, clock, process):
    autumn = other_workshop(app)
    for attempts_left in (4, 3, 2, 1):
        with pytest.raises(WrongPassword) as caught:
            app.add_workshop_to_process(autumn.id, process.code, "falsch-falsch")
        assert caught.value.params["attempts_left"] == attempts_left
    with pytest.raises(PasswordLocked) as caught:
        app.add_workshop_to_process(autumn.id, process.code, "falsch-falsch")
    assert caught.value.params["minutes"] == 5
    with pytest.raises(PasswordLocked):
        app.add_workshop_to_process(autumn.id, process.code, PASSWORD)
    clock.advance(minutes=4, seconds=59)
    with pytest.raises(PasswordLocked) as caught:
        app.add_workshop_to_process(autumn.id, process.code, PASSWORD)
    assert caught.value.params["minutes"] == 1
    assert app.workshop(autumn.id).process_id is None
    clock.advance(seconds=2)
    assert app.add_workshop_to_process(autumn.id, process.code, PASSWORD).id == process.id


def test_the_lock_also_holds_for_the_task_force_sign_in(app, process):
    autumn = other_workshop(app)
    for _ in range(4):
        with pytest.raises(WrongPassword):
            app.add_workshop_to_process(autumn.id, process.code, "falsch-falsch")
    with pytest.raises(PasswordLocked):
        app.taskforce_login(process.code, "falsch-falsch")
    with pytest.raises(PasswordLocked):
        app.taskforce_login(process.code, PASSWORD)


def test_a_right_password_resets_the_count_of_wrong_ones(app, process):
    for _ in range(4):
        with pytest.raises(WrongPassword):
            app.taskforce_login(process.code, "falsch-falsch")
    app.taskforce_login(process.code, PASSWORD)
    with pytest.raises(WrongPassword) as caught:
        app.taskforce_login(process.code, "falsch-falsch")
    assert caught.value.params["attempts_left"] == 4


def test_a_workshop_of_another_fieldset_cannot_join(app, process):
    other = other_workshop(app, fieldset="integrationskonzept")
    with pytest.raises(InvalidInput) as caught:
        app.add_workshop_to_process(other.id, process.code, PASSWORD)
    assert caught.value.params["problem"] == N_("Der Prozess vergleicht andere Felder als dieser "
                                                "Workshop. Workshops eines Prozesses brauchen "
                                                "dieselbe Feldliste.")
    assert app.workshop(other.id).process_id is None


def test_a_workshop_already_in_a_process_cannot_join_another(app, workshop, process):
    second = app.create_process("Nachbarort", "Nachbarort", "anderes-passwort")
    with pytest.raises(InvalidInput) as caught:
        app.add_workshop_to_process(workshop.id, second.code, "anderes-passwort")
    assert caught.value.params["problem"] == N_("Dieser Workshop gehört schon zu einem Prozess.")
    assert app.workshop(workshop.id).process_id == process.id
    assert app.process_workshops(second.id) == []


# --- sign-in ---------------------------------------------------------------------------


def test_the_sign_in_token_opens_the_process(app, process):
    token = app.taskforce_login(process.code, PASSWORD)
    assert isinstance(token, str) and len(token) >= 24
    assert app.taskforce_process(token) == process


def test_each_sign_in_gets_its_own_token(app, process):
    assert app.taskforce_login(process.code, PASSWORD) != app.taskforce_login(process.code, PASSWORD)


def test_a_token_opens_only_its_own_process(app, process):
    second = other_process(app)
    assert app.taskforce_process(app.taskforce_login(second.code, "anderes-passwort")) == second


def test_a_wrong_password_gives_no_token(app, process):
    with pytest.raises(WrongPassword):
        app.taskforce_login(process.code, "falsch-falsch")


def test_a_facilitator_token_does_not_open_the_task_force(app, workshop, process):
    facilitator = app.facilitator_login(workshop.join_code, PIN)
    assert app.facilitated_workshop(facilitator).id == workshop.id
    with pytest.raises(TaskforceNotAuthorized):
        app.taskforce_process(facilitator)


def test_a_participant_token_does_not_open_the_task_force(app, workshop, process):
    participant = app.join(workshop.join_code).token
    with pytest.raises(TaskforceNotAuthorized):
        app.taskforce_process(participant)


@pytest.mark.parametrize("token", ["", None, "garbage", "x" * 32])
def test_no_or_a_made_up_token_opens_nothing(app, process, token):
    with pytest.raises(NotAuthorized) as caught:
        app.taskforce_process(token)
    assert isinstance(caught.value, TaskforceNotAuthorized)


def test_the_task_force_refusal_is_a_not_authorized():
    assert issubclass(TaskforceNotAuthorized, NotAuthorized)


# --- actions and their history -----------------------------------------------------------------


def test_a_new_action_with_its_defaults(app, process, clock):
    action = new_action(app, process)
    assert (action.title, action.field_id, action.description, action.owner) == \
        ("Website mehrsprachig", "kommunikation", "", "")
    assert (action.priority, action.status, action.due_date, action.version) == ("medium", "open", None, 1)
    assert (action.workshop_id, action.card_ids) == (None, ())
    assert action.created_at == action.updated_at == clock.now.isoformat(timespec="seconds")
    assert app.actions(process.id) == [action]


def test_the_history_lists_the_creation_then_every_change_in_order(app, process, clock):
    member = app.add_member(process.id, "Sabine Keller", "Integrationsbüro", "verwaltung")
    action = new_action(app, process, owner="org:Stadtverwaltung", due_date="2026-12-31",
                        note="aus dem Frühjahrs-Workshop")
    created_at = clock.now.isoformat(timespec="seconds")
    steps = [
        ({"status": "in_progress"}, "IT beauftragt"),
        ({"status": "done"}, "seit Oktober online"),
        ({"priority": "high"}, ""),
        ({"owner": f"member:{member.id}"}, "Integrationsbüro übernimmt"),
        ({"due_date": dt.date(2027, 1, 15)}, "verschoben"),
        ({"title": "Website in fünf Sprachen"}, ""),
        ({"field_id": "zugang"}, ""),
        ({"description": "Mit Leichter Sprache"}, "ergänzt"),
    ]
    times = []
    for changes, note in steps:
        clock.advance(days=1)
        times.append(clock.now.isoformat(timespec="seconds"))
        action = app.update_action(process.id, action.id, action.version, note=note, **changes)
    assert action.version == 1 + len(steps)
    assert action.updated_at == times[-1]
    assert (action.status, action.priority, action.owner, action.due_date, action.title, action.field_id,
            action.description) == ("done", "high", f"member:{member.id}", dt.date(2027, 1, 15),
                                    "Website in fünf Sprachen", "zugang", "Mit Leichter Sprache")
    assert history(app, process, action) == [
        ("created", None, "Website mehrsprachig", "aus dem Frühjahrs-Workshop"),
        ("status", "open", "in_progress", "IT beauftragt"),
        ("status", "in_progress", "done", "seit Oktober online"),
        ("priority", "medium", "high", ""),
        ("owner", "org:Stadtverwaltung", f"member:{member.id}", "Integrationsbüro übernimmt"),
        ("due_date", "2026-12-31", "2027-01-15", "verschoben"),
        ("title", "Website mehrsprachig", "Website in fünf Sprachen", ""),
        ("field_id", "kommunikation", "zugang", ""),
        ("description", "", "Mit Leichter Sprache", "ergänzt"),
    ]
    assert [c.changed_at for c in app.action_history(process.id, action.id)] == [created_at] + times


def test_several_changes_in_one_save_share_time_and_note_in_tracked_order(app, process):
    action = new_action(app, process)
    saved = app.update_action(process.id, action.id, action.version, note="Sitzung vom 3. März",
                              status="in_progress", priority="low", title="Website auf Englisch")
    assert saved.version == 2
    changes = app.action_history(process.id, action.id)[1:]
    assert [(c.attribute, c.old, c.new) for c in changes] == [
        ("title", "Website mehrsprachig", "Website auf Englisch"),
        ("priority", "medium", "low"),
        ("status", "open", "in_progress"),
    ]
    assert {c.note for c in changes} == {"Sitzung vom 3. März"}
    assert len({c.changed_at for c in changes}) == 1


def test_an_update_that_changes_nothing_writes_nothing(app, process, clock):
    action = new_action(app, process, due_date="2026-12-31")
    clock.advance(days=1)
    same = app.update_action(process.id, action.id, action.version, note="nur angesehen",
                             title="  Website   mehrsprachig ", status="open", due_date=dt.date(2026, 12, 31))
    assert same == action
    assert app.action(process.id, action.id).version == 1
    assert [c.attribute for c in app.action_history(process.id, action.id)] == ["created"]


def test_a_stale_version_is_refused_and_writes_nothing(app, process):
    action = new_action(app, process)
    first = app.update_action(process.id, action.id, action.version, status="in_progress")
    with pytest.raises(ActionChanged):
        app.update_action(process.id, action.id, action.version, note="zu spät",
                          status="done", priority="high")
    assert app.action(process.id, action.id) == first
    assert [c.attribute for c in app.action_history(process.id, action.id)] == ["created", "status"]


def test_a_stale_edit_equal_to_the_other_persons_change_is_refused_too(app, process):
    # otherwise its note would be dropped while the page says "saved"
    action = new_action(app, process)
    first = app.update_action(process.id, action.id, action.version, note="erste", status="in_progress")
    with pytest.raises(ActionChanged):
        app.update_action(process.id, action.id, action.version, note="zweite", status="in_progress")
    assert app.action(process.id, action.id) == first
    assert [c.note for c in app.action_history(process.id, action.id)] == ["", "erste"]


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"field_id": "verkehr"}, UnknownField),
        ({"status": "finished"}, InvalidInput),
        ({"priority": "urgent"}, InvalidInput),
        ({"title": "   "}, InvalidInput),
        ({"owner": "Sabine Keller"}, InvalidInput),
        ({"owner": "member:999"}, UnknownMember),
        ({"due_date": "31.12.2026"}, InvalidInput),
    ],
)
def test_a_bad_new_action_is_refused_and_nothing_is_written(app, db_path, process, values, error):
    with pytest.raises(error):
        app.create_action(process.id, **{"title": "Website mehrsprachig", "field_id": "kommunikation",
                                         **values})
    assert app.actions(process.id) == []
    assert count(db_path, "action_history") == 0


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"field_id": "verkehr"}, UnknownField),
        ({"status": "finished"}, InvalidInput),
        ({"priority": "urgent"}, InvalidInput),
        ({"title": ""}, InvalidInput),
        ({"owner": "member:999"}, UnknownMember),
    ],
)
def test_a_bad_change_is_refused_and_nothing_is_written(app, process, values, error):
    action = new_action(app, process)
    with pytest.raises(error):
        app.update_action(process.id, action.id, action.version, **{"status": "in_progress", **values})
    assert app.action(process.id, action.id) == action
    assert len(app.action_history(process.id, action.id)) == 1


def test_a_member_of_another_process_cannot_own_an_action(app, process):
    stranger = app.add_member(other_process(app).id, "Fremd Person", "Nachbarort")
    with pytest.raises(UnknownMember):
        new_action(app, process, owner=f"member:{stranger.id}")
    action = new_action(app, process)
    with pytest.raises(UnknownMember):
        app.update_action(process.id, action.id, action.version, owner=f"member:{stranger.id}")
    assert app.action(process.id, action.id).owner == ""


def test_an_organisation_owner_is_stored_as_one_clean_line(app, process):
    action = new_action(app, process, owner="org:  Caritas   Musterstadt ")
    assert action.owner == "org:Caritas Musterstadt"


def test_an_unknown_attribute_is_a_programming_error(app, process):
    action = new_action(app, process)
    with pytest.raises(TypeError):
        app.update_action(process.id, action.id, action.version, colour="red")


def test_an_action_of_another_process_is_unknown(app, process):
    second = other_process(app)
    theirs = new_action(app, second)
    with pytest.raises(UnknownAction):
        app.action(process.id, theirs.id)
    with pytest.raises(UnknownAction):
        app.update_action(process.id, theirs.id, theirs.version, status="done")
    with pytest.raises(UnknownAction):
        app.action_history(process.id, theirs.id)
    assert app.action(second.id, theirs.id) == theirs
    assert app.actions(process.id) == []


# --- actions from cards ---------------------------------------------------------------------------


@pytest.fixture
def wall(app, workshop, process):
    """Cards written in the process's workshop: kind → card id."""
    app.set_live_step(workshop.id, "cards")
    author = app.join(workshop.join_code).token
    return {
        "gap": app.add_card(author, "zugang", "gap", "Termine erst nach 10 Wochen").id,
        "idea": app.add_card(author, "kommunikation", "idea", "Website in sechs Sprachen").id,
        "strength": app.add_card(author, "engagement", "strength", "Aktiver Integrationsrat").id,
    }


def test_an_action_from_a_gap_links_the_card_and_its_workshop(app, workshop, process, wall):
    action = new_action(app, process, "Online-Terminvergabe", "zugang", card_id=wall["gap"])
    assert action.card_ids == (wall["gap"],)
    assert action.workshop_id == workshop.id
    assert app.action(process.id, action.id).card_ids == (wall["gap"],)


def test_an_action_from_an_idea_links_the_card(app, workshop, process, wall):
    action = new_action(app, process, card_id=wall["idea"])
    assert (action.card_ids, action.workshop_id) == ((wall["idea"],), workshop.id)


def test_an_action_cannot_come_from_a_strength(app, process, wall):
    with pytest.raises(InvalidInput) as caught:
        new_action(app, process, "Integrationsrat stärken", "engagement", card_id=wall["strength"])
    assert caught.value.params["problem"] == N_("Maßnahmen entstehen aus Handlungsbedarfen und "
                                                "Ideen, nicht aus Stärken.")
    assert app.actions(process.id) == []


def test_a_card_of_a_workshop_outside_the_process_is_unknown(app, process, wall):
    outside = other_workshop(app, title="Nachbarort", date="2026-11-24")
    app.set_live_step(outside.id, "cards")
    card = app.add_card(app.join(outside.join_code).token, "zugang", "gap", "Keine Beratung").id
    with pytest.raises(UnknownCard):
        new_action(app, process, card_id=card)
    with pytest.raises(UnknownCard):
        new_action(app, process, card_id=max(wall.values()) + 100)
    assert app.actions(process.id) == []


# --- overdue in the city's calendar ----------------------------------------------------------------


def test_an_action_is_overdue_from_the_day_after_its_due_date(app, clock, process):
    clock.now = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    action = new_action(app, process, due_date="2026-03-01")
    assert app.today() == dt.date(2026, 3, 1)
    assert not action.overdue(app.today())
    clock.advance(days=1)
    assert app.today() == dt.date(2026, 3, 2)
    assert app.action(process.id, action.id).overdue(app.today())


def test_today_is_the_date_in_berlin_not_in_utc(app, clock, process):
    action = new_action(app, process, due_date="2026-03-01")
    clock.now = dt.datetime(2026, 3, 1, 22, 59, tzinfo=UTC)  # 23:59 in Berlin (CET, UTC+1)
    assert app.today() == dt.date(2026, 3, 1)
    assert not action.overdue(app.today())
    clock.now = dt.datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 March in Berlin
    assert app.today() == dt.date(2026, 3, 2)
    assert action.overdue(app.today())


def test_today_in_summer_time_is_two_hours_ahead_of_utc(app, clock):
    clock.now = dt.datetime(2026, 7, 1, 21, 59, tzinfo=UTC)  # 23:59 CEST
    assert app.today() == dt.date(2026, 7, 1)
    clock.now = dt.datetime(2026, 7, 1, 22, 0, tzinfo=UTC)  # midnight CEST
    assert app.today() == dt.date(2026, 7, 2)


def test_a_done_action_is_not_overdue(app, clock, process):
    clock.now = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    action = new_action(app, process, due_date="2026-02-01")
    assert action.overdue(app.today())
    done = app.update_action(process.id, action.id, action.version, status="done")
    assert not done.overdue(app.today())


# --- removing a member for good ------------------------------------------------------------------

NAME = "Quirina Zwanzigmeier"


def text_hits(db_path, needle: str) -> list[tuple[str, str]]:
    """(table, column) of every cell in the database that contains ``needle``."""
    hits = []
    with closing(sqlite3.connect(db_path)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]:
                found = conn.execute(
                    f'SELECT count(*) FROM "{table}" WHERE instr(CAST("{column}" AS TEXT), ?) > 0', (needle,)
                ).fetchone()[0]
                if found:
                    hits.append((table, column))
    return hits


def raw_bytes(db_path) -> bytes:
    """The database file and its write-ahead log (if there is one), as stored on disk."""
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def owner(app, process):
    return app.add_member(process.id, NAME, "Caritasverband", "zivilgesellschaft")


def test_a_removed_member_keeps_only_the_organisation(app, process, owner):
    keeper = app.add_member(process.id, "Sabine Keller", "Integrationsbüro", "verwaltung")
    app.remove_member(process.id, owner.id)
    members = {m.id: m for m in app.members(process.id)}
    assert (members[owner.id].name, members[owner.id].sector, members[owner.id].organisation) == \
        (None, None, "Caritasverband")
    assert members[owner.id].removed
    assert members[keeper.id] == keeper


def test_a_removed_owner_stays_on_the_action_and_its_status_can_still_change(app, process, owner):
    action = new_action(app, process, owner=f"member:{owner.id}")
    app.remove_member(process.id, owner.id)
    assert app.action(process.id, action.id).owner == f"member:{owner.id}"
    done = app.update_action(process.id, action.id, action.version, status="done", note="erledigt")
    assert (done.status, done.owner) == ("done", f"member:{owner.id}")
    assert history(app, process, action)[-1] == ("status", "open", "done", "erledigt")


def test_a_removed_member_cannot_be_chosen_as_owner(app, process, owner):
    action = new_action(app, process, owner="org:Stadtverwaltung")
    app.remove_member(process.id, owner.id)
    with pytest.raises(UnknownMember):
        app.update_action(process.id, action.id, action.version, owner=f"member:{owner.id}")
    with pytest.raises(UnknownMember):
        new_action(app, process, owner=f"member:{owner.id}")
    assert app.action(process.id, action.id) == action


def test_a_member_is_removed_only_once_and_only_from_their_process(app, process, owner):
    with pytest.raises(UnknownMember):
        app.remove_member(other_process(app).id, owner.id)
    app.remove_member(process.id, owner.id)
    with pytest.raises(UnknownMember):
        app.remove_member(process.id, owner.id)


def test_the_history_stores_owners_as_member_ids_never_names(app, db_path, process, owner):
    action = new_action(app, process, owner="org:Caritasverband")
    action = app.update_action(process.id, action.id, action.version, owner=f"member:{owner.id}")
    owners = [(c.old, c.new) for c in app.action_history(process.id, action.id) if c.attribute == "owner"]
    assert owners == [("org:Caritasverband", f"member:{owner.id}")]
    assert text_hits(db_path, NAME) == [("members", "name")]
    assert text_hits(db_path, "Zwanzigmeier") == [("members", "name")]


def test_a_removed_name_is_gone_from_every_table_and_from_the_files(app, db_path, process, owner):
    first = new_action(app, process, owner=f"member:{owner.id}", note="übernimmt")
    second = new_action(app, process, "Meldestelle", "zusammenhalt", owner="org:Caritasverband")
    app.update_action(process.id, second.id, second.version, owner=f"member:{owner.id}")
    # before: the name is in the members table, and on disk (file or log)
    assert text_hits(db_path, "Zwanzigmeier") == [("members", "name")]
    assert NAME.encode() in raw_bytes(db_path)

    app.remove_member(process.id, owner.id)
    assert text_hits(db_path, "Zwanzigmeier") == []
    assert b"Zwanzigmeier" not in raw_bytes(db_path)  # checkpointed, old page overwritten

    app.update_action(process.id, first.id, first.version, status="in_progress")
    app.store.close()
    assert b"Zwanzigmeier" not in raw_bytes(db_path)
    assert text_hits(db_path, "Zwanzigmeier") == []


# --- self-check ---------------------------------------------------------------------------------


def test_a_self_check_is_stored_and_replaced_whole(app, workshop):
    assert app.self_check(workshop.id) == {}
    assert app.set_self_check(workshop.id, {"management": 2.5, "oeffnung": 3, "zugang": None}) == \
        {"management": 2.5, "oeffnung": 3.0}
    assert app.self_check(workshop.id) == {"management": 2.5, "oeffnung": 3.0}
    app.set_self_check(workshop.id, {"zugang": 1, "management": None})
    assert app.self_check(workshop.id) == {"zugang": 1.0}


@pytest.mark.parametrize("score", [0.5, 4.01, 7, -1, float("inf")])
def test_a_score_off_the_scale_is_refused_and_the_old_scores_stay(app, workshop, score):
    app.set_self_check(workshop.id, {"management": 2.5})
    with pytest.raises(InvalidInput) as caught:
        app.set_self_check(workshop.id, {"oeffnung": 3, "zugang": score})
    assert "liegt nicht zwischen 1 und 4" in caught.value.message("de")
    assert "Fairer Zugang und Teilhabe" in caught.value.message("de")
    assert app.self_check(workshop.id) == {"management": 2.5}


def test_a_self_check_of_an_unknown_field_is_refused(app, workshop):
    with pytest.raises(UnknownField):
        app.set_self_check(workshop.id, {"verkehr": 2})
    assert app.self_check(workshop.id) == {}


def test_a_score_that_is_not_a_number_is_refused_as_invalid_input(app, workshop):
    # The service refuses non-numbers (the isinstance check) with a message a person can read.
    with pytest.raises(InvalidInput):
        app.set_self_check(workshop.id, {"management": "3"})
    assert app.self_check(workshop.id) == {}


def test_a_good_csv_file_is_imported_whole(app, workshop):
    data = ("feld;wert\r\nmanagement;2,5\r\nInterkulturelle Öffnung und Antirassismus;3\r\n"
            "zugang;\r\n").encode("cp1252")
    assert app.import_self_check(workshop.id, data) == {"management": 2.5, "oeffnung": 3.0}
    assert app.self_check(workshop.id) == {"management": 2.5, "oeffnung": 3.0}


def test_a_broken_csv_file_changes_nothing(app, workshop):
    app.set_self_check(workshop.id, {"management": 1.5, "arbeit": 2.0})
    with pytest.raises(SelfCheckFileError) as caught:
        app.import_self_check(workshop.id, b"feld;wert\nzugang;3\nengagement;gut\n")
    assert "Zeile 3" in caught.value.message("de")
    assert app.self_check(workshop.id) == {"management": 1.5, "arbeit": 2.0}


def test_the_perspective_sets_the_self_check_beside_the_room(app, rating_workshop):
    seed_ratings(app, rating_workshop)
    app.set_self_check(rating_workshop.id, {"management": 4.0})
    view = app.perspective(rating_workshop.id).set_index("field_id")
    median = app.summary(rating_workshop.id).set_index("field_id").loc["management", "median"]
    assert view.loc["management", "self_check"] == 4.0
    assert view.loc["management", "difference"] == pytest.approx(4.0 - median)
    assert view.loc["oeffnung", "view"] == "no_data"


# --- comparison -----------------------------------------------------------------------------------


def test_workshops_of_different_processes_are_not_compared(app, workshop, process):
    outside = other_workshop(app)
    app.create_process("Nachbarort", "Nachbarort", "anderes-passwort", workshop_id=outside.id)
    with pytest.raises(InvalidInput) as caught:
        app.comparison(workshop.id, outside.id)
    assert caught.value.params["problem"] == N_("Verglichen werden nur Workshops desselben Prozesses.")


def test_workshops_outside_any_process_are_not_compared(app):
    spring, autumn = other_workshop(app, "Frühjahr"), other_workshop(app, "Herbst")
    with pytest.raises(InvalidInput):
        app.comparison(spring.id, autumn.id)


def test_two_workshops_of_one_process_compare_field_by_field(app, workshop, process):
    autumn = other_workshop(app)
    app.add_workshop_to_process(autumn.id, process.code, PASSWORD)
    for ws, seed in ((workshop, 1), (autumn, 2)):
        seed_ratings(app, app.set_live_step(ws.id, "rating"), participants=8, seed=seed)
    result = app.comparison(workshop.id, autumn.id)
    fieldset = app.fieldset(workshop)
    assert list(result["field_id"]) == list(fieldset.field_ids)
    before, after = app.summary(workshop.id), app.summary(autumn.id)
    assert list(result["n_before"]) == list(before["n"])
    assert list(result["n_after"]) == list(after["n"])
    expected = after["median"] - before["median"]
    assert list(result["median_change"]) == pytest.approx(list(expected), nan_ok=True)
