"""Joining: the code form, the join form, a double tap, an old bookmark, a full workshop."""

from __future__ import annotations

import re

import pytest

from tests.web import pages
from tests.web.conftest import join_over_http, token_of
from werkstatt.i18n import t


def participants(app, workshop) -> int:
    return app.progress(workshop.id).participants


def test_the_code_form_opens_at_teilnehmen(web):
    page = web.get("/teilnehmen")
    assert page.status_code == 200
    assert pages.code_box(page) == ""
    assert pages.error_text(page) == ""


def test_a_join_makes_one_participant_and_lands_on_their_screen(app, web, workshop):
    answer = join_over_http(web, workshop.join_code, sector="politik")
    assert answer.status_code == 303
    token = token_of(answer)
    joined = app.participant(token)
    assert (joined.workshop_id, joined.sector) == (workshop.id, "politik")
    assert participants(app, workshop) == 1
    assert web.get(answer.headers["location"]).status_code == 200


def test_the_same_join_form_sent_twice_makes_one_participant_and_both_answers_lead_to_the_same_screen(
        app, web, workshop):
    page = web.get("/teilnehmen", params={"code": workshop.join_code})
    form = pages.form_values(pages.join_form(page))
    first = web.post("/teilnehmen/beitreten", data=form)
    again = web.post("/teilnehmen/beitreten", data=form)  # a double tap, or a reload resending it
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    assert participants(app, workshop) == 1


def test_two_join_forms_make_two_participants(app, web, other_browser, workshop):
    """The join key is per form: two people opening the page get two participants."""
    one = token_of(join_over_http(web, workshop.join_code))
    two = token_of(join_over_http(other_browser, workshop.join_code))
    assert one != two
    assert participants(app, workshop) == 2


def test_a_device_that_joined_sees_weiter_zu_meinen_antworten_on_the_join_page(web, other_browser, workshop):
    token = token_of(join_over_http(web, workshop.join_code))
    page = web.get("/teilnehmen", params={"code": workshop.join_code})
    link = pages.continue_link(page)
    assert link is not None and link.text == "Weiter zu meinen Antworten"
    assert link.get("href") == f"/p/{token}"
    # A device that did not join (no cookie) is not offered someone else's answers.
    assert pages.continue_link(other_browser.get("/teilnehmen", params={"code": workshop.join_code})) is None


def test_an_old_bookmark_with_t_redirects_to_the_participant_screen(web, phone):
    answer = web.get("/teilnehmen", params={"t": phone.token})
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/p/{phone.token}"
    assert web.get("/teilnehmen", params={"t": phone.token, "lang": "tr"}).headers["location"] == \
        f"/p/{phone.token}?lang=tr"


@pytest.mark.parametrize("typed", ["{lower}", " {lower} ", "{lower_spaced}", "  {upper}"])
def test_a_code_in_lower_case_or_with_spaces_finds_the_workshop(web, workshop, typed):
    code = workshop.join_code
    entered = typed.format(lower=code.lower(), upper=code,
                           lower_spaced=f"{code[:3].lower()} {code[3:].lower()}")
    page = web.get("/teilnehmen", params={"code": entered})
    assert page.status_code == 200, pages.error_text(page)
    assert pages.join_form(page) is not None
    assert pages.join_form(page).find("input", name="code").get("value") == code
    assert workshop.title in pages.visible_text(page)


def test_an_unknown_code_gets_404_with_the_german_message_and_the_typed_code_kept(app, web, workshop):
    page = web.get("/teilnehmen", params={"code": "ZZZ999"})
    assert page.status_code == 404
    assert "Zum Code „ZZZ999“ gibt es keinen offenen Workshop" in pages.error_text(page)
    assert pages.code_box(page) == "ZZZ999"
    assert pages.join_form(page) is None


def test_an_unknown_code_sent_with_the_join_form_gets_404_and_nobody_joins(app, web, workshop):
    answer = web.post("/teilnehmen/beitreten", data={"code": "ZZZ999", "join_key": "k1"})
    assert answer.status_code == 404
    assert "ZZZ999" in pages.error_text(answer)
    assert pages.code_box(answer) == "ZZZ999"
    assert participants(app, workshop) == 0


@pytest.mark.parametrize("code", ["", "   "])
def test_an_empty_code_gets_its_own_message(web, code):
    page = web.get("/teilnehmen", params={"code": code})
    assert page.status_code == 422
    assert t("Bitte geben Sie den Code vom Beamer ein.", "de") in pages.error_text(page)
    assert "keinen offenen Workshop" not in pages.error_text(page)
    assert pages.code_box(page) == ""


