"""The administration's self-check scores per field, read from a CSV file. Pure: bytes in,
scores out, or one error that lists every broken row.

People fill these files in Excel. German Excel saves "CSV (Trennzeichen-getrennt)" in
Windows-1252 with semicolons and decimal commas, and "CSV UTF-8" with a byte-order mark;
both are read. A field may be given by its id or by its title. An empty score means the
administration skipped the field (the questionnaire allows that). Nothing is imported
unless the whole file is right.
"""

from __future__ import annotations

import csv
import io
import math
import re

from babel.numbers import format_decimal

from werkstatt.errors import SelfCheckFileError
from werkstatt.fieldsets import Fieldset
from werkstatt.i18n import N_, locale

MAX_BYTES = 200_000
FIELD_COLUMNS = ("feld", "field", "field_id", "handlungsfeld", "thema")
SCORE_COLUMNS = ("wert", "score", "punkte", "bewertung", "selbstcheck")
TEMPLATE_COLUMNS = ("feld", "titel", "wert")


def parse_csv(data: bytes, fieldset: Fieldset) -> dict[str, float]:
    """field id → score for every row with a score; raises ``SelfCheckFileError`` otherwise."""
    rows = _rows(_decode(data))
    start = next(number for number, row in rows.items() if any(cell.strip() for cell in row))
    header = [cell.strip().strip('"').lower() for cell in rows[start]]
    field_col = _column(header, FIELD_COLUMNS)
    score_col = _column(header, SCORE_COLUMNS)
    missing = [(name, columns) for name, columns, index in
               (("feld", FIELD_COLUMNS, field_col), ("wert", SCORE_COLUMNS, score_col)) if index is None]
    if missing:
        raise SelfCheckFileError(problems=[
            (N_("Die Spalte „{column}“ fehlt. Die erste Zeile braucht eine dieser Überschriften: "
                "{aliases}. Gefunden: {found}."),
             {"column": name, "aliases": ", ".join(columns), "found": _shown("; ".join(header)) or "–"})
            for name, columns in missing
        ])

    lookup = _field_lookup(fieldset)
    scores: dict[str, float] = {}
    seen: dict[str, int] = {}
    problems: list[tuple[str, dict]] = []
    low, high = fieldset.scale.min, fieldset.scale.max
    for line, row in rows.items():
        if line <= start:
            continue
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if any(cells[len(header):]):  # "2,5" in a file that separates with commas
            problems.append((N_("Zeile {line} hat mehr Spalten als die Überschrift. Steht dort eine "
                                "Kommazahl in einer Datei mit Komma als Trenner? Dann bitte "
                                "Semikolon als Trenner nehmen oder die Zahl in Anführungszeichen "
                                "setzen."), {"line": line}))
            continue
        name = cells[field_col] if field_col < len(cells) else ""
        raw = cells[score_col] if score_col < len(cells) else ""
        field_id = lookup.get(name.lower())
        if field_id is None:
            problems.append((N_("Zeile {line}: Das Feld „{value}“ gibt es nicht. Möglich sind: "
                                "{fields} (oder ihr Titel)."),
                             {"line": line, "value": _shown(name) or "–",
                              "fields": ", ".join(fieldset.field_ids)}))
            continue
        if field_id in seen:
            problems.append((N_("Zeile {line}: Das Feld {field} steht schon in Zeile {first}."),
                             {"line": line, "field": field_id, "first": seen[field_id]}))
            continue
        seen[field_id] = line
        if not raw:
            continue
        score = parse_score(raw)
        if score is None:
            problems.append((N_("Zeile {line}: „{value}“ ist keine Zahl."),
                             {"line": line, "value": _shown(raw)}))
        elif not low <= score <= high:
            problems.append((N_("Zeile {line}: {value} liegt nicht zwischen {low} und {high}."),
                             {"line": line, "value": _shown(raw), "low": low, "high": high}))
        else:
            scores[field_id] = score
    if problems:
        raise SelfCheckFileError(problems=problems)
    if not scores:
        raise SelfCheckFileError(problems=[(N_("Die Datei enthält keinen einzigen Wert."), {})])
    return scores


def score_text(score: float | None, lang: str) -> str:
    """A stored score as a person types it: ``2,85`` in German, ``2.85`` in English, no rounding."""
    if score is None:
        return ""
    return format_decimal(score, format="0.######", locale=locale(lang))


def template_csv(fieldset: Fieldset, lang: str) -> bytes:
    """A file to fill in: one row per field with its title and an empty score.

    UTF-8 with a byte-order mark and semicolons, so German Excel opens it in columns
    with the umlauts intact."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    for field in fieldset.fields:
        writer.writerow([field.id, field.title.get(lang), ""])
    return out.getvalue().encode("utf-8-sig")


def _decode(data: bytes) -> str:
    if not data or not data.strip():
        raise SelfCheckFileError(problems=[(N_("Die Datei ist leer."), {})])
    if len(data) > MAX_BYTES:
        raise SelfCheckFileError(problems=[(N_("Die Datei ist zu groß (höchstens {kb} KB). Ein "
                                               "Selbstcheck hat nur eine Zeile je Feld."),
                                            {"kb": MAX_BYTES // 1000})])
    if data.startswith(b"PK\x03\x04"):  # a zip container: .xlsx or .ods
        raise SelfCheckFileError(problems=[(N_("Das ist eine Excel- oder Calc-Datei, keine "
                                               "CSV-Datei. Bitte in Excel „Speichern unter“ → „CSV "
                                               "UTF-8“ wählen."), {})])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel's "CSV (Trennzeichen-getrennt)"


def _rows(text: str) -> dict[int, list[str]]:
    """Row number as Excel shows it → cells, blank rows included (so the numbers in an error
    match the file). The separator is the one the first non-blank line uses most."""
    first_line = next((line for line in text.lstrip("\ufeff").splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first_line.count)
    try:
        rows = dict(enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1))
    except csv.Error as error:
        raise SelfCheckFileError(problems=[(N_("Die Datei lässt sich nicht als CSV lesen ({detail})."),
                                            {"detail": _shown(str(error))})]) from None
    if not any(cell.strip() for row in rows.values() for cell in row):
        raise SelfCheckFileError(problems=[(N_("Die Datei ist leer."), {})])
    return rows


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for index, cell in enumerate(header):
        if cell in names:
            return index
    return None


def _field_lookup(fieldset: Fieldset) -> dict[str, str]:
    """Lower-cased id and every title of each field → field id."""
    lookup = {}
    for field in fieldset.fields:
        lookup[field.id.lower()] = field.id
        for title in field.title.values.values():
            lookup[title.strip().lower()] = field.id
    return lookup


def parse_score(raw: str) -> float | None:
    """``2,5`` or ``2.5`` (as typed in a file or a form); None for anything else (words, NaN,
    infinity)."""
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _shown(value: str) -> str:
    """A cell as quoted in an error: letters, digits and plain punctuation only, so a file
    cannot put markup on the screen, and short."""
    return re.sub(r"[^\w\s.,;+-]", "", value)[:40].strip()
