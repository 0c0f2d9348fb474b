"""Fieldset translations: one file per fieldset and language, every key matching the fieldset,
German (marked) where a text is missing, and ``python -m werkstatt fieldset check`` listing the gaps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from werkstatt.cli import main
from werkstatt.fieldsets import (
    FIELDSETS_DIR,
    TRANSLATIONS,
    FieldsetError,
    Text,
    fieldset_file,
    load,
    load_fieldset,
)
from werkstatt.i18n import PARTICIPANT_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(FIELDSETS_DIR.glob("*.yaml"))
TRANSLATION_FILES = sorted((FIELDSETS_DIR / TRANSLATIONS).glob("*.yaml"))


# --- the shipped files -------------------------------------------------------------


def test_both_shipped_fieldsets_come_in_every_participant_language():
    names = {p.name for p in TRANSLATION_FILES}
    for fieldset in ("weltoffene-kommune", "integrationskonzept"):
        assert {f"{fieldset}.{lang}.yaml" for lang in ("tr", "ar", "ru", "uk")} <= names


@pytest.mark.parametrize("path", TRANSLATION_FILES, ids=lambda p: p.name)
def test_every_key_of_a_translation_file_matches_the_fieldset(path):
    """Read raw, independent of the loader: field, level and sector ids, and no extra questions."""
    fieldset_id, lang = path.stem.rsplit(".", 1)
    fieldset = load(fieldset_id)
    assert lang in PARTICIPANT_LANGUAGES and lang != fieldset.language
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) <= {"title", "description", "scale", "sectors", "fields"}
    assert set(data["scale"]["levels"]) <= set(fieldset.scale.values)
    assert set(data["sectors"]) <= {s.id for s in fieldset.sectors}
    assert set(data["fields"]) <= set(fieldset.field_ids)
    for field_id, texts in data["fields"].items():
        assert set(texts) <= {"title", "description", "questions"}
        assert len(texts.get("questions", [])) <= len(fieldset.field(field_id).questions), field_id


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_fieldsets_miss_no_translation(path):
    fieldset = load_fieldset(path)
    for lang in PARTICIPANT_LANGUAGES:
        assert fieldset.missing(lang) == [], lang


def test_translated_texts_reach_the_fieldset():
    fs = load("weltoffene-kommune")
    assert fs.scale.label(3, "tr") == "iyi yolda"
    assert fs.scale.label(None, "ar") == "لا أستطيع التقييم"
    assert fs.field("management").title.get("ru") == "Управление и координация"
    assert fs.field("kommunikation").questions[4].get("uk").startswith("Чи протидіють")
    assert fs.sector("politik").label.get("tr") == "Siyaset"
    assert fs.scale.label(4, "de") == "fest verankert"  # German untouched


# --- a translation file of one's own -----------------------------------------------


def probe() -> dict:
    return {
        "id": "probe", "title": "Probe", "language": "de",
        "scale": {"levels": [{"value": 1, "label": "wenig"}, {"value": 2, "label": {"de": "viel", "en": "much"}}],
                  "dont_know": "weiß nicht"},
        "sectors": [{"id": "verwaltung", "label": "Verwaltung"}],
        "verdict": {"strength_median_at_least": 2},
        "fields": [{"id": "a", "title": "Feld A", "description": "Über A", "questions": ["Wie?", "Wer?"]}],
    }


def write_fieldset(directory: Path, translations: dict[str, str] | None = None) -> Path:
    path = directory / "probe.yaml"
    path.write_text(yaml.safe_dump(probe(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    (directory / TRANSLATIONS).mkdir(exist_ok=True)
    for lang, text in (translations or {}).items():
        (directory / TRANSLATIONS / f"probe.{lang}.yaml").write_text(text, encoding="utf-8")
    return path


TURKISH = """\
title: Deneme
scale:
  levels:
    1: az
  dont_know: bilmiyorum
sectors:
  verwaltung: Yönetim
fields:
  a:
    title: A alanı
    questions:
      - Nasıl?
