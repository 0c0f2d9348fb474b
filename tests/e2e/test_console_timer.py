"""The console's countdown reaches 00:00 when the server locks the input, not after: the page
carries the milliseconds left and the server's clock, and the browser takes off the time the
page took to arrive (browser and server share this machine's clock here)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import PIN
from tests.e2e.test_console_fit import open_console

pytestmark = pytest.mark.browser

# Notes (browser clock, ms) when a countdown on the page first reads 00:00, at the change itself.
WATCH_ZERO = """() => {
  window.__wsZeroAt = null;
  new MutationObserver(() => {
    if (window.__wsZeroAt === null &&
        [...document.querySelectorAll('.ws-timer-time')].some(e => e.textContent === '00:00'))
      window.__wsZeroAt = Date.now();
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""
EARLY_MS, LATE_MS = 150, 150  # timers and the event loop, not the delivery of the page


def test_the_console_countdown_reaches_zero_when_the_server_locks(new_context, werkstatt):
    workshop = werkstatt.create_workshop(title="Timer", municipality="Musterstadt", facilitator_pin=PIN)
    token = werkstatt.facilitator_login(workshop.join_code, PIN)
    werkstatt.set_live_step(workshop.id, "cards")
    page = open_console(new_context({"width": 1366, "height": 768}), token)
    page.evaluate(WATCH_ZERO)

    started = werkstatt.start_timer(workshop.id, 0.1, lock_at_end=True)  # 6 s, stored to the second
    end_ms = started.timer_ends_at.timestamp() * 1000
    expect(page.locator(".ws-timer")).to_be_visible()  # the console's poll brings it
    expect(page.locator(".ws-timer-time").first).to_have_text("00:00", timeout=15_000)
    lag = page.evaluate("window.__wsZeroAt") - end_ms
    print(f"\n[e2e] the console showed 00:00 {lag:+.0f} ms after the server's end of the timer")
    assert -EARLY_MS <= lag <= LATE_MS
    assert not werkstatt.workshop(workshop.id).input_open(werkstatt.now())
