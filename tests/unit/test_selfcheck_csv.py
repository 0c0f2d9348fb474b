"""The self-check CSV import: the files people really save from Excel are read, and every broken
file is refused with one error that names each broken row in German."""

import pytest

from werkstatt import fieldsets
from werkstatt.errors import SelfCheckFileError
from werkstatt.selfcheck import MAX_BYTES, parse_csv, template_csv

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def fieldset():
    return fieldsets.load("weltoffene-kommune")


def refused(data: bytes, fieldset) -> str:
    """The German message of the error the file raises."""
    with pytest.raises(SelfCheckFileError) as caught:
        parse_csv(data, fieldset)
    return caught.value.message("de")


# --- files that are read -------------------------------------------------------------


def test_a_comma_file_with_field_ids(fieldset):
    data = b"feld,wert\nmanagement,3\noeffnung,2.5\nzugang,1\n"
    assert parse_csv(data, fieldset) == {"management": 3.0, "oeffnung": 2.5, "zugang": 1.0}


def test_every_field_at_the_ends_of_the_scale(fieldset):
    rows = "".join(f"{field_id},{1 if i % 2 else 4}\n" for i, field_id in enumerate(fieldset.field_ids))
    scores = parse_csv(("feld,wert\n" + rows).encode(), fieldset)
    assert list(scores) == list(fieldset.field_ids)
    assert set(scores.values()) == {1.0, 4.0}


def test_a_file_saved_by_german_excel_as_csv_utf8(fieldset):
    # "CSV UTF-8": byte-order mark, semicolons, decimal commas, CRLF line ends, umlauts in UTF-8
    data = BOM + (
        "feld;titel;wert\r\n"
        "management;Management und Steuerung;2,5\r\n"
        "oeffnung;Interkulturelle Öffnung und Antirassismus;3\r\n"
        "kommunikation;Kommunikation und Konfliktmanagement;3,75\r\n"
    ).encode("utf-8")
    assert parse_csv(data, fieldset) == {"management": 2.5, "oeffnung": 3.0, "kommunikation": 3.75}


def test_a_windows_1252_file_with_fields_given_by_their_german_title(fieldset):
    # "CSV (Trennzeichen-getrennt)": cp1252, so "Ö" is the single byte 0xD6, not valid UTF-8
    data = (
        "Handlungsfeld;Wert\r\n"
        "Interkulturelle Öffnung und Antirassismus;2,5\r\n"
        "Kommunikation und Konfliktmanagement;1\r\n"
    ).encode("cp1252")
    assert b"\xd6" in data
    assert parse_csv(data, fieldset) == {"oeffnung": 2.5, "kommunikation": 1.0}


def test_titles_and_ids_are_matched_regardless_of_case(fieldset):
    data = "FELD;WERT\nMANAGEMENT;2\nfairer zugang und teilhabe;3\n".encode()
    assert parse_csv(data, fieldset) == {"management": 2.0, "zugang": 3.0}


def test_quoted_cells_are_read(fieldset):
    # the way to write a decimal comma in a comma-separated file
    assert parse_csv(b'feld,wert\n"management","2,5"\n', fieldset) == {"management": 2.5}


def test_an_empty_score_means_the_field_was_skipped(fieldset):
    data = b"feld;wert\nmanagement;3\noeffnung;\nzugang; \n"
    assert parse_csv(data, fieldset) == {"management": 3.0}


def test_the_english_column_names_are_read(fieldset):
    assert parse_csv(b"field_id,score\narbeit,4\n", fieldset) == {"arbeit": 4.0}


# --- files that are refused -----------------------------------------------------------------


def test_the_error_says_nothing_was_imported(fieldset):
    message = refused(b"feld;wert\nmanagement;gut\n", fieldset)
    assert message.startswith("Die Datei wurde nicht übernommen, es hat sich nichts geändert.")


def test_an_unknown_field_is_refused_with_its_row(fieldset):
    message = refused(b"feld;wert\nmanagement;3\nverkehr;2\n", fieldset)
    assert "Zeile 3: Das Feld „verkehr“ gibt es nicht." in message
    assert "management, oeffnung, zugang, arbeit, engagement, zusammenhalt, kommunikation" in message


def test_a_missing_score_column_is_named(fieldset):
    message = refused(b"feld;note\nmanagement;3\n", fieldset)
    assert "Die Spalte „wert“ fehlt." in message
    assert "Gefunden: feld; note" in message
    assert "„feld“ fehlt" not in message


def test_a_missing_field_column_is_named(fieldset):
    message = refused(b"name;wert\nmanagement;3\n", fieldset)
    assert "Die Spalte „feld“ fehlt." in message
    assert "„wert“ fehlt" not in message


def test_a_word_instead_of_a_score_is_refused(fieldset):
    assert "Zeile 2: „gut“ ist keine Zahl." in refused(b"feld;wert\nmanagement;gut\n", fieldset)


@pytest.mark.parametrize("raw", ["nan", "NaN", "inf", "-inf", "Infinity"])
def test_nan_and_infinity_are_not_numbers(fieldset, raw):
    message = refused(f"feld;wert\nmanagement;{raw}\n".encode(), fieldset)
    assert "Zeile 2:" in message and "ist keine Zahl" in message


