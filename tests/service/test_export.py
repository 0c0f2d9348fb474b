"""Excel and CSV exports of a workshop and a process: readable German names, typed cells, and
no cell that a spreadsheet could run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook

from werkstatt import export
from werkstatt.demo import seed_demo_process

# Cards lose surrounding blanks, so tab and carriage return can only be tested on escape_formula.
DANGEROUS = ["=1+1", "+49 30 1234", "-2+3", "@SUMME(A1)"]
SAFE = "Ärger über Öffnungszeiten 🎉 – „Zitat“ مرحبا"


@pytest.fixture
def demo(app):
    """The demo process; the autumn workshop gets cards that try formula injection."""
    spring, autumn, process = seed_demo_process(app, participants=12)
    app.set_live_step(autumn.id, "cards")
    token = app.join(autumn.join_code).token
    group = app.groups(autumn.id)[0]
    app.choose_group(token, group.id)
    for text in [*DANGEROUS, SAFE]:
        app.add_card(token, group.field_ids[0], "idea", text + " Karte")
    app.update_action(process.id, app.actions(process.id)[0].id, app.actions(process.id)[0].version,
                      note="=HYPERLINK(\"http://böse.example\")", priority="low")
    return spring, app.workshop(autumn.id), process


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


def _csv_files(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_workbook_has_one_german_sheet_per_table_with_a_frozen_bold_header(app, demo):
    _, autumn, _ = demo
    book = _book(export.to_xlsx(export.workshop_tables(app, autumn.id)))
    assert book.sheetnames == ["Zusammenfassung", "Bewertungen", "Karten", "Maßnahmen", "Verlauf"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["A"].width > 5
    assert [c.value for c in book["Karten"][1]][:5] == ["Karte Nr.", "Handlungsfeld", "Art", "Text", "Punkte"]


def test_numbers_are_numbers_and_dates_are_dates(app, demo):
    _, autumn, _ = demo
    book = _book(export.to_xlsx(export.workshop_tables(app, autumn.id)))
    summary = book["Zusammenfassung"]
    header = [c.value for c in summary[1]]
    first = {name: cell for name, cell in zip(header, summary[2])}
    assert first["Antworten"].data_type == "n" and isinstance(first["Antworten"].value, int)
    assert first["Median"].data_type == "n" and first["Selbstcheck"].value == 2.8
    actions = book["Maßnahmen"]
    due = [c.value for c in actions["F"][1:]]
    assert all(isinstance(value, dt.datetime) for value in due)  # openpyxl reads dates back as datetimes
    assert actions["F2"].number_format == "DD.MM.YYYY"
    assert isinstance(book["Verlauf"]["C2"].value, dt.datetime)


def test_no_cell_of_the_workbook_is_a_formula_and_risky_texts_are_marked_as_text(app, demo):
    _, autumn, process = demo
    for tables in (export.workshop_tables(app, autumn.id), export.process_tables(app, process.id)):
        book = _book(export.to_xlsx(tables))
        cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
        risky = [cell for cell in cells if isinstance(cell.value, str) and cell.value.startswith(export.FORMULA_STARTS)]
        assert len(risky) >= len(DANGEROUS) + 1  # the cards and the history note
        assert all(cell.data_type == "s" and cell.quotePrefix for cell in risky)


def test_umlauts_emoji_and_arabic_survive_in_the_workbook(app, demo):
    _, autumn, _ = demo
    book = _book(export.to_xlsx(export.workshop_tables(app, autumn.id)))
    texts = [cell.value for cell in book["Karten"]["D"]]
    assert SAFE + " Karte" in texts


def test_csv_files_have_a_byte_order_mark_and_semicolons(app, demo):
    _, autumn, _ = demo
    files = _csv_files(export.to_csv_zip(export.workshop_tables(app, autumn.id)))
    assert sorted(files) == sorted(f"{name}.csv" for name in
                                   ["Zusammenfassung", "Bewertungen", "Karten", "Maßnahmen", "Verlauf"])
    cards = files["Karten.csv"]
    assert cards.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(cards.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Karte Nr.", "Handlungsfeld", "Art"]
    assert SAFE + " Karte" in [row[3] for row in rows]


def test_csv_with_commas_on_request_and_german_decimal_commas_by_default(app, demo):
    _, autumn, _ = demo
    tables = export.workshop_tables(app, autumn.id)
    german = _csv_files(export.to_csv_zip(tables))["Zusammenfassung.csv"].decode("utf-8-sig")
    english = _csv_files(export.to_csv_zip(tables, lang="en", delimiter=","))["Summary.csv"]
    rows = list(csv.reader(io.StringIO(german), delimiter=";"))
    consensus = rows[0].index("Konsens")
    assert "," in rows[1][consensus] and "." not in rows[1][consensus]
    english_rows = list(csv.reader(io.StringIO(english.decode("utf-8-sig")), delimiter=","))
    assert len(english_rows[0]) == len(rows[0]) and "." in english_rows[1][consensus]


@pytest.mark.parametrize("text", DANGEROUS)
def test_every_risky_start_is_escaped_with_an_apostrophe_in_csv(app, demo, text):
    _, autumn, _ = demo
    cards = _csv_files(export.to_csv_zip(export.workshop_tables(app, autumn.id)))["Karten.csv"]
    rows = list(csv.reader(io.StringIO(cards.decode("utf-8-sig"), newline=""), delimiter=";"))
    texts = [row[3] for row in rows[1:]]
    assert "'" + text + " Karte" in texts
    assert text + " Karte" not in texts


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_escape_formula_covers_every_start_owasp_lists(start):
    assert export.escape_formula(start + "x") == "'" + start + "x"
    assert export.escape_formula("x" + start) == "x" + start


def test_no_csv_cell_starts_with_a_formula_character(app, demo):
    _, _, process = demo
    for name, data in _csv_files(export.to_csv_zip(export.process_tables(app, process.id))).items():
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"):
            assert not [cell for cell in row if cell.startswith(export.FORMULA_STARTS)], name


def test_ratings_are_anonymous_and_not_in_participant_order(app, demo):
    _, autumn, _ = demo
    ratings = export.workshop_tables(app, autumn.id)["ratings"]
    assert list(ratings.columns) == ["Handlungsfeld", "Stufe", "Stufe (Text)", "Bereich"]
    assert len(ratings) == len(app.ratings(autumn.id))
    # grouped by field in fieldset order, then by level: not one person's seven ratings in a row
    order = [f.title.get("de") for f in app.fieldset(autumn).fields]
    keys = [(order.index(row["Handlungsfeld"]), row["Stufe"] if row["Stufe"] == row["Stufe"] else 99)
            for _, row in ratings.iterrows()]
    assert keys == sorted(keys)


def test_the_process_export_has_every_workshop_and_the_actions_with_their_history(app, demo):
    spring, autumn, process = demo
    tables = export.process_tables(app, process.id)
    assert set(tables["summary"]["Workshop"]) == {spring.title, autumn.title}
    assert len(tables["actions"]) == len(app.actions(process.id))
    history = tables["history"]
    assert len(history) == sum(len(app.action_history(process.id, a.id)) for a in app.actions(process.id))
    assert "Sabine Keller (Stadtverwaltung, Integrationsbüro)" in set(tables["actions"]["Verantwortlich"])


def test_a_workshop_outside_a_process_exports_empty_action_sheets_with_their_headers(app):
    workshop = app.create_workshop(title="Einzeln", municipality="Musterstadt", facilitator_pin="4711")
    book = _book(export.to_xlsx(export.workshop_tables(app, workshop.id)))
    assert [c.value for c in book["Maßnahmen"][1]][:2] == ["Maßnahme Nr.", "Maßnahme"]
    assert book["Maßnahmen"].max_row == 1


def test_english_names_on_request(app, demo):
    _, autumn, _ = demo
    book = _book(export.to_xlsx(export.workshop_tables(app, autumn.id, "en"), "en"))
    assert book.sheetnames == ["Summary", "Ratings", "Cards", "Actions", "History"]
