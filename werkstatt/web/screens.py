"""What a participant's screen shows for the live step, read from the service as stored now.

Pure reading and wording (no HTTP, no writes): the routes call ``screen(...)`` for every
GET and for every refused POST, so a device always sees what is *stored*, plus what the
person typed into a form that was refused (``Entry``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field

from werkstatt.cards import KIND_HINTS, KIND_NAMES, KINDS, TEXT_MAX_LENGTH, VOTABLE_KINDS, Card
from werkstatt.fieldsets import Fieldset
from werkstatt.groupwork import Group
from werkstatt.i18n import N_, format_number, marked, t
from werkstatt.service import Participant, Werkstatt, Workshop

DONT_KNOW = "dont_know"  # the form value of "kann ich nicht einschätzen"
# The phone's heading in each step, and what it says while there is nothing to enter.
STEP_HEADINGS = {
    "checkin": N_("Schön, dass Sie da sind!"),
    "rating": N_("Ihre Einschätzung"),
    "results": N_("Die Ergebnisse"),
    "cards": N_("Gruppenarbeit: Ihre Karten"),
    "voting": N_("Punkte vergeben"),
    "ranking": N_("Das Ranking"),
    "closed": N_("Vielen Dank!"),
}
STEP_WAITING = {
    "checkin": N_("Gleich geht es los. Diese Seite wechselt von selbst, sobald die Bewertung beginnt."),
    "results": N_("Die Bewertung ist geschlossen. Die Ergebnisse sehen Sie jetzt am Beamer."),
    "ranking": N_("Das Ranking steht jetzt am Beamer. Ihre Punkte können Sie noch ändern, bis die "
                  "Moderation sperrt."),
    "closed": N_("Der Workshop ist beendet. Vielen Dank fürs Mitmachen!"),
}


@dataclass(frozen=True)
class Entry:
    """What the person sent in a refused form, and where its message belongs.

    ``target`` names the form: ``rating:<field>``, ``group``, ``card``, ``edit:<card id>``,
    ``delete:<card id>``, ``dots:<card id>``."""

    target: str
    message: str
    values: dict[str, str] = field(default_factory=dict)

    def about(self, target: str) -> bool:
        return self.target == target


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class RatingField:
    id: str
    title: str
    description: str
    questions: tuple[str, ...]
    stored: str | None  # the form value of the stored level ("3", "dont_know"), None if not rated
    stored_label: str


@dataclass(frozen=True)
class BallotField:
    id: str
    title: str
    cards: tuple[Card, ...]
    my_dots: int


@dataclass(frozen=True)
class ResultRow:
    title: str
    verdict: str
    verdict_id: str
    median: str
    answers: int
    mine: str | None


def group_name(group: Group, fieldset: Fieldset, workshop: Workshop, lang: str) -> str:
    """A group's name in the participant's language: the groups made in one click are named
    after their one field in the workshop's language, so they take that field's translation."""
    if len(group.field_ids) == 1 and group.field_ids[0] in fieldset.field_ids:
        field_title = fieldset.field(group.field_ids[0]).title
        if group.name == field_title.get(workshop.language):
            return field_title.marked(lang)
    return group.name


def level_value(level: int | None) -> str:
    return DONT_KNOW if level is None else str(level)


def scale_choices(fieldset: Fieldset, lang: str) -> list[Choice]:
    scale = fieldset.scale
    choices = [Choice(str(v), scale.marked(v, lang)) for v in scale.values]
    if scale.dont_know:
        choices.append(Choice(DONT_KNOW, scale.marked(None, lang)))
    return choices


def rating_fields(app: Werkstatt, token: str, fieldset: Fieldset, lang: str) -> list[RatingField]:
    stored = app.my_ratings(token)
    return [
        RatingField(
            id=f.id, title=f.title.marked(lang), description=f.description.marked(lang),
            questions=tuple(q.marked(lang) for q in f.questions),
            stored=level_value(stored[f.id]) if f.id in stored else None,
            stored_label=fieldset.scale.marked(stored[f.id], lang) if f.id in stored else "",
        )
        for f in fieldset.fields
    ]


def card_context(app: Werkstatt, participant: Participant, workshop: Workshop, fieldset: Fieldset,
                 lang: str) -> dict:
    """The group (or the choice of one), the fields a new card may take, and the person's cards."""
    groups = app.groups(workshop.id)
    names = {g.id: group_name(g, fieldset, workshop, lang) for g in groups}
    mine = next((g for g in groups if g.id == participant.group_id), None)
    field_ids = list(mine.field_ids) if mine else list(fieldset.field_ids)
    return {
        "groups": [Choice(str(g.id), names[g.id]) for g in groups],
        "group": mine,
        "group_label": names.get(participant.group_id, ""),
        "group_fields": [fieldset.field(f).title.marked(lang) for f in mine.field_ids] if mine else [],
        "needs_group": bool(groups) and mine is None,
        "card_fields": [Choice(f, fieldset.field(f).title.marked(lang)) for f in field_ids],
        "kinds": [Choice(k, t(KIND_NAMES[k], lang), t(KIND_HINTS[k], lang)) for k in KINDS],
        "my_cards": list(reversed(app.my_cards(participant.token))),
        "text_max": TEXT_MAX_LENGTH,
    }


