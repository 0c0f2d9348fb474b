"""Own fieldsets in a transfer file: a workshop made on a city's own topic list takes that list
along, so the machine it moves to can show its results.

A shipped fieldset travels by its id only (every installation has ``fieldsets/``). An own list
(``own:<lineage>@<version>``) travels as the stored version itself: ``content.fieldsets`` is a
list of ``{"id", "definition", "translations"}``, the YAML text and the texts per language as
the database keeps them. The key is there only when the file needs it, so a file without own
lists stays readable by an installation that predates them.

On import each carried version is checked by the rules of every fieldset before anything is
written. Then, in the import's transaction: a version this database already has with the same
text is used as it is; a missing one is stored under its own lineage and version; and where the
lineage exists here with a different text (another city named its list the same), the version
is stored under a fresh lineage, and the workshops and process of the file point to that.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from werkstatt import fieldset_drafts as drafts
from werkstatt import fieldsets
from werkstatt.exchange import ImportRefused
from werkstatt.i18n import N_, PARTICIPANT_LANGUAGES
from werkstatt.own_fieldsets import own_ref, parse_ref

if TYPE_CHECKING:
    from sqlite_utils import Database

    from werkstatt.fieldsets import Fieldset
    from werkstatt.service import Werkstatt

KEY = "fieldsets"
ENTRY_KEYS = {"id", "definition", "translations"}


def used_ids(content: dict) -> list[str]:
    """The fieldset of every workshop and of the process, in the file's order."""
    process = [content["process"]] if content.get("process") else []
    return [w["fieldset"] for w in content["workshops"]] + [p["fieldset"] for p in process]


def carried(app: Werkstatt, content: dict) -> dict:
    """``{"fieldsets": [...]}`` with each own version the content uses, or ``{}`` when it uses
    shipped lists only."""
    entries = []
    for ref in sorted(set(used_ids(content))):
        parsed = parse_ref(ref)
        if parsed is None:
            continue
        row = app.store.own_fieldset_version(*parsed)
        entries.append({"id": ref, "definition": row["definition"],
                        "translations": json.loads(row["translations"])})
    return {KEY: entries} if entries else {}


def read(content: dict) -> dict[str, Fieldset]:
    """The carried versions by id, each checked by the rules of every fieldset; ImportRefused
    naming the first place that is wrong."""
    entries = content.get(KEY, [])
    if not isinstance(entries, list):
        raise _refused(N_("„{where}“ ist keine Liste."), where=f"content.{KEY}")
    found: dict[str, Fieldset] = {}
    for number, entry in enumerate(entries):
        where = f"content.{KEY}[{number}]"
        if not isinstance(entry, dict) or set(entry) != ENTRY_KEYS:
            raise _refused(N_("„{where}“ braucht genau die Einträge id, definition und translations."),
                           where=where)
        parsed = parse_ref(entry["id"]) if isinstance(entry["id"], str) else None
        if parsed is None or not isinstance(entry["definition"], str) or not _texts(entry["translations"]):
            raise _refused(N_("„{where}“ ist keine gespeicherte Themenliste."), where=where)
        try:
            fieldset = fieldsets.read_yaml(entry["definition"], f"{where}.definition", stem=parsed[0])
            for lang, texts in sorted(entry["translations"].items()):
                fieldset = fieldset.translated(lang, {k: v for k, v in texts.items() if v.strip()})
        except fieldsets.FieldsetError as error:
            raise _refused(N_("Die mitgebrachte Themenliste „{where}“ ist fehlerhaft: {reason}"),
                           where=entry["id"][:80], reason=str(error)[:400]) from None
        found[entry["id"]] = replace(fieldset, id=entry["id"])
    return found


def store(app: Werkstatt, db: Database, content: dict) -> dict[str, str]:
    """Store what the file carries (inside the import's transaction); returns, for each carried
    id, the id the file's workshops and process use here."""
    placed = {}
    for entry in content.get(KEY, []):
        lineage, version = parse_ref(entry["id"])
        here = app.store.own_fieldset_version(lineage, version, db)
        if here is not None and here["definition"] == entry["definition"]:
            placed[entry["id"]] = entry["id"]
            continue
        definition = entry["definition"]
        if app.store.lineage_taken(db, lineage):
            fieldset = fieldsets.read_yaml(definition, entry["id"], stem=lineage)
            lineage = _fresh_lineage(app, db, lineage)
            definition = drafts.dump_yaml(drafts.fieldset_data(fieldset, lineage, languages=False))
        app.store.insert_own_fieldset(db, {
            "lineage": lineage, "version": version, "definition": definition,
            "translations": json.dumps(entry["translations"], ensure_ascii=False),
            "organizer_id": None, "created_at": app.now().isoformat(timespec="seconds")})
        placed[entry["id"]] = own_ref(lineage, version)
    return placed


def _fresh_lineage(app: Werkstatt, db: Database, lineage: str) -> str:
    shipped = {f.id for f in app.fieldset_files()[0]}
    number = 2
    while f"{lineage}-{number}" in shipped or app.store.lineage_taken(db, f"{lineage}-{number}"):
        number += 1
    return f"{lineage}-{number}"


def _texts(translations: object) -> bool:
    """``{language: {place: text}}`` in the participants' languages, all texts."""
    return isinstance(translations, dict) and all(
        lang in PARTICIPANT_LANGUAGES and isinstance(texts, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items())
        for lang, texts in translations.items())


def _refused(problem: str, **params: object) -> ImportRefused:
    return ImportRefused(problem=problem, **params)
