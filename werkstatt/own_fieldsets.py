"""Fieldsets a city makes in the app: create, copy, edit, import, translate, export, delete.

They live in the database (``db/own_fieldsets.py``), so a hosted server needs no file access,
and the shipped files in ``fieldsets/`` stay read-only templates. Each list is a *lineage* of
*versions*; a workshop stores the exact version it was created on as ``own:<lineage>@<version>``
in the same column where a shipped list's id stands, so every place that loads "the workshop's
fieldset" gets the right one through ``fieldset_by_id``. A version in use by a workshop or a
process never changes: saving an edit then makes the next version; an unused version is edited
in place, and a list none of whose versions is used can be deleted.

Who may do this mirrors who may create a workshop: anyone at the laptop, and on a hosted server
(accounts on) a signed-in organiser, who sees and changes only their own lists.

A mixin of ``werkstatt.service.Werkstatt`` (store, clock, ``accounts``, ``signed_in_organizer``).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, replace

from werkstatt import fieldset_drafts as drafts
from werkstatt import fieldset_excel, fieldsets
from werkstatt.errors import InvalidInput
from werkstatt.fieldsets import Fieldset, FieldsetError
from werkstatt.i18n import N_, PARTICIPANT_LANGUAGES

OWN_PREFIX = "own:"
_REF = re.compile(r"own:([a-z0-9-]+)@([1-9][0-9]{0,5})")
MAX_UPLOAD_BYTES = 2_000_000


def own_ref(lineage: str, version: int) -> str:
    return f"{OWN_PREFIX}{lineage}@{version}"


def parse_ref(fieldset_id: str) -> tuple[str, int] | None:
    """(lineage, version) of an own fieldset's id; None for a shipped one."""
    match = _REF.fullmatch(str(fieldset_id or ""))
    return (match.group(1), int(match.group(2))) if match else None


def lineage(fieldset_id: str) -> str:
    """What versions of one list share: the lineage of an own list, a shipped list's id."""
    parsed = parse_ref(fieldset_id)
    return f"{OWN_PREFIX}{parsed[0]}" if parsed else fieldset_id


@dataclass(frozen=True)
class OwnFieldset:
    """The newest (or one) version of a list made in the app."""

    lineage: str
    version: int
    fieldset: Fieldset  # its id is the reference a workshop stores (``own_ref``)
    used: int  # workshops and processes on this very version
    workshops: int  # workshops on any version of the list
    versions: int
    organizer_id: int | None

    @property
    def ref(self) -> str:
        return own_ref(self.lineage, self.version)


@dataclass(frozen=True)
class VersionDifference:
    """What changed between the versions two workshops of one list were created on."""

    before: int
    after: int
    added: tuple[str, ...]  # field titles, in the later version's language
    removed: tuple[str, ...]


@functools.lru_cache(maxsize=256)
def _stored(ref: str, definition: str, translations: str) -> Fieldset:
    """A stored version as a Fieldset (parsed once per text: versions in use never change)."""
    name, _ = parse_ref(ref)
    fieldset = fieldsets.read_yaml(definition, f"Feldliste {name}", stem=name)
    for lang, texts in sorted(json.loads(translations).items()):
        fieldset = fieldset.translated(lang, {k: v for k, v in texts.items() if str(v).strip()})
    return replace(fieldset, id=ref)


