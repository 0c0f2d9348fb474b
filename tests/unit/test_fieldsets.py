"""Fieldsets: the shipped files are complete; broken files give German errors saying where and how to fix."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Callable, Iterator

import pytest
import yaml

from werkstatt.fieldsets import (
    FIELDSETS_DIR,
    Fieldset,
    FieldsetError,
    Text,
    VerdictRules,
    check_all,
    load,
    load_fieldset,
)
from werkstatt.i18n import LANGUAGES

SHIPPED = sorted(FIELDSETS_DIR.glob("*.yaml"))


def texts(fs: Fieldset) -> Iterator[Text]:
    """Every text a participant or facilitator may see."""
    yield fs.title
    if fs.description:
        yield fs.description
    yield from (level.label for level in fs.scale.levels)
    if fs.scale.dont_know:
        yield fs.scale.dont_know
    yield from (sector.label for sector in fs.sectors)
    for f in fs.fields:
        yield from (f.title, f.description, *f.questions)


# --- shipped files --------------------------------------------------------------


def test_fieldsets_are_shipped() -> None:
    assert {p.stem for p in SHIPPED} >= {"weltoffene-kommune", "integrationskonzept"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_fieldset_is_complete(path: Path) -> None:
    fs = load_fieldset(path)
    assert fs.id == path.stem
    assert fs.fields and fs.sectors and fs.scale.dont_know
    assert all(2 <= len(f.questions) <= 6 for f in fs.fields)
    for text in texts(fs):
        assert all(text.has(lang) for lang in LANGUAGES), text.values


def test_weltoffene_kommune_has_the_seven_action_fields_in_order() -> None:
    fs = load("weltoffene-kommune")
    assert fs.field_ids == (
        "management", "oeffnung", "zugang", "arbeit", "engagement", "zusammenhalt", "kommunikation",
    )
    assert fs.field("oeffnung").title.get("de") == "Interkulturelle Öffnung und Antirassismus"
    assert all(3 <= len(f.questions) <= 6 for f in fs.fields)
    assert fs.scale.values == (1, 2, 3, 4)
    assert fs.scale.label(None, "en") == "I can't judge this"
    assert fs.scale.label(4, "de") == "fest verankert"
    assert [s.id for s in fs.sectors] == [
        "verwaltung", "politik", "zivilgesellschaft", "migrantenorganisationen",
        "wirtschaft", "bildung", "sonstige",
    ]
    assert fs.verdict == VerdictRules(
        min_answers=5, strength_median_at_least=3, contested_consensus_below=0.5
    )


def test_integrationskonzept_has_nine_topics_and_a_five_step_scale() -> None:
    fs = load("integrationskonzept")
    assert len(fs.fields) == 9
    assert fs.scale.values == (1, 2, 3, 4, 5)
    assert fs.scale.label(3, "de") == "teils, teils"
    assert fs.verdict.strength_median_at_least == 4


def test_check_all_lists_the_shipped_fieldsets_by_id() -> None:
    usable, broken = check_all()
    assert [fs.id for fs in usable] == sorted(p.stem for p in SHIPPED)
    assert broken == []


# --- loading ---------------------------------------------------------------------


def valid() -> dict:
    return {
        "id": "probe",
        "title": {"de": "Probe", "en": "Trial"},
        "language": "de",
        "scale": {
            "levels": [{"value": 1, "label": "wenig"}, {"value": 2, "label": {"de": "viel", "en": "much"}}],
            "dont_know": "weiß nicht",
        },
        "sectors": [{"id": "verwaltung", "label": "Verwaltung"}, {"id": "politik", "label": "Politik"}],
        "verdict": {"min_answers": 3, "strength_median_at_least": 2, "contested_consensus_below": 0.4},
        "fields": [
            {"id": "a", "title": "Feld A", "description": "Über A", "questions": ["Wie?"]},
            {"id": "b", "title": "Feld B", "description": "Über B"},
        ],
    }


def write(directory: Path, data: object, name: str = "probe") -> Path:
    path = directory / f"{name}.yaml"
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_builds_the_dataclasses(tmp_path: Path) -> None:
    fs = load_fieldset(write(tmp_path, valid()))
    assert fs.field_ids == ("a", "b")
    assert fs.field("a").questions == (Text({"de": "Wie?"}, "de"),)
    assert fs.field("b").questions == ()
    assert fs.scale.label(2, "en") == "much"
    assert fs.scale.label(1, "en") == "wenig"  # falls back to the fieldset's language
    assert fs.verdict.min_answers == 3
    assert fs.sector("politik").label.get("de") == "Politik"


def test_optional_parts_may_be_left_out(tmp_path: Path) -> None:
    data = valid()
    for key in ("sectors", "verdict"):
        del data[key]
    del data["scale"]["dont_know"]
    data["scale"]["levels"].append({"value": 3, "label": "sehr viel"})  # fits the default threshold 3
    fs = load_fieldset(write(tmp_path, data))
    assert fs.sectors == () and fs.scale.dont_know is None and fs.description is None
    assert fs.verdict.min_answers == 5


def without(*keys: str | int) -> Callable[[dict], None]:
    """A mutation deleting the item at the given key path."""

    def mutate(data: dict) -> None:
        *parents, last = keys
        for key in parents:
            data = data[key]
        del data[last]

    return mutate


def setting(value: object, *keys: str | int) -> Callable[[dict], None]:
    """A mutation replacing the item at the given key path."""

    def mutate(data: dict) -> None:
        *parents, last = keys
        for key in parents:
            data = data[key]
        data[last] = value

    return mutate


BROKEN = {
    "missing id": (without("id"), r"Pflichtschlüssel \"id\" fehlt"),
    "missing title": (without("title"), r"Pflichtschlüssel \"title\" fehlt"),
    "missing language": (without("language"), r"Pflichtschlüssel \"language\" fehlt"),
    "missing scale": (without("scale"), r"Pflichtschlüssel \"scale\" fehlt"),
    "missing fields": (without("fields"), r"Pflichtschlüssel \"fields\" fehlt"),
    "field without id": (without("fields", 1, "id"), r"\(fields\[1\]\): .*\"id\" fehlt"),
    "field without title": (without("fields", 0, "title"), r"\(fields\[0\]\): .*\"title\" fehlt"),
    "field without description": (
        without("fields", 0, "description"), r"\(fields\[0\]\): .*\"description\" fehlt",
    ),
    "level without value": (
        without("scale", "levels", 0, "value"), r"\(scale\.levels\[0\]\): .*\"value\" fehlt",
    ),
    "level without label": (
        without("scale", "levels", 1, "label"), r"\(scale\.levels\[1\]\): .*\"label\" fehlt",
    ),
    "duplicate level": (
        setting(1, "scale", "levels", 1, "value"), r"\(scale\.levels\[1\]\.value\): .*doppelt",
    ),
    "one level": (without("scale", "levels", 1), r"\(scale\.levels\): .*weniger als zwei Stufen"),
    "level not an integer": (
        setting("zwei", "scale", "levels", 1, "value"), r"levels\[1\]\.value\): .*ganze Zahl",
    ),
    "level a fraction": (setting(1.5, "scale", "levels", 1, "value"), r"levels\[1\]\.value\): .*ganze Zahl"),
    "no fields": (setting([], "fields"), r"\(fields\): .*keine Felder"),
    "duplicate sector": (
        setting("verwaltung", "sectors", 1, "id"), r"\(sectors\[1\]\.id\): .*\"verwaltung\" .*doppelt",
    ),
    "min_answers text": (
        setting("fünf", "verdict", "min_answers"), r"\(verdict\.min_answers\): .*ganze Zahl ab 1",
    ),
    "strength text": (
        setting("hoch", "verdict", "strength_median_at_least"), r"strength_median_at_least\): .*1 bis 2",
    ),
    "strength off scale": (
        setting(3, "verdict", "strength_median_at_least"), r"strength_median_at_least\): .*1 bis 2",
    ),
    "consensus with comma": (setting("0,5", "verdict", "contested_consensus_below"), r"below\): .*mit Punkt"),
    "id not the file name": (setting("andere", "id"), r"\(id\): .*Dateinamen.*\"id: probe\""),
    "id with capitals": (setting("Probe", "id"), r"\(id\): .*keine gültige ID"),
    "text without language": (setting({"en": "Trial"}, "title"), r"\(title\): .*Sprache \"de\" fehlt"),
    "text not a string": (setting(["A"], "fields", 0, "title"), r"\(fields\[0\]\.title\): .*Text erwartet"),
    "unknown key": (
        setting(["Wie?"], "fields", 0, "questons"), r"\(fields\[0\]\.questons\): .*gibt es nicht",
    ),
    "fields not a list": (setting("a, b", "fields"), r"\(fields\): .*Liste erwartet"),
}


@pytest.mark.parametrize(("mutate", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_file_says_where_and_how_to_fix(
    tmp_path: Path, mutate: Callable[[dict], None], message: str
) -> None:
    data = copy.deepcopy(valid())
    mutate(data)
    with pytest.raises(FieldsetError, match=rf"^{tmp_path.name}/probe\.yaml, Zeile \d+\b.*{message}") as err:
        load_fieldset(write(tmp_path, data))
    assert " Bitte " in str(err.value)


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "id: probe\nlanguage: de\ntitle: [Probe\nfields: []\n")
    with pytest.raises(FieldsetError, match=r"probe\.yaml, Zeile 4: .*kein gültiges YAML.*Bitte Einrück"):
        load_fieldset(path)


def test_duplicate_field_id_names_the_line(tmp_path: Path) -> None:
    text = yaml.safe_dump(valid(), allow_unicode=True, sort_keys=False).replace("id: b", "id: a")
    line = text.splitlines().index("- id: a", text.splitlines().index("- id: a") + 1) + 1
    with pytest.raises(
        FieldsetError,
        match=rf'probe\.yaml, Zeile {line} \(fields\[1\]\.id\): Die Feld-ID "a" kommt doppelt vor\. Bitte',
    ):
        load_fieldset(write(tmp_path, text))


def test_key_written_twice_names_the_second_line(tmp_path: Path) -> None:
    text = yaml.safe_dump(valid(), allow_unicode=True, sort_keys=False) + "language: en\n"
    line = len(text.splitlines())
    with pytest.raises(FieldsetError, match=rf"Zeile {line} \(language\): .*doppelt.*Bitte nur einmal"):
        load_fieldset(write(tmp_path, text))


@pytest.mark.parametrize("text", ["", "- id: probe\n", "probe\n"], ids=["empty", "list", "scalar"])
def test_top_level_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    with pytest.raises(FieldsetError, match=r"probe\.yaml.*: Die Datei enthält keine Feldliste\. Bitte"):
        load_fieldset(write(tmp_path, text))


def test_missing_file_is_a_fieldset_error(tmp_path: Path) -> None:
    with pytest.raises(FieldsetError, match=r"probe\.yaml: Die Datei lässt sich nicht lesen"):
        load_fieldset(tmp_path / "probe.yaml")


# --- load and available ------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["../etc/passwd", "/etc/passwd", "Probe", "probe.yaml", ""])
def test_load_refuses_ids_that_are_not_plain_names(bad_id: str) -> None:
    with pytest.raises(FieldsetError, match="kein gültiger Name"):
        load(bad_id)


def test_unknown_id_lists_the_available_ones(tmp_path: Path) -> None:
    write(tmp_path, valid())
    with pytest.raises(FieldsetError, match=r'"fehlt" gibt es nicht.*vorhandenen wählen: probe\.'):
        load("fehlt", tmp_path)


def test_load_reads_each_file_once(tmp_path: Path) -> None:
    write(tmp_path, valid())
    first = load("probe", tmp_path)
    (tmp_path / "probe.yaml").write_text("kaputt: [", encoding="utf-8")
    assert load("probe", tmp_path) is first


def test_check_all_keeps_the_good_files_sorted_and_names_the_broken_one(tmp_path: Path) -> None:
    data = valid()
    write(tmp_path, data | {"id": "zweite"}, "zweite")
    write(tmp_path, data, "probe")
    write(tmp_path, "id: kaputt\nfields: [\n", "kaputt")
    usable, broken = check_all(tmp_path)
    assert [fs.id for fs in usable] == ["probe", "zweite"]
    assert len(broken) == 1 and "kaputt.yaml, Zeile" in str(broken[0])
