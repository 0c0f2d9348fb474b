"""``python -m werkstatt``: what an administrator scripts. Calls the same service as the pages."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

from werkstatt import agenda, catalogues, cli_accounts, cli_peers, cli_retention, exchange, export, health, transfer
from werkstatt.demo import DEMO_PIN, DEMO_TASKFORCE_PASSWORD, seed_demo_process
from werkstatt.errors import InvalidInput, WerkstattError
from werkstatt.fieldsets import FieldsetError, fieldset_file, load_fieldset
from werkstatt.i18n import LANGUAGE_NAMES, LANGUAGES, N_, PARTICIPANT_LANGUAGES, format_day, format_moment, t
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


def list_all(args: argparse.Namespace) -> None:
    """Print every workshop and process with its number, for export and backup."""
    app = Werkstatt(args.db)
    for workshop in app.workshops():
        process = f"  Prozess {workshop.process_id}" if workshop.process_id else ""
        print(f"Workshop {workshop.id}: {workshop.title} · {workshop.municipality} · "
              f"{format_day(workshop.date)} · Schritt {workshop.live_step}{process}")
    for process in app.processes():
        print(f"Prozess {process.id}: {process.title} · Code {process.code}")


def export_files(args: argparse.Namespace) -> None:
    """Write one export of a workshop (--workshop) or a whole process (--process) to a file:
    Excel, CSV, the full JSON for another machine, or the anonymised exchange file."""
    app = Werkstatt(args.db)
    target = Path(args.out) if args.out else None
    if args.process is not None:
        app.process(args.process)  # an unknown number says so before anything is built
        tables = lambda: export.process_tables(app, args.process, args.lang)  # noqa: E731
        stem = f"prozess-{args.process}"
    else:
        app.workshop(args.workshop)
        tables = lambda: export.workshop_tables(app, args.workshop, args.lang)  # noqa: E731
        stem = f"workshop-{args.workshop}"
    builders = {
        "xlsx": lambda: export.to_xlsx(tables(), args.lang),
        "csv": lambda: export.to_csv_zip(tables(), args.lang, "," if args.comma else ";"),
        "json": lambda: transfer.export_process(app, args.process) if args.process is not None
        else transfer.export_workshop(app, args.workshop),
        "anon": lambda: exchange.anonymised_json(app, _one_workshop(args, "anon")),
    }
    suffix = {"xlsx": ".xlsx", "csv": "-csv.zip", "json": ".werkstatt.json",
              "anon": "-anonym.json"}[args.format]
    target = target or Path(f"{stem}{suffix}")
    if target.exists() and not args.force:
        raise InvalidInput(problem=N_("Die Datei {path} gibt es schon. Bitte einen anderen Namen "
                                      "wählen oder mit --force überschreiben."), path=str(target))
    data = builders[args.format]()
    target.write_bytes(data)
    print(f"{target} geschrieben ({len(data) / 1024:.0f} KB)")


def _one_workshop(args: argparse.Namespace, format: str) -> int:
    if args.workshop is None:
        raise InvalidInput(problem=N_("Das Format „{format}“ gibt es nur für einen einzelnen "
                                      "Workshop (--workshop)."), format=format)
    return args.workshop


def import_file(args: argparse.Namespace) -> None:
    """Read a file written by "export --format json" (a workshop or a whole process, from this
    or another machine). It is checked whole before anything is written; a broken, changed or
    newer file changes nothing."""
    app = Werkstatt(args.db)
    result = transfer.import_bundle(app, Path(args.file).read_bytes())
    for workshop_id in result.workshop_ids:
        workshop = app.workshop(workshop_id)
        print(f"Workshop {workshop.id} übernommen: {workshop.title} (Code {workshop.join_code})")
    if result.process_id is not None:
        process = app.process(result.process_id)
        print(f"Prozess {process.id} übernommen: {process.title} (Code {process.code})")
    for note in result.notes:
        print(f"Hinweis: {note.message('de')}")


def backup(args: argparse.Namespace) -> None:
    """Copy the whole database while the app may keep running (SQLite's online backup)."""
    app = Werkstatt(args.db)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = app.backup(args.out or Path(args.db).parent / "backups" / f"werkstatt-{stamp}.db")
    print(f"Sicherung geschrieben: {target} ({target.stat().st_size / 1024:.0f} KB)")


STATUS_TIMEOUT = 3  # seconds to wait for a running server's /healthz
CHECK_NAMES = {"database": "Datenbank", "migrations": "Migrationen", "disk": "Speicherplatz"}
DATABASE_PROBLEMS = {"read-only": "schreibgeschützt", "full": "Speicher voll", "unusable": "nicht lesbar",
                     "locked": "gesperrt"}


def status(args: argparse.Namespace) -> int:
    """Show the health checks (database writable, migrations current, free disk space), the open
    workshops and, from a running server (--url), how many participant devices are connected.
    Exit code 1 when a check fails, here or on the server."""
    opened: list[Werkstatt] = []

    def service() -> Werkstatt:
        opened.append(Werkstatt(args.db))
        return opened[-1]

    result = health.check(service, args.db)
    print(f"Zustand: {'in Ordnung' if result.ok else 'gestört (' + _check_names(result.failing) + ')'}")
    print(f"  Datenbank: {_database_text(result)}")
    print(f"  Migrationen: {_migrations_text(result)}")
    print(f"  Freier Speicher: {_disk_text(result)}")
    server_failing = _print_devices(args.url or [])
    if not opened:
        print("Offene Workshops: unbekannt (die Datenbank lässt sich nicht öffnen)")
    else:
        workshops = health.open_workshops(opened[0])
        print(f"Offene Workshops: {len(workshops) or 'keine'}")
        for w in workshops:
            print(f"  Workshop {w.id}: {w.title} · {w.municipality} · Schritt {t(agenda.step(w.live_step).name)}"
                  f" · {w.participants} beigetreten · angelegt {format_moment(w.created_at.astimezone())}"
                  f" · letzte Eingabe {format_moment(w.last_input.astimezone())}")
    return 0 if result.ok and not server_failing else 1


def _check_names(names) -> str:
    return ", ".join(CHECK_NAMES.get(name, name) for name in names)


def _database_text(result: health.Health) -> str:
    if result.database_problem is None:
        return "beschreibbar"
    return f"nicht beschreibbar ({DATABASE_PROBLEMS.get(result.database_problem, result.database_problem)})"


def _migrations_text(result: health.Health) -> str:
    if result.applied is None:
        return "unbekannt (die Datenbank lässt sich nicht lesen)"
    if result.unknown:
        return f"neuer als dieses Programm, unbekannt sind: {', '.join(result.unknown)}"
    if result.pending:
        return f"nicht aktuell, es fehlen: {', '.join(result.pending)}"
    return f"aktuell ({len(result.applied)})"


def _disk_text(result: health.Health) -> str:
    if result.disk_free_mb is None:
        return "unbekannt"
    free = f"{result.disk_free_mb:,} MB".replace(",", ".")
    return free if result.disk_free_mb >= health.DISK_MIN_MB else (
        f"{free} – zu wenig (mindestens {health.DISK_MIN_MB} MB)")


def _print_devices(urls: list[str]) -> bool:
    """Print the connected devices each server reports; returns whether one reported a failure."""
    if not urls:
        print("Verbundene Geräte: nur der laufende Server kennt sie (--url http://127.0.0.1:8501)")
        return False
    answers = {}
    for url in urls:
        try:
            answers[url] = _server_health(url)
        except (OSError, ValueError) as error:
            answers[url] = error
    counts = [a["devices_connected"] for a in answers.values() if isinstance(a, dict)]
    unreachable = len(counts) < len(answers)
    total = "unbekannt" if not counts else f"mindestens {sum(counts)}" if unreachable else str(sum(counts))
    print(f"Verbundene Geräte: {total}")
    failing = False
    for url, answer in answers.items():
        if not isinstance(answer, dict):
            print(f"  {url}: nicht erreichbar ({_reason(answer)})")
            continue
        print(f"  {url}: {answer['devices_connected']}")
        if answer.get("failing"):
            failing = True
            print(f"  {url} meldet eine Störung: {_check_names(answer['failing'])}")
    return failing


def _server_health(url: str) -> dict:
    """A running server's /healthz answer (its 503 too), asked directly, never through a proxy."""
    address = (url if "://" in url else f"http://{url}").rstrip("/") + "/healthz"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(address, timeout=STATUS_TIMEOUT) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as error:
        if error.code != 503:
            raise
        answer = json.loads(error.read())
    if not isinstance(answer, dict) or not isinstance(answer.get("devices_connected"), int):
        raise ValueError("keine Antwort von Werkstatt")
    return answer


def _reason(error: BaseException) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code}"
    if isinstance(error, urllib.error.URLError):
        return str(error.reason)
    return str(error) or type(error).__name__


