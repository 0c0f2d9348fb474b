"""axe-core on every page, plus reflow, touch targets, headings and the page's language.

**The participant screens** (``werkstatt.web``: plain HTML, KERN styles) are checked one by one
in every state a participant meets, in German and in Arabic: the code form (also with an
error), the join form (also from a group tablet's link and after joining on this device), the
waiting screen of the check-in, the rating (some fields rated; one refused; locked; with a
countdown), the card step (the group choice; a group with cards and the success message; a new
card refused; an edit refused, its form open; locked), the voting (dots on several fields; a
tap refused), the ranking, the results after the reveal, and the closed workshop. Every
``<details>`` (guiding questions, change group, edit, delete) is opened first. On these pages
axe-core finds **no violation of any impact**, and there is no allow-list: the app renders all
of their markup.

On each of them, in both languages:

- ``<html>`` carries ``lang`` and ``dir`` of the language (``rtl`` for Arabic), and the page
  is laid out in that direction;
- the headings start at one ``h1`` and never skip a level (the visually hidden ones count:
  a screen reader lists them);
- every interactive element is at least 44 × 44 CSS px: links, buttons, summaries, selects,
  text fields, and each radio button together with its label (the area a tap on it hits).
  A link inside running text is exempt (WCAG 2.5.8 names this exception: a 44 px line box
  would tear the sentence apart); today the participant screens have none;
- reflow (WCAG 1.4.10): nothing scrolls sideways and nothing sticks out of the window on a
  360 px phone, nor at 200 % zoom of a 1280 px screen (a 640 CSS-px viewport at device scale 2).

**The Streamlit pages** (start, projector, console, results, task force, statement) are checked
in German as before: a serious or critical violation fails the test when it is in content the
app renders. A violation in Streamlit's own markup that the app cannot change is not hidden
either: it must match an entry of ``STREAMLIT_FINDINGS`` (rule id + selector pattern + upstream
issue), is printed, and is listed in the README.

Every page's counts by impact, split into app and Streamlit, are written to
``artifacts/axe_figures.md``; a screenshot of each audited page lands beside it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

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
FAILING_IMPACTS = ("serious", "critical")  # on the Streamlit pages; on the participant screens: all
IMPACTS = ("critical", "serious", "moderate", "minor")
LANGUAGES = ("de", "ar")
PHONE = {"width": 360, "height": 740}
MIN_TARGET = 44  # CSS px, each way


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
    """One Streamlit page to check: its path (``{…}`` filled from the scene), the tab to open, the viewport."""
    name: str
    path: str
    viewport: dict
    tab: str | None = None


STOPS = [
    Stop("start", "/", DESKTOP),
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


# The projector is a page of its own (werkstatt.projector): every impact counts there, as on the phones.
PROJECTOR_STOPS = [
    Stop("projector check-in", "/beamer?w={checkin_id}&code={checkin_code}", PROJECTOR),
    Stop("projector rating", "/beamer?w={rating_id}&code={rating_code}", PROJECTOR),
    Stop("projector wall", "/beamer?w={voting_id}&code={voting_code}", PROJECTOR),
    Stop("projector results", "/beamer?w={results_id}&code={results_code}", PROJECTOR),
]


# --- the participant screens ----------------------------------------------------------------

def with_lang(path: str, lang: str) -> str:
    return path if lang == "de" else path + ("&" if "?" in path else "?") + f"lang={lang}"


POST_NATIVELY = """([action, fields]) => {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = action;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden'; input.name = name; input.value = value;
    form.append(input);
  }
  document.body.append(form);
  HTMLFormElement.prototype.submit.call(form);  // past the script: the form as a browser without it sends it
}"""


def wrong_code(page: Page, scene: dict, lang: str) -> None:
    """Types a code no workshop has and sends it."""
    page.locator("#code").fill("ZZZZZZ")
    page.locator("#code").press("Enter")
    expect(page.locator("#code-error")).to_be_visible()


def join_then_come_back(page: Page, scene: dict, lang: str) -> None:
    """Joins on this device, then opens the workshop's join link again ("you already joined")."""
    page.locator('form[action="/teilnehmen/beitreten"] button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/p/[\w-]+"))
    page.goto(with_lang(f"/teilnehmen?code={scene['rating_code']}", lang))
    expect(page.locator(".ws-link-button")).to_be_visible()


def refuse_rating(page: Page, scene: dict, lang: str) -> None:
    """A level the scale does not have, for the third field (only a tampered form sends one;
    the refusal renders like every other: the message at the field, the rest as stored)."""
    with page.expect_navigation():
        page.evaluate(POST_NATIVELY, [with_lang(f"/p/{scene['rating_token']}/rating", lang),
                                      {"field": scene["third_field"], "level": "9"}])
    expect(page.locator(f"#error-{scene['third_field']}")).to_be_visible()


def refuse_card(page: Page, scene: dict, lang: str) -> None:
    """A card with a text but no kind chosen."""
    page.locator("#card-text").fill("Sprachcafé in der Stadtbibliothek")
    page.locator('#card-form button[type="submit"]').click()
    expect(page.locator("#card-error")).to_be_visible()


def refuse_edit(page: Page, scene: dict, lang: str) -> None:
    """Opens the edit form of one's newest card, empties the text, saves."""
    card = page.locator(f"#card-{scene['edited_card']}")
    card.locator("summary").first.click()
    card.locator("textarea").fill("")
    card.locator('button[type="submit"]').first.click()
    expect(card.locator(".ws-error")).to_be_visible()
    expect(card.locator("details").first).to_have_attribute("open", "")


def refuse_dots(page: Page, scene: dict, lang: str) -> None:
    """Two dots on a third card when only one is left of the budget."""
    page.locator(f"#d-{scene['unvoted_card']}-2").click()  # the (transparent) radio lies over its label
    expect(page.locator(f"#dots-error-{scene['unvoted_card']}")).to_be_visible()


@dataclass(frozen=True)
class Screen:
    """One participant screen: its path (``{…}`` from the scene) and what the person does there first."""
    name: str
    path: str
    act: Callable[[Page, dict, str], None] | None = None


SCREENS = [
    Screen("code form", "/teilnehmen"),
    Screen("code form: unknown code", "/teilnehmen", wrong_code),
    Screen("join form", "/teilnehmen?code={rating_code}"),
    Screen("join form: group tablet", "/teilnehmen?code={groups_code}&g={group_id}&tablet=1"),
    Screen("join form: joined before", "/teilnehmen?code={rating_code}", join_then_come_back),
    Screen("check-in", "/p/{checkin_token}"),
    Screen("rating", "/p/{rating_token}"),
    Screen("rating: refused", "/p/{rating_token}", refuse_rating),
    Screen("rating: locked", "/p/{locked_rating_token}"),
    Screen("rating: countdown", "/p/{timer_token}"),
    Screen("cards: group choice", "/p/{chooser_token}"),
    Screen("cards: group and cards", "/p/{writer_token}?done=group"),
    Screen("cards: new card refused", "/p/{writer_token}", refuse_card),
    Screen("cards: edit refused", "/p/{writer_token}", refuse_edit),
    Screen("cards: locked", "/p/{locked_cards_token}"),
    Screen("voting", "/p/{voter_token}?field={second_field}"),
    Screen("voting: refused", "/p/{voter_token}", refuse_dots),
    Screen("ranking", "/p/{ranking_token}"),
    Screen("results", "/p/{results_token}"),
    Screen("closed", "/p/{closed_token}"),
]


@pytest.fixture(scope="module")
def scene(werkstatt) -> dict[str, str]:
    """A process with two workshops (results revealed) and a task force for the Streamlit pages,
    and one workshop per participant state, each with a participant who has done something in it."""
    app = werkstatt
    _spring, autumn, process = seed_demo_process(app, participants=12)

    def workshop(title: str, step: str = "checkin"):
        created = app.create_workshop(title=title, municipality="Musterstadt", facilitator_pin=DEMO_PIN)
        return app.set_live_step(created.id, step) if step != "checkin" else created

    checkin = workshop("Ankommen")
    checkin_token = app.join(checkin.join_code, sector="zivilgesellschaft").token

    rating = workshop("Bewertung", "rating")
    fields = app.fieldset(rating).fields
    rater = app.join(rating.join_code, sector="verwaltung").token
    app.rate(rater, fields[0].id, 3)
    app.rate(rater, fields[1].id, None)

    locked_rating = workshop("Bewertung gesperrt", "rating")
    locked_rater = app.join(locked_rating.join_code).token
    app.rate(locked_rater, fields[0].id, 2)
    app.lock_input(locked_rating.id, True)

    timed = workshop("Bewertung mit Uhr", "rating")
    timer_token = app.join(timed.join_code).token
    app.rate(timer_token, fields[2].id, 4)
    app.start_timer(timed.id, 240, lock_at_end=True)  # the longest: it must not run out during the module

    # group work: one group per field (one click in the console), and one for two fields
    groups_ws = workshop("Gruppenarbeit")
    default_groups = app.add_default_groups(groups_ws.id)
    pair = app.add_group(groups_ws.id, "Zugang und Öffnung", [fields[2].id, fields[1].id])
    app.set_live_step(groups_ws.id, "cards")
    chooser = app.join(groups_ws.join_code).token
    writer = app.join(groups_ws.join_code, group_id=pair.id).token
    app.add_card(writer, fields[2].id, "gap", "Mehrsprachige Beratung im Bürgeramt fehlt")
    hidden = app.add_card(writer, fields[1].id, "idea", "Ein Fest der Nachbarschaften, einmal im Jahr")
    app.hide_card(groups_ws.id, hidden.id)  # taken over by the facilitator: no more edit or delete
    edited = app.add_card(writer, fields[1].id, "strength", "Gute Zusammenarbeit mit Migrantenorganisationen")

    locked_cards = workshop("Karten gesperrt", "cards")
    locked_writer = app.join(locked_cards.join_code).token
    app.add_card(locked_writer, fields[0].id, "gap", "Formulare nur auf Deutsch")
    app.lock_input(locked_cards.id, True)

    def ballot(title: str):
        """Cards on two fields, then the voting step."""
        created = workshop(title, "cards")
        author = app.join(created.join_code).token
        for field, kind, text in ((fields[0], "gap", "Mehrsprachige Formulare"),
                                  (fields[0], "idea", "Willkommenspaten für neue Nachbarn"),
                                  (fields[0], "gap", "Sprechzeiten auch am Abend"),
                                  (fields[1], "idea", "Interkulturelle Schulung für alle Ämter"),
                                  (fields[1], "strength", "Integrationsbeirat tagt regelmäßig")):
            app.add_card(author, field.id, kind, text)
        return app.set_live_step(created.id, "voting")

    voting = ballot("Punkte")
    voter = app.join(voting.join_code).token
    board = [c for c in app.board(voting.id) if c.votable]
    first_field = [c for c in board if c.field_id == fields[0].id]
    app.vote(voter, first_field[0].id, 2)
    app.vote(voter, next(c for c in board if c.field_id == fields[1].id).id, 2)

    ranking = ballot("Rangfolge")
    ranker = app.join(ranking.join_code).token
    app.vote(ranker, next(c for c in app.board(ranking.id) if c.votable).id, 1)
    app.set_live_step(ranking.id, "ranking")

    def rated_by_six(title: str, step: str) -> str:
        created = workshop(title, "rating")
        tokens = [app.join(created.join_code).token for _ in range(6)]
        for number, token in enumerate(tokens):
            for field_number, field in enumerate(fields):
                app.rate(token, field.id, 1 + (number + field_number) % 4 if field_number % 3 else 4)
        app.set_live_step(created.id, step)
        return tokens[0]

    return {
        # the Streamlit pages
        "checkin_id": checkin.id, "checkin_code": checkin.join_code,
        "rating_id": rating.id, "rating_code": rating.join_code,
        "voting_id": voting.id, "voting_code": voting.join_code,
        "results_id": autumn.id, "results_code": autumn.join_code,
        "facilitator": app.facilitator_login(autumn.join_code, DEMO_PIN),
        "taskforce": app.taskforce_login(process.code, DEMO_TASKFORCE_PASSWORD),
        # the participant screens
        "checkin_token": checkin_token, "rating_token": rater, "third_field": fields[2].id,
        "locked_rating_token": locked_rater, "timer_token": timer_token,
        "groups_code": groups_ws.join_code, "group_id": default_groups[0].id,
        "chooser_token": chooser, "writer_token": writer, "edited_card": edited.id,
        "locked_cards_token": locked_writer,
        "voter_token": voter, "second_field": fields[1].id, "unvoted_card": first_field[1].id,
        "ranking_token": ranker,
        "results_token": rated_by_six("Ergebnis", "results"), "closed_token": rated_by_six("Abgeschluss", "closed"),
    }


def painted(page: Page) -> None:
    """The page has loaded, its script has run, and the last change is painted."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def open_screen(page: Page, screen: Screen, scene: dict, lang: str) -> None:
    """The screen as the participant reaches it, every ``<details>`` opened, nothing else changed."""
    response = page.goto(with_lang(screen.path.format(**scene), lang))
    assert response.status == 200, f"{screen.name}: HTTP {response.status}"
    expect(page.locator("h1")).to_be_visible()
    if screen.act:
        screen.act(page, scene, lang)
    painted(page)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    painted(page)


def screen_params(check: str | None = None) -> list:
    """Every screen in both languages, with the known failures of ``check`` marked."""
    params = []
    for screen in SCREENS:
        for lang in LANGUAGES:
            marks = []
            reason = KNOWN_FAILURES.get((check, screen.name)) if check else None
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            params.append(pytest.param(screen, lang, id=f"{screen.name}-{lang}", marks=marks))
    return params


# A failing check the app (werkstatt/web, not this test) must fix, by (check, screen name): marked as a
# strict xfail, so a fix shows as XPASS. None at present.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


# --- axe -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def figures(artifacts):
    """Each audited page's counts by impact, written as one table when the module is done."""
    rows: list[str] = []
    yield rows
    header = ["page", "lang", *(f"app {i}" for i in IMPACTS), *(f"Streamlit {i}" for i in IMPACTS), "rules"]
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *rows]
    (artifacts / "axe_figures.md").write_text("\n".join(table) + "\n")
    print("\n[axe] counts of violating nodes by impact\n" + "\n".join(table))


