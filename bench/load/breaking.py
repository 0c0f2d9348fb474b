"""Where does a room break? Run growing rooms until a target is missed.

    python -m bench.load.breaking --start 150 --max 2000
    python -m bench.load.breaking --start 150 --max 2000 --factor 1.5 --pace 0.3 --refine 2 --json out.json

Each round is one ``python -m bench.load`` run (``--rooms werkstatt``) at a shortened
pace (``--pace``, 0.3 by default: devices arrive over 9 s and think a third as long,
so a round takes one to three minutes), with N growing by ``--factor`` from
``--start`` up to ``--max``. The search stops at the first N where the step change
p95 is over 3 s, the submit p95 over 500 ms, anything was lost or doubled, a step
never reached a device, or a device failed; ``--refine K`` then halves the gap to
the last good N K times. It prints, for every round, the figures that decide and
reports the first N that broke and what broke first: the targets that failed there
(worst first, with the step change split into the event's delay and the page fetch),
and how close each figure came to its target in the last good round.

The generator shares the 2 cores with the server. Its own event-loop lag is printed
beside each round: when that grows to a good part of a second, the generator, not the
server, is what broke.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from bench.load.__main__ import TARGETS, machine, run
from bench.load.scenario import Pace


def summary(f: dict) -> str:
    def ms(p):
        return "–" if p is None else f"{p * 1000:.0f}"
    return (f"N={f['devices']:>5}: step p95 {ms(f['step_change']['all']['p95'])} ms "
            f"(event {ms(f['step_event']['all']['p95'])}, page {ms(f['step_fetch']['all']['p95'])}), "
            f"submit p95 {ms(f['submits']['p95'])} ms, lost {f['check']['lost']}, doubled {f['check']['doubled']}, "
            f"missed {f['step_change']['missed']}, failed {f['failed_devices']}, "
            f"unacknowledged {f['unacknowledged_writes']}; server {f['server']['cpu_share_of_one_core']:.0%} "
            f"of a core, {f['server']['cpu_ms_per_device']} ms CPU/device, {f['server']['peak_rss_mib']} MiB; "
            f"generator {f['generator']['cpu_share_of_one_core']:.0%}, loop lag p95 "
            f"{ms(f['generator']['loop_lag']['p95'])} ms")


def headroom(f: dict) -> dict[str, float | None]:
    """Each deciding p95 as a share of its target (1.0 = at the target)."""
    def share(value, target):
        return None if value is None else round(value / target, 2)
    return {"step_p95": share(f["step_change"]["all"]["p95"], TARGETS["step_p95_s"]),
            "submit_p95": share(f["submits"]["p95"], TARGETS["submit_p95_s"]),
            **{f"step_{step}_p95": share(f["step_change"][step]["p95"], TARGETS["step_p95_s"])
               for step in ("rating", "cards", "voting", "results")},
            **{f"{action}_p95": share(f["actions"][action]["p95"], TARGETS["submit_p95_s"])
               for action in ("join", "rate", "card", "vote")}}


def sizes(start: int, most: int, factor: float) -> list[int]:
    out, n = [], start
    while n < most:
        out.append(n)
        n = max(n + 10, int(round(n * factor / 10.0)) * 10)
    out.append(most)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load.breaking", description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=150)
    parser.add_argument("--max", type=int, default=2000)
    parser.add_argument("--factor", type=float, default=1.5, help="N grows by this factor each round")
    parser.add_argument("--pace", type=float, default=0.3, help="think times shortened by this factor")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--refine", type=int, default=0, help="halve the gap to the last good N this many times")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="keep databases and server logs in this folder")
    args = parser.parse_args(argv)
    pace = Pace().scaled(args.pace)
    report = {"date": dt.date.today().isoformat(), "machine": machine(),
              "command": "python -m bench.load.breaking " + " ".join(sys.argv[1:] if argv is None else argv),
              "targets": TARGETS, "rounds": []}

    def round_(n: int, home: Path) -> dict:
        figures = run("werkstatt", n, args.processes, pace, args.seed, home)
        print(("ok     " if figures["meets_targets"] else "BROKE  ") + summary(figures), flush=True)
        for problem in figures["broke"]:
            print(f"         {problem}", flush=True)
        report["rounds"].append(figures)
        return figures

    good: dict | None = None
    bad: dict | None = None
    with tempfile.TemporaryDirectory(prefix="werkstatt-breaking-") as scratch:
        home = args.keep or Path(scratch)
        home.mkdir(parents=True, exist_ok=True)
        for n in sizes(args.start, args.max, args.factor):
            figures = round_(n, home)
            if figures["meets_targets"]:
                good = figures
            else:
                bad = figures
                break
        for _ in range(args.refine if bad is not None and good is not None else 0):
            n = (good["devices"] + bad["devices"]) // 2
            if n in (good["devices"], bad["devices"]):
                break
            figures = round_(n, home)
            if figures["meets_targets"]:
                good = figures
            else:
                bad = figures

    print()
    if bad is None:
        print(f"No target broke up to N={args.max} ({args.processes} process(es), pace {args.pace}).")
    else:
        print(f"First N that broke: {bad['devices']} ({args.processes} process(es), pace {args.pace}); "
              f"last good: {good['devices'] if good else 'none'}.")
        print("What broke there, worst first:")
        for problem in bad["broke"]:
            print(f"  - {problem}")
        if good is not None:
            close = sorted(((v, k) for k, v in headroom(good).items() if v is not None), reverse=True)[:4]
            print(f"Closest to its target at N={good['devices']} (share of the target): "
                  + ", ".join(f"{k} {v}" for v, k in close))
        lag = bad["generator"]["loop_lag"]["p95"]
        if lag is not None and lag > 0.25:
            print(f"Note: the generator's event loop ran {lag * 1000:.0f} ms late (p95): at this N the generator "
                  "itself is part of what broke.")
    report["first_broken"] = bad["devices"] if bad else None
    report["last_good"] = good["devices"] if good else None
    report["what_broke"] = bad["broke"] if bad else []
    report["headroom_last_good"] = headroom(good) if good else None
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
