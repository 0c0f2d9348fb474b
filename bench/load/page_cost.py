"""Server CPU of one participant page fetch, per step, Werkstatt against the floor.

    python -m bench.load.page_cost [--steps checkin,rating,cards,voting,results] [--fetches 200]

One device joins, the step is set, and the device fetches its page (``GET /p/<token>``)
``--fetches`` times, one after another, on an otherwise idle server. The server's CPU
time divided by the fetches is what one phone's page costs; a step change costs about
that times the number of phones (they all fetch at once), plus one queue put each.
For the ballot the device first writes 30 cards (``CARDS``), so there is something
to show. The bytes are the page's HTML as sent (uncompressed).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

import psutil

from bench.load.device import Client
from bench.load.rooms import ROOMS
from bench.load.server import launch

CARDS = 30  # on the ballot: written by the measuring device, so the page has cards to show


async def _measure(room, url: str, step: str, fetches: int, pid: int) -> tuple[float, int]:
    async with Client(url) as client:
        opened = await client.get(f"/teilnehmen?code={room.join_code}")
        form = opened.screen.form(having="join_key")
        await client.submit(form, form.data(sector=form.options("sector")[0]))
        if step == "voting":  # a ballot needs cards: write them in the card step first
            room.set_step("cards")
            await client.get(client.path)
            for n in range(CARDS):
                card_form = client.screen.form(id="card-form") or client.screen.form(suffix="/cards")
                answer = await client.submit(card_form, card_form.data(
                    kind=("gap", "idea")[n % 2], field=card_form.options("field")[n % 3] if card_form.options("field") else "",
                    text=f"Karte {n} für die Messung"))
                if not answer.acknowledged:
                    raise RuntimeError(f"card {n} was not stored: {answer.error or answer.status}")
        if step != "checkin":
            room.set_step(step)
        for _ in range(10):  # warm: templates compiled, caches filled
            await client.get(client.path)
        if client.screen.step != step:
            raise RuntimeError(f"the page shows {client.screen.step!r}, not {step!r}")
        server = psutil.Process(pid)
        before = sum(server.cpu_times()[:2])
        for _ in range(fetches):
            await client.get(client.path)
        cost = (sum(server.cpu_times()[:2]) - before) / fetches
        return cost, client.screen.size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load.page_cost", description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", default="checkin,rating,cards,voting,results")
    parser.add_argument("--fetches", type=int, default=200)
    parser.add_argument("--rooms", default="werkstatt,floor")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="werkstatt-page-cost-") as scratch:
        home = Path(scratch)
        for step in args.steps.split(","):
            for name in args.rooms.split(","):
                room = ROOMS[name](home / f"{name}-{step}.db")
                server = launch(room.script, room.env(), home / f"{name}-{step}.log")
                try:
                    cost, size = asyncio.run(_measure(room, server.url, step, args.fetches, server.pids[0]))
                finally:
                    server.stop()
                    room.close()
                print(f"{step:<8} {name:<10} {cost * 1000:6.2f} ms server CPU per page fetch ({size / 1024:.1f} KiB HTML)",
                      flush=True)


if __name__ == "__main__":
    main()
