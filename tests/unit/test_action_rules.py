"""The task force's action rules without I/O: overdue, filter and sort, history diff, counts, owners."""

import datetime as dt

import pytest

from werkstatt.actions import (
    PRIORITIES,
    STATUSES,
    TRACKED,
    Action,
    Member,
    changes,
    member_id,
    organisation_of,
    owner_key,
    select,
    status_counts,
)

TODAY = dt.date(2026, 3, 10)


def action(id: int, due: dt.date | None = None, status: str = "open", priority: str = "medium",
           field_id: str = "management", owner: str = "") -> Action:
    return Action(
        id=id, process_id=1, workshop_id=None, field_id=field_id, title=f"Maßnahme {id}", description="",
        owner=owner, due_date=due, priority=priority, status=status, version=1,
        created_at="2026-01-01T10:00:00+00:00", updated_at="2026-01-01T10:00:00+00:00",
    )


def ids(actions):
    return [a.id for a in actions]


# --- overdue -------------------------------------------------------------------


@pytest.mark.parametrize("status", ["open", "in_progress"])
def test_an_open_action_due_before_today_is_overdue(status):
    assert action(1, due=TODAY - dt.timedelta(days=1), status=status).overdue(TODAY)


def test_an_action_due_today_is_not_overdue_yet():
    assert not action(1, due=TODAY).overdue(TODAY)


def test_an_action_due_tomorrow_is_not_overdue():
    assert not action(1, due=TODAY + dt.timedelta(days=1)).overdue(TODAY)


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_a_finished_action_is_never_overdue(status):
    assert not action(1, due=TODAY - dt.timedelta(days=30), status=status).overdue(TODAY)


def test_an_action_without_due_date_is_never_overdue():
    assert not action(1, due=None).overdue(TODAY)


# --- filters ---------------------------------------------------------------------


@pytest.fixture
def mixed():
    """Five actions over two fields, two owners and every status; #1 and #4 are overdue."""
    return [
        action(1, due=dt.date(2026, 3, 1), field_id="management", owner="member:7", status="open"),
        action(2, due=dt.date(2026, 4, 1), field_id="arbeit", owner="org:IHK", status="in_progress"),
        action(3, due=dt.date(2026, 2, 1), field_id="management", owner="org:IHK", status="done"),
        action(4, due=dt.date(2026, 3, 9), field_id="arbeit", owner="member:7", status="in_progress"),
        action(5, due=None, field_id="management", owner="", status="dropped"),
    ]


def test_select_without_filters_keeps_every_action(mixed):
    assert sorted(ids(select(mixed, TODAY))) == [1, 2, 3, 4, 5]


def test_select_by_field(mixed):
    assert sorted(ids(select(mixed, TODAY, field_id="arbeit"))) == [2, 4]


def test_select_by_owner(mixed):
    assert sorted(ids(select(mixed, TODAY, owner="member:7"))) == [1, 4]
    assert sorted(ids(select(mixed, TODAY, owner="org:IHK"))) == [2, 3]


def test_select_by_status(mixed):
    assert ids(select(mixed, TODAY, status="in_progress")) == [4, 2]
    assert ids(select(mixed, TODAY, status="dropped")) == [5]


def test_select_overdue_only(mixed):
    # #3 is past due but done, #2 is not due yet, #5 has no date
    assert ids(select(mixed, TODAY, overdue_only=True)) == [1, 4]


def test_select_combines_filters(mixed):
    assert ids(select(mixed, TODAY, field_id="management", owner="member:7", overdue_only=True)) == [1]
    assert ids(select(mixed, TODAY, field_id="arbeit", status="done")) == []


# --- sorting -----------------------------------------------------------------------


def test_sort_by_due_puts_the_earliest_first_and_no_date_last():
    actions = [
        action(1, due=None),
        action(2, due=dt.date(2026, 5, 1)),
        action(3, due=dt.date(2026, 1, 1)),
        action(4, due=dt.date(2026, 3, 1)),
    ]
    assert ids(select(actions, TODAY, sort="due")) == [3, 4, 2, 1]


def test_sort_by_due_is_the_default():
    actions = [action(1, due=dt.date(2026, 5, 1)), action(2, due=dt.date(2026, 1, 1))]
    assert ids(select(actions, TODAY)) == [2, 1]


def test_sort_by_due_breaks_ties_by_id():
    same = dt.date(2026, 4, 1)
    actions = [action(9, due=same), action(2, due=None), action(5, due=same), action(1, due=None)]
    assert ids(select(actions, TODAY, sort="due")) == [5, 9, 1, 2]


