"""A participant who uses no mouse and no touch: only Tab, Shift+Tab, the arrow keys, Space and
Enter (and the letters they type), on the participant client (``werkstatt.web``).

From the top of the code form, Tab reaches the skip link, the language switch and the code
field, in that order, and the skip link jumps past the switch. They type the code, join (a
sector chosen with the arrow keys), switch the page to English, open a field's guiding
questions, rate several fields in their radio groups (Space on the first level, the arrow keys
for others; each choice is saved at once), write a card when the facilitator opens the card
step, edit it, and give dots on two fields of the ballot. The service must then hold exactly
what they chose.

At every stop the focus must be visible: the focused element (or, for the dot buttons whose
radio is transparent, its label) has a computed outline of at least 2 px whose colour stands
out from the page at 3 : 1 (WCAG 1.4.11), it is inside the window, and nothing (the sticky head of
the ballot, say) covers it (WCAG 2.4.11).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import TABLET
from werkstatt.cards import KIND_NAMES
from werkstatt.fieldsets import DEFAULT_FIELDSET, load
from werkstatt.i18n import LANGUAGE_NAMES, PARTICIPANT_LANGUAGES, nt, t

pytestmark = pytest.mark.browser

FIELDSET = load(DEFAULT_FIELDSET)
MAX_TABS = 80  # no screen needs more stops than this to reach any control

# What has the focus, and whether a focus indicator is drawn on it where a person can see it.
FOCUSED = """() => {
  const e = document.activeElement;
  const fieldset = e.closest('fieldset');
  const legend = fieldset && fieldset.querySelector('legend');
  const label = e.labels && e.labels[0];
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = rgb => { const [r, g, b] = rgb.match(/[\\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const background = el => { for (let n = el.parentElement; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor; if (c && !/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return c; }
    return 'rgb(255, 255, 255)'; };
  // Seen by nobody: a ring on a clipped or transparent element.
  const hidden = el => { for (let n = el; n && n !== document.body; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.clipPath !== 'none' || (s.clip && s.clip !== 'auto') || Number(s.opacity) === 0) return true; }
    return false; };
  const ring = el => {
    if (!el || hidden(el)) return null;
    const s = getComputedStyle(el);
    if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) return null;
    return {width: parseFloat(s.outlineWidth), color: s.outlineColor,
            contrast: Math.round(contrast(s.outlineColor, background(el)) * 10) / 10};
  };
  const shown = ring(e) ? e : (ring(label) ? label : null);
  let inView = false, covered = null;
  if (shown) {
    const r = shown.getBoundingClientRect();
    inView = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 20), 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (top && !(e.contains(top) || top.contains(e) || (label && (label.contains(top) || top === label))))
      covered = top.outerHTML.slice(0, 100);
  }
  return {
    tag: e.tagName, type: e.type || '', id: e.id, value: e.value || '',
    name: (e.getAttribute('aria-label') || (label ? label.innerText : '') || e.innerText || '').trim(),
    group: legend ? legend.innerText.trim() : null,
    checked: e.checked === true,
    ring: shown ? ring(shown) : null, inView, covered,
  };
}"""


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED)


# KERN scrolls smoothly (``html { scroll-behavior: smooth }``): the focus has arrived when the
# page has not moved for three frames.
STILL = """() => new Promise(done => {
  let last = null, still = 0;
  const tick = () => {
    const now = `${scrollX},${scrollY}`;
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 3) done(); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


def settled(page: Page) -> None:
    """Nothing waits to be sent, the page has stopped scrolling, and the last change is painted.
    A key that sends a form without the script (the code form) loads a new page meanwhile: then
    wait for it and look again."""
    for attempt in range(3):
        try:
            page.wait_for_load_state()
            page.wait_for_function("() => !document.querySelector('.ws-sending')")
            page.evaluate(STILL)
            return
        except PlaywrightError as error:
            if "Execution context was destroyed" not in str(error) or attempt == 2:
                raise


def press(page: Page, key: str) -> dict:
    """One key, then what has the focus once the page has settled; the focus must be visible."""
    page.keyboard.press(key)
    settled(page)
    return check_visible(page, key)


def check_visible(page: Page, key: str = "") -> dict:
    now = focused(page)
    if now["tag"] in ("BODY", "MAIN", "H1"):  # the page itself, or the step's title after a step change
        return now
    assert now["ring"], f"after {key} the focus on {now} has no visible outline"
    assert now["ring"]["contrast"] >= 3, f"after {key} the focus ring on {now} is too faint"
    assert now["inView"], f"after {key} the focused {now} is outside the window"
    assert not now["covered"], f"after {key} the focused {now} is hidden under {now['covered']}"
    return now


def tab_to(page: Page, wanted, backwards: bool = False) -> dict:
    """Tab (or Shift+Tab) until ``wanted(focused element)`` holds."""
    for _ in range(MAX_TABS):
        now = press(page, "Shift+Tab" if backwards else "Tab")
        if wanted(now):
            return now
    pytest.fail(f"{MAX_TABS} presses of {'Shift+Tab' if backwards else 'Tab'} never reached the control")


def rating_group(field, language: str) -> str:
    return t("Ihre Bewertung: {field}", language, field=field.title.get(language))


def saved(page: Page, field, level: int | None, language: str) -> None:
    label = FIELDSET.scale.label(level, language)
    expect(page.locator(f"#field-{field.id} .ws-saved")).to_have_text(
        "✓ " + t("Gespeichert: {level}", language, level=label))
    expect(page.locator(f"#r-{field.id}-{'dont_know' if level is None else level}")).to_be_checked()


def test_the_code_form_from_the_top(new_context, werkstatt):
    """Tab from the top: the skip link, the six languages, the code field; the skip link skips the switch."""
    workshop = werkstatt.create_workshop(title="Tastatur", municipality="Musterstadt", facilitator_pin=PIN)
    page = new_context(TABLET).new_page()
    page.goto("/teilnehmen")
    expect(page.get_by_role("heading", name=t("Willkommen!", "de"))).to_be_visible()

    stops = [press(page, "Tab") for _ in range(2 + len(PARTICIPANT_LANGUAGES))]
    assert [s["name"] for s in stops] == [t("Zum Inhalt springen", "de"), *(LANGUAGE_NAMES[c] for c in PARTICIPANT_LANGUAGES),
                                          t("Code vom Beamer", "de")]
    assert stops[-1]["id"] == "code"

    page.reload()
    assert press(page, "Tab")["name"] == t("Zum Inhalt springen", "de")
    assert press(page, "Enter")["tag"] == "MAIN"
    assert press(page, "Tab")["id"] == "code"
    page.keyboard.type(workshop.join_code.lower())
    press(page, "Enter")
    expect(page.get_by_role("button", name=t("Mitmachen", "de"))).to_be_visible()


def test_join_switch_language_rate_write_edit_and_vote_with_the_keyboard_alone(new_context, werkstatt, artifacts):
    workshop = werkstatt.create_workshop(title="Tastatur", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    page = new_context(TABLET).new_page()
    page.goto("/teilnehmen")
    expect(page.get_by_role("heading", name=t("Willkommen!", "de"))).to_be_visible()

    # The code from the projector, typed as people do, and Enter to send the form.
    tab_to(page, lambda now: now["id"] == "code")
    page.keyboard.type(workshop.join_code.lower())
    press(page, "Enter")
    expect(page.get_by_role("button", name=t("Mitmachen", "de"))).to_be_visible()

    # The sector question is optional ("Keine Angabe" is checked): into the group, down to the first sector.
    sector_question = t("Aus welchem Bereich kommen Sie? (freiwillig)", "de")
    now = tab_to(page, lambda now: now["group"] == sector_question)
    assert now["id"] == "sector-none" and now["checked"]
    now = press(page, "ArrowDown")  # from the last option round to the first
    assert now["id"] == f"sector-{FIELDSET.sectors[0].id}" and now["checked"], now
    tab_to(page, lambda now: now["name"] == t("Mitmachen", "de"))
    press(page, "Enter")
    expect(page.get_by_role("heading", name=t("Ihre Einschätzung", "de"))).to_be_visible()
    token = re.search(r"/p/([\w-]+)", page.url).group(1)
    assert werkstatt.participant(token).sector == FIELDSET.sectors[0].id

    # The language switch: links, so Tab to English and Enter.
    tab_to(page, lambda now: now["name"] == "English")
    press(page, "Enter")
    expect(page.get_by_role("heading", name=t("Ihre Einschätzung", "en"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=en"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # The first field: its guiding questions (a summary: Enter opens it), then Space on the first level.
    first, second, third = FIELDSET.fields[:3]
    now = tab_to(page, lambda now: now["tag"] == "SUMMARY")
    assert now["name"] == t("Leitfragen zum Nachdenken", "en")
    press(page, "Enter")
    questions = page.locator(f"#field-{first.id} details")
    expect(questions).to_have_attribute("open", "")
    expect(questions.locator("li").first).to_have_text(first.questions[0].get("en"))
    now = tab_to(page, lambda now: now["group"] == rating_group(first, "en"))
    assert now["id"] == f"r-{first.id}-{FIELDSET.scale.values[0]}" and not now["checked"]
    press(page, "Space")
    saved(page, first, FIELDSET.scale.values[0], "en")
    assert focused(page)["id"] == f"r-{first.id}-{FIELDSET.scale.values[0]}", "the focus stays on the choice"

    # The second field: arrow keys choose as they move; each choice is sent at once.
    tab_to(page, lambda now: now["group"] == rating_group(second, "en"))
    for level in FIELDSET.scale.values[1:3]:
        now = press(page, "ArrowDown")
        assert now["checked"] and now["value"] == str(level), now
        saved(page, second, level, "en")

    # The third field: up from the first level wraps to "don't know".
    tab_to(page, lambda now: now["group"] == rating_group(third, "en"))
    now = press(page, "ArrowUp")
    assert now["id"] == f"r-{third.id}-dont_know" and now["checked"], now
    saved(page, third, None, "en")

    # Changed their mind about the second field: Shift+Tab back, one level down.
    tab_to(page, lambda now: now["group"] == rating_group(second, "en"), backwards=True)
    press(page, "ArrowDown")
    saved(page, second, FIELDSET.scale.values[3], "en")
    page.screenshot(path=artifacts / "keyboard_rated.png")
    assert werkstatt.my_ratings(token) == {first.id: FIELDSET.scale.values[0], second.id: FIELDSET.scale.values[3],
                                           third.id: None}

    # The facilitator opens the card step: the screen follows, the focus lands on its title.
    werkstatt.set_live_step(workshop.id, "cards")
    expect(page.get_by_role("heading", name=t("Gruppenarbeit: Ihre Karten", "en"), level=1)).to_be_focused()

    # A new card: its kind (arrow keys), its field (arrow keys on the select), its text, Enter on the button.
    now = tab_to(page, lambda now: now["group"] == t("Art der Karte", "en"))
    assert now["id"] == "kind-strength"
    now = press(page, "ArrowDown")
    assert now["id"] == "kind-gap" and now["checked"], now
    now = press(page, "Tab")
    assert now["id"] == "card-field" and now["value"] == FIELDSET.fields[0].id
    now = press(page, "ArrowDown")
    assert now["value"] == FIELDSET.fields[1].id, now
    assert press(page, "Tab")["id"] == "card-text"
    page.keyboard.type("Beratung nur vormittags")
    assert press(page, "Tab")["name"] == t("Karte speichern", "en")
    press(page, "Enter")
    expect(page.get_by_text(t("Gespeichert: Ihre Karte „{kind}“.", "en", kind=t(KIND_NAMES["gap"], "en")))).to_be_visible()
    (card,) = werkstatt.my_cards(token)
    assert (card.kind, card.field_id, card.text) == ("gap", FIELDSET.fields[1].id, "Beratung nur vormittags")

    # Edit it: Enter on "Edit" opens the form; select the text, type the new one, Enter on save.
    tab_to(page, lambda now: now["tag"] == "SUMMARY" and now["name"] == t("Ändern", "en"))
    press(page, "Enter")
    expect(page.locator(f"#card-{card.id} details").first).to_have_attribute("open", "")
    assert press(page, "Tab")["id"] == f"edit-{card.id}"
    page.keyboard.press("Control+a")
    page.keyboard.type("Beratung nur vormittags, nie am Abend")
    assert press(page, "Tab")["name"] == t("Änderung speichern", "en")
    press(page, "Enter")
    expect(page.get_by_text(t("Gespeichert: Ihre Änderung.", "en"))).to_be_visible()
    assert werkstatt.my_cards(token)[0].text == "Beratung nur vormittags, nie am Abend"

    # Others wrote cards on two fields; the facilitator opens the voting.
    other = werkstatt.join(workshop.join_code).token
    werkstatt.add_card(other, FIELDSET.fields[1].id, "idea", "Abendsprechstunde einmal die Woche")
    werkstatt.add_card(other, FIELDSET.fields[4].id, "gap", "Vereine finden keine Räume")
    werkstatt.set_live_step(workshop.id, "voting")
    expect(page.get_by_role("heading", name=t("Punkte vergeben", "en"), level=1)).to_be_focused()
    ballot = {c.text: c.id for c in werkstatt.board(workshop.id)}

    # One dot on the first card of the first field with cards: the group holds "0", ArrowRight is 1.
    first_card = ballot["Beratung nur vormittags, nie am Abend"]
    now = tab_to(page, lambda now: now["id"].startswith(f"d-{first_card}-"))
    assert now["id"] == f"d-{first_card}-0" and now["checked"]
    now = press(page, "ArrowRight")
    assert now["id"] == f"d-{first_card}-1" and now["checked"], now
    left = nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "en", left=4)
    expect(page.locator("#dots-left")).to_have_text(left)

    # The other field: Shift+Tab up to its link in the field list, Enter, then two dots on its card.
    field_link = page.locator(f'a[data-field="{FIELDSET.fields[4].id}"]')
    tab_to(page, lambda now: now["tag"] == "A" and now["name"] == field_link.inner_text().strip(), backwards=True)
    press(page, "Enter")
    other_card = ballot["Vereine finden keine Räume"]
    expect(page.locator(f"#card-{other_card}")).to_be_visible()
    tab_to(page, lambda now: now["id"].startswith(f"d-{other_card}-"))
    press(page, "ArrowRight")
    expect(page.locator("#dots-left")).to_have_text(nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "en", left=3))
    now = press(page, "ArrowRight")
    assert now["id"] == f"d-{other_card}-2" and now["checked"], now
    expect(page.locator("#dots-left")).to_have_text(nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "en", left=2))
    page.screenshot(path=artifacts / "keyboard_voted.png")
    assert werkstatt.my_dots(token) == {first_card: 1, other_card: 2}
