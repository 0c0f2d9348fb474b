"""The service's guards for a full hall: one participant per join form, a cap on joins, no
stale tab overwriting dots, and a device version that moves only when every device must look."""

import pytest

from tests.service.test_voting import write_wall
from werkstatt.errors import DotBudgetExceeded, DotsChanged, InvalidInput, WorkshopFull
from werkstatt.service import PARTICIPANT_CAP_MAX

# --- joining ----------------------------------------------------------------------------------


def test_the_same_join_form_sent_twice_makes_one_participant(app, workshop):
    first = app.join(workshop.join_code, sector="politik", join_key="form-1")
    again = app.join(workshop.join_code, sector="politik", join_key="form-1")
    other = app.join(workshop.join_code, join_key="form-2")
    assert again.token == first.token != other.token
    assert app.progress(workshop.id).participants == 2


def test_a_join_key_of_another_workshop_is_not_mixed_up(app, workshop):
    second = app.create_workshop(title="Zweiter", municipality="Musterstadt", facilitator_pin="4711")
    here = app.join(workshop.join_code, join_key="same")
    there = app.join(second.join_code, join_key="same")
    assert here.token != there.token and there.workshop_id == second.id


def test_a_join_beyond_the_cap_is_refused_and_stores_nothing(app, workshop):
    app.set_participant_cap(workshop.id, 2)
    app.join(workshop.join_code)
    kept = app.join(workshop.join_code, join_key="k")
    with pytest.raises(WorkshopFull) as refused:
        app.join(workshop.join_code)
    assert "2 Geräte" in str(refused.value)
    assert app.progress(workshop.id).participants == 2
    # the one who joined already gets back in with the same form
    assert app.join(workshop.join_code, join_key="k").token == kept.token


def test_the_cap_defaults_to_500_and_takes_whole_numbers_from_1_to_the_maximum(app, workshop):
    assert workshop.participant_cap == 500
    assert app.set_participant_cap(workshop.id, PARTICIPANT_CAP_MAX).participant_cap == PARTICIPANT_CAP_MAX
    for bad in (0, -1, PARTICIPANT_CAP_MAX + 1, 2.5, "10", True, None):
        with pytest.raises(InvalidInput):
            app.set_participant_cap(workshop.id, bad)
    assert app.workshop(workshop.id).participant_cap == PARTICIPANT_CAP_MAX


# --- dots from two tabs ---------------------------------------------------------------------------


def test_a_stale_tab_cannot_overwrite_the_dots_another_tab_stored(app, workshop):
    wall = write_wall(app, workshop)
    voter = app.join(workshop.join_code).token
    card = wall.gaps[0]
    app.vote(voter, card, 2, seen=0)  # tab B
    with pytest.raises(DotsChanged) as refused:
        app.vote(voter, card, 1, seen=0)  # tab A still shows 0
    assert "Jetzt gespeichert: 2" in str(refused.value)
    assert app.my_dots(voter) == {card: 2}


def test_a_tap_on_what_is_stored_now_or_with_the_right_seen_value_is_applied(app, workshop):
    wall = write_wall(app, workshop)
    voter = app.join(workshop.join_code).token
    card = wall.gaps[0]
    app.vote(voter, card, 2, seen=0)
    assert app.vote(voter, card, 2, seen=0) == 2  # the stale tab asks for what is stored: no harm
    assert app.vote(voter, card, 1, seen=2) == 1
    assert app.vote(voter, card, 0) == 0  # without ``seen`` (a script) the value is set as before
    assert app.my_dots(voter) == {}


@pytest.mark.parametrize("given, asked, german, english", [
    ((2, 2), 2, "So viele Punkte sind nicht mehr frei (frei: 1 von 5)", "Not that many dots are free (1 of 5"),
    ((2, 2, 1), 1, "Alle Ihre 5 Punkte sind verteilt.", "All your 5 dots are spent."),
])
def test_a_refused_dot_says_how_many_are_free(app, workshop, given, asked, german, english):
    wall = write_wall(app, workshop, gaps=4)
    voter = app.join(workshop.join_code).token
    for card, dots in zip(wall.gaps, given):
        app.vote(voter, card, dots)
    with pytest.raises(DotBudgetExceeded) as refused:
        app.vote(voter, wall.gaps[3], asked)
    assert str(refused.value).startswith(german)
    assert refused.value.message("en").startswith(english)
    assert sum(app.my_dots(voter).values()) == sum(given)


