"""Run a room of simulated phones against a real server and print what it took.

    python -m bench.load --devices 150                 # Werkstatt, then the floor
    python -m bench.load --devices 150 --processes 2   # Werkstatt on 2 processes behind nginx
    python -m bench.load --devices 20 --pace 0.2 --rooms werkstatt --json out.json

Each run starts its own server on a fresh database in a temporary directory and
plays the scenario of ``scenario.py``: the participant devices speak HTTP and
Server-Sent Events like the pages of ``werkstatt/web/`` (``device.py``), the
facilitator's console stays connected over Streamlit's own protocol
(``protocol.py``), the projector polls ``/beamer/stage`` once a second as its
page's script does (``projector.py``), and the facilitator moves the step through
the service. Then it stops the server and checks the database against what the
devices sent and saw acknowledged.

Figures: per action p50/p95/max seconds (a submit: from the POST until the page its
303 leads to has arrived); per step change the seconds from ``set_live_step`` until
each device had fetched a page showing the new step, and until the event that made
it fetch arrived; for the projector its polls, the share answered 204 (nothing
changed), the stages it fetched with their p50/p95/max seconds, and the seconds from
``set_live_step`` until its stage showed the new step; the server's CPU seconds, per
device, and peak memory; the generator's own CPU and how late its event loop ran. The
generator shares the machine with the server: the figures are an upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.load.projector import Projector
from bench.load.rooms import ROOMS
from bench.load.scenario import ACTIONS, PHASES, Device, Pace, Room, run_device, run_screen
from bench.load.server import Meter, allow_open_files, launch

TARGETS = {"step_p95_s": 3.0, "submit_p95_s": 0.5}
SUBMITS = ("join", "rate", "card", "vote")


def percentiles(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "max": None}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(values), "p50": round(statistics.median(ordered), 3), "p95": round(p95, 3),
            "max": round(ordered[-1], 3)}


def check(room, devices: list[Device]) -> dict:
    """Compare the database with what the devices sent.

    ``lost``: a write the server acknowledged (303, and the page it led to arrived),
    missing or different in the database; must be 0. ``unacknowledged_missing``: a
    write sent without an acknowledgement (no answer in time, the connection dropped,
    an HTTP error) that is not stored; ``unacknowledged_stored``: one that is.
    Refused writes (422) are not expected in the database. ``doubled``: a row nobody
    sent, a card stored twice, a participant too many (the same join form sent twice
    must find the same participant).
    """
    joined = [d for d in devices if d.token]
    tokens = {d.token for d in joined}
    stored = room.stored(sorted(tokens))
    counts = {"expected_participants": len(joined), "stored_participants": stored.participants,
              "expected_ratings": 0, "expected_cards": 0, "expected_dots": 0,
              "lost": max(0, len(tokens) - stored.participants), "unacknowledged_missing": 0,
              "unacknowledged_stored": 0,
              "doubled": max(0, stored.participants - len(tokens)) + (len(joined) - len(tokens))}
    examples: list[str] = []

    def compare(device: Device, what: str, ok: bool) -> None:
        unacknowledged = what in device.unacknowledged
        if ok:
            counts["unacknowledged_stored"] += unacknowledged
        elif unacknowledged:
            counts["unacknowledged_missing"] += 1
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
        for field_id, level in device.ratings.items():
            compare(device, f"rate_{field_id}", ratings.get(field_id, "missing") == room.level(level))
        for n, text in enumerate(device.cards, start=1):
            compare(device, f"card {n}", text in cards)
        for card_id, n in device.dots.items():
            compare(device, f"dots_{card_id}", dots.get(card_id, 0) == n)
        counts["doubled"] += (len(set(ratings) - set(device.ratings)) + len(cards) - len(set(cards))
                              + len(set(cards) - set(device.cards)) + len(set(dots) - set(device.dots)))
    return {**counts, "lost_examples": examples}


async def _loop_lag(stop: asyncio.Event, lags: list[float]) -> None:
    """How late the generator's event loop wakes up: if this grows, the generator is the bottleneck."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(0.1)
        lags.append(time.perf_counter() - before - 0.1)


async def play(room, base_url: str, n: int, pace: Pace, seed: int) -> tuple[list[Device], Room, dict, list[float]]:
    rng = random.Random(seed)
    facilitator = Room(room, n, pace)
    devices = [Device(i) for i in range(1, n + 1)]
    stop = asyncio.Event()
    screens = {page: {} for page, _query in room.screens()}
    tasks = [asyncio.create_task(run_screen(base_url, page, query, stop, screens[page]))
             for page, query in room.screens()]
    projector_path = room.projector()
    projector = Projector(base_url, projector_path) if projector_path else None
    if projector is not None:
        tasks.append(asyncio.create_task(projector.run(stop)))
    lags: list[float] = []
    tasks.append(asyncio.create_task(_loop_lag(stop, lags)))
    driver = asyncio.create_task(facilitator.drive())
    await asyncio.gather(*(run_device(d, base_url, facilitator, room.join_code, random.Random(rng.random()))
                           for d in devices))
    await driver
    stop.set()
    await asyncio.gather(*tasks)
    if projector is not None:
        screens["beamer"] = projector_figures(projector, facilitator.changed)
    return devices, facilitator, screens, lags


