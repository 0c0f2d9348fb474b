"""The shapes a fieldset takes between a person and the loader: the editor's draft, the YAML
structure the loader checks (``fieldsets.check_data``), and the stored and exported YAML.

A draft is plain data (lists and dicts of strings and numbers), so it can live in a browser
session while someone types, and nothing is checked until they save: then ``to_data`` builds
the structure of a fieldset file from it, and the same rules as for a file apply, each problem
named by the editor's box (``draft_place``). Field ids come from titles and stay with a field
when it is renamed, so the versions of one list still compare field by field.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from werkstatt.fieldsets import Fieldset, Text, VerdictRules

DEFAULT_LEVELS = ("nicht vorhanden", "in Ansätzen", "teilweise umgesetzt", "fest verankert")
DEFAULT_SECTORS = ("Verwaltung", "Politik", "Zivilgesellschaft (Vereine, Träger, Initiativen)",
                   "Migrant*innenorganisationen und Beiräte", "Wirtschaft", "Bildung", "Sonstige")
DONT_KNOW = "kann ich nicht einschätzen"
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(text: str, fallback: str = "feld") -> str:
    """An id from a title: "Übergang in Arbeit" → "uebergang-in-arbeit" (at most 40 characters)."""
    text = unicodedata.normalize("NFKD", str(text).casefold().translate(_UMLAUTS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return words[:40].rstrip("-") or fallback


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3`` … whichever is not taken yet (and take it)."""
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate


def blank_draft() -> dict:
    """A new list: one empty field, the programme's four-level scale and the usual sectors."""
    rules = VerdictRules()
    return {
        "title": "", "description": "",
        "fields": [{"id": "", "title": "", "description": "", "questions": ""}],
        "levels": list(DEFAULT_LEVELS), "dont_know": True,
        "sectors": "\n".join(DEFAULT_SECTORS), "sector_ids": {},
        "min_answers": rules.min_answers, "strength": float(rules.strength_median_at_least),
        "contested": rules.contested_consensus_below,
    }


def draft_from_fieldset(fieldset: Fieldset) -> dict:
    """A draft holding ``fieldset``'s texts in its own language (a copy of a template, or the
    list being edited); sector ids are kept by label so a renamed list keeps its sectors."""
    lang = fieldset.language
    return {
        "title": fieldset.title.get(lang),
        "description": fieldset.description.get(lang) if fieldset.description else "",
        "fields": [{"id": f.id, "title": f.title.get(lang), "description": f.description.get(lang),
                    "questions": "\n".join(q.get(lang) for q in f.questions)} for f in fieldset.fields],
        "levels": [level.label.get(lang) for level in fieldset.scale.levels],
        "dont_know": fieldset.scale.dont_know is not None,
        "sectors": "\n".join(s.label.get(lang) for s in fieldset.sectors),
        "sector_ids": {s.label.get(lang): s.id for s in fieldset.sectors},
        "min_answers": fieldset.verdict.min_answers,
        "strength": float(fieldset.verdict.strength_median_at_least),
        "contested": float(fieldset.verdict.contested_consensus_below),
    }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def to_data(draft: dict, lineage: str) -> dict:
    """The structure of a fieldset file (what ``fieldsets.check_data`` reads) from a draft.

    Levels are numbered 1, 2, … in the order given; a field without an id gets one from its
    title. Texts are taken as typed (trimmed): checking them is the loader's job."""
    taken: set[str] = {f["id"] for f in draft["fields"] if f.get("id")}
    fields = []
    for f in draft["fields"]:
        field_id = f.get("id") or unique(slug(f.get("title", "")), taken)
        fields.append({"id": field_id, "title": str(f.get("title") or "").strip(),
                       "description": str(f.get("description") or "").strip(),
                       "questions": _lines(f.get("questions", ""))})
    sector_ids = dict(draft.get("sector_ids") or {})
    taken_sectors = set()
    sectors = []
    for label in _lines(draft.get("sectors", "")):
        sector_id = sector_ids.get(label) or slug(label, "bereich")
        sectors.append({"id": unique(sector_id, taken_sectors), "label": label})
    scale: dict[str, Any] = {"levels": [{"value": i + 1, "label": str(label or "").strip()}
                                        for i, label in enumerate(draft["levels"])]}
    if draft.get("dont_know"):
        scale["dont_know"] = DONT_KNOW
    data: dict[str, Any] = {"id": lineage, "language": "de", "title": str(draft.get("title") or "").strip()}
    if str(draft.get("description") or "").strip():
        data["description"] = draft["description"].strip()
    data.update(scale=scale, sectors=sectors, verdict={
        "min_answers": draft.get("min_answers"), "strength_median_at_least": draft.get("strength"),
        "contested_consensus_below": draft.get("contested")}, fields=fields)
    return data


