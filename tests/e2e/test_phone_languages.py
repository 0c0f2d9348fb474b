"""A 360 px phone takes part in Turkish, then in Arabic: translated, mirrored, nothing cut off.

One person on a phone (360 × 740 CSS px, touch) joins the workshop in Turkish, rates in Turkish,
switches to Arabic and rates on; then the facilitator opens the card step (the groups made in
one click, named after their fields) and the voting. On every screen the test reads what the
person reads and compares it with the German screen: nothing but the workshop's own words
(its title, the municipality, the cards people wrote) may be left in German, no text may carry
the "(Deutsch)" mark of a missing translation, and in Arabic no Latin letter may be left at
all. Arabic is laid out from the right: ``dir="rtl"`` on ``<html>``, the language switch and
the headings start at the right edge, a radio's circle stands right of its words.

Screenshots for a person to review (which no assertion can judge): ``phone-<lang>-<screen>.png``
for join, rating, cards and voting in German, Turkish and Arabic, as the phone shows them, and
``…-full.png`` of the whole page. With ``WERKSTATT_README_SCREENSHOTS=1`` (the
``readme_screenshots`` fixture) the rating and voting ones are copied to ``docs/screenshots``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PIN
from werkstatt.fieldsets import DEFAULT_FIELDSET, load
from werkstatt.i18n import nt, t

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
FIELDSET = load(DEFAULT_FIELDSET)
FIELDS = FIELDSET.fields
LANGUAGES = ("de", "tr", "ar")
README_SHOTS = ("rating", "voting")
WORKSHOP = {"title": "Sprachen", "municipality": "Musterstadt"}

# Every text a person meets on the page: text, the names and hints of controls, the texts the
# script shows (offline, sending, the character count, the end of the countdown), the title.
# Parts marked as another language (the language switch) are left out: they are meant so.
TEXTS = """() => {
  const lang = document.documentElement.lang;
  const own = el => (el.closest('[lang]') || document.documentElement).getAttribute('lang') === lang;
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('script, style') || !own(node.parentElement)) continue;
    if (node.textContent.trim()) texts.push(node.textContent);
  }
  const attributes = ['aria-label', 'placeholder', 'title', 'alt', 'data-count', 'data-over', 'data-offline',
                      'data-sending', 'data-online'];
  for (const el of document.querySelectorAll('*')) {
    if (!own(el)) continue;
    for (const name of attributes) if (el.getAttribute(name)) texts.push(el.getAttribute(name));
  }
  return texts.map(s => s.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}"""

LAYOUT = """() => {
  const main = document.getElementById('main');
  const box = el => el.getBoundingClientRect();
  const languages = document.querySelector('.ws-langs li');
  const h1 = document.querySelector('h1');
  const range = document.createRange(); range.selectNodeContents(h1);
  const option = document.querySelector('.ws-option:not(:has(:disabled))');
  // the words of the option's label (the label itself fills the whole framed row)
  const words = option && document.createRange();
  if (words) words.selectNodeContents(option.querySelector('label'));
  return {
    direction: getComputedStyle(main).direction,
    width: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    firstLanguage: {left: box(languages).left, right: box(languages).right},
    heading: {left: range.getBoundingClientRect().left, right: range.getBoundingClientRect().right},
    main: {left: box(main).left, right: box(main).right},
    circle: option ? box(option.querySelector('input')).left : null,
    words: option ? words.getBoundingClientRect().left : null,
  };
}"""


def texts(page: Page) -> list[str]:
    return page.evaluate(TEXTS)


# German names of offices the translations keep in Latin letters on purpose, so a participant
# recognises the sign on the door ("مراكز التوظيف (Jobcenter)").
KEPT_NAMES = ("Jobcenter",)


def untranslated(page: Page, german: list[str], user_content: list[str]) -> list[str]:
    """What the page shows that the German page shows too, besides the workshop's own words."""
    own = sorted(user_content, key=len, reverse=True)

    def words(text: str) -> str:
        for content in own:
            text = text.replace(content, " ")
        return re.sub(r"[\W\d_]+", " ", text).strip()  # letters only: numbers, dots and marks are shared

    shared = {words(text) for text in german} & {words(text) for text in texts(page)}
    return sorted(word for word in shared if word)


