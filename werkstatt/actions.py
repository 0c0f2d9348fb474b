"""Follow-up actions of a task force: the rules, without I/O.

An action's owner is either a task-force member or an organisation; it is kept
as one string, ``member:<id>`` or ``org:<name>``, in the action's history, so
that removing a member leaves no name behind in old history entries: the name
is looked up when the history is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, NOT_AVAILABLE, format_day, t

# Due dates, "overdue" and the times in a history are days and clocks of the city, not UTC.
LOCAL_TIME = ZoneInfo("Europe/Berlin")
STATUSES = ("open", "in_progress", "done", "dropped")
OPEN_STATUSES = ("open", "in_progress")  # the ones that can be overdue
PRIORITIES = ("high", "medium", "low")
SORTS = ("due", "priority")
STATUS_NAMES = {"open": N_("offen"), "in_progress": N_("in Arbeit"), "done": N_("erledigt"),
                "dropped": N_("verworfen")}
PRIORITY_NAMES = {"high": N_("hoch"), "medium": N_("mittel"), "low": N_("niedrig")}
SORT_NAMES = {"due": N_("Fälligkeit"), "priority": N_("Priorität")}
# What a history entry changed, in words (``created`` is the first entry of every action).
ATTRIBUTE_NAMES = {"created": N_("angelegt"), "title": N_("Titel"), "description": N_("Beschreibung"),
                   "field_id": N_("Handlungsfeld"), "owner": N_("Verantwortlich"),
                   "due_date": N_("Fällig am"), "priority": N_("Priorität"), "status": N_("Status")}
# what the history records, in this order, when several change at once
TRACKED = ("title", "description", "field_id", "owner", "due_date", "priority", "status")


@dataclass(frozen=True)
class Member:
    id: int
    name: str | None  # None once the member was removed: the personal data is gone
    organisation: str
    sector: str | None

    @property
    def removed(self) -> bool:
        return self.name is None


@dataclass(frozen=True)
class Action:
    id: int
    process_id: int
    workshop_id: int | None
    field_id: str
    title: str
    description: str
    owner: str  # member:<id>, org:<name>, or "" for nobody yet
    due_date: dt.date | None
    priority: str
    status: str
    version: int
    created_at: str
    updated_at: str
    card_ids: tuple[int, ...] = field(default=())

    def overdue(self, today: dt.date) -> bool:
        """Past its due date and still open or in progress."""
        return self.due_date is not None and self.due_date < today and self.status in OPEN_STATUSES

    @property
    def owner_member_id(self) -> int | None:
        return member_id(self.owner)


@dataclass(frozen=True)
class Change:
    """One entry of an action's history: ``attribute`` went from ``old`` to ``new``."""

    id: int
    action_id: int
    changed_at: str
    attribute: str  # "created" for the first entry, else one of TRACKED
    old: str | None
    new: str | None
    note: str


def owner_key(member: int | None = None, organisation: str = "") -> str:
    """The stored form of an owner: a member wins over an organisation."""
    if member is not None:
        return f"member:{member}"
    return f"org:{organisation}" if organisation else ""


def member_id(owner: str) -> int | None:
    return int(owner.split(":", 1)[1]) if owner.startswith("member:") else None


def organisation_of(owner: str) -> str:
    return owner.split(":", 1)[1] if owner.startswith("org:") else ""


def changes(before: dict[str, str | None],
            after: dict[str, str | None]) -> list[tuple[str, str | None, str | None]]:
    """``(attribute, old, new)`` for every tracked attribute that differs, in TRACKED order."""
    return [(name, before.get(name), after.get(name)) for name in TRACKED
            if name in after and before.get(name) != after.get(name)]


def select(
    actions: list[Action],
    today: dt.date,
    field_id: str | None = None,
    owner: str | None = None,
    status: str | None = None,
    overdue_only: bool = False,
    sort: str = "due",
) -> list[Action]:
    """The action list as the task force filters and sorts it.

    ``sort="due"``: earliest due date first, actions without a date last;
    ``sort="priority"``: high before medium before low, then by due date.
    Ties keep the order of creation.
    """
    chosen = [
        a for a in actions
        if (field_id is None or a.field_id == field_id)
        and (owner is None or a.owner == owner)
        and (status is None or a.status == status)
        and (not overdue_only or a.overdue(today))
    ]
    by_due = lambda a: (a.due_date is None, a.due_date or dt.date.max, a.id)  # noqa: E731
    if sort == "priority":
        return sorted(chosen, key=lambda a: (PRIORITIES.index(a.priority), *by_due(a)))
    return sorted(chosen, key=by_due)


def status_counts(actions: list[Action], field_ids: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """field id → status → how many actions; every field and status present, also at zero."""
    counts = {f: {s: 0 for s in STATUSES} for f in field_ids}
    for action in actions:
        if action.field_id in counts:
            counts[action.field_id][action.status] += 1
    return counts


def owner_label(owner: str, members: dict[int, Member], language: str) -> str:
    """A member's name (with their organisation), an organisation, or for a removed member
    their organisation or "ehemaliges Mitglied": names are looked up now, never stored twice."""
    member = members.get(member_id(owner)) if member_id(owner) is not None else None
    if member_id(owner) is None:
        return organisation_of(owner) or t("noch nicht vergeben", language)
    if member is None or member.removed:
        return (member.organisation if member else "") or t("ehemaliges Mitglied", language)
    return f"{member.name} ({member.organisation})" if member.organisation else member.name


def change_value(attribute: str, value: str | None, fieldset: Fieldset, members: dict[int, Member],
                 language: str) -> str:
    """One old or new value of a history entry in words: status and priority names, the
    field's title, the owner's label, a formatted date; titles and texts as they are."""
    if value in (None, ""):
        return NOT_AVAILABLE
    if attribute == "status":
        return t(STATUS_NAMES[value], language)
    if attribute == "priority":
        return t(PRIORITY_NAMES[value], language)
    if attribute == "field_id":
        return fieldset.field(value).title.get(language) if value in fieldset.field_ids else value
    if attribute == "owner":
        return owner_label(value, members, language)
    if attribute == "due_date":
        return format_day(value, language)
    return value


def local_time(timestamp: str) -> dt.datetime:
    """A stored UTC time as the city's clock time, without a zone (what a spreadsheet shows)."""
    return dt.datetime.fromisoformat(timestamp).astimezone(LOCAL_TIME).replace(tzinfo=None)