# --- the version every device follows --------------------------------------------------------------


def device_version(app, workshop_id):
    return app.device_versions([workshop_id])[workshop_id]


def test_the_device_version_moves_when_every_device_must_look(app, workshop):
    seen = [device_version(app, workshop.id)]

    def moved(action):
        action()
        seen.append(device_version(app, workshop.id))
        return seen[-1] > seen[-2]

    assert moved(lambda: app.set_live_step(workshop.id, "cards"))
    group = None

    def add_group():
        nonlocal group
        group = app.add_group(workshop.id, "Tisch 1", ["management"])

    assert moved(add_group)
    assert moved(lambda: app.update_group(workshop.id, group.id, "Tisch eins", ["management"]))
    author = app.join(workshop.join_code, group_id=group.id).token
    card = app.add_card(author, "management", "gap", "Mehr Beratung")
    assert moved(lambda: app.hide_card(workshop.id, card.id))
    assert moved(lambda: app.undo_moderation(workshop.id))
    assert moved(lambda: app.set_dot_rules(workshop.id, 6, 3))
    assert moved(lambda: app.lock_input(workshop.id, True))
    assert moved(lambda: app.lock_input(workshop.id, False))
    assert moved(lambda: app.start_timer(workshop.id, 1))


def test_the_device_version_stays_when_one_person_rates_joins_or_writes(app, workshop):
    app.set_live_step(workshop.id, "rating")
    before = device_version(app, workshop.id)
    token = app.join(workshop.join_code).token
    app.rate(token, "management", 3)
    app.set_live_step(workshop.id, "cards")
    after_step = device_version(app, workshop.id)
    app.add_card(token, "management", "idea", "Sprachcafé")
    app.add_card(app.join(workshop.join_code).token, "management", "gap", "Zu wenig Beratung")
    assert after_step == before + 1
    assert device_version(app, workshop.id) == after_step


def test_one_read_gives_every_workshops_version_and_stores_a_timer_lock_that_is_due(app, workshop, clock):
    other = app.create_workshop(title="Zweiter", municipality="Musterstadt", facilitator_pin="4711")
    app.set_live_step(workshop.id, "rating")
    app.start_timer(workshop.id, 1, lock_at_end=True)
    before = app.device_versions([workshop.id, other.id])
    assert set(before) == {workshop.id, other.id}
    clock.advance(seconds=61)
    after = app.device_versions([workshop.id, other.id])
    assert after[workshop.id] == before[workshop.id] + 1 and after[other.id] == before[other.id]
    assert app.workshop(workshop.id).locked
    assert app.device_versions([]) == {}


# --- the wall of cards while a hall votes ---------------------------------------------------------


def test_a_dot_tap_keeps_the_wall_but_the_board_counts_it(app, workshop):
    """Ballots read the wall (cards and merges, no dots): a tap must not make every ballot rebuild
    it, while the board (the ranking) shows the new dots at once."""
    wall = write_wall(app, workshop)
    voter = app.join(workshop.join_code).token
    before, version = app.wall(workshop.id), app.workshop(workshop.id)
    app.vote(voter, wall.gaps[0], 2)
    assert app.wall(workshop.id) is before
    assert next(c.dots for c in app.board(workshop.id) if c.id == wall.gaps[0]) == 2
    after = app.workshop(workshop.id)
    assert after.cards_version == version.cards_version and after.data_version == version.data_version + 1


def test_a_change_of_the_cards_reaches_the_wall_after_taps(app, workshop):
    wall = write_wall(app, workshop)
    voter = app.join(workshop.join_code).token
    app.vote(voter, wall.gaps[1], 1)
    app.wall(workshop.id)
    app.merge_cards(workshop.id, wall.gaps[0], [wall.gaps[1]])
    app.hide_card(workshop.id, wall.gaps[2])
    cards = {c.id: c for c in app.wall(workshop.id)}
    assert cards[wall.gaps[0]].sources == (wall.gaps[1],) and cards[wall.gaps[0]].dots == 0
    assert not cards[wall.gaps[1]].visible and not cards[wall.gaps[2]].visible
    assert app.my_dots(voter) == {wall.gaps[0]: 1}  # the dot moved with the merge
