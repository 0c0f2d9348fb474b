"""Retention by rule (GDPR data minimisation) and the end of a process.

A participant's token is the one thing that ties their ratings, cards and dots to a device: once
their workshop has closed, it is needed for nothing but looking at one's own answers again. So a
set number of days after the close (``WERKSTATT_RETENTION_DAYS``, default 30) every participant
of the workshop gets a token nobody was ever given, and the key of the join form they came from
is forgotten; the participant rows stay, so the anonymous ratings, cards and dots stay with the
task force and every result is the same as before. The old link then opens the "link not known"
page. A replaced token is used rather than an empty one: every reader of the participant table
(the full export and import among them) keeps working unchanged.

A process ends in two steps: the task force archives it (a mark, no data changes), the operator
deletes it for good with its workshops (``python -m werkstatt process delete``), but never while
one of its workshops is still open: a room may be rating in it right now.

After every removal the file is compacted (``RetentionStore.compact``), so the raw bytes of the
database and its write-ahead log hold no removed token. Backups taken before still do; README,
"Daten und Aufbewahrung", says so.

The service calls these through ``Werkstatt.retention_report`` and its neighbours; the command
line's ``python -m werkstatt retention`` shows the report and, with ``--apply``, removes.
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.retention import RetentionStore
from werkstatt.errors import InvalidInput
from werkstatt.i18n import N_
from werkstatt.settings import retention_days

if TYPE_CHECKING:
    from werkstatt.service import Werkstatt

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class StoredWorkshop:
    """What the file holds of one workshop, since when, and when its tokens go."""

    id: int
    title: str
    municipality: str
    process_id: int | None
    live_step: str
    created_at: dt.datetime
    closed_since: dt.datetime | None  # None while the workshop is open
    tokens_removed_at: dt.datetime | None
    participants: int
    ratings: int
    cards: int
    dots: int
    remove_after: dt.datetime | None  # closed_since + the period; None while open
    due: bool  # closed, tokens still there, and the period is over

    @property
    def is_open(self) -> bool:
        return self.closed_since is None

    @property
    def tokens(self) -> int:
        """How many participant tokens the file still holds for this workshop."""
        return 0 if self.tokens_removed_at is not None else self.participants

    def days_left(self, now: dt.datetime) -> int | None:
        """Whole days until the tokens are removed (0: due now); None while open or once removed."""
        if self.remove_after is None or self.tokens_removed_at is not None:
            return None
        return max(0, math.ceil((self.remove_after - now) / DAY))


@dataclass(frozen=True)
class StoredProcess:
    """What the file holds of one process: its workshops, the named task-force members (the only
    personal data of the app) and the actions, since when, and whether it is archived."""

    id: int
    title: str
    municipality: str
    created_at: dt.datetime
    archived_at: dt.datetime | None
    workshops: int
    members: int
    actions: int


@dataclass(frozen=True)
class Retention:
    """The report of one look (or one run, ``applied``) at what is stored."""

    days: int
    checked_at: dt.datetime
    workshops: tuple[StoredWorkshop, ...]
    processes: tuple[StoredProcess, ...]
    applied: bool = False
    file_clean: bool = True  # after a run: the write-ahead log was emptied as well

    @property
    def due(self) -> tuple[StoredWorkshop, ...]:
        """The workshops whose tokens are removed now (or, after a run, were)."""
        return tuple(w for w in self.workshops if w.due)

    @property
    def tokens_due(self) -> int:
        return sum(w.tokens for w in self.due)


def report(app: Werkstatt, days: int | None = None) -> Retention:
    """What is stored and since when, and what the rule would remove now; changes nothing."""
    days = retention_days() if days is None else _checked_days(days)
    now = app.now()
    store = RetentionStore(app.store)
    return Retention(
        days=days, checked_at=now,
        workshops=tuple(_workshop(row, days, now) for row in store.workshops()),
        processes=tuple(_process(row) for row in store.processes()),
    )


def apply(app: Werkstatt, days: int | None = None) -> Retention:
    """Remove the tokens of every workshop that closed more than ``days`` ago, then compact the
    file. Each workshop is one transaction that checks again it is still due, so a second run
    at the same time removes nothing twice. Returns the report as it was before the removal."""
    before = report(app, days)
    store = RetentionStore(app.store)
    removed_at = app.now().isoformat(timespec="seconds")
    for workshop in before.due:
        with app.store.write() as db:
            if not store.still_due(db, workshop.id):
                continue
            new_tokens = {pid: secrets.token_urlsafe(16) for pid in store.participant_ids(db, workshop.id)}
            store.replace_tokens(db, workshop.id, new_tokens, removed_at)
    clean = store.compact()
    return Retention(before.days, before.checked_at, before.workshops, before.processes,
                     applied=True, file_clean=clean)


def mark_closed(app: Werkstatt, db, workshop_id: int) -> None:
    """Note when a workshop closed (inside the transaction that closes it): the period counts
    from here."""
    RetentionStore(app.store).mark_closed(db, workshop_id, app.now().isoformat(timespec="seconds"))


def process_archived_at(app: Werkstatt, process_id: int) -> dt.datetime | None:
    app.process(process_id)  # an unknown number says so
    return _moment(RetentionStore(app.store).process_archived_at(process_id))


def archive_process(app: Werkstatt, process_id: int) -> dt.datetime:
    """Mark a process as finished; nothing of it changes or goes. Refused while one of its
    workshops is open: an archived process has no room rating in it."""
    app.process(process_id)
    store = RetentionStore(app.store)
    now = app.now().isoformat(timespec="seconds")
    with app.store.write() as db:
        _refuse_open(store.open_workshops_of(db, process_id))
        store.archive(db, process_id, now)
    return process_archived_at(app, process_id)


def unarchive_process(app: Werkstatt, process_id: int) -> None:
    app.process(process_id)
    with app.store.write() as db:
        RetentionStore(app.store).unarchive(db, process_id)


def delete_process(app: Werkstatt, process_id: int) -> bool:
    """Delete a process for good with its workshops and everything in them (ratings, cards,
    dots, groups, the task force's members and actions). Refused while one of its workshops is
    open. Returns whether the file's write-ahead log was emptied too (see ``Retention.file_clean``)."""
    app.process(process_id)
    store = RetentionStore(app.store)
    with app.store.write() as db:
        _refuse_open(store.open_workshops_of(db, process_id))
        store.delete_process(db, process_id)
    return store.compact()


def _refuse_open(open_ids: list[int]) -> None:
    if open_ids:
        raise InvalidInput(problem=N_("In diesem Prozess ist noch offen: Workshop {ids}. Bitte erst in der "
                                      "Moderation beenden."), ids=", ".join(map(str, open_ids)))


def _checked_days(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 3650:
        raise InvalidInput(problem=N_("Aufbewahrungsfrist: eine ganze Zahl von 0 bis 3650 Tagen."))
    return days


def _moment(value: str | None) -> dt.datetime | None:
    """A stored timestamp; one without a zone (an imported file's, say) is UTC, as ours are."""
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _workshop(row: dict, days: int, now: dt.datetime) -> StoredWorkshop:
    closed_since = _moment(row["closed_since"])
    remove_after = closed_since + days * DAY if closed_since else None
    removed = _moment(row["tokens_removed_at"])
    return StoredWorkshop(
        id=row["id"], title=row["title"], municipality=row["municipality"], process_id=row["process_id"],
        live_step=row["live_step"], created_at=_moment(row["created_at"]), closed_since=closed_since,
        tokens_removed_at=removed, participants=row["participants"], ratings=row["ratings"],
        cards=row["cards"], dots=row["dots"], remove_after=remove_after,
        due=remove_after is not None and removed is None and row["participants"] > 0 and now >= remove_after,
    )


def _process(row: dict) -> StoredProcess:
    return StoredProcess(
        id=row["id"], title=row["title"], municipality=row["municipality"],
        created_at=_moment(row["created_at"]), archived_at=_moment(row["archived_at"]),
        workshops=row["workshops"], members=row["members"], actions=row["actions"],
    )
