"""A server crash mid-workshop: every participant lands back on their own stored answers.

Its own module, so its own server: killing it cannot disturb the other browser tests.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import PIN
from tests.e2e.conftest import crash_and_restart
from tests.e2e.test_live_workshop import FIELDS, choices_for, expect_ratings_shown, join_during_rating, rate_all

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_a_phone_keeps_its_answers_through_a_server_crash(new_context, werkstatt, app_server, artifacts):
    workshop = werkstatt.create_workshop(title="Absturz", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    phone = join_during_rating(new_context(PHONE), workshop.join_code)
    choices = dict(list(choices_for(2).items())[:3])
    rate_all(phone, choices)
    # No horizontal scrolling on a 360 px phone.
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

    crash_and_restart(app_server)

    # The link opened again (from the browser's history, say) shows what is stored ...
    again = phone.context.new_page()
    again.goto(phone.url)
    expect(again.get_by_role("heading", name="Ihre Einschätzung")).to_be_visible()
    expect_ratings_shown(again, choices)
    again.screenshot(path=artifacts / "12_phone_after_server_restart.png")
    # ... and a tap after the restart is stored like any other.
    rate_all(again, choices | {FIELDS[5]: "fest verankert"})
    token = phone.url.split("t=")[1]
    assert werkstatt.my_ratings(token)[werkstatt.fieldset(workshop).field_ids[5]] == 4

    # The page that stayed open through the crash reconnects by itself and follows the room again.
    werkstatt.set_live_step(workshop.id, "results")
    expect(phone.get_by_role("heading", name="Die Ergebnisse")).to_be_visible()
