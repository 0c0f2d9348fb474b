"""The countdown that the console shows while a timer runs.

The server sends the milliseconds left and its own clock when the page renders;
a few lines of JavaScript count down from there in the browser, so the clock
ticks without a single rerun. The page reaches the browser a little after the
server rendered it: where the browser's clock agrees with the server's (within
``CLOCK_TOLERANCE_MS``), that delivery delay is taken off, and the display
(seconds rounded up) reaches 00:00 when the server locks the input, never after.
A laptop whose clock is wrong by more than that counts from the moment the page
arrived, as if the delay were nil. Only numbers and catalogue texts go into this
HTML, never anything a person typed (it is one of the few places that run script).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import secrets

import streamlit as st

from werkstatt.i18n import t
from werkstatt.service import Workshop

CLOCK_TOLERANCE_MS = 3000  # a larger difference between the clocks is a wrong clock, not a delay

_SCRIPT = """
<script>
(() => {
  const box = document.getElementById("BOX_ID");
  if (!box) return;
  const offset = Date.now() - Number(box.dataset.serverNow);
  // The time the page took to arrive, if the two clocks agree; a browser clock that is
  // behind the server's cannot tell the delay, and a negative one would end late.
  const delay = Math.abs(offset) < TOLERANCE ? Math.max(0, offset) : 0;
  const end = performance.now() + Number(box.dataset.leftMs) - delay;
  const out = box.querySelector(".ws-timer-time");
  const note = box.querySelector(".ws-timer-note");
  const done = JSON.parse(box.dataset.done);
  const tick = () => {
    if (!document.body.contains(box)) return;
    const ms = end - performance.now();
    const left = Math.max(0, Math.ceil(ms / 1000));
    out.textContent = String(Math.floor(left / 60)).padStart(2, "0") + ":" +
      String(left % 60).padStart(2, "0");
    if (left === 0) {
      box.classList.add("ws-timer-over");
      note.textContent = done;
      return;
    }
    // The next change is when the time left crosses the next whole second.
    setTimeout(tick, ms - (left - 1) * 1000);
  };
  tick();
})();
</script>
"""

CSS = """
<style>
.ws-timer { display: inline-flex; align-items: baseline; gap: 0.8rem; padding: 0.3rem 1rem;
  border: 3px solid #0b5cad; border-radius: 0.6rem; background: #fff; color: #111; }
.ws-timer-time { font-family: "DejaVu Sans Mono", monospace; font-weight: 800; font-size: 1.8rem; }
.ws-timer-note { font-size: 1.05rem; }
.ws-timer.large .ws-timer-time { font-size: 4rem; }
.ws-timer.large .ws-timer-note { font-size: 1.6rem; }
.ws-timer-over { border-color: #b3261e; }
</style>
"""


def countdown(workshop: Workshop, now: dt.datetime, lang: str, large: bool = False) -> None:
    """Show the time left, or nothing when no timer runs. ``now`` is the service's clock."""
    box = countdown_html(workshop, now, lang, large)
    if box is not None:
        st.html(box, unsafe_allow_javascript=True)


def countdown_html(workshop: Workshop, now: dt.datetime, lang: str, large: bool = False) -> str | None:
    """The countdown's HTML and script, None without a timer: the milliseconds left (rounded
    down) and the server's clock in epoch milliseconds, the first display rounded up."""
    if workshop.timer_ends_at is None:
        return None
    left_ms = max(0, math.floor((workshop.timer_ends_at - now) / dt.timedelta(milliseconds=1)))
    minutes, seconds = divmod(math.ceil(left_ms / 1000), 60)
    note = t("Restzeit – bei null wird gesperrt", lang) if workshop.timer_locks else t("Restzeit", lang)
    done = (t("Die Zeit ist um – Eingabe gesperrt", lang) if workshop.timer_locks
            else t("Die Zeit ist um", lang))
    box_id = f"ws-timer-{secrets.token_hex(4)}"
    return (
        CSS
        + f'<div id="{box_id}" class="ws-timer{" large" if large else ""}" role="timer"'
        f' data-left-ms="{left_ms}" data-server-now="{math.floor(now.timestamp() * 1000)}"'
        f' data-done="{html.escape(json.dumps(done))}">'
        f'<span class="ws-timer-time">{minutes:02d}:{seconds:02d}</span>'
        f'<span class="ws-timer-note">{html.escape(note if left_ms else done)}</span></div>'
        + _SCRIPT.replace("BOX_ID", box_id).replace("TOLERANCE", str(CLOCK_TOLERANCE_MS))
    )