def check_language(page: Page, lang: str, german: list[str], user_content: list[str]) -> None:
    """The page is in ``lang``: html lang and dir, no German left, no missing translation marked."""
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    shown = texts(page)
    assert not [text for text in shown if "(Deutsch)" in text], f"untranslated in {lang}: {shown}"
    left = untranslated(page, german, user_content)
    assert not left, f"German words on the {lang} screen {page.url}: {left}"
    if lang == "ar":
        latin = []
        for text in shown:
            for content in (*sorted(user_content, key=len, reverse=True), *KEPT_NAMES):
                text = text.replace(content, "")
            text = re.sub(r"\{\w+\}", "", text)  # the script's placeholders, as in data-count
            if re.search(r"[A-Za-zÀ-ÿ]", text):
                latin.append(text)
        assert not latin, f"Latin letters on the Arabic screen {page.url}: {latin}"


def check_layout(page: Page, lang: str) -> None:
    """No sideways scrolling; in Arabic everything starts at the right, the circle right of the words."""
    found = page.evaluate(LAYOUT)
    assert found["scrollWidth"] <= found["width"], f"{lang}: the page scrolls sideways: {found}"
    if lang == "ar":
        assert found["direction"] == "rtl", found
        assert found["width"] - found["firstLanguage"]["right"] < 40, f"the language switch starts left: {found}"
        assert found["main"]["right"] - found["heading"]["right"] < 40, f"the heading is not at the right: {found}"
        if found["circle"] is not None:
            assert found["circle"] > found["words"], f"the radio circle belongs right of its words: {found}"
    else:
        assert found["direction"] == "ltr", found
        assert found["heading"]["left"] - found["main"]["left"] < 40, found
        if found["circle"] is not None:
            assert found["circle"] < found["words"], found


def switch_to(page: Page, lang: str) -> None:
    """A tap on the language's own name in the switch at the top."""
    with page.expect_navigation():
        page.locator(f'.ws-langs a[hreflang="{lang}"]').click()
    expect(page.locator("html")).to_have_attribute("lang", lang)


def shoot(page: Page, artifacts: Path, name: str, readme: Path | None = None) -> None:
    page.evaluate("() => window.scrollTo(0, 0)")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.screenshot(path=artifacts / f"{name}.png")
    page.screenshot(path=artifacts / f"{name}-full.png", full_page=True)
    if readme is not None:
        shutil.copyfile(artifacts / f"{name}.png", readme / f"{name}.png")


def in_every_language(page: Page, artifacts: Path, screen: str, readme: Path | None, user_content: list[str],
                      back_to: str) -> None:
    """The screen in German (the reference), Turkish and Arabic: checked, laid out, photographed."""
    switch_to(page, "de")
    german = texts(page)
    check_layout(page, "de")
    shoot(page, artifacts, f"phone-de-{screen}", readme if screen in README_SHOTS else None)
    for lang in ("tr", "ar"):
        switch_to(page, lang)
        check_language(page, lang, german, user_content)
        check_layout(page, lang)
        shoot(page, artifacts, f"phone-{lang}-{screen}", readme if screen in README_SHOTS else None)
    switch_to(page, back_to)


def rate(page: Page, field, level: int | None, lang: str) -> None:
    """A tap on the level's words in the field's radio group; the screen says it is saved."""
    group = page.get_by_role("group", name=t("Ihre Bewertung: {field}", lang, field=field.title.marked(lang)))
    label = FIELDSET.scale.marked(level, lang)
    group.get_by_text(label, exact=True).click()
    expect(group.get_by_role("radio", name=label, exact=True)).to_be_checked()
    expect(page.locator(f"#field-{field.id} .ws-saved")).to_have_text("✓ " + t("Gespeichert: {level}", lang, level=label))