_BOXES = {"title": "Titel der Liste", "description": "Beschreibung der Liste", "fields": "Felder",
          "scale.levels": "Skala", "scale.dont_know": "„kann ich nicht einschätzen“", "sectors": "Bereiche",
          "verdict.min_answers": "Mindestzahl an Antworten",
          "verdict.strength_median_at_least": "Stärke ab Median",
          "verdict.contested_consensus_below": "Umstritten unter Konsens", "id": "Kennung"}
_PART = {"title": "Titel", "description": "Kurzbeschreibung", "questions": "Leitfragen", "id": "Titel",
         "label": "Bezeichnung", "value": "Stufe"}


def draft_place(where: str) -> str:
    """The editor's box a key path stands for: "fields[1].title" → "Feld 2 · Titel"."""
    if where in _BOXES:
        return _BOXES[where]
    match = re.fullmatch(r"(fields|scale\.levels|sectors)\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?", where)
    if not match:
        return where
    kind, index, part, sub = match.groups()
    name = {"fields": "Feld", "scale.levels": "Stufe", "sectors": "Bereich"}[kind]
    place = f"{name} {int(index) + 1}"
    if part:
        place += f" · {_PART.get(part, part)}"
    if sub is not None:
        place += f" {int(sub) + 1}"
    return place


# --- stored and exported YAML ------------------------------------------------------------


def _text(text: Text, languages: bool) -> Any:
    if not languages or len(text.values) == 1:
        return text.get(text.default_language)
    return {lang: value for lang, value in text.values.items() if value}


def fieldset_data(fieldset: Fieldset, lineage: str, languages: bool = True) -> dict:
    """The structure of a fieldset file for ``fieldset``, under the id ``lineage``: with every
    language each text has (an export a city passes on), or only the fieldset's own language
    (what is stored; translations are kept beside it)."""
    data: dict[str, Any] = {"id": lineage, "language": fieldset.language,
                            "title": _text(fieldset.title, languages)}
    if fieldset.description:
        data["description"] = _text(fieldset.description, languages)
    scale: dict[str, Any] = {"levels": [{"value": lv.value, "label": _text(lv.label, languages)}
                                        for lv in fieldset.scale.levels]}
    if fieldset.scale.dont_know:
        scale["dont_know"] = _text(fieldset.scale.dont_know, languages)
    rules = fieldset.verdict
    data.update(
        scale=scale,
        sectors=[{"id": s.id, "label": _text(s.label, languages)} for s in fieldset.sectors],
        verdict={"min_answers": rules.min_answers, "strength_median_at_least": rules.strength_median_at_least,
                 "contested_consensus_below": rules.contested_consensus_below},
        fields=[{"id": f.id, "title": _text(f.title, languages), "description": _text(f.description, languages),
                 **({"questions": [_text(q, languages) for q in f.questions]} if f.questions else {})}
                for f in fieldset.fields],
    )
    return data


def translations_of(fieldset: Fieldset) -> dict[str, dict[str, str]]:
    """The texts beyond the fieldset's own language, by language and key path (``Fieldset.texts``)."""
    result: dict[str, dict[str, str]] = {}
    for where, text in fieldset.texts():
        for lang, value in text.values.items():
            if lang != fieldset.language and value:
                result.setdefault(lang, {})[where] = value
    return result


def dump_yaml(data: dict, header: str = "") -> str:
    """YAML as in ``fieldsets/``: keys in the file's order, umlauts as they are, long lines kept."""
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return header + body
