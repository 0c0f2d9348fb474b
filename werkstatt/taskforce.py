"""The task force's use cases: processes over time, their sign-in, the roster, follow-up
actions with their history, the self-check, and comparisons.

A mixin of ``werkstatt.service.Werkstatt`` (it uses its store, clock, hasher and
``_check_secret``), kept apart from the live workshop. Every method that touches a
process's data takes the process id that the caller's sign-in opened
(``taskforce_process``) and refuses ids of other processes.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

import pandas as pd

from werkstatt import actions as rules
from werkstatt import aggregate, fieldsets, selfcheck
from werkstatt.actions import Action, Change, Member
from werkstatt.cards import VOTABLE_KINDS
from werkstatt.codes import hash_token, new_code, normalize_code
from werkstatt.errors import (
    ActionChanged,
    InvalidInput,
    PasswordLocked,
    TaskforceNotAuthorized,
    UnknownAction,
    UnknownCard,
    UnknownField,
    UnknownMember,
    UnknownProcess,
    UnknownSector,
    WrongPassword,
)
from werkstatt.i18n import N_
from werkstatt.inputs import clean_date, clean_line, clean_text
from werkstatt.own_fieldsets import lineage, parse_ref

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128
DESCRIPTION_MAX_LENGTH = 2000
NOTE_MAX_LENGTH = 500


@dataclass(frozen=True)
class Process:
    """One municipality's evaluation over time: its workshops share a fieldset and the actions."""

    id: int
    code: str
    title: str
    municipality: str
    fieldset_id: str


