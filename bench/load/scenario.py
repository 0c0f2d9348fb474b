"""The workshop a load run plays: N devices join, rate, write cards and spend dots.

Each device is a ``Session`` on the participant page. It joins with the code
(picking a sector), waits for the facilitator's step, rates every field, writes
two cards, spends its dots, with think times drawn from a log-normal spread (a
few quick people, most in the middle, some slow). The facilitator (this
process, through the room) moves the step on once every device is done or the
phase has run out of time, and notes when; each device notes when its page
first shows the new step. Every action's time is from sending it to the
server finishing the rerun it started: what the participant waits for.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from bench.load.protocol import Page, Session, Widget, choice, choices, press, text
from bench.load.rooms import DOT_BUDGET
from werkstatt.i18n import t

STEP_OF_HEADING = {t(f"participate.step.{step}"): step
                   for step in ("checkin", "rating", "cards", "voting", "results")}
PHASES = ("rating", "cards", "voting", "results")  # the steps the facilitator opens, in order
CARDS_PER_DEVICE = 2
ACK_TIMEOUT_S = 10.0  # after this, the write counts as unacknowledged (the device goes on)


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
    """What one simulated tablet did, sent and saw."""

    number: int
    token: str = ""
    timings: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ("open", "join", "rate", "card", "vote")})
    ratings: dict[str, str] = field(default_factory=dict)  # field id → label sent
    cards: list[str] = field(default_factory=list)  # texts sent
    dots: dict[int, int] = field(default_factory=dict)  # card id → dots sent
    seen: dict[str, float] = field(default_factory=dict)  # step → when its page first showed it
    unacknowledged: list[str] = field(default_factory=list)  # writes sent whose run never reported back
    stale: list[str] = field(default_factory=list)  # taps on controls the server no longer showed
    failures: list[str] = field(default_factory=list)
    polls: int = 0
    phases_done: set[str] = field(default_factory=set)

    async def submit(self, session: Session, action: str, states: list, what: str, widget: Widget) -> None:
        """Send one write and wait for its rerun, as the participant waits for the screen
        (only the widget's fragment reruns when it lives in one)."""
        seconds = await session.rerun(states, timeout=ACK_TIMEOUT_S, fragment_id=widget.fragment_id)
        if seconds is None:
            if session.closed:
                raise ConnectionError("the connection closed")
            self.unacknowledged.append(what)
            return
        self.timings[action].append(seconds)
        if what.startswith("dots_") and session.page.widget(what) is None:
            # The run answered, but without this card: the tap came from a screen left stale by
            # a dropped run (protocol.Session.rerun), and the server knew no such control. The
            # screen now shows what is stored; the tap was not counted, and not silently.
            self.stale.append(what)

    def on_page(self, page: Page) -> None:
        step = STEP_OF_HEADING.get(page.headings[0] if page.headings else "")
        if step and step not in self.seen:
            self.seen[step] = time.monotonic()


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
        device.phases_done.add(phase)
        self.done[phase] += 1
        if self.done[phase] >= self.devices:
            self.all_done[phase].set()

    def drop_out(self, device: Device) -> None:
        """A failed device is done with every phase: the room does not wait for it."""
        for phase in self.done:
            if phase not in device.phases_done:
                self.finished(phase, device)

    async def wait_for_step(self, device: Device, step: str) -> None:
        """A device learns the step from its own page; the event only saves busy-waiting on it."""
        await self.step_events[step].wait()
        deadline = time.monotonic() + self.pace.phase_timeout
        while step not in device.seen and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if step not in device.seen:
            raise TimeoutError(f"step {step} never reached the page")

    async def drive(self) -> None:
        previous = "checkin"
        for step in PHASES:
            try:
                await asyncio.wait_for(self.all_done[previous].wait(), self.pace.phase_timeout)
            except TimeoutError:
                pass  # the room moves on; the stragglers are reported
            await asyncio.sleep(1.0)  # a breath between steps, as a facilitator takes
            await asyncio.to_thread(self.room.set_step, step)
            self.changed[step] = time.monotonic()
            self.step_events[step].set()
            previous = step


async def run_device(device: Device, base_url: str, room: Room, join_code: str, rng: random.Random) -> None:
    pace = room.pace
    await asyncio.sleep(rng.uniform(0, pace.join_spread))
    session = Session(base_url, "teilnehmen", f"code={join_code}", on_page=device.on_page)
    try:
        device.timings["open"].append(await session.open())
        sector = session.page.widget("join_sector")
        states = [press(session.page.submit_buttons["join_form"])]
        if sector is not None:
            states.append(choice(sector, rng.choice(sector.options)))
        await asyncio.sleep(think(rng, 2.0))
        joined = await session.rerun(states)
        if joined is None:  # a browser would show the join form again: tap once more
            joined = await session.rerun([press(session.page.submit_buttons["join_form"])]) if \
                "join_form" in session.page.submit_buttons else await session.rerun()
        if joined is not None:
            device.timings["join"].append(joined)
        device.token = dict(p.split("=", 1) for p in session.query.split("&") if "=" in p).get("t", "")
        if not device.token:
            raise RuntimeError("joined but got no token")
        room.finished("checkin", device)

        await room.wait_for_step(device, "rating")
        for key in session.page.keys("rate_"):
            await asyncio.sleep(think(rng, pace.rate))
            widget = session.page.widget(key)
            label = rng.choice(widget.options)
            device.ratings[key.removeprefix("rate_")] = label
            await device.submit(session, "rate", [choice(widget, label)], key, widget)
        room.finished("rating", device)

        await room.wait_for_step(device, "cards")
        for n in range(1, CARDS_PER_DEVICE + 1):
            await asyncio.sleep(think(rng, pace.card))
            page = session.page
            if page.widget("pick_group") is not None:  # a workshop with groups asks first
                group = page.widget("pick_group")
                await session.rerun([choice(group, rng.choice(group.options))], fragment_id=group.fragment_id)
                page = session.page
            body = f"Lasttest: Gerät {device.number}, Karte {n}. " + rng.choice(IDEAS)
            submit = page.submit_buttons["card_form"]
            states = [choice(page.widget("card_kind"), rng.choice(page.widget("card_kind").options)),
                      text(page.widget("card_text"), body), press(submit)]
            if page.widget("card_field") is not None:
                states.append(choice(page.widget("card_field"), rng.choice(page.widget("card_field").options)))
            device.cards.append(body)
            await device.submit(session, "card", states, f"card {n}", submit)
        room.finished("cards", device)

        await room.wait_for_step(device, "voting")
        budget = DOT_BUDGET
        for _ in range(4):  # a look at up to four fields' cards
            if budget == 0:
                break
            fields = session.page.widget("ballot_field")
            if fields is not None:  # one field's cards at a time: pick one
                await asyncio.sleep(think(rng, pace.vote))
                await session.rerun([choices(fields, [rng.choice(fields.options)])], fragment_id=fields.fragment_id)
            keys = [key for key in session.page.keys("dots_") if int(key.removeprefix("dots_")) not in device.dots]
            rng.shuffle(keys)
            for key in keys:
                if budget == 0:
                    break
                n = min(budget, rng.choice((1, 1, 2)))
                await asyncio.sleep(think(rng, pace.vote))
                widget = session.page.widget(key)
                if widget is None:  # the fragment showed another field meanwhile
                    continue
                device.dots[int(key.removeprefix("dots_"))] = n
                await device.submit(session, "vote", [choices(widget, [widget.options[n]])], key, widget)
                budget -= n
        room.finished("voting", device)

        await room.wait_for_step(device, "results")
        await asyncio.sleep(pace.linger)
    except Exception as error:  # a device that fails is a finding, not a crash of the run
        device.failures.append(f"{type(error).__name__}: {error}")
        room.drop_out(device)
    finally:
        device.failures.extend(session.errors)
        device.polls = session.polls
        await session.close()


async def run_screen(base_url: str, page: str, query: str, stop: asyncio.Event, failures: list[str]) -> None:
    """The facilitator's laptop or the projector: open, then just keep polling like a browser."""
    session = Session(base_url, page, query)
    try:
        await session.open()
        await stop.wait()
    except Exception as error:
        failures.append(f"{page}: {type(error).__name__}: {error}")
    finally:
        failures.extend(f"{page}: {e}" for e in session.errors)
        await session.close()


IDEAS = (
    "Mehr Sprechstunden in leichter Sprache.",
    "Ein Willkommensbüro im Rathaus, auch samstags.",
    "Vereine und Verwaltung treffen sich zweimal im Jahr.",
    "Ausbildungsbetriebe gezielt ansprechen.",
    "Mehrsprachige Infos zur Kita-Anmeldung.",
)
