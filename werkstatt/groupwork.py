"""Small-group work: groups, cards, moderation, dot voting, the lock and the timer.

``GroupWork`` is part of the ``Werkstatt`` service (werkstatt.service mixes it
in): the same store, clock and rules. Participants act through their token and
may change only their own cards; the facilitator's methods take the workshop id
that the console's guard resolved. Every check that depends on the live step
runs inside the write transaction, so a card or a dot cannot slip in after the
lock, and two tabs of one participant cannot together overspend the budget.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from werkstatt import cards as card_rules
from werkstatt.cards import KINDS, Card, card_from_row
from werkstatt.errors import (
    CardModerated,
    CardNotVotable,
    CardsClosed,
    DotBudgetExceeded,
    DotsChanged,
    DotsPerCardExceeded,
    FieldNotInGroup,
    GroupHasCards,
    GroupNeeded,
    InvalidInput,
    NothingToUndo,
    NotYourCard,
    UnknownCard,
    UnknownField,
    UnknownGroup,
    VotingClosed,
)
from werkstatt.i18n import N_, P_
from werkstatt.inputs import clean_card_text, clean_line

if TYPE_CHECKING:
    from db.store import Store
    from werkstatt.service import Participant, Workshop

DOT_BUDGET_MAX = 50
TIMER_MAX_MINUTES = 240
# The card columns each moderation action changes; the log keeps them from before it, and an
# undo writes back only these.
CHANGED_COLUMNS = {
    "hide": ("hidden",),
    "restore": ("hidden",),
    "correct": ("text", "original_text"),
    "move": ("field_id", "kind"),
    "merge": ("merged_into",),
}


@dataclass(frozen=True)
class Group:
    id: int
    name: str
    field_ids: tuple[str, ...]
    cards: int = 0  # cards written in the group, hidden ones not counted
    members: int = 0  # devices in the group (people and group tablets)


@dataclass(frozen=True)
class ModerationEntry:
    id: int
    action: str  # hide, restore, correct, move, merge
    card_id: int
    created_at: str
    undone: bool


class GroupWork:
    """Mixed into ``Werkstatt``, which provides ``workshop``, ``participant``,
    ``fieldset``, ``_timestamp`` and ``_per_version``."""

    store: Store
    _now: Callable[[], dt.datetime]

    # --- groups ----------------------------------------------------------------

    def groups(self, workshop_id: int) -> list[Group]:
        return [_group(row) for row in self.store.groups(workshop_id)]

    def group(self, workshop_id: int, group_id: int) -> Group:
        for group in self.groups(workshop_id):
            if group.id == group_id:
                return group
        raise UnknownGroup(group=group_id)

    def _group_fields(self, workshop_id: int, group_id: int) -> tuple[str, tuple[str, ...]]:
        """Name and fields of one group, without counting its cards: for checks on every
        card written, join and group change (``UnknownGroup`` if it is not in the workshop)."""
        row = self.store.group(workshop_id, group_id) if isinstance(group_id, int) else None
        if row is None:
            raise UnknownGroup(group=group_id)
        return row["name"], tuple(json.loads(row["fields"]))

    def add_group(self, workshop_id: int, name: str, field_ids: list[str]) -> Group:
        """A small group with the fields it works on."""
        workshop = self.workshop(workshop_id)
        name, fields = self._check_group(workshop, name, field_ids, group_id=None)
        with self.store.write() as db:
            group_id = self.store.insert_group(db, workshop_id, name, fields, self._timestamp())
            self.store.bump_step_version(db, workshop_id)
        return self.group(workshop_id, group_id)

    def update_group(self, workshop_id: int, group_id: int, name: str, field_ids: list[str]) -> Group:
        workshop = self.workshop(workshop_id)
        self._group_fields(workshop_id, group_id)
        name, fields = self._check_group(workshop, name, field_ids, group_id=group_id)
        with self.store.write() as db:
            self.store.update_group(db, group_id, name, fields)
            self.store.bump_step_version(db, workshop_id)
        return self.group(workshop_id, group_id)

    def delete_group(self, workshop_id: int, group_id: int) -> None:
        """Remove a group without cards; its members stay, without a group."""
        self._group_fields(workshop_id, group_id)
        with self.store.write() as db:
            if any(row["group_id"] == group_id for row in self.store.cards(workshop_id, db)):
                raise GroupHasCards()
            self.store.delete_group(db, group_id)
            self.store.bump_step_version(db, workshop_id)

    def add_default_groups(self, workshop_id: int) -> list[Group]:
        """One group per field, named after it: the usual set-up in one click."""
        workshop = self.workshop(workshop_id)
        fieldset = self.fieldset(workshop)
        if self.groups(workshop_id):
            raise InvalidInput(problem=N_("Es gibt schon Gruppen. Bitte ändern oder löschen Sie "
                                          "diese einzeln."))
        with self.store.write() as db:
            for field in fieldset.fields:
                self.store.insert_group(
                    db, workshop_id, field.title.get(workshop.language), json.dumps([field.id]),
                    self._timestamp(),
                )
            self.store.bump_step_version(db, workshop_id)
        return self.groups(workshop_id)

    def choose_group(self, token: str, group_id: int | None) -> Participant:
        """The participant moves to a group (or out of every group with None)."""
        participant = self.participant(token)
        if group_id is not None:
            self._group_fields(participant.workshop_id, group_id)
        with self.store.write() as db:
            self.store.set_participant_group(db, participant.id, group_id)
            self.store.bump_data_version(db, participant.workshop_id)
        return self.participant(token)

    def _check_group(self, workshop: Workshop, name: str, field_ids: list[str], group_id: int | None):
        name = clean_line(name, N_("Bitte einen Namen für die Gruppe eingeben."), N_("Name der Gruppe"))
        fields = list(dict.fromkeys(field_ids or []))
        if not fields:
            raise InvalidInput(problem=N_("Bitte mindestens ein Handlungsfeld für die Gruppe wählen."))
        known = self.fieldset(workshop).field_ids
        for field_id in fields:
            if field_id not in known:
                raise UnknownField(field=field_id)
        if any(g.name.casefold() == name.casefold() and g.id != group_id for g in self.groups(workshop.id)):
            raise InvalidInput(problem=N_("Eine Gruppe „{name}“ gibt es schon. Bitte einen anderen "
                                          "Namen wählen."), name=name)
        return name, json.dumps(fields)

    # --- cards: participants ---------------------------------------------------

    def add_card(self, token: str, field_id: str, kind: str, text: str) -> Card:
        """A strength, gap or idea for one of the participant's fields; returns it as stored
        (without dots and sources, which only the board adds up).

        The same card sent twice (a double tap, a resent form) is stored once.
        """
        participant = self.participant(token)
        workshop = self.workshop(participant.workshop_id)
        text = clean_card_text(text)
        self._check_card_target(workshop, participant, field_id, kind)
        with self.store.write() as db:
            self._check_cards_open(participant.workshop_id)
            card_id = self.store.find_card(db, participant.id, field_id, kind, text)
            if card_id is None:
                card_id = self.store.insert_card(db, {
                    "workshop_id": workshop.id, "participant_id": participant.id,
                    "group_id": participant.group_id, "field_id": field_id, "kind": kind,
                    "text": text, "created_at": self._timestamp(),
                })
                self.store.bump_data_version(db, workshop.id)
            row = self.store.card(db, card_id)
        return card_from_row(row)

    def edit_card(self, token: str, card_id: int, text: str, field_id: str | None = None,
                  kind: str | None = None) -> Card:
        """The author changes the text (and, if given, the field or kind) of their card."""
        participant = self.participant(token)
        workshop = self.workshop(participant.workshop_id)
        text = clean_card_text(text)
        with self.store.write() as db:
            card = self._own_card(db, participant, card_id)
            field_id, kind = field_id or card.field_id, kind or card.kind
            self._check_card_target(workshop, participant, field_id, kind)
            self._check_cards_open(workshop.id)
            self.store.update_card(db, card_id, text=text, field_id=field_id, kind=kind,
                                   updated_at=self._timestamp())
            self.store.bump_data_version(db, workshop.id)
            row = self.store.card(db, card_id)
        return card_from_row(row)

    def delete_card(self, token: str, card_id: int) -> None:
        participant = self.participant(token)
        with self.store.write() as db:
            self._own_card(db, participant, card_id)
            self._check_cards_open(participant.workshop_id)
            self.store.delete_card(db, card_id)
            self.store.bump_data_version(db, participant.workshop_id)

    def my_cards(self, token: str) -> list[Card]:
        """The participant's own cards as stored, oldest first (hidden and merged ones too);
        ``moderated`` marks those the facilitator has taken over."""
        participant = self.participant(token)
        mine = {row["id"] for row in self.store.cards_of(participant.id)}
        moderated = self.store.moderated_cards(participant.workshop_id)
        return [dataclasses.replace(c, moderated=c.id in moderated)
                for c in self.board(participant.workshop_id) if c.id in mine]

    def board(self, workshop_id: int) -> list[Card]:
        """Every card of the workshop with its dots and merged sources (see werkstatt.cards).

        Computed once per data version for every screen that asks.
        """
        workshop = self.workshop(workshop_id)
        return self._per_version(workshop, "board", lambda: card_rules.board(
            self._wall(workshop), self.store.votes(workshop_id)))

    def wall(self, workshop_id: int) -> list[Card]:
        """Every card with its merged sources but without dots (``board`` adds them): what a ballot needs."""
        return self._wall(self.workshop(workshop_id))

    def _wall(self, workshop: Workshop) -> list[Card]:
        """Computed once per change of the cards, so the ballots of a hall voting at once do not
        read and rebuild every card after each tap."""
        return self._per_version(
            workshop, "wall",
            lambda: card_rules.board([card_from_row(r) for r in self.store.cards(workshop.id)], []),
            version=workshop.cards_version)

    def _card(self, workshop_id: int, card_id: int) -> Card:
        for card in self.board(workshop_id):
            if card.id == card_id:
                return card
        raise UnknownCard(card=card_id)

    def _check_card_target(self, workshop: Workshop, participant: Participant, field_id: str,
                           kind: str) -> None:
        if kind not in KINDS:
            raise InvalidInput(problem=P_("„{kind}“ ist keine Art von Karte. Möglich sind Stärke, "
                                          "Handlungsbedarf und Idee."), kind=kind)
        if field_id not in self.fieldset(workshop).field_ids:
            raise UnknownField(field=field_id)
        if participant.group_id is not None:
            name, field_ids = self._group_fields(workshop.id, participant.group_id)
            if field_id not in field_ids:
                raise FieldNotInGroup(group=name)
        elif self.groups(workshop.id):
            raise GroupNeeded()

    def _check_cards_open(self, workshop_id: int) -> None:
        """Inside the write transaction: the card step is live and not locked."""
        workshop = self.workshop(workshop_id)
        if not (workshop.step.accepts_cards and workshop.input_open(self._now())):
            raise CardsClosed()

    def _own_card(self, db, participant: Participant, card_id: int) -> Card:
        row = self.store.card(db, card_id)
        if row is None or not _same_workshop(row, participant.workshop_id):
            raise UnknownCard(card=card_id)
        if row["participant_id"] != participant.id:
            raise NotYourCard()
        if card_id in self.store.moderated_cards(participant.workshop_id, db):
            raise CardModerated()
        return card_from_row(row)

    # --- moderation: the facilitator -------------------------------------------

    def hide_card(self, workshop_id: int, card_id: int) -> Card:
        """Take a card off the wall; it is kept and can be restored."""
        return self._moderate(workshop_id, "hide", [card_id], lambda db, card: (
            self.store.update_card(db, card_id, hidden=1, updated_at=self._timestamp())))

    def restore_card(self, workshop_id: int, card_id: int) -> Card:
        return self._moderate(workshop_id, "restore", [card_id], lambda db, card: (
            self.store.update_card(db, card_id, hidden=0, updated_at=self._timestamp())))

    def correct_card(self, workshop_id: int, card_id: int, text: str) -> Card:
        """Correct a card's text; what its author wrote is kept beside it."""
        text = clean_card_text(text)
        return self._moderate(workshop_id, "correct", [card_id], lambda db, card: (
            self.store.update_card(db, card_id, text=text,
                                   original_text=card["original_text"] or card["text"],
                                   updated_at=self._timestamp())))

    def move_card(self, workshop_id: int, card_id: int, field_id: str, kind: str) -> Card:
        """Put a card under another field or kind."""
        if kind not in KINDS:
            raise InvalidInput(problem=P_("„{kind}“ ist keine Art von Karte. Möglich sind Stärke, "
                                          "Handlungsbedarf und Idee."), kind=kind)
        if field_id not in self.fieldset(self.workshop(workshop_id)).field_ids:
            raise UnknownField(field=field_id)
        return self._moderate(workshop_id, "move", [card_id], lambda db, card: (
            self.store.update_card(db, card_id, field_id=field_id, kind=kind, updated_at=self._timestamp())))

    def merge_cards(self, workshop_id: int, target_id: int, source_ids: list[int]) -> Card:
        """Merge duplicates into ``target_id``: the sources leave the wall, their dots
        count for the target and the target lists them."""
        sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
        if not sources:
            raise InvalidInput(problem=N_("Bitte mindestens eine andere Karte zum Zusammenführen "
                                          "wählen."))

        def merge(db, target):
            for source_id in sources:
                self.store.update_card(db, source_id, merged_into=target_id, updated_at=self._timestamp())

        return self._moderate(workshop_id, "merge", [target_id, *sources], merge)

    def undo_moderation(self, workshop_id: int) -> ModerationEntry:
        """Undo the newest moderation action that is not undone yet; returns it."""
        with self.store.write() as db:
            entry = self.store.last_moderation(db, workshop_id)
            if entry is None:
                raise NothingToUndo()
            for card_id, columns in json.loads(entry["before"]).items():
                self.store.update_card(db, int(card_id), **columns, updated_at=self._timestamp())
            self.store.mark_undone(db, entry["id"], self._timestamp())
            self.store.bump_step_version(db, workshop_id)
        return _moderation_entry({**entry, "undone_at": self._timestamp()})

    def moderation_history(self, workshop_id: int) -> list[ModerationEntry]:
        """The latest moderation actions, newest first."""
        return [_moderation_entry(row) for row in self.store.moderation_history(workshop_id)]

    def _moderate(self, workshop_id: int, action: str, card_ids: list[int],
                  change: Callable[[object, dict], None]) -> Card:
        """Apply one moderation action to visible cards, logging the columns it changes.

        ``card_ids[0]`` is the card the action is about (restore accepts a hidden one).
        From now on the cards' authors can no longer change them (see ``_own_card``).
        """
        card_id = card_ids[0]
        with self.store.write() as db:
            rows = {}
            for cid in card_ids:
                row = self.store.card(db, cid)
                if row is None or not _same_workshop(row, workshop_id):
                    raise UnknownCard(card=cid)
                if row["merged_into"] is not None or (row["hidden"] and action != "restore"):
                    raise InvalidInput(problem=N_("Karte #{card} ist ausgeblendet oder schon "
                                                  "zusammengeführt."), card=cid)
                rows[cid] = row
            before = {cid: {c: row[c] for c in CHANGED_COLUMNS[action]} for cid, row in rows.items()}
            change(db, rows[card_id])
            self.store.log_moderation(db, workshop_id, action, card_id, json.dumps(before), self._timestamp())
            self.store.bump_step_version(db, workshop_id)
        return self._card(workshop_id, card_id)

    # --- dot voting ---------------------------------------------------------------

    def vote(self, token: str, card_id: int, dots: int, seen: int | None = None) -> int:
        """Put ``dots`` of the participant's dots on a card (0 takes them all back).

        ``seen`` is how many of their dots the participant's screen showed on the card when
        they tapped. If that is no longer what is stored (they changed it in another tab),
        the tap is refused with ``DotsChanged`` instead of overwriting the other tab's choice,
        and the screen then shows what is stored.

        The budget and the per-card maximum are checked inside the write
        transaction against what is stored, so a double tap, a second tab or
        a crafted request cannot overspend. Lowering is always allowed, even
        if the facilitator has since lowered the budget. Dots on a hidden card
        are free while it is hidden; if the facilitator restores it, they count
        again, and a voter who spent them meanwhile can only take dots back.
        """
        if isinstance(dots, bool) or not isinstance(dots, int) or dots < 0:
            raise InvalidInput(problem=P_("„{dots}“ ist keine gültige Zahl von Punkten."), dots=dots)
        participant = self.participant(token)
        with self.store.write() as db:
            workshop = self.workshop(participant.workshop_id)
            if not (workshop.step.accepts_votes and workshop.input_open(self._now())):
                raise VotingClosed()
            # The wall of the version read in this transaction: no other write can commit meanwhile.
            cards = self._wall(workshop)
            votes = self.store.votes_of(participant.id, db)
            root_of = card_rules.roots(cards)
            root = root_of.get(card_id)
            if root is None:
                raise UnknownCard(card=card_id)
            if not next(c for c in cards if c.id == root).votable:
                raise CardNotVotable()
            mine = card_rules.dots_of(participant.id, cards, votes)
            current = mine.get(root, 0)
            if seen is not None and seen != current and dots != current:
                raise DotsChanged(stored=current)
            if dots > max(workshop.dots_per_card, current):
                raise DotsPerCardExceeded(max=workshop.dots_per_card)
            left = workshop.dot_budget - sum(mine.values()) + current
            if dots > current and dots > left:
                raise DotBudgetExceeded(budget=workshop.dot_budget, left=max(0, left - current))
            now = self._timestamp()
            # Dots the participant gave to cards since merged into this one now sit on it.
            for _voter, voted_card, _n in votes:
                if voted_card != root and root_of[voted_card] == root:
                    self.store.set_dots(db, participant.id, voted_card, 0, now)
            self.store.set_dots(db, participant.id, root, dots, now)
            self.store.bump_vote_version(db, workshop.id)
        return dots

    def my_dots(self, token: str) -> dict[int, int]:
        """The participant's dots per card on the wall (card id → dots)."""
        participant = self.participant(token)
        # Only which cards are visible and merged matters here: the wall, cached across dot taps.
        return card_rules.dots_of(participant.id, self._wall(self.workshop(participant.workshop_id)),
                                  self.store.votes_of(participant.id))

    def voters(self, workshop_id: int) -> int:
        """How many participants have given at least one dot."""
        return self.store.voters(workshop_id)

    def set_dot_rules(self, workshop_id: int, budget: int, per_card: int) -> Workshop:
        """Dots per participant and the most one participant may put on one card."""
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (budget, per_card)) or not (
            1 <= budget <= DOT_BUDGET_MAX and 1 <= per_card <= budget
        ):
            raise InvalidInput(problem=N_("Punkte je Person: 1 bis {max}; je Karte: 1 bis zu den "
                                          "Punkten je Person."), max=DOT_BUDGET_MAX)
        return self._set(workshop_id, step_change=True, dot_budget=budget, dots_per_card=per_card)

    # --- the live step's lock, the timer, the wall ----------------------------------

    def lock_input(self, workshop_id: int, locked: bool) -> Workshop:
        """Lock or reopen the input of the live step (ratings, cards or dots).

        Reopening also ends a timer that locked the step when it ran out; a
        countdown still running keeps its lock at zero.
        """
        workshop = self.workshop(workshop_id)
        columns: dict[str, object] = {"locked": int(locked)}
        if not locked and workshop.timer_left(self._now()) == 0:
            columns.update(timer_ends_at=None, timer_seconds=None, timer_locks=0)
        return self._set(workshop_id, step_change=True, **columns)

    def start_timer(self, workshop_id: int, minutes: float, lock_at_end: bool = False) -> Workshop:
        """Count down ``minutes`` on the projector and the tablets; with ``lock_at_end``
        the live step's input locks itself at zero."""
        if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or not (
            0 < minutes <= TIMER_MAX_MINUTES
        ) or round(minutes * 60) < 1:
            raise InvalidInput(problem=N_("Der Timer braucht eine Dauer von mehr als 0 bis {max} "
                                          "Minuten."), max=TIMER_MAX_MINUTES)
        seconds = round(minutes * 60)
        ends = (self._now() + dt.timedelta(seconds=seconds)).isoformat(timespec="seconds")
        return self._set(workshop_id, step_change=True, timer_ends_at=ends, timer_seconds=seconds,
                         timer_locks=int(lock_at_end))

    def stop_timer(self, workshop_id: int) -> Workshop:
        return self._set(workshop_id, step_change=True, timer_ends_at=None, timer_seconds=None, timer_locks=0)

    def show_on_wall(self, workshop_id: int, field_id: str | None) -> Workshop:
        """Pin the card wall to one field, or None to show every field in turn."""
        if field_id is not None and field_id not in self.fieldset(self.workshop(workshop_id)).field_ids:
            raise UnknownField(field=field_id)
        return self._set(workshop_id, wall_field=field_id)

    def _set(self, workshop_id: int, step_change: bool = False, **columns: object) -> Workshop:
        """Store workshop settings; ``step_change`` also wakes every participant's device (they
        follow ``step_version``: the live step, its lock and timer, groups, moderation, dot rules)."""
        self.workshop(workshop_id)
        with self.store.write() as db:
            self.store.update_workshop(db, workshop_id, **columns)
            if step_change:
                self.store.bump_step_version(db, workshop_id)
            else:
                self.store.bump_data_version(db, workshop_id)
        return self.workshop(workshop_id)


def _group(row: dict) -> Group:
    return Group(id=row["id"], name=row["name"], field_ids=tuple(json.loads(row["fields"])),
                 cards=row["cards"], members=row["members"])


def _same_workshop(row: dict, workshop_id: int) -> bool:
    return row["workshop_id"] == workshop_id


def _moderation_entry(row: dict) -> ModerationEntry:
    return ModerationEntry(id=row["id"], action=row["action"], card_id=row["card_id"],
                           created_at=row["created_at"], undone=row["undone_at"] is not None)