class OwnFieldsets:
    """Own-fieldset use cases, mixed into ``Werkstatt``."""

    # --- loading by id: the one way every page gets a workshop's fieldset ----------------

    def fieldset_by_id(self, fieldset_id: str) -> Fieldset:
        """A shipped fieldset by its file's id, or a stored version by ``own:<lineage>@<n>``."""
        parsed = parse_ref(fieldset_id)
        if parsed is None:
            return fieldsets.load(fieldset_id, self._fieldset_dir)
        row = self.store.own_fieldset_version(*parsed)
        if row is None:
            raise FieldsetError(f'Die eigene Feldliste "{parsed[0]}" (Version {parsed[1]}) gibt es in dieser '
                                "Datenbank nicht. Bitte die Feldliste zuerst einlesen.")
        return _stored(fieldset_id, row["definition"], row["translations"])

    def fieldset_choices(self, token: str = "") -> list[Fieldset]:
        """What a new workshop can be created on: the shipped lists, then the newest version of
        each own list (of this organiser, with accounts on)."""
        shipped, _ = self.fieldset_files()
        return [*shipped, *(own.fieldset for own in self.own_fieldsets(token))]

    # --- the lists ----------------------------------------------------------------------

    def _fieldset_owner(self, token: str) -> int | None:
        """The organiser acting (accounts on), None on a laptop, where anyone at it may."""
        if not getattr(self, "accounts", False):
            return None
        return self.signed_in_organizer(token).id

    def own_fieldsets(self, token: str = "") -> list[OwnFieldset]:
        owner = self._fieldset_owner(token)
        return [self._own(row) for row in self.store.own_fieldset_lineages(owner)]

    def own_fieldset(self, lineage_id: str, token: str = "") -> OwnFieldset:
        """The newest version of a list this person may change."""
        owner = self._fieldset_owner(token)
        row = self.store.own_fieldset_latest(lineage_id)
        if row is None or (owner is not None and row["organizer_id"] != owner):
            raise InvalidInput(problem=N_("Diese Themenliste gibt es nicht (mehr)."))
        return self._own(row)

    def _own(self, row: dict) -> OwnFieldset:
        ref = own_ref(row["lineage"], row["version"])
        return OwnFieldset(row["lineage"], row["version"], _stored(ref, row["definition"], row["translations"]),
                           row["used"], row.get("workshops", 0), row.get("versions", 1),
                           row["organizer_id"])

    def template_draft(self, fieldset_id: str) -> dict:
        """A draft to start from: a copy of a shipped list or of an own one ("Vorlage kopieren")."""
        draft = drafts.draft_from_fieldset(self.fieldset_by_id(fieldset_id))
        for field in draft["fields"]:
            field["id"] = ""  # a copy is a new list: ids come from its own titles
        draft["title"] = f"{draft['title']} (Kopie)"
        return draft

    # --- saving: the editor, an import --------------------------------------------------

    def save_own_fieldset(self, draft: dict, lineage_id: str | None = None, token: str = "") -> OwnFieldset:
        """Check the editor's draft by the rules of every fieldset and store it: a new list
        (``lineage_id`` None), or an edit (a new version if the newest one is in use). A refused
        draft raises FieldsetError naming each box to fix, and nothing is stored."""
        owner = self._fieldset_owner(token)
        if lineage_id is not None:
            self.own_fieldset(lineage_id, token)  # it exists and is theirs
        name = lineage_id or self._new_lineage(drafts.slug(draft.get("title", ""), "themenliste"))
        fieldset = fieldsets.check_data(drafts.to_data(draft, name), drafts.draft_place, stem=name)
        return self._store(name, fieldset, owner, keep_translations=True)

    def import_own_fieldset(self, filename: str, data: bytes, token: str = "") -> OwnFieldset:
        """A new list from an uploaded file: YAML (as in ``fieldsets/``), Excel (the template of
        ``fieldset_workbook``) or CSV. A broken file raises FieldsetError listing every problem
        by line, or by sheet, row and column; nothing is stored."""
        owner = self._fieldset_owner(token)
        if len(data) > MAX_UPLOAD_BYTES:
            raise FieldsetError(f"{filename}: Die Datei ist größer als 2 MB. Bitte nur die Themenliste hochladen.")
        suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if suffix in ("yaml", "yml"):
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise FieldsetError(f"{filename}: Die Datei ist nicht als UTF-8 gespeichert. Bitte im "
                                    "Editor „Speichern unter … UTF-8“ wählen.") from None
            fieldset = fieldsets.read_yaml(text, filename)
            name = self._new_lineage(drafts.slug(fieldset.id, "themenliste"))
        elif suffix in ("xlsx", "csv"):
            read = fieldset_excel.read_workbook if suffix == "xlsx" else fieldset_excel.read_csv
            draft, problems = read(data, filename)
            name = self._new_lineage(drafts.slug(draft["title"], "themenliste"))
            try:
                fieldset = fieldsets.check_data(drafts.to_data(draft, name), fieldset_excel.place_in(draft),
                                                stem=name)
            except FieldsetError as error:
                problems += error.problems
            if problems:
                raise FieldsetError(problems)
        else:
            raise FieldsetError(f"{filename}: Diese Dateiart lässt sich nicht einlesen. Bitte eine Excel-Datei "
                                "(.xlsx), eine CSV-Datei (.csv) oder eine YAML-Datei (.yaml) hochladen.")
        return self._store(name, fieldset, owner, keep_translations=False)

    def _new_lineage(self, wanted: str) -> str:
        taken = {f.id for f in self.fieldset_files()[0]}
        taken |= {row["lineage"] for row in self.store.own_fieldset_lineages()}
        return drafts.unique(wanted, taken)

    def _store(self, name: str, fieldset: Fieldset, owner: int | None, keep_translations: bool) -> OwnFieldset:
        definition = drafts.dump_yaml(drafts.fieldset_data(fieldset, name, languages=False))
        imported = drafts.translations_of(fieldset)
        now = self._timestamp()
        with self.store.write() as db:
            latest = self.store.own_fieldset_latest(name, db)
            translations = imported
            if latest is not None and keep_translations:
                known = {where for where, _ in fieldset.texts()}
                kept = json.loads(latest["translations"])
                translations = {lang: {k: v for k, v in texts.items() if k in known} for lang, texts in kept.items()}
            record = {"lineage": name, "definition": definition, "translations": json.dumps(translations),
                      "organizer_id": owner, "created_at": now}
            if latest is None:
                self.store.insert_own_fieldset(db, {**record, "version": 1})
                version = 1
            elif latest["used"]:
                version = latest["version"] + 1
                self.store.insert_own_fieldset(db, {**record, "version": version,
                                                    "organizer_id": latest["organizer_id"]})
            else:
                version = latest["version"]
                self.store.update_own_fieldset(db, name, version, definition, record["translations"], now)
        return self._own(self.store.own_fieldset_version(name, version) | {"versions": version})

    def delete_own_fieldset(self, lineage_id: str, token: str = "") -> None:
        """Delete a list none of whose versions any workshop or process uses (their results
        need it); a used one says how to go on."""
        self.own_fieldset(lineage_id, token)
        with self.store.write() as db:
            used = self.store.lineage_in_use(db, lineage_id)
            if used:
                raise InvalidInput(problem=N_("Diese Themenliste nutzen schon {count} Workshops oder Prozesse; "
                                              "ihre Ergebnisse brauchen sie. Sie lässt sich darum nicht löschen."),
                                   count=used)
            self.store.delete_own_fieldset(db, lineage_id)

    # --- translations ---------------------------------------------------------------------

    def set_own_translation(self, lineage_id: str, lang: str, texts: dict[str, str],
                            token: str = "") -> OwnFieldset:
        """Set the ``lang`` texts of the newest version (key path → text; empty: still German).
        A translation changes no result, so it is written even into a version in use."""
        own = self.own_fieldset(lineage_id, token)
        if lang not in PARTICIPANT_LANGUAGES or lang == own.fieldset.language:
            raise InvalidInput(problem=N_("In diese Sprache lässt sich die Themenliste nicht übersetzen."))
        known = dict(own.fieldset.texts())
        limits = {"title": "title", "description": "description"}
        problems = []
        for where, text in texts.items():
            if where not in known:
                raise InvalidInput(problem=N_("Diesen Text gibt es in der Themenliste nicht."))
            limit = limits.get(where) or _limit_of(where)
            if len(str(text or "").strip()) > fieldsets.MAX_CHARS[limit]:
                problems.append(fieldsets.Problem(where, drafts.draft_place(where),
                                                  f"Der Text ist länger als {fieldsets.MAX_CHARS[limit]} Zeichen. "
                                                  "Bitte kürzen."))
        if problems:
            raise FieldsetError(problems)
        with self.store.write() as db:
            row = self.store.own_fieldset_version(lineage_id, own.version, db)
            translations = json.loads(row["translations"])
            translations[lang] = {k: str(v).strip() for k, v in
                                  {**translations.get(lang, {}), **texts}.items() if str(v or "").strip()}
            self.store.set_own_fieldset_translations(db, lineage_id, own.version, json.dumps(translations),
                                                     self._timestamp())
        return self.own_fieldset(lineage_id, token)

    # --- export and comparison --------------------------------------------------------------

    def fieldset_yaml(self, fieldset_id: str) -> str:
        """Any fieldset as a file for ``fieldsets/`` (every language it has): loadable by the
        same loader, so a city can pass its list on."""
        fieldset = self.fieldset_by_id(fieldset_id)
        name = parse_ref(fieldset_id)[0] if parse_ref(fieldset_id) else fieldset.id
        header = (f"# Themenliste „{fieldset.title.get(fieldset.language)}“, aus Werkstatt exportiert.\n"
                  f"# Als fieldsets/{name}.yaml ablegen oder in Werkstatt unter „Eigene Themenliste“ einlesen.\n\n")
        return drafts.dump_yaml(drafts.fieldset_data(fieldset, name), header)

    def fieldset_workbook(self, fieldset_id: str | None = None) -> bytes:
        """The Excel template, empty (``None``) or filled with a fieldset."""
        return fieldset_excel.workbook(self.fieldset_by_id(fieldset_id) if fieldset_id else None)

    def version_difference(self, before_id: str, after_id: str) -> VersionDifference | None:
        """Fields added and removed between two versions of one own list; None when both
        workshops share a version (or a shipped list)."""
        before, after = parse_ref(before_id), parse_ref(after_id)
        if before is None or after is None or before == after or before[0] != after[0]:
            return None
        old, new = self.fieldset_by_id(before_id), self.fieldset_by_id(after_id)
        lang = new.language
        return VersionDifference(
            before[1], after[1],
            added=tuple(f.title.get(lang) for f in new.fields if f.id not in old.field_ids),
            removed=tuple(f.title.get(lang) for f in old.fields if f.id not in new.field_ids))


def _limit_of(where: str) -> str:
    """The length rule of a text by its key path (``Fieldset.texts``)."""
    if where.startswith("scale."):
        return "label"
    if where.startswith("sectors."):
        return "sector"
    if where.endswith(".title"):
        return "field_title"
    if where.endswith(".description"):
        return "field_description"
    return "question"

