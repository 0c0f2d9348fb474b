"""A server crash mid-workshop: every participant lands back on their own stored answers,
and text typed but not yet sent is still on the phone.

The server is killed with SIGKILL (``crash_and_restart``) and started again on the same
database. What was stored comes back from the server; what was only typed comes back from
the phone's own storage (``werkstatt.js`` keeps a card draft in ``localStorage`` until the
server has stored it).

Its own module, so its own server: killing it cannot disturb the other browser tests.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.conftest import PIN
from tests.e2e.conftest import (
    crash_and_restart,
    join,
    no_horizontal_scroll,
    open_participant,
    phone_screenshot,
    step_heading,
)
from tests.e2e.test_live_workshop import (
    FIELDS,
    choices_for,
    expect_ratings_shown,
    expect_results_with_my_answers,
    rate,
    rate_all,
)
from tests.e2e.test_participant_client import card_form, card_text, my_card, my_cards_heading, type_card

pytestmark = pytest.mark.browser


def test_a_phone_keeps_its_answers_through_a_server_crash(phone_context, werkstatt, app_server, artifacts):
    workshop = werkstatt.create_workshop(title="Absturz", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    phone = phone_context.new_page()
    token = join(phone, workshop.join_code, typed=False)
    choices = dict(list(choices_for(2).items())[:3])
    rate_all(phone, choices)
    no_horizontal_scroll(phone)

    crash_and_restart(app_server)

    # The address opened again (from the browser's history, say) shows what is stored ...
    again = open_participant(phone_context, token)
    expect(step_heading(again, "Ihre Einschätzung")).to_be_visible()
    expect_ratings_shown(again, choices)
    phone_screenshot(again, artifacts / "12_phone_after_server_restart.png")
    # ... and a tap after the restart is stored like any other.
    rate(again, FIELDS[5], "fest verankert")
    choices[FIELDS[5]] = "fest verankert"
    assert werkstatt.my_ratings(token)[werkstatt.fieldset(workshop).field_ids[5]] == 4

    # The page that stayed open through the crash reconnects by itself and follows the room again.
    werkstatt.set_live_step(workshop.id, "results")
    expect_results_with_my_answers(phone, choices)


def test_a_card_typed_but_not_sent_survives_a_server_crash(phone_context, werkstatt, app_server, artifacts):
    workshop = werkstatt.create_workshop(title="Absturz beim Schreiben", municipality="Musterstadt",
                                         facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "cards")
    page = phone_context.new_page()
    token = join(page, workshop.join_code, typed=False)
    expect(step_heading(page, "Gruppenarbeit: Ihre Karten")).to_be_visible()
    text = "Ein Willkommensbrief in sechs Sprachen für alle, die neu zuziehen"
    type_card(page, "Idee", text)

    # The server dies before the card is sent; the phone's browser tries to load the page
    # again and gets nothing (its error page replaces the screen, and the typed text with it).
    app_server.process.kill()
    app_server.process.wait(timeout=15)
    with pytest.raises(PlaywrightError):
        page.reload()
    expect(card_text(page)).to_have_count(0)
    # Chromium's error page reloads itself once the server answers again, which would race the
    # address typed below ("navigation interrupted by another navigation"): leave it first.
    page.goto("about:blank")

    crash_and_restart(app_server)  # already dead: this starts it again on the same file

    # The participant's address again: the text and the kind are back, from the phone itself.
    page.goto(f"/p/{token}")
    expect(step_heading(page, "Gruppenarbeit: Ihre Karten")).to_be_visible()
    expect(card_text(page)).to_have_value(text)
    expect(card_form(page).get_by_label("Idee", exact=True)).to_be_checked()
    expect(my_cards_heading(page, 0)).to_be_visible()
    assert werkstatt.my_cards(token) == []
    phone_screenshot(page, artifacts / "13_phone_draft_after_server_restart.png")

    # One tap sends it, and now it is stored.
    card_form(page).get_by_role("button", name="Karte speichern").click()
    expect(page.get_by_text("Gespeichert: Ihre Karte „Idee“.")).to_be_visible()
    expect(my_cards_heading(page, 1)).to_be_visible()
    expect(my_card(page, text)).to_contain_text("Idee · Management und Steuerung")
    assert [(c.kind, c.text) for c in werkstatt.my_cards(token)] == [("idea", text)]
    # Stored, the draft is gone: a new tab starts with an empty box (no second card by mistake).
    fresh = open_participant(phone_context, token)
    expect(my_cards_heading(fresh, 1)).to_be_visible()
    expect(card_text(fresh)).to_have_value("")
