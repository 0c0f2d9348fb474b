"""The full transfer file: moving a workshop or a whole process to another machine.

Unlike the anonymised exchange (``werkstatt.exchange``) this is a backup: it holds every row
(participant tokens, the PIN and password hashes, join and process codes, the task force's
names), so whoever has the file can open the workshop. The format is documented in
``schemas/transfer-v1.schema.json``; in brief::

    {"format": "werkstatt-transfer", "version": 1, "exported_at": "…",
     "content": {"process": {…} | null, "members": […], "workshops": […], "groups": […],
                 "participants": […], "ratings": […], "cards": […], "votes": […],
                 "moderation_log": […], "self_check": […], "actions": […],
                 "action_cards": […], "action_history": […],
                 "fieldsets": […] (only with own topic lists: ``werkstatt.transfer_fieldsets``)},
     "checksum": "sha256:<hex of canonical(content)>"}

Rows point to each other by ``ref`` numbers local to the file (1, 2, … in the order of the
source ids), never by database ids: an import gives new ids, and a file exported again
after the import has the very same content and checksum. Where the database keeps ids
inside text (a moderation log's card states, ``member:<id>`` owners in an action's
history), those become refs as well. Sign-in sessions are not exported: they belong to
the old machine, and everybody signs in again with the PIN or password.

An import checks everything first (JSON, format, version, checksum, every key and type,
every reference, the fieldsets, and the rules every screen keeps: card texts, levels on the
scale, dots within what a console allows) and only then writes, in one transaction: a refused file
leaves the database exactly as it was. Texts are cleaned as the screens clean them (blanks
around a card's text, runs of blanks in a title), so a clean file comes back unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from werkstatt import agenda, transfer_fieldsets
from werkstatt.actions import PRIORITIES, STATUSES, TRACKED
from werkstatt.cards import KINDS
from werkstatt.codes import new_code
from werkstatt.errors import InvalidInput, InvalidLevel, UnknownField, UnknownSector, WerkstattError
from werkstatt.exchange import ImportRefused
from werkstatt.groupwork import CHANGED_COLUMNS, DOT_BUDGET_MAX
from werkstatt.i18n import N_, t
from werkstatt.inputs import clean_card_text, clean_line, clean_text
from werkstatt.taskforce import DESCRIPTION_MAX_LENGTH, NOTE_MAX_LENGTH

if TYPE_CHECKING:
    from werkstatt.fieldsets import Fieldset
    from werkstatt.service import Werkstatt

FORMAT = "werkstatt-transfer"
VERSION = 1  # the version this installation writes, and the newest it reads
TOP_KEYS = ("format", "version", "exported_at", "content", "checksum")
CHECKSUM = re.compile(r"sha256:[0-9a-f]{64}")
CODE = re.compile(r"[A-Z0-9]{1,32}")
OWNER_MEMBER = re.compile(r"member:(\d+)")


def canonical(content: object) -> bytes:
    """The one byte form of ``content`` the checksum is taken over: keys sorted, no blanks,
    UTF-8 as it is. Any tool that re-creates it can check a file without Werkstatt."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def checksum(content: object) -> str:
    return "sha256:" + hashlib.sha256(canonical(content)).hexdigest()


@dataclass(frozen=True)
class ImportNote:
    """Something the import changed on the way in (a join code already taken here): a
    message key with its params, so every language can say it."""

    key: str
    params: dict

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class ImportResult:
    """The new ids: one per workshop of the file (in the file's order), the process's or None."""

    workshop_ids: tuple[int, ...]
    process_id: int | None
    notes: tuple[ImportNote, ...] = ()