"""


def test_a_partial_translation_adds_what_it_has_and_lists_the_rest(tmp_path):
    fs = load_fieldset(write_fieldset(tmp_path, {"tr": TURKISH}))
    assert fs.field("a").title.get("tr") == "A alanı"
    assert fs.scale.label(1, "tr") == "az"
    assert fs.missing("tr") == ["scale.levels.2", "fields.a.description", "fields.a.questions[1]"]
    assert fs.missing("ar") == [path for path, _ in fs.texts()]
    assert fs.missing("en") == [path for path, _ in fs.texts() if path != "scale.levels.2"]


def test_a_missing_text_falls_back_to_german_and_says_so(tmp_path):
    fs = load_fieldset(write_fieldset(tmp_path, {"tr": TURKISH}))
    assert fs.field("a").description.get("tr") == "Über A"
    assert fs.field("a").description.marked("tr") == "\u2068Über A (Deutsch)\u2069"
    assert fs.field("a").title.marked("tr") == "A alanı"
    assert fs.scale.marked(2, "tr") == "\u2068viel (Deutsch)\u2069"
    assert fs.scale.marked(2, "en") == "much"
    assert Text({"en": "only"}, "en").marked("uk") == "\u2068only (English)\u2069"


def test_an_empty_place_is_a_text_not_translated_yet(tmp_path):
    fs = load_fieldset(write_fieldset(tmp_path, {"ru": "title:\nfields:\n  a:\n    title: ''\n    questions: [null, \"Кто?\"]\n"}))
    assert fs.missing("ru") == [path for path, _ in fs.texts() if path != "fields.a.questions[1]"]


@pytest.mark.parametrize("lang, text, line, message", [
    ("tr", "fields:\n  a:\n    title: A\n  b:\n    title: B\n", 4, 'Das Feld "b" gibt es in probe.yaml nicht. Bitte eine dieser IDs verwenden: a.'),
    ("tr", "scale:\n  levels:\n    1: az\n    7: çok\n", 4, 'Die Stufe "7" gibt es in probe.yaml nicht. Bitte eine dieser IDs verwenden: 1, 2.'),
    ("ar", "sectors:\n  politik: السياسة\n", 2, 'Den Bereich "politik" gibt es in probe.yaml nicht. Bitte eine dieser IDs verwenden: verwaltung.'),
    ("uk", "fields:\n  a:\n    questions:\n      - Як?\n      - Хто?\n      - Коли?\n", 6, "nur 2 Leitfragen, hier stehen 3"),
    ("ru", "fields:\n  a:\n    titel: А\n", 3, 'Den Schlüssel "titel" gibt es nicht. Bitte Schreibweise prüfen; erlaubt sind: title, description, questions.'),
    ("tr", "title:\n  - Deneme\n", 1, "Hier wird ein Text erwartet."),
    ("en", "scale:\n  levels:\n    2: much\n", 3, 'Diesen Text gibt es auf "en" schon in probe.yaml. Bitte ihn an einer der beiden Stellen streichen.'),
    ("ar", "description: وصف\n", 1, "probe.yaml hat keine Beschreibung. Bitte diese Zeile streichen."),
])
def test_a_broken_translation_names_the_file_the_line_and_the_fix(tmp_path, lang, text, line, message):
    path = write_fieldset(tmp_path, {lang: text})
    with pytest.raises(FieldsetError) as caught:
        load_fieldset(path)
    assert str(caught.value).startswith(f"translations/probe.{lang}.yaml, Zeile {line} (")
    assert message in str(caught.value)


def test_a_translation_into_a_language_not_offered_is_refused(tmp_path):
    with pytest.raises(FieldsetError, match=r'translations/probe\.fa\.yaml: "fa" ist keine Sprache.*en, tr, ar, ru, uk'):
        load_fieldset(write_fieldset(tmp_path, {"fa": "title: آزمایش\n"}))


def test_a_translation_file_stands_for_its_fieldset(tmp_path):
    path = write_fieldset(tmp_path, {"tr": TURKISH})
    assert fieldset_file(tmp_path / TRANSLATIONS / "probe.tr.yaml") == path
    assert fieldset_file(path) == path


# --- python -m werkstatt fieldset check -----------------------------------------------


def test_check_lists_per_language_what_is_missing(tmp_path, capsys):
    path = write_fieldset(tmp_path, {"tr": TURKISH})
    assert main(["fieldset", "check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}: in Ordnung – 1 Felder, 9 Texte, Sprache de"
    assert out[1] == "en (English): 8 von 9 Texten fehlen (werden auf Deutsch gezeigt):"
    tr = out.index("tr (Türkçe): 3 von 9 Texten fehlen (werden auf Deutsch gezeigt):")
    assert out[tr + 1:tr + 4] == ["  scale.levels.2", "  fields.a.description", "  fields.a.questions[1]"]
    assert "ar (العربية): 9 von 9 Texten fehlen (werden auf Deutsch gezeigt):" in out


def test_check_takes_the_translation_file_a_translator_just_edited(tmp_path, capsys):
    write_fieldset(tmp_path, {"tr": TURKISH})
    assert main(["fieldset", "check", str(tmp_path / TRANSLATIONS / "probe.tr.yaml")]) == 0
    assert "tr (Türkçe): 3 von 9" in capsys.readouterr().out


def test_check_of_a_broken_file_fails_with_the_error(tmp_path, capsys):
    path = write_fieldset(tmp_path, {"tr": "fields:\n  z:\n    title: Z\n"})
    assert main(["fieldset", "check", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith('Fehler: translations/probe.tr.yaml, Zeile 2 (fields.z): Das Feld "z" gibt es')


def test_check_from_the_shell_on_the_shipped_fieldset():
    done = subprocess.run([sys.executable, "-m", "werkstatt", "fieldset", "check", "fieldsets/weltoffene-kommune.yaml"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "en (English): vollständig", "tr (Türkçe): vollständig", "ar (العربية): vollständig",
        "ru (Русский): vollständig", "uk (Українська): vollständig",
    ]