class TaskForce:
    """Task-force use cases, mixed into ``Werkstatt``."""

    # --- processes and sign-in ------------------------------------------------------

    def create_process(self, title: str, municipality: str, password: str,
                       fieldset: str = fieldsets.DEFAULT_FIELDSET, workshop_id: int | None = None) -> Process:
        """A new process with its own task-force password; with ``workshop_id`` that workshop
        becomes its first (the facilitator creates it from the console)."""
        record = {
            "title": clean_line(title, N_("Bitte einen Namen für den Prozess eingeben."),
                                N_("Name des Prozesses")),
            "municipality": clean_line(municipality, N_("Bitte die Kommune eingeben."), N_("Kommune")),
            "fieldset": fieldset,
            "created_at": self._timestamp(),
        }
        if workshop_id is not None:
            workshop = self.workshop(workshop_id)
            record["fieldset"] = workshop.fieldset_id
            if workshop.process_id is not None:
                raise InvalidInput(problem=N_("Dieser Workshop gehört schon zu einem Prozess."))
        try:
            self.fieldset_by_id(record["fieldset"])
        except fieldsets.FieldsetError:
            raise InvalidInput(problem=N_("Die Feldliste „{fieldset}“ gibt es nicht."),
                               fieldset=record["fieldset"]) from None
        record["password_hash"] = self._hasher.hash(checked_password(password))
        with self.store.write() as db:
            while True:
                code = new_code()
                if self.store.process_by_code(code) is None:
                    break
            process_id = self.store.insert_process(db, {**record, "code": code})
            if workshop_id is not None:
                self.store.set_workshop_process(db, workshop_id, process_id)
        return self.process(process_id)

    def process(self, process_id: int) -> Process:
        row = self.store.process(process_id)
        if row is None:
            raise UnknownProcess(code=str(process_id))
        return _process(row)

    def processes(self) -> list[Process]:
        """Every process in the file (for the command line; the pages open one by its sign-in)."""
        return [_process(row) for row in self.store.all_processes()]

    def add_workshop_to_process(self, workshop_id: int, code: str, password: str) -> Process:
        """Put a workshop into an existing process; needs the process's task-force password
        (same lockout as the sign-in), so a facilitator cannot join another city's process."""
        workshop = self.workshop(workshop_id)
        if workshop.process_id is not None:
            raise InvalidInput(problem=N_("Dieser Workshop gehört schon zu einem Prozess."))
        process = self._verified_process(code, password)
        if lineage(process.fieldset_id) != lineage(workshop.fieldset_id):
            raise InvalidInput(problem=N_("Der Prozess vergleicht andere Felder als dieser Workshop. "
                                          "Workshops eines Prozesses brauchen dieselbe Feldliste."))
        with self.store.write() as db:
            self.store.set_workshop_process(db, workshop_id, process.id)
        return process

    def taskforce_login(self, code: str, password: str) -> str:
        """Check the task-force password and return a token for the task-force page's URL."""
        process = self._verified_process(code, password)
        token = secrets.token_urlsafe(24)
        with self.store.write() as db:
            self.store.insert_taskforce_session(db, hash_token(token), process.id, self._timestamp())
        return token

    def _verified_process(self, code: str, password: str) -> Process:
        row = self.store.process_by_code(normalize_code(code)) if normalize_code(code) else None
        if row is None:
            raise UnknownProcess(code=normalize_code(code) or str(code or "").strip())
        with self.store.write() as db:
            row = self.store.process(row["id"])
            error = self._check_secret(
                str(password or ""), row["password_hash"],
                row["password_failures"], row["password_locked_until"],
                save=lambda failures, until: self.store.set_password_state(db, row["id"], failures, until),
                wrong=WrongPassword, locked=PasswordLocked,
            )
        if error is not None:  # raised after the commit, so the failure count is kept
            raise error
        return _process(row)

    def taskforce_process(self, token: str) -> Process:
        """The process this task-force token opens; NotAuthorized otherwise (a participant's or
        facilitator's token opens nothing here)."""
        row = self.store.taskforce_session(hash_token(str(token))) if token else None
        if row is None:
            raise TaskforceNotAuthorized()
        return self.process(row["process_id"])

    def process_workshops(self, process_id: int) -> list:
        """The process's workshops (``service.Workshop``), oldest first."""
        return [self.workshop(row["id"]) for row in self.store.process_workshops(process_id)]

    def process_fieldset(self, process: Process) -> fieldsets.Fieldset:
        """The process's topic list. For an own list that is the newest version any of its
        workshops uses (all are of one lineage): a later workshop may have added a field, and
        the task force's actions may refer to it."""
        ids = [process.fieldset_id, *(w.fieldset_id for w in self.process_workshops(process.id))]
        return self.fieldset_by_id(max(ids, key=lambda ref: (parse_ref(ref) or ("", 0))[1]))

    def today(self) -> dt.date:
        """Today in the city's calendar: what "overdue" is measured against."""
        return self._now().astimezone(rules.LOCAL_TIME).date()

    # --- roster ---------------------------------------------------------------------

    def add_member(self, process_id: int, name: str, organisation: str = "",
                   sector: str | None = None) -> Member:
        process = self.process(process_id)
        sector = sector or None
        if sector is not None and sector not in {s.id for s in self.process_fieldset(process).sectors}:
            raise UnknownSector(sector=sector)
        record = {
            "process_id": process_id,
            "name": clean_line(name, N_("Bitte einen Namen eingeben."), N_("Name")),
            "organisation": clean_line(organisation, None, N_("Organisation")),
            "sector": sector,
            "created_at": self._timestamp(),
        }
        with self.store.write() as db:
            member_id = self.store.insert_member(db, record)
        return Member(member_id, record["name"], record["organisation"], sector)

    def members(self, process_id: int) -> list[Member]:
        """Every member, removed ones included (their name is gone, their organisation stays)."""
        return [Member(r["id"], r["name"], r["organisation"], r["sector"])
                for r in self.store.members(process_id)]

    def remove_member(self, process_id: int, member_id: int) -> None:
        """Delete a member's personal data for good. Their actions keep them as owner, shown as
        their organisation or "former member"; the history never held their name."""
        if not any(m.id == member_id and not m.removed for m in self.members(process_id)):
            raise UnknownMember(id=member_id)
        with self.store.write() as db:
            self.store.erase_member(db, member_id, self._timestamp())
        self.store.checkpoint()

    # --- actions --------------------------------------------------------------------

    def create_action(self, process_id: int, title: str, field_id: str, description: str = "",
                      owner: str = "", due_date: dt.date | str | None = None, priority: str = "medium",
                      status: str = "open", card_id: int | None = None, note: str = "") -> Action:
        """A new action; with ``card_id`` (a gap or idea of one of the process's workshops)
        the card is linked and the action remembers the workshop it came from."""
        process = self.process(process_id)
        values = self._action_values(process, title=title, description=description, field_id=field_id,
                                     owner=owner, due_date=due_date, priority=priority, status=status)
        workshop_id = self._card_workshop(process, card_id) if card_id is not None else None
        now = self._timestamp()
        with self.store.write() as db:
            action_id = self.store.insert_action(db, {
                **_columns(values), "process_id": process_id, "workshop_id": workshop_id, "created_at": now,
            })
            if card_id is not None:
                self.store.link_card(db, action_id, card_id)
            self.store.insert_history(db, action_id, now, "created", None, values["title"],
                                      clean_text(note, N_("Notiz"), NOTE_MAX_LENGTH))
        return self.action(process_id, action_id)

    def update_action(self, process_id: int, action_id: int, version: int, note: str = "",
                      **changes: object) -> Action:
        """Change any of title, description, field_id, owner, due_date, priority, status.

        Every attribute that really changes gets a history entry (old → new, one shared
        time and note). ``version`` is the one the form was opened with: if someone saved
        the action since, nothing is written and ``ActionChanged`` says so.
        """
        unknown = set(changes) - set(rules.TRACKED)
        if unknown:
            raise TypeError(f"not an action attribute: {', '.join(sorted(unknown))}")
        process = self.process(process_id)
        current = self.action(process_id, action_id)
        if current.version != version:  # also when the other person's change equals this one
            raise ActionChanged()
        before = _values(current)
        after = self._action_values(process, keep_owner=current.owner, **{**before, **changes})
        note = clean_text(note, N_("Notiz"), NOTE_MAX_LENGTH)
        diff = rules.changes(before, after)
        if not diff:
            return current
        now = self._timestamp()
        with self.store.write() as db:
            if self.store.action_version(db, action_id) != version:
                raise ActionChanged()
            self.store.update_action(db, action_id, updated_at=now,
                                     **{k: v for k, v in _columns(after).items()
                                        if k in _changed_columns(diff)})
            for attribute, old, new in diff:
                self.store.insert_history(db, action_id, now, attribute, old, new, note)
        return self.action(process_id, action_id)

    def actions(self, process_id: int) -> list[Action]:
        return [_action(row) for row in self.store.actions(process_id)]

    def action(self, process_id: int, action_id: int) -> Action:
        row = self.store.action(process_id, action_id)
        if row is None:
            raise UnknownAction(id=action_id)
        return _action(row)

    def action_history(self, process_id: int, action_id: int) -> list[Change]:
        """The action's history, oldest first: its creation, then every change."""
        self.action(process_id, action_id)
        return [
            Change(r["id"], r["action_id"], r["changed_at"], r["attribute"], r["old_value"], r["new_value"],
                   r["note"])
            for r in self.store.action_history(action_id)
        ]

    def _action_values(self, process: Process, keep_owner: str = "", **raw: object) -> dict[str, str | None]:
        """The tracked attributes checked and in their stored form. ``keep_owner`` is the
        current owner, which stays valid even if that member has been removed since."""
        fieldset = self.process_fieldset(process)
        field_id = str(raw["field_id"] or "")
        if field_id not in fieldset.field_ids:
            raise UnknownField(field=field_id)
        priority, status = raw["priority"], raw["status"]
        if priority not in rules.PRIORITIES:
            raise InvalidInput(problem=N_("Die Priorität „{value}“ gibt es nicht."), value=priority)
        if status not in rules.STATUSES:
            raise InvalidInput(problem=N_("Den Status „{value}“ gibt es nicht."), value=status)
        return {
            "title": clean_line(raw["title"], N_("Bitte einen Titel für die Maßnahme eingeben."),
                                N_("Maßnahme")),
            "description": clean_text(raw["description"], N_("Beschreibung"), DESCRIPTION_MAX_LENGTH),
            "field_id": field_id,
            "owner": (keep_owner if raw["owner"] == keep_owner
                      else self._owner(process.id, str(raw["owner"] or ""))),
            "due_date": clean_date(raw["due_date"]),
            "priority": priority,
            "status": status,
        }

    def _owner(self, process_id: int, owner: str) -> str:
        """An owner in its stored form; a member must be current, an organisation one line."""
        if not owner:
            return ""
        member = rules.member_id(owner)
        if member is not None:
            if not any(m.id == member and not m.removed for m in self.members(process_id)):
                raise UnknownMember(id=member)
            return owner
        if owner.startswith("org:"):
            return rules.owner_key(organisation=clean_line(rules.organisation_of(owner), None,
                                                           N_("Organisation")))
        raise InvalidInput(problem=N_("Verantwortlich ist ein Mitglied oder eine Organisation."))

    def _card_workshop(self, process: Process, card_id: int) -> int:
        """The workshop of a card that may become an action: a gap or idea of this process."""
        workshop_ids = {w.id for w in self.process_workshops(process.id)}
        for workshop_id in workshop_ids:
            for card in self.board(workshop_id):
                if card.id == card_id:
                    if card.kind not in VOTABLE_KINDS:
                        raise InvalidInput(problem=N_("Maßnahmen entstehen aus Handlungsbedarfen und "
                                                      "Ideen, nicht aus Stärken."))
                    return workshop_id
        raise UnknownCard(id=card_id)

    # --- self-check and comparisons ----------------------------------------------------

    def set_self_check(self, workshop_id: int, scores: dict[str, float | None]) -> dict[str, float]:
        """Replace the administration's self-check scores of a workshop (None: field skipped)."""
        fieldset = self.fieldset(self.workshop(workshop_id))
        low, high = fieldset.scale.min, fieldset.scale.max
        clean = {}
        for field_id, score in scores.items():
            if field_id not in fieldset.field_ids:
                raise UnknownField(field=field_id)
            if score is None or pd.isna(score):
                continue
            if isinstance(score, bool) or not isinstance(score, (int, float)) or not low <= score <= high:
                shown = f"{score:g}" if isinstance(score, (int, float)) else str(score)[:20]
                raise InvalidInput(problem=N_("{field}: {value} liegt nicht zwischen {low} und "
                                              "{high}."), value=shown, low=low, high=high,
                                   field=fieldset.field(field_id).title.get(fieldset.language))
            clean[field_id] = float(score)
        with self.store.write() as db:
            self.store.replace_self_check(db, workshop_id, clean)
        return clean

    def import_self_check(self, workshop_id: int, data: bytes) -> dict[str, float]:
        """Read a CSV file of scores (see ``werkstatt.selfcheck``) and store it whole, or raise
        ``SelfCheckFileError`` listing every broken row and store nothing."""
        scores = selfcheck.parse_csv(data, self.fieldset(self.workshop(workshop_id)))
        return self.set_self_check(workshop_id, scores)

    def self_check(self, workshop_id: int) -> dict[str, float]:
        return self.store.self_check(workshop_id)

    def perspective(self, workshop_id: int) -> pd.DataFrame:
        """The workshop's view beside the administration's self-check, per field."""
        workshop = self.workshop(workshop_id)
        return aggregate.perspective(self.summary(workshop_id), self.self_check(workshop_id),
                                     self.fieldset(workshop))

    def comparison(self, before_id: int, after_id: int) -> pd.DataFrame:
        """Two workshops of one process side by side per field (``aggregate.compare``)."""
        before, after = self.workshop(before_id), self.workshop(after_id)
        if before.process_id is None or before.process_id != after.process_id:
            raise InvalidInput(problem=N_("Verglichen werden nur Workshops desselben Prozesses."))
        return aggregate.compare(self.summary(before_id), self.summary(after_id), self.fieldset(after))


