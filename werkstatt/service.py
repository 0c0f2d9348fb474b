"""The use cases of a workshop: one method per thing a person does.

Pages, the CLI and tests all call ``Werkstatt``; it never imports Streamlit.
Every rule (a locked step, a level off the scale, a wrong PIN) is enforced here
with a ``WerkstattError`` a person can read, and every write is one
transaction, so nothing partial is ever stored.

    from werkstatt.service import Werkstatt
    app = Werkstatt("data/werkstatt.db")
    ws = app.create_workshop(title="Selbstcheck", municipality="Musterstadt",
                             facilitator_pin="4711")
    app.set_live_step(ws.id, "rating")
    p = app.join(ws.join_code, sector="verwaltung")
    app.rate(p.token, "management", 3)
    app.summary(ws.id)          # one row per field
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import argon2
import pandas as pd

from db.store import Store
from werkstatt import agenda, aggregate, fieldsets, retention
from werkstatt.codes import hash_token, new_code, normalize_code
from werkstatt.errors import (
    InvalidInput,
    InvalidLevel,
    NotAuthorized,
    OrganizerNotAuthorized,
    PinLocked,
    RatingClosed,
    StorageError,
    UnknownField,
    UnknownJoinCode,
    UnknownParticipant,
    UnknownSector,
    UnknownWorkshop,
    WerkstattError,
    WorkshopClosed,
    WorkshopFull,
    WrongPin,
)
from werkstatt.groupwork import GroupWork
from werkstatt.i18n import N_, P_
from werkstatt.inputs import clean_date, clean_line
from werkstatt.organizers import Organizers
from werkstatt.own_fieldsets import OwnFieldsets
from werkstatt.peers import Peers
from werkstatt.taskforce import TaskForce

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 64
PIN_MAX_FAILURES = 5
PIN_LOCK_MINUTES = 5
PARTICIPANT_CAP_MAX = 5000


@dataclass(frozen=True)
class Workshop:
    id: int
    title: str
    municipality: str
    date: dt.date | None
    place: str
    fieldset_id: str
    language: str
    join_code: str
    live_step: str
    step_version: int
    data_version: int
    locked: bool = False  # the facilitator (or the timer) locked the live step's input
    dot_budget: int = 5
    dots_per_card: int = 2
    timer_ends_at: dt.datetime | None = None
    timer_seconds: int | None = None
    timer_locks: bool = False
    wall_field: str | None = None
    process_id: int | None = None  # the process (evaluation over time) it belongs to
    participant_cap: int = 500  # joins beyond this are refused (a script must not flood the room)
    vote_version: int = 0  # dot taps so far: data_version - vote_version moves with the cards only

    @property
    def cards_version(self) -> int:
        """Moves with every change but a dot tap (what ``Werkstatt.wall`` is cached on)."""
        return self.data_version - self.vote_version

    @property
    def step(self) -> agenda.Step:
        return agenda.step(self.live_step)

    def timer_left(self, now: dt.datetime) -> float | None:
        """Seconds left on the countdown (0 once it ran out), None without a timer."""
        if self.timer_ends_at is None:
            return None
        return max(0.0, (self.timer_ends_at - now).total_seconds())

    def input_open(self, now: dt.datetime) -> bool:
        """Whether the live step still takes input: not locked by hand, and not by a
        timer that ran out (checked against the clock, so the lock holds at zero even
        before any screen has noticed)."""
        return not self.locked and not (self.timer_locks and self.timer_left(now) == 0)

    @property
    def is_closed(self) -> bool:
        return self.live_step == agenda.FINAL_STEP


@dataclass(frozen=True)
class Participant:
    id: int
    token: str
    workshop_id: int
    sector: str | None
    group_id: int | None = None
    group_tablet: bool = False  # one shared tablet for a whole group


@dataclass(frozen=True)
class Progress:
    """What the projector counts before the reveal: who joined, how many rated each field."""

    participants: int
    rated: dict[str, int]


class Werkstatt(GroupWork, TaskForce, Organizers, Peers, OwnFieldsets):
    """The service facade over one database file.

    :param path: the SQLite file (created with its folder if missing)
    :param password_hasher: argon2 hasher for facilitator PINs; tests pass a
        cheap one, production keeps argon2's defaults (about 0.2 s a hash)
    :param clock: returns the current UTC time; tests pass a fixed clock
    :param fieldset_dir: where the fieldset YAML files are (default ``fieldsets/``)
    :param accounts: only signed-in organisers create workshops (a hosted server,
        ``WERKSTATT_ACCOUNTS``); off on a laptop and for the operator's command line
    """

    def __init__(
        self,
        path: str | Path,
        password_hasher: argon2.PasswordHasher | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        fieldset_dir: Path = fieldsets.FIELDSETS_DIR,
        accounts: bool = False,
    ):
        self.store = Store(path)
        self.accounts = accounts
        self._hasher = password_hasher or argon2.PasswordHasher()
        self._now = clock or (lambda: dt.datetime.now(dt.timezone.utc))
        self._fieldset_dir = fieldset_dir
        self._cache: dict[tuple[int, int, str], object] = {}
        self._cache_lock = threading.Lock()

    def now(self) -> dt.datetime:
        """The service's clock (UTC): screens count a timer down from it."""
        return self._now()

    def _timestamp(self) -> str:
        return self._now().isoformat(timespec="seconds")

    # --- workshops -----------------------------------------------------------

    def fieldset_files(self) -> tuple[list[fieldsets.Fieldset], list[fieldsets.FieldsetError]]:
        """The fieldsets a facilitator can choose from, and the errors of files that cannot be used
        (each naming the file, the line and the fix). One pass over the folder."""
        return fieldsets.check_all(self._fieldset_dir)

    def fieldset(self, workshop: Workshop) -> fieldsets.Fieldset:
        return self.fieldset_by_id(workshop.fieldset_id)

    def create_workshop(
        self,
        title: str,
        municipality: str,
        facilitator_pin: str,
        fieldset: str = fieldsets.DEFAULT_FIELDSET,
        date: dt.date | str | None = None,
        place: str = "",
        language: str = "de",
        organizer_id: int | None = None,
    ) -> Workshop:
        """Create a workshop in its check-in step with a fresh join code.

        The PIN is stored as an argon2 hash; the join code is unique among
        open workshops (a unique index backs the check against races). With
        accounts on, only an organiser creates one (``organizer_create_workshop``).
        """
        if self.accounts and organizer_id is None:
            raise OrganizerNotAuthorized()
        record = {
            "title": clean_line(title, N_("Bitte einen Titel für den Workshop eingeben."), N_("Titel")),
            "municipality": clean_line(municipality, N_("Bitte die Kommune eingeben."), N_("Kommune")),
            "place": clean_line(place, None, N_("Ort")),
            "date": clean_date(date),
            "fieldset": fieldset,
            "language": language,
            "live_step": agenda.FIRST_STEP,
            "created_at": self._timestamp(),
            "organizer_id": organizer_id,
        }
        pin = str(facilitator_pin or "")
        if len(pin) < PIN_MIN_LENGTH:
            raise InvalidInput(problem=N_("Die PIN braucht mindestens {min} Zeichen."), min=PIN_MIN_LENGTH)
        if len(pin) > PIN_MAX_LENGTH:
            raise InvalidInput(problem=N_("Die PIN darf höchstens {max} Zeichen haben."), max=PIN_MAX_LENGTH)
        try:
            self.fieldset_by_id(fieldset)
        except fieldsets.FieldsetError:
            raise InvalidInput(problem=N_("Die Feldliste „{fieldset}“ gibt es nicht."),
                               fieldset=fieldset) from None
        record["pin_hash"] = self._hasher.hash(pin)
        with self.store.write() as db:
            code = self._new_join_code(db)
            workshop_id = self.store.insert_workshop(db, {**record, "join_code": code})
        return self.workshop(workshop_id)

    def _new_join_code(self, db) -> str:
        while True:
            code = new_code()
            if not self.store.join_code_taken(db, code):
                return code

    def workshop(self, workshop_id: int) -> Workshop:
        row = self.store.workshop(workshop_id)
        if row is None:
            raise UnknownWorkshop(id=workshop_id)
        return _workshop(row)

    def workshops(self) -> list[Workshop]:
        """Every workshop in the file, oldest first."""
        return [_workshop(row) for row in self.store.all_workshops()]

    def workshop_by_code(self, join_code: str) -> Workshop:
        """The open workshop with this code (case and spaces ignored)."""
        code = normalize_code(join_code)
        row = self.store.open_workshop_by_code(code) if code else None
        if row is None:
            raise UnknownJoinCode(code=code or str(join_code or "").strip())
        return _workshop(row)

    def screen_workshop(self, workshop_id: int, join_code: str) -> Workshop:
        """The workshop a projector link opens: its id and its code must match.

        Unlike the join code alone this still finds the workshop after it
        closed, and the id alone (easy to guess) opens nothing.
        """
        row = self.store.workshop(workshop_id)
        if row is None or row["join_code"] != normalize_code(join_code):
            raise UnknownJoinCode(code=normalize_code(join_code))
        return _workshop(row)

    def set_live_step(self, workshop_id: int, step_id: str) -> Workshop:
        """Move the live step; every tablet and the projector follow it."""
        with self.store.write() as db:
            current = self.workshop(workshop_id)
            target = agenda.check_move(current.live_step, step_id)
            if target.id != current.live_step:
                self.store.set_live_step(db, workshop_id, target.id)
                if target.id == agenda.FINAL_STEP:
                    retention.mark_closed(self, db, workshop_id)
        return self.workshop(workshop_id)

    def versions(self, workshop_id: int) -> tuple[int, int]:
        """``(step_version, data_version)``: all a polling screen reads.

        A timer that locks at zero is turned into a stored lock by the first
        poll after it ran out, so every screen sees the step locked.
        """
        versions = self.store.versions(workshop_id, self._timestamp())
        if versions is None:
            raise UnknownWorkshop(id=workshop_id)
        if versions[2]:
            try:
                with self.store.write() as db:
                    if self.store.due_timer_lock(workshop_id, self._timestamp()):
                        self.store.update_workshop(db, workshop_id, locked=1)
                        self.store.bump_step_version(db, workshop_id)
            except StorageError:
                pass  # a full disk must not break every screen's poll: the clock locks the input anyway
            versions = self.store.versions(workshop_id, self._timestamp())
        return versions[0], versions[1]

    def device_versions(self, workshop_ids: list[int]) -> dict[int, int]:
        """``{workshop id: step_version}``: the version of what participant devices show, for
        every workshop a server process has devices of, in one read. A timer that locks at
        zero and has run out is stored as a lock first (``versions``), so the devices are
        woken by the lock itself."""
        rows = self.store.device_versions(list(workshop_ids), self._timestamp())
        due = [workshop_id for workshop_id, (_, lock_due) in rows.items() if lock_due]
        for workshop_id in due:
            self.versions(workshop_id)
        if due:
            rows = self.store.device_versions(list(workshop_ids), self._timestamp())
        return {workshop_id: version for workshop_id, (version, _) in rows.items()}

    # --- facilitator access ------------------------------------------------

    def facilitator_login(self, join_code: str, pin: str) -> str:
        """Check the PIN and return a facilitator token for the console's URL.

        Five wrong PINs in a row lock the console for a few minutes. The PIN is
        compared by argon2's constant-time verify.
        """
        workshop = self.workshop_by_code(join_code)
        token = secrets.token_urlsafe(24)
        with self.store.write() as db:
            row = self.store.workshop(workshop.id)
            error = self._check_secret(
                str(pin or ""), row["pin_hash"], row["pin_failures"], row["pin_locked_until"],
                save=lambda failures, until: self.store.set_pin_state(db, workshop.id, failures, until),
                wrong=WrongPin, locked=PinLocked,
            )
            if error is None:
                self.store.insert_facilitator_session(db, hash_token(token), workshop.id, self._timestamp())
        # Raised after the commit, so the failure count is kept.
        if error is not None:
            raise error
        return token

    def _check_secret(self, given: str, stored_hash: str, failures: int, locked_until: str | None,
                      save: Callable[[int, str | None], None],
                      wrong: type[WerkstattError], locked: type[WerkstattError]) -> WerkstattError | None:
        """The lockout rule of every secret (facilitator PIN, task-force password): five wrong
        tries in a row lock it for a few minutes; argon2 compares in constant time.

        Returns the error to raise once ``save`` has stored the new failure count (inside the
        caller's transaction), or None when the secret is right.
        """
        now = self._now()
        if locked_until and dt.datetime.fromisoformat(locked_until) > now:
            return locked(minutes=_minutes_left(dt.datetime.fromisoformat(locked_until) - now))
        try:
            self._hasher.verify(stored_hash, given)
        except argon2.exceptions.VerificationError:
            failures += 1
            if failures >= PIN_MAX_FAILURES:
                save(0, (now + dt.timedelta(minutes=PIN_LOCK_MINUTES)).isoformat())
                return locked(minutes=PIN_LOCK_MINUTES)
            save(failures, None)
            return wrong(attempts_left=PIN_MAX_FAILURES - failures, minutes=PIN_LOCK_MINUTES)
        save(0, None)
        return None

    def facilitated_workshop(self, facilitator_token: str) -> Workshop:
        """The workshop this facilitator token opens; NotAuthorized otherwise."""
        if not facilitator_token:
            raise NotAuthorized()
        row = self.store.facilitator_session(hash_token(str(facilitator_token)))
        if row is None:
            raise NotAuthorized()
        return self.workshop(row["workshop_id"])

    # --- participants ------------------------------------------------------

    def join(
        self,
        join_code: str,
        sector: str | None = None,
        group_id: int | None = None,
        group_tablet: bool = False,
        join_key: str | None = None,
    ) -> Participant:
        """Join an open workshop anonymously; the token goes into the page URL.

        A group's own link places the person in that group; with
        ``group_tablet`` the device is the group's shared tablet, whose cards
        count for the group rather than for a person. ``join_key`` names the
        join form the request came from: the same form sent twice (a double
        tap, a reload that resends it) returns the participant it created,
        so nobody is counted twice. The workshop's participant cap is checked
        in the same transaction, so a flood of joins cannot slip past it.
        """
        workshop = self.workshop_by_code(join_code)
        sector = sector or None
        if sector is not None and sector not in {s.id for s in self.fieldset(workshop).sectors}:
            raise UnknownSector(sector=sector)
        if group_id is not None:
            self._group_fields(workshop.id, group_id)
        elif group_tablet:
            raise InvalidInput(problem=P_("Ein Gruppentablet braucht eine Gruppe. Bitte den Link der "
                                          "Gruppe aus der Moderation verwenden."))
        join_key = str(join_key)[:64] if join_key else None
        token = secrets.token_urlsafe(16)
        with self.store.write() as db:
            current = self.workshop(workshop.id)
            if not current.step.accepts_joins:
                raise WorkshopClosed()
            if join_key is not None:
                row = self.store.participant_by_join_key(db, workshop.id, join_key)
                if row is not None:
                    return _participant(row)
            if self.store.count_participants(workshop.id, db) >= current.participant_cap:
                raise WorkshopFull(cap=current.participant_cap)
            participant_id = self.store.insert_participant(
                db, workshop.id, token, sector, self._timestamp(), group_id, group_tablet, join_key
            )
            self.store.bump_data_version(db, workshop.id)
        return Participant(participant_id, token, workshop.id, sector, group_id, group_tablet)

    def set_participant_cap(self, workshop_id: int, cap: int) -> Workshop:
        """The most devices that may join (people and group tablets); a cap below the number
        already joined only stops further joins."""
        if isinstance(cap, bool) or not isinstance(cap, int) or not 1 <= cap <= PARTICIPANT_CAP_MAX:
            raise InvalidInput(problem=N_("Höchstzahl der Geräte: eine ganze Zahl von 1 bis {max}."),
                               max=PARTICIPANT_CAP_MAX)
        return self._set(workshop_id, participant_cap=cap)

    def participant(self, token: str) -> Participant:
        row = self.store.participant_by_token(str(token or "")) if token else None
        if row is None:
            raise UnknownParticipant()
        return _participant(row)

    def rate(self, token: str, field_id: str, level: int | None) -> None:
        """Store (or replace) the participant's rating of one field.

        ``level`` is a value on the fieldset's scale, or None for "kann ich
        nicht einschätzen". Only accepted while the rating step is live.
        """
        participant = self.participant(token)
        workshop = self.workshop(participant.workshop_id)
        fieldset = self.fieldset(workshop)
        if field_id not in fieldset.field_ids:
            raise UnknownField(field=field_id)
        if level is not None:
            if isinstance(level, bool) or not isinstance(level, int) or level not in fieldset.scale.values:
                levels = ", ".join(str(v) for v in fieldset.scale.values)
                raise InvalidLevel(level=level, levels=levels)
        with self.store.write() as db:
            # Checked inside the transaction: a rating cannot slip in after the lock.
            current = self.workshop(workshop.id)
            if not (current.step.accepts_ratings and current.input_open(self._now())):
                raise RatingClosed()
            self.store.upsert_rating(db, participant.id, field_id, level, self._timestamp())
            self.store.bump_data_version(db, workshop.id)

    def my_ratings(self, token: str) -> dict[str, int | None]:
        """The participant's stored ratings, field id → level (None = don't know)."""
        return self.store.ratings_of(self.participant(token).id)

    # --- results -------------------------------------------------------------

    def progress(self, workshop_id: int) -> Progress:
        return Progress(
            participants=self.store.count_participants(workshop_id),
            rated=self.store.rated_counts(workshop_id),
        )

    def participants_by_sector(self, workshop_id: int) -> dict[str | None, int]:
        """People per sector for a report's title page (None: no sector given; group tablets
        are devices, not people, and are left out)."""
        return self.store.participants_by_sector(workshop_id)

    def ratings(self, workshop_id: int) -> pd.DataFrame:
        """All ratings, anonymous: field_id, level (<NA> = don't know), sector."""
        return self.store.ratings_frame(workshop_id)

    def summary(self, workshop_id: int) -> pd.DataFrame:
        """One row per field: field_id, n, dont_know, median, mean, consensus,
        verdict and dist_<level> counts."""
        workshop = self.workshop(workshop_id)
        return self._per_version(
            workshop, "summary",
            lambda: aggregate.summarize(self.ratings(workshop_id), self.fieldset(workshop)),
        ).copy()

    def backup(self, target: str | Path) -> Path:
        """A consistent copy of the whole database (SQLite's online backup), taken while the app
        keeps running. Refuses to overwrite a file, so an old backup is never lost by a typo."""
        target = Path(target)
        if target.exists():
            raise InvalidInput(problem=N_("Die Datei {path} gibt es schon. Bitte einen neuen Namen "
                                          "wählen; eine Sicherung überschreibt nichts."), path=str(target))
        self.store.backup(target)
        return target

    def _per_version(self, workshop: Workshop, name: str, compute: Callable[[], object],
                     version: int | None = None):
        """``compute()`` once per workshop, data version (or the ``version`` given) and ``name``.

        A projector, a results page and 150 tablets asking for the same
        workshop compute a summary or the card board once per change, not
        once per screen. Callers get the shared object: copy before changing it.
        """
        key = (workshop.id, workshop.data_version if version is None else version, name)
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]
        value = compute()
        with self._cache_lock:
            self._cache = {
                k: v for k, v in self._cache.items()
                if not (k[0] == workshop.id and k[2] == name)
            }
            self._cache[key] = value
        return value

    def sector_breakdown(self, workshop_id: int, min_cell: int = 3) -> pd.DataFrame:
        """Medians per field and sector; cells under ``min_cell`` answers are hidden."""
        workshop = self.workshop(workshop_id)
        return aggregate.sector_breakdown(
            self.ratings(workshop_id), self.fieldset(workshop), min_cell=min_cell
        )

    # --- retention and the end of a process (werkstatt.retention) -------------

    def retention_report(self, days: int | None = None) -> retention.Retention:
        """What is stored and since when, and what the retention rule would remove now."""
        return retention.report(self, days)

    def apply_retention(self, days: int | None = None) -> retention.Retention:
        """Remove the participant tokens of workshops closed more than ``days`` ago."""
        return retention.apply(self, days)

    def archive_process(self, process_id: int) -> dt.datetime:
        return retention.archive_process(self, process_id)

    def unarchive_process(self, process_id: int) -> None:
        retention.unarchive_process(self, process_id)

    def process_archived_at(self, process_id: int) -> dt.datetime | None:
        return retention.process_archived_at(self, process_id)

    def delete_process(self, process_id: int) -> bool:
        """Delete a process for good with its workshops; refused while one of them is open."""
        return retention.delete_process(self, process_id)


