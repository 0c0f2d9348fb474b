"""Fieldsets: the fields a workshop rates, the scale, the sectors and the verdict rules.

A fieldset is a YAML file in ``fieldsets/``. It is loaded once into frozen
dataclasses; every text in it may be a plain string (in the fieldset's own
language) or a mapping ``{de: ..., en: ...}``. The participant languages beyond
those come from ``fieldsets/translations/<id>.<language>.yaml``: one file per
language, so a native speaker can contribute (and review) one file without
touching the fieldset itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, NoReturn

import yaml

from werkstatt.i18n import LANGUAGE_NAMES, PARTICIPANT_LANGUAGES

FIELDSETS_DIR = Path(__file__).resolve().parent.parent / "fieldsets"
TRANSLATIONS = "translations"  # the folder beside the fieldsets
DEFAULT_FIELDSET = "weltoffene-kommune"


@dataclass(frozen=True)
class Text:
    """A text in one or more languages; ``get`` falls back to the fieldset's language."""

    values: Mapping[str, str]
    default_language: str = "de"

    def get(self, lang: str) -> str:
        return self.values.get(lang) or self.values[self.default_language]

    def has(self, lang: str) -> bool:
        return bool(self.values.get(lang))

    def marked(self, lang: str) -> str:
        """``get`` for a participant's screen: a text without ``lang`` is shown in the fieldset's
        language with that language's name after it, "… (Deutsch)", so a person who chose Türkçe
        sees that this line is untranslated rather than wonder whether they chose at all.
        The fallback is a Unicode isolate, so on an Arabic screen the German line keeps its
        left-to-right order and its closing bracket stays at its end."""
        if self.has(lang):
            return self.values[lang]
        name = LANGUAGE_NAMES.get(self.default_language, self.default_language)
        return f"\u2068{self.values[self.default_language]} ({name})\u2069"


@dataclass(frozen=True)
class Level:
    """One step of the ordinal rating scale (``value`` is what is stored)."""

    value: int
    label: Text


@dataclass(frozen=True)
class Scale:
    levels: tuple[Level, ...]
    dont_know: Text | None = None

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(level.value for level in self.levels)

    @property
    def min(self) -> int:
        return min(self.values)

    @property
    def max(self) -> int:
        return max(self.values)

    def text(self, value: int | None) -> Text | None:
        """The label of ``value`` in every language; None is "don't know" (None when not offered)."""
        if value is None:
            return self.dont_know
        for level in self.levels:
            if level.value == value:
                return level.label
        raise KeyError(value)

    def label(self, value: int | None, lang: str) -> str:
        """The label of ``value``; None is "don't know"."""
        text = self.text(value)
        return text.get(lang) if text else ""

    def marked(self, value: int | None, lang: str) -> str:
        """``label`` for a participant's screen: an untranslated label says so (``Text.marked``)."""
        text = self.text(value)
        return text.marked(lang) if text else ""


@dataclass(frozen=True)
class Field:
    """An action field (Handlungsfeld) or topic that participants rate."""

    id: str
    title: Text
    description: Text
    questions: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Sector:
    """Where a participant comes from (Verwaltung, Politik, …); optional for them."""

    id: str
    label: Text


@dataclass(frozen=True)
class VerdictRules:
    """Thresholds for the verdict per field.

    Below ``min_answers`` answers on the scale: too few. Otherwise a consensus
    below ``contested_consensus_below`` is contested; else a median of at least
    ``strength_median_at_least`` is a strength and anything lower a gap.
    """

    min_answers: int = 5
    strength_median_at_least: float = 3
    contested_consensus_below: float = 0.5


