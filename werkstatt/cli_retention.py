"""``python -m werkstatt retention`` and ``python -m werkstatt process …``: what the file holds and
since when, the removal of participant tokens by rule, and the end of a process.

``retention`` is a dry run unless ``--apply`` is given, so an operator can look first; a daily
``retention --apply`` (cron or a systemd timer, README "Daten und Aufbewahrung") keeps the
promise of the participants' privacy notice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from werkstatt.i18n import format_day
from werkstatt.retention import Retention, StoredWorkshop
from werkstatt.service import Werkstatt
from werkstatt.settings import RETENTION_DAYS_ENV, retention_days

NOT_CLEAN = ("Hinweis: Ein anderer Prozess liest gerade in der Datenbank, daher enthält das "
             "Write-Ahead-Log (…-wal) noch alte Seiten. Bitte den Befehl später noch einmal ausführen.")


def retention(args: argparse.Namespace) -> int:
    """Show per workshop and process what is stored and since when, and which participant tokens
    the retention rule removes (closed workshops, so many days after the close). A dry run that
    changes nothing, unless --apply is given."""
    _warn_setting()
    app = Werkstatt(args.db)
    report = app.apply_retention(args.days) if args.apply else app.retention_report(args.days)
    _print_report(report)
    return 0


def _warn_setting() -> None:
    raw = os.environ.get(RETENTION_DAYS_ENV, "").strip()
    if raw and raw != str(retention_days()):
        print(f"Hinweis: {RETENTION_DAYS_ENV}={raw!r} ist keine ganze Zahl von 0 bis 3650; es gelten "
              f"{retention_days()} Tage.", file=sys.stderr)


def _print_report(report: Retention) -> None:
    print(f"Aufbewahrung: Die Tokens der Teilnehmenden werden {report.days} Tage nach dem Ende eines "
          "Workshops entfernt; Bewertungen, Karten und Punkte bleiben anonym erhalten.")
    print()
    print("Workshops")
    rows = [("Nr.", "Titel", "Stand", "angelegt", "beendet", "Teiln.", "Bewert.", "Karten", "Punkte",
             "Tokens")]
    rows += [(str(w.id), w.title, "offen" if w.is_open else "beendet", _day(w.created_at),
              _day(w.closed_since), str(w.participants), str(w.ratings), str(w.cards), str(w.dots),
              _tokens(w, report)) for w in report.workshops]
    _table(rows) if report.workshops else print("  keine")
    print()
    print("Prozesse")
    rows = [("Nr.", "Titel", "angelegt", "archiviert", "Workshops", "Mitglieder mit Namen", "Maßnahmen")]
    rows += [(str(p.id), p.title, _day(p.created_at), _day(p.archived_at), str(p.workshops), str(p.members),
              str(p.actions)) for p in report.processes]
    _table(rows) if report.processes else print("  keine")
    print()
    counted = f"{report.tokens_due} Tokens aus {_count(len(report.due), 'Workshop', 'Workshops')}"
    if not report.applied:
        days = "" if report.days == retention_days() else f" --days {report.days}"
        print(f"Probelauf, nichts wurde geändert: {counted} würden entfernt. Zum Entfernen: "
              f"python -m werkstatt retention --apply{days}")
        return
    print(f"Entfernt: {counted}; die Datenbankdatei ist neu geschrieben, ohne die alten Tokens.")
    if not report.file_clean:
        print(NOT_CLEAN)


def _tokens(workshop: StoredWorkshop, report: Retention) -> str:
    if workshop.tokens_removed_at is not None:
        return f"entfernt am {_day(workshop.tokens_removed_at)}"
    if workshop.is_open:
        return f"{workshop.tokens}, bis {report.days} Tage nach dem Ende"
    if workshop.due:
        return f"{workshop.tokens}, {'werden jetzt' if report.applied else 'würden jetzt'} entfernt"
    left = workshop.days_left(report.checked_at)
    return f"{workshop.tokens}, noch {left} Tage (bis {_day(workshop.remove_after)})"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _day(moment: dt.datetime | None) -> str:
    return format_day(moment.astimezone().date()) if moment else "–"


def _table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def archive(args: argparse.Namespace) -> None:
    """Mark a process as finished (the task force can do this on its page too); nothing changes or
    goes. Refused while one of its workshops is open."""
    app = Werkstatt(args.db)
    at = app.archive_process(args.process)
    print(f"Prozess {args.process} ({app.process(args.process).title}) ist archiviert seit {_day(at)}.")


def unarchive(args: argparse.Namespace) -> None:
    """Take a process out of the archive."""
    app = Werkstatt(args.db)
    app.unarchive_process(args.process)
    print(f"Prozess {args.process} ({app.process(args.process).title}) ist nicht mehr archiviert.")


def delete(args: argparse.Namespace) -> int:
    """Delete a process for good with its workshops and everything in them: ratings, cards,
    dots, the task force's members and actions. Refused while one of its workshops is open.
    Without --yes it only says what would be deleted."""
    app = Werkstatt(args.db)
    process = app.process(args.process)
    report = app.retention_report()
    stored = next(p for p in report.processes if p.id == process.id)
    workshops = [w for w in report.workshops if w.process_id == process.id]
    what = (f"Prozess {process.id} ({process.title}): {_count(stored.workshops, 'Workshop', 'Workshops')} mit "
            f"{sum(w.participants for w in workshops)} Teilnehmenden, {sum(w.ratings for w in workshops)} "
            f"Bewertungen und {sum(w.cards for w in workshops)} Karten, {stored.members} Mitglieder mit "
            f"Namen, {stored.actions} Maßnahmen")
    if not args.yes:
        print(f"Würde endgültig gelöscht: {what}. Zum Löschen: --yes angeben (vorher eine Sicherung "
              "mit python -m werkstatt backup oder export --format json).")
        return 1
    clean = app.delete_process(process.id)
    print(f"Endgültig gelöscht: {what}.")
    if not clean:
        print(NOT_CLEAN)
    return 0


def add_commands(commands) -> None:
    """The subcommands ``retention`` and ``process`` on the CLI's parser."""
    parser = commands.add_parser("retention", help="what is stored since when; remove tokens by rule",
                                 description=retention.__doc__)
    parser.add_argument("--apply", action="store_true", help="remove what is due (default: a dry run)")
    parser.add_argument("--days", type=int, default=None,
                        help=f"days after a workshop's end (default: ${RETENTION_DAYS_ENV} or 30)")
    parser.set_defaults(run=retention)

    process_parser = commands.add_parser("process", help="archive or delete a process",
                                         description="The end of a process: archive it, or delete it for good.")
    process_commands = process_parser.add_subparsers(dest="process_command", required=True)
    for name, run in (("archive", archive), ("unarchive", unarchive), ("delete", delete)):
        sub = process_commands.add_parser(name, help=run.__doc__.split(".")[0], description=run.__doc__)
        sub.add_argument("process", type=int, help="the process's number (see: list)")
        sub.set_defaults(run=run)
    process_commands.choices["delete"].add_argument("--yes", action="store_true",
                                                    help="really delete (default: only say what would go)")