def ballot_context(app: Werkstatt, token: str, workshop: Workshop, fieldset: Fieldset, lang: str,
                   chosen: str | None) -> dict:
    """Dots left, the fields with votable cards (gaps before ideas, in writing order: no ranking
    before the reveal), and the cards of the chosen field."""
    mine = app.my_dots(token)
    by_field = _votable_by_field(app, workshop.id, workshop.cards_version)
    fields = [BallotField(f.id, f.title.marked(lang), by_field[f.id],
                          sum(mine.get(c.id, 0) for c in by_field[f.id]))
              for f in fieldset.fields if f.id in by_field]
    current = next((f for f in fields if f.id == chosen), fields[0] if fields else None)
    spent = sum(mine.values())
    return {
        "ballot_fields": fields,
        "ballot_field": current,
        "my_dots": mine,
        "dots_left": max(0, workshop.dot_budget - spent),
        "dots_spent": min(spent, workshop.dot_budget),
    }


@functools.lru_cache(maxsize=64)
def _votable_by_field(app: Werkstatt, workshop_id: int, cards_version: int) -> dict[str, tuple[Card, ...]]:
    """The cards one can vote on, per field, gaps before ideas, in writing order; once per change
    of the cards (``Workshop.cards_version``), not per ballot fetched."""
    by_field: dict[str, list[Card]] = {}
    for card in app.wall(workshop_id):  # no totals before the reveal; and the wall survives each dot tap
        if card.votable:
            by_field.setdefault(card.field_id, []).append(card)
    return {field_id: tuple(sorted(cards, key=lambda c: (VOTABLE_KINDS.index(c.kind), c.id)))
            for field_id, cards in by_field.items()}


def results(app: Werkstatt, token: str, workshop: Workshop, fieldset: Fieldset, lang: str) -> list[ResultRow]:
    """Per field the verdict and the median, as the projector shows them, beside one's own answer."""
    stored = app.my_ratings(token)
    return [dataclasses.replace(row, mine=(fieldset.scale.marked(stored[field_id], lang)
                                           if field_id in stored else None))
            for field_id, row in _room_results(app, workshop, lang)]


@functools.lru_cache(maxsize=32)
def _room_results(app: Werkstatt, workshop: Workshop, lang: str) -> tuple[tuple[str, ResultRow], ...]:
    """The room's part of the results, once per workshop version and language: at the reveal a
    whole hall fetches this page at once, and reading the summary frame row by row costs more
    than the rest of the page. (``Workshop`` carries its version, so a change is a new key.)"""
    fieldset = app.fieldset(workshop)
    summary = app.summary(workshop.id).set_index("field_id")
    rows = []
    for f in fieldset.fields:
        row = summary.loc[f.id]
        rows.append((f.id, ResultRow(
            title=f.title.marked(lang), verdict=marked("verdict", row["verdict"], lang),
            verdict_id=row["verdict"], median=_median(row["median"], fieldset, lang),
            answers=int(row["n"]), mine=None)))
    return tuple(rows)


def _median(median: float, fieldset: Fieldset, lang: str) -> str:
    """A whole median by its level's name ("3 – teilweise umgesetzt"), a half one as a number."""
    if median != median:  # NaN: nobody answered on the scale
        return "–"
    if float(median).is_integer():
        return f"{format_number(median, lang, digits=0)} – {fieldset.scale.marked(int(median), lang)}"
    return format_number(median, lang)


def my_answers(app: Werkstatt, token: str, fieldset: Fieldset, lang: str) -> list[tuple[str, str]]:
    stored = app.my_ratings(token)
    return [(f.title.marked(lang), fieldset.scale.marked(stored[f.id], lang))
            for f in fieldset.fields if f.id in stored]


def in_place(entry: Entry, context: dict) -> bool:
    """Whether the form a refusal is about is on the screen, so its message can stand beside it;
    otherwise (a card of someone else, a step that moved on) the message goes to the top."""
    kind, _, ident = entry.target.partition(":")
    step = context["step"]
    if kind == "rating":
        return step.accepts_ratings and any(f.id == ident for f in context["fields"])
    if kind == "card":
        return step.accepts_cards
    if kind == "group":
        return step.accepts_cards and bool(context["group"] or context["needs_group"])
    if kind == "edit":
        return step.accepts_cards and any(str(c.id) == ident for c in context["my_cards"])
    if kind == "dots":
        ballot = context.get("ballot_field")
        return step.accepts_votes and ballot is not None and any(str(c.id) == ident for c in ballot.cards)
    return False


def screen(app: Werkstatt, participant: Participant, lang: str, *, ballot_field: str | None = None,
           entry: Entry | None = None) -> dict:
    """Everything the screen template needs for the live step, and where the message of a refused
    form (``entry``) goes. The workshop row is read first: its ``step_version`` goes into the
    page, so a change landing while the rest is read makes the device fetch again instead of
    slipping through."""
    workshop = app.workshop(participant.workshop_id)
    fieldset = app.fieldset(workshop)
    now: dt.datetime = app.now()
    step = workshop.step
    context = {
        "workshop": workshop, "fieldset": fieldset, "step": step, "participant": participant,
        "open": workshop.input_open(now), "timer_left": workshop.timer_left(now),
    }
    if step.accepts_ratings:
        fields = rating_fields(app, participant.token, fieldset, lang)
        context.update(fields=fields, scale=scale_choices(fieldset, lang),
                       all_rated=all(f.stored is not None for f in fields))
    elif step.accepts_cards:
        context.update(card_context(app, participant, workshop, fieldset, lang))
    elif step.accepts_votes:
        context.update(ballot_context(app, participant.token, workshop, fieldset, lang, ballot_field))
    else:
        context["answers"] = my_answers(app, participant.token, fieldset, lang)
        if step.shows_results:
            context["results"] = results(app, participant.token, workshop, fieldset, lang)
    context["entry"] = entry
    context["entry_in_place"] = entry is not None and in_place(entry, context)
    return context
