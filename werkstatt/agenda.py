"""The steps of a workshop and which moves between them are allowed.

One step is live at a time. What a step permits (joining, rating, writing
cards, voting, seeing the results or the ranking) is declared here once, so the
service, the tablets and the projector all ask the same table. The facilitator
can also lock the input of the live step without moving on (``Workshop.locked``
in the service); that lock is not a step of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkstatt.errors import InvalidStep, StepMoveNotAllowed
from werkstatt.i18n import N_


@dataclass(frozen=True)
class Step:
    id: str
    name: str  # on the console and the projector
    button: str  # the console's button that makes this step live
    help: str  # what happens in this step, under the console's step buttons
    accepts_joins: bool
    accepts_ratings: bool = False
    shows_results: bool = False
    accepts_cards: bool = False
    accepts_votes: bool = False
    shows_wall: bool = False  # the projector shows the card wall
    shows_ranking: bool = False  # the projector shows the dot-vote ranking

    @property
    def takes_input(self) -> bool:
        """Whether participants enter anything in this step (so a lock means something)."""
        return self.accepts_ratings or self.accepts_cards or self.accepts_votes


STEPS: tuple[Step, ...] = (
    Step("checkin", N_("Ankommen"), N_("Ankommen"),
         N_("Alle kommen an und melden sich mit dem Code an."),
         accepts_joins=True),
    Step("rating", N_("Bewertung"), N_("Bewertung starten"),
         N_("Die Bewertung ist offen. Alle bewerten die Handlungsfelder."),
         accepts_joins=True, accepts_ratings=True),
    Step("results", N_("Ergebnis"), N_("Ergebnis zeigen"),
         N_("Die Bewertung ist geschlossen, die Ergebnisse sind sichtbar."),
         accepts_joins=True, shows_results=True),
    Step("cards", N_("Gruppenarbeit"), N_("Gruppenarbeit starten"),
         N_("Die Kleingruppen schreiben Karten: Stärken, Handlungsbedarfe und Ideen. "
           "Der Beamer zeigt die Kartenwand."),
         accepts_joins=True, accepts_cards=True, shows_wall=True),
    Step("voting", N_("Punkte vergeben", context="agenda step"), N_("Punktevergabe starten"),
         N_("Alle verteilen ihre Punkte auf Handlungsbedarfe und Ideen. Das Ranking bleibt verborgen."),
         accepts_joins=True, accepts_votes=True, shows_wall=True),
    # The ranking is live: late dots still count until the facilitator locks the step.
    Step("ranking", N_("Ranking"), N_("Ranking zeigen"),
         N_("Der Beamer zeigt, was die meisten Punkte hat. Späte Punkte zählen noch, bis Sie "
           "die Eingabe sperren."),
         accepts_joins=True, accepts_votes=True, shows_ranking=True),
    Step("closed", N_("Abschluss"), N_("Workshop beenden"),
         N_("Der Workshop ist beendet. Niemand kann mehr etwas ändern."),
         accepts_joins=False, shows_results=True, shows_ranking=True),
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
