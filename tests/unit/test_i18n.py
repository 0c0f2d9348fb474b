"""Fetching texts: German source, catalogues per language, plural forms by CLDR, Babel's numbers and dates."""

import datetime as dt
import gettext
import math
import pathlib
import re

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from werkstatt import actions, agenda, catalogues, errors, export, i18n, transfer
from werkstatt.aggregate import PERSPECTIVES, TRENDS, VERDICTS
from werkstatt.cards import KIND_HEADINGS, KIND_HINTS, KIND_NAMES, KINDS
from werkstatt.i18n import (
    LANGUAGES,
    MARKS,
    PARTICIPANT_LANGUAGES,
    format_change,
    format_day,
    format_moment,
    format_number,
    marked,
    normalize_language,
    nt,
    pt,
    t,
)
from werkstatt.web.screens import STEP_HEADINGS, STEP_WAITING

ROOT = pathlib.Path(__file__).resolve().parents[2]
COUNTS = (0, 1, 2, 5, 11, 21, 101)


@pytest.fixture(scope="module")
def extracted() -> set:
    """Every (context, message) the extraction finds, in either domain."""
    return {(m.context, m.id) for catalog in catalogues.templates().values() for m in catalog if m.id}


def test_every_text_named_in_a_table_is_extracted(extracted):
    """A text that is looked up from a table (a step, a kind, a status, an error) must be marked where
    it is written, or no catalogue would ever carry it."""
    tables = [KIND_NAMES, KIND_HEADINGS, KIND_HINTS, actions.STATUS_NAMES, actions.PRIORITY_NAMES,
              actions.SORT_NAMES, actions.ATTRIBUTE_NAMES, export.SHEET_NAMES, transfer.EXPECTED,
              STEP_HEADINGS, STEP_WAITING]
    texts = [text for table in tables for text in table.values()]
    texts += [text for step in agenda.STEPS for text in (step.name, step.button, step.help)]
    texts += [word for marks in MARKS.values() for _, word in marks.values()]
    texts += [error.key for error in vars(errors).values()
              if isinstance(error, type) and issubclass(error, errors.WerkstattError)]
    assert len(texts) > 100
    assert sorted(str(text) for text in texts if i18n.unmark(text) not in extracted) == []


def test_every_table_covers_its_ids():
    assert set(KIND_NAMES) == set(KIND_HEADINGS) == set(KIND_HINTS) == set(KINDS)
    assert set(actions.STATUS_NAMES) == set(actions.STATUSES)
    assert set(actions.PRIORITY_NAMES) == set(actions.PRIORITIES)
    assert set(actions.SORT_NAMES) == set(actions.SORTS)
    assert set(actions.ATTRIBUTE_NAMES) == {"created", *actions.TRACKED}
    assert set(STEP_HEADINGS) == set(agenda.STEP_IDS)
    assert set(MARKS["verdict"]) == set(VERDICTS) and set(MARKS["trend"]) == set(TRENDS)
    assert set(MARKS["perspective"]) == set(PERSPECTIVES)
    waiting = {s.id for s in agenda.STEPS if not s.takes_input or s.shows_ranking}
    assert set(STEP_WAITING) == waiting


def test_german_is_the_source_and_english_comes_from_the_catalogue():
    assert t("Eingabe sperren", "de") == "Eingabe sperren"
    assert t("Eingabe sperren", "en") == "Lock input"
    assert t("Gespeichert: {level}", "en", level="gut") == "Saved: gut"


def test_a_context_keeps_two_translations_of_one_german_text_apart():
    assert pt("agenda step", "Punkte vergeben", "en") == "Dot voting"  # the console's step name
    assert t("Punkte vergeben", "en") == "Give your dots"  # the phone's heading
    assert t(KIND_NAMES["gap"], "en") == "Gap" and marked("verdict", "gap", "en") == "▼\u00a0Needs action"


def test_a_text_no_catalogue_has_shows_in_german():
    """A facilitator text on a Turkish phone, or a text added without translation: German, not a gap."""
    assert t("Eingabe sperren", "tr") == "Eingabe sperren"
    assert t("Ein Satz, den es noch nirgends gibt.", "en") == "Ein Satz, den es noch nirgends gibt."


def test_error_message_in_both_languages():
    error = errors.UnknownJoinCode(code="ABC123")
    assert str(error) == error.message("de")
    assert "ABC123" in error.message("de") and "ABC123" in error.message("en")
    assert "keinen offenen Workshop" in str(error)
    assert "no open workshop" in error.message("en")


def test_an_error_that_counts_says_one_and_many():
    assert "Noch 1 Versuch," in errors.WrongPin(attempts_left=1, minutes=15).message("de")
    assert "Noch 2 Versuche," in errors.WrongPin(attempts_left=2, minutes=15).message("de")
    assert errors.DotsPerCardExceeded(max=1).message("en") == "At most 1 dot per card."
    assert errors.DotsPerCardExceeded(max=3).message("ru") == "Максимум 3 балла на одну карточку."
    assert errors.DotBudgetExceeded(budget=5, left=0).message("de").startswith("Alle Ihre 5 Punkte")
    assert errors.DotBudgetExceeded(budget=5, left=2).message("de").startswith("So viele Punkte")


def _cldr_index(lang: str, n: int) -> int:
    """Which msgstr[i] CLDR picks for n: the locale's categories in gettext's order (zero, one,
    two, few, many, other, each only where the language has it)."""
    rule = Locale.parse(lang).plural_form
    order = [c for c in ("zero", "one", "two", "few", "many", "other") if c in rule.tags or c == "other"]
    return order.index(rule(n))


