"""The workshop a load run plays: N devices join, rate, write cards and spend dots.

Each device is a ``device.Client`` (HTTP + Server-Sent Events, as the participant
pages of ``werkstatt/web/``). It opens the join form with the code, picks a sector
and joins, holds its event stream open, waits for the facilitator's step, rates every
field, writes two cards, spends its dots after picking a field, and sees the results,
with think times drawn from a log-normal spread (a few quick people, most in the
middle, some slow). The facilitator (this process, through the room's service) moves
the step on once every device is done or the phase has run out of time, and notes
when; each device notes when it first *fetched* a page with the new ``data-step``.

A submit's time is from sending the POST to the page its ``303`` leads to having
arrived: what the participant waits for. The ``303`` is the acknowledgement (the
server stored the write); a write without one (no answer in time, the connection
dropped, an HTTP error) counts as unacknowledged, and a ``422`` as refused. The device
also checks that the page it was led to shows what it sent.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from bench.load.device import Answer, Client
from bench.load.protocol import Session
from bench.load.rooms import DOT_BUDGET
from bench.load.screen import Form, Screen

PHASES = ("rating", "cards", "voting", "results")  # the steps the facilitator opens, in order
CARDS_PER_DEVICE = 2
ACTIONS = ("open", "join", "rate", "group", "card", "field", "vote")
KINDS = ("strength", "gap", "idea")


@dataclass(frozen=True)
class Pace:
    """Think times (median seconds; log-normal, sigma 0.6) and how long a phase may run."""

    join_spread: float = 30.0  # devices arrive evenly over this many seconds
    rate: float = 6.0  # reading a field and tapping a level
    card: float = 20.0  # writing one card
    vote: float = 3.0  # one tap on a card's dots, or on a field to see its cards
    phase_timeout: float = 180.0
    linger: float = 5.0  # the room stays connected this long after the last step

    def scaled(self, factor: float) -> "Pace":
        return Pace(self.join_spread * factor, self.rate * factor, self.card * factor,
                    self.vote * factor, self.phase_timeout, self.linger)


def think(rng: random.Random, median: float) -> float:
    return rng.lognormvariate(0.0, 0.6) * median


@dataclass
class Device:
    """What one simulated phone did, sent and saw."""

    number: int
    token: str = ""
    timings: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ACTIONS})
    ratings: dict[str, str] = field(default_factory=dict)  # field id → level sent ("1".."4", "dont_know")
    cards: list[str] = field(default_factory=list)  # texts sent
    dots: dict[int, int] = field(default_factory=dict)  # card id → dots sent
    seen: dict[str, float] = field(default_factory=dict)  # step → when a fetched page first showed it
    notified: dict[str, float] = field(default_factory=dict)  # step → when the event came that led to it
    by_event: set[str] = field(default_factory=set)  # steps first shown by a fetch an event caused
    unacknowledged: list[str] = field(default_factory=list)  # writes sent that got no 303 + page
    refused: list[str] = field(default_factory=list)  # writes the server refused (422), with its message
    shown_otherwise: list[str] = field(default_factory=list)  # acknowledged, but the page showed another value
    failures: list[str] = field(default_factory=list)  # what stopped the device
    errors: list[str] = field(default_factory=list)  # requests that got no answer or an HTTP error
    stream: dict[str, int] = field(default_factory=dict)  # the event stream's counts
    pages: int = 0
    page_bytes: int = 0
    phases_done: set[str] = field(default_factory=set)
    _reached: dict[str, asyncio.Event] = field(default_factory=dict)

    def reached(self, step: str) -> asyncio.Event:
        return self._reached.setdefault(step, asyncio.Event())

    def on_screen(self, screen: Screen, arrived: float, event_at: float | None) -> None:
        self.pages += 1
        self.page_bytes += screen.size
        step = screen.step
        if step and step not in self.seen:
            self.seen[step] = arrived
            if event_at is not None:
                self.notified[step] = event_at
                self.by_event.add(step)
            self.reached(step).set()

    def record(self, action: str, answer: Answer, what: str, shows_it) -> bool:
        """File a write's answer; True when the server acknowledged it (303)."""
        if answer.complete:
            self.timings[action].append(answer.seconds)
            if not shows_it(answer.screen):
                self.shown_otherwise.append(what)
            return True
        if answer.acknowledged:  # stored, but the page it led to never came
            self.errors.append(answer.error or f"{what}: the page after 303 came with HTTP {answer.status}")
            return True
        if answer.refused:
            message = "; ".join(answer.screen.alerts) if answer.screen else ""
            self.refused.append(f"{what}: {message[:120]}")
            return False
        self.unacknowledged.append(what)
        self.errors.append(answer.error or f"{what}: HTTP {answer.status}")
        return False