def test_sort_by_priority_goes_high_medium_low_then_by_due_date():
    actions = [
        action(1, priority="low", due=dt.date(2026, 1, 1)),
        action(2, priority="medium", due=None),
        action(3, priority="high", due=dt.date(2026, 6, 1)),
        action(4, priority="medium", due=dt.date(2026, 2, 1)),
        action(5, priority="high", due=dt.date(2026, 3, 1)),
        action(6, priority="high", due=dt.date(2026, 3, 1)),
    ]
    assert ids(select(actions, TODAY, sort="priority")) == [5, 6, 3, 4, 2, 1]


def test_priorities_are_ordered_high_to_low():
    assert PRIORITIES == ("high", "medium", "low")


# --- history diff -------------------------------------------------------------------


BEFORE = {"title": "Website", "description": "", "field_id": "kommunikation", "owner": "member:3",
          "due_date": "2026-03-01", "priority": "medium", "status": "open"}


def test_no_change_gives_no_history():
    assert changes(BEFORE, dict(BEFORE)) == []


def test_one_change_gives_attribute_old_and_new():
    assert changes(BEFORE, {**BEFORE, "status": "done"}) == [("status", "open", "done")]


def test_several_changes_come_in_tracked_order_whatever_the_dict_order():
    after = {"status": "in_progress", "priority": "high", "owner": "org:IHK", "title": "Website mehrsprachig",
             "due_date": None, "description": "Fünf Sprachen", "field_id": "zugang"}
    assert changes(BEFORE, after) == [
        ("title", "Website", "Website mehrsprachig"),
        ("description", "", "Fünf Sprachen"),
        ("field_id", "kommunikation", "zugang"),
        ("owner", "member:3", "org:IHK"),
        ("due_date", "2026-03-01", None),
        ("priority", "medium", "high"),
        ("status", "open", "in_progress"),
    ]
    assert [name for name, _, _ in changes(BEFORE, after)] == list(TRACKED)


def test_attributes_missing_from_after_are_not_changes():
    assert changes(BEFORE, {"priority": "low"}) == [("priority", "medium", "low")]


def test_untracked_keys_are_ignored():
    assert changes(BEFORE, {**BEFORE, "version": 7, "updated_at": "x"}) == []


# --- status counts -----------------------------------------------------------------------


def test_status_counts_lists_every_field_and_status_also_at_zero():
    actions = [
        action(1, field_id="management", status="open"),
        action(2, field_id="management", status="open"),
        action(3, field_id="management", status="done"),
        action(4, field_id="arbeit", status="dropped"),
        action(5, field_id="no-longer-in-fieldset", status="open"),
    ]
    counts = status_counts(actions, ("management", "arbeit", "zugang"))
    assert counts == {
        "management": {"open": 2, "in_progress": 0, "done": 1, "dropped": 0},
        "arbeit": {"open": 0, "in_progress": 0, "done": 0, "dropped": 1},
        "zugang": {"open": 0, "in_progress": 0, "done": 0, "dropped": 0},
    }
    assert list(counts) == ["management", "arbeit", "zugang"]
    assert all(list(per_field) == list(STATUSES) for per_field in counts.values())


# --- owners ----------------------------------------------------------------------------------


def test_owner_key_of_a_member():
    assert owner_key(member=12) == "member:12"


def test_owner_key_of_an_organisation():
    assert owner_key(organisation="Caritasverband") == "org:Caritasverband"


def test_a_member_wins_over_an_organisation():
    assert owner_key(12, "Caritasverband") == "member:12"


def test_nobody_is_the_empty_owner():
    assert owner_key() == ""
    assert owner_key(None, "") == ""


def test_member_id_reads_only_member_owners():
    assert member_id("member:12") == 12
    assert member_id("org:Caritasverband") is None
    assert member_id("org:member:3") is None
    assert member_id("") is None


def test_organisation_of_reads_only_organisation_owners():
    assert organisation_of("org:Caritasverband") == "Caritasverband"
    assert organisation_of("org:Stadt: Amt 32") == "Stadt: Amt 32"  # a colon in the name survives
    assert organisation_of("member:12") == ""
    assert organisation_of("") == ""


@pytest.mark.parametrize("owner", ["member:4", "org:IHK Musterstadt", ""])
def test_owner_key_round_trips(owner):
    assert owner_key(member_id(owner), organisation_of(owner)) == owner


def test_the_action_knows_its_owning_member():
    assert action(1, owner="member:4").owner_member_id == 4
    assert action(1, owner="org:IHK").owner_member_id is None


def test_a_member_without_name_is_removed():
    assert Member(1, None, "Caritasverband", None).removed
    assert not Member(1, "Sabine Keller", "", "verwaltung").removed
