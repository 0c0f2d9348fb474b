"""``python -m werkstatt``: what an administrator scripts. Calls the same service as the pages."""

from __future__ import annotations

import argparse
import sys

from werkstatt.demo import DEMO_PIN, DEMO_TASKFORCE_PASSWORD, seed_demo_process
from werkstatt.errors import WerkstattError
from werkstatt.service import Werkstatt
from werkstatt.settings import db_path


def demo(args: argparse.Namespace) -> None:
    """Seed a realistic process (a spring and an autumn workshop, a task force with its actions,
    the self-check) and print how to open it."""
    app = Werkstatt(args.db)
    _spring, workshop, process = seed_demo_process(app, participants=args.participants)
    token = app.facilitator_login(workshop.join_code, DEMO_PIN)
    taskforce_token = app.taskforce_login(process.code, DEMO_TASKFORCE_PASSWORD)
    base = args.base_url.rstrip("/")
    print(f"Beispiel-Prozess mit zwei Workshops angelegt in {args.db}")
    print(f"  Herbst-Workshop: Code {workshop.join_code}    Moderations-PIN: {DEMO_PIN}")
    print(f"  Beamer:     {base}/beamer?w={workshop.id}&code={workshop.join_code}")
    print(f"  Moderation: {base}/moderation?f={token}")
    print(f"  Ergebnisse: {base}/ergebnisse?f={token}")
    print(f"  Taskforce:  Prozess-Code {process.code}    Passwort: {DEMO_TASKFORCE_PASSWORD}")
    print(f"              {base}/taskforce?tf={taskforce_token}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m werkstatt", description=__doc__)
    parser.add_argument("--db", default=db_path(), help="SQLite file (default: $WERKSTATT_DB or data/werkstatt.db)")
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="seed a realistic process with two finished workshops",
                                      description=demo.__doc__)
    demo_parser.add_argument("--participants", type=int, default=35, help="how many people rate (default 35)")
    demo_parser.add_argument("--base-url", default="http://localhost:8501", help="where the app runs")
    demo_parser.set_defaults(run=demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except WerkstattError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    return 0
