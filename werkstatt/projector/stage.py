"""What the projector shows at the live step, as plain data for its template.

One function per kind of screen: the check-in (code, QR code, count), the rating (counts per
field), the results (a card per field and the two charts), the card wall (one section per
field), the ranking. Nothing here knows the screen's size: the page lays the parts out for the
screen it runs on and pages through what does not fit (``static/projector.js``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markupsafe import Markup

from werkstatt import charts
from werkstatt.addresses import qr_svg, wifi_payload
from werkstatt.aggregate import VERDICTS, too_few_note
from werkstatt.cards import KIND_HEADINGS, KINDS, VOTABLE_KINDS, Card, ranked
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, format_day, format_number, nt, t, word
from werkstatt.service import Werkstatt, Workshop

RANKING_SIZE = 8  # rows per kind: what a room can take in; a tie with the last row is named below it
RANKING_HEADINGS = {"gap": N_("Wichtigste Handlungsbedarfe"), "idea": N_("Wichtigste Ideen")}
# One line per step that tells the room what to do now, in large type under the step's name.
INSTRUCTIONS = {
    "checkin": N_("Scannen Sie den QR-Code mit der Kamera oder geben Sie den Code ein."),
    "rating": N_("Bewerten Sie jedes Handlungsfeld auf Ihrem Handy oder Tablet."),
    "results": N_("So hat der Raum bewertet. Was fällt Ihnen auf?"),
    "cards": N_("Schreiben Sie Ihre Karten auf dem Tablet Ihrer Gruppe."),
    "voting": N_("Verteilen Sie Ihre Punkte auf die wichtigsten Handlungsbedarfe und Ideen."),
    "ranking": N_("Das hat die meisten Punkte bekommen."),
    "closed": N_("Der Workshop ist beendet. Vielen Dank fürs Mitmachen!"),
}
CARDS_WITHOUT_GROUPS = N_("Schreiben Sie Ihre Karten auf Ihrem Handy oder Tablet.")
LOCKED = N_("Die Eingabe ist gesperrt.")
FIRST_WIFI = N_("Erst mit dem WLAN verbinden, dann den QR-Code zum Mitmachen scannen.")
# The CSS twin of each plotly bar pattern, so the key beside the chart shows the pattern the bars
# have. (The key is ours, not plotly's: plotly lays a legend out one entry per row when the chart
# is narrow, and its text could not follow the screen's type size.)
PATTERN_CSS = {
    "": "none",
    "/": "repeating-linear-gradient(-45deg, #000 0 2px, transparent 2px 7px)",
    "\\": "repeating-linear-gradient(45deg, #000 0 2px, transparent 2px 7px)",
    ".": "radial-gradient(circle, #000 1.5px, transparent 2px) 0 0 / 6px 6px",
    "x": "repeating-linear-gradient(45deg, #000 0 1.5px, transparent 1.5px 7px), "
         "repeating-linear-gradient(-45deg, #000 0 1.5px, transparent 1.5px 7px)",
    "-": "repeating-linear-gradient(0deg, #000 0 2px, transparent 2px 7px)",
    "|": "repeating-linear-gradient(90deg, #000 0 2px, transparent 2px 7px)",
    "+": "repeating-linear-gradient(0deg, #000 0 1.5px, transparent 1.5px 7px), "
         "repeating-linear-gradient(90deg, #000 0 1.5px, transparent 1.5px 7px)",
}


@dataclass(frozen=True)
class Wifi:
    """The laptop's own Wi-Fi, shown at check-in beside the way into the workshop."""
    name: str
    password: str
    qr_svg: Markup


@dataclass(frozen=True)
class Timer:
    left_ms: int
    locks: bool


@dataclass(frozen=True)
class Note:
    """A card on the wall or a row of the ranking."""
    text: str
    named: int = 1  # how many cards were merged into it, itself included
    dots: int = 0
    field: str = ""


