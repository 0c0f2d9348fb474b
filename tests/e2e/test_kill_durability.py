"""SIGKILL mid-stream: every acknowledged write survives, and every phone finds itself again.

Twenty simulated phones (``bench.load.device.Client``: plain HTTP, as the participant pages
of ``werkstatt.web`` are used) join and rate as fast as they can; the server process is
killed with SIGKILL while their writes are in flight, as a power cut or the out-of-memory
killer would. A rating counts as acknowledged when its POST got the ``303`` that leads to the
screen showing it (``Answer.acknowledged``): the server promised it was stored. After a
restart on the same database, read straight from the SQLite file: each acknowledged rating is
stored with the level sent, nothing is stored that no phone sent, the file passes
``PRAGMA integrity_check``, and each phone, opening its address ``/p/<token>`` again, lands
on its own participant, sees its own answers and can go on.

Its own module, so its own server: killing it cannot disturb the other browser tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sqlite3

import pytest

from bench.load.device import Client
from bench.load.screen import Form, Screen
from tests.e2e.conftest import crash_and_restart
from werkstatt.web.screens import DONT_KNOW

pytestmark = pytest.mark.browser

DEVICES = 20
KILL_AFTER_ACKS = 60  # of 20 × 7 = 140 ratings: well inside the stream


class Phone:
    def __init__(self, number: int):
        self.number = number
        self.token = ""
        self.sent: dict[str, str] = {}  # field id → the level sent (acknowledged or not)
        self.acknowledged: dict[str, str] = {}  # field id → the level whose POST was answered 303
        self.refused: list[str] = []


def rating_forms(screen: Screen) -> dict[str, Form]:
    """The rating step's forms, by field."""
    return {form.hidden["field"]: form for form in screen.forms_to("/rating")}


def stored_level(level: str) -> int | None:
    """A level as the form sends it ("3", "dont_know") as the database holds it."""
    return None if level == DONT_KNOW else int(level)


async def join(client: Client, code: str, phone: Phone) -> None:
    """Open the QR link and take part; the 303 leads to the phone's own screen."""
    opened = await client.get(f"/teilnehmen?code={code}")
    assert opened.status == 200 and opened.screen is not None, opened.error
    form = opened.screen.form(having="join_key")
    assert form is not None, "no join form on /teilnehmen?code=…"
    for _attempt in range(3):  # no answer: the same form again (its join_key makes that safe)
        answer = await client.submit(form, form.data())
        if answer.acknowledged:
            break
    assert answer.complete and client.screen.step == "rating", (answer.status, answer.error)
    phone.token = client.token


async def rate_until_killed(client: Client, phone: Phone, rng: random.Random) -> None:
    """Each field once, in a random order: a stored value can only be this phone's one write.
    After the kill every request fails at once (no answer), so the loop runs out quickly."""
    forms = rating_forms(client.screen)
    assert len(forms) == 7, f"{len(forms)} rating forms on {client.path}"
    fields = list(forms)
    rng.shuffle(fields)
    for field_id in fields:
        form = forms[field_id]
        level = rng.choice(form.options("level"))
        phone.sent[field_id] = level
        answer = await client.submit(form, form.data(level=level))
        if answer.acknowledged:
            phone.acknowledged[field_id] = level
        elif answer.refused:
            phone.refused.append(f"{field_id}={level}: {answer.screen.alerts if answer.screen else ''}")
        await asyncio.sleep(rng.uniform(0.0, 0.05))


async def stream_then_kill(base_url: str, code: str, phones: list[Phone], app_server) -> None:
    async with contextlib.AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(Client(base_url)) for _ in phones]
        await asyncio.gather(*(join(client, code, phone) for client, phone in zip(clients, phones)))
        rng = random.Random(7)
        streams = [asyncio.create_task(rate_until_killed(c, p, random.Random(rng.random())))
                   for c, p in zip(clients, phones)]
        while sum(len(p.acknowledged) for p in phones) < KILL_AFTER_ACKS:
            assert not all(s.done() for s in streams), "every phone finished before the kill"
            await asyncio.sleep(0.005)
        app_server.process.kill()  # SIGKILL: no shutdown handler runs
        await asyncio.gather(*streams)


