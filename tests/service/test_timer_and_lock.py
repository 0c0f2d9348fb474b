"""The facilitator locks the live step's input by hand or with a countdown that locks at zero."""

import datetime as dt

import pytest

from werkstatt.errors import CardsClosed, InvalidInput, RatingClosed
from werkstatt.i18n import N_


def step_version(app, cards_workshop):
    return app.versions(cards_workshop.id)[0]


# --- the timer ---------------------------------------------------------------

def test_a_timer_counts_down_by_the_clock(app, clock, cards_workshop):
    started = app.start_timer(cards_workshop.id, 10)
    assert started.timer_seconds == 600
    assert started.timer_ends_at == clock() + dt.timedelta(minutes=10)
    assert started.timer_left(clock()) == 600
    clock.advance(minutes=4)
    assert app.workshop(cards_workshop.id).timer_left(clock()) == 360
    clock.advance(minutes=7)
    assert app.workshop(cards_workshop.id).timer_left(clock()) == 0


def test_no_timer_means_no_time_left_to_show(app, clock, cards_workshop):
    assert app.workshop(cards_workshop.id).timer_left(clock()) is None


def test_a_timer_takes_fractions_of_a_minute(app, clock, cards_workshop):
    assert app.start_timer(cards_workshop.id, 1.5).timer_left(clock()) == 90


def test_the_longest_timer_is_four_hours(app, clock, cards_workshop):
    assert app.start_timer(cards_workshop.id, 240).timer_seconds == 240 * 60


def test_starting_a_timer_wakes_the_tablets(app, cards_workshop):
    before = step_version(app, cards_workshop)
    app.start_timer(cards_workshop.id, 5)
    assert step_version(app, cards_workshop) == before + 1


@pytest.mark.parametrize("minutes", [0, 0.0, 0.001, -1, -0.5, 240.5, 241, 10_000, True, False, "5", None,
                                     float("nan"), float("inf")])
def test_a_timer_of_no_sensible_length_is_refused(app, clock, cards_workshop, minutes):
    with pytest.raises(InvalidInput) as error:
        app.start_timer(cards_workshop.id, minutes, lock_at_end=True)
    assert error.value.params == {"problem": N_("Der Timer braucht eine Dauer von mehr als 0 bis "
                                                "{max} Minuten."), "max": 240}
    stored = app.workshop(cards_workshop.id)
    assert (stored.timer_ends_at, stored.timer_seconds, stored.timer_locks) == (None, None, False)


def test_stop_timer_removes_the_countdown_and_its_lock(app, clock, cards_workshop, token):
    app.start_timer(cards_workshop.id, 1, lock_at_end=True)
    stopped = app.stop_timer(cards_workshop.id)
    assert (stopped.timer_ends_at, stopped.timer_seconds, stopped.timer_locks) == (None, None, False)
    clock.advance(minutes=2)
    app.add_card(token, "management", "gap", "Kein Leitbild")
    assert len(app.my_cards(token)) == 1


# --- the lock at zero --------------------------------------------------------

def test_a_locking_timer_at_zero_closes_the_step_before_anyone_polls(app, clock, cards_workshop, token):
    app.start_timer(cards_workshop.id, 5, lock_at_end=True)
    clock.advance(minutes=4, seconds=59)
    app.add_card(token, "management", "gap", "Gerade noch")
    clock.advance(seconds=1)
    workshop = app.workshop(cards_workshop.id)
    assert not workshop.locked  # nothing stored yet …
    assert not workshop.input_open(clock())  # … and still closed by the clock
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Zu spät")
    assert [c.text for c in app.my_cards(token)] == ["Gerade noch"]


def test_the_first_poll_after_zero_stores_the_lock_and_wakes_the_tablets_once(app, clock, cards_workshop):
    app.start_timer(cards_workshop.id, 5, lock_at_end=True)
    before = step_version(app, cards_workshop)
    assert step_version(app, cards_workshop) == before  # polling before zero changes nothing
    clock.advance(minutes=5)
    assert step_version(app, cards_workshop) == before + 1
    assert app.workshop(cards_workshop.id).locked
    assert step_version(app, cards_workshop) == before + 1  # a second poll does not bump again
    clock.advance(minutes=10)
    assert step_version(app, cards_workshop) == before + 1


def test_a_timer_without_the_lock_leaves_the_step_open_at_zero(app, clock, cards_workshop, token):
    app.start_timer(cards_workshop.id, 5)
    before = step_version(app, cards_workshop)
    clock.advance(minutes=6)
    assert step_version(app, cards_workshop) == before
    workshop = app.workshop(cards_workshop.id)
    assert not workshop.locked and workshop.input_open(clock())
    assert workshop.timer_left(clock()) == 0
    app.add_card(token, "management", "gap", "Nach der Zeit")
    assert len(app.my_cards(token)) == 1


