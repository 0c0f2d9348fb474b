"""Cards on the wall: what is visible, what a merge adds up to, how the dots rank.

Pure functions over the rows the store returns (no I/O), so the tablets, the
projector, the results page and the service all count the same way.

A merge does not move anything: the source cards get ``merged_into`` and stay
as they are, so a merge can be undone. A card's *root* is the card it ended up
in (itself if never merged). Everything a person sees is a root: its dots are
the dots on it and on every card merged into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from werkstatt.i18n import N_, P_

KINDS = ("strength", "gap", "idea")
# What a card is called, as one card, as a column of the wall, and the hint on the phone's choice.
KIND_NAMES = {"strength": P_("Stärke"), "gap": P_("Handlungsbedarf", context="card kind"),
              "idea": P_("Idee")}
KIND_HEADINGS = {"strength": N_("Stärken"), "gap": N_("Handlungsbedarfe"), "idea": N_("Ideen")}
KIND_HINTS = {"strength": P_("Das klappt schon gut"), "gap": P_("Das fehlt noch"),
              "idea": P_("Das könnten wir tun")}
VOTABLE_KINDS = ("gap", "idea")  # dots go to what is missing and what could be done
TEXT_MIN_LENGTH = 3
TEXT_MAX_LENGTH = 500


@dataclass(frozen=True)
class Card:
    id: int
    participant_id: int
    group_id: int | None
    field_id: str
    kind: str
    text: str
    original_text: str | None  # set once the facilitator corrected the text
    hidden: bool
    merged_into: int | None
    created_at: str
    dots: int = 0  # on the root: its own dots plus those of every card merged into it
    sources: tuple[int, ...] = field(default=())  # cards merged into this one, oldest first
    moderated: bool = False  # in a participant's own list: the facilitator has taken it over

    @property
    def visible(self) -> bool:
        """On the wall: not hidden and not merged into another card."""
        return not self.hidden and self.merged_into is None

    @property
    def votable(self) -> bool:
        return self.visible and self.kind in VOTABLE_KINDS

    @property
    def corrected(self) -> bool:
        return self.original_text is not None


def card_from_row(row: dict) -> Card:
    return Card(
        id=row["id"],
        participant_id=row["participant_id"],
        group_id=row["group_id"],
        field_id=row["field_id"],
        kind=row["kind"],
        text=row["text"],
        original_text=row["original_text"],
        hidden=bool(row["hidden"]),
        merged_into=row["merged_into"],
        created_at=row["created_at"],
    )


def roots(cards: list[Card]) -> dict[int, int]:
    """Card id → the id of the card it ended up in after every merge."""
    parent = {c.id: c.merged_into for c in cards}
    result: dict[int, int] = {}
    for card in cards:
        seen = {card.id}
        current = card.id
        while parent.get(current) is not None and parent[current] not in seen:
            current = parent[current]
            seen.add(current)
        result[card.id] = current
    return result


def board(cards: list[Card], votes: list[tuple[int, int, int]]) -> list[Card]:
    """Every card with its ``dots`` and ``sources`` filled in, in writing order.

    ``votes`` are ``(participant_id, card_id, dots)`` rows. Dots and sources
    are gathered on the root; cards that are merged away keep ``dots=0``.
    """
    root_of = roots(cards)
    dots: dict[int, int] = {}
    for _participant, card_id, n in votes:
        root = root_of.get(card_id)
        if root is not None:
            dots[root] = dots.get(root, 0) + n
    sources: dict[int, list[int]] = {}
    for card in sorted(cards, key=lambda c: c.id):
        if root_of[card.id] != card.id:
            sources.setdefault(root_of[card.id], []).append(card.id)
    return [
        Card(**{**card.__dict__, "dots": dots.get(card.id, 0), "sources": tuple(sources.get(card.id, ()))})
        if root_of[card.id] == card.id
        else card
        for card in sorted(cards, key=lambda c: c.id)
    ]


def ranked(cards: list[Card], field_id: str | None = None, kinds: tuple[str, ...] = KINDS) -> list[Card]:
    """Visible cards, most dots first; among equals the one more people named
    (more sources merged in), then the older one. Strengths get no dots, so
    they rank by how often they were named."""
    chosen = [c for c in cards
              if c.visible and c.kind in kinds and (field_id is None or c.field_id == field_id)]
    return sorted(chosen, key=lambda c: (-c.dots, -len(c.sources), c.id))


def dots_of(participant_id: int, cards: list[Card], votes: list[tuple[int, int, int]]) -> dict[int, int]:
    """The participant's dots per visible root card (dots on merged cards count for the root)."""
    root_of = roots(cards)
    visible = {c.id for c in cards if c.visible}
    mine: dict[int, int] = {}
    for participant, card_id, n in votes:
        root = root_of.get(card_id)
        if participant == participant_id and root in visible:
            mine[root] = mine.get(root, 0) + n
    return mine


def count_by_group(cards: list[Card]) -> dict[tuple[int | None, str], int]:
    """``(group id, kind)`` → cards written, hidden ones not counted (merged ones are: they were
    written)."""
    counts: dict[tuple[int | None, str], int] = {}
    for card in cards:
        if not card.hidden:
            counts[(card.group_id, card.kind)] = counts.get((card.group_id, card.kind), 0) + 1
    return counts