@dataclass(frozen=True)
class Column:
    kind: str
    heading: str
    notes: list[Note]
    more: str = ""  # a line under the last note (a tie the ranking leaves out)


@dataclass(frozen=True)
class Section:
    """One field of the wall (or the ranking): a title and a column per kind of card."""
    title: str
    columns: list[Column]


@dataclass(frozen=True)
class VerdictCard:
    number: int
    title: str
    verdict: str
    verdict_text: str
    facts: str


@dataclass
class Stage:
    kind: str  # checkin, rating, results, wall, ranking
    step: str
    headline: str
    instruction: str
    about: str
    join_code: str
    join_url: str
    qr_svg: Markup
    timer: Timer | None = None
    wifi: Wifi | None = None
    participants: str = ""
    rated: list[tuple[str, str]] = field(default_factory=list)
    verdicts: list[VerdictCard] = field(default_factory=list)
    too_few: str = ""
    charts: dict[str, dict] = field(default_factory=dict)  # name -> plotly figure, as plotly.js takes it
    level_key: list[tuple[str, str]] = field(default_factory=list)  # (scale label, its CSS fill)
    verdict_key: list[tuple[str, str]] = field(default_factory=list)  # (verdict, its word)
    chart_rows: int = 0  # fields in the distribution chart (how tall it must be at least)
    groups: list[tuple[str, str]] = field(default_factory=list)
    voters: str = ""
    sections: list[Section] = field(default_factory=list)


def stage(app: Werkstatt, workshop: Workshop, lang: str, join_url: str,
          wifi: tuple[str, str] | None = None) -> Stage:
    """The projector's picture of ``workshop`` at its live step; ``wifi`` is the laptop's own
    network as ``(name, password)``, which phones join first (``settings.wifi``)."""
    fieldset = app.fieldset(workshop)
    now = app.now()
    step = workshop.step
    locked = step.takes_input and not workshop.input_open(now)
    headline = t(step.name, lang) + (f" · {t('gesperrt', lang)}" if locked else "")
    about = [workshop.title, workshop.municipality, format_day(workshop.date, lang) if workshop.date else ""]
    left = workshop.timer_left(now)
    screen = Stage(
        kind=step.id, step=step.id, headline=headline, instruction=t(INSTRUCTIONS[step.id], lang),
        about=" · ".join(filter(None, about)), join_code=workshop.join_code, join_url=join_url,
        qr_svg=qr_svg(join_url),
        timer=None if left is None else Timer(round(left * 1000), workshop.timer_locks),
    )
    if step.shows_wall:
        _wall(app, workshop, fieldset, lang, screen)
    elif step.shows_ranking and not step.shows_results:
        _ranking(app, workshop, fieldset, lang, screen)
    elif step.shows_results:
        _results(app, workshop, fieldset, lang, screen)
    else:
        _arrival(app, workshop, fieldset, lang, screen, wifi)
    if locked:
        screen.instruction = t(LOCKED, lang)
    return screen


def _arrival(app: Werkstatt, workshop: Workshop, fieldset: Fieldset, lang: str, screen: Stage,
             wifi: tuple[str, str] | None) -> None:
    progress = app.progress(workshop.id)
    screen.kind = "checkin" if not workshop.step.accepts_ratings else "rating"
    if wifi and screen.kind == "checkin":  # first the network, then the workshop: one sentence says so
        name, password = wifi
        screen.wifi = Wifi(name, password, qr_svg(wifi_payload(name, password), title=name))
        screen.instruction = t(FIRST_WIFI, lang)
    screen.participants = format_number(progress.participants, lang)
    if workshop.step.accepts_ratings:
        screen.rated = [(f.title.get(lang), format_number(progress.rated.get(f.id, 0), lang))
                        for f in fieldset.fields]


