"""The agenda: what each step permits and which moves are allowed."""

import pytest

from werkstatt import agenda
from werkstatt.errors import InvalidStep, StepMoveNotAllowed


def test_the_seven_steps_in_order():
    assert agenda.STEP_IDS == ("checkin", "rating", "results", "cards", "voting", "ranking", "closed")


@pytest.mark.parametrize(
    "step_id, joins, ratings, results, cards, votes, wall, ranking",
    [
        ("checkin", True, False, False, False, False, False, False),
        ("rating", True, True, False, False, False, False, False),
        ("results", True, False, True, False, False, False, False),
        ("cards", True, False, False, True, False, True, False),
        ("voting", True, False, False, False, True, True, False),
        ("ranking", True, False, False, False, True, False, True),
        ("closed", False, False, True, False, False, False, True),
    ],
)
def test_what_each_step_permits(step_id, joins, ratings, results, cards, votes, wall, ranking):
    s = agenda.step(step_id)
    assert (s.accepts_joins, s.accepts_ratings, s.shows_results, s.accepts_cards, s.accepts_votes,
            s.shows_wall, s.shows_ranking) == (joins, ratings, results, cards, votes, wall, ranking)


def test_only_input_steps_can_be_locked():
    assert [s.id for s in agenda.STEPS if s.takes_input] == ["rating", "cards", "voting", "ranking"]


def test_rating_results_are_hidden_until_the_results_step():
    assert [s.id for s in agenda.STEPS if s.shows_results] == ["results", "closed"]


def test_the_ranking_is_hidden_until_revealed():
    assert [s.id for s in agenda.STEPS if s.shows_ranking] == ["ranking", "closed"]


@pytest.mark.parametrize("current, expected", [("checkin", "rating"), ("rating", "results"),
                                               ("results", "cards"), ("cards", "voting"),
                                               ("voting", "ranking"), ("ranking", "closed"),
                                               ("closed", None)])
def test_next_step(current, expected):
    following = agenda.next_step(current)
    assert (following.id if following else None) == expected


@pytest.mark.parametrize("source", ["checkin", "rating", "results", "cards", "voting", "ranking"])
@pytest.mark.parametrize("target", ["checkin", "rating", "results", "cards", "voting", "ranking", "closed"])
def test_open_workshops_may_move_anywhere(source, target):
    assert agenda.check_move(source, target).id == target


@pytest.mark.parametrize("target", ["checkin", "rating", "results", "cards", "voting", "ranking"])
def test_closed_stays_closed(target):
    with pytest.raises(StepMoveNotAllowed):
        agenda.check_move("closed", target)


def test_unknown_step():
    with pytest.raises(InvalidStep, match="checkin, rating, results, cards, voting, ranking, closed"):
        agenda.step("kaffeepause")
