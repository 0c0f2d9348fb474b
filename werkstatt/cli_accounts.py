"""``python -m werkstatt organizer …``: the operator's side of organiser accounts (hosted servers).

The operator adds an account by name and passes on the printed one-time link; no e-mail server
is involved. The name is the only personal data, and ``remove`` forgets it.
"""

from __future__ import annotations

import argparse
import os

from werkstatt.addresses import BASE_URL_ENV, link
from werkstatt.organizers import INVITATION_DAYS
from werkstatt.service import Werkstatt
from werkstatt.settings import accounts


def add(args: argparse.Namespace) -> None:
    """Add an organiser's account and print its one-time invitation link."""
    organizer, invitation = Werkstatt(args.db).add_organizer(args.name)
    print(f"Konto für {organizer.name} angelegt.")
    _print_link(args, invitation)


def invite(args: argparse.Namespace) -> None:
    """A new invitation link for an account (a forgotten password): the old password stops
    working once the link is used."""
    invitation = Werkstatt(args.db).invite_organizer(args.name)
    _print_link(args, invitation)


def list_accounts(args: argparse.Namespace) -> None:
    """Every organiser's account, whether its password is set, and how many workshops it has."""
    organizers = Werkstatt(args.db).organizers()
    if not accounts():
        print("Hinweis: Konten sind ausgeschaltet (WERKSTATT_ACCOUNTS ist nicht gesetzt); "
              "jede Person an der Startseite kann Workshops anlegen.")
    if not organizers:
        print("Noch keine Konten.")
    for organizer in organizers:
        state = "Passwort gesetzt" if organizer.has_password else "Einladung offen"
        print(f"{organizer.name} · {state} · {organizer.workshops} Workshop(s)")


def remove(args: argparse.Namespace) -> None:
    """Remove an account: its name and password are forgotten, its sessions end. Its workshops
    go to ``--to`` (another account), else they stay without an organiser."""
    moved = Werkstatt(args.db).remove_organizer(args.name, successor=args.to)
    print(f"Konto „{args.name}“ entfernt.")
    if args.to:
        print(f"{moved} Workshop(s) an {args.to} übergeben.")
    elif moved:
        print(f"{moved} Workshop(s) haben jetzt kein Konto mehr (mit --to NAME übergeben).")


def _print_link(args: argparse.Namespace, invitation: str) -> None:
    base = (args.base_url or os.environ.get(BASE_URL_ENV) or "http://localhost:8501").rstrip("/")
    print(f"Einladungslink (gilt einmal, {INVITATION_DAYS} Tage lang):")
    print(f"  {link(base, 'konto', einladung=invitation)}")


def add_commands(commands) -> None:
    """The ``organizer`` command and its subcommands, on the main parser's ``commands``."""
    parser = commands.add_parser("organizer", help="organiser accounts on a hosted server: add, invite, "
                                 "list, remove", description=__doc__)
    sub = parser.add_subparsers(dest="organizer_command", required=True)
    for name, run in (("add", add), ("invite", invite), ("remove", remove)):
        command = sub.add_parser(name, help=run.__doc__.split(".")[0], description=run.__doc__)
        command.add_argument("name", help="the organiser's name, as they will type it to sign in")
        if name == "remove":
            command.add_argument("--to", help="hand the account's workshops to this account first")
        else:
            command.add_argument("--base-url", help=f"the server's address (default: ${BASE_URL_ENV}, "
                                 "else http://localhost:8501)")
        command.set_defaults(run=run)
    sub.add_parser("list", help=list_accounts.__doc__.split(".")[0],
                   description=list_accounts.__doc__).set_defaults(run=list_accounts)
