"""The participant client on a phone whose browser runs no script: plain forms, a POST and a redirect.

Every participant action must work without ``werkstatt.js`` (``werkstatt.web``): a stored
form answers 303 to the screen that shows what is stored, a refused one 422 with the same
screen, its reason and everything typed. Without the script nothing follows the room by
itself, so the person loads the page again after the facilitator moves on (``reload``).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import join, no_horizontal_scroll, phone_screenshot, step_heading, token_of
from werkstatt.fieldsets import DEFAULT_FIELDSET, load

pytestmark = pytest.mark.browser

FIELDSET = load(DEFAULT_FIELDSET)
FIELD = FIELDSET.fields[0]
FIELD_TITLE = FIELD.title.get("de")


def rating_form(page: Page, field_title: str = FIELD_TITLE) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("group", name=f"Ihre Bewertung: {field_title}",
                                                            exact=True))


def card_form(page: Page) -> Locator:
    return page.locator("form#card-form")


def test_join_rate_write_and_vote_without_javascript(no_js_context, werkstatt, artifacts):
    workshop = werkstatt.create_workshop(title="Ohne Skript", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    page = no_js_context.new_page()

    # Join: the code form, then the sector, then the participant's own address.
    token = join(page, f" {workshop.join_code.lower()} ", "Wirtschaft")
    assert werkstatt.participant(token).sector == "wirtschaft"
    expect(step_heading(page, "Ihre Einschätzung")).to_be_visible()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bjs\b"))  # the script did not run
    phone_screenshot(page, artifacts / "40_nojs_rating.png")

    # Rate: pick a level, then the form's own button; the redirect shows what is stored.
    form = rating_form(page)
    form.get_by_label("erste Schritte", exact=True).check()
    form.get_by_role("button", name="Bewertung speichern").click()
    expect(page).to_have_url(re.compile(rf"/p/{token}#field-{FIELD.id}$"))
    expect(rating_form(page).get_by_role("status")).to_have_text("✓ Gespeichert: erste Schritte")
    expect(rating_form(page).get_by_label("erste Schritte", exact=True)).to_be_checked()
    assert werkstatt.my_ratings(token) == {FIELD.id: 2}
    # A change is a second POST of the same form.
    rating_form(page).get_by_label("kann ich nicht einschätzen", exact=True).check()
    rating_form(page).get_by_role("button", name="Bewertung speichern").click()
    expect(rating_form(page).get_by_role("status")).to_have_text("✓ Gespeichert: kann ich nicht einschätzen")
    assert werkstatt.my_ratings(token) == {FIELD.id: None}
    rating_form(page).scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "41_nojs_rated.png")

    # Cards: the facilitator moves on; the person loads the page again.
    werkstatt.set_live_step(workshop.id, "cards")
    page.reload()
    expect(step_heading(page, "Gruppenarbeit: Ihre Karten")).to_be_visible()
    # Too short: refused (422) with the reason, and the kind and the text are still in the form.
    card_form(page).get_by_label("Idee", exact=True).check()
    card_form(page).get_by_label("Zu welchem Thema?").select_option(label="Fairer Zugang und Teilhabe")
    card_form(page).get_by_label("Ihr Text (3 bis 500 Zeichen)").fill("ab")
    card_form(page).get_by_role("button", name="Karte speichern").click()
    expect(page.get_by_role("alert").filter(has_text="Das hat nicht geklappt")).to_be_visible()
    expect(card_form(page).get_by_label("Ihr Text (3 bis 500 Zeichen)")).to_have_value("ab")
    expect(card_form(page).get_by_label("Idee", exact=True)).to_be_checked()
    expect(card_form(page).get_by_label("Zu welchem Thema?")).to_have_value("zugang")
    assert werkstatt.my_cards(token) == []
    phone_screenshot(page, artifacts / "42_nojs_card_refused.png")

    text = "Formulare in Leichter Sprache anbieten"
    card_form(page).get_by_label("Ihr Text (3 bis 500 Zeichen)").fill(text)
    card_form(page).get_by_role("button", name="Karte speichern").click()
    expect(page.get_by_role("status").filter(has_text="Gespeichert: Ihre Karte „Idee“.")).to_be_visible()
    mine = page.get_by_role("region", name="Meine Karten (1)")
    expect(mine.locator(".ws-card-text")).to_have_text([text])
    expect(mine).to_contain_text("Idee · Fairer Zugang und Teilhabe")
    expect(card_form(page).get_by_label("Ihr Text (3 bis 500 Zeichen)")).to_have_value("")  # ready for the next
    assert [(c.kind, c.field_id, c.text) for c in werkstatt.my_cards(token)] == [("idea", "zugang", text)]
    phone_screenshot(page, artifacts / "43_nojs_card_stored.png")

    # Voting: two dots on the person's own card (an idea may take dots).
    card_id = werkstatt.my_cards(token)[0].id
    werkstatt.set_live_step(workshop.id, "voting")
    page.reload()
    expect(step_heading(page, "Punkte vergeben")).to_be_visible()
    expect(page.get_by_text("Noch 5 von 5 Punkten frei", exact=True)).to_be_visible()
    dots = page.locator(f'form[data-card="{card_id}"]')
    dots.get_by_role("radio", name="2", exact=True).check()
    dots.get_by_role("button", name="Punkte speichern").click()
    expect(page.get_by_text("Noch 3 von 5 Punkten frei", exact=True)).to_be_visible()
    expect(page.locator(f'form[data-card="{card_id}"]').get_by_role("radio", name="2", exact=True)).to_be_checked()
    assert werkstatt.my_dots(token) == {card_id: 2}
    assert token_of(page) == token
    no_horizontal_scroll(page)
    phone_screenshot(page, artifacts / "44_nojs_voted.png")
