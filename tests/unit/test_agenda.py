"""The agenda: what each step permits and which moves are allowed."""

import pytest

from werkstatt import agenda
from werkstatt.errors import InvalidStep, StepMoveNotAllowed


def test_the_four_steps_in_order():
    assert agenda.STEP_IDS == ("checkin", "rating", "results", "closed")


@pytest.mark.parametrize(
    "step_id, joins, ratings, results",
    [
        ("checkin", True, False, False),
        ("rating", True, True, False),
        ("results", True, False, True),
        ("closed", False, False, True),
    ],
)
def test_what_each_step_permits(step_id, joins, ratings, results):
    step = agenda.step(step_id)
    assert (step.accepts_joins, step.accepts_ratings, step.shows_results) == (joins, ratings, results)


def test_results_are_hidden_until_the_results_step():
    assert [s.id for s in agenda.STEPS if s.shows_results] == ["results", "closed"]


@pytest.mark.parametrize("current, expected", [("checkin", "rating"), ("rating", "results"),
                                               ("results", "closed"), ("closed", None)])
def test_next_step(current, expected):
    following = agenda.next_step(current)
    assert (following.id if following else None) == expected


@pytest.mark.parametrize("source", ["checkin", "rating", "results"])
@pytest.mark.parametrize("target", ["checkin", "rating", "results", "closed"])
def test_open_workshops_may_move_anywhere(source, target):
    assert agenda.check_move(source, target).id == target


@pytest.mark.parametrize("target", ["checkin", "rating", "results"])
def test_closed_stays_closed(target):
    with pytest.raises(StepMoveNotAllowed):
        agenda.check_move("closed", target)


def test_unknown_step():
    with pytest.raises(InvalidStep, match="checkin, rating, results, closed"):
        agenda.step("kaffeepause")