def _results(app: Werkstatt, workshop: Workshop, fieldset: Fieldset, lang: str, screen: Stage) -> None:
    summary = app.summary(workshop.id)
    screen.kind = "results"
    for number, row in enumerate(summary.itertuples(index=False), start=1):
        facts = " · ".join([
            f"{t('Median', lang)} {format_number(row.median, lang)}",
            f"{t('Konsens', lang)} {format_number(row.consensus, lang, digits=2)}",
            nt("{n} Antwort", "{n} Antworten", int(row.n), lang),
        ])
        screen.verdicts.append(VerdictCard(number, fieldset.field(row.field_id).title.get(lang), row.verdict,
                                           word("verdict", row.verdict, lang), facts))
    screen.too_few = too_few_note(summary, fieldset, lang)
    distribution = charts.distribution_chart(summary, fieldset, lang, large=True, legend=False)
    overview = charts.overview_chart(summary, fieldset, lang, large=True)
    screen.charts = {"distribution": json.loads(distribution.to_json()), "overview": json.loads(overview.to_json())}
    scale = fieldset.scale
    colours, patterns = charts.scale_colours(scale), charts.scale_patterns(scale)
    # with its number: the overview's axis shows the levels as numbers on the projector
    screen.level_key = [(f"{value} {scale.label(value, lang)}" if value is not None
                         else t("kann ich nicht einschätzen", lang),
                         f"{PATTERN_CSS[patterns[value]]}, {colours[value]}")
                        for value in [*scale.values, *([None] if scale.dont_know else [])]]
    present = set(summary["verdict"])
    screen.verdict_key = [(verdict, word("verdict", verdict, lang)) for verdict in VERDICTS if verdict in present]
    screen.chart_rows = len(fieldset.fields)


def _wall(app: Werkstatt, workshop: Workshop, fieldset: Fieldset, lang: str, screen: Stage) -> None:
    """A section per field with cards (or only the pinned field); none before the first card."""
    board = app.board(workshop.id)
    screen.kind = "wall"
    if workshop.step.accepts_cards:  # while groups write, the room sees each group's count
        groups = app.groups(workshop.id)
        screen.groups = [(g.name, format_number(g.cards, lang)) for g in groups]
        if not groups:
            screen.instruction = t(CARDS_WITHOUT_GROUPS, lang)
    if workshop.step.accepts_votes:
        screen.voters = nt("{n} hat schon Punkte vergeben", "{n} haben schon Punkte vergeben",
                           app.voters(workshop.id), lang)
    for f in fieldset.fields:
        if workshop.wall_field and f.id != workshop.wall_field:
            continue
        cards = {kind: [c for c in board if c.visible and c.field_id == f.id and c.kind == kind] for kind in KINDS}
        if not any(cards.values()) and not workshop.wall_field:
            continue
        screen.sections.append(Section(f.title.get(lang), [
            Column(kind, f"{t(KIND_HEADINGS[kind], lang)} ({format_number(len(cards[kind]), lang)})",
                   [_note(c) for c in cards[kind]])
            for kind in KINDS
        ]))


def _ranking(app: Werkstatt, workshop: Workshop, fieldset: Fieldset, lang: str, screen: Stage) -> None:
    """The gaps and the ideas with the most dots, side by side; a tie with the last row is named."""
    board = app.board(workshop.id)
    screen.kind = "ranking"
    columns = []
    for kind in VOTABLE_KINDS:
        voted = [card for card in ranked(board, kinds=(kind,)) if card.dots]
        shown = voted[:RANKING_SIZE]
        tied = [card for card in voted[RANKING_SIZE:] if card.dots == shown[-1].dots] if shown else []
        more = nt("+ {n} weitere Karte mit gleich vielen Punkten",
                  "+ {n} weitere Karten mit gleich vielen Punkten", len(tied), lang) if tied else ""
        columns.append(Column(kind, t(RANKING_HEADINGS[kind], lang),
                              [_note(c, fieldset.field(c.field_id).title.get(lang)) for c in shown], more))
    screen.sections.append(Section("", columns))


def _note(card: Card, field_title: str = "") -> Note:
    return Note(card.text, len(card.sources) + 1, card.dots, field_title)

