"""The projector fills any landscape screen and reads from the last row, measured in Chromium.

At 1024×768, 1280×800, 1920×1080 and 3840×2160, on every step and on every page the projector
turns to by itself: nothing lies outside the screen or is cut off by the stage, no text is
smaller than 28 px per 1080 px of height, a step's headline is at least 56 px and the join code
at least 120 px per 1080 px. What does not fit is paged ("Seite 2 von 3"), and every card of
the wall is on one of its pages. Screenshots of check-in, results and ranking at each size go to
tests/e2e/artifacts/.
"""

from __future__ import annotations

import pytest

from tests.conftest import PIN
from werkstatt import demo

SIZES = [(1024, 768), (1280, 800), (1920, 1080), (3840, 2160)]
PAGE_MS = 12_000  # projector.js turns a page every 12 s
SCREENSHOTS = ("checkin", "results", "ranking")

# Every visible element with text of its own: its font size; every visible element: whether it
# leaves the screen, or the stage that clips it. Plotly's text tester sits far off-screen on purpose.
MEASURE = """() => {
  const stage = document.querySelector(".stage").getBoundingClientRect();
  const out = { smallest: 1e9, smallestText: "", outside: [], doc: [document.documentElement.scrollWidth,
                document.documentElement.scrollHeight] };
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".off, [hidden]")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || (r.right < 0 && r.bottom < 0)) continue;
    const own = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join("").trim();
    if (own && parseFloat(style.fontSize) < out.smallest) {
      out.smallest = parseFloat(style.fontSize); out.smallestText = own.slice(0, 40);
    }
    const name = (el.getAttribute("class") || el.tagName) + " " + own.slice(0, 30);
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) out.outside.push(name);
    else if (el.closest(".stage") && el !== document.querySelector(".stage") &&
             (r.bottom > stage.bottom + 1 || r.right > stage.right + 1)) out.outside.push("cut: " + name);
  }
  const size = (selector) => { const el = document.querySelector(selector);
    return el && el.offsetParent ? parseFloat(getComputedStyle(el).fontSize) : null; };
  const qr = document.querySelector(".qr");
  out.headline = size(".step"); out.code = size(".join-code");
  out.qr = qr && qr.offsetParent ? qr.querySelector("svg").getBoundingClientRect().height : null;
  out.stageHeight = stage.height;
  out.counter = document.querySelector(".page-counter").textContent;
  out.notes = Array.from(document.querySelectorAll(".note-text")).filter(n => !n.closest(".off"))
    .map(n => n.textContent);
  return out;
}"""


def _add_cards(app, workshop, field_id: str, count: int) -> None:
    token = app.join(workshop.join_code).token
    for i in range(count):
        kind = ("strength", "gap", "idea")[i % 3]
        app.add_card(token, field_id, kind, f"{field_id} {i + 1}: " + "ein längerer Gedanke, der umbricht " * (1 + i % 3))


@pytest.fixture(scope="module")
def screens(werkstatt) -> dict[str, str]:
    """A workshop at every step the projector knows; the URL of its projector page per name."""
    app = werkstatt

    def fresh(title: str, fieldset: str = "weltoffene-kommune"):
        return app.create_workshop(title=title, municipality="Musterstadt", facilitator_pin=PIN, fieldset=fieldset)

    def url(workshop) -> str:
        return f"/beamer?w={workshop.id}&code={workshop.join_code}"

    urls = {}
    checkin = fresh("Ankommen")
    for _ in range(23):
        app.join(checkin.join_code)
    urls["checkin"] = url(checkin)
    rating = fresh("Bewertung mit Zeit", fieldset="integrationskonzept")  # nine topics and more
    app.set_live_step(rating.id, "rating")
    app.start_timer(rating.id, 10, lock_at_end=True)
    urls["rating"] = url(rating)
    results = demo.seed_demo(app, participants=20, title="Ergebnis")
    urls["results"] = url(results)
    empty = fresh("Gruppenarbeit vor der ersten Karte")
    app.add_default_groups(empty.id)
    app.set_live_step(empty.id, "cards")
    urls["cards_before_first"] = url(empty)
    wall = fresh("Kartenwand mit vielen Karten")  # without groups: everyone writes for every field
    app.set_live_step(wall.id, "cards")
    _add_cards(app, wall, "management", 24)
    _add_cards(app, wall, "zugang", 4)
    urls["cards"] = url(wall)
    ranking = demo.seed_demo(app, participants=20, seed=9, title="Ranking")
    voting = app.set_live_step(ranking.id, "voting")
    urls["voting"] = url(voting)
    other = demo.seed_demo(app, participants=20, seed=11, title="Ranking gezeigt")
    app.set_live_step(other.id, "ranking")
    urls["ranking"] = url(other)
    closed = demo.seed_demo(app, participants=20, seed=12, title="Abschluss")
    app.set_live_step(closed.id, "closed")
    urls["closed"] = url(closed)
    return urls