def fieldset_check(args: argparse.Namespace) -> None:
    """Check a fieldset file with its translations (fieldsets/translations/<id>.<language>.yaml),
    or the fieldset a translation file belongs to, and list per participant language the texts
    still missing: participants see those in German, marked "(Deutsch)". A broken file is an
    error (exit code 1) naming the file, the line and the fix; missing translations are not."""
    path = fieldset_file(args.file)
    fieldset = load_fieldset(path)
    texts = len(list(fieldset.texts()))
    print(f"{path}: in Ordnung – {len(fieldset.fields)} Felder, {texts} Texte, Sprache {fieldset.language}")
    for language in PARTICIPANT_LANGUAGES:
        if language == fieldset.language:
            continue
        missing = fieldset.missing(language)
        name = f"{language} ({LANGUAGE_NAMES[language]})"
        if not missing:
            print(f"{name}: vollständig")
            continue
        print(f"{name}: {len(missing)} von {texts} Texten fehlen (werden auf Deutsch gezeigt):")
        for where in missing:
            print(f"  {where}")


def i18n_update(args: argparse.Namespace) -> None:
    """Extract the German source texts from the code and the templates, merge them into every
    locales/<language>/LC_MESSAGES/*.po file (new texts untranslated, changed ones fuzzy), and
    compile the .mo files the app reads."""
    for path in catalogues.extract_and_update():
        print(f"updated {path.relative_to(catalogues.ROOT)}")
    print(f"compiled {len(catalogues.compile_all())} catalogues")
    i18n_check(args)