# --- the tables of a file ------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    """One column as it travels. ``type`` is how the file holds it and how it is checked:
    text, int, number, flag (0/1 in the database, true/false in the file), date, time (ISO
    8601), code, hash (argon2), list (of texts; JSON text in the database), choice (one of
    ``choices``) or ref (the ``ref`` of a row of ``target``)."""

    key: str
    column: str
    type: str = "text"
    nullable: bool = False
    target: str = ""
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    filled: bool = False  # text that may not be empty


def col(column: str, type: str = "text", **options) -> Col:
    return Col(column, column, type, **options)


def ref(column: str, target: str, nullable: bool = False) -> Col:
    """A reference, keyed ``<name>_ref`` in the file (``workshop_id`` → ``workshop_ref``)."""
    return Col(column.removesuffix("_id") + "_ref", column, "ref", nullable, target)


@dataclass(frozen=True)
class Table:
    db_table: str
    columns: tuple[Col, ...]
    has_ref: bool = False
    unique: tuple[str, ...] = ()  # keys that together identify a row (besides ``ref``)
    extra: tuple[str, ...] = ()  # keys translated by hand (ids inside JSON text)

    @property
    def keys(self) -> set[str]:
        return {c.key for c in self.columns} | set(self.extra) | ({"ref"} if self.has_ref else set())

    def order(self, item: dict) -> tuple:
        """Rows in the file: by ref, or by their unique keys; logs keep the source order."""
        if self.has_ref:
            return (item["ref"],)
        return tuple(item[k] for k in self.unique)


# In the order of insertion (every row after the rows it points to). Members, workshops and
# actions belong to the file's process (if any), so they carry no process reference.
TABLES: dict[str, Table] = {
    "process": Table("processes", has_ref=True, columns=(
        col("code", "code"), col("title", filled=True), col("municipality", filled=True),
        col("fieldset", filled=True), col("password_hash", "hash"),
        col("password_failures", "int", minimum=0),
        col("password_locked_until", "time", nullable=True), col("created_at", "time"))),
    "members": Table("members", has_ref=True, columns=(
        col("name", nullable=True), col("organisation"), col("sector", nullable=True),
        col("created_at", "time"), col("removed_at", "time", nullable=True))),
    "workshops": Table("workshops", has_ref=True, columns=(
        col("title", filled=True), col("municipality", filled=True), col("date", "date", nullable=True),
        col("place"), col("fieldset", filled=True), col("language", filled=True), col("join_code", "code"),
        col("pin_hash", "hash"), col("pin_failures", "int", minimum=0),
        col("pin_locked_until", "time", nullable=True), col("live_step", "choice", choices=agenda.STEP_IDS),
        col("step_version", "int", minimum=0), col("data_version", "int", minimum=0),
        col("created_at", "time"),
        col("locked", "flag"), col("dot_budget", "int", minimum=1), col("dots_per_card", "int", minimum=1),
        col("timer_ends_at", "time", nullable=True), col("timer_seconds", "int", nullable=True, minimum=0),
        col("timer_locks", "flag"), col("wall_field", nullable=True))),
    "groups": Table("groups", has_ref=True, columns=(
        ref("workshop_id", "workshops"), col("name", filled=True), col("fields", "list"),
        col("created_at", "time"))),
    "participants": Table("participants", has_ref=True, columns=(
        ref("workshop_id", "workshops"), col("token", filled=True), col("sector", nullable=True),
        col("joined_at", "time"), ref("group_id", "groups", nullable=True), col("group_tablet", "flag"))),
    "ratings": Table("ratings", unique=("participant_ref", "field_id"), columns=(
        ref("participant_id", "participants"), col("field_id", filled=True),
        col("level", "int", nullable=True),
        col("rated_at", "time"))),
    "cards": Table("cards", has_ref=True, columns=(
        ref("workshop_id", "workshops"), ref("participant_id", "participants"),
        ref("group_id", "groups", nullable=True),
        col("field_id", filled=True), col("kind", "choice", choices=KINDS), col("text"),
        col("original_text", nullable=True), col("hidden", "flag"), ref("merged_into", "cards", True),
        col("created_at", "time"), col("updated_at", "time"))),
    "votes": Table("votes", unique=("participant_ref", "card_ref"), columns=(
        ref("participant_id", "participants"), ref("card_id", "cards"), col("dots", "int", minimum=1),
        col("voted_at", "time"))),
    "moderation_log": Table("moderation_log", extra=("before",), columns=(
        ref("workshop_id", "workshops"), col("action", "choice", choices=tuple(CHANGED_COLUMNS)),
        ref("card_id", "cards"), col("created_at", "time"), col("undone_at", "time", nullable=True))),
    "self_check": Table("self_check", unique=("workshop_ref", "field_id"), columns=(
        ref("workshop_id", "workshops"), col("field_id", filled=True), col("score", "number"))),
    "actions": Table("actions", has_ref=True, columns=(
        ref("workshop_id", "workshops", True), col("field_id", filled=True), col("title", filled=True),
        col("description"), ref("owner_member_id", "members", True), col("owner_organisation"),
        col("due_date", "date", nullable=True), col("priority", "choice", choices=PRIORITIES),
        col("status", "choice", choices=STATUSES), col("version", "int", minimum=1),
        col("created_at", "time"),
        col("updated_at", "time"))),
    "action_cards": Table("action_cards", unique=("action_ref", "card_ref"), columns=(
        ref("action_id", "actions"), ref("card_id", "cards"))),
    "action_history": Table("action_history", columns=(
        ref("action_id", "actions"), col("changed_at", "time"),
        col("attribute", "choice", choices=("created", *TRACKED)), col("old_value", nullable=True),
        col("new_value", nullable=True), col("note"))),
}
PROCESS_TABLES = ("members", "actions", "action_cards", "action_history")
WITH_PROCESS_ID = ("members", "workshops", "actions")


def _rows(content: dict, name: str) -> list[dict]:
    """A table's rows; the process is one object (or null) rather than a list."""
    if name == "process":
        return [content["process"]] if content["process"] is not None else []
    return content[name]


# --- export ------------------------------------------------------------------------------


def export_workshop(app: Werkstatt, workshop_id: int) -> bytes:
    """One workshop with every row it owns. A workshop of a process travels without the
    process (the actions belong to the process): export the process to move those too."""
    app.workshop(workshop_id)  # UnknownWorkshop for a wrong id
    return _bundle(app, app.store.transfer_rows([workshop_id], None))


def export_process(app: Werkstatt, process_id: int) -> bytes:
    """The process with its roster, actions, their cards and history, and all its workshops."""
    app.process(process_id)  # UnknownProcess for a wrong id
    workshop_ids = [w.id for w in app.process_workshops(process_id)]
    return _bundle(app, app.store.transfer_rows(workshop_ids, process_id))


