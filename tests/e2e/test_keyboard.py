"""A participant who uses no mouse and no touch: only Tab, Shift+Tab, the arrow keys, Space and
Enter (and the letters of the join code).

They open the join page, type the code, join, switch the page to English on the language switch,
rate every field, go back to one field and change its rating. The service must then hold exactly
what they chose, and every stop on the way must show where the focus is.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import TABLET, settle
from werkstatt.fieldsets import DEFAULT_FIELDSET, load
from werkstatt.i18n import t

pytestmark = pytest.mark.browser

FIELDSET = load(DEFAULT_FIELDSET)
OPTIONS = [*FIELDSET.scale.values, None]  # the scale's radio buttons from top to bottom, "don't know" last
MAX_TABS = 60  # no page needs more stops than this to reach any control

# What has the focus: its role, its accessible name as far as the test needs it, the radio group
# it belongs to, and whether a focus indicator is drawn on it (or on the label that shows it).
FOCUSED = """() => {
  const e = document.activeElement;
  const group = e.closest('[role="radiogroup"]');
  const label = e.closest('label');
  // A ring on a clipped element (Streamlit hides the real radio input that way) is seen by nobody.
  const clipped = el => { for (let n = el; n && n !== document.body; n = n.parentElement) {
    const s = getComputedStyle(n); if (s.clipPath !== 'none' || (s.clip && s.clip !== 'auto')) return true; }
    return false; };
  const drawn = el => { if (!el || clipped(el)) return false; const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
  return {
    tag: e.tagName, type: e.type || '', role: e.getAttribute('role') || '',
    name: (e.getAttribute('aria-label') || (e.labels && e.labels[0] ? e.labels[0].innerText : '')
           || e.innerText || '').trim(),
    group: group ? group.getAttribute('aria-label') : null,
    checked: e.checked === true || e.getAttribute('aria-checked') === 'true',
    visible: drawn(e) || drawn(label),
  };
}"""


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED)


def press(page: Page, key: str) -> dict:
    """One key, then what has the focus once the page has settled; the focus must be visible."""
    page.keyboard.press(key)
    settle(page)
    now = focused(page)
    if now["tag"] not in ("BODY", "MAIN"):  # the page itself, between the last control and the first
        assert now["visible"], f"after {key} the focus on {now} is not visible"
    return now


def tab_to(page: Page, wanted, backwards: bool = False) -> dict:
    """Tab (or Shift+Tab) until ``wanted(focused element)`` holds."""
    for _ in range(MAX_TABS):
        now = press(page, "Shift+Tab" if backwards else "Tab")
        if wanted(now):
            return now
    pytest.fail(f"{MAX_TABS} presses of {'Shift+Tab' if backwards else 'Tab'} never reached the control")


def rating_group(field, language: str) -> str:
    return t("participate.your_rating", language, field=field.title.get(language))


def choose(page: Page, field, position: int, language: str) -> None:
    """In the field's radio group (which has the focus): arrow keys to the option at ``position``,
    Space to check it; the tablet confirms the stored level."""
    start = int(page.evaluate("document.activeElement.value"))  # Streamlit numbers a radio's options 0, 1, …
    key = "ArrowDown" if position >= start else "ArrowUp"
    for _ in range(abs(position - start)):
        press(page, key)
    press(page, "Space")
    level = FIELDSET.scale.label(OPTIONS[position], language)
    group = page.get_by_role("radiogroup", name=rating_group(field, language), exact=True)
    expect(group.get_by_role("radio", name=level, exact=True)).to_be_checked()
    card = group.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")
    expect(card.get_by_text(t("participate.saved", language, level=level), exact=True)).to_be_visible()


def test_join_switch_language_rate_and_change_with_the_keyboard_alone(new_context, werkstatt, artifacts):
    workshop = werkstatt.create_workshop(title="Tastatur", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    page = new_context(TABLET).new_page()
    page.goto("/teilnehmen")
    expect(page.get_by_role("heading", name="Willkommen!")).to_be_visible()
    settle(page)

    # The code from the projector, typed as people do, and Enter to send the form.
    tab_to(page, lambda now: now["name"] == "Code vom Beamer")
    page.keyboard.type(workshop.join_code.lower())
    press(page, "Enter")
    expect(page.get_by_role("button", name="Mitmachen")).to_be_visible()
    settle(page)

    # The sector question is optional: into the group, Space on the first sector, then "Mitmachen".
    sector_question = t("participate.sector", "de")
    tab_to(page, lambda now: now["group"] == sector_question)
    press(page, "Space")
    expect(page.get_by_role("radiogroup", name=sector_question).get_by_role("radio").first).to_be_checked()
    tab_to(page, lambda now: now["name"] == "Mitmachen")
    press(page, "Enter")
    expect(page.get_by_role("heading", name="Ihre Einschätzung")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/teilnehmen\?t=[\w-]+$"))
    token = re.search(r"t=([\w-]+)", page.url).group(1)
    assert werkstatt.participant(token).sector == FIELDSET.sectors[0].id
    settle(page)

    # Back up to the language switch, arrow to English, Space to choose it.
    switch = t("app.language", "de")
    now = tab_to(page, lambda now: now["group"] == switch, backwards=True)
    assert now["name"] == "Deutsch" and now["checked"]
    now = press(page, "ArrowRight")
    if not now["checked"]:
        press(page, "Space")
    expect(page.get_by_role("heading", name=t("participate.step.rating", "en"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=en"))

    # Every field, each to another level, "don't know" included; each tap is saved at once.
    chosen = {}
    for number, field in enumerate(FIELDSET.fields):
        tab_to(page, lambda now, field=field: now["group"] == rating_group(field, "en"))
        position = number % len(OPTIONS)
        choose(page, field, position, "en")
        chosen[field.id] = OPTIONS[position]
    expect(page.get_by_text(t("participate.all_done", "en"))).to_be_visible()
    page.screenshot(path=artifacts / "keyboard_rated.png")

    # Changed their mind about the second field: Shift+Tab back to it, one level up.
    second = FIELDSET.fields[1]
    tab_to(page, lambda now: now["group"] == rating_group(second, "en"), backwards=True)
    choose(page, second, OPTIONS.index(chosen[second.id]) + 1, "en")
    chosen[second.id] = OPTIONS[OPTIONS.index(chosen[second.id]) + 1]
    page.screenshot(path=artifacts / "keyboard_changed.png")

    assert werkstatt.my_ratings(token) == chosen
