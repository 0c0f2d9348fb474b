"""The facilitator locks the live step's input by hand or with a countdown that locks at zero."""

import datetime as dt

import pytest

from werkstatt.errors import CardsClosed, InvalidInput, RatingClosed


@pytest.fixture
def ws(app, workshop):
    return app.set_live_step(workshop.id, "cards")


@pytest.fixture
def token(app, ws):
    return app.join(ws.join_code).token


def step_version(app, ws):
    return app.versions(ws.id)[0]


# --- the timer ---------------------------------------------------------------

def test_a_timer_counts_down_by_the_clock(app, clock, ws):
    started = app.start_timer(ws.id, 10)
    assert started.timer_seconds == 600
    assert started.timer_ends_at == clock() + dt.timedelta(minutes=10)
    assert started.timer_left(clock()) == 600
    clock.advance(minutes=4)
    assert app.workshop(ws.id).timer_left(clock()) == 360
    clock.advance(minutes=7)
    assert app.workshop(ws.id).timer_left(clock()) == 0


def test_no_timer_means_no_time_left_to_show(app, clock, ws):
    assert app.workshop(ws.id).timer_left(clock()) is None


def test_a_timer_takes_fractions_of_a_minute(app, clock, ws):
    assert app.start_timer(ws.id, 1.5).timer_left(clock()) == 90


def test_the_longest_timer_is_four_hours(app, clock, ws):
    assert app.start_timer(ws.id, 240).timer_seconds == 240 * 60


def test_starting_a_timer_wakes_the_tablets(app, ws):
    before = step_version(app, ws)
    app.start_timer(ws.id, 5)
    assert step_version(app, ws) == before + 1


@pytest.mark.parametrize("minutes", [0, 0.0, 0.001, -1, -0.5, 240.5, 241, 10_000, True, False, "5", None,
                                     float("nan"), float("inf")])
def test_a_timer_of_no_sensible_length_is_refused(app, clock, ws, minutes):
    with pytest.raises(InvalidInput) as error:
        app.start_timer(ws.id, minutes, lock_at_end=True)
    assert error.value.params == {"problem": "problem.bad_timer", "max": 240}
    stored = app.workshop(ws.id)
    assert (stored.timer_ends_at, stored.timer_seconds, stored.timer_locks) == (None, None, False)


def test_stop_timer_removes_the_countdown_and_its_lock(app, clock, ws, token):
    app.start_timer(ws.id, 1, lock_at_end=True)
    stopped = app.stop_timer(ws.id)
    assert (stopped.timer_ends_at, stopped.timer_seconds, stopped.timer_locks) == (None, None, False)
    clock.advance(minutes=2)
    app.add_card(token, "management", "gap", "Kein Leitbild")
    assert len(app.my_cards(token)) == 1


# --- the lock at zero --------------------------------------------------------

def test_a_locking_timer_at_zero_closes_the_step_before_anyone_polls(app, clock, ws, token):
    app.start_timer(ws.id, 5, lock_at_end=True)
    clock.advance(minutes=4, seconds=59)
    app.add_card(token, "management", "gap", "Gerade noch")
    clock.advance(seconds=1)
    workshop = app.workshop(ws.id)
    assert not workshop.locked  # nothing stored yet …
    assert not workshop.input_open(clock())  # … and still closed by the clock
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Zu spät")
    assert [c.text for c in app.my_cards(token)] == ["Gerade noch"]


def test_the_first_poll_after_zero_stores_the_lock_and_wakes_the_tablets_once(app, clock, ws):
    app.start_timer(ws.id, 5, lock_at_end=True)
    before = step_version(app, ws)
    assert step_version(app, ws) == before  # polling before zero changes nothing
    clock.advance(minutes=5)
    assert step_version(app, ws) == before + 1
    assert app.workshop(ws.id).locked
    assert step_version(app, ws) == before + 1  # a second poll does not bump again
    clock.advance(minutes=10)
    assert step_version(app, ws) == before + 1


