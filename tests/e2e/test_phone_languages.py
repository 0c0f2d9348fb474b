"""A 360 px phone joins in Turkish, rates, switches to Arabic: translated, mirrored, no sideways scrolling.

The screenshots ``40_phone_rating_tr.png`` and ``41_phone_rating_ar.png`` (and the whole page
of each, ``…_full.png``) are for a person to review the layout, which no assertion can judge.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import screenshot_whole_page, settle

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
MAIN = '[data-testid="stMainBlockContainer"]'


def pick_language(page: Page, name: str) -> None:
    page.get_by_test_id("stButtonGroup").get_by_role("radio", name=name, exact=True).click()


def rate(page: Page, label: str, level: str, saved: str) -> None:
    scale = page.get_by_role("radiogroup", name=label, exact=True)
    scale.get_by_text(level, exact=True).click()
    expect(page.get_by_text(saved, exact=True)).to_be_visible()
    expect(scale.get_by_role("radio", name=level, exact=True)).to_be_checked()


def layout(page: Page) -> dict:
    """Direction, sideways overflow, and where a radio's circle sits relative to its words."""
    return page.evaluate("""(main) => {
        const block = document.querySelector(main);
        const option = block.querySelector('[data-testid="stRadio"] [role="radiogroup"] label');
        const circle = option.querySelector('input').nextElementSibling || option.firstElementChild;
        const words = option.querySelector('[data-testid="stMarkdownContainer"]');
        const stMain = document.querySelector('[data-testid="stMain"]');
        return {
            direction: getComputedStyle(block).direction,
            page: document.documentElement.scrollWidth,
            main: stMain.scrollWidth - stMain.clientWidth,
            circleLeft: circle.getBoundingClientRect().left,
            wordsLeft: words.getBoundingClientRect().left,
        };
    }""", MAIN)


def shoot(page: Page, artifacts, name: str) -> None:
    page.get_by_test_id("stMain").evaluate("main => main.scrollTo(0, 0)")
    settle(page)
    page.screenshot(path=artifacts / f"{name}.png")
    screenshot_whole_page(page, artifacts / f"{name}_full.png")


def test_a_phone_rates_in_turkish_then_in_arabic(new_context, werkstatt, artifacts):
    workshop = werkstatt.create_workshop(title="Sprachen", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    phone = new_context(PHONE).new_page()
    phone.goto(f"/teilnehmen?code={workshop.join_code}")

    # On the join screen, before joining: Türkçe.
    expect(phone.get_by_role("heading", name="Willkommen!")).to_be_visible()
    pick_language(phone, "Türkçe")
    expect(phone.get_by_role("heading", name="Hoş geldiniz!")).to_be_visible()
    phone.get_by_role("button", name="Katıl", exact=True).click()
    expect(phone.get_by_role("heading", name="Değerlendirmeniz")).to_be_visible()
    expect(phone).to_have_url(re.compile(r"/teilnehmen\?.*lang=tr"))
    expect(phone.locator("html")).to_have_attribute("lang", "tr")
    rate(phone, "Değerlendirmeniz: Yönetim ve yönlendirme", "iyi yolda", "Kaydedildi: iyi yolda")
    turkish = layout(phone)
    assert turkish["direction"] == "ltr"
    assert turkish["page"] <= PHONE["width"] and turkish["main"] <= 0, turkish
    assert turkish["circleLeft"] < turkish["wordsLeft"]
    shoot(phone, artifacts, "40_phone_rating_tr")

    # On the rating screen, after joining: العربية, laid out from the right.
    pick_language(phone, "العربية")
    expect(phone.get_by_role("heading", name="تقييمك")).to_be_visible()
    expect(phone.get_by_text("تم الحفظ: على الطريق الصحيح")).to_be_visible()  # the Turkish answer, now in Arabic
    expect(phone.locator("html")).to_have_attribute("lang", "ar")
    rate(phone, "تقييمك: العمل والتنمية الاقتصادية", "خطوات أولى", "تم الحفظ: خطوات أولى")
    arabic = layout(phone)
    assert arabic["direction"] == "rtl"
    assert arabic["page"] <= PHONE["width"] and arabic["main"] <= 0, arabic
    assert arabic["circleLeft"] > arabic["wordsLeft"], "the radio circle belongs on the right in Arabic"
    shoot(phone, artifacts, "41_phone_rating_ar")
    token = re.search(r"t=([\w-]+)", phone.url).group(1)
    assert werkstatt.my_ratings(token) == {"management": 3, "arbeit": 2}

    # A reload keeps Arabic and the answers.
    phone.reload()
    expect(phone.get_by_role("heading", name="تقييمك")).to_be_visible()
    expect(phone.get_by_text("تم الحفظ: ")).to_have_count(2)