@pytest.mark.parametrize("raw", ["7", "0", "4,5", "-1"])
def test_a_score_off_the_scale_is_refused(fieldset, raw):
    message = refused(f"feld;wert\nmanagement;{raw}\n".encode(), fieldset)
    assert f"Zeile 2: {raw} liegt nicht zwischen 1 und 4." in message


def test_a_field_given_twice_is_refused_with_both_rows(fieldset):
    # once by id, once by its title: still the same field
    data = "feld;wert\nmanagement;3\nzugang;2\nManagement und Steuerung;2\n".encode()
    assert "Zeile 4: Das Feld management steht schon in Zeile 2." in refused(data, fieldset)


def test_a_decimal_comma_in_a_comma_separated_file_is_refused(fieldset):
    message = refused(b"feld,wert\nmanagement,2,5\nzugang,3\n", fieldset)
    assert "Zeile 2 hat mehr Spalten als die Überschrift." in message
    assert "Zeile 3" not in message


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", BOM])
def test_an_empty_file_is_refused(fieldset, data):
    assert "Die Datei ist leer." in refused(data, fieldset)


def test_an_excel_workbook_is_refused_with_the_way_to_save_csv(fieldset):
    message = refused(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100, fieldset)
    assert "Excel- oder Calc-Datei, keine CSV-Datei" in message
    assert "CSV UTF-8" in message


def test_a_file_too_big_for_a_self_check_is_refused(fieldset):
    data = b"feld;wert\n" + b"management;3\n" * (MAX_BYTES // 10)
    assert "Die Datei ist zu groß (höchstens 200 KB)." in refused(data, fieldset)


def test_a_header_without_any_score_is_refused(fieldset):
    assert "Die Datei enthält keinen einzigen Wert." in refused(b"feld;wert\n", fieldset)


def test_a_file_of_skipped_fields_only_is_refused(fieldset):
    assert "keinen einzigen Wert" in refused(b"feld;wert\nmanagement;\nzugang;\n", fieldset)


def test_every_broken_row_is_listed_in_one_error(fieldset):
    data = "feld;wert\nmanagement;3\nverkehr;2\nzugang;gut\narbeit;9\nmanagement;1\nengagement;2\n".encode()
    with pytest.raises(SelfCheckFileError) as caught:
        parse_csv(data, fieldset)
    message = caught.value.message("de")
    assert "Zeile 3: Das Feld „verkehr“ gibt es nicht." in message
    assert "Zeile 4: „gut“ ist keine Zahl." in message
    assert "Zeile 5: 9 liegt nicht zwischen 1 und 4." in message
    assert "Zeile 6: Das Feld management steht schon in Zeile 2." in message
    assert len(caught.value.params["problems"]) == 4


def test_beyond_eight_problems_the_rest_are_counted(fieldset):
    data = ("feld;wert\n" + "".join(f"feld{i};2\n" for i in range(11))).encode()
    message = refused(data, fieldset)
    assert message.count("gibt es nicht") == 8
    assert "… und 3 weitere." in message


def test_markup_in_a_cell_is_not_echoed(fieldset):
    message = refused(b"feld;wert\n<script>alert(1)</script>;2\n", fieldset)
    assert "<" not in message and ">" not in message


def test_row_numbers_count_empty_rows_as_excel_shows_them(fieldset):
    # Excel saves an empty row as ";". The bad score is in the file's (and Excel's) row 3.
    message = refused(b"feld;wert\r\n;\r\nmanagement;gut\r\n", fieldset)
    assert "Zeile 3: „gut“ ist keine Zahl." in message


def test_row_numbers_count_blank_lines(fieldset):
    message = refused(b"feld;wert\nmanagement;3\n\n\nzugang;gut\n", fieldset)
    assert "Zeile 5: „gut“ ist keine Zahl." in message


def test_a_blank_line_before_the_header_does_not_hide_the_columns(fieldset):
    # the header is the first non-blank row, so its separator should be read from that row
    assert parse_csv(b"\nfeld,wert\nmanagement,3\n", fieldset) == {"management": 3.0}


# --- the template ------------------------------------------------------------------------------


def test_the_template_is_utf8_with_a_byte_order_mark_and_semicolons(fieldset):
    data = template_csv(fieldset, "de")
    assert data.startswith(BOM)
    lines = data[len(BOM):].decode("utf-8").split("\r\n")
    assert lines[0] == "feld;titel;wert"
    assert lines[1] == "management;Management und Steuerung;"
    assert "oeffnung;Interkulturelle Öffnung und Antirassismus;" in lines
    assert len([line for line in lines if line]) == 1 + len(fieldset.fields)


def test_the_english_template_has_english_titles(fieldset):
    assert "management;Management and governance;" in template_csv(fieldset, "en").decode("utf-8-sig")


def test_an_empty_template_imports_nothing(fieldset):
    assert "keinen einzigen Wert" in refused(template_csv(fieldset, "de"), fieldset)


def test_a_filled_in_template_parses_back(fieldset):
    scores = {"management": "2,5", "oeffnung": "3", "kommunikation": "1,25"}
    lines = template_csv(fieldset, "de").decode("utf-8-sig").split("\r\n")
    filled = [lines[0]] + [
        line + scores.get(line.split(";")[0], "") if line else line for line in lines[1:]
    ]
    data = "\r\n".join(filled).encode("utf-8-sig")
    assert parse_csv(data, fieldset) == {"management": 2.5, "oeffnung": 3.0, "kommunikation": 1.25}