def test_a_phone_takes_part_in_turkish_then_in_arabic(browser, base_url, werkstatt, artifacts, readme_screenshots):
    readme = readme_screenshots if readme_screenshots != artifacts else None
    workshop = werkstatt.create_workshop(facilitator_pin=PIN, **WORKSHOP)
    groups = werkstatt.add_default_groups(workshop.id)  # one per field, named in the workshop's language
    werkstatt.set_live_step(workshop.id, "rating")
    user_content = [*WORKSHOP.values(), "Werkstatt"]  # and the app's name, in the page title
    context = browser.new_context(base_url=base_url, viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="de-DE", timezone_id="Europe/Berlin")
    try:
        phone = context.new_page()

        # The join screen, reached by the QR code: German, then Türkçe from the switch.
        phone.goto(f"/teilnehmen?code={workshop.join_code}")
        expect(phone.get_by_role("heading", name=t("Willkommen!", "de"))).to_be_visible()
        in_every_language(phone, artifacts, "join", readme, user_content, back_to="tr")
        expect(phone.get_by_role("heading", name=t("Willkommen!", "tr"))).to_be_visible()
        phone.get_by_role("button", name=t("Mitmachen", "tr"), exact=True).click()

        # Rating in Turkish.
        expect(phone.get_by_role("heading", name=t("Ihre Einschätzung", "tr"))).to_be_visible()
        expect(phone).to_have_url(re.compile(r"/p/[\w-]+\?lang=tr$"))
        token = re.search(r"/p/([\w-]+)", phone.url).group(1)
        rate(phone, FIELDS[0], 3, "tr")
        rate(phone, FIELDS[1], None, "tr")

        # Arabic from the switch: the Turkish answers are there, now in Arabic; one more field.
        switch_to(phone, "ar")
        expect(phone.get_by_role("heading", name=t("Ihre Einschätzung", "ar"))).to_be_visible()
        expect(phone.locator(f"#field-{FIELDS[0].id} .ws-saved")).to_have_text(
            "✓ " + t("Gespeichert: {level}", "ar", level=FIELDSET.scale.marked(3, "ar")))
        rate(phone, FIELDS[3], 2, "ar")
        assert werkstatt.my_ratings(token) == {FIELDS[0].id: 3, FIELDS[1].id: None, FIELDS[3].id: 2}
        in_every_language(phone, artifacts, "rating", readme, user_content, back_to="ar")

        # The card step: the groups made in one click carry their field's name in Arabic.
        werkstatt.set_live_step(workshop.id, "cards")
        expect(phone.get_by_role("heading", name=t("Gruppenarbeit: Ihre Karten", "ar"), level=1)).to_be_visible()
        choice = phone.get_by_role("group", name=t("Ihre Gruppe", "ar"))
        assert [label.strip() for label in choice.locator("label").all_inner_texts()] == [
            f.title.marked("ar") for f in FIELDS]
        choice.get_by_text(FIELDS[3].title.marked("ar"), exact=True).click()
        phone.get_by_role("button", name=t("Gruppe wählen", "ar")).click()
        expect(phone.get_by_text(t("Ihre Gruppe ist gespeichert.", "ar"))).to_be_visible()
        assert werkstatt.participant(token).group_id == groups[3].id
        expect(phone.locator("#cards")).to_contain_text(FIELDS[3].title.marked("ar"))

        card_text = "نحتاج إلى دروس لغة في المساء"  # "we need evening language classes"
        phone.locator("#kind-idea").check()
        phone.locator("#card-text").fill(card_text)
        phone.get_by_role("button", name=t("Karte speichern", "ar")).click()
        expect(phone.locator("#my-cards")).to_contain_text(card_text)
        user_content.append(card_text)
        in_every_language(phone, artifacts, "cards", readme, user_content, back_to="ar")
        switch_to(phone, "tr")
        expect(phone.locator("#cards")).to_contain_text(FIELDS[3].title.marked("tr"))
        switch_to(phone, "ar")

        # The voting: others' cards beside one's own; a tap on "1" puts a dot on the first card.
        other = werkstatt.join(workshop.join_code, group_id=groups[3].id).token
        for kind, text in (("gap", "Kaum Angebote für Eltern am Abend"), ("idea", "Sprachcafé im Jugendzentrum")):
            werkstatt.add_card(other, FIELDS[3].id, kind, text)
            user_content.append(text)
        third = werkstatt.join(workshop.join_code, group_id=groups[5].id).token  # another table
        werkstatt.add_card(third, FIELDS[5].id, "gap", "Vereine finden keine Räume")
        user_content.append("Vereine finden keine Räume")
        werkstatt.set_live_step(workshop.id, "voting")
        expect(phone.get_by_role("heading", name=t("Punkte vergeben", "ar"), level=1)).to_be_visible()
        first = phone.locator("article.ws-card").first
        first.locator('input[type="radio"][value="1"]').click()
        expect(phone.locator("#dots-left")).to_have_text(nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "ar", left=4))
        assert sum(werkstatt.my_dots(token).values()) == 1
        in_every_language(phone, artifacts, "voting", readme, user_content, back_to="ar")

        # A reload keeps Arabic and the answers.
        phone.reload()
        expect(phone.locator("html")).to_have_attribute("dir", "rtl")
        expect(phone.locator("#dots-left")).to_have_text(nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "ar", left=4))
    finally:
        context.close()