def projector_figures(projector: Projector, changed: dict[str, float]) -> dict:
    """What the projector did: its polls, how many came back 204, the stages it fetched (and
    how long each took), and per step change the seconds until its stage showed the new step."""
    answered = len(projector.unchanged) + len(projector.stages)
    figures = {
        "open_seconds": None if projector.open_seconds is None else round(projector.open_seconds, 3),
        "open_kib": round(projector.open_bytes / 1024, 1),
        "polls": projector.polls,
        "unchanged": len(projector.unchanged),
        "unchanged_share": round(len(projector.unchanged) / answered, 3) if answered else None,
        "unchanged_seconds": percentiles(projector.unchanged),
        "stage_fetches": len(projector.stages),
        "stage_seconds": percentiles(projector.stages),
        "stage_kib_mean": round(projector.stage_bytes / 1024 / len(projector.stages), 1) if projector.stages else None,
        "step_change": {step: round(projector.seen[step] - at, 3) if step in projector.seen else None
                        for step, at in changed.items()},
        "steps_missed": sum(step not in projector.seen for step in changed),
    }
    if projector.errors:
        figures["failures"] = projector.errors[:5]
        figures["errors"] = len(projector.errors)
    return figures


def _server(room, n: int, processes: int, home: Path):
    db_path = room.db_path
    if processes == 1:
        server = launch(room.script, room.env(), home / f"{room.name}-{n}-{processes}.log")
        return server, list(server.pids)
    from deploy.serve_multi import start  # nginx in front of several app processes
    server = start(db_path, processes=processes, workdir=home / f"nginx-{n}-{processes}")
    nginx = psutil.Process(server.nginx.pid)  # nginx's master and workers are part of the server's cost
    return server, [*server.pids, nginx.pid, *(child.pid for child in nginx.children())]


def run(room_name: str, n: int, processes: int, pace: Pace, seed: int, home: Path) -> dict:
    allow_open_files(n)
    load_before = [round(x, 2) for x in os.getloadavg()]
    room = ROOMS[room_name](home / f"{room_name}-{n}-{processes}.db", devices=n)
    server, pids = _server(room, n, processes, home)
    generator = psutil.Process()
    cpu_before = sum(generator.cpu_times()[:2])
    started = time.monotonic()
    try:
        with Meter(pids) as meter:
            devices, facilitator, screens, lags = asyncio.run(play(room, server.url, n, pace, seed))
    finally:
        server.stop()
    wall = time.monotonic() - started
    generator_cpu = sum(generator.cpu_times()[:2]) - cpu_before
    figures = {
        "room": room_name, "devices": n, "processes": processes, "pace": pace.__dict__,
        "load_average_before": load_before,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "wall_seconds": round(wall, 1),
        **device_figures(devices, facilitator),
        "screens": screens,
        "server": {**meter.figures(), "cpu_ms_per_device": round(1000 * meter.cpu_seconds / n, 1)},
        "generator": {"cpu_seconds": round(generator_cpu, 1), "cpu_share_of_one_core": round(generator_cpu / wall, 3),
                      "loop_lag": percentiles(lags)},
        "check": check(room, devices),
    }
    room.close()
    figures["meets_targets"] = meets(figures)
    figures["broke"] = broke(figures)
    return figures


def device_figures(devices: list[Device], facilitator: Room) -> dict:
    changed = facilitator.changed
    step_latency = {step: [d.seen[step] - changed[step] for d in devices if step in d.seen and step in changed]
                    for step in PHASES}
    notify = {step: [d.notified[step] - changed[step] for d in devices if step in d.notified and step in changed]
              for step in PHASES}
    fetch = {step: [d.seen[step] - d.notified[step] for d in devices if step in d.notified] for step in PHASES}
    joined = [d for d in devices if d.token]
    return {
        "actions": {action: percentiles([v for d in devices for v in d.timings[action]]) for action in ACTIONS},
        "submits": percentiles([v for d in devices for a in SUBMITS for v in d.timings[a]]),
        "step_change": {"all": percentiles([v for values in step_latency.values() for v in values]),
                        **{step: percentiles(values) for step, values in step_latency.items()},
                        "missed": sum(step not in d.seen for d in joined for step in changed),
                        "reached_by_an_event": sum(len(d.by_event) for d in devices)},
        "step_event": {"all": percentiles([v for values in notify.values() for v in values]),
                       **{step: percentiles(values) for step, values in notify.items()}},
        "step_fetch": {"all": percentiles([v for values in fetch.values() for v in values]),
                       **{step: percentiles(values) for step, values in fetch.items()}},
        "stream": {key: sum(d.stream.get(key, 0) for d in devices)
                   for key in ("connects", "events", "refreshes", "errors", "resent")},
        "pages": {"fetched": sum(d.pages for d in devices), "mib": round(sum(d.page_bytes for d in devices) / 2**20, 1)},
        "unacknowledged_writes": sum(len(d.unacknowledged) for d in devices),
        "refused_writes": sum(len(d.refused) for d in devices),
        "refused_examples": [f"device {d.number}: {r}" for d in devices for r in d.refused][:5],
        "shown_otherwise": sum(len(d.shown_otherwise) for d in devices),
        "request_errors": sum(len(d.errors) for d in devices),
        "error_examples": [f"device {d.number}: {e}" for d in devices for e in d.errors][:5],
        "failures": [f"device {d.number}: {f}" for d in devices for f in d.failures][:20],
        "failed_devices": sum(bool(d.failures) for d in devices),
    }