def stored_ratings(db_path, workshop_id: int) -> dict[tuple[str, str], int | None]:
    """(token, field id) → level, read from the SQLite file itself, not through the service."""
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        rows = db.execute("SELECT p.token, r.field_id, r.level FROM ratings r "
                          "JOIN participants p ON p.id = r.participant_id WHERE p.workshop_id = ?",
                          (workshop_id,)).fetchall()
    return {(token, field_id): level for token, field_id, level in rows}


async def come_back(base_url: str, phones: list[Phone], field_id: str) -> list[str]:
    """Each phone opens its address again (a new tab, no cookie): its own screen, its own answers;
    then it taps "fest verankert" (4) for ``field_id``. Returns what was wrong, per phone."""

    async def one(phone: Phone) -> list[str]:
        problems = []
        async with Client(base_url) as client:
            opened = await client.get(f"/p/{phone.token}")
            if opened.status != 200 or opened.screen is None or opened.screen.step != "rating":
                return [f"{phone.token}: HTTP {opened.status}, step {opened.screen and opened.screen.step!r}"]
            forms = rating_forms(opened.screen)
            if any(f"/p/{phone.token}/" not in form.action for form in forms.values()):
                problems.append(f"{phone.token}: forms of another participant")
            shown = {f: form.checked.get("level") for f, form in forms.items() if form.checked.get("level")}
            if any(shown.get(f) != level for f, level in phone.acknowledged.items()):
                problems.append(f"{phone.token}: shows {shown}, acknowledged {phone.acknowledged}")
            answer = await client.submit(forms[field_id], forms[field_id].data(level="4"))
            if not answer.complete or rating_forms(answer.screen)[field_id].checked.get("level") != "4":
                problems.append(f"{phone.token}: a tap after the restart: {answer.status} {answer.error}")
        return problems

    return [p for problems in await asyncio.gather(*(one(phone) for phone in phones)) for p in problems]


def test_acknowledged_ratings_survive_sigkill_and_phones_find_themselves(werkstatt, app_server):
    workshop = werkstatt.create_workshop(title="Stromausfall", municipality="Musterstadt",
                                         facilitator_pin="2468")
    werkstatt.set_live_step(workshop.id, "rating")
    fieldset = werkstatt.fieldset(workshop)
    phones = [Phone(n) for n in range(DEVICES)]

    asyncio.run(stream_then_kill(app_server.base_url, workshop.join_code, phones, app_server))

    assert len({p.token for p in phones}) == DEVICES  # twenty participants, each its own
    assert [r for p in phones for r in p.refused] == []
    acknowledged = {(p.token, f): stored_level(level) for p in phones for f, level in p.acknowledged.items()}
    sent = {(p.token, f): stored_level(level) for p in phones for f, level in p.sent.items()}
    assert len(acknowledged) >= KILL_AFTER_ACKS
    # The kill fell mid-stream: some phones had not finished.
    assert len(acknowledged) < DEVICES * len(fieldset.fields)

    crash_and_restart(app_server)  # the kill already happened; this starts it again on the same file

    with contextlib.closing(sqlite3.connect(app_server.db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = stored_ratings(app_server.db_path, workshop.id)
    missing = {key: level for key, level in acknowledged.items() if stored.get(key, "missing") != level}
    assert not missing, f"{len(missing)} acknowledged ratings lost or changed: {missing}"
    invented = {key: level for key, level in stored.items() if sent.get(key, "never sent") != level}
    assert not invented, f"stored, but no phone sent it: {invented}"
    print(f"\n[e2e] {len(acknowledged)} ratings acknowledged before the kill, {len(stored)} stored, "
          f"{len(sent)} sent")
    assert werkstatt.progress(workshop.id).participants == DEVICES  # nobody joined twice

    first = fieldset.fields[0].id
    assert asyncio.run(come_back(app_server.base_url, phones, first)) == []
    stored = stored_ratings(app_server.db_path, workshop.id)
    assert {token: stored.get((token, first)) for token in (p.token for p in phones)} == {
        p.token: 4 for p in phones}