def open_stop(page: Page, stop: Stop, scene: dict) -> None:
    page.goto(stop.path.format(**scene))
    expect(page.locator("h1, h2").first).to_be_visible()
    if stop.tab:
        page.get_by_role("tab", name=stop.tab, exact=True).click()
        expect(page.get_by_role("tab", name=stop.tab, exact=True)).to_have_attribute("aria-selected", "true")
    settle(page)
    # What hides behind an expander (the charts' tables) is checked open.
    closed = page.locator('[data-testid="stExpander"] details:not([open]) > summary:visible')
    for _ in range(50):
        if not closed.count():
            break
        closed.first.click()
    settle(page)
    for chart in page.get_by_test_id("stPlotlyChart").all():
        expect(chart.locator(".main-svg").first).to_be_attached()
    settle(page)


def audit(page: Page, name: str, lang: str, figures: list[str], failing: tuple[str, ...]) -> list[str]:
    """Run axe; record the counts; return the violations of a ``failing`` impact in the app's own content."""
    result = AXE.run(page, options=AXE_OPTIONS).response
    app_counts, streamlit_counts, rules = Counter(), Counter(), Counter()
    failures, known, minor = [], [], []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            impact = node.get("impact") or violation["impact"]
            finding = streamlit_finding(violation["id"], node)
            (streamlit_counts if finding else app_counts)[impact] += 1
            rules[f"{violation['id']} ({impact}{', Streamlit' if finding else ''})"] += 1
            line = f"{violation['id']} ({impact}) {node['target']}: {node['html'][:200]}"
            if finding:
                known.append(f"{line} — Streamlit's {finding.element}, {finding.issue}")
            elif impact in failing:
                failures.append(f"{line}\n    {node.get('failureSummary', '')}\n    {violation['helpUrl']}")
            else:
                minor.append(line)
    rule_counts = ", ".join(f"{rule} ×{n}" for rule, n in sorted(rules.items()))
    figures.append("| " + " | ".join([name, lang, *(str(app_counts[i]) for i in IMPACTS),
                                       *(str(streamlit_counts[i]) for i in IMPACTS), rule_counts]) + " |")
    if known:
        print(f"\n[axe] {name} ({lang}): known Streamlit findings\n  " + "\n  ".join(known))
    if minor:
        print(f"\n[axe] {name} ({lang}): moderate and minor findings in the app\n  " + "\n  ".join(minor))
    return failures


