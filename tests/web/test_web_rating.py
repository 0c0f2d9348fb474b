"""Rating on a phone: the stored level is what the screen shows; every bad level, field or
moment is refused with the scale named and nothing stored."""

from __future__ import annotations

import pytest

from tests.web import pages
from tests.web.conftest import Phone, new_phone
from werkstatt.i18n import t


@pytest.fixture
def rater(app, web, rating_workshop) -> Phone:
    return new_phone(app, web, rating_workshop)


def test_a_rating_is_stored_and_the_screen_shows_it_checked_and_saved(app, rater):
    form = pages.form_values(pages.rating_form(rater.screen(), "management"))
    assert form == {"field": "management"}  # nothing checked yet
    answer = rater.post("rating", {**form, "level": "3"})
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/p/{rater.token}#field-management"
    page = rater.follow(answer)
    assert pages.checked_level(page, "management") == "3"
    saved = t("Gespeichert: {level}", "de", level="gut unterwegs")
    assert pages.rating_message(page, "management") == f"✓ {saved}"
    assert pages.checked_level(page, "oeffnung") is None
    assert app.my_ratings(rater.token) == {"management": 3}


def test_a_second_rating_replaces_the_first(app, rater):
    rater.rate("management", 3)
    rater.rate("management", "dont_know")
    page = rater.screen()
    assert pages.checked_level(page, "management") == "dont_know"
    saved = t("Gespeichert: {level}", "de", level="kann ich nicht einschätzen")
    assert saved in pages.rating_message(page, "management")
    assert app.my_ratings(rater.token) == {"management": None}


def test_all_fields_rated_says_so_only_once_all_are(app, rater, rating_workshop):
    fields = app.fieldset(rating_workshop).field_ids
    for field in fields[:-1]:
        assert rater.rate(field, 2).status_code == 303
    assert t("Alle Felder bewertet – danke! Sie können Ihre Antworten noch ändern, solange die "
             "Bewertung offen ist.", "de") not in pages.success_text(rater.screen())
    assert rater.rate(fields[-1], 4).status_code == 303
    assert t("Alle Felder bewertet – danke! Sie können Ihre Antworten noch ändern, solange die "
             "Bewertung offen ist.", "de") in pages.success_text(rater.screen())


@pytest.mark.parametrize("level", ["9", "0", "abc", "", "3.0", "-1"])
def test_a_level_off_the_scale_is_refused_with_the_levels_named_and_nothing_stored(app, rater, level):
    rater.rate("management", 2)
    answer = rater.rate("management", level)
    assert answer.status_code == 422
    message = pages.rating_message(answer, "management")
    assert "1, 2, 3, 4" in message
    assert message == t("„{level}“ ist keine Stufe der Skala. Erlaubt sind {levels} oder „kann ich "
                        "nicht einschätzen“.", "de", level=level, levels="1, 2, 3, 4")
    assert pages.checked_level(answer, "management") == "2"  # what is stored, not what was sent
    assert app.my_ratings(rater.token) == {"management": 2}


def test_a_rating_for_an_unknown_field_is_refused_and_nothing_stored(app, rater):
    answer = rater.rate("mondlandung", 3)
    assert answer.status_code == 422
    assert app.my_ratings(rater.token) == {}


def test_a_rating_for_an_unknown_field_says_which_field(rater):
    answer = rater.rate("mondlandung", 3)
    assert t("Das Handlungsfeld „{field}“ gehört nicht zu diesem Workshop.", "de", field="mondlandung") in pages.error_text(answer)


def test_a_rating_sent_while_the_rating_is_locked_is_refused_and_says_why(app, rater, rating_workshop):
    rater.rate("management", 1)
    app.lock_input(rating_workshop.id, True)
    page = rater.screen()
    assert not pages.rating_open(page, "management")
    assert t("Die Bewertung ist gerade gesperrt. Ihre gespeicherten Antworten bleiben erhalten.", "de") in pages.info_text(page)

    answer = rater.rate("management", 4)
    assert answer.status_code == 422
    assert pages.rating_message(answer, "management") == t("Die Bewertung ist gerade nicht geöffnet. "
                                                           "Ihre gespeicherten Antworten bleiben "
                                                           "erhalten.", "de")
    assert pages.checked_level(answer, "management") == "1"
    assert app.my_ratings(rater.token) == {"management": 1}


def test_a_rating_sent_after_a_locking_timer_ran_out_is_refused(app, clock, rater, rating_workshop):
    app.start_timer(rating_workshop.id, 0.5, lock_at_end=True)
    clock.advance(seconds=31)
    answer = rater.rate("management", 4)
    assert answer.status_code == 422
    assert pages.rating_message(answer, "management") == t("Die Bewertung ist gerade nicht geöffnet. "
                                                           "Ihre gespeicherten Antworten bleiben "
                                                           "erhalten.", "de")
    assert app.my_ratings(rater.token) == {}


@pytest.mark.parametrize("step", ["checkin", "results", "cards"])
def test_a_rating_sent_when_the_rating_step_is_not_live_is_refused_and_nothing_stored(
        app, rater, rating_workshop, step):
    page = rater.screen()  # the rating form, still open on the phone
    app.set_live_step(rating_workshop.id, step)
    answer = rater.post("rating", {**pages.form_values(pages.rating_form(page, "management")), "level": "3"})
    assert answer.status_code == 422
    assert pages.step_shown(answer) == step  # the screen of the step that is live now
    assert app.my_ratings(rater.token) == {}


@pytest.mark.parametrize("step", ["checkin", "results"])
def test_a_rating_sent_when_the_rating_step_is_not_live_says_why(app, rater, rating_workshop, step):
    app.set_live_step(rating_workshop.id, step)
    answer = rater.rate("management", 3)
    assert t("Die Bewertung ist gerade nicht geöffnet. Ihre gespeicherten Antworten bleiben erhalten.", "de") in pages.error_text(answer)
