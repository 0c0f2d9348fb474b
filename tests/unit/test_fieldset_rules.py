"""One set of rules for every fieldset (issue 17): the new rules as a YAML file sees them, and
every problem of a file named in one pass, each at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.unit.test_fieldsets import valid, write
from werkstatt.fieldsets import FieldsetError, check_data, load_fieldset


def test_duplicate_titles_are_refused_whatever_their_case(tmp_path: Path) -> None:
    data = valid()
    data["fields"][1]["title"] = "feld a"
    with pytest.raises(FieldsetError, match=r'Zeile \d+ \(fields\[1\]\.title\): Der Titel "feld a" steht schon '
                                            r"bei Feld 1\. Bitte jedem Feld einen eigenen Titel geben\."):
        load_fieldset(write(tmp_path, data))


def test_eight_levels_are_too_many(tmp_path: Path) -> None:
    data = valid()
    data["scale"]["levels"] = [{"value": i, "label": f"Stufe {i}"} for i in range(1, 9)]
    with pytest.raises(FieldsetError, match=r"\(scale\.levels\): Die Skala hat 8 Stufen.*Bitte auf 7"):
        load_fieldset(write(tmp_path, data))


@pytest.mark.parametrize(("keys", "limit"), [
    (("title",), 120), (("fields", 0, "title"), 120), (("fields", 0, "description"), 400),
    (("scale", "levels", 0, "label"), 60), (("sectors", 0, "label"), 100),
])
def test_texts_have_a_length_limit_in_every_language(tmp_path: Path, keys: tuple, limit: int) -> None:
    data = valid()
    target = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = {"de": "kurz", "en": "x" * (limit + 1)}
    with pytest.raises(FieldsetError, match=rf"Der Text ist {limit + 1} Zeichen lang, erlaubt sind {limit}\. Bitte"):
        load_fieldset(write(tmp_path, data))


def test_an_empty_text_asks_to_fill_it_in(tmp_path: Path) -> None:
    data = valid()
    data["fields"][0]["description"] = "  "
    with pytest.raises(FieldsetError, match=r"\(fields\[0\]\.description\): Hier fehlt ein Text\. Bitte ausfüllen"):
        load_fieldset(write(tmp_path, data))


def test_every_problem_of_a_file_is_listed_with_its_line(tmp_path: Path) -> None:
    data = valid()
    data["fields"].append({"id": "c", "title": "", "description": "Über C"})
    data["fields"][1]["id"] = "a"
    data["sectors"][1]["id"] = "verwaltung"
    data["verdict"]["contested_consensus_below"] = 2
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with pytest.raises(FieldsetError) as error:
        load_fieldset(write(tmp_path, text))
    wheres = [problem.where for problem in error.value.problems]
    assert wheres == ["fields[1].id", "fields[2].title", "sectors[1].id", "verdict.contested_consensus_below"]
    lines = text.splitlines()
    second = [i for i, line in enumerate(lines) if line == "- id: a"][1] + 1
    assert error.value.problems[0].place == f"{tmp_path.name}/probe.yaml, Zeile {second} (fields[1].id)"
    assert len(str(error.value).splitlines()) == 4


def test_check_data_names_places_in_the_callers_terms() -> None:
    data = valid()
    data["fields"][1]["title"] = ""
    with pytest.raises(FieldsetError, match=r"^Zeile B5: Hier fehlt ein Text") as error:
        check_data(data, lambda where: {"fields[1].title": "Zeile B5"}.get(where, "?"))
    assert error.value.problems[0].where == "fields[1].title"
