"""SIGKILL mid-stream: every acknowledged write survives, and every tablet finds itself again.

Twenty simulated tablets (``bench.load.protocol.Session``, Streamlit's own
websocket protocol) join and rate as fast as they can; the server process is
killed with SIGKILL while their writes are in flight, as a power cut or the
out-of-memory killer would. After a restart on the same database: each rating
whose rerun the server had finished before the kill is stored, the file passes
``PRAGMA integrity_check``, and each tablet, opening its link again, lands on
its own participant and can go on.

Its own module, so its own server: killing it cannot disturb the other browser tests.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3

import pytest

from bench.load.protocol import Session, choice, press
from tests.e2e.conftest import crash_and_restart

pytestmark = pytest.mark.browser

DEVICES = 20
KILL_AFTER_ACKS = 60  # of 20 × 7 = 140 ratings: well inside the stream


class Tablet:
    def __init__(self, number: int):
        self.number = number
        self.token = ""
        self.acknowledged: dict[str, str] = {}  # field id → the label whose rerun the server finished


async def _join(base_url: str, code: str, tablet: Tablet) -> Session:
    session = Session(base_url, "teilnehmen", f"code={code}")
    await session.open()
    assert await session.rerun([press(session.page.submit_buttons["join_form"])]) is not None
    tablet.token = dict(p.split("=", 1) for p in session.query.split("&"))["t"]
    return session


async def _rate_until_killed(session: Session, tablet: Tablet, rng: random.Random) -> None:
    """Each field once, in a random order: a stored value can only be this tablet's one write."""
    keys = session.page.keys("rate_")
    rng.shuffle(keys)
    for key in keys:
        widget = session.page.widget(key)
        label = rng.choice(widget.options)
        if await session.rerun([choice(widget, label)], timeout=5) is None:
            if session.closed:
                return  # the server is gone
            continue  # Streamlit dropped this acknowledgement (protocol.Session.rerun): nothing promised
        tablet.acknowledged[key.removeprefix("rate_")] = label
        await asyncio.sleep(rng.uniform(0.05, 0.4))


async def _stream_then_kill(base_url: str, code: str, tablets: list[Tablet], app_server) -> None:
    sessions = await asyncio.gather(*(_join(base_url, code, tablet) for tablet in tablets))
    rng = random.Random(7)
    streams = [asyncio.create_task(_rate_until_killed(s, t, random.Random(rng.random())))
               for s, t in zip(sessions, tablets)]
    while sum(len(t.acknowledged) for t in tablets) < KILL_AFTER_ACKS:
        await asyncio.sleep(0.01)
    app_server.process.kill()  # SIGKILL: no shutdown handler runs
    await asyncio.gather(*streams)
    for session in sessions:
        await session.close()


async def _reopen(base_url: str, tablet: Tablet) -> Session:
    """What the browser does after a reconnect: run the page again with the link it holds."""
    session = Session(base_url, "teilnehmen", f"t={tablet.token}")
    await session.open()
    return session


def test_acknowledged_ratings_survive_sigkill_and_tablets_find_themselves(werkstatt, app_server):
    workshop = werkstatt.create_workshop(title="Stromausfall", municipality="Musterstadt", facilitator_pin="2468")
    werkstatt.set_live_step(workshop.id, "rating")
    fieldset = werkstatt.fieldset(workshop)
    tablets = [Tablet(n) for n in range(DEVICES)]

    asyncio.run(_stream_then_kill(app_server.base_url, workshop.join_code, tablets, app_server))

    acknowledged = {(t.token, f): label for t in tablets for f, label in t.acknowledged.items()}
    assert len(acknowledged) >= KILL_AFTER_ACKS
    # The kill fell mid-stream: some tablets had not finished.
    assert len(acknowledged) < DEVICES * len(fieldset.fields)

    crash_and_restart(app_server)  # the kill already happened; this starts it again on the same file

    with sqlite3.connect(app_server.db_path) as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    labels = {level.label.get("de"): level.value for level in fieldset.scale.levels}
    labels[fieldset.scale.dont_know.get("de")] = None
    for (token, field_id), label in acknowledged.items():
        assert werkstatt.my_ratings(token).get(field_id, "missing") == labels[label], (token, field_id)
    assert werkstatt.progress(workshop.id).participants == DEVICES  # nobody joined twice

    async def come_back() -> None:
        for tablet in tablets:
            session = await _reopen(app_server.base_url, tablet)
            try:
                assert session.page.headings[0] == "Ihre Einschätzung", session.page.headings
                assert "join_form" not in session.page.submit_buttons
                assert tablet.token in session.query
                # and goes on: a tap after the restart is stored for the same participant
                widget = session.page.widget(f"rate_{fieldset.fields[0].id}")
                assert await session.rerun([choice(widget, "fest verankert")]) is not None
            finally:
                await session.close()

    asyncio.run(come_back())
    for tablet in tablets:
        assert werkstatt.my_ratings(tablet.token)[fieldset.fields[0].id] == 4