def test_reopening_after_the_timer_locked_ends_the_timer(app, clock, cards_workshop, token):
    app.start_timer(cards_workshop.id, 5, lock_at_end=True)
    clock.advance(minutes=5)
    app.versions(cards_workshop.id)
    reopened = app.lock_input(cards_workshop.id, False)
    assert not reopened.locked and reopened.input_open(clock())
    assert (reopened.timer_ends_at, reopened.timer_left(clock()), reopened.timer_locks) == (None, None, False)
    before = step_version(app, cards_workshop)
    assert step_version(app, cards_workshop) == before  # the next poll does not lock it again
    app.add_card(token, "management", "gap", "Wieder offen")
    assert len(app.my_cards(token)) == 1


def test_reopening_before_anyone_polled_also_ends_the_timer(app, clock, cards_workshop, token):
    app.start_timer(cards_workshop.id, 5, lock_at_end=True)
    clock.advance(minutes=6)
    app.lock_input(cards_workshop.id, False)
    assert not app.workshop(cards_workshop.id).locked
    app.versions(cards_workshop.id)
    assert not app.workshop(cards_workshop.id).locked
    app.add_card(token, "management", "gap", "Wieder offen")
    assert len(app.my_cards(token)) == 1


# --- the lock by hand --------------------------------------------------------

def test_locking_by_hand_closes_the_step_and_wakes_the_tablets(app, clock, cards_workshop, token):
    before = step_version(app, cards_workshop)
    locked = app.lock_input(cards_workshop.id, True)
    assert locked.locked and not locked.input_open(clock())
    assert app.workshop(cards_workshop.id).locked
    assert step_version(app, cards_workshop) == before + 1
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Zu spät")
    app.lock_input(cards_workshop.id, False)
    assert step_version(app, cards_workshop) == before + 2
    app.add_card(token, "management", "gap", "Wieder offen")
    assert len(app.my_cards(token)) == 1


def test_reopening_keeps_a_timer_that_is_still_running(app, clock, cards_workshop):
    app.start_timer(cards_workshop.id, 5)
    app.lock_input(cards_workshop.id, True)
    clock.advance(minutes=1)
    reopened = app.lock_input(cards_workshop.id, False)
    assert reopened.timer_left(clock()) == 240


def test_reopening_during_a_locking_countdown_keeps_its_lock_at_zero(app, clock, cards_workshop, token):
    app.start_timer(cards_workshop.id, 5, lock_at_end=True)
    app.lock_input(cards_workshop.id, True)
    assert app.lock_input(cards_workshop.id, False).input_open(clock())
    clock.advance(minutes=5)
    assert not app.workshop(cards_workshop.id).input_open(clock())
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Zu spät")


@pytest.mark.parametrize("next_step", ["voting", "results", "rating"])
def test_moving_the_live_step_clears_the_lock_and_the_timer(app, clock, cards_workshop, next_step):
    app.start_timer(cards_workshop.id, 5, lock_at_end=True)
    app.lock_input(cards_workshop.id, True)
    moved = app.set_live_step(cards_workshop.id, next_step)
    assert (moved.locked, moved.timer_ends_at, moved.timer_seconds, moved.timer_locks) == (
        False, None, None, False)
    assert moved.input_open(clock())


def test_an_expired_locking_timer_does_not_follow_into_the_next_step(app, clock, cards_workshop, token):
    app.start_timer(cards_workshop.id, 5, lock_at_end=True)
    clock.advance(minutes=5)
    app.set_live_step(cards_workshop.id, "voting")
    app.set_live_step(cards_workshop.id, "cards")
    before = step_version(app, cards_workshop)
    assert step_version(app, cards_workshop) == before
    app.add_card(token, "management", "gap", "Neue Runde")
    assert len(app.my_cards(token)) == 1


# --- the rating step ---------------------------------------------------------

def test_ratings_are_refused_while_the_rating_step_is_locked(app, workshop):
    app.set_live_step(workshop.id, "rating")
    token = app.join(workshop.join_code).token
    app.rate(token, "management", 3)
    app.lock_input(workshop.id, True)
    with pytest.raises(RatingClosed, match="nicht geöffnet"):
        app.rate(token, "management", 1)
    with pytest.raises(RatingClosed):
        app.rate(token, "arbeit", 2)
    assert app.my_ratings(token) == {"management": 3}
    app.lock_input(workshop.id, False)
    app.rate(token, "management", 1)
    assert app.my_ratings(token) == {"management": 1}


def test_ratings_are_refused_once_a_locking_timer_ran_out(app, clock, workshop):
    app.set_live_step(workshop.id, "rating")
    token = app.join(workshop.join_code).token
    app.start_timer(workshop.id, 3, lock_at_end=True)
    app.rate(token, "management", 3)
    clock.advance(minutes=3)
    with pytest.raises(RatingClosed):
        app.rate(token, "management", 4)
    assert app.my_ratings(token) == {"management": 3}
