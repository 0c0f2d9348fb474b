"""Server CPU of one full run of the participant page, per step, Werkstatt against the floor.

    python -m bench.load.page_cost [--steps checkin,rating,voting] [--runs 80]

One device joins, the step is set, and the device reruns its page ``--runs``
times, one after another, on an otherwise idle server. The server's CPU time
divided by the runs is what one tablet's page costs; a step change costs about
that times the number of tablets, because all of them rerun at once and share
one process (bench/README.md, "Where it breaks").
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

import psutil

from bench.load.protocol import Session, choice, press, text
from bench.load.rooms import ROOMS
from bench.load.server import launch

CARDS = 30  # on the ballot: written by the measuring device, so the page has cards to show


async def _measure(room, url: str, step: str, runs: int, pid: int) -> tuple[float, int]:
    session = Session(url, "teilnehmen", f"code={room.join_code}")
    await session.open()
    await session.rerun([press(session.page.submit_buttons["join_form"])])
    if step == "voting":  # a ballot needs cards: write them in the card step first
        room.set_step("cards")
        await asyncio.sleep(3)
        for n in range(CARDS):
            page = session.page
            await session.rerun([choice(page.widget("card_kind"), page.widget("card_kind").options[1]),
                                 text(page.widget("card_text"), f"Karte {n} für die Messung"),
                                 press(page.submit_buttons["card_form"])],
                                fragment_id=page.submit_buttons["card_form"].fragment_id)
    room.set_step(step)
    await asyncio.sleep(3)  # the poll brings the page to the step
    for _ in range(5):
        await session.rerun()
    server = psutil.Process(pid)
    before = sum(server.cpu_times()[:2])
    for _ in range(runs):
        await session.rerun()
    cost = (sum(server.cpu_times()[:2]) - before) / runs
    widgets = len(session.page.widgets)
    await session.close()
    return cost, widgets


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load.page_cost", description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", default="checkin,rating,voting")
    parser.add_argument("--runs", type=int, default=80)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="werkstatt-page-cost-") as scratch:
        home = Path(scratch)
        for step in args.steps.split(","):
            for name in ("werkstatt", "floor"):
                room = ROOMS[name](home / f"{name}-{step}.db")
                server = launch(room.script, room.env(), home / f"{name}-{step}.log")
                try:
                    cost, widgets = asyncio.run(_measure(room, server.url, step, args.runs, server.pids[0]))
                finally:
                    server.stop()
                    room.close()
                print(f"{step:<8} {name:<10} {cost * 1000:6.1f} ms server CPU per page run ({widgets} widgets)")


if __name__ == "__main__":
    main()