class Room:
    """The facilitator's side: moves the step on and records when."""

    def __init__(self, room, devices: int, pace: Pace):
        self.room = room
        self.pace = pace
        self.changed: dict[str, float] = {}
        self.step_events = {step: asyncio.Event() for step in PHASES}
        self.done = {phase: 0 for phase in ("checkin", *PHASES)}
        self.devices = devices
        self.all_done = {phase: asyncio.Event() for phase in self.done}

    def finished(self, phase: str, device: Device) -> None:
        if phase in device.phases_done:
            return
        device.phases_done.add(phase)
        self.done[phase] += 1
        if self.done[phase] >= self.devices:
            self.all_done[phase].set()

    def drop_out(self, device: Device) -> None:
        """A failed device is done with every phase: the room does not wait for it."""
        for phase in self.done:
            self.finished(phase, device)

    async def wait_for_step(self, device: Device, step: str) -> None:
        """Until the device has fetched a page showing ``step`` (the event stream brings it)."""
        await self.step_events[step].wait()
        try:
            await asyncio.wait_for(device.reached(step).wait(), self.pace.phase_timeout)
        except (TimeoutError, asyncio.TimeoutError):
            raise TimeoutError(f"step {step} never reached the device") from None

    async def drive(self) -> None:
        previous = "checkin"
        for step in PHASES:
            try:
                await asyncio.wait_for(self.all_done[previous].wait(), self.pace.phase_timeout)
            except (TimeoutError, asyncio.TimeoutError):
                pass  # the room moves on; the stragglers are reported
            await asyncio.sleep(1.0)  # a breath between steps, as a facilitator takes

            def move(step=step) -> float:
                started = time.monotonic()
                self.room.set_step(step)
                return started

            self.changed[step] = await asyncio.to_thread(move)
            self.step_events[step].set()
            previous = step


def _rating_field(form: Form) -> str:
    return form.data_attr("field") or form.hidden.get("field", "")


def _checked(screen: Screen, suffix: str, attr: str, key: str, name: str) -> str | None:
    """The checked value of radio ``name`` in the form to ``suffix`` whose ``data-<attr>`` is ``key``."""
    for form in screen.forms_to(suffix):
        if form.data_attr(attr) == key or form.hidden.get(attr) == key:
            return form.checked.get(name)
    return None


async def run_device(device: Device, base_url: str, room: Room, join_code: str, rng: random.Random) -> None:
    pace = room.pace
    await asyncio.sleep(rng.uniform(0, pace.join_spread))
    client = Client(base_url, on_screen=device.on_screen)
    try:
        async with client:
            await _join(device, client, room, join_code, rng)
            client.follow()
            room.finished("checkin", device)
            await _rate(device, client, room, rng)
            room.finished("rating", device)
            await _write_cards(device, client, room, rng)
            room.finished("cards", device)
            await _vote(device, client, room, rng)
            room.finished("voting", device)
            await room.wait_for_step(device, "results")
            await asyncio.sleep(pace.linger)
    except Exception as error:  # a device that fails is a finding, not a crash of the run
        device.failures.append(f"{type(error).__name__}: {error}")
        room.drop_out(device)
    finally:
        device.stream = {"connects": client.stream.connects, "events": client.stream.events,
                         "refreshes": client.stream.refreshes, "errors": len(client.stream.errors),
                         "resent": client.resent}
        device.errors.extend(client.stream.errors[:5])


async def _join(device: Device, client: Client, room: Room, join_code: str, rng: random.Random) -> None:
    opened = await client.get(f"/teilnehmen?code={join_code}")
    if opened.screen is None or opened.status != 200:
        raise RuntimeError(f"the join form did not load: {opened.error or opened.status}")
    device.timings["open"].append(opened.seconds)
    form = opened.screen.form(having="join_key")
    if form is None:
        raise RuntimeError("no join form (input join_key) on /teilnehmen?code=…")
    sectors = [s for s in form.options("sector") if s]  # not "no answer": every device names one
    data = form.data(**({"sector": rng.choice(sectors)} if sectors else {}))
    data.setdefault("code", join_code)
    await asyncio.sleep(think(rng, 2.0))
    for _attempt in range(3):  # no answer: send the same form again (its join_key makes that safe)
        answer = await client.submit(form, data)
        if answer.acknowledged or answer.refused:
            break
    if not answer.acknowledged:
        raise RuntimeError(f"join not acknowledged: HTTP {answer.status} {answer.error} "
                           f"{'; '.join(answer.screen.alerts) if answer.screen else ''}")
    if answer.complete:
        device.timings["join"].append(answer.seconds)
    device.token = client.token
    if not device.token:
        raise RuntimeError(f"joined but the page {client.path!r} carries no token")