@dataclass(frozen=True)
class Fieldset:
    id: str
    title: Text
    language: str
    scale: Scale
    fields: tuple[Field, ...]
    sectors: tuple[Sector, ...] = ()
    verdict: VerdictRules = field(default_factory=VerdictRules)
    description: Text | None = None

    @property
    def field_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.fields)

    def field(self, field_id: str) -> Field:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def sector(self, sector_id: str) -> Sector:
        for s in self.sectors:
            if s.id == sector_id:
                return s
        raise KeyError(sector_id)

    def texts(self) -> Iterator[tuple[str, Text]]:
        """Every text a participant can see, with its place: the key path a translation file uses."""
        yield "title", self.title
        if self.description:
            yield "description", self.description
        for level in self.scale.levels:
            yield f"scale.levels.{level.value}", level.label
        if self.scale.dont_know:
            yield "scale.dont_know", self.scale.dont_know
        for sector in self.sectors:
            yield f"sectors.{sector.id}", sector.label
        for f in self.fields:
            yield f"fields.{f.id}.title", f.title
            yield f"fields.{f.id}.description", f.description
            for i, question in enumerate(f.questions):
                yield f"fields.{f.id}.questions[{i}]", question

    def missing(self, lang: str) -> list[str]:
        """The places of the texts that have no ``lang`` yet (shown in the fieldset's language)."""
        return [where for where, text in self.texts() if not text.has(lang)]

    def translated(self, lang: str, texts: Mapping[str, str]) -> Fieldset:
        """This fieldset with ``texts`` (key path as in ``texts()`` → text) added in ``lang``."""

        def add(text: Text, where: str) -> Text:
            return replace(text, values={**text.values, lang: texts[where]}) if where in texts else text

        scale = self.scale
        return replace(
            self,
            title=add(self.title, "title"),
            description=self.description and add(self.description, "description"),
            scale=replace(
                scale,
                levels=tuple(replace(lv, label=add(lv.label, f"scale.levels.{lv.value}")) for lv in scale.levels),
                dont_know=scale.dont_know and add(scale.dont_know, "scale.dont_know"),
            ),
            sectors=tuple(replace(s, label=add(s.label, f"sectors.{s.id}")) for s in self.sectors),
            fields=tuple(
                replace(
                    f,
                    title=add(f.title, f"fields.{f.id}.title"),
                    description=add(f.description, f"fields.{f.id}.description"),
                    questions=tuple(add(q, f"fields.{f.id}.questions[{i}]") for i, q in enumerate(f.questions)),
                )
                for f in self.fields
            ),
        )


# --- loading ------------------------------------------------------------------

ID_PATTERN = re.compile(r"[a-z0-9-]+")


# The limits every fieldset keeps, whether it comes from a YAML file, the editor or an Excel
# file: what still fits a phone's rating screen and a projector's column.
MIN_LEVELS, MAX_LEVELS = 2, 7
MAX_FIELDS = 30
MAX_QUESTIONS = 10
MAX_CHARS = {"title": 120, "description": 600, "field_title": 120, "field_description": 400,
             "question": 300, "label": 60, "sector": 100}


@dataclass(frozen=True)
class Problem:
    """One thing to fix: ``place`` says where in the person's own terms (a file's line, a sheet's
    row and column, a box of the editor), ``text`` what is wrong and what to do."""

    where: str  # the key path, as ``Fieldset.texts`` names places ("fields[2].title")
    place: str
    text: str

    def __str__(self) -> str:
        return f"{self.place}: {self.text}" if self.place else self.text


class FieldsetError(ValueError):
    """A fieldset that cannot be used.

    Facilitators write fieldsets themselves (a file, the editor, an Excel sheet), so each
    problem is German and names the place and what to change; ``problems`` lists them all,
    ``str()`` is one problem per line.
    """

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem("", "", problems)]
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))