def test_a_timer_without_the_lock_leaves_the_step_open_at_zero(app, clock, ws, token):
    app.start_timer(ws.id, 5)
    before = step_version(app, ws)
    clock.advance(minutes=6)
    assert step_version(app, ws) == before
    workshop = app.workshop(ws.id)
    assert not workshop.locked and workshop.input_open(clock())
    assert workshop.timer_left(clock()) == 0
    app.add_card(token, "management", "gap", "Nach der Zeit")
    assert len(app.my_cards(token)) == 1


def test_reopening_after_the_timer_locked_ends_the_timer(app, clock, ws, token):
    app.start_timer(ws.id, 5, lock_at_end=True)
    clock.advance(minutes=5)
    app.versions(ws.id)
    reopened = app.lock_input(ws.id, False)
    assert not reopened.locked and reopened.input_open(clock())
    assert (reopened.timer_ends_at, reopened.timer_left(clock()), reopened.timer_locks) == (None, None, False)
    before = step_version(app, ws)
    assert step_version(app, ws) == before  # the next poll does not lock it again
    app.add_card(token, "management", "gap", "Wieder offen")
    assert len(app.my_cards(token)) == 1


def test_reopening_before_anyone_polled_also_ends_the_timer(app, clock, ws, token):
    app.start_timer(ws.id, 5, lock_at_end=True)
    clock.advance(minutes=6)
    app.lock_input(ws.id, False)
    assert not app.workshop(ws.id).locked
    app.versions(ws.id)
    assert not app.workshop(ws.id).locked
    app.add_card(token, "management", "gap", "Wieder offen")
    assert len(app.my_cards(token)) == 1


# --- the lock by hand --------------------------------------------------------

def test_locking_by_hand_closes_the_step_and_wakes_the_tablets(app, clock, ws, token):
    before = step_version(app, ws)
    locked = app.lock_input(ws.id, True)
    assert locked.locked and not locked.input_open(clock())
    assert app.workshop(ws.id).locked
    assert step_version(app, ws) == before + 1
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Zu spät")
    app.lock_input(ws.id, False)
    assert step_version(app, ws) == before + 2
    app.add_card(token, "management", "gap", "Wieder offen")
    assert len(app.my_cards(token)) == 1


def test_reopening_keeps_a_timer_that_is_still_running(app, clock, ws):
    app.start_timer(ws.id, 5)
    app.lock_input(ws.id, True)
    clock.advance(minutes=1)
    reopened = app.lock_input(ws.id, False)
    assert reopened.timer_left(clock()) == 240


def test_reopening_during_a_locking_countdown_keeps_its_lock_at_zero(app, clock, ws, token):
    app.start_timer(ws.id, 5, lock_at_end=True)
    app.lock_input(ws.id, True)
    assert app.lock_input(ws.id, False).input_open(clock())
    clock.advance(minutes=5)
    assert not app.workshop(ws.id).input_open(clock())
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Zu spät")


@pytest.mark.parametrize("next_step", ["voting", "results", "rating"])
def test_moving_the_live_step_clears_the_lock_and_the_timer(app, clock, ws, next_step):
    app.start_timer(ws.id, 5, lock_at_end=True)
    app.lock_input(ws.id, True)
    moved = app.set_live_step(ws.id, next_step)
    assert (moved.locked, moved.timer_ends_at, moved.timer_seconds, moved.timer_locks) == (
        False, None, None, False)
    assert moved.input_open(clock())


def test_an_expired_locking_timer_does_not_follow_into_the_next_step(app, clock, ws, token):
    app.start_timer(ws.id, 5, lock_at_end=True)
    clock.advance(minutes=5)
    app.set_live_step(ws.id, "voting")
    app.set_live_step(ws.id, "cards")
    before = step_version(app, ws)
    assert step_version(app, ws) == before
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