@pytest.mark.parametrize("lang", ["en", "ru", "uk", "ar"])
def test_every_catalogue_header_picks_the_plural_form_cldr_picks(lang):
    """The Plural-Forms header of each catalogue, evaluated by gettext, against Babel's CLDR rules."""
    for po in (catalogues.LOCALES / lang / "LC_MESSAGES").glob("*.po"):
        with po.open("rb") as file:
            catalog = read_po(file, locale=lang)
        rule = Locale.parse(lang).plural_form
        assert catalog.num_plurals == len({rule(n) for n in range(1000)})  # the forms whole numbers need
        plural = gettext.c2py(catalog.plural_expr)  # what gettext itself makes of the header
        for n in COUNTS:
            assert plural(n) == _cldr_index(lang, n), (po.name, n)


@pytest.mark.parametrize("lang", ["de", "en", "ru", "uk", "ar"])
def test_plural_forms_for_counts_follow_cldr(lang):
    """``nt`` picks the catalogue's form CLDR names for each count: Punkt/Punkte; карточка/карточки/
    карточек; Arabic's six forms. Checked against each language's own plural messages."""
    forms = _plural_forms(lang, ("{field} · {n} Karte", "{field} · {n} Karten"))
    for n in COUNTS:
        expected = forms[_cldr_index(lang, n)].format(field="X", n=format_number(n, lang, 0))
        assert nt("{field} · {n} Karte", "{field} · {n} Karten", n, lang, field="X") == expected, n


def _plural_forms(lang: str, message: tuple[str, str]) -> list[str]:
    if lang == "de":
        return list(message)
    entry = catalogues.read(lang, "participant").get(message)
    assert entry is not None and all(entry.string) and len(set(entry.string)) > 1
    return list(entry.string)


def test_german_and_english_plurals_read_right():
    assert [nt("{n} Punkt", "{n} Punkte", n, "de") for n in (0, 1, 2)] == ["0 Punkte", "1 Punkt", "2 Punkte"]
    assert [nt("{n} Punkt", "{n} Punkte", n, "en") for n in (0, 1, 2)] == ["0 dots", "1 dot", "2 dots"]
    assert nt("{n} hat schon Punkte vergeben", "{n} haben schon Punkte vergeben", 1, "de") == \
        "1 hat schon Punkte vergeben"
    assert nt("{n} Punkt", "{n} Punkte", 1234, "de") == "1.234 Punkte"


@pytest.mark.parametrize(
    "value, lang, digits, expected",
    [
        (2.5, "de", 1, "2,5"),
        (2.5, "en", 1, "2.5"),
        (0.634, "de", 2, "0,63"),
        (1234, "de", 1, "1.234"),
        (1234, "en", 1, "1,234"),
        (1234.5, "de", 1, "1.234,5"),
        (None, "de", 1, "–"),
        (math.nan, "en", 2, "–"),
        (3.0, "de", 1, "3,0"),
        (2.5, "ru", 1, "2,5"),
    ],
)
def test_numbers_as_each_locale_writes_them(value, lang, digits, expected):
    assert format_number(value, lang, digits) == expected


def test_changes_carry_their_sign():
    assert [format_change(v, "de") for v in (0.5, -1.0, 0.0, None)] == ["+0,5", "−1,0", "±0,0", "–"]
    assert format_change(-0.25, "en", 2, minus="-") == "-0.25"


def test_dates_and_times_as_each_locale_writes_them():
    assert format_day(dt.date(2026, 11, 3), "de") == "03.11.2026"
    assert format_day("2026-11-03", "en") == "Nov 3, 2026"
    assert format_day(None, "de") == "–"
    assert format_moment(dt.datetime(2026, 12, 7, 14, 5), "de") == "07.12.2026, 14:05"
    assert "2026" in format_day(dt.date(2026, 11, 3), "ar")


def test_the_old_hand_made_formatters_are_gone():
    """Screens format through Babel. (The CSV export writes dates as a spreadsheet reads them, which
    is data, not screen text: ``export._csv_value``.)"""
    sources = [*ROOT.glob("werkstatt/**/*.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("werkstatt/**/*.html")]
    assert [p.name for p in sources if re.search(r"\bfmt_\w+", p.read_text())] == []
    assert [p.name for p in sources if "strftime(" in p.read_text()] == ["cli.py", "export.py"]
    assert not list(ROOT.glob("werkstatt/messages_*.py"))


@pytest.mark.parametrize("value, expected", [("en", "en"), ("EN", "en"), ("de", "de"), ("fr", "de"),
                                             (None, "de"), ("", "de"), ("en-GB", "en")])
def test_language_from_the_url(value, expected):
    assert normalize_language(value) == expected


def test_the_languages():
    assert LANGUAGES == ("de", "en") and PARTICIPANT_LANGUAGES[:2] == LANGUAGES


def test_charts_take_their_separators_from_the_locale():
    assert (i18n.separators("de"), i18n.separators("en"), i18n.separators("ru")) == (",.", ".,", ",\u00a0")


def test_per_cents_as_each_locale_writes_them():
    assert [i18n.format_percent(0.256, lang) for lang in ("de", "en", "tr")] == ["26\u00a0%", "26%", "%26"]
    assert i18n.percent_affixes("de") == ("", "\u00a0%") and i18n.percent_affixes("tr") == ("%", "")
    assert i18n.format_percent(None) == "–"


def test_date_fields_ask_in_the_locales_order():
    assert [i18n.date_input_format(lang) for lang in ("de", "en")] == ["DD.MM.YYYY", "MM/DD/YYYY"]
