"""A fieldset as an Excel workbook (and as CSV), for cities that keep their lists in Excel.

The template has two sheets a person fills in: "Felder", one row per field (Titel,
Beschreibung, Leitfragen – one question per line in the cell, Alt+Enter in Excel), and
"Skala", one row per setting (the list's title, the levels, "kann ich nicht einschätzen",
the sectors, the verdict thresholds). A CSV file is the "Felder" sheet alone, as German Excel
saves it (semicolons, Windows-1252 or UTF-8); its title is the file's name and the scale and
sectors are the usual ones, to change in the editor afterwards.

Reading gives an editor draft (``werkstatt.fieldset_drafts``) plus the problems of the file's
shape (a missing sheet, an unknown setting); the draft's own problems come from the rules every
fieldset keeps, placed by ``place_in`` at the sheet, row and column they came from.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import PurePath
from typing import Callable

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from werkstatt import fieldset_drafts as drafts
from werkstatt.fieldsets import Fieldset, FieldsetError, Problem

FIELDS, SCALE, NOTES = "Felder", "Skala", "Hinweise"
FIELD_COLUMNS = ("Titel", "Beschreibung", "Leitfragen")
LIST_TITLE, LIST_DESCRIPTION = "Titel der Themenliste", "Beschreibung der Themenliste"
LEVEL, DONT_KNOW, SECTOR = "Stufe", "kann ich nicht einschätzen", "Bereich"
# a threshold's row name → its key in the draft, and in the fieldset
THRESHOLDS = {"Mindestzahl an Antworten": ("min_answers", "verdict.min_answers"),
              "Stärke ab Median": ("strength", "verdict.strength_median_at_least"),
              "Umstritten unter Konsens": ("contested", "verdict.contested_consensus_below")}
YES = {"ja", "j", "x", "yes", "1", "wahr", "true"}
NOTES_TEXT = (
    "So füllen Sie die Vorlage aus:",
    "Blatt „Felder“: je Zeile ein Feld (Thema). Titel und Beschreibung sind Pflicht; Leitfragen "
    "je eine pro Zeile in derselben Zelle (Alt+Eingabe).",
    "Blatt „Skala“: Titel der Themenliste, die Stufen von der niedrigsten zur höchsten (2 bis 7), "
    "„kann ich nicht einschätzen“ anbieten (ja/nein), die Bereiche der Teilnehmenden (je Zeile einer) "
    "und die Schwellen für das Urteil.",
    "Dann in Werkstatt unter „Eigene Themenliste“ → „Aus Excel oder CSV einlesen“ hochladen.",
)


# --- writing -----------------------------------------------------------------------


def _put(sheet, row: int, values: tuple) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl would store "=…" as a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def workbook(fieldset: Fieldset | None = None) -> bytes:
    """The template, empty (with an example row) or holding ``fieldset`` in its own language."""
    draft = drafts.draft_from_fieldset(fieldset) if fieldset else drafts.blank_draft() | {
        "title": "Themenliste unserer Stadt"}
    book = Workbook()
    fields = book.active
    fields.title = FIELDS
    _put(fields, 1, FIELD_COLUMNS)
    rows = draft["fields"] if fieldset else [{"title": "Sprachförderung", "description":
                                              "Wer Deutsch lernen will, findet schnell einen passenden Kurs.",
                                              "questions": "Gibt es genug Kurse?\nAuch mit Kinderbetreuung?"}]
    for i, field in enumerate(rows, start=2):
        _put(fields, i, (field["title"], field["description"], field["questions"]))
    for column, width in zip("ABC", (40, 70, 70)):
        fields.column_dimensions[column].width = width
    scale = book.create_sheet(SCALE)
    _put(scale, 1, ("Angabe", "Wert"))
    settings = [(LIST_TITLE, draft["title"]), (LIST_DESCRIPTION, draft["description"])]
    settings += [(f"{LEVEL} {i}", label) for i, label in enumerate(draft["levels"], start=1)]
    settings += [(DONT_KNOW, "ja" if draft["dont_know"] else "nein")]
    settings += [(SECTOR, label) for label in draft["sectors"].splitlines() if label.strip()]
    settings += [(name, draft[key]) for name, (key, _) in THRESHOLDS.items()]
    for i, setting in enumerate(settings, start=2):
        _put(scale, i, setting)
    scale.column_dimensions["A"].width, scale.column_dimensions["B"].width = 32, 60
    notes = book.create_sheet(NOTES)
    for i, line in enumerate(NOTES_TEXT, start=1):
        _put(notes, i, (line,))
    notes.column_dimensions["A"].width = 120
    for sheet in (fields, scale):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- reading -----------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _column(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index] if index < 26 else str(index + 1)


def _fields_rows(rows: list[tuple], where: str, draft: dict, problems: list[Problem]) -> None:
    """Fields from the rows of the "Felder" sheet (first row: the headers)."""
    places = draft["_places"]
    header = [_cell(v).casefold() for v in (rows[0] if rows else ())]
    columns = {}
    for name in FIELD_COLUMNS:
        if name.casefold() in header:
            columns[name] = header.index(name.casefold())
        else:
            problems.append(Problem(name, f"{where}, Zeile 1", f"Die Spalte „{name}“ fehlt. Bitte in Zeile 1 "
                                    f"die Überschriften {', '.join(FIELD_COLUMNS)} eintragen."))
    if len(columns) < len(FIELD_COLUMNS):
        return
    for number, row in enumerate(rows[1:], start=2):
        values = {name: _cell(row[i]) if i < len(row) else "" for name, i in columns.items()}
        if not any(values.values()):
            continue
        index = len(draft["fields"])
        draft["fields"].append({"id": "", "title": values["Titel"], "description": values["Beschreibung"],
                                "questions": values["Leitfragen"]})
        for name, key in (("Titel", "title"), ("Beschreibung", "description"), ("Leitfragen", "questions")):
            places[f"fields[{index}].{key}"] = f"{where}, Zeile {number}, Spalte {_column(columns[name])} ({name})"
        places[f"fields[{index}]"] = places[f"fields[{index}].id"] = f"{where}, Zeile {number}"
    places["fields"] = f"{where}"


def _number(text: str) -> int | float | str:
    """A threshold as typed in German ("3,5") or English ("3.5"); a whole number stays whole."""
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def _scale_rows(rows: list[tuple], where: str, draft: dict, problems: list[Problem]) -> None:
    """Title, levels, "don't know", sectors and thresholds from the "Skala" sheet."""
    places = draft["_places"]
    levels, sectors = [], []
    for number, row in enumerate(rows[1:], start=2):
        name = _cell(row[0]) if row else ""
        value = _cell(row[1]) if len(row) > 1 else ""
        cell = f"{where}, Zeile {number}, Spalte B"
        key = name.casefold()
        if not name:
            continue
        if key == LIST_TITLE.casefold():
            draft["title"], places["title"] = value, cell
        elif key == LIST_DESCRIPTION.casefold():
            draft["description"], places["description"] = value, cell
        elif key.startswith(LEVEL.casefold()):
            if value:
                places[f"scale.levels[{len(levels)}].label"] = places[f"scale.levels[{len(levels)}]"] = cell
                levels.append(value)
        elif key == DONT_KNOW.casefold():
            draft["dont_know"] = value.casefold() in YES
        elif key == SECTOR.casefold():
            if value:
                places[f"sectors[{len(sectors)}].label"] = places[f"sectors[{len(sectors)}]"] = cell
                sectors.append(" ".join(value.split()))
        elif name in THRESHOLDS:
            key, where_in_fieldset = THRESHOLDS[name]
            draft[key], places[where_in_fieldset] = _number(value), cell
        else:
            problems.append(Problem("", f"{where}, Zeile {number}, Spalte A",
                                    f"Die Angabe „{name}“ kennt Werkstatt nicht. Bitte eine dieser verwenden: "
                                    f"{LIST_TITLE}, {LEVEL} 1 …, {DONT_KNOW}, {SECTOR}, "
                                    f"{', '.join(THRESHOLDS)}."))
    draft["levels"], draft["sectors"] = levels, "\n".join(sectors)
    places["scale.levels"] = f"{where}, Zeilen „{LEVEL} …“"
    places["sectors"] = f"{where}, Zeilen „{SECTOR}“"


def _empty_draft() -> dict:
    draft = drafts.blank_draft()
    draft.update(fields=[], sector_ids={}, _places={})
    return draft


def read_workbook(data: bytes, filename: str) -> tuple[dict, list[Problem]]:
    """The draft an .xlsx file holds, and the problems of its shape (a missing sheet, an unknown
    setting), each with its sheet, row and column."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise FieldsetError(f"{filename}: Das ist keine Excel-Datei (.xlsx). Bitte in Excel „Speichern unter … "
                            "Excel-Arbeitsmappe (.xlsx)“ wählen oder die Vorlage herunterladen.") from None
    draft, problems = _empty_draft(), []
    names = {name.casefold(): name for name in book.sheetnames}
    for sheet, read in ((FIELDS, _fields_rows), (SCALE, _scale_rows)):
        if sheet.casefold() not in names:
            problems.append(Problem("", filename, f"Das Blatt „{sheet}“ fehlt. Bitte die Vorlage herunterladen "
                                    "und die Blätter „Felder“ und „Skala“ mit diesen Namen behalten."))
            continue
        rows = [tuple(row) for row in book[names[sheet.casefold()]].iter_rows(values_only=True)]
        read(rows, f"Blatt „{sheet}“", draft, problems)
    book.close()
    return draft, problems


