"""axe-core on every page, in German and (for the participant pages) in Arabic, plus reflow.

Each page is opened as the person who uses it would open it (the participant with their
token, the facilitator with theirs, the projector with its link), in the state that shows
the most: ratings stored, cards written, dots given, results revealed. axe-core (bundled by
``axe-playwright-python``, so it runs offline) then checks the rendered page.

A serious or critical violation fails the test when it is in content the app renders. A
violation in Streamlit's own markup that the app cannot change is not hidden either: it must
match an entry of ``STREAMLIT_FINDINGS`` (rule id + selector pattern + upstream issue), is
printed, and is listed in the README. Every page's counts by impact, split into app and
Streamlit, are written to ``artifacts/axe_figures.md``.

Reflow (WCAG 1.4.10): the participant pages must not scroll sideways on a 360 px phone, nor
at 200 % zoom of a 1280 px screen (a 640 CSS-px viewport at device scale factor 2).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DESKTOP, PROJECTOR, TABLET, screenshot_whole_page, settle
from werkstatt.demo import DEMO_PIN, DEMO_TASKFORCE_PASSWORD, seed_demo_process

pytestmark = pytest.mark.browser

AXE = Axe()
# WCAG 2.1 A and AA (what BITV 2.0 / EN 301 549 require), plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": AXE_TAGS}}
FAILING_IMPACTS = ("serious", "critical")
IMPACTS = ("critical", "serious", "moderate", "minor")


@dataclass(frozen=True)
class StreamlitFinding:
    """A violation in markup Streamlit renders and the app cannot change, with its upstream issue."""
    rule: str
    selector: str  # regular expression, searched in the node's axe target
    html: str  # regular expression, searched in the node's HTML
    element: str  # what it is, in words (for the README)
    issue: str  # the upstream Streamlit issue


STREAMLIT_FINDINGS: tuple[StreamlitFinding, ...] = (
    # st.file_uploader (the self-check CSV in the console): the drop zone is a <section> with
    # role="presentation" and an aria-label, left so when Streamlit took it out of the tab order.
    StreamlitFinding("presentation-role-conflict", r"^section$", r'data-testid="stFileUploaderDropzone"',
                     "st.file_uploader's drop zone", "streamlit/streamlit#15921 (PR #15928)"),
)


def streamlit_finding(rule: str, node: dict) -> StreamlitFinding | None:
    target = " ".join(str(part) for part in node["target"])
    for finding in STREAMLIT_FINDINGS:
        if (finding.rule == rule and re.search(finding.selector, target)
                and re.search(finding.html, node["html"])):
            return finding
    return None


@dataclass(frozen=True)
class Stop:
    """One page to check: its path (``{…}`` filled from the scene), the tab to open, the viewport."""
    name: str
    path: str
    viewport: dict
    tab: str | None = None
    participant: bool = False


STOPS = [
    Stop("start", "/", DESKTOP),
    Stop("code form", "/teilnehmen", TABLET, participant=True),
    Stop("join form", "/teilnehmen?code={rating_code}", TABLET, participant=True),
    Stop("rating", "/teilnehmen?t={rating_token}", TABLET, participant=True),
    Stop("cards", "/teilnehmen?t={cards_token}", TABLET, participant=True),
    Stop("voting", "/teilnehmen?t={voting_token}", TABLET, participant=True),
    Stop("waiting", "/teilnehmen?t={results_token}", TABLET, participant=True),
    Stop("projector check-in", "/beamer?w={checkin_id}&code={checkin_code}", PROJECTOR),
    Stop("projector rating", "/beamer?w={rating_id}&code={rating_code}", PROJECTOR),
    Stop("projector wall", "/beamer?w={voting_id}&code={voting_code}", PROJECTOR),
    Stop("projector results", "/beamer?w={results_id}&code={results_code}", PROJECTOR),
    Stop("console: agenda", "/moderation?f={facilitator}", DESKTOP),
    Stop("console: groups", "/moderation?f={facilitator}", DESKTOP, tab="Gruppen"),
    Stop("console: cards", "/moderation?f={facilitator}", DESKTOP, tab="Karten moderieren"),
    Stop("console: process", "/moderation?f={facilitator}", DESKTOP, tab="Taskforce & Selbstcheck"),
    Stop("results", "/ergebnisse?f={facilitator}", DESKTOP),
    Stop("task force: review", "/taskforce?tf={taskforce}", DESKTOP),
    Stop("task force: actions", "/taskforce?tf={taskforce}", DESKTOP, tab="Maßnahmen"),
    Stop("task force: compare", "/taskforce?tf={taskforce}", DESKTOP, tab="Vergleich & Selbstcheck"),
    Stop("task force: roster", "/taskforce?tf={taskforce}", DESKTOP, tab="Mitglieder"),
    Stop("task force: downloads", "/taskforce?tf={taskforce}", DESKTOP, tab="Dokumentation"),
    Stop("statement", "/barrierefreiheit", DESKTOP),
]
PARTICIPANT_STOPS = [stop for stop in STOPS if stop.participant]


@pytest.fixture(scope="module")
def scene(werkstatt) -> dict[str, str]:
    """A process with two workshops (results revealed) and a task force, and one workshop per
    participant step, each with a participant who has done something in it."""
    _spring, autumn, process = seed_demo_process(werkstatt, participants=12)
    checkin = werkstatt.create_workshop(title="Ankommen", municipality="Musterstadt", facilitator_pin=DEMO_PIN)

    rating = werkstatt.create_workshop(title="Bewertung", municipality="Musterstadt",
                                       facilitator_pin=DEMO_PIN)
    werkstatt.set_live_step(rating.id, "rating")
    rater = werkstatt.join(rating.join_code, sector="verwaltung").token
    fields = werkstatt.fieldset(rating).fields
    werkstatt.rate(rater, fields[0].id, 3)
    werkstatt.rate(rater, fields[1].id, None)

    cards = werkstatt.create_workshop(title="Karten", municipality="Musterstadt", facilitator_pin=DEMO_PIN)
    werkstatt.set_live_step(cards.id, "cards")
    writer = werkstatt.join(cards.join_code).token
    werkstatt.add_card(writer, fields[0].id, "gap", "Mehrsprachige Beratung im Bürgeramt fehlt")
    werkstatt.add_card(writer, fields[1].id, "strength", "Gute Zusammenarbeit mit Migrantenorganisationen")

    voting = werkstatt.create_workshop(title="Punkte", municipality="Musterstadt", facilitator_pin=DEMO_PIN)
    werkstatt.set_live_step(voting.id, "cards")
    author = werkstatt.join(voting.join_code).token
    for kind, text in (("gap", "Mehrsprachige Formulare"), ("idea", "Willkommenspaten für neue Nachbarn"),
                       ("strength", "Integrationsbeirat tagt regelmäßig")):
        werkstatt.add_card(author, fields[0].id, kind, text)
    werkstatt.set_live_step(voting.id, "voting")
    voter = werkstatt.join(voting.join_code).token
    werkstatt.vote(voter, werkstatt.board(voting.id)[0].id, 1)

    return {
        "checkin_id": checkin.id, "checkin_code": checkin.join_code,
        "rating_id": rating.id, "rating_code": rating.join_code, "rating_token": rater,
        "cards_token": writer,
        "voting_id": voting.id, "voting_code": voting.join_code, "voting_token": voter,
        "results_id": autumn.id, "results_code": autumn.join_code,
        "results_token": werkstatt.join(autumn.join_code).token,
        "facilitator": werkstatt.facilitator_login(autumn.join_code, DEMO_PIN),
        "taskforce": werkstatt.taskforce_login(process.code, DEMO_TASKFORCE_PASSWORD),
    }


@pytest.fixture(scope="module")
def figures(artifacts):
    """Each audited page's counts by impact, written as one table when the module is done."""
    rows: list[str] = []
    yield rows
    header = ["page", "lang", *(f"app {i}" for i in IMPACTS), *(f"Streamlit {i}" for i in IMPACTS), "rules"]
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *rows]
    (artifacts / "axe_figures.md").write_text("\n".join(table) + "\n")
    print("\n[axe] counts of violating nodes by impact\n" + "\n".join(table))


