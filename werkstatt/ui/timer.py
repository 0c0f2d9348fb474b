"""The countdown that the projector and the console show while a timer runs.

The server sends the seconds left when the page renders; a few lines of
JavaScript count down from there in the browser. So the clock ticks every
second without a single rerun, and a laptop whose clock is wrong still shows
the right time. Only numbers and catalogue texts go into this HTML, never
anything a person typed (it is the one place that runs script).
"""

from __future__ import annotations

import html
import json
import secrets

import streamlit as st

from werkstatt.i18n import t
from werkstatt.service import Workshop

_SCRIPT = """
<script>
(() => {
  const box = document.getElementById("BOX_ID");
  const end = performance.now() + Number(box.dataset.left) * 1000;
  const out = box.querySelector(".ws-timer-time");
  const done = JSON.parse(box.dataset.done);
  const tick = () => {
    if (!document.body.contains(box)) { clearInterval(timer); return; }
    const left = Math.max(0, Math.round((end - performance.now()) / 1000));
    out.textContent = String(Math.floor(left / 60)).padStart(2, "0") + ":" +
      String(left % 60).padStart(2, "0");
    if (left === 0) {
      box.classList.add("ws-timer-over");
      box.querySelector(".ws-timer-note").textContent = done;
    }
  };
  const timer = setInterval(tick, 1000);
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


def countdown(workshop: Workshop, now, lang: str, large: bool = False) -> None:
    """Show the time left, or nothing when no timer runs."""
    left = workshop.timer_left(now)
    if left is None:
        return
    minutes, seconds = divmod(round(left), 60)
    note = t("Restzeit – bei null wird gesperrt", lang) if workshop.timer_locks else t("Restzeit", lang)
    done = (t("Die Zeit ist um – Eingabe gesperrt", lang) if workshop.timer_locks
            else t("Die Zeit ist um", lang))
    box_id = f"ws-timer-{secrets.token_hex(4)}"
    st.html(
        CSS
        + f'<div id="{box_id}" class="ws-timer{" large" if large else ""}" role="timer"'
        f' data-left="{left:.0f}"'
        f' data-done="{html.escape(json.dumps(done))}">'
        f'<span class="ws-timer-time">{minutes:02d}:{seconds:02d}</span>'
        f'<span class="ws-timer-note">{html.escape(note if left else done)}</span></div>'
        + _SCRIPT.replace("BOX_ID", box_id),
        unsafe_allow_javascript=True,
    )
