"""A presenter's clicker on the console, in a real browser: Page Down (or →) moves on after a
one-second banner that Escape or its button cancels; Page Up (or ←) asks before going back;
group work without groups asks first; the clicker never closes the workshop; keys typed into
a field stay there. What the room sees is checked through the service (the live step).
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_console_fit import open_console

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
BANNER = ".ws-clicker-banner"


@pytest.fixture
def console(new_context, werkstatt):
    """``console("rating")``: a fresh workshop in that step, its console open at 1366 × 768."""

    def run(step: str, viewport: dict = LAPTOP):
        workshop = werkstatt.create_workshop(title="Fernbedienung", municipality="Musterstadt",
                                             facilitator_pin=PIN)
        token = werkstatt.facilitator_login(workshop.join_code, PIN)
        if step != "checkin":
            werkstatt.set_live_step(workshop.id, step)
        return workshop, open_console(new_context(viewport), token)

    return run


def live_step(werkstatt, workshop) -> str:
    return werkstatt.workshop(workshop.id).live_step


def wait_for_step(werkstatt, workshop, step: str, seconds: float = 10) -> float:
    """Seconds until the service holds ``step`` as the live step."""
    start = time.monotonic()
    while live_step(werkstatt, workshop) != step:
        assert time.monotonic() - start < seconds, f"still {live_step(werkstatt, workshop)!r}, not {step!r}"
        time.sleep(0.05)
    return time.monotonic() - start


def stays(werkstatt, workshop, step: str, seconds: float = 2.0) -> None:
    """The live step is still ``step`` well after the banner's second would have run out."""
    time.sleep(seconds)
    assert live_step(werkstatt, workshop) == step


def banner(page: Page):
    return page.locator(BANNER).filter(visible=True)


@pytest.mark.parametrize("key", ["PageDown", "ArrowRight"])
def test_page_down_moves_on_after_a_one_second_banner(console, werkstatt, artifacts, key):
    workshop, page = console("rating")
    page.keyboard.press(key)
    pressed = time.monotonic()
    expect(banner(page)).to_have_text("Weiter zu „Ergebnis“ in 1 sAbbrechen (Esc)")
    assert live_step(werkstatt, workshop) == "rating"  # not yet: the banner gives a second to cancel
    if key == "PageDown":
        page.screenshot(path=artifacts / "console-clicker-banner.png")
    wait_for_step(werkstatt, workshop, "results")
    moved_after = time.monotonic() - pressed
    assert moved_after >= 0.9, f"moved {moved_after:.2f} s after the key: the banner had no second"
    print(f"\n[e2e] {key}: the step moved {moved_after:.2f} s after the key")
    expect(page.get_by_role("heading", name="Jetzt live: Ergebnis")).to_be_visible()
    expect(banner(page)).to_have_count(0)


def test_escape_cancels_the_move(console, werkstatt):
    workshop, page = console("rating")
    page.keyboard.press("PageDown")
    expect(banner(page)).to_be_visible()
    page.keyboard.press("Escape")
    expect(banner(page)).to_have_count(0)
    stays(werkstatt, workshop, "rating")


def test_the_banners_button_cancels_the_move(console, werkstatt):
    workshop, page = console("rating")
    page.keyboard.press("PageDown")
    page.get_by_role("button", name="Abbrechen (Esc)").click()
    expect(banner(page)).to_have_count(0)
    stays(werkstatt, workshop, "rating")


@pytest.mark.parametrize("key", ["PageUp", "ArrowLeft"])
def test_page_up_asks_before_going_back(console, werkstatt, artifacts, key):
    workshop, page = console("results")
    page.keyboard.press(key)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Einen Schritt zurück?")
    expect(dialog).to_contain_text("Beamer und Tablets wechseln dann zurück zu „Bewertung“.")
    if key == "PageUp":
        page.screenshot(path=artifacts / "console-clicker-back.png")
    stays(werkstatt, workshop, "results", seconds=1.5)

    dialog.get_by_role("button", name="Abbrechen").click()
    expect(dialog).to_have_count(0)
    stays(werkstatt, workshop, "results", seconds=0.5)

    page.keyboard.press(key)
    dialog.get_by_role("button", name="Ja, zurück zu „Bewertung“").click()
    wait_for_step(werkstatt, workshop, "rating")
    expect(page.get_by_role("heading", name="Jetzt live: Bewertung")).to_be_visible()
    expect(dialog).to_have_count(0)


def test_page_down_into_group_work_without_groups_asks_first(console, werkstatt, artifacts):
    workshop, page = console("results")
    page.keyboard.press("PageDown")
    expect(banner(page)).to_contain_text("Weiter zu „Gruppenarbeit“ in 1 s")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Ohne Gruppen beginnen?")
    page.screenshot(path=artifacts / "console-no-groups-question.png")
    assert live_step(werkstatt, workshop) == "results"
    dialog.get_by_role("button", name="Eine Gruppe je Handlungsfeld anlegen und starten").click()
    wait_for_step(werkstatt, workshop, "cards")
    fields = werkstatt.fieldset(werkstatt.workshop(workshop.id)).fields
    assert [group.field_ids for group in werkstatt.groups(workshop.id)] == [(field.id,) for field in fields]


def test_the_clicker_never_closes_the_workshop(console, werkstatt, artifacts):
    workshop, page = console("ranking")
    page.keyboard.press("PageDown")
    expect(banner(page)).to_have_text(
        "Den Workshop beenden Sie mit der Schaltfläche „Workshop beenden“.")
    page.screenshot(path=artifacts / "console-clicker-final.png")
    stays(werkstatt, workshop, "ranking")
    page.get_by_text("Ja, ich möchte den Workshop endgültig beenden.").click()  # even once confirmed
    expect(page.get_by_role("button", name="Workshop beenden")).to_be_enabled()
    page.locator("body").press("PageDown")
    stays(werkstatt, workshop, "ranking")


def test_keys_typed_into_a_field_stay_there(console, werkstatt):
    workshop, page = console("rating", DESKTOP)
    minutes = page.get_by_label("Minuten")
    minutes.click()
    for key in ("PageDown", "ArrowRight", "PageUp", "ArrowLeft"):
        page.keyboard.press(key)
    expect(page.locator(BANNER).filter(visible=True)).to_have_count(0)
    expect(page.get_by_role("dialog")).to_have_count(0)
    stays(werkstatt, workshop, "rating")


def test_the_clicker_works_on_the_other_tabs_too(console, werkstatt):
    workshop, page = console("rating")
    page.get_by_role("tab", name="Karten moderieren").click()
    expect(page.get_by_role("heading", name="Jetzt live:")).to_have_count(0)
    page.locator(".ws-clicker").wait_for(state="attached")
    page.keyboard.press("ArrowRight")  # the focus is on the tab: its arrow keys are its own
    expect(page.get_by_role("tab", name="Taskforce & Selbstcheck")).to_be_focused()
    expect(banner(page)).to_have_count(0)
    page.keyboard.press("PageDown")  # a page key is the clicker's
    expect(banner(page)).to_be_visible()
    wait_for_step(werkstatt, workshop, "results")
