"""The steps of a workshop and which moves between them are allowed.

One step is live at a time. What a step permits (joining, rating, seeing the
results) is declared here once, so the service, the tablets and the projector
all ask the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkstatt.errors import InvalidStep, StepMoveNotAllowed


@dataclass(frozen=True)
class Step:
    id: str
    accepts_joins: bool
    accepts_ratings: bool
    shows_results: bool


STEPS: tuple[Step, ...] = (
    Step("checkin", accepts_joins=True, accepts_ratings=False, shows_results=False),
    Step("rating", accepts_joins=True, accepts_ratings=True, shows_results=False),
    Step("results", accepts_joins=True, accepts_ratings=False, shows_results=True),
    Step("closed", accepts_joins=False, accepts_ratings=False, shows_results=True),
)
STEP_IDS = tuple(s.id for s in STEPS)
FIRST_STEP = "checkin"
FINAL_STEP = "closed"


def step(step_id: str) -> Step:
    """The step with ``step_id``; raises InvalidStep for anything else."""
    for s in STEPS:
        if s.id == step_id:
            return s
    raise InvalidStep(step=step_id, steps=", ".join(STEP_IDS))


def next_step(step_id: str) -> Step | None:
    """The step after ``step_id`` in the agenda, or None after the last."""
    index = STEP_IDS.index(step(step_id).id)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def check_move(from_id: str, to_id: str) -> Step:
    """Validate a move of the live step and return the target.

    Any step may follow any other (a facilitator may reopen the rating after
    a look at the results), except that a closed workshop stays closed: its
    join code is free for other workshops again.
    """
    target = step(to_id)
    if step(from_id).id == FINAL_STEP and target.id != FINAL_STEP:
        raise StepMoveNotAllowed(step=to_id)
    return target