async def _rate(device: Device, client: Client, room: Room, rng: random.Random) -> None:
    await room.wait_for_step(device, "rating")
    fields = [_rating_field(form) for form in client.screen.forms_to("/rating")]
    if not fields:
        raise RuntimeError("the rating screen has no rating forms")
    for field_id in fields:
        await asyncio.sleep(think(rng, room.pace.rate))
        form = next((f for f in client.screen.forms_to("/rating") if _rating_field(f) == field_id), None)
        if form is None:
            raise RuntimeError(f"the rating form of {field_id} is gone (step {client.screen.step})")
        level = rng.choice(form.options("level"))
        device.ratings[field_id] = level
        answer = await client.submit(form, form.data(field=field_id, level=level))
        if not device.record("rate", answer, f"rate_{field_id}",
                             lambda s: _checked(s, "/rating", "field", field_id, "level") == level):
            if answer.refused:
                del device.ratings[field_id]


async def _write_cards(device: Device, client: Client, room: Room, rng: random.Random) -> None:
    await room.wait_for_step(device, "cards")
    for n in range(1, CARDS_PER_DEVICE + 1):
        await asyncio.sleep(think(rng, room.pace.card))
        group_form = client.screen.form(suffix="/group")
        if group_form is not None and group_form.options("group"):  # a workshop with groups asks first
            answer = await client.submit(group_form, group_form.data(group=rng.choice(group_form.options("group"))))
            if answer.complete:
                device.timings["group"].append(answer.seconds)
        form = client.screen.form(id="card-form") or client.screen.form(suffix="/cards")
        if form is None:
            raise RuntimeError(f"no card form on the card screen (step {client.screen.step})")
        body = f"Lasttest: Gerät {device.number}, Karte {n}. " + rng.choice(IDEAS)
        values = {"kind": rng.choice(form.options("kind") or KINDS), "text": body}
        if form.options("field"):
            values["field"] = rng.choice(form.options("field"))
        device.cards.append(body)
        answer = await client.submit(form, form.data(**values))
        if not device.record("card", answer, f"card {n}", lambda s: any(body in text for text in s.cards.values())):
            if answer.refused:
                device.cards.remove(body)


def _ballot_field(screen: Screen) -> str:
    for form in screen.forms_to("/dots"):
        if form.hidden.get("field"):
            return form.hidden["field"]
    return ""


async def _vote(device: Device, client: Client, room: Room, rng: random.Random) -> None:
    await room.wait_for_step(device, "voting")
    budget = DOT_BUDGET
    looked: set[str] = set()
    while budget > 0:
        # "After picking a field": the device taps a field it has not looked at yet.
        unseen = [f for f in client.screen.field_links if f not in looked]
        if unseen:
            chosen = rng.choice(unseen)
            await asyncio.sleep(think(rng, room.pace.vote))
            answer = await client.get(client.resolve(client.screen.field_links[chosen]))
            if answer.screen is None:
                device.errors.append(f"picking field {chosen}: {answer.error or answer.status}")
                break
            device.timings["field"].append(answer.seconds)
            looked.add(chosen)
        looked.add(_ballot_field(client.screen))
        cards = [int(f.data_attr("card") or f.hidden.get("card", "0")) for f in client.screen.forms_to("/dots")]
        cards = [card for card in cards if card and card not in device.dots]
        rng.shuffle(cards)
        for card in cards:
            if budget == 0:
                break
            await asyncio.sleep(think(rng, room.pace.vote))
            form = next((f for f in client.screen.forms_to("/dots")
                         if (f.data_attr("card") or f.hidden.get("card")) == str(card)), None)
            if form is None:  # the screen changed meanwhile (another field, a moderation)
                continue
            offered = sorted(int(v) for v in form.options("dots") if v.isdigit())
            wanted = min(budget, rng.choice((1, 1, 2)))
            n = max((v for v in offered if v <= wanted), default=0)
            if n == 0:
                continue
            answer = await client.submit(form, form.data(dots=str(n)))
            if device.record("vote", answer, f"dots_{card}",
                             lambda s: _checked(s, "/dots", "card", str(card), "dots") == str(n)):
                device.dots[card] = n
                budget -= n
            elif not answer.refused:
                device.dots[card] = n  # sent without an answer: the check looks for it
                budget -= n
        if not [f for f in client.screen.field_links if f not in looked]:
            break  # every field looked at


async def run_screen(base_url: str, page: str, query: str, stop: asyncio.Event, report: dict) -> None:
    """The facilitator's laptop: a Streamlit page, open and polling like a browser tab.
    (The projector is no Streamlit page: ``bench.load.projector``.)"""
    session = Session(base_url, page, query)
    try:
        report["open_seconds"] = round(await session.open(), 3)
        await stop.wait()
    except Exception as error:
        report.setdefault("failures", []).append(f"{type(error).__name__}: {error}")
    finally:
        report["polls"] = session.polls
        report["runs"] = session.runs_finished
        if session.errors:
            report.setdefault("failures", []).extend(session.errors[:5])
        await session.close()


IDEAS = (
    "Mehr Sprechstunden in leichter Sprache.",
    "Ein Willkommensbüro im Rathaus, auch samstags.",
    "Vereine und Verwaltung treffen sich zweimal im Jahr.",
    "Ausbildungsbetriebe gezielt ansprechen.",
    "Mehrsprachige Infos zur Kita-Anmeldung.",
)