def open_stop(page: Page, stop: Stop, scene: dict, lang: str) -> None:
    path = stop.path.format(**scene)
    if lang != "de":
        path += ("&" if "?" in path else "?") + f"lang={lang}"
    page.goto(path)
    expect(page.locator("h1, h2, .ws-step, .ws-big-code").first).to_be_visible()
    if stop.tab:
        page.get_by_role("tab", name=stop.tab, exact=True).click()
        expect(page.get_by_role("tab", name=stop.tab, exact=True)).to_have_attribute("aria-selected", "true")
    settle(page)
    # What hides behind an expander (the charts' tables, the guiding questions) is checked open.
    closed = page.locator('[data-testid="stExpander"] details:not([open]) > summary:visible')
    for _ in range(50):
        if not closed.count():
            break
        closed.first.click()
    settle(page)
    for chart in page.get_by_test_id("stPlotlyChart").all():
        expect(chart.locator(".main-svg").first).to_be_attached()
    settle(page)


def audit(page: Page, stop: Stop, lang: str, figures: list[str]) -> list[str]:
    """Run axe; record the counts; return the serious/critical problems in the app's own content."""
    result = AXE.run(page, options=AXE_OPTIONS).response
    app_counts, streamlit_counts, rules = Counter(), Counter(), Counter()
    failures, known, minor = [], [], []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            impact = node.get("impact") or violation["impact"]
            finding = streamlit_finding(violation["id"], node)
            (streamlit_counts if finding else app_counts)[impact] += 1
            rules[f"{violation['id']} ({impact}{', Streamlit' if finding else ''})"] += 1
            line = f"{violation['id']} ({impact}) {node['target']}: {node['html'][:160]}"
            if finding:
                known.append(f"{line} — Streamlit's {finding.element}, {finding.issue}")
            elif impact in FAILING_IMPACTS:
                failures.append(f"{line}\n    {node.get('failureSummary', '')}")
            else:
                minor.append(line)
    rule_counts = ", ".join(f"{rule} ×{n}" for rule, n in sorted(rules.items()))
    figures.append("| " + " | ".join([stop.name, lang, *(str(app_counts[i]) for i in IMPACTS),
                                       *(str(streamlit_counts[i]) for i in IMPACTS), rule_counts]) + " |")
    if known:
        print(f"\n[axe] {stop.name} ({lang}): known Streamlit findings\n  " + "\n  ".join(known))
    if minor:
        print(f"\n[axe] {stop.name} ({lang}): moderate and minor findings in the app\n  "
              + "\n  ".join(minor))
    return failures


