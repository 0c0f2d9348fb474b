"""The countdown on the projector and on a phone reaches 00:00 when the server locks, not after.

Both count down in the browser from the milliseconds the server sent, counted from the moment
their request went out. So a screen may reach zero a little early (by the time the answer took),
never late: input must not lock while a screen still shows 00:01. The browser's clock and the
server's are this machine's one clock, so the moment a screen first shows 00:00 can be compared
with the stored end.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.conftest import PIN
from tests.e2e.conftest import PHONE, PROJECTOR

TICK_SECONDS = 0.3  # the screens redraw their countdown every 200 and 250 ms
# Every 20 ms: the first moment (server clock, via Date.now) that a countdown on the page reads 00:00.
WATCH_ZERO = """() => {
  window.zeroAt = null;
  setInterval(() => {
    if (window.zeroAt === null && [...document.querySelectorAll('.timer-time, .ws-timer-time')]
        .some(e => e.textContent.trim() === '00:00')) window.zeroAt = Date.now() / 1000;
  }, 20);
}"""


def test_projector_and_phone_reach_zero_when_the_input_locks(new_context, werkstatt):
    workshop = werkstatt.create_workshop(title="Countdown", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    token = werkstatt.join(workshop.join_code).token
    projector = new_context(PROJECTOR).new_page()
    projector.goto(f"/beamer?w={workshop.id}&code={workshop.join_code}")
    phone = new_context(PHONE).new_page()
    phone.goto(f"/p/{token}")
    expect(phone.locator("#main")).to_be_visible()
    for page in (projector, phone):
        page.evaluate(WATCH_ZERO)

    ends_at = werkstatt.start_timer(workshop.id, 0.1, lock_at_end=True).timer_ends_at.timestamp()
    for page, countdown in ((projector, ".timer-time"), (phone, ".ws-timer-time")):
        expect(page.locator(countdown)).to_have_text(re.compile(r"^00:0\d$"))
    for name, page in (("projector", projector), ("phone", phone)):
        zero_at = page.wait_for_function("() => window.zeroAt", timeout=15_000).json_value()
        early = ends_at - zero_at
        print(f"[e2e] {name} showed 00:00 {early:+.2f} s before the stored end")
        assert early >= -TICK_SECONDS, f"{name} reached zero {-early:.2f} s after the lock"
        assert early <= 1.5, f"{name} reached zero {early:.2f} s before the lock"
    expect(projector.locator(".step")).to_have_text("Bewertung · gesperrt")
