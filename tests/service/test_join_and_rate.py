"""Participants join anonymously and rate; every rule is enforced by the service."""

import pytest

from tests.conftest import seed_ratings
from werkstatt.errors import (
    InvalidLevel,
    RatingClosed,
    UnknownField,
    UnknownJoinCode,
    UnknownParticipant,
    UnknownSector,
)


def test_join_gives_an_anonymous_token_and_counts(app, workshop):
    p = app.join(workshop.join_code, sector="verwaltung")
    assert len(p.token) >= 20
    assert app.participant(p.token).sector == "verwaltung"
    assert app.progress(workshop.id).participants == 1


def test_join_without_sector(app, workshop):
    assert app.join(workshop.join_code).sector is None


@pytest.mark.parametrize("code", ["", "ZZZZZZ", "K7Q2", "<b>x</b>"])
def test_wrong_join_code_is_refused_with_a_readable_message(app, workshop, code):
    with pytest.raises(UnknownJoinCode, match="keinen offenen Workshop"):
        app.join(code)
    assert app.progress(workshop.id).participants == 0


def test_unknown_sector_is_refused(app, workshop):
    with pytest.raises(UnknownSector):
        app.join(workshop.join_code, sector="mafia")


def test_nobody_joins_a_closed_workshop(app, workshop):
    app.set_live_step(workshop.id, "closed")
    with pytest.raises(UnknownJoinCode):
        app.join(workshop.join_code)


def test_rating_is_stored_and_a_second_submit_updates_it(app, rating_workshop):
    token = app.join(rating_workshop.join_code).token
    app.rate(token, "management", 2)
    app.rate(token, "management", 4)
    app.rate(token, "arbeit", None)
    assert app.my_ratings(token) == {"management": 4, "arbeit": None}
    assert app.progress(rating_workshop.id).rated == {"management": 1, "arbeit": 1}
    assert len(app.ratings(rating_workshop.id)) == 2


@pytest.mark.parametrize("level", [0, 5, -1, 2.5, "3", True])
def test_level_off_the_scale_is_refused(app, rating_workshop, level):
    token = app.join(rating_workshop.join_code).token
    with pytest.raises(InvalidLevel, match="keine Stufe"):
        app.rate(token, "management", level)
    assert app.my_ratings(token) == {}


def test_unknown_field_and_token_are_refused(app, rating_workshop):
    token = app.join(rating_workshop.join_code).token
    with pytest.raises(UnknownField):
        app.rate(token, "wetter", 3)
    with pytest.raises(UnknownParticipant):
        app.rate("nicht-da", "management", 3)


@pytest.mark.parametrize("step", ["checkin", "results", "closed"])
def test_rating_outside_the_rating_step_is_refused_and_keeps_the_old_answer(app, rating_workshop, step):
    token = app.join(rating_workshop.join_code).token
    app.rate(token, "management", 3)
    app.set_live_step(rating_workshop.id, step)
    with pytest.raises(RatingClosed, match="nicht geöffnet"):
        app.rate(token, "management", 1)
    assert app.my_ratings(token) == {"management": 3}


def test_summary_has_one_row_per_field_with_the_documented_columns(app, rating_workshop):
    seed_ratings(app, rating_workshop, participants=8)
    summary = app.summary(rating_workshop.id)
    assert list(summary["field_id"]) == list(app.fieldset(rating_workshop).field_ids)
    for column in ["field_id", "n", "dont_know", "median", "mean", "consensus", "verdict"]:
        assert column in summary.columns
    assert (summary["n"] + summary["dont_know"] == 8).all()


def test_summary_follows_new_ratings(app, rating_workshop):
    token = app.join(rating_workshop.join_code).token
    assert app.summary(rating_workshop.id).set_index("field_id").loc["management", "n"] == 0
    app.rate(token, "management", 4)
    assert app.summary(rating_workshop.id).set_index("field_id").loc["management", "n"] == 1