def i18n_compile(args: argparse.Namespace) -> None:
    """Compile every .po file to the .mo file the app reads (make run and make test do this)."""
    catalogues.compile_all()


def i18n_check(args: argparse.Namespace) -> int:
    """List, per language, the texts that are missing, untranslated, fuzzy or have other
    placeholders than the German; exit 1 when a required language is incomplete."""
    reports = catalogues.check()
    print(catalogues.summary(reports))
    return 0 if all(r.complete for r in reports) else 1


MIN_DEMO_PARTICIPANTS = 7  # the demo's group work has one group per field, each with a member to write


def _demo_participants(value: str) -> int:
    number = int(value)
    if number < MIN_DEMO_PARTICIPANTS:
        raise argparse.ArgumentTypeError(f"die Demo braucht mindestens {MIN_DEMO_PARTICIPANTS} Teilnehmende "
                                         "(eine Gruppe je Handlungsfeld)")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m werkstatt", description=__doc__)
    parser.add_argument("--db", default=db_path(),
                        help="SQLite file (default: $WERKSTATT_DB or data/werkstatt.db)")
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="seed a realistic process with two finished workshops",
                                      description=demo.__doc__)
    demo_parser.add_argument("--participants", type=_demo_participants, default=35,
                             help=f"how many people rate (default 35, at least {MIN_DEMO_PARTICIPANTS})")
    demo_parser.add_argument("--base-url", default="http://localhost:8501", help="where the app runs")
    demo_parser.set_defaults(run=demo)

    list_parser = commands.add_parser("list", help="list every workshop and process with its number",
                                      description=list_all.__doc__)
    list_parser.set_defaults(run=list_all)

    export_parser = commands.add_parser("export", help="write an export of a workshop or a process",
                                        description=export_files.__doc__)
    which = export_parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--workshop", type=int, help="the workshop's number (see: list)")
    which.add_argument("--process", type=int, help="the process's number (see: list)")
    export_parser.add_argument("--format", choices=["xlsx", "csv", "json", "anon"], default="xlsx",
                               help="xlsx: one workbook; csv: a zip of CSV files; json: everything, to move "
                               "to another machine (import); anon: the anonymised exchange file of a "
                               "workshop (default xlsx)")
    export_parser.add_argument("--out", help="the file to write (default: workshop-N.xlsx and so on)")
    export_parser.add_argument("--lang", choices=LANGUAGES, default="de", help="sheet and column names")
    export_parser.add_argument("--comma", action="store_true", help="CSV with commas instead of semicolons")
    export_parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    export_parser.set_defaults(run=export_files)

    import_parser = commands.add_parser("import",
                                        help="take over a workshop or process from an export --format json",
                                        description=import_file.__doc__)
    import_parser.add_argument("file", help="the .werkstatt.json file")
    import_parser.set_defaults(run=import_file)

    backup_parser = commands.add_parser("backup", help="copy the whole database while the app runs",
                                        description=backup.__doc__)
    backup_parser.add_argument("out", nargs="?",
                               help="the new file (default: data/backups/werkstatt-<time>.db)")
    backup_parser.set_defaults(run=backup)

    status_parser = commands.add_parser("status", help="health checks, open workshops, connected devices",
                                        description=status.__doc__)
    status_parser.add_argument("--url", action="append",
                               help="a running server to ask for its connected devices, e.g. "
                               "http://127.0.0.1:8501 (repeat it for each process behind a proxy)")
    status_parser.set_defaults(run=status)

    cli_accounts.add_commands(commands)
    cli_retention.add_commands(commands)
    cli_peers.add_commands(commands)

    fieldset_parser = commands.add_parser("fieldset", help="check a fieldset file and its translations",
                                          description=fieldset_check.__doc__)
    fieldset_commands = fieldset_parser.add_subparsers(dest="fieldset_command", required=True)
    check_parser = fieldset_commands.add_parser("check", help="check the file, list missing translations",
                                                description=fieldset_check.__doc__)
    check_parser.add_argument("file",
                              help="fieldsets/<id>.yaml or fieldsets/translations/<id>.<language>.yaml")
    check_parser.set_defaults(run=fieldset_check)

    i18n_parser = commands.add_parser("i18n", help="the translation catalogues: update, compile, check",
                                      description="The gettext catalogues in locales/ (README, "
                                      "\"Translations\").")
    i18n_commands = i18n_parser.add_subparsers(dest="i18n_command", required=True)
    for name, run in (("update", i18n_update), ("compile", i18n_compile), ("check", i18n_check)):
        i18n_commands.add_parser(name, help=run.__doc__.split(".")[0],
                                 description=run.__doc__).set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except (WerkstattError, FieldsetError) as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
