"""The participant's six languages: every text their screens can show exists in all of them.

The participant texts are the ``participant`` catalogue: everything written in ``werkstatt/web/``
(routes, view models, templates) and every text marked ``P_`` elsewhere (errors a participant can
cause, card kinds, verdicts). ``test_catalogues`` fails when any of them lacks a translation;
this file checks that the domain holds what a phone shows, and that each translation is written
in its own language.
"""

from __future__ import annotations

import re

import pytest

from werkstatt import catalogues, errors, inputs
from werkstatt.cards import KIND_HINTS, KIND_NAMES
from werkstatt.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    MARKS,
    PARTICIPANT_LANGUAGES,
    RTL_LANGUAGES,
    normalize_language,
    t,
    unmark,
)
from werkstatt.web.screens import STEP_HEADINGS, STEP_WAITING

# What the service can refuse when a participant joins, rates, writes cards or gives dots.
PARTICIPANT_ERRORS = (
    errors.WerkstattError, errors.InvalidInput, errors.UnknownJoinCode, errors.UnknownParticipant,
    errors.UnknownWorkshop, errors.UnknownField, errors.UnknownSector, errors.InvalidLevel,
    errors.RatingClosed, errors.WorkshopClosed, errors.UnknownGroup, errors.GroupNeeded,
    errors.FieldNotInGroup, errors.UnknownCard, errors.NotYourCard, errors.CardModerated,
    errors.CardsClosed, errors.VotingClosed, errors.CardNotVotable, errors.DotBudgetExceeded,
    errors.DotsPerCardExceeded, errors.DotsChanged, errors.WorkshopFull, errors.StorageFull, errors.StorageReadOnly,
)
ADDED = ("tr", "ar", "ru", "uk")
SCRIPTS = {  # letters each language must use somewhere, and letters it never uses
    "ar": (r"[\u0600-\u06ff]", r"[а-яё]"),
    "ru": (r"[а-яё]", r"[іїєґ]"),
    "uk": (r"[а-щьюяіїєґ]", r"[ыэъё]"),
    "tr": (r"[a-zçğıöşü]", r"[\u0600-\u06ffа-яё]"),
}


@pytest.fixture(scope="module")
def participant() -> set:
    return {(m.context, m.id) for m in catalogues.templates()["participant"] if m.id}


def _problem(action) -> str:
    with pytest.raises(errors.InvalidInput) as caught:
        action()
    return caught.value.params["problem"]


def test_what_a_phone_shows_is_in_the_participant_catalogue(participant):
    shown = [error.key for error in PARTICIPANT_ERRORS]
    shown += [*KIND_NAMES.values(), *KIND_HINTS.values(), *STEP_HEADINGS.values(), *STEP_WAITING.values()]
    shown += [word for _, word in MARKS["verdict"].values()]
    shown += [_problem(lambda: inputs.clean_card_text("x")),
              _problem(lambda: inputs.clean_card_text("x" * 10_000))]
    shown += ["Weiter", "Karte speichern", "Ihre Punkte für diese Karte"]  # from the templates
    assert sorted(str(text) for text in shown if unmark(text) not in participant) == []


def test_console_texts_stay_out_of_the_participant_catalogue(participant):
    """A translator of Turkish sees only what a phone shows, not the task force's 500 texts."""
    assert (None, "Eingabe sperren") not in participant
    assert unmark(errors.WrongPin.key) not in participant
    assert 100 < len(participant) < 200


@pytest.mark.parametrize("lang", ADDED)
def test_every_participant_text_is_written_in_its_language(lang):
    catalog = catalogues.read(lang, "participant")
    uses, never = SCRIPTS[lang]
    for message in catalog:
        if not message.id:
            continue
        german = message.id if isinstance(message.id, str) else message.id[0]
        for text in ([message.string] if isinstance(message.string, str) else message.string):
            assert not re.search(never, text.lower()), f"[{lang}] letters of another language: {text}"
            if re.search(r"[^\W\d_]{3}", re.sub(r"\{\w+\}", "", german)):  # has words, not just a symbol
                assert re.search(uses, text.lower()), (lang, german, text)


def test_a_language_a_text_lacks_falls_back_to_german():
    assert t("Eingabe sperren", "tr") == t("Eingabe sperren", "de") == "Eingabe sperren"
    assert t("Gespeichert: {level}", "ar", level="x") == "تم الحفظ: x"
    assert t("Ihre Bewertung: {field}", "uk", field="X").startswith("Ваша оцінка")


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
