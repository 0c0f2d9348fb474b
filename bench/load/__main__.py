"""Run a room of simulated tablets against a real server and print what it took.

    python -m bench.load --devices 150                 # Werkstatt, then Streamlit's floor
    python -m bench.load --devices 150 --processes 2   # Werkstatt on 2 processes behind nginx
    python -m bench.load --devices 20 --pace 0.3 --rooms werkstatt --json out.json

Each run starts its own server on a fresh database in a temporary directory,
plays the scenario of ``scenario.py`` (join, rate, 2 cards, dots, with the
facilitator's laptop and the projector connected), stops the server and
checks the database against what the devices sent and saw acknowledged.
Figures: per action p50/p95/max seconds from sending to the finished rerun;
per step change the seconds until each device showed the new step; the
server's CPU and peak memory; and for Werkstatt the ratio of each figure to
the floor measured in the same invocation. The generator shares the machine
with the server, as it would share nothing in a real room: the figures are an
upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import platform
import random
import statistics
import sys
import tempfile
from pathlib import Path

import psutil

from bench.load.rooms import ROOMS
from bench.load.scenario import PHASES, Device, Pace, Room, run_device, run_screen
from bench.load.server import Meter, launch

TARGETS = {"step_p95_s": 3.0, "submit_p95_s": 0.5}
SUBMITS = ("join", "rate", "card", "vote")


def percentiles(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "max": None}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(values), "p50": round(statistics.median(ordered), 3), "p95": round(p95, 3),
            "max": round(ordered[-1], 3)}


def check(room, devices: list[Device]) -> dict[str, int]:
    """Compare the database with what the devices sent.

    ``lost``: a write whose rerun was acknowledged, missing or different in the
    database (must be 0). ``unacknowledged_missing``: a write sent without an
    acknowledgement (the server may never have run it) that is not stored.
    ``ignored_on_stale_screen``: a dot tapped on a card the server no longer
    showed (the screen was stale after a dropped run); the answer showed it
    uncounted.
    ``doubled``: a row nobody sent, a card stored twice, a participant too many.
    """
    joined = [d for d in devices if d.token]
    stored = room.stored([d.token for d in joined])
    counts = {"expected_participants": len(joined), "stored_participants": stored.participants,
              "expected_ratings": 0, "expected_cards": 0, "expected_dots": 0,
              "lost": max(0, len(joined) - stored.participants), "unacknowledged_missing": 0,
              "ignored_on_stale_screen": 0,
              "doubled": max(0, stored.participants - len(joined))}

    examples: list[str] = []

    def missing(what: str) -> None:
        if what in device.unacknowledged:
            counts["unacknowledged_missing"] += 1
        elif what in device.stale:
            counts["ignored_on_stale_screen"] += 1
        else:
            counts["lost"] += 1
            if len(examples) < 10:
                examples.append(f"device {device.number}: {what}")

    for device in joined:
        ratings, cards, dots = (stored.ratings[device.token], stored.cards[device.token],
                                stored.dots[device.token])
        counts["expected_ratings"] += len(device.ratings)
        counts["expected_cards"] += len(device.cards)
        counts["expected_dots"] += sum(device.dots.values())
        for field_id, label in device.ratings.items():
            if ratings.get(field_id, "missing") != room.level(label):
                missing(f"rate_{field_id}")
        for n, text in enumerate(device.cards, start=1):
            if text not in cards:
                missing(f"card {n}")
        for card_id, n in device.dots.items():
            if dots.get(card_id, 0) != n:
                missing(f"dots_{card_id}")
        counts["doubled"] += (len(set(ratings) - set(device.ratings)) + len(cards) - len(set(cards))
                              + len(set(cards) - set(device.cards)) + len(set(dots) - set(device.dots)))
    return {**counts, "lost_examples": examples}


async def play(room, base_url: str, n: int, pace: Pace, seed: int) -> tuple[list[Device], Room, list[str]]:
    rng = random.Random(seed)
    facilitator = Room(room, n, pace)
    devices = [Device(i) for i in range(1, n + 1)]
    stop = asyncio.Event()
    screen_failures: list[str] = []
    screens = [asyncio.create_task(run_screen(base_url, page, query, stop, screen_failures))
               for page, query in room.screens()]
    driver = asyncio.create_task(facilitator.drive())
    await asyncio.gather(*(run_device(d, base_url, facilitator, room.join_code, random.Random(rng.random()))
                           for d in devices))
    await driver
    stop.set()
    await asyncio.gather(*screens)
    return devices, facilitator, screen_failures


def run(room_name: str, n: int, processes: int, pace: Pace, seed: int, home: Path) -> dict:
    db_path = home / f"{room_name}-{n}-{processes}.db"
    room = ROOMS[room_name](db_path)
    log = home / f"{room_name}-{n}-{processes}.log"
    if processes == 1:
        server = launch(room.script, room.env(), log)
    else:
        from deploy.serve_multi import start  # nginx in front of several app processes
        server = start(db_path, processes=processes, workdir=home / f"nginx-{n}-{processes}")
    pids = list(server.pids)
    if processes > 1:  # nginx's master and workers are part of the server's cost
        nginx = psutil.Process(server.nginx.pid)
        pids += [nginx.pid, *(child.pid for child in nginx.children())]
    generator = psutil.Process()
    cpu_before = sum(generator.cpu_times()[:2])
    try:
        with Meter(pids) as meter:
            devices, facilitator, screen_failures = asyncio.run(play(room, server.url, n, pace, seed))
    finally:
        server.stop()
    step_latency = {step: [d.seen[step] - facilitator.changed[step] for d in devices
                           if step in d.seen and step in facilitator.changed] for step in PHASES}
    all_steps = [v for values in step_latency.values() for v in values]
    failures = [f"device {d.number}: {f}" for d in devices for f in d.failures] + screen_failures
    figures = {
        "room": room_name, "devices": n, "processes": processes,
        "actions": {action: percentiles([v for d in devices for v in d.timings[action]])
                    for action in ("open", *SUBMITS)},
        "submits": percentiles([v for d in devices for a in SUBMITS for v in d.timings[a]]),
        "step_change": {"all": percentiles(all_steps),
                        **{step: percentiles(values) for step, values in step_latency.items()},
                        "missed": sum(step not in d.seen for d in devices for step in facilitator.changed)},
        "polls": sum(d.polls for d in devices),
        "server": meter.figures(),
        "generator_cpu_seconds": round(sum(generator.cpu_times()[:2]) - cpu_before, 1),
        "check": check(room, devices),
        "unacknowledged_writes": sum(len(d.unacknowledged) for d in devices),
        "failures": failures[:20],
        "failed_devices": sum(bool(d.failures) for d in devices),
    }
    room.close()
    figures["meets_targets"] = meets(figures)
    return figures


def meets(figures: dict) -> bool:
    step_p95 = figures["step_change"]["all"]["p95"]
    submit_p95 = figures["submits"]["p95"]
    return (step_p95 is not None and step_p95 <= TARGETS["step_p95_s"]
            and submit_p95 is not None and submit_p95 <= TARGETS["submit_p95_s"]
            and figures["step_change"]["missed"] == 0 and figures["failed_devices"] == 0
            and figures["check"]["lost"] == 0 and figures["check"]["doubled"] == 0)


def ratios(app: dict, floor: dict) -> dict[str, float | None]:
    """Werkstatt's figure divided by the floor's: 1.0 means it costs what Streamlit costs."""
    def ratio(a, b):
        return round(a / b, 2) if a is not None and b else None
    pairs = {f"{action}_p95": (app["actions"][action]["p95"], floor["actions"][action]["p95"]) for action in SUBMITS}
    pairs["submit_p95"] = (app["submits"]["p95"], floor["submits"]["p95"])
    pairs["step_p95"] = (app["step_change"]["all"]["p95"], floor["step_change"]["all"]["p95"])
    pairs["server_cpu"] = (app["server"]["cpu_seconds"], floor["server"]["cpu_seconds"])
    pairs["peak_rss"] = (app["server"]["peak_rss_mib"], floor["server"]["peak_rss_mib"])
    return {name: ratio(a, b) for name, (a, b) in pairs.items()}


def show(figures: dict) -> None:
    def fmt(p):
        return "–" if p["n"] == 0 else f"p50 {p['p50']*1000:6.0f} ms  p95 {p['p95']*1000:6.0f} ms  max {p['max']*1000:6.0f} ms  (n={p['n']})"
    print(f"\n== {figures['room']}: {figures['devices']} devices, {figures['processes']} process(es)")
    for action, p in figures["actions"].items():
        print(f"  {action:<12} {fmt(p)}")
    print(f"  {'all submits':<12} {fmt(figures['submits'])}")
    for step in ("all", *PHASES):
        print(f"  step {step:<7} {fmt(figures['step_change'][step])}")
    print(f"  step changes never seen: {figures['step_change']['missed']}   polls answered: {figures['polls']}")
    print(f"  server: {figures['server']}   generator CPU: {figures['generator_cpu_seconds']} s")
    print(f"  check: {figures['check']}   unacknowledged writes: {figures['unacknowledged_writes']}")
    print(f"  failed devices: {figures['failed_devices']}  {figures['failures'][:3]}")
    print(f"  meets targets (step p95 <= 3 s, submit p95 <= 500 ms, nothing lost or doubled): {figures['meets_targets']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=150)
    parser.add_argument("--processes", type=int, default=1, help="app processes (more than 1: behind nginx)")
    parser.add_argument("--rooms", default="werkstatt,floor", help="werkstatt, floor, or both (comma)")
    parser.add_argument("--pace", type=float, default=1.0, help="multiply every think time (0.3 = hurried)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", type=Path, help="keep databases and server logs in this folder")
    args = parser.parse_args(argv)
    pace = Pace().scaled(args.pace)
    results = {"date": dt.date.today().isoformat(), "machine": f"{platform.node()}: {psutil.cpu_count()} cores, "
               f"{round(psutil.virtual_memory().total / 2**30)} GiB, Python {platform.python_version()}",
               "command": "python -m bench.load " + " ".join(sys.argv[1:] if argv is None else argv), "runs": []}
    with tempfile.TemporaryDirectory(prefix="werkstatt-load-") as scratch:
        home = args.keep or Path(scratch)
        home.mkdir(parents=True, exist_ok=True)
        for room_name in args.rooms.split(","):
            processes = args.processes if room_name == "werkstatt" else 1
            figures = run(room_name, args.devices, processes, pace, args.seed, home)
            show(figures)
            results["runs"].append(figures)
    by_room = {r["room"]: r for r in results["runs"]}
    if {"werkstatt", "floor"} <= set(by_room):
        results["ratio_to_floor"] = ratios(by_room["werkstatt"], by_room["floor"])
        print(f"\n  Werkstatt / floor: {results['ratio_to_floor']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0 if all(r["meets_targets"] for r in results["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