def meets(figures: dict) -> bool:
    return not broke(figures)


def broke(figures: dict) -> list[str]:
    """What missed a target in this run, worst first: empty when every target held."""
    problems = []
    step_p95, submit_p95 = figures["step_change"]["all"]["p95"], figures["submits"]["p95"]
    if step_p95 is None or step_p95 > TARGETS["step_p95_s"]:
        worst = max(PHASES, key=lambda s: figures["step_change"][s]["p95"] or 0)
        event, fetch = figures["step_event"][worst]["p95"], figures["step_fetch"][worst]["p95"]
        problems.append(f"step p95 {step_p95} s > {TARGETS['step_p95_s']} s (worst: {worst} "
                        f"{figures['step_change'][worst]['p95']} s; event p95 {event} s, then the page p95 {fetch} s)")
    if submit_p95 is None or submit_p95 > TARGETS["submit_p95_s"]:
        worst = max(SUBMITS, key=lambda a: figures["actions"][a]["p95"] or 0)
        problems.append(f"submit p95 {submit_p95} s > {TARGETS['submit_p95_s']} s "
                        f"(worst: {worst} {figures['actions'][worst]['p95']} s)")
    check = figures["check"]
    if check["lost"] or check["doubled"]:
        problems.append(f"lost {check['lost']}, doubled {check['doubled']}")
    if figures["step_change"]["missed"]:
        problems.append(f"{figures['step_change']['missed']} step changes never reached a device")
    if figures["failed_devices"]:
        problems.append(f"{figures['failed_devices']} devices failed: {figures['failures'][:1]}")
    return problems


def ratios(app: dict, floor: dict) -> dict[str, float | None]:
    """Werkstatt's figure divided by the floor's: 1.0 means it costs what the floor costs."""
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
    print(f"\n== {figures['room']}: {figures['devices']} devices, {figures['processes']} process(es), "
          f"{figures['wall_seconds']} s, load average before {figures['load_average_before']}")
    for action, p in figures["actions"].items():
        print(f"  {action:<12} {fmt(p)}")
    print(f"  {'all submits':<12} {fmt(figures['submits'])}")
    for step in ("all", *PHASES):
        print(f"  step {step:<7} {fmt(figures['step_change'][step])}")
    print(f"  event  all     {fmt(figures['step_event']['all'])}   (set_live_step → the event that led to the page)")
    print(f"  fetch  all     {fmt(figures['step_fetch']['all'])}   (that event → the page arrived)")
    print(f"  step changes never seen: {figures['step_change']['missed']}   stream: {figures['stream']}   "
          f"pages: {figures['pages']}")
    print(f"  server: {figures['server']}")
    print(f"  generator: {figures['generator']}")
    if "moderation" in figures["screens"]:
        print(f"  console (Streamlit): {figures['screens']['moderation']}")
    if "beamer" in figures["screens"]:
        p = figures["screens"]["beamer"]
        print(f"  projector: {p['polls']} polls, {p['unchanged']} answered 204 ({p['unchanged_share']}), "
              f"{p['stage_fetches']} stages fetched (mean {p['stage_kib_mean']} KiB)   opened in "
              f"{p['open_seconds']} s ({p['open_kib']} KiB)   {p.get('failures', '')}")
        print(f"  projector  204 {fmt(p['unchanged_seconds'])}")
        print(f"  projector  200 {fmt(p['stage_seconds'])}")
        print(f"  projector  step shown (s after set_live_step): {p['step_change']}   never shown: {p['steps_missed']}")
    print(f"  check: {figures['check']}")
    print(f"  unacknowledged writes: {figures['unacknowledged_writes']}   refused: {figures['refused_writes']} "
          f"{figures['refused_examples'][:2]}   shown otherwise: {figures['shown_otherwise']}   "
          f"request errors: {figures['request_errors']} {figures['error_examples'][:2]}")
    print(f"  failed devices: {figures['failed_devices']}  {figures['failures'][:3]}")
    print(f"  meets targets (step p95 <= 3 s, submit p95 <= 500 ms, nothing lost or doubled): "
          f"{figures['meets_targets']}  {figures['broke']}")


def machine() -> str:
    return (f"{platform.node()}: {psutil.cpu_count()} cores, {round(psutil.virtual_memory().total / 2**30)} GiB, "
            f"Python {platform.python_version()}")


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
    results = {"date": dt.date.today().isoformat(), "machine": machine(),
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
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0 if all(r["meets_targets"] for r in results["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