def _pages(page) -> list[dict]:
    """Measure every page the projector turns to, moving its clock on by one page at a time."""
    measured = [page.evaluate(MEASURE)]
    total = 1
    if measured[0]["counter"]:
        total = int(measured[0]["counter"].split()[-1])
    for _ in range(total - 1):
        page.clock.run_for(PAGE_MS)
        page.wait_for_function("() => !document.querySelector('.chart') || "
                               "[...document.querySelectorAll('.chart')].every(c => c.closest('.off') || c.querySelector('svg'))")
        measured.append(page.evaluate(MEASURE))
    return measured


@pytest.mark.parametrize("width, height", SIZES, ids=lambda v: str(v))
def test_every_step_fits_the_screen_in_type_the_last_row_can_read(new_context, screens, artifacts, width, height):
    context = new_context({"width": width, "height": height})
    page = context.new_page()
    page.clock.install()
    rule = height / 1080
    smallest = {}
    for name, url in screens.items():
        page.goto(url)
        page.wait_for_load_state("load")
        page.clock.run_for(500)
        page.wait_for_function("() => !document.querySelector('.chart') || "
                               "[...document.querySelectorAll('.chart')].every(c => c.closest('.off') || c.querySelector('svg'))")
        pages = _pages(page)
        for number, seen in enumerate(pages, start=1):
            where = f"{name} at {width}×{height}, page {number} of {len(pages)}"
            assert seen["outside"] == [], where
            assert seen["doc"] == [width, height], where  # nothing to scroll
            assert seen["smallest"] >= 28 * rule - 0.5, f"{where}: {seen['smallestText']!r}"
            assert seen["headline"] >= 56 * rule, where
            if seen["code"] is not None and name in ("checkin", "cards_before_first"):
                assert seen["code"] >= 120 * rule, where
                assert seen["qr"] >= 0.55 * seen["stageHeight"], where  # as large as the layout allows
            smallest[name] = min(smallest.get(name, 1e9), seen["smallest"])
        if name in SCREENSHOTS:  # turned on to the first page
            cycle = PAGE_MS * len(pages)
            page.clock.run_for(cycle - page.evaluate("Date.now()") % cycle + 1000)
            page.screenshot(path=artifacts / f"projector-{name}-{width}x{height}.png")
        if name == "cards":  # 24 cards of one field and 4 of another: all shown, over several pages
            shown = [text for seen in pages for text in seen["notes"]]
            assert len(shown) == 28 and len(set(shown)) == 28, name
            assert len(pages) >= 2 and all(seen["counter"].endswith(f" von {len(pages)}") for seen in pages)
    print(f"{width}×{height}: smallest font per screen (px): {smallest}")


def test_the_projector_follows_the_room_without_a_reload(new_context, werkstatt):
    workshop = werkstatt.create_workshop(title="Live", municipality="Musterstadt", facilitator_pin=PIN)
    page = new_context({"width": 1280, "height": 800}).new_page()
    page.goto(f"/beamer?w={workshop.id}&code={workshop.join_code}")
    page.evaluate("() => { window.notReloaded = true; }")
    werkstatt.join(workshop.join_code)
    page.locator(".count-number").filter(has_text="1").wait_for()
    werkstatt.set_live_step(workshop.id, "rating")
    page.locator(".step").filter(has_text="Bewertung").wait_for()
    assert page.evaluate("() => window.notReloaded") is True