def _slug(stop: Stop, suffix: str) -> str:
    return re.sub(r"\W+", "_", f"{stop.name}_{suffix}").strip("_")


@pytest.mark.parametrize("stop", STOPS, ids=lambda s: s.name)
def test_axe_german(new_context, scene, figures, artifacts, stop):
    page = new_context(stop.viewport).new_page()
    open_stop(page, stop, scene, "de")
    failures = audit(page, stop, "de", figures)
    screenshot_whole_page(page, artifacts / f"axe_{_slug(stop, 'de')}.png")
    assert not failures, f"{stop.name}: serious/critical violations in the app:\n" + "\n".join(failures)


@pytest.mark.parametrize("stop", PARTICIPANT_STOPS, ids=lambda s: s.name)
def test_axe_arabic(new_context, scene, figures, artifacts, stop):
    page = new_context(stop.viewport).new_page()
    open_stop(page, stop, scene, "ar")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    failures = audit(page, stop, "ar", figures)
    screenshot_whole_page(page, artifacts / f"axe_{_slug(stop, 'ar')}.png")
    assert not failures, f"{stop.name}: serious/critical violations in the app:\n" + "\n".join(failures)


OVERFLOW = """() => [document.documentElement, document.body,
                     document.querySelector('[data-testid="stMain"]')]
    .filter(Boolean).map(e => ({tag: e.tagName, testid: e.dataset.testid || "",
                                scroll: e.scrollWidth, client: e.clientWidth}))
    .filter(e => e.scroll > e.client + 1)"""

REFLOW_VIEWPORTS = {
    "phone 360 px": ({"width": 360, "height": 740}, 3),
    "200 % zoom": ({"width": 640, "height": 450}, 2),
}


@pytest.mark.parametrize("viewport", REFLOW_VIEWPORTS, ids=str)
@pytest.mark.parametrize("stop", PARTICIPANT_STOPS, ids=lambda s: s.name)
def test_participant_pages_reflow_without_sideways_scrolling(browser, base_url, scene, artifacts, stop,
                                                              viewport):
    size, scale = REFLOW_VIEWPORTS[viewport]
    phone = viewport.startswith("phone")
    context = browser.new_context(base_url=base_url, viewport=size, device_scale_factor=scale, locale="de-DE",
                                  is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        open_stop(page, stop, scene, "de")
        overflowing = page.evaluate(OVERFLOW)
        screenshot_whole_page(page, artifacts / f"reflow_{_slug(stop, viewport)}.png")
        assert overflowing == [], f"{stop.name} scrolls sideways at {viewport}: {overflowing}"
    finally:
        context.close()
