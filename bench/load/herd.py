"""A step change's herd alone: N phones, each on its kept-alive connection, fetch their page at once.

    python -m bench.load.herd --devices 300 [--step rating] [--rounds 5]

N participants join a fresh workshop whose live step is ``--step``; the server (``streamlit run
app.py``) starts; each device fetches its page once to open its connection, then all fetch at
the same moment, ``--rounds`` times. Printed per round: when the median, the 95th percentile and
the last page had arrived. No event stream and no facilitator: just what N page fetches at once
cost one process, the bulk of a step change in the full scenario (``python -m bench.load``).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.load.rooms import WerkstattRoom
from bench.load.server import allow_open_files, launch


async def _rounds(url: str, tokens: list[str], rounds: int) -> list[tuple[float, float, float]]:
    sessions = [aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) for _ in tokens]
    try:
        for session, token in zip(sessions, tokens):
            async with session.get(f"{url}/p/{token}") as response:
                await response.read()
        results = []
        for _ in range(rounds):
            start = time.perf_counter()

            async def fetch(session, token):
                async with session.get(f"{url}/p/{token}") as response:
                    await response.read()
                return time.perf_counter() - start

            times = sorted(await asyncio.gather(*(fetch(s, t) for s, t in zip(sessions, tokens))))
            results.append((times[len(times) // 2], times[round(0.95 * (len(times) - 1))], times[-1]))
            await asyncio.sleep(0.5)
        return results
    finally:
        for session in sessions:
            await session.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load.herd", description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=300)
    parser.add_argument("--step", default="rating", help="checkin, rating, cards, voting or results")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    allow_open_files(args.devices)
    with tempfile.TemporaryDirectory(prefix="werkstatt-herd-") as scratch:
        home = Path(scratch)
        room = WerkstattRoom(home / "herd.db", devices=args.devices)
        tokens = [room.app.join(room.join_code).token for _ in range(args.devices)]
        room.app.set_live_step(room.workshop.id, args.step)
        server = launch(room.script, room.env(), home / "server.log")
        try:
            for p50, p95, last in asyncio.run(_rounds(server.url, tokens, args.rounds)):
                print(f"{args.devices} pages at once ({args.step}): p50 {p50 * 1000:.0f} ms, "
                      f"p95 {p95 * 1000:.0f} ms, last {last * 1000:.0f} ms")
        finally:
            server.stop()
            room.close()


if __name__ == "__main__":
    main()
