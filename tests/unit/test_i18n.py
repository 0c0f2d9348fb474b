"""The message catalogue: German and English complete, every key the code asks for exists."""

import datetime as dt
import math
import pathlib
import re
import string

import pytest

from werkstatt import actions, agenda, errors
from werkstatt.aggregate import PERSPECTIVES, TRENDS, VERDICTS
from werkstatt.cards import KINDS, VOTABLE_KINDS
from werkstatt.i18n import LANGUAGES, MESSAGES, PARTICIPANT_LANGUAGES, fmt_date, fmt_number, normalize_language, t
from werkstatt.messages_exchange import EXCHANGE_MESSAGES
from werkstatt.messages_export import EXPORT_MESSAGES
from werkstatt.messages_report import REPORT_MESSAGES
from werkstatt.messages_taskforce import TASKFORCE_MESSAGES

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = [*ROOT.glob("pages/*.py"), *ROOT.glob("werkstatt/**/*.py"), ROOT / "navigation.py", ROOT / "app.py"]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_every_language_with_the_same_placeholders(key):
    """German and English always; participant texts also in more languages (test_i18n_participant)."""
    entry = MESSAGES[key]
    assert set(LANGUAGES) <= set(entry) <= set(PARTICIPANT_LANGUAGES)
    assert all(text.strip() for text in entry.values())
    assert all(_placeholders(text) == _placeholders(entry["de"]) for text in entry.values())


def test_every_literal_key_used_in_the_code_is_in_the_catalogue():
    used = set()
    for path in SOURCES:
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text()))
        used |= set(re.findall(r'problem="([a-z_.]+)"', path.read_text()))
    assert used, "the scan found no keys at all"
    assert sorted(used - set(MESSAGES)) == []


def test_keys_built_from_steps_verdicts_and_errors_exist():
    for step in agenda.STEP_IDS:
        for pattern in ("step.{}", "step.{}.help", "participate.step.{}", "facilitate.go.{}"):
            assert pattern.format(step) in MESSAGES
        if not agenda.step(step).takes_input or agenda.step(step).shows_ranking:
            assert f"participate.wait.{step}" in MESSAGES
    for kind in KINDS:
        for pattern in ("kind.{}", "kind.{}.plural", "kind.{}.help"):
            assert pattern.format(kind) in MESSAGES
    for kind in VOTABLE_KINDS:
        assert f"ranking.top.{kind}" in MESSAGES
    for action in ("hide", "restore", "correct", "move", "merge"):
        assert f"moderate.action.{action}" in MESSAGES
    for verdict in VERDICTS:
        assert f"verdict.{verdict}" in MESSAGES
    for error in vars(errors).values():
        if isinstance(error, type) and issubclass(error, errors.WerkstattError):
            assert error.key in MESSAGES


def test_keys_built_from_task_force_states_exist():
    for status in actions.STATUSES:
        assert f"action.status.{status}" in MESSAGES
    for priority in actions.PRIORITIES:
        assert f"action.priority.{priority}" in MESSAGES
    for sort in actions.SORTS:
        assert f"filter.sort.{sort}" in MESSAGES
    for attribute in ("created", *actions.TRACKED):
        assert f"history.attribute.{attribute}" in MESSAGES
    for trend in TRENDS:
        assert f"trend.{trend}" in MESSAGES
    for view in PERSPECTIVES:
        assert f"perspective.view.{view}" in MESSAGES
    # the page module runs when imported, so its TABS are read from the source
    tabs = re.search(r"^TABS = \((.*)\)$", (ROOT / "pages" / "taskforce.py").read_text(), flags=re.M).group(1)
    for tab in re.findall(r'"([a-z_]+)"', tabs):
        assert f"taskforce.tab.{tab}" in MESSAGES


def test_the_catalogue_files_overwrite_no_key_of_each_other():
    source = (ROOT / "werkstatt" / "i18n.py").read_text()
    source = source[source.index("MESSAGES: dict"):]
    source = source[:source.index("\n}\n")]  # the main catalogue's literal only
    main_keys = set(re.findall(r'^    "([a-z_]+\.[a-z_.]+)":', source, flags=re.M))
    parts = [main_keys, set(TASKFORCE_MESSAGES), set(EXPORT_MESSAGES), set(REPORT_MESSAGES), set(EXCHANGE_MESSAGES)]
    assert all(parts)
    assert sum(len(part) for part in parts) == len(set().union(*parts))


def test_error_message_in_both_languages():
    error = errors.UnknownJoinCode(code="ABC123")
    assert str(error) == error.message("de")
    assert "ABC123" in error.message("de") and "ABC123" in error.message("en")
    assert "keinen offenen Workshop" in str(error)
    assert "no open workshop" in error.message("en")


@pytest.mark.parametrize(
    "value, lang, digits, expected",
    [
        (2.5, "de", 1, "2,5"),
        (2.5, "en", 1, "2.5"),
        (0.634, "de", 2, "0,63"),
        (1234, "de", 1, "1.234"),
        (1234, "en", 1, "1,234"),
        (None, "de", 1, "–"),
        (math.nan, "en", 2, "–"),
        (3.0, "de", 1, "3,0"),
    ],
)
def test_numbers_in_german_and_english(value, lang, digits, expected):
    assert fmt_number(value, lang, digits) == expected


def test_dates_in_german_and_english():
    assert fmt_date(dt.date(2026, 11, 3), "de") == "03.11.2026"
    assert fmt_date("2026-11-03", "en") == "03 Nov 2026"
    assert fmt_date(None, "de") == "–"


@pytest.mark.parametrize("value, expected", [("en", "en"), ("EN", "en"), ("de", "de"), ("fr", "de"),
                                             (None, "de"), ("", "de"), ("en-GB", "en")])
def test_language_from_the_url(value, expected):
    assert normalize_language(value) == expected


def test_unknown_key_is_a_loud_error():
    with pytest.raises(KeyError):
        t("does.not.exist")