def _slug(name: str, suffix: str) -> str:
    return re.sub(r"\W+", "_", f"{name}_{suffix}").strip("_")


@pytest.mark.parametrize("stop", STOPS, ids=lambda s: s.name)
def test_axe_on_the_streamlit_pages(new_context, scene, figures, artifacts, stop):
    page = new_context(stop.viewport).new_page()
    open_stop(page, stop, scene)
    failures = audit(page, stop.name, "de", figures, FAILING_IMPACTS)
    screenshot_whole_page(page, artifacts / f"axe_{_slug(stop.name, 'de')}.png")
    assert not failures, f"{stop.name}: serious/critical violations in the app:\n" + "\n".join(failures)


@pytest.mark.parametrize("stop", PROJECTOR_STOPS, ids=lambda s: s.name)
def test_axe_finds_nothing_on_the_projector(new_context, scene, figures, artifacts, stop):
    """Every impact counts, minor included; the charts are drawn before axe looks."""
    page = new_context(stop.viewport).new_page()
    page.goto(stop.path.format(**scene))
    page.wait_for_function("() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('svg'))")
    failures = audit(page, stop.name, "de", figures, IMPACTS)
    page.screenshot(path=artifacts / f"axe_{_slug(stop.name, 'de')}.png")
    assert not failures, f"{stop.name}: axe violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("screen, lang", screen_params())