def checked_password(password: str, minimum: int = PASSWORD_MIN_LENGTH) -> str:
    """The password as typed, or InvalidInput when it is shorter than ``minimum`` or too long
    (the task force's and the organisers' passwords share the rule, with their own minimum)."""
    password = str(password or "")
    if len(password) < minimum:
        raise InvalidInput(problem=N_("Das Passwort ist zu kurz: mindestens {min} Zeichen."), min=minimum)
    if len(password) > PASSWORD_MAX_LENGTH:
        raise InvalidInput(problem=N_("Das Passwort ist zu lang: höchstens {max} Zeichen."),
                           max=PASSWORD_MAX_LENGTH)
    return password


def _process(row: dict) -> Process:
    return Process(row["id"], row["code"], row["title"], row["municipality"], row["fieldset"])


def _action(row: dict) -> Action:
    owner = rules.owner_key(row["owner_member_id"], row["owner_organisation"])
    return Action(
        id=row["id"], process_id=row["process_id"], workshop_id=row["workshop_id"], field_id=row["field_id"],
        title=row["title"], description=row["description"], owner=owner,
        due_date=dt.date.fromisoformat(row["due_date"]) if row["due_date"] else None,
        priority=row["priority"], status=row["status"], version=row["version"],
        created_at=row["created_at"], updated_at=row["updated_at"],
        card_ids=tuple(int(c) for c in row["card_ids"].split(",")) if row["card_ids"] else (),
    )


def _values(action: Action) -> dict[str, str | None]:
    """An action's tracked attributes in their stored form (what the history compares)."""
    return {
        "title": action.title, "description": action.description, "field_id": action.field_id,
        "owner": action.owner, "due_date": action.due_date.isoformat() if action.due_date else None,
        "priority": action.priority, "status": action.status,
    }


def _columns(values: dict[str, str | None]) -> dict[str, object]:
    """Tracked attributes → table columns (the owner is two columns)."""
    columns = {k: v for k, v in values.items() if k != "owner"}
    columns["owner_member_id"] = rules.member_id(values["owner"])
    columns["owner_organisation"] = rules.organisation_of(values["owner"])
    return columns


def _changed_columns(diff: list[tuple[str, str | None, str | None]]) -> set[str]:
    names = {attribute for attribute, _, _ in diff}
    if "owner" in names:
        names |= {"owner_member_id", "owner_organisation"}
    return names
