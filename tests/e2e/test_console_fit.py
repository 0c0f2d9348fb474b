"""The console fits a laptop: at 1366 × 768 (the most common office laptop) and 1280 × 720, without
scrolling, the facilitator sees the live step, the next step's button, the lock and the timer,
at every step of the agenda; and no step button's label is cut ("Gruppenarbeit sta…").

Each workshop is set up through the service; the console is opened at the top, as a facilitator
finds it, and every control's box must lie inside the window. The measured positions are printed
and a screenshot of each case lands in the artifacts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import APP_IDLE, settle
from werkstatt import agenda

pytestmark = pytest.mark.browser

LAPTOPS = {"1366x768": {"width": 1366, "height": 768}, "1280x720": {"width": 1280, "height": 720}}


@dataclass(frozen=True)
class Case:
    step: str
    locked: bool = False
    timer: bool = False


# The tallest states: a running timer and a locked step (two more rows), the warning before group
# work without groups (after "Ergebnis").
CASES = {
    "checkin": Case("checkin"),
    "rating-locked-timer": Case("rating", locked=True, timer=True),
    "results": Case("results"),
    "cards-timer": Case("cards", timer=True),
    "voting": Case("voting"),
    "ranking": Case("ranking"),
}

# Every element inside a step button whose content is wider than its box (a cut label).
CUT_LABELS = """() => [...document.querySelectorAll('.st-key-step_buttons button')].flatMap(button =>
  [button, ...button.querySelectorAll('*')]
    .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth)
    .map(e => `${button.innerText.trim()}: ${e.tagName} ${e.scrollWidth} > ${e.clientWidth}`))"""


def open_console(context: BrowserContext, token: str) -> Page:
    """The console at its top, its script run finished and the clicker in place."""
    page = context.new_page()
    page.goto(f"/moderation?f={token}")
    expect(page.get_by_role("heading", name="Jetzt live:")).to_be_visible()
    page.locator(".ws-clicker").wait_for(state="attached")
    page.locator(APP_IDLE).wait_for()
    settle(page)
    return page


def fully_in_view(page: Page, locator, what: str) -> dict:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    size = page.viewport_size
    assert box["x"] >= 0 and box["y"] >= 0, f"{what} starts outside the window: {box}"
    assert box["x"] + box["width"] <= size["width"] and box["y"] + box["height"] <= size["height"], \
        f"{what} ends below or beside the window {size}: {box}"
    return box


@pytest.mark.parametrize("laptop", LAPTOPS)
@pytest.mark.parametrize("case", CASES)
def test_the_console_shows_the_steps_lock_and_timer_without_scrolling(new_context, werkstatt, artifacts,
                                                                      case, laptop):
    setup = CASES[case]
    workshop = werkstatt.create_workshop(title="Selbstcheck Weltoffene Kommune", municipality="Musterstadt",
                                         facilitator_pin=PIN, date="2026-11-23",
                                         place="Rathaus, Großer Saal")
    token = werkstatt.facilitator_login(workshop.join_code, PIN)
    werkstatt.set_live_step(workshop.id, setup.step)
    if setup.timer:
        werkstatt.start_timer(workshop.id, 10, lock_at_end=True)
    if setup.locked:
        werkstatt.lock_input(workshop.id, True)
    page = open_console(new_context(LAPTOPS[laptop]), token)
    assert page.get_by_test_id("stMain").evaluate("main => main.scrollTop") == 0

    step = agenda.step(setup.step)
    following = agenda.next_step(setup.step)
    boxes = {
        "live": fully_in_view(page, page.get_by_role("heading", name="Jetzt live:"), "'Jetzt live'"),
        "next": fully_in_view(page, page.locator(f".st-key-go_{following.id} button"),
                              f"the button of the next step ({following.id})"),
        "timer": fully_in_view(page, page.get_by_role("button", name="Timer starten"), "'Timer starten'"),
        "minutes": fully_in_view(page, page.get_by_label("Minuten"), "the timer's minutes"),
        "projector": fully_in_view(page, page.get_by_role("link", name="Beamer-Ansicht öffnen"),
                                   "'Beamer-Ansicht öffnen'"),
    }
    if step.takes_input:
        lock = page.locator(".st-key-unlock_input button" if setup.locked else ".st-key-lock_input button")
        boxes["lock"] = fully_in_view(page, lock, "the lock")
    if setup.timer:
        boxes["countdown"] = fully_in_view(page, page.locator(".ws-timer"), "the countdown")
        boxes["stop"] = fully_in_view(page, page.get_by_role("button", name="Timer anhalten"),
                                      "'Timer anhalten'")
    if setup.step == agenda.FIRST_STEP:  # while people arrive, the QR code is shown in full
        boxes["qr"] = fully_in_view(page, page.get_by_role("img", name="QR-Code mit dem Link zur Teilnahme"),
                                    "the QR code")

    assert page.evaluate(CUT_LABELS) == []
    labels = page.locator(".st-key-step_buttons button").all_inner_texts()
    assert [label.strip() for label in labels] == [step.button for step in agenda.STEPS]

    page.screenshot(path=artifacts / f"console-{case}-{laptop}.png")
    print(f"\n[e2e] console {case} at {laptop}: " + ", ".join(
        f"{name} y={box['y']:.0f}–{box['y'] + box['height']:.0f}" for name, box in boxes.items()))