def _workshop(row: dict) -> Workshop:
    return Workshop(
        id=row["id"],
        title=row["title"],
        municipality=row["municipality"],
        date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
        place=row["place"],
        fieldset_id=row["fieldset"],
        language=row["language"],
        join_code=row["join_code"],
        live_step=row["live_step"],
        step_version=row["step_version"],
        data_version=row["data_version"],
        locked=bool(row["locked"]),
        dot_budget=row["dot_budget"],
        dots_per_card=row["dots_per_card"],
        timer_ends_at=dt.datetime.fromisoformat(row["timer_ends_at"]) if row["timer_ends_at"] else None,
        timer_seconds=row["timer_seconds"],
        timer_locks=bool(row["timer_locks"]),
        wall_field=row["wall_field"],
        process_id=row["process_id"],
        participant_cap=row["participant_cap"],
        vote_version=row["vote_version"],
    )


def _participant(row: dict) -> Participant:
    return Participant(row["id"], row["token"], row["workshop_id"], row["sector"],
                       row["group_id"], bool(row["group_tablet"]))


def _minutes_left(remaining: dt.timedelta) -> int:
    """Whole minutes, rounded up: "1 minute" until the lock is really over.

    A count rather than a clock time, so the server's time zone never shows.
    """
    return max(1, math.ceil(remaining.total_seconds() / 60))
