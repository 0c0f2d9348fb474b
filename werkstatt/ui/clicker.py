"""A presenter's clicker on the console: Page Down (or →) moves the agenda on, Page Up (or ←) asks
to go back.

A clicker is a little keyboard: it sends Page Down and Page Up, some send the arrow keys. A
press must never move the room by surprise, so

- Page Down shows a banner, "Weiter zu „…“ in 1 s", with a cancel button (Escape cancels too),
  and only after that second clicks the hidden "next" button; the server then checks that the
  live step is still the one the banner was shown in. Group work without groups asks first,
  as the step button does.
- Page Up clicks the hidden "back" button, which asks on the console (``step_tools``) before
  anything moves.
- Closing the workshop is never a clicker's move: before the last step, Page Down only says
  that closing takes the button.
- A key typed into a field, a list or a table stays theirs, so do the arrow keys on the tabs
  and radio buttons, and keys with Ctrl, Alt, Shift or Cmd are left alone.

The hidden buttons are ordinary Streamlit buttons that ``display: none`` takes out of sight,
out of the tab order and out of the accessibility tree (the visible step buttons are the way
for everyone else); the script finds them by the ``st-key-<key>`` class Streamlit puts on
their container. The script holds no text at all and registers its listener once per
browser tab, however often the page reruns; it does nothing on a page without the clicker.
"""

from __future__ import annotations

import html

import streamlit as st

from werkstatt import agenda
from werkstatt.i18n import t
from werkstatt.service import Workshop
from werkstatt.ui.context import get_app
from werkstatt.ui.step_tools import ask_step_back, go_to_step

NEXT_KEY = "clicker_next"
BACK_KEY = "clicker_back"
DELAY_MS = 1000  # the time to cancel a forward move
NOTICE_MS = 4000  # how long the "closing takes the button" notice stays
READY_MS = 5000  # how long a key waits for its hidden button to be drawn

CSS = """
<style>
.st-key-clicker_next, .st-key-clicker_back { display: none !important; }
.ws-clicker-banner { position: fixed; z-index: 1000060; left: 50%; bottom: 1.5rem;
  transform: translateX(-50%); display: flex; align-items: center; gap: 1rem;
  max-width: calc(100vw - 2rem); padding: 0.7rem 0.8rem 0.7rem 1.2rem; border-radius: 0.6rem;
  background: #0b3d73; color: #fff; font-size: 1.15rem; font-weight: 600;
  box-shadow: 0 0.3rem 1.2rem rgba(0, 0, 0, 0.35); }
.ws-clicker-banner[hidden] { display: none; }
.ws-clicker-banner button { font: inherit; font-size: 1rem; min-height: 2.75rem; padding: 0.3rem 1rem;
  border: 2px solid #fff; border-radius: 0.5rem; background: #fff; color: #0b3d73; cursor: pointer; }
.ws-clicker-banner button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
</style>
"""

