"""``python -m werkstatt peers …``: other municipalities' exchange files from the command line.

``import``, ``list`` and ``remove`` work on a process's files, as the task force's tab
"Andere Kommunen" does; ``report`` makes the programme team's cross-city overview straight from
files, without storing anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from werkstatt import peer_report
from werkstatt.errors import InvalidInput
from werkstatt.i18n import N_
from werkstatt.service import Werkstatt


def import_files(args: argparse.Namespace) -> int:
    """Read exchange files into a process. Each file is checked whole and stored whole or not at
    all; the command names every refused file and exits with 1 if any was refused."""
    app = Werkstatt(args.db)
    app.process(args.process)  # an unknown number says so before any file is read
    outcomes = app.import_peer_files(args.process, [(Path(f).name, _read(f)) for f in args.files])
    for outcome in outcomes:
        if outcome.peer is not None:
            print(f"{outcome.file_name}: eingelesen ({outcome.peer.name}, {outcome.peer.workshop_title})")
        else:
            print(f"Fehler: {outcome.error}", file=sys.stderr)
    return 1 if any(outcome.error for outcome in outcomes) else 0


def list_files(args: argparse.Namespace) -> None:
    """The exchange files read into a process, with their numbers (for ``remove``)."""
    app = Werkstatt(args.db)
    app.process(args.process)
    peers = app.peers(args.process)
    if not peers:
        print("Noch keine Austauschdatei eingelesen.")
    for peer in peers:
        print(f"{peer.id} · {peer.name} · {peer.workshop_title} · {peer.workshop_date or '–'} · "
              f"Feldliste {peer.fieldset_id} · Datei {peer.file_name}")


def remove_file(args: argparse.Namespace) -> None:
    """Remove an exchange file from a process (its number from ``list``)."""
    app = Werkstatt(args.db)
    name = next((p.name for p in app.peers(args.process) if p.id == args.id), None)
    app.remove_peer(args.process, args.id)
    print(f"Austauschdatei {args.id} ({name}) entfernt.")


def report(args: argparse.Namespace) -> None:
    """The programme team's overview of many cities' exchange files: per field the distribution of
    all cities, the spread of their medians, where they agree and differ most, and the most
    frequent gap themes; PDF, or HTML when --out ends in .html. Nothing is stored."""
    target = Path(args.out)
    if target.suffix.lower() not in (".pdf", ".html"):
        raise InvalidInput(problem=N_("Der Bericht wird als .pdf oder .html geschrieben, nicht als "
                                      "„{path}“."), path=str(target))
    if target.exists() and not args.force:
        raise InvalidInput(problem=N_("Die Datei {path} gibt es schon. Bitte einen anderen Namen "
                                      "wählen oder mit --force überschreiben."), path=str(target))
    files = [(Path(f).name, _read(f)) for f in args.files]
    build = peer_report.overview_html if target.suffix.lower() == ".html" else peer_report.overview_pdf
    data = build(files, args.lang)
    target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    print(f"{target} geschrieben ({len(files)} Kommunen, {len(target.read_bytes()) / 1024:.0f} KB)")


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InvalidInput(problem=N_("Die Datei {path} lässt sich nicht lesen ({reason})."), path=path,
                           reason=error.strerror) from None


def add_commands(commands) -> None:
    """The ``peers`` command and its subcommands, on the main parser's ``commands``."""
    parser = commands.add_parser("peers", help="other municipalities' exchange files: import, list, "
                                 "remove, report", description=__doc__)
    sub = parser.add_subparsers(dest="peers_command", required=True)
    command = sub.add_parser("import", help="read exchange files into a process", description=import_files.__doc__)
    command.add_argument("--process", type=int, required=True, help="the process's number (see list)")
    command.add_argument("files", nargs="+", help="the exchange files (.json)")
    command.set_defaults(run=import_files)
    command = sub.add_parser("list", help="the files read into a process", description=list_files.__doc__)
    command.add_argument("--process", type=int, required=True, help="the process's number")
    command.set_defaults(run=list_files)
    command = sub.add_parser("remove", help="remove a file from a process", description=remove_file.__doc__)
    command.add_argument("--process", type=int, required=True, help="the process's number")
    command.add_argument("id", type=int, help="the file's number (see peers list)")
    command.set_defaults(run=remove_file)
    command = sub.add_parser("report", help="the programme team's overview of many cities",
                             description=report.__doc__)
    command.add_argument("files", nargs="+", help="the exchange files (.json)")
    command.add_argument("--out", default="modellkommunen-vergleich.pdf",
                         help="the report file, .pdf or .html (default: modellkommunen-vergleich.pdf)")
    command.add_argument("--lang", choices=("de", "en"), default="de", help="language of the report")
    command.add_argument("--force", action="store_true", help="overwrite an existing file")
    command.set_defaults(run=report)
