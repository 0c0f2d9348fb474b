"""The facilitator PIN: hashed, checked in constant time by argon2, locked after five misses."""

import pytest

from tests.conftest import PIN
from werkstatt.errors import NotAuthorized, PinLocked, UnknownJoinCode, WrongPin


def test_right_pin_gives_a_token_that_opens_the_workshop(app, workshop):
    token = app.facilitator_login(workshop.join_code.lower(), PIN)
    assert app.facilitated_workshop(token).id == workshop.id


def test_facilitator_token_is_stored_only_as_a_hash(app, workshop):
    token = app.facilitator_login(workshop.join_code, PIN)
    rows = app.store._rows("SELECT token_hash FROM facilitator_sessions")
    assert len(rows) == 1 and token not in rows[0]["token_hash"]


@pytest.mark.parametrize("token", ["", "abc", None])
def test_no_or_wrong_token_opens_nothing(app, workshop, token):
    with pytest.raises(NotAuthorized):
        app.facilitated_workshop(token)


def test_participant_token_is_no_facilitator_token(app, workshop):
    participant = app.join(workshop.join_code)
    with pytest.raises(NotAuthorized):
        app.facilitated_workshop(participant.token)


def test_wrong_pin_says_how_many_attempts_are_left(app, workshop):
    with pytest.raises(WrongPin, match="Noch 4 Versuch"):
        app.facilitator_login(workshop.join_code, "0000")


def test_five_wrong_pins_lock_the_console_even_for_the_right_pin(app, workshop, clock):
    for _ in range(4):
        with pytest.raises(WrongPin):
            app.facilitator_login(workshop.join_code, "0000")
    with pytest.raises(PinLocked, match="in 5 Minute"):
        app.facilitator_login(workshop.join_code, "0000")
    clock.advance(minutes=4)
    with pytest.raises(PinLocked, match="in 1 Minute"):
        app.facilitator_login(workshop.join_code, PIN)
    clock.advance(minutes=1, seconds=1)
    assert app.facilitator_login(workshop.join_code, PIN)


def test_a_right_pin_resets_the_count_of_misses(app, workshop):
    for _ in range(4):
        with pytest.raises(WrongPin):
            app.facilitator_login(workshop.join_code, "0000")
    app.facilitator_login(workshop.join_code, PIN)
    with pytest.raises(WrongPin, match="Noch 4"):
        app.facilitator_login(workshop.join_code, "0000")


def test_login_with_a_wrong_code(app, workshop):
    with pytest.raises(UnknownJoinCode):
        app.facilitator_login("ZZZZZZ", PIN)