_SCRIPT = """
<script>
(() => {
  if (window.__wsClicker) return;
  window.__wsClicker = true;
  // Where the page and arrow keys belong to what has the focus (typing, lists, tables) ...
  const OWN_KEYS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"],'
    + ' [role="textbox"], [role="combobox"], [role="listbox"], [role="slider"], [role="spinbutton"],'
    + ' [role="grid"], [data-testid="stDataFrame"]';
  // ... and where only the arrow keys do (tabs, radio buttons, menus move with them).
  const OWN_ARROWS = '[role="tablist"], [role="radiogroup"], [role="menu"], [role="menubar"],'
    + ' [role="toolbar"], [role="tree"]';
  let pending = null;
  const root = () => document.querySelector(".ws-clicker");
  const button = key => document.querySelector(`.st-key-${key} button`);
  // The banner shown is a copy outside Streamlit's elements, so a rerun cannot take it away.
  const hide = () => document.querySelectorAll("body > .ws-clicker-banner").forEach(
    b => b.remove());
  const cancel = () => {
    if (!pending) return;
    clearTimeout(pending.timer);
    pending = null;
    hide();
  };
  const show = (kind, ms, then) => {
    const template = root()?.querySelector(`.ws-clicker-banner[data-kind="${kind}"]`);
    if (!template) return;
    hide();
    const banner = template.cloneNode(true);
    banner.hidden = false;
    document.body.append(banner);
    pending = {kind, step: root().dataset.step, timer: setTimeout(() => {
      const step = pending && pending.step;
      pending = null;
      hide();
      if (then) then(step);
    }, ms)};
  };
  // Streamlit may still be drawing the hidden button (a placeholder) for a moment after a rerun.
  const click = (key, step) => {
    const until = performance.now() + READY_MS;
    const attempt = () => {
      if (!root() || root().dataset.step !== step) return;  // the room moved on meanwhile
      const b = button(key);
      if (b && !b.disabled) b.click();
      else if (performance.now() < until) setTimeout(attempt, 50);
    };
    attempt();
  };
  document.addEventListener("keydown", event => {
    const here = root();
    if (!here || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (event.key === "Escape") {
      if (pending) { event.preventDefault(); event.stopPropagation(); cancel(); }
      return;
    }
    const forward = event.key === "PageDown" || event.key === "ArrowRight";
    const back = event.key === "PageUp" || event.key === "ArrowLeft";
    if (!forward && !back) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(OWN_KEYS)) return;
    if (target && event.key.startsWith("Arrow") && target.closest(OWN_ARROWS)) return;
    if (document.querySelector('[role="dialog"]')) return;  // a question is open: answer it first
    event.preventDefault();
    if (event.repeat) return;
    if (back) { cancel(); click("BACK_KEY", here.dataset.step); return; }
    if (pending) return;  // a second press while the banner shows changes nothing
    if (here.querySelector(".ws-clicker-banner[data-kind=next]")) {
      show("next", DELAY_MS, step => click("NEXT_KEY", step));
    } else {
      show("final", NOTICE_MS, null);
    }
  }, true);
  document.addEventListener("click", event => {
    if (event.target instanceof Element && event.target.closest(".ws-clicker-cancel")) cancel();
  });
})();
</script>
"""
for _name, _value in (("NEXT_KEY", NEXT_KEY), ("BACK_KEY", BACK_KEY), ("DELAY_MS", DELAY_MS),
                      ("NOTICE_MS", NOTICE_MS), ("READY_MS", READY_MS)):
    _SCRIPT = _SCRIPT.replace(_name, str(_value))


def _next(workshop_id: int, from_step: str) -> None:
    """The banner's second is over: move on, unless the live step changed meanwhile."""
    following = agenda.next_step(from_step)
    if following is None or following.id == agenda.FINAL_STEP:
        return
    if get_app().workshop(workshop_id).live_step == from_step:
        go_to_step(workshop_id, following.id)


def _back(workshop_id: int, from_step: str) -> None:
    index = agenda.STEP_IDS.index(from_step)
    if index > 0 and get_app().workshop(workshop_id).live_step == from_step:
        ask_step_back(workshop_id, from_step, agenda.STEP_IDS[index - 1])


def keys_hint(language: str) -> None:
    """The keys, in one line under the step buttons."""
    st.caption(t("Fernbedienung: Bild ↓ oder → geht weiter (Esc bricht ab), Bild ↑ oder ← fragt, "
                 "ob es zurückgehen soll.", language))


def _banner(kind: str, text: str, cancel: str = "") -> str:
    """A banner's template (hidden); the script shows a copy of it. Catalogue texts, escaped."""
    button = (f'<button type="button" class="ws-clicker-cancel">{html.escape(cancel)}</button>'
              if cancel else "")
    return (f'<div class="ws-clicker-banner" data-kind="{kind}" role="status" hidden>'
            f'<span>{html.escape(text)}</span>{button}</div>')


def clicker(workshop: Workshop, language: str) -> None:
    """The hidden buttons, the banners and the key listener (nothing once the workshop is closed)."""
    if workshop.is_closed:
        return
    following = agenda.next_step(workshop.live_step)
    moves_on = following is not None and following.id != agenda.FINAL_STEP
    if moves_on:
        st.button(t("Nächster Schritt", language), key=NEXT_KEY, on_click=_next,
                  args=(workshop.id, workshop.live_step))
        step = t(following.name, language)
        banner = _banner("next", t("Weiter zu „{step}“ in 1 s", language, step=step),
                         t("Abbrechen (Esc)", language))
    else:
        closing = t(agenda.step(agenda.FINAL_STEP).button, language)
        banner = _banner("final", t("Den Workshop beenden Sie mit der Schaltfläche „{button}“.",
                                    language, button=closing))
    if agenda.STEP_IDS.index(workshop.live_step) > 0:
        st.button(t("Einen Schritt zurück", language), key=BACK_KEY, on_click=_back,
                  args=(workshop.id, workshop.live_step))
    root = f'<div class="ws-clicker" data-step="{html.escape(workshop.live_step)}">{banner}</div>'
    st.html(CSS + root + _SCRIPT, unsafe_allow_javascript=True)