def test_axe_finds_nothing_on_the_participant_screens(new_context, scene, figures, artifacts, screen, lang):
    """Every impact counts, minor included; no allow-list."""
    page = new_context(TABLET).new_page()
    open_screen(page, screen, scene, lang)
    failures = audit(page, screen.name, lang, figures, IMPACTS)
    page.screenshot(path=artifacts / f"axe_{_slug(screen.name, lang)}.png", full_page=True)
    assert not failures, f"{screen.name} ({lang}): axe violations:\n" + "\n".join(failures)


# --- language, direction, headings --------------------------------------------------------------

STRUCTURE = """() => {
  const html = document.documentElement;
  const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'))
    .filter(h => getComputedStyle(h).display !== 'none' && !h.closest('[hidden], [aria-hidden="true"]'))
    .map(h => ({level: h.getAttribute('aria-level') ? Number(h.getAttribute('aria-level')) : Number(h.tagName[1]),
                text: h.textContent.trim().slice(0, 60)}));
  return {lang: html.getAttribute('lang'), dir: html.getAttribute('dir'),
          direction: getComputedStyle(document.getElementById('main')).direction, headings};
}"""


@pytest.mark.parametrize("screen, lang", screen_params())
def test_language_direction_and_headings(new_context, scene, screen, lang):
    page = new_context(TABLET).new_page()
    open_screen(page, screen, scene, lang)
    found = page.evaluate(STRUCTURE)
    direction = "rtl" if lang == "ar" else "ltr"
    assert (found["lang"], found["dir"], found["direction"]) == (lang, direction, direction), found
    levels = [h["level"] for h in found["headings"]]
    assert levels and levels[0] == 1 and levels.count(1) == 1, f"one h1, first: {found['headings']}"
    skips = [(a, b) for a, b in zip(found["headings"], found["headings"][1:]) if b["level"] > a["level"] + 1]
    assert not skips, f"{screen.name} ({lang}): a heading level is skipped: {skips}"


