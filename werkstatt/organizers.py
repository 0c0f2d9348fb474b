"""Organiser accounts: who may create workshops on a hosted server, and what each of them sees.

On a laptop anyone at the start page may create a workshop. On a public server that would let
the whole internet do it, so the operator can turn accounts on (``WERKSTATT_ACCOUNTS``): then
only a signed-in organiser creates workshops, and each organiser sees, reopens, hands over and
deletes only their own. The operator adds an organiser by name from the command line and gets
a one-time invitation link (no e-mail server needed); the organiser sets their password there.

A mixin of ``werkstatt.service.Werkstatt`` (it uses its store, clock, hasher and
``_check_secret``, so the password has the PIN's hashing and lockout). Every method that
touches a workshop takes the session token and refuses workshops of other organisers.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from dataclasses import dataclass

from werkstatt.codes import hash_token
from werkstatt.errors import (
    InvalidInput,
    InvitationInvalid,
    OrganizerLocked,
    OrganizerNotAuthorized,
    OrganizerSessionExpired,
    UnknownOrganizer,
    UnknownProcess,
    UnknownWorkshop,
    WrongOrganizerPassword,
)
from werkstatt.i18n import N_
from werkstatt.inputs import clean_line
from werkstatt.taskforce import checked_password

PASSWORD_MIN_LENGTH = 10  # the task force's is 8: an account reaches every workshop of its owner
INVITATION_DAYS = 7
SESSION_HOURS = 12  # a working day with the workshop in it; then sign in again
STATES = ("open", "closed", "archived")


@dataclass(frozen=True)
class Organizer:
    id: int
    name: str
    has_password: bool  # False until the invitation was used
    workshops: int = 0


@dataclass(frozen=True)
class OwnWorkshop:
    """A line of an organiser's list: enough to find the workshop and act on it."""

    id: int
    title: str
    municipality: str
    date: dt.date | None
    join_code: str
    state: str  # one of STATES
    process_id: int | None
    process_title: str | None


def name_key(name: str) -> str:
    """The name as it is matched at sign-in: case, accents' composition and inner spaces ignored,
    so "Anna  Muster" and "anna muster" are one account."""
    return " ".join(unicodedata.normalize("NFC", str(name or "")).casefold().split())