def _decode(data: bytes, filename: str) -> str:
    """UTF-8 (with or without Excel's BOM), else Windows-1252 as German Excel saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise FieldsetError(f"{filename}: Die Datei ist in einer Kodierung gespeichert, die Werkstatt nicht "
                            "lesen kann (Unicode-Text/UTF-16). Bitte in Excel „Speichern unter … CSV UTF-8 "
                            "(durch Trennzeichen getrennt)“ wählen.")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise FieldsetError(f"{filename}: Die Zeichen der Datei lassen sich weder als UTF-8 noch als "
                            "Windows-1252 lesen. Bitte in Excel „Speichern unter … CSV UTF-8 (durch "
                            "Trennzeichen getrennt)“ wählen.") from None


def read_csv(data: bytes, filename: str) -> tuple[dict, list[Problem]]:
    """The draft a CSV file holds: the "Felder" sheet alone, titled by the file's name."""
    text = _decode(data, filename)
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    rows = [tuple(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    draft, problems = _empty_draft(), []
    draft["title"] = PurePath(filename).stem.replace("_", " ").strip()
    draft["_places"]["title"] = f"{filename} (Dateiname)"
    _fields_rows(rows, filename, draft, problems)
    return draft, problems


def place_in(draft: dict) -> Callable[[str], str]:
    """Where a problem of the draft read from a file is: its sheet, row and column."""
    places = draft.get("_places", {})

    def locate(where: str) -> str:
        while where and where not in places:
            cut = max(where.rfind("."), where.rfind("["))
            where = where[:cut] if cut > 0 else ""
        return places.get(where, "")

    return locate