class _Stop(Exception):
    """A problem after which the rest of this part cannot be read (a list where a text belongs)."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Reader:
    """Checks one parsed fieldset and builds the dataclasses, collecting every problem.

    ``locate`` turns a key path into the person's place: a YAML file's line (from yaml's node
    marks, see ``record_lines``), an Excel sheet's cell, an editor's box. A problem inside one
    field, level or sector skips the rest of that item and goes on with the next, so one pass
    names everything to fix.
    """

    def __init__(self, name: str, locate: Callable[[str], str] | None = None):
        self.name = name
        self.lines: dict[str, int] = {}
        self.language = "de"
        self.problems: list[Problem] = []
        self._locate = locate or self._file_place

    def _file_place(self, where: str) -> str:
        line = self.lines.get(where)
        place = self.name + (f", Zeile {line}" if line else "")
        return place + (f" ({where})" if where else "")

    def complain(self, where: str, problem: str, hint: str) -> None:
        """Note a problem and go on reading."""
        self.problems.append(Problem(where, self._locate(where), f"{problem} {hint}"))

    def fail(self, where: str, problem: str, hint: str) -> NoReturn:
        """Note a problem after which this part cannot be read further."""
        self.complain(where, problem, hint)
        raise _Stop()

    def result(self, build: Callable[[], Any]) -> Any:
        """``build()``'s value, or a FieldsetError listing every problem noted on the way."""
        try:
            value = build()
        except _Stop:
            value = None
        if self.problems:
            raise FieldsetError(self.problems)
        return value

    def each(self, items: list, read: Callable[[Any, int], Any]) -> list:
        """``read(item, i)`` for every item; an item with a problem is left out, the others read on."""
        values = []
        for i, item in enumerate(items):
            try:
                values.append(read(item, i))
            except _Stop:
                continue
        return values

    def record_lines(self, node: yaml.Node, where: str = "") -> None:
        """Remember the line of each key path; also catch keys written twice, which yaml silently merges."""
        self.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                sub = f"{where}.{key.value}" if where else str(key.value)
                self.lines[sub] = key.start_mark.line + 1
                if key.value in seen:
                    self.fail(sub, f'Der Schlüssel "{key.value}" steht hier doppelt.',
                              "Bitte nur einmal angeben.")
                seen.add(key.value)
                self.record_lines(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.record_lines(item, f"{where}[{i}]")

    def mapping(self, value: Any, where: str, required: tuple = (), optional: tuple = ()) -> dict:
        """A mapping with the required keys and no unknown ones (a typo would otherwise go unnoticed)."""
        allowed = required + optional
        if not isinstance(value, dict):
            self.fail(where, 'Hier werden Einträge der Form "schlüssel: wert" erwartet.',
                      f"Bitte diese Schlüssel eingerückt darunter schreiben: {', '.join(allowed)}.")
        for key in required:
            if value.get(key) is None:
                self.fail(where, f'Der Pflichtschlüssel "{key}" fehlt.', f'Bitte "{key}: …" ergänzen.')
        for key in value:
            if key not in allowed:
                self.fail(f"{where}.{key}" if where else str(key), f'Den Schlüssel "{key}" gibt es nicht.',
                          f"Bitte Schreibweise prüfen; erlaubt sind: {', '.join(allowed)}.")
        return value

    def sequence(self, value: Any, where: str) -> list:
        if not isinstance(value, list):
            self.fail(where, "Hier wird eine Liste erwartet.",
                      'Bitte jeden Eintrag in eine eigene Zeile mit "- " davor schreiben.')
        return value

    def ident(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            self.fail(where, f'"{value}" ist keine gültige ID.',
                      'Bitte nur Kleinbuchstaben a–z, Ziffern und Bindestriche verwenden, z. B. "arbeit".')
        return value

    def text(self, value: Any, where: str, limit: str | None = None) -> Text:
        """A plain string is in the fieldset's language; a mapping must contain that language.
        ``limit`` names the length rule (``MAX_CHARS``) every language of the text keeps."""
        if isinstance(value, str) and not value.strip():
            self.fail(where, "Hier fehlt ein Text.", "Bitte ausfüllen oder die leere Zeile entfernen.")
        if isinstance(value, str):
            value = {self.language: value}
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            example = f'{{{self.language}: "…", en: "…"}}'
            self.fail(where, "Hier wird ein Text erwartet.",
                      f"Bitte einen Text schreiben oder einen je Sprache, z. B. {example}; "
                      "Texte mit Komma oder Doppelpunkt in Anführungszeichen setzen.")
        if self.language not in value:
            self.fail(where, f'Der Text in der Sprache "{self.language}" fehlt.',
                      f'Bitte "{self.language}: …" ergänzen; das ist die Sprache der Feldliste.')
        longest = max(value.values(), key=len)
        if limit and len(longest) > MAX_CHARS[limit]:
            self.complain(where, f"Der Text ist {len(longest)} Zeichen lang, erlaubt sind {MAX_CHARS[limit]}.",
                          "Bitte kürzen; Einzelheiten gehören in die Leitfragen oder die Diskussion.")
        return Text(values=value, default_language=self.language)

    def fieldset(self, data: Any, stem: str) -> Fieldset:
        if not isinstance(data, dict):
            self.fail("", "Die Datei enthält keine Feldliste.",
                      "Bitte oben die Schlüssel id, title, language, scale und fields eintragen.")
        data = self.mapping(data, "", ("id", "title", "language", "scale", "fields"),
                            ("description", "sectors", "verdict"))
        fieldset_id = self.ident(data["id"], "id")
        if fieldset_id != stem:
            self.complain("id", f'Die ID "{fieldset_id}" passt nicht zum Dateinamen.',
                          f'Bitte "id: {stem}" eintragen oder die Datei in "{fieldset_id}.yaml" umbenennen.')
        if not isinstance(data["language"], str) or not re.fullmatch(r"[a-z]{2,3}", data["language"]):
            self.fail("language", f'"{data["language"]}" ist kein Sprachcode.',
                      'Bitte z. B. "de" oder "en" eintragen.')
        self.language = data["language"]
        title = self.attempt(lambda: self.text(data["title"], "title", "title"))
        description = self.attempt(lambda: self.text(data["description"], "description", "description")
                                   if "description" in data else None)
        scale = self.attempt(lambda: self.scale(data["scale"]))
        fields = self.attempt(lambda: self.fields(data["fields"]))
        sectors = self.attempt(lambda: self.sectors(data.get("sectors") or []))
        verdict = self.attempt(lambda: self.verdict(data.get("verdict") or {}, scale)) if scale else None
        if self.problems:
            raise _Stop()
        return Fieldset(id=fieldset_id, title=title, language=self.language, scale=scale, fields=fields,
                        sectors=sectors, verdict=verdict, description=description)

    def attempt(self, read: Callable[[], Any]) -> Any:
        """``read()``, or None after a problem that stops that part (the others are read on)."""
        try:
            return read()
        except _Stop:
            return None

    def scale(self, value: Any) -> Scale:
        value = self.mapping(value, "scale", ("levels",), ("dont_know",))
        raw_levels = self.sequence(value["levels"], "scale.levels")
        if len(raw_levels) < MIN_LEVELS:
            self.complain("scale.levels", "Die Skala hat weniger als zwei Stufen.",
                          "Bitte mindestens zwei Stufen angeben, z. B. 1 bis 4.")
        if len(raw_levels) > MAX_LEVELS:
            self.complain("scale.levels", f"Die Skala hat {len(raw_levels)} Stufen, höchstens "
                          f"{MAX_LEVELS} passen auf den Bildschirm eines Handys.",
                          f"Bitte auf {MAX_LEVELS} oder weniger Stufen kürzen, z. B. 1 bis 5.")
        levels: list[Level] = []

        def level(raw: Any, i: int) -> Level:
            where = f"scale.levels[{i}]"
            raw = self.mapping(raw, where, ("value", "label"))
            if not _is_int(raw["value"]):
                self.fail(f"{where}.value", f'"{raw["value"]}" ist keine ganze Zahl.',
                          "Bitte die Stufen mit ganzen Zahlen nummerieren, z. B. 1, 2, 3, 4.")
            if raw["value"] in (lv.value for lv in levels):
                self.fail(f"{where}.value", f"Der Wert {raw['value']} kommt in der Skala doppelt vor.",
                          "Bitte jeder Stufe einen eigenen Wert geben.")
            levels.append(Level(raw["value"], self.text(raw["label"], f"{where}.label", "label")))
            return levels[-1]

        self.each(raw_levels, level)
        dont_know = value.get("dont_know")
        if not levels:
            raise _Stop()
        return Scale(tuple(levels), None if dont_know is None else self.text(dont_know, "scale.dont_know", "label"))

    def fields(self, value: Any) -> tuple[Field, ...]:
        raw_fields = self.sequence(value, "fields")
        if not raw_fields:
            self.fail("fields", "Die Feldliste enthält keine Felder.",
                      'Bitte unter "fields:" mindestens ein Feld eintragen.')
        if len(raw_fields) > MAX_FIELDS:
            self.complain("fields", f"Die Feldliste hat {len(raw_fields)} Felder, höchstens {MAX_FIELDS} "
                          "lassen sich in einem Workshop bewerten.",
                          "Bitte Felder zusammenfassen oder auf zwei Feldlisten verteilen.")
        fields: list[Field] = []
        titles: dict[str, int] = {}

        def read(raw: Any, i: int) -> Field:
            where = f"fields[{i}]"
            raw = self.mapping(raw, where, ("id", "title", "description"), ("questions",))
            field_id = self.ident(raw["id"], f"{where}.id")
            if field_id in (f.id for f in fields):
                self.complain(f"{where}.id", f'Die Feld-ID "{field_id}" kommt doppelt vor.',
                              "Bitte jeder Feld-ID einen eigenen Namen geben.")
            title = self.text(raw["title"], f"{where}.title", "field_title")
            key = title.get(self.language).casefold()
            if key in titles:
                self.complain(f"{where}.title", f'Der Titel "{title.get(self.language)}" steht schon bei '
                              f"Feld {titles[key] + 1}.", "Bitte jedem Feld einen eigenen Titel geben.")
            titles.setdefault(key, i)
            questions = self.sequence(raw.get("questions") or [], f"{where}.questions")
            if len(questions) > MAX_QUESTIONS:
                self.complain(f"{where}.questions", f"Das Feld hat {len(questions)} Leitfragen, höchstens "
                              f"{MAX_QUESTIONS} passen auf den Bildschirm.", "Bitte die wichtigsten auswählen.")
            fields.append(Field(
                id=field_id,
                title=title,
                description=self.text(raw["description"], f"{where}.description", "field_description"),
                questions=tuple(self.each(questions, lambda q, j: self.text(
                    q, f"{where}.questions[{j}]", "question"))),
            ))
            return fields[-1]

        self.each(raw_fields, read)
        return tuple(fields)

    def sectors(self, value: Any) -> tuple[Sector, ...]:
        sectors: list[Sector] = []

        def read(raw: Any, i: int) -> Sector:
            where = f"sectors[{i}]"
            raw = self.mapping(raw, where, ("id", "label"))
            sector_id = self.ident(raw["id"], f"{where}.id")
            if sector_id in (s.id for s in sectors):
                self.fail(f"{where}.id", f'Die Bereichs-ID "{sector_id}" kommt doppelt vor.',
                          "Bitte jedem Bereich einen eigenen Namen geben.")
            sectors.append(Sector(sector_id, self.text(raw["label"], f"{where}.label", "sector")))
            return sectors[-1]

        self.each(self.sequence(value, "sectors"), read)
        return tuple(sectors)

    def verdict(self, value: Any, scale: Scale) -> VerdictRules:
        """Missing thresholds keep their defaults; present ones must make sense for this scale."""
        keys = ("min_answers", "strength_median_at_least", "contested_consensus_below")
        rules = VerdictRules(**self.mapping(value, "verdict", optional=keys))
        if not _is_int(rules.min_answers) or rules.min_answers < 1:
            self.complain("verdict.min_answers", f'"{rules.min_answers}" passt hier nicht.',
                          "Bitte eine ganze Zahl ab 1 eintragen, z. B. 5.")
        strength = rules.strength_median_at_least
        if not _is_number(strength) or not scale.min <= strength <= scale.max:
            self.complain("verdict.strength_median_at_least", f'"{strength}" passt hier nicht.',
                          f"Bitte eine Zahl von {scale.min} bis {scale.max} eintragen (ein Wert der Skala).")
        contested = rules.contested_consensus_below
        if not _is_number(contested) or not 0 <= contested <= 1:
            self.complain("verdict.contested_consensus_below", f'"{contested}" passt hier nicht.',
                          "Bitte eine Zahl von 0 bis 1 eintragen, mit Punkt, z. B. 0.5.")
        return rules

    def translation(self, data: Any, fieldset: Fieldset, lang: str) -> dict[str, str]:
        """The texts of one translation file by key path (as ``Fieldset.texts`` names them).

        Every id must be one of the fieldset's: a translation of a field that does not exist
        would otherwise vanish without a word. An empty value is a text not translated yet.
        """
        source = f"{fieldset.id}.yaml"
        texts: dict[str, str] = {}
        known = dict(fieldset.texts())

        def put(value: Any, where: str) -> None:
            if value is None or isinstance(value, str) and not value.strip():
                return
            if not isinstance(value, str):
                self.fail(where, "Hier wird ein Text erwartet.",
                          "Bitte den übersetzten Text schreiben (mit Komma oder Doppelpunkt in "
                          "Anführungszeichen) oder die Stelle leer lassen, solange die Übersetzung fehlt.")
            if known[where].has(lang):
                self.fail(where, f'Diesen Text gibt es auf "{lang}" schon in {source}.',
                          "Bitte ihn an einer der beiden Stellen streichen.")
            texts[where] = value

        def ids(value: Any, where: str, valid: tuple, what: str) -> dict:
            if value is None:
                return {}
            if not isinstance(value, dict):
                self.fail(where, 'Hier werden Einträge der Form "id: …" erwartet.',
                          "Bitte je ID eine eingerückte Zeile darunter schreiben; die IDs: "
                          f"{', '.join(map(str, valid))}.")
            for key in value:
                if key not in valid:
                    self.fail(f"{where}.{key}", f'{what} "{key}" gibt es in {source} nicht.',
                              f"Bitte eine dieser IDs verwenden: {', '.join(map(str, valid))}.")
            return value

        data = self.mapping(data if data is not None else {}, "", optional=(
            "title", "description", "scale", "sectors", "fields"))
        put(data.get("title"), "title")
        if "description" in data:
            if fieldset.description is None:
                self.fail("description", f"{source} hat keine Beschreibung.", "Bitte diese Zeile streichen.")
            put(data["description"], "description")
        scale = self.mapping(data.get("scale") or {}, "scale", optional=("levels", "dont_know"))
        levels = ids(scale.get("levels"), "scale.levels", fieldset.scale.values, "Die Stufe")
        for value, label in levels.items():
            put(label, f"scale.levels.{value}")
        if "dont_know" in scale:
            if fieldset.scale.dont_know is None:
                self.fail("scale.dont_know", f'{source} hat kein "kann ich nicht einschätzen".',
                          "Bitte diese Zeile streichen.")
            put(scale["dont_know"], "scale.dont_know")
        sector_ids = tuple(s.id for s in fieldset.sectors)
        for sector_id, label in ids(data.get("sectors"), "sectors", sector_ids, "Den Bereich").items():
            put(label, f"sectors.{sector_id}")
        for field_id, raw in ids(data.get("fields"), "fields", fieldset.field_ids, "Das Feld").items():
            where = f"fields.{field_id}"
            raw = self.mapping(raw or {}, where, optional=("title", "description", "questions"))
            put(raw.get("title"), f"{where}.title")
            put(raw.get("description"), f"{where}.description")
            questions = self.sequence(raw.get("questions") or [], f"{where}.questions")
            count = len(fieldset.field(field_id).questions)
            if len(questions) > count:
                self.fail(f"{where}.questions[{count}]",
                          f'Das Feld "{field_id}" hat in {source} nur {count} Leitfragen, '
                          f"hier stehen {len(questions)}.",
                          "Bitte je Leitfrage genau eine Übersetzung, in derselben Reihenfolge.")
            for i, question in enumerate(questions):
                put(question, f"{where}.questions[{i}]")
        return texts


def _parse(text: str, reader: _Reader) -> Any:
    """The YAML text's data, with every key path's line recorded in ``reader``."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f", Zeile {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise FieldsetError(f"{reader.name}{place}: Die Datei ist kein gültiges YAML ({problem}). "
                            "Bitte Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile "
                            "und der Zeile davor prüfen.") from exc
    if node is not None:
        reader.result(lambda: reader.record_lines(node))
    return data


def _read_file(path: Path, name: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FieldsetError(f"{name}: Die Datei lässt sich nicht lesen ({exc}). "
                            "Bitte prüfen, ob sie existiert und als UTF-8 gespeichert ist.") from exc


def _file_name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def read_yaml(text: str, name: str, stem: str | None = None) -> Fieldset:
    """The fieldset in a YAML text (a file's, an upload's, a stored version's), checked by the
    rules every fieldset keeps; ``name`` is how its problems name it, ``stem`` the id it must
    have (a file's name; None takes the id the text gives)."""
    reader = _Reader(name)
    data = _parse(text, reader)
    if stem is None:
        stem = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else ""
    return reader.result(lambda: reader.fieldset(data, stem))


def check_data(data: Any, locate: Callable[[str], str], stem: str | None = None) -> Fieldset:
    """The fieldset in ``data`` (the structure of a YAML file, built by the editor or from an
    Excel sheet), checked by the same rules as a file; ``locate`` names each problem's place in
    the person's terms (a box of the editor, a sheet's cell). Raises a FieldsetError listing
    every problem."""
    reader = _Reader("", locate)
    if stem is None:
        stem = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else ""
    return reader.result(lambda: reader.fieldset(data, stem))


def load_fieldset(path: Path | str) -> Fieldset:
    """Read and check one fieldset file and its translation files.

    Every mistake becomes a FieldsetError saying where it is and how to fix
    it, so a facilitator can repair their own file without a developer.
    """
    path = Path(path)
    fieldset = read_yaml(_read_file(path, _file_name(path)), _file_name(path), path.stem)
    for translation in sorted((path.parent / TRANSLATIONS).glob(f"{path.stem}.*.yaml")):
        fieldset = _translate(fieldset, translation)
    return fieldset


def _translate(fieldset: Fieldset, path: Path) -> Fieldset:
    """``fieldset`` with the texts of the translation file ``path`` (``<id>.<language>.yaml``) added."""
    reader = _Reader(_file_name(path))
    lang = path.stem.removeprefix(f"{fieldset.id}.")
    offered = [code for code in PARTICIPANT_LANGUAGES if code != fieldset.language]
    if lang not in offered:
        reader.complain("", f'"{lang}" ist keine Sprache, in die sich {fieldset.id}.yaml übersetzen lässt.',
                        f'Bitte die Datei "{fieldset.id}.<sprache>.yaml" nennen, mit einer dieser Sprachen: '
                        f"{', '.join(offered)}.")
        raise FieldsetError(reader.problems)
    data = _parse(_read_file(path, reader.name), reader)
    return fieldset.translated(lang, reader.result(lambda: reader.translation(data, fieldset, lang)))


def fieldset_file(path: Path | str) -> Path:
    """The fieldset file that ``path`` stands for: itself, or the one a translation file translates,
    so a translator can check the file they just edited."""
    path = Path(path)
    if path.parent.name != TRANSLATIONS:
        return path
    return path.parent.parent / f"{path.stem.split('.')[0]}.yaml"


@functools.lru_cache(maxsize=None)
def load(fieldset_id: str, directory: Path = FIELDSETS_DIR) -> Fieldset:
    """The fieldset ``<directory>/<fieldset_id>.yaml``, read once per process.

    The id comes from workshop settings or a URL, so only ``[a-z0-9-]+`` is
    accepted: no way out of the directory.
    """
    directory = Path(directory)
    if not isinstance(fieldset_id, str) or not ID_PATTERN.fullmatch(fieldset_id):
        raise FieldsetError(f'"{fieldset_id}" ist kein gültiger Name für eine Feldliste. '
                            "Bitte nur Kleinbuchstaben, Ziffern und Bindestriche verwenden.")
    path = directory / f"{fieldset_id}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in directory.glob("*.yaml"))) or "keine"
        raise FieldsetError(f'Die Feldliste "{fieldset_id}" gibt es nicht in {directory.name}/. '
                            f"Bitte eine der vorhandenen wählen: {known}.")
    return load_fieldset(path)


def check_all(directory: Path = FIELDSETS_DIR) -> tuple[list[Fieldset], list[FieldsetError]]:
    """Every file in ``directory``: the usable fieldsets (sorted by id) and the errors of the broken ones.

    A broken file does not hide the others; the start page shows its error so
    the facilitator can fix it.
    """
    fieldsets, errors = [], []
    for path in sorted(Path(directory).glob("*.yaml")):
        try:
            fieldsets.append(load(path.stem, directory))
        except FieldsetError as exc:
            errors.append(exc)
    return fieldsets, errors