class Organizers:
    """Organiser use cases, mixed into ``Werkstatt``."""

    # --- the operator's side (command line) ---------------------------------------------

    def add_organizer(self, name: str) -> tuple[Organizer, str]:
        """A new account and its one-time invitation token (for the link the operator passes on)."""
        name = clean_line(name, N_("Bitte einen Namen eingeben."), N_("Name"))
        token = secrets.token_urlsafe(24)
        with self.store.write() as db:
            if self.store.organizer_by_name(name_key(name), db) is not None:
                raise InvalidInput(problem=N_("Ein Konto mit dem Namen „{name}“ gibt es schon."), name=name)
            organizer_id = self.store.insert_organizer(db, {
                "name": name, "name_key": name_key(name), "invitation_hash": hash_token(token),
                "invitation_expires_at": self._invitation_expiry(), "created_at": self._timestamp(),
            })
        return self._organizer(self.store.organizer(organizer_id)), token

    def invite_organizer(self, name: str) -> str:
        """A fresh invitation for an existing account (a forgotten password): the old link and the
        old password stop working when the new link is used."""
        with self.store.write() as db:
            row = self._organizer_row(name, db)
            token = secrets.token_urlsafe(24)
            self.store.set_invitation(db, row["id"], hash_token(token), self._invitation_expiry())
        return token

    def organizers(self) -> list[Organizer]:
        return [self._organizer(row) for row in self.store.organizers()]

    def remove_organizer(self, name: str, successor: str | None = None) -> int:
        """Forget the account's name and secrets and end its sessions. Its workshops go to
        ``successor`` if given, else they stay without an organiser (only the operator reaches
        them then). Returns how many workshops were handed over."""
        with self.store.write() as db:
            row = self._organizer_row(name, db)
            heir = self._organizer_row(successor, db)["id"] if successor else None
            if heir == row["id"]:
                raise InvalidInput(problem=N_("Bitte einen anderen Namen als den des Kontos angeben."))
            moved = self.store.hand_over_workshops(db, row["id"], heir)
            self.store.remove_organizer(db, row["id"], self._timestamp())
        self.store.checkpoint()  # the name leaves the write-ahead log too
        return moved

    def _organizer_row(self, name: str, db) -> dict:
        row = self.store.organizer_by_name(name_key(name), db)
        if row is None:
            raise UnknownOrganizer(name=str(name or "").strip())
        return row

    def _invitation_expiry(self) -> str:
        return (self._now() + dt.timedelta(days=INVITATION_DAYS)).isoformat(timespec="seconds")

    # --- signing in and out -------------------------------------------------------------

    def accept_invitation(self, invitation: str, password: str, password_again: str) -> str:
        """Set the password from the invitation link and sign in; the link works once."""
        password = checked_password(password, PASSWORD_MIN_LENGTH)
        if password != str(password_again or ""):
            raise InvalidInput(problem=N_("Die beiden Passwörter stimmen nicht überein."))
        password_hash = self._hasher.hash(password)
        with self.store.write() as db:
            row = self.store.organizer_by_invitation(db, hash_token(str(invitation or "")))
            if row is None or dt.datetime.fromisoformat(row["invitation_expires_at"]) <= self._now():
                raise InvitationInvalid()
            self.store.set_organizer_password(db, row["id"], password_hash)
            return self._new_session(db, row["id"])

    def organizer_login(self, name: str, password: str) -> str:
        """Check name and password (the PIN's lockout: five wrong in a row lock the account for a
        few minutes) and return a session token for the account page's URL. An unknown name is
        refused with the same message as a wrong password, so names cannot be probed."""
        row = self.store.organizer_by_name(name_key(name))
        if row is None or row["password_hash"] is None:
            # The same check against a hash nobody knows: as slow, and the same message.
            raise self._check_secret(str(password or ""), self._hasher.hash(secrets.token_hex(16)), 0, None,
                                     save=lambda failures, until: None,
                                     wrong=WrongOrganizerPassword, locked=OrganizerLocked)
        with self.store.write() as db:
            error = self._check_secret(
                str(password or ""), row["password_hash"], row["password_failures"],
                row["password_locked_until"],
                save=lambda failures, until: self.store.set_organizer_password_state(db, row["id"], failures, until),
                wrong=WrongOrganizerPassword, locked=OrganizerLocked,
            )
            token = None if error else self._new_session(db, row["id"])
        if error is not None:  # raised after the commit, so the failure count is kept
            raise error
        return token

    def _new_session(self, db, organizer_id: int) -> str:
        token = secrets.token_urlsafe(24)
        expires = (self._now() + dt.timedelta(hours=SESSION_HOURS)).isoformat(timespec="seconds")
        self.store.delete_expired_organizer_sessions(db, self._timestamp())
        self.store.insert_organizer_session(db, hash_token(token), organizer_id, self._timestamp(), expires)
        return token

    def organizer_logout(self, token: str) -> None:
        with self.store.write() as db:
            self.store.delete_organizer_session(db, hash_token(str(token or "")))

    def signed_in_organizer(self, token: str) -> Organizer:
        """The organiser of this session; OrganizerNotAuthorized when the token is unknown (a
        participant's, facilitator's or task force's token is) or the session has expired."""
        session = self.store.organizer_session(hash_token(str(token))) if token else None
        if session is None:
            raise OrganizerNotAuthorized()
        if dt.datetime.fromisoformat(session["expires_at"]) <= self._now():
            raise OrganizerSessionExpired()
        row = self.store.organizer(session["organizer_id"])
        if row is None:
            raise OrganizerNotAuthorized()
        return self._organizer(row)

    # --- their workshops ----------------------------------------------------------------

    def organizer_create_workshop(self, token: str, **details: object):
        """Create a workshop that belongs to the signed-in organiser (``details`` as for
        ``create_workshop``)."""
        organizer = self.signed_in_organizer(token)
        return self.create_workshop(**details, organizer_id=organizer.id)

    def own_workshops(self, token: str) -> list[OwnWorkshop]:
        organizer = self.signed_in_organizer(token)
        return [_own_workshop(row) for row in self.store.organizer_workshops(organizer.id)]

    def organizer_console(self, token: str, workshop_id: int) -> str:
        """A facilitator token for one of the organiser's workshops, open or closed: the
        organiser needs neither the join code nor the PIN."""
        workshop_id = self._own_workshop_id(token, workshop_id)
        console = secrets.token_urlsafe(24)
        with self.store.write() as db:
            self.store.insert_facilitator_session(db, hash_token(console), workshop_id, self._timestamp())
        return console

    def organizer_taskforce(self, token: str, process_id: int) -> str:
        """A task-force token for a process one of the organiser's workshops belongs to, so the
        organiser reaches the task force's page without its password."""
        own = {w.process_id for w in self.own_workshops(token)} - {None}
        if int(process_id) not in own:
            raise UnknownProcess(code=str(process_id))
        taskforce = secrets.token_urlsafe(24)
        with self.store.write() as db:
            self.store.insert_taskforce_session(db, hash_token(taskforce), int(process_id), self._timestamp())
        return taskforce

    def hand_over_workshop(self, token: str, workshop_id: int, colleague: str) -> Organizer:
        """Give a workshop to another organiser (by name); it leaves this one's list."""
        workshop_id = self._own_workshop_id(token, workshop_id)
        with self.store.write() as db:
            row = self._organizer_row(colleague, db)
            self.store.set_workshop_organizer(db, workshop_id, row["id"])
        return self._organizer(row)

    def delete_own_workshop(self, token: str, workshop_id: int) -> None:
        """Delete a workshop for good: its ratings, cards, dots and groups. The actions of its
        process stay (they belong to the task force) and forget the workshop. Connections run
        with ``secure_delete``, so the deleted rows are overwritten in the file."""
        workshop_id = self._own_workshop_id(token, workshop_id)
        with self.store.write() as db:
            self.store.delete_workshop(db, workshop_id)
        self.store.checkpoint()  # no deleted page stays behind in the write-ahead log

    def _own_workshop_id(self, token: str, workshop_id: int) -> int:
        """The id, if the workshop belongs to the signed-in organiser; another organiser's
        workshop is refused as if it did not exist."""
        organizer = self.signed_in_organizer(token)
        row = self.store.workshop(int(workshop_id))
        if row is None or row["organizer_id"] != organizer.id:
            raise UnknownWorkshop(id=workshop_id)
        return row["id"]

    @staticmethod
    def _organizer(row: dict) -> Organizer:
        return Organizer(row["id"], row["name"], row["password_hash"] is not None, row.get("workshops", 0))


def _own_workshop(row: dict) -> OwnWorkshop:
    return OwnWorkshop(
        id=row["id"], title=row["title"], municipality=row["municipality"],
        date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
        join_code=row["join_code"], state=row["state"], process_id=row["process_id"],
        process_title=row["process_title"],
    )