# --- touch targets -----------------------------------------------------------------------------

TARGETS = """(minimum) => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    && !el.closest('.ws-sr');
  const describe = (el, box) => ({
    element: el.outerHTML.replace(/\\s+/g, ' ').slice(0, 140),
    width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10});
  // A link in running text: its paragraph holds more words than the link itself.
  const inline = el => el.tagName === 'A' && getComputedStyle(el).display === 'inline'
    && el.parentElement.matches('p, li, dd, span') && el.parentElement.textContent.trim() !== el.textContent.trim();
  const small = [], exempt = [];
  const controls = 'a[href], button, summary, select, textarea, input:not([type=hidden]):not([type=radio]):not([type=checkbox])';
  for (const el of document.querySelectorAll(controls)) {
    if (!shown(el) || el.matches(':disabled')) continue;
    const box = el.getBoundingClientRect();
    if (box.width >= minimum && box.height >= minimum) continue;
    (inline(el) ? exempt : small).push(describe(el, box));
  }
  // A radio button is hit on its circle and on its label: the box around both.
  for (const radio of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    if (radio.matches(':disabled') || !radio.labels.length) continue;
    const parts = [radio, ...radio.labels].filter(shown).map(e => e.getBoundingClientRect());
    if (!parts.length) continue;
    const left = Math.min(...parts.map(r => r.left)), right = Math.max(...parts.map(r => r.right));
    const top = Math.min(...parts.map(r => r.top)), bottom = Math.max(...parts.map(r => r.bottom));
    const box = {width: right - left, height: bottom - top};
    if (box.width < minimum || box.height < minimum) small.push(describe(radio.labels[0], box));
  }
  return {small, exempt};
}"""


