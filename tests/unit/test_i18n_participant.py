"""The participant's six languages: every text their screens can show exists in all of them.

The set of participant texts is the keys of ``COMMUNITY_MESSAGES``. Two directions are checked:
each of those keys has all six languages, and each key the participant modules use (written out
in a ``t("…")`` call, or built from a step, a card kind or an error a participant can run into)
is in the set. So a new participant text without its translations fails here, not in a workshop.
"""

from __future__ import annotations

import pathlib
import re

import pytest

from werkstatt import agenda, errors
from werkstatt.cards import KINDS
from werkstatt.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    MESSAGES,
    PARTICIPANT_LANGUAGES,
    RTL_LANGUAGES,
    normalize_language,
    t,
)
from werkstatt.messages_community import COMMUNITY_MESSAGES

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Everything a participant's device shows: the light client's routes, templates and script.
WEB = ROOT / "werkstatt" / "web"
PARTICIPANT_MODULES = sorted(path for pattern in ("**/*.py", "templates/**/*.html", "static/*.js")
                             for path in WEB.glob(pattern))

# What the service can refuse when a participant joins, rates, writes cards or gives dots.
PARTICIPANT_ERRORS = (
    errors.WerkstattError, errors.InvalidInput, errors.UnknownJoinCode, errors.UnknownParticipant,
    errors.UnknownWorkshop, errors.UnknownField, errors.UnknownSector, errors.InvalidLevel,
    errors.RatingClosed, errors.WorkshopClosed, errors.UnknownGroup, errors.GroupNeeded,
    errors.FieldNotInGroup, errors.UnknownCard, errors.NotYourCard, errors.CardModerated,
    errors.CardsClosed, errors.VotingClosed, errors.CardNotVotable, errors.DotBudgetExceeded,
    errors.DotsPerCardExceeded, errors.DotsChanged, errors.WorkshopFull, errors.StorageFull, errors.StorageReadOnly,
)
PARTICIPANT_PROBLEMS = ("problem.card_too_short", "problem.card_too_long", "problem.unknown_kind",
                        "problem.group_tablet_needs_group", "problem.bad_dots")

ADDED = ("tr", "ar", "ru", "uk")
SCRIPTS = {  # letters each language must use somewhere, and letters it never uses
    "ar": (r"[\u0600-\u06ff]", r"[а-яё]"),
    "ru": (r"[а-яё]", r"[іїєґ]"),
    "uk": (r"[а-щьюяіїєґ]", r"[ыэъё]"),
    "tr": (r"[a-zçğıöşü]", r"[\u0600-\u06ffа-яё]"),
}


def _participant_keys() -> set[str]:
    used = set()
    for path in PARTICIPANT_MODULES:
        used |= set(re.findall(r'\bt\(\s*["\']([a-z_]+(?:\.[a-z_]+)+)["\']', path.read_text()))
    for step in agenda.STEP_IDS:
        used.add(f"participate.step.{step}")
        if f"participate.wait.{step}" in MESSAGES:
            used.add(f"participate.wait.{step}")
    used |= {f"kind.{kind}" for kind in KINDS} | {f"kind.{kind}.help" for kind in KINDS}
    used |= {error.key for error in PARTICIPANT_ERRORS} | set(PARTICIPANT_PROBLEMS)
    return used


def test_the_scan_finds_the_participant_texts():
    keys = _participant_keys()
    assert {"participate.rating.intro", "cards.save", "vote.left", "app.language"} <= keys


def test_every_text_a_participant_can_see_is_translated():
    assert sorted(_participant_keys() - set(COMMUNITY_MESSAGES)) == []


@pytest.mark.parametrize("key", sorted(COMMUNITY_MESSAGES))
def test_every_participant_text_exists_in_all_six_languages(key):
    assert set(COMMUNITY_MESSAGES[key]) == set(ADDED)
    assert set(MESSAGES[key]) == set(PARTICIPANT_LANGUAGES)
    for lang in ADDED:
        text = MESSAGES[key][lang]
        assert text.strip() and text != MESSAGES[key]["de"], (key, lang)
        uses, never = SCRIPTS[lang]
        assert not re.search(never, text.lower()), f"{key} [{lang}] has letters of another language: {text}"
        assert re.search(uses, text.lower()) or not re.search(r"[^\W\d_]", MESSAGES[key]["de"]), (key, lang)


def test_the_community_file_adds_languages_only_to_keys_of_the_catalogue():
    main_catalogue = set(MESSAGES)
    assert set(COMMUNITY_MESSAGES) <= main_catalogue
    # facilitator, projector and task-force texts stay German and English
    assert set(MESSAGES["facilitate.lock"]) == set(LANGUAGES)


def test_a_language_a_key_lacks_falls_back_to_german():
    assert t("facilitate.lock", "tr") == t("facilitate.lock", "de") == "Eingabe sperren"
    assert t("participate.saved", "ar", level="x") == "تم الحفظ: x"
    assert t("participate.your_rating", "uk", field="X").startswith("Ваша оцінка")


def test_every_participant_language_has_its_own_name_and_arabic_reads_right_to_left():
    assert LANGUAGES == ("de", "en") and PARTICIPANT_LANGUAGES[:2] == LANGUAGES
    assert [LANGUAGE_NAMES[lang] for lang in ADDED] == ["Türkçe", "العربية", "Русский", "Українська"]
    assert RTL_LANGUAGES == {"ar"}


@pytest.mark.parametrize("value, languages, expected", [
    ("tr", PARTICIPANT_LANGUAGES, "tr"), ("AR", PARTICIPANT_LANGUAGES, "ar"), ("uk-UA", PARTICIPANT_LANGUAGES, "uk"),
    ("fa", PARTICIPANT_LANGUAGES, "de"), ("tr", LANGUAGES, "de"), (None, PARTICIPANT_LANGUAGES, "de"),
])
def test_the_url_picks_a_participant_language_only_where_it_is_offered(value, languages, expected):
    assert normalize_language(value, languages) == expected