def _bundle(app: Werkstatt, rows: dict[str, list[dict]]) -> bytes:
    content = _content(rows)
    content |= transfer_fieldsets.carried(app, content)  # own topic lists travel along
    bundle = {"format": FORMAT, "version": VERSION, "exported_at": app.now().isoformat(timespec="seconds"),
              "content": content, "checksum": checksum(content)}
    return json.dumps(bundle, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def _content(rows: dict[str, list[dict]]) -> dict:
    """Database rows → the file's tables, ids replaced by refs."""
    refs = {name: {row["id"]: number for number, row in enumerate(sorted(rows[table.db_table],
                                                                           key=lambda r: r["id"]), start=1)}
            for name, table in TABLES.items() if table.has_ref}
    content: dict[str, object] = {}
    for name, table in TABLES.items():
        items = []
        for row in rows[table.db_table]:
            if name == "moderation_log" and not _cards_exist(row, refs["cards"]):
                continue
            item = {"ref": refs[name][row["id"]]} if table.has_ref else {}
            for c in table.columns:
                item[c.key] = _to_file(c, row[c.column], refs)
            if name == "moderation_log":
                item["before"] = _before(json.loads(row["before"]), refs["cards"])
            if name == "action_history" and row["attribute"] == "owner":
                item["old_value"] = _owner(row["old_value"], refs["members"])
                item["new_value"] = _owner(row["new_value"], refs["members"])
            items.append(item)
        if table.has_ref or table.unique:
            items.sort(key=table.order)
        content[name] = items
    content["process"] = content["process"][0] if content["process"] else None
    return content


def _cards_exist(log_row: dict, card_refs: dict[int, int]) -> bool:
    """Whether every card a moderation entry names still exists. Once an entry is undone, the
    card's author may delete the card; the entry then can never be undone again and points
    nowhere, so it stays behind (the only rows an export leaves out)."""
    cards = {log_row["card_id"], *(int(card) for card in json.loads(log_row["before"]))}
    return cards <= card_refs.keys()


def _to_file(c: Col, value: object, refs: dict[str, dict[int, int]]) -> object:
    if value is None:
        return None
    if c.type == "ref":
        return refs[c.target][value]
    if c.type == "flag":
        return bool(value)
    if c.type == "list":
        return json.loads(value)
    return value


def _before(states: dict, mapping: dict[int, int]) -> dict:
    """A moderation log's card states with every card number mapped (id → ref on export,
    ref → id on import): the keys and a merge's target."""
    return {
        str(mapping[int(card)]): {
            column: (mapping[value] if column == "merged_into" and value is not None else value)
            for column, value in columns.items()
        }
        for card, columns in states.items()
    }


def _owner(value: str | None, mapping: dict[int, int]) -> str | None:
    """An owner in an action's history, ``member:<number>`` mapped (id → ref, ref → id)."""
    match = OWNER_MEMBER.fullmatch(value or "")
    return f"member:{mapping[int(match.group(1))]}" if match else value


# --- import: what the file says it is ------------------------------------------------------


def import_bundle(app: Werkstatt, data: bytes) -> ImportResult:
    """Read a transfer file into this database: all of it, or nothing and ``ImportRefused``."""
    bundle = _parse(data)
    _check_envelope(bundle)
    content = bundle["content"]
    _check_content(content)
    _check_rules(content, _check_fieldsets(app, content))
    return _write(app, content)


def _parse(data: bytes) -> object:
    def no_constant(name: str) -> None:  # NaN and Infinity are not JSON
        raise ValueError(name)

    try:
        return json.loads(bytes(data).decode("utf-8-sig"), parse_constant=no_constant)
    except (TypeError, ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise ImportRefused(problem=N_("Sie ist keine vollständige JSON-Datei – vielleicht wurde sie "
                                       "beim Kopieren abgeschnitten. Bitte die Datei noch einmal "
                                       "exportieren oder vollständig übertragen.")) from None


def _check_envelope(bundle: object) -> None:
    """In the order a person needs to hear it: another kind of file, a newer Werkstatt, a
    damaged or changed file."""
    if not isinstance(bundle, dict):
        raise ImportRefused(problem=N_("Sie ist keine Werkstatt-Übertragungsdatei (Format „{found}“ "
                                       "statt „werkstatt-transfer“). Bitte die Datei wählen, die "
                                       "Werkstatt beim Übertragen eines Workshops oder Prozesses "
                                       "exportiert hat."), found="–")
    found = bundle.get("format")
    if found == "werkstatt-exchange":
        raise ImportRefused(problem=N_("Sie ist eine anonymisierte Austauschdatei: Sie enthält nur "
                                       "Ergebnisse, keine vollständigen Daten, und kann deshalb "
                                       "nicht eingelesen werden. Bitte die Übertragungsdatei "
                                       "verwenden."))
    if found != FORMAT:
        raise ImportRefused(problem=N_("Sie ist keine Werkstatt-Übertragungsdatei (Format „{found}“ "
                                       "statt „werkstatt-transfer“). Bitte die Datei wählen, die "
                                       "Werkstatt beim Übertragen eines Workshops oder Prozesses "
                                       "exportiert hat."), found=str(found)[:40])
    version = bundle.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportRefused(problem=N_("Die Format-Version „{version}“ ist ungültig; die Datei ist "
                                       "beschädigt."), version=str(version)[:20])
    if version > VERSION:
        raise ImportRefused(problem=N_("Diese Datei stammt aus einer neueren Werkstatt-Version "
                                       "(Format-Version {version}, diese Installation liest bis "
                                       "Version {supported}). Bitte Werkstatt aktualisieren."),
                            version=version, supported=VERSION)
    _check_keys(bundle, set(TOP_KEYS), "")
    if not _valid(Col("exported_at", "exported_at", "time"), bundle["exported_at"]):
        raise _wrong_type("exported_at", "time")
    if not isinstance(bundle["checksum"], str) or not CHECKSUM.fullmatch(bundle["checksum"]) \
            or checksum(bundle["content"]) != bundle["checksum"]:
        raise ImportRefused(problem=N_("Die Datei wurde verändert oder ist beschädigt: Die Prüfsumme "
                                       "passt nicht zum Inhalt. Bitte die unveränderte Originaldatei "
                                       "verwenden oder neu exportieren."))



# What a value of the file should look like, in the message that says it does not.
EXPECTED = {
    "object": N_("ein Objekt"),
    "array": N_("eine Liste […]"),
    "text": N_("ein Text"),
    "filled": N_("ein nicht leerer Text"),
    "int": N_("eine ganze Zahl"),
    "int0": N_("eine ganze Zahl ab 0"),
    "int1": N_("eine ganze Zahl ab 1"),
    "number": N_("eine Zahl"),
    "flag": N_("true oder false"),
    "list": N_("eine Liste nicht leerer Texte"),
    "date": N_("ein Datum wie 2026-11-23"),
    "time": N_("ein Zeitpunkt wie 2026-11-23T14:00:00+00:00"),
    "code": N_("ein Code aus Großbuchstaben und Ziffern"),
    "hash": N_("ein argon2-Hash ($argon2…)"),
    "choice": N_("einer der erlaubten Werte"),
    "ref": N_("die Nummer (ref) eines Eintrags der Datei"),
}

def _wrong_type(where: str, expected: str) -> ImportRefused:
    """``where`` does not hold what it should: ``expected`` is a key of ``EXPECTED``."""
    return ImportRefused(problem=N_("„{where}“ hat nicht die erwartete Form: erwartet wird "
                                    "{expected}."), where=where, expected=EXPECTED[expected])


def _check_keys(item: dict, keys: set[str], where: str) -> None:
    for key in sorted(keys):
        if key not in item:
            raise ImportRefused(problem=N_("Es fehlt der Eintrag „{where}“."), where=f"{where}{key}")
    for key in item:
        if key not in keys:
            raise ImportRefused(problem=N_("Der Eintrag „{where}“ gehört nicht in diese "
                                           "Format-Version."), where=f"{where}{str(key)[:40]}")


# --- import: every row and reference ---------------------------------------------------------


def _check_content(content: object) -> None:
    """Every key, type and reference of the file's tables, before anything is written."""
    if not isinstance(content, dict):
        raise _wrong_type("content", "object")
    carries = {transfer_fieldsets.KEY} if transfer_fieldsets.KEY in content else set()
    _check_keys(content, set(TABLES) | carries, "content.")
    for name in TABLES:
        value = content[name]
        if name == "process" and value is not None and not isinstance(value, dict):
            raise _wrong_type("content.process", "object")
        if name != "process" and not isinstance(value, list):
            raise _wrong_type(f"content.{name}", "array")
    if content["process"] is None:
        for name in PROCESS_TABLES:
            if content[name]:
                raise ImportRefused(problem=N_("„{where}“ enthält Einträge, aber die Datei enthält "
                                               "keinen Prozess, zu dem sie gehören."),
                                    where=f"content.{name}")
        if not content["workshops"]:
            raise ImportRefused(problem=N_("Die Datei enthält weder einen Workshop noch einen "
                                           "Prozess."))
    # first every row's shape and ref, so that references can point forward
    refs: dict[str, set[int]] = {name: set() for name, table in TABLES.items() if table.has_ref}
    for name, table in TABLES.items():
        for index, item in enumerate(_rows(content, name)):
            where = f"content.{name}" if name == "process" else f"content.{name}[{index}]"
            if not isinstance(item, dict):
                raise _wrong_type(where, "object")
            _check_keys(item, table.keys, where + ".")
            if table.has_ref:
                if not _valid(Col("ref", "id", "int", minimum=1), item["ref"]):
                    raise _wrong_type(f"{where}.ref", "int1")
                if item["ref"] in refs[name]:
                    raise ImportRefused(problem=N_("„{where}“ kommt in der Datei doppelt vor."),
                                        where=f"{where}.ref")
                refs[name].add(item["ref"])
    workshop_of = {name: {item["ref"]: item["workshop_ref"] for item in content[name]}
                   for name in ("groups", "participants", "cards")}
    seen_tokens: set[str] = set()
    for name, table in TABLES.items():
        seen: set[tuple] = set()
        for index, item in enumerate(_rows(content, name)):
            where = f"content.{name}" if name == "process" else f"content.{name}[{index}]"
            for c in table.columns:
                _check_value(c, item[c.key], f"{where}.{c.key}", refs)
            if table.unique:
                key = tuple(item[k] for k in table.unique)
                if key in seen:
                    raise ImportRefused(problem=N_("„{where}“ kommt in der Datei doppelt vor."),
                                        where=where)
                seen.add(key)
            if name == "participants":
                if item["token"] in seen_tokens:
                    raise ImportRefused(problem=N_("„{where}“ kommt in der Datei doppelt vor."),
                                        where=f"{where}.token")
                seen_tokens.add(item["token"])
            _check_same_workshop(name, item, where, workshop_of)
            if name == "moderation_log":
                _check_before(item, f"{where}.before", refs["cards"], workshop_of["cards"])
            if name == "action_history" and item["attribute"] == "owner":
                for key in ("old_value", "new_value"):
                    match = OWNER_MEMBER.fullmatch(item[key] or "")
                    if match and int(match.group(1)) not in refs["members"]:
                        raise ImportRefused(problem=N_("„{where}“ verweist auf Nummer {ref} in "
                                                       "„{table}“, die die Datei nicht enthält."),
                                            where=f"{where}.{key}", ref=match.group(1), table="members")


def _check_value(c: Col, value: object, where: str, refs: dict[str, set[int]]) -> None:
    if value is None and c.nullable:
        return
    if c.type == "choice" and isinstance(value, str) and value not in c.choices:
        raise ImportRefused(problem=N_("„{where}“ hat den Wert „{value}“; erlaubt sind: {choices}."),
                            where=where, value=value[:40], choices=", ".join(c.choices))
    if not _valid(c, value):
        raise _wrong_type(where, _expected(c))
    if c.type == "ref" and value not in refs[c.target]:
        raise ImportRefused(problem=N_("„{where}“ verweist auf Nummer {ref} in „{table}“, die die "
                                       "Datei nicht enthält."), where=where, ref=value, table=c.target)


def _valid(c: Col, value: object) -> bool:
    """Whether ``value`` has the form of column ``c`` (references are checked by the caller)."""
    if c.type in ("int", "ref"):
        is_int = isinstance(value, int) and not isinstance(value, bool)
        return is_int and (c.minimum is None or value >= c.minimum)
    if c.type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if c.type == "flag":
        return isinstance(value, bool)
    if c.type == "list":
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    if not isinstance(value, str):
        return False
    if c.type == "date":
        return _parses(dt.date.fromisoformat, value) and dt.date.fromisoformat(value).isoformat() == value
    if c.type == "time":
        return _parses(dt.datetime.fromisoformat, value)
    if c.type == "code":
        return bool(CODE.fullmatch(value))
    if c.type == "hash":
        return value.startswith("$argon2")
    return bool(value) or not c.filled


def _parses(parse: Callable[[str], object], value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _expected(c: Col) -> str:
    """What a column should hold, as a key of ``EXPECTED``."""
    if c.type == "int" and c.minimum is not None:
        return f"int{c.minimum}"
    if c.type == "text" and c.filled:
        return "filled"
    return c.type


def _check_same_workshop(name: str, item: dict, where: str, workshop_of: dict[str, dict[int, int]]) -> None:
    """A participant's group, a card's author, group and merge target, a vote's card, a
    log's card: all of one workshop, as the service keeps them."""
    if name == "votes":
        own = workshop_of["participants"][item["participant_ref"]]
    else:
        own = item.get("workshop_ref")
    for key, table in (("group_ref", "groups"), ("participant_ref", "participants"),
                       ("merged_into_ref", "cards"), ("card_ref", "cards")):
        if name in ("participants", "cards", "votes", "moderation_log") and item.get(key) is not None:
            if workshop_of[table][item[key]] != own:
                raise ImportRefused(problem=N_("„{where}“ verweist auf einen Eintrag eines anderen "
                                               "Workshops."), where=f"{where}.{key}")
    if name == "cards" and item["merged_into_ref"] == item["ref"]:
        raise ImportRefused(problem=N_("„{where}“ hat einen ungültigen Wert."),
                            where=f"{where}.merged_into_ref")


def _check_before(item: dict, where: str, card_refs: set[int], card_workshop: dict[int, int]) -> None:
    """The card states a moderation action replaced (what its undo writes back): card refs of
    the log's workshop as keys, exactly the columns that action changes."""
    before = item["before"]
    if not isinstance(before, dict) or not before:
        raise _wrong_type(where, "object")
    for card, columns in before.items():
        here = f"{where}.{card[:20]}"
        if not (card.isascii() and card.isdigit()) or int(card) not in card_refs:
            raise ImportRefused(problem=N_("„{where}“ verweist auf Nummer {ref} in „{table}“, die "
                                           "die Datei nicht enthält."), where=here, ref=card[:20],
                                table="cards")
        if card_workshop[int(card)] != item["workshop_ref"]:
            raise ImportRefused(problem=N_("„{where}“ verweist auf einen Eintrag eines anderen "
                                           "Workshops."), where=here)
        if not isinstance(columns, dict):
            raise _wrong_type(here, "object")
        _check_keys(columns, set(CHANGED_COLUMNS[item["action"]]), here + ".")
        for column, value in columns.items():
            ok = {
                "hidden": value in (0, 1) and not isinstance(value, bool),
                "text": isinstance(value, str),
                "original_text": value is None or isinstance(value, str),
                "field_id": isinstance(value, str) and bool(value),
                "kind": value in KINDS,
                "merged_into": value is None or (_valid(Col("", "", "ref"), value) and value in card_refs),
            }[column]
            if not ok:
                raise ImportRefused(problem=N_("„{where}“ hat einen ungültigen Wert."),
                                    where=f"{here}.{column}")


def _check_fieldsets(app: Werkstatt, content: dict) -> dict[str, Fieldset]:
    """Every fieldset the file uses must be one this installation has and can read; returns
    them by id."""
    from werkstatt.fieldsets import FieldsetError

    used = transfer_fieldsets.used_ids(content)
    known = transfer_fieldsets.read(content)  # own lists the file carries
    for fieldset_id in used:
        if fieldset_id in known:
            continue
        try:  # a shipped list by its file, or a version of an own list this database has
            known[fieldset_id] = app.fieldset_by_id(fieldset_id)
        except FieldsetError:
            raise ImportRefused(problem=N_("Die Feldliste „{fieldset}“ gibt es in dieser "
                                           "Installation nicht. Bitte die Datei "
                                           "fieldsets/{fieldset}.yaml vom alten Rechner übernehmen "
                                           "und die Datei dann noch einmal einlesen."),
                                fieldset=fieldset_id[:80])
    return {fieldset_id: known[fieldset_id] for fieldset_id in used}


# --- import: the rules every screen keeps --------------------------------------------------------


class ImportBreaksRules(ImportRefused):
    """A transfer file whose rows break the rules the screens keep (a card of 10,000 characters,
    a level off the scale, dots over the budget); nothing was written. ``problems`` names every
    place: (place key, its params, the error the service's rule gave there)."""

    intro = N_("Diese Einträge halten sich nicht an die Regeln, die auch bei der Eingabe im "
               "Workshop gelten (die Nummern sind die „ref“-Nummern der Datei):")
    MAX_SHOWN = 20

    def message(self, lang: str) -> str:
        problems = self.params["problems"]
        lines = [f"{t(place, lang, **params)}: {error.message(lang)}"
                 for place, params, error in problems[: self.MAX_SHOWN]]
        if len(problems) > self.MAX_SHOWN:
            lines.append(t("… und {n} weitere.", lang, n=len(problems) - self.MAX_SHOWN))
        listed = "\n".join(f"- {line}" for line in lines)
        return t(self.key, lang, problem=f"{t(self.intro, lang)}\n{listed}")


Problem = tuple[str, dict, WerkstattError]  # place key, its params, what the service's rule said


class _Problems:
    """Every place a file breaks a rule at, gathered so that one error names them all."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, place: tuple[str, dict], error: WerkstattError) -> None:
        self.found.append((*place, error))

    def clean(self, item: dict, key: str, place: tuple[str, dict], cleaner: Callable[[str], str]) -> None:
        """``item[key]`` cleaned as a form cleans it (None stays: the column allows it)."""
        if item[key] is None:
            return
        try:
            item[key] = cleaner(item[key])
        except InvalidInput as error:
            self.add(place, error)

    def field(self, fieldset: Fieldset, field_id: str | None, place: tuple[str, dict]) -> None:
        if field_id is not None and field_id not in fieldset.field_ids:
            self.add(place, UnknownField(field=field_id[:40]))

    def sector(self, fieldset: Fieldset, sector_id: str | None, place: tuple[str, dict]) -> None:
        if sector_id is not None and sector_id not in {s.id for s in fieldset.sectors}:
            self.add(place, UnknownSector(sector=sector_id[:40]))


def _line(missing: str | None, label: str) -> Callable[[str], str]:
    """``clean_line`` as the form of ``label`` calls it."""
    return lambda value: clean_line(value, missing, label)


def _check_rules(content: dict, fieldsets: dict[str, Fieldset]) -> None:
    """The rules the service applies to what people enter, on every row of the file; raises
    ``ImportBreaksRules`` naming every place that breaks one. Texts are cleaned in ``content``
    by the service's own functions (``werkstatt.inputs``), as a form would clean them."""
    problems = _Problems()
    fieldset_of = {w["ref"]: fieldsets[w["fieldset"]] for w in content["workshops"]}
    if content["process"] is not None:
        _check_process(content, fieldsets[content["process"]["fieldset"]], problems)
    _check_workshops(content, fieldset_of, problems)
    _check_input(content, fieldset_of, problems)
    _check_dots(content, problems)
    if problems.found:
        raise ImportBreaksRules(problems=problems.found)


def _check_process(content: dict, fieldset: Fieldset, problems: _Problems) -> None:
    """The process, its roster and its actions, as the task force's forms take them."""
    process = content["process"]
    here = (N_("Prozess"), {})
    problems.clean(process, "title", here, _line(N_("Bitte einen Namen für den Prozess eingeben."),
                                                 N_("Name des Prozesses")))
    problems.clean(process, "municipality", here, _line(N_("Bitte die Kommune eingeben."), N_("Kommune")))
    for member in content["members"]:
        here = (N_("Mitglied {member}"), {"member": member["ref"]})
        problems.clean(member, "name", here, _line(N_("Bitte einen Namen eingeben."), N_("Name")))
        problems.clean(member, "organisation", here, _line(None, N_("Organisation")))
        problems.sector(fieldset, member["sector"], here)
    for action in content["actions"]:
        here = (N_("Maßnahme {action}"), {"action": action["ref"]})
        problems.clean(action, "title", here, _line(N_("Bitte einen Titel für die Maßnahme eingeben."),
                                                    N_("Maßnahme")))
        problems.clean(action, "description", here,
                       lambda v: clean_text(v, N_("Beschreibung"), DESCRIPTION_MAX_LENGTH))
        problems.clean(action, "owner_organisation", here, _line(None, N_("Organisation")))
        problems.field(fieldset, action["field_id"], here)
    for change in content["action_history"]:
        here = (N_("Verlauf von Maßnahme {action} ({time})"),
                {"action": change["action_ref"], "time": change["changed_at"]})
        problems.clean(change, "note", here, lambda v: clean_text(v, N_("Notiz"), NOTE_MAX_LENGTH))


def _check_workshops(content: dict, fieldset_of: dict[int, Fieldset], problems: _Problems) -> None:
    """Workshops, groups and participants, as the console and the join form take them."""
    for workshop in content["workshops"]:
        here = (N_("Workshop {workshop}"), {"workshop": workshop["ref"]})
        problems.clean(workshop, "title", here, _line(N_("Bitte einen Titel für den Workshop eingeben."),
                                                      N_("Titel")))
        problems.clean(workshop, "municipality", here,
                       _line(N_("Bitte die Kommune eingeben."), N_("Kommune")))
        problems.clean(workshop, "place", here, _line(None, N_("Ort")))
        budget, per_card = workshop["dot_budget"], workshop["dots_per_card"]
        if not (budget <= DOT_BUDGET_MAX and per_card <= budget):  # both at least 1: see TABLES
            problems.add(here, InvalidInput(problem=N_("Punkte je Person: 1 bis {max}; je Karte: 1 bis zu "
                                                       "den Punkten je Person."), max=DOT_BUDGET_MAX))
        problems.field(fieldset_of[workshop["ref"]], workshop["wall_field"], here)
    for group in content["groups"]:
        here = (N_("Gruppe {group}"), {"group": group["ref"]})
        problems.clean(group, "name", here, _line(N_("Bitte einen Namen für die Gruppe eingeben."),
                                                  N_("Name der Gruppe")))
        for field_id in group["fields"]:
            problems.field(fieldset_of[group["workshop_ref"]], field_id, here)
    for participant in content["participants"]:
        problems.sector(fieldset_of[participant["workshop_ref"]], participant["sector"],
                        (N_("Person {participant}"), {"participant": participant["ref"]}))


def _check_input(content: dict, fieldset_of: dict[int, Fieldset], problems: _Problems) -> None:
    """Ratings, cards (and the texts a moderation's undo would bring back), self-check scores."""
    workshop_of = {p["ref"]: p["workshop_ref"] for p in content["participants"]}
    for rating in content["ratings"]:
        here = (N_("Bewertung von Person {participant}, Feld „{field}“"),
                {"participant": rating["participant_ref"], "field": rating["field_id"][:40]})
        fieldset = fieldset_of[workshop_of[rating["participant_ref"]]]
        problems.field(fieldset, rating["field_id"], here)
        levels = fieldset.scale.values
        if rating["level"] is not None and rating["level"] not in levels:
            problems.add(here, InvalidLevel(level=rating["level"], levels=", ".join(map(str, levels))))
    for card in content["cards"]:
        here = (N_("Karte {card}"), {"card": card["ref"]})
        problems.field(fieldset_of[card["workshop_ref"]], card["field_id"], here)
        problems.clean(card, "text", here, _card_text)
        original = (N_("Karte {card}, ursprünglicher Text"), {"card": card["ref"]})
        problems.clean(card, "original_text", original, _card_text)
    for entry in content["moderation_log"]:
        for card, columns in entry["before"].items():
            here = (N_("Moderation von Karte {card} ({time})"), {"card": card, "time": entry["created_at"]})
            for key in ("text", "original_text"):
                if key in columns:
                    problems.clean(columns, key, here, _card_text)
            problems.field(fieldset_of[entry["workshop_ref"]], columns.get("field_id"), here)
    for score in content["self_check"]:
        here = (N_("Selbstcheck von Workshop {workshop}, Feld „{field}“"),
                {"workshop": score["workshop_ref"], "field": score["field_id"][:40]})
        fieldset = fieldset_of[score["workshop_ref"]]
        problems.field(fieldset, score["field_id"], here)
        low, high = fieldset.scale.min, fieldset.scale.max
        if not low <= score["score"] <= high:
            problems.add(here, InvalidInput(problem=N_("Der Wert {value} liegt nicht auf der Skala von "
                                                       "{low} bis {high}."),
                                            value=f"{score['score']:g}", low=low, high=high))


def _card_text(value: str) -> str:
    """A card's text cleaned and checked by the service's ``clean_card_text``; its refusal told
    about the file rather than to the person typing."""
    try:
        return clean_card_text(value)
    except InvalidInput as error:
        if "length" in error.params:
            raise InvalidInput(problem=N_("Der Text ist zu lang: {length} Zeichen, erlaubt sind "
                                          "höchstens {max}."),
                               length=error.params["length"], max=error.params["max"]) from None
        raise InvalidInput(problem=N_("Der Text ist leer oder hat weniger als {min} sichtbare "
                                      "Zeichen."), min=error.params["min"]) from None


def _check_dots(content: dict, problems: _Problems) -> None:
    """No vote above the most dots any console allows on one card (``DOT_BUDGET_MAX``).

    The workshop's own rules are not checked against its votes: the service itself leaves
    people above them when the facilitator lowers the rules after the voting, when a hidden
    card whose dots were given again elsewhere is restored, or after a merge. A backup of such a
    workshop must restore, and a file cannot tell those cases from a doctored one.
    """
    for vote in content["votes"]:
        participant, card, dots = vote["participant_ref"], vote["card_ref"], vote["dots"]
        if dots > DOT_BUDGET_MAX:
            problems.add((N_("Punkte von Person {participant} auf Karte {card}"),
                          {"participant": participant, "card": card}),
                         InvalidInput(problem=N_("{dots} Punkte, erlaubt sind höchstens {max} je Karte."),
                                      dots=dots, max=DOT_BUDGET_MAX))


# --- import: writing -------------------------------------------------------------------------


def _write(app: Werkstatt, content: dict) -> ImportResult:
    """All rows in one transaction (``BEGIN IMMEDIATE``). The checks that depend on the target
    (tokens, codes) run inside it, so nobody takes a code between the check and the insert."""
    store = app.store
    notes: list[ImportNote] = []
    ids: dict[str, dict[int, int]] = {name: {} for name, table in TABLES.items() if table.has_ref}
    open_codes: set[str] = set()  # join codes of the open workshops written so far
    with store.write() as db:
        copies = [store.copy_exists(db, workshop=(w["join_code"], w["pin_hash"]))
                  for w in content["workshops"]]
        copies += [store.copy_exists(db, process=(p["code"], p["password_hash"]))
                   for p in _rows(content, "process")]
        if any(copies) or store.tokens_taken(db, [p["token"] for p in content["participants"]]):
            raise ImportRefused(problem=N_("Was diese Datei enthält, ist hier schon vorhanden "
                                           "(dieselben Teilnehmenden, derselbe Workshop oder "
                                           "Prozess) – die Datei wurde offenbar schon einmal "
                                           "eingelesen. Ein zweites Mal würde alles doppelt anlegen."))
        process_id = None
        fieldset_here = transfer_fieldsets.store(app, db, content)  # carried id → its id here
        for name, table in TABLES.items():
            for item in _rows(content, name):
                # a merge may point to a later card: merged_into is set once all cards exist
                row = _to_db(table, {**item, "merged_into_ref": None} if name == "cards" else item, ids)
                if name in ("process", "workshops"):
                    row["fieldset"] = fieldset_here.get(row["fieldset"], row["fieldset"])
                if name in WITH_PROCESS_ID:
                    row["process_id"] = process_id
                if name == "process" and store.process_code_taken(db, row["code"]):
                    old, row["code"] = row["code"], _fresh(lambda c: store.process_code_taken(db, c))
                    notes.append(ImportNote(N_("Der Prozess „{title}“ hat den neuen Prozess-Code "
                                               "{new} bekommen, weil {old} hier schon vergeben ist. "
                                               "Bitte der Taskforce den neuen Code mitteilen; das "
                                               "Passwort bleibt."),
                                            {"title": row["title"], "old": old, "new": row["code"]}))
                if name == "workshops" and row["live_step"] != agenda.FINAL_STEP:
                    taken = lambda c: c in open_codes or store.join_code_taken(db, c)  # noqa: E731
                    if taken(row["join_code"]):
                        old, row["join_code"] = row["join_code"], _fresh(taken)
                        notes.append(ImportNote(N_("Der Workshop „{title}“ hat den neuen "
                                                   "Teilnahme-Code {new} bekommen, weil {old} hier "
                                                   "schon von einem offenen Workshop benutzt wird. "
                                                   "Alte QR-Codes und Links führen nicht mehr zu ihm."),
                                                {"title": row["title"], "old": old, "new": row["join_code"]}))
                    open_codes.add(row["join_code"])
                if name == "moderation_log":
                    row["before"] = json.dumps(_before(item["before"], ids["cards"]))
                if name == "action_history" and item["attribute"] == "owner":
                    row["old_value"] = _owner(item["old_value"], ids["members"])
                    row["new_value"] = _owner(item["new_value"], ids["members"])
                new_id = store.insert_transfer_row(db, table.db_table, row)
                if table.has_ref:
                    ids[name][item["ref"]] = new_id
                if name == "process":
                    process_id = new_id
            if name == "cards":
                for item in content["cards"]:
                    if item["merged_into_ref"] is not None:
                        cards = ids["cards"]
                        store.set_merged_into(db, cards[item["ref"]], cards[item["merged_into_ref"]])
    workshop_ids = tuple(ids["workshops"][w["ref"]] for w in content["workshops"])
    return ImportResult(workshop_ids, process_id, tuple(notes))


def _to_db(table: Table, item: dict, ids: dict[str, dict[int, int]]) -> dict:
    row = {}
    for c in table.columns:
        value = item[c.key]
        if c.type == "ref" and value is not None:
            value = ids[c.target][value]
        elif c.type == "flag":
            value = int(value)
        elif c.type == "list":
            value = json.dumps(value)
        row[c.column] = value
    return row


def _fresh(taken: Callable[[str], bool]) -> str:
    while True:
        code = new_code()
        if not taken(code):
            return code
