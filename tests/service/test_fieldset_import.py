"""Excel and CSV import of own fieldsets (issue 17): the template round-trips, German Excel habits
work, and a broken file is refused whole, each problem by sheet, row and column, nothing stored."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from werkstatt.fieldsets import FieldsetError
from werkstatt.service import Werkstatt

FIELDS = [
    ("Bildung, Beruf, Arbeit, Übergang in Arbeit, Selbständigkeit", "Wege in Ausbildung und Arbeit.",
     "Was läuft gut?\nWas fehlt?"),
    ("Sprachförderung", "Passende Deutschkurse für alle.", "Gibt es Kurse mit Kinderbetreuung?"),
    ("Begegnung, Toleranz, Sicherheit, Integrationsprobleme", "Orte der Begegnung.", ""),
    ("Ehrenamt, Partizipation", "Engagement und Mitsprache.", ""),
    ("Wohnbedarfe und Wohnraumversorgung", "Bezahlbarer Wohnraum.", ""),
]
SCALE = [("Titel der Themenliste", "Integrationskonzept Kaiserslautern 2019"),
         ("Stufe 1", "trifft nicht zu"), ("Stufe 2", "trifft eher nicht zu"), ("Stufe 3", "trifft eher zu"),
         ("Stufe 4", "trifft zu"), ("kann ich nicht einschätzen", "ja"),
         ("Bereich", "Verwaltung"), ("Bereich", "Zivilgesellschaft"), ("Bereich", "Migrationsbeirat"),
         ("Mindestzahl an Antworten", 4), ("Stärke ab Median", "3,5"), ("Umstritten unter Konsens", 0.5)]


def xlsx(fields=FIELDS, scale=SCALE, sheets=("Felder", "Skala")) -> bytes:
    book = Workbook()
    book.remove(book.active)
    if "Felder" in sheets:
        sheet = book.create_sheet("Felder")
        sheet.append(("Titel", "Beschreibung", "Leitfragen"))
        for row in fields:
            sheet.append(row)
    if "Skala" in sheets:
        sheet = book.create_sheet("Skala")
        sheet.append(("Angabe", "Wert"))
        for row in scale:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(encoding: str = "cp1252", rows=FIELDS) -> bytes:
    def cell(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"\n') else text
    lines = ["Titel;Beschreibung;Leitfragen"] + [";".join(cell(c) for c in row) for row in rows]
    return "\r\n".join(lines).encode(encoding)


def stored(app: Werkstatt) -> int:
    return app.store._one("SELECT count(*) AS n FROM own_fieldsets")["n"]


def test_a_filled_workbook_becomes_a_list(app: Werkstatt) -> None:
    own = app.import_own_fieldset("kaiserslautern.xlsx", xlsx())
    fieldset = own.fieldset
    assert fieldset.title.get("de") == "Integrationskonzept Kaiserslautern 2019"
    assert [f.title.get("de") for f in fieldset.fields] == [row[0] for row in FIELDS]
    assert [q.get("de") for q in fieldset.fields[0].questions] == ["Was läuft gut?", "Was fehlt?"]
    assert [fieldset.scale.label(v, "de") for v in fieldset.scale.values] == [
        "trifft nicht zu", "trifft eher nicht zu", "trifft eher zu", "trifft zu"]
    assert fieldset.scale.dont_know is not None
    assert [s.label.get("de") for s in fieldset.sectors] == ["Verwaltung", "Zivilgesellschaft", "Migrationsbeirat"]
    assert (fieldset.verdict.min_answers, fieldset.verdict.strength_median_at_least) == (4, 3.5)


def test_the_template_downloads_and_reads_back(app: Werkstatt) -> None:
    book = load_workbook(io.BytesIO(app.fieldset_workbook()))
    assert book.sheetnames[:2] == ["Felder", "Skala"]
    assert [c.value for c in book["Felder"][1]] == ["Titel", "Beschreibung", "Leitfragen"]
    own = app.import_own_fieldset("vorlage.xlsx", app.fieldset_workbook())
    assert own.fieldset.field_ids == ("sprachfoerderung",)
    assert stored(app) == 1


def test_an_exported_list_imports_as_an_equal_copy(app: Werkstatt) -> None:
    first = app.import_own_fieldset("kaiserslautern.xlsx", xlsx())
    second = app.import_own_fieldset("kopie.xlsx", app.fieldset_workbook(first.ref))
    assert second.lineage == f"{first.lineage}-2"
    assert second.fieldset.fields == first.fieldset.fields
    assert second.fieldset.scale == first.fieldset.scale and second.fieldset.verdict == first.fieldset.verdict


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_csv_as_german_excel_saves_it(app: Werkstatt, encoding: str) -> None:
    own = app.import_own_fieldset("Kaiserslautern 2019.csv", csv_bytes(encoding))
    assert own.fieldset.title.get("de") == "Kaiserslautern 2019"
    assert own.fieldset.fields[0].title.get("de") == FIELDS[0][0]  # commas inside a cell, umlauts
    assert [q.get("de") for q in own.fieldset.fields[0].questions] == ["Was läuft gut?", "Was fehlt?"]
    assert own.fieldset.fields[3].title.get("de") == "Ehrenamt, Partizipation"


BROKEN = {
    "missing sheet": (lambda: ("liste.xlsx", xlsx(sheets=("Felder",))), [r"liste\.xlsx: Das Blatt „Skala“ fehlt"]),
    "empty title": (
        lambda: ("liste.xlsx", xlsx(fields=[FIELDS[0], ("", "Nur eine Beschreibung.", ""), *FIELDS[2:]])),
        [r"Blatt „Felder“, Zeile 3, Spalte A \(Titel\): Hier fehlt ein Text"]),
    "duplicate field": (
        lambda: ("liste.xlsx", xlsx(fields=[*FIELDS, ("sprachförderung", "Noch einmal.", "")])),
        [r"Blatt „Felder“, Zeile 7, Spalte A \(Titel\): Der Titel „?\"?sprachförderung\"?“? steht schon bei Feld 2"]),
    "8 levels": (
        lambda: ("liste.xlsx", xlsx(scale=[SCALE[0], *[(f"Stufe {i}", f"Stufe {i}") for i in range(1, 9)]])),
        [r"Blatt „Skala“, Zeilen „Stufe …“: Die Skala hat 8 Stufen"]),
    "all at once": (
        lambda: ("liste.xlsx", xlsx(fields=[("", "x", ""), *FIELDS, ("Sprachförderung", "y", "")],
                                    scale=[*SCALE, ("Farbe", "blau")])),
        [r"Blatt „Skala“, Zeile 14, Spalte A: Die Angabe „Farbe“", r"Blatt „Felder“, Zeile 2, Spalte A",
         r"Blatt „Felder“, Zeile 8, Spalte A"]),
    "missing column": (lambda: ("liste.csv", "Titel;Text\nA;B\n".encode()), [r"liste\.csv, Zeile 1: Die Spalte „Beschreibung“ fehlt"]),
    "wrong encoding": (lambda: ("liste.csv", "Titel;Beschreibung;Leitfragen\nA;B;C".encode("utf-16")),
                       [r"liste\.csv: .*UTF-16.*CSV UTF-8"]),
    "not an excel file": (lambda: ("liste.xlsx", b"PK\x03\x04 kaputt"), [r"keine Excel-Datei"]),
    "unknown file type": (lambda: ("liste.docx", b"..."), [r"Diese Dateiart lässt sich nicht einlesen"]),
    "broken yaml": (lambda: ("liste.yaml", b"id: liste\ntitle: [kaputt\n"), [r"liste\.yaml, Zeile \d+: .*kein gültiges YAML"]),
}


@pytest.mark.parametrize(("upload", "messages"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_is_refused_whole_and_nothing_is_stored(app: Werkstatt, upload, messages) -> None:
    name, data = upload()
    with pytest.raises(FieldsetError) as error:
        app.import_own_fieldset(name, data)
    text = str(error.value)
    for message in messages:
        assert any(__import__("re").search(message, line) for line in text.splitlines()), (message, text)
    assert all("Bitte" in problem.text for problem in error.value.problems), text
    assert stored(app) == 0