def test_a_closed_workshop_cannot_be_joined(app, web, workshop):
    page = web.get("/teilnehmen", params={"code": workshop.join_code})
    form = pages.form_values(pages.join_form(page))
    app.set_live_step(workshop.id, "closed")
    answer = web.post("/teilnehmen/beitreten", data=form)
    assert answer.status_code == 404
    assert workshop.join_code in pages.error_text(answer)
    assert participants(app, workshop) == 0


def test_the_join_beyond_the_cap_is_refused_with_workshop_full_and_nobody_is_stored(app, web, workshop):
    app.set_participant_cap(workshop.id, 3)
    for _ in range(3):
        app.join(workshop.join_code)
    answer = join_over_http(web, workshop.join_code, sector="politik")
    assert answer.status_code == 422
    assert "Dieser Workshop ist voll (3 Geräte sind dabei). Bitte sprechen Sie die Moderation an." \
        in pages.error_text(answer)
    assert participants(app, workshop) == 3
    # The form is still there, with the sector chosen, for when the facilitator raises the cap.
    assert pages.join_form(answer) is not None
    assert pages.form_values(pages.join_form(answer))["sector"] == "politik"


def test_an_unknown_sector_is_refused_and_nobody_joins(app, web, workshop):
    answer = join_over_http(web, workshop.join_code, sector="geheimdienst")
    assert answer.status_code == 422
    assert "geheimdienst" in pages.error_text(answer)
    assert participants(app, workshop) == 0


# --- a group's link (g=) -------------------------------------------------------------------


def test_a_groups_link_places_the_person_in_that_group(app, web, cards_workshop):
    group = app.add_group(cards_workshop.id, "Rathaus", ["management"])
    page = web.get("/teilnehmen", params={"code": cards_workshop.join_code, "g": str(group.id)})
    assert "Rathaus" in pages.visible_text(page)
    answer = web.post("/teilnehmen/beitreten", data=pages.form_values(pages.join_form(page)))
    assert app.participant(token_of(answer)).group_id == group.id


@pytest.fixture
def foreign_group(app, cards_workshop):
    """A group of another workshop (its id is a real group id, just not this workshop's)."""
    other = app.create_workshop(title="Anderswo", municipality="Nachbarstadt", facilitator_pin="4711")
    app.add_group(cards_workshop.id, "Eigene Gruppe", ["management"])
    return app.add_group(other.id, "Fremde Gruppe", ["arbeit"])


@pytest.mark.parametrize("forged", ["foreign", "abc", "-1"])
def test_a_forged_group_on_the_join_page_says_so_and_offers_a_plain_join(app, web, cards_workshop,
                                                                        foreign_group, forged):
    group = str(foreign_group.id) if forged == "foreign" else forged
    page = web.get("/teilnehmen", params={"code": cards_workshop.join_code, "g": group})
    assert t("Diese Gruppe gibt es in diesem Workshop nicht (mehr).", "de") in pages.error_text(page)
    assert "Fremde Gruppe" not in pages.visible_text(page)
    assert "g" not in pages.form_values(pages.join_form(page))


@pytest.mark.parametrize("forged", ["foreign", "abc", "-1"])
def test_a_forged_group_in_the_join_form_is_refused_and_nobody_joins(app, web, cards_workshop,
                                                                    foreign_group, forged):
    group = str(foreign_group.id) if forged == "foreign" else forged
    answer = web.post("/teilnehmen/beitreten",
                      data={"code": cards_workshop.join_code, "join_key": "k1", "g": group})
    assert answer.status_code == 422
    assert t("Diese Gruppe gibt es in diesem Workshop nicht (mehr).", "de") in pages.error_text(answer)
    assert participants(app, cards_workshop) == 0
    assert app.groups(cards_workshop.id)[0].members == 0


def test_the_code_form_is_a_get_form_that_leads_to_the_join_form(web, workshop):
    """No POST needed to find a workshop: the code form sends ``?code=`` (and the language)."""
    form = re.search(r'<form method="get" action="/teilnehmen"', web.get("/teilnehmen?lang=tr").text)
    assert form is not None
    answer = web.get("/teilnehmen", params={"code": f" {workshop.join_code.lower()} ", "lang": "tr"})
    assert answer.status_code == 200 and workshop.join_code in answer.text
    assert web.post("/teilnehmen", data={"code": workshop.join_code}).status_code == 405