@pytest.mark.parametrize("screen, lang", screen_params("targets"))
def test_every_touch_target_is_at_least_44_px(browser, base_url, scene, screen, lang):
    context = browser.new_context(base_url=base_url, viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="de-DE")
    try:
        page = context.new_page()
        open_screen(page, screen, scene, lang)
        found = page.evaluate(TARGETS, MIN_TARGET)
        if found["exempt"]:
            print(f"\n[targets] {screen.name} ({lang}): links inside a sentence (exempt): {found['exempt']}")
        assert not found["small"], (f"{screen.name} ({lang}): {len(found['small'])} touch targets under "
                                    f"{MIN_TARGET}×{MIN_TARGET} px:\n" + "\n".join(map(str, found["small"])))
    finally:
        context.close()


# --- reflow --------------------------------------------------------------------------------------

OVERFLOW = """() => {
  const scrolling = [document.documentElement, document.body,
                     document.querySelector('[data-testid="stMain"]')]
    .filter(Boolean).map(e => ({tag: e.tagName, testid: e.dataset.testid || "",
                                scroll: e.scrollWidth, client: e.clientWidth}))
    .filter(e => e.scroll > e.client + 1);
  // what sticks out of the window, even where nothing scrolls (clipped content is lost content)
  const width = document.documentElement.clientWidth;
  const outside = Array.from(document.body.querySelectorAll('*'))
    .filter(e => !e.closest('.ws-sr, .ws-skip, [data-testid]') && e.getClientRects().length)
    .map(e => [e, e.getBoundingClientRect()])
    .filter(([e, r]) => r.width > 0 && (r.left < -1 || r.right > width + 1))
    .map(([e, r]) => ({element: e.outerHTML.replace(/\\s+/g, ' ').slice(0, 120),
                       left: Math.round(r.left), right: Math.round(r.right)}));
  return {scrolling, outside};
}"""

REFLOW_VIEWPORTS = {
    "phone 360 px": (PHONE, 3),
    "200 % zoom": ({"width": 640, "height": 450}, 2),
}


@pytest.mark.parametrize("viewport", REFLOW_VIEWPORTS, ids=str)
@pytest.mark.parametrize("screen, lang", screen_params())
def test_participant_screens_reflow_without_sideways_scrolling(browser, base_url, scene, artifacts, screen, lang,
                                                               viewport):
    size, scale = REFLOW_VIEWPORTS[viewport]
    phone = viewport.startswith("phone")
    context = browser.new_context(base_url=base_url, viewport=size, device_scale_factor=scale, locale="de-DE",
                                  is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        open_screen(page, screen, scene, lang)
        found = page.evaluate(OVERFLOW)
        page.screenshot(path=artifacts / f"reflow_{_slug(screen.name, f'{lang}_{viewport}')}.png", full_page=True)
        assert found == {"scrolling": [], "outside": []}, f"{screen.name} ({lang}) at {viewport}: {found}"
    finally:
        context.close()
