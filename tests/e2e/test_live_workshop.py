"""A live workshop in real browsers: facilitator, projector and three tablets on one server.

The facilitator's console is a Streamlit page; the projector is a light page of its own
(``werkstatt.projector``) whose script asks ``/beamer/stage`` once a second and swaps in the
new stage when the workshop changed, draws the charts with plotly.js and turns the pages of
what does not fit every 12 s; the tablets use the participant client of ``werkstatt.web``
(``/teilnehmen``, ``/p/<token>``), which follows the facilitator over its event stream. Nobody
reloads a page. Every wait is on content a person would see; the only timing is printed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from dataclasses import field as dataclass_field

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.conftest import PIN, seed_ratings
from tests.e2e.conftest import (
    APP_IDLE,
    PROJECTOR,
    TABLET,
    TIMEOUT_MS,
    join,
    no_horizontal_scroll,
    phone_screenshot,
    screenshot_whole_page,
    step_heading,
    token_of,
)
from werkstatt.fieldsets import DEFAULT_FIELDSET, load

pytestmark = pytest.mark.browser

FIELDSET = load(DEFAULT_FIELDSET)
FIELDS = [field.title.get("de") for field in FIELDSET.fields]
LEVELS = [FIELDSET.scale.label(v, "de") for v in FIELDSET.scale.values] + [FIELDSET.scale.label(None, "de")]
LEVEL_VALUES = {FIELDSET.scale.label(v, "de"): v for v in (*FIELDSET.scale.values, None)}
SECTORS = [sector.label.get("de") for sector in FIELDSET.sectors]
VERDICTS = ("Stärke", "Handlungsbedarf", "umstritten", "zu wenige Antworten")

CHART = ".chart"  # a plotly chart on the projector; drawn, it holds an svg.main-svg
PAGE_MS = 12_000  # the projector turns to its next page every 12 s (projector.js)
# On the projector: every chart on the page shown is drawn (charts on another page wait for their turn).
CHARTS_DRAWN = """() => [...document.querySelectorAll('.chart')]
    .every(chart => chart.closest('.off') || chart.querySelector('svg.main-svg'))"""
# On the projector: the page shown is ``n`` ("Seite n von m"; a stage of one page has no counter).
PAGE_SHOWN = """(n) => {
    const counter = document.querySelector('.page-counter');
    if (!counter) return false;
    return counter.textContent === '' ? n === 1 : counter.textContent.startsWith(`Seite ${n} von `);
}"""

# Set in a page before an action; a reload would wipe it. The interval notes
# (in the browser's clock) when the expected text first appears.
WATCH_FOR_TEXT = """(text) => {
    window.__werkstattNotReloaded = true;
    window.__werkstattSeenAt = null;
    clearInterval(window.__werkstattWatch);
    window.__werkstattWatch = setInterval(() => {
        if (window.__werkstattSeenAt === null && document.body.innerText.includes(text)) {
            window.__werkstattSeenAt = Date.now();
        }
    }, 50);
}"""


@dataclass
class Console:
    page: Page
    join_code: str
    projector_url: str


@dataclass
class ProjectorTraffic:
    """What the projector's tab asked the server while it was open."""

    stage: list[int] = dataclass_field(default_factory=list)  # the status of every /beamer/stage answer
    versions: list[str] = dataclass_field(default_factory=list)  # x-stage-version of each new stage
    websockets: list[str] = dataclass_field(default_factory=list)  # URLs of websockets it opened (none)


# --- what people do ----------------------------------------------------------------


def wait_until_idle(page: Page) -> None:
    """Second check after the expected content is visible: the script run has finished."""
    page.locator(APP_IDLE).wait_for()


def screenshot_of_screen(page: Page, path) -> None:
    """What a participant's screen shows from the top (not the whole page), painted."""
    page.evaluate("() => window.scrollTo(0, 0)")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.screenshot(path=path)


def create_workshop(page: Page, *, title: str, municipality: str, place: str, pin: str,
                    artifacts=None) -> Console:
    """Fill in the start page's create form and land on the facilitator console."""
    page.goto("/")
    create = page.get_by_role("button", name="Workshop anlegen")
    form = page.get_by_test_id("stForm").filter(has=create)
    form.get_by_label("Titel", exact=True).fill(title)
    form.get_by_label("Kommune", exact=True).fill(municipality)
    form.get_by_label("Ort", exact=True).fill(place)
    form.get_by_label("Moderations-PIN", exact=True).fill(pin)
    form.get_by_label("PIN wiederholen", exact=True).fill(pin)
    if artifacts:
        screenshot_whole_page(page, artifacts / "01_start_page.png")
    create.click()

    code_metric = page.get_by_test_id("stMetric").filter(has_text="Code für die Teilnahme")
    error = page.get_by_role("alert")  # st.error, st.warning and uncaught exceptions
    expect(code_metric.or_(error).first).to_be_visible()
    if error.count():
        if artifacts:
            screenshot_whole_page(page, artifacts / "02_console_failed.png")
        pytest.fail(f"creating the workshop did not open the console; the page shows: "
                    f"{error.first.inner_text()!r} (URL {page.url})", pytrace=False)
    expect(page).to_have_url(re.compile(r"/moderation\?(.*&)?f=[\w-]+"))
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    join_code = code_metric.get_by_test_id("stMetricValue").inner_text().strip()
    projector_url = page.get_by_role("link", name="Beamer-Ansicht öffnen").get_attribute("href")
    return Console(page, join_code, projector_url)


def open_projector(context: BrowserContext, projector_url: str) -> tuple[Page, ProjectorTraffic]:
    """The projector's tab, and a record of what it asks the server from now on."""
    page = context.new_page()
    traffic = ProjectorTraffic()
    page.on("websocket", lambda websocket: traffic.websockets.append(websocket.url))

    def on_response(response) -> None:
        if "/beamer/stage?" in response.url:
            traffic.stage.append(response.status)
            if response.status == 200:
                traffic.versions.append(response.headers.get("x-stage-version", ""))

    page.on("response", on_response)
    page.goto(projector_url)
    expect(page.locator(".join-code")).to_be_visible()
    return page, traffic


def projector_pages(page: Page) -> int:
    """How many pages the projector turns through for the stage it shows."""
    counter = page.locator(".page-counter").text_content()
    return int(counter.split()[-1]) if counter else 1


def show_projector_page(page: Page, number: int) -> None:
    """Wait until the projector has turned to page ``number`` by itself and drawn its charts."""
    page.wait_for_function(PAGE_SHOWN, arg=number, timeout=TIMEOUT_MS + PAGE_MS)
    page.wait_for_function(CHARTS_DRAWN)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def check_in(context: BrowserContext, typed_code: str, sector: str | None = None) -> Page:
    """A tablet: open /teilnehmen, type the code from the projector, pick a sector, take part;
    it waits on its own screen until the facilitator starts."""
    page = context.new_page()
    join(page, typed_code, sector)
    expect(step_heading(page, "Schön, dass Sie da sind!")).to_be_visible()
    expect(page.get_by_text("Gleich geht es los")).to_be_visible()
    return page


def rating_form(page: Page, field: str) -> Locator:
    """One field's form: its scale (a group of radios named after the field) and "Gespeichert: …"."""
    scale = page.get_by_role("group", name=f"Ihre Bewertung: {field}", exact=True)
    return page.locator("form").filter(has=scale)


def rate(page: Page, field: str, level: str) -> None:
    """Tap one level; it is sent at once and confirmed under the scale."""
    form = rating_form(page, field)
    form.get_by_label(level, exact=True).click()
    expect(form.get_by_role("status")).to_have_text(f"✓ Gespeichert: {level}")
    expect(form.get_by_label(level, exact=True)).to_be_checked()


ALL_RATED = "Alle Felder bewertet – danke!"


def rate_all(page: Page, choices: dict[str, str]) -> None:
    for field, level in choices.items():
        rate(page, field, level)
    if len(choices) == len(FIELDS):  # the screen after the last tap says so
        expect(page.get_by_text(ALL_RATED)).to_be_visible()


def expect_ratings_shown(page: Page, choices: dict[str, str]) -> None:
    """The stored levels are checked and confirmed; every other field has none."""
    for field in FIELDS:
        form = rating_form(page, field)
        if field in choices:
            expect(form.get_by_label(choices[field], exact=True)).to_be_checked()
            expect(form.get_by_role("status")).to_have_text(f"✓ Gespeichert: {choices[field]}")
        else:
            expect(form.get_by_role("radio", checked=True)).to_have_count(0)
    expect(page.get_by_text("Gespeichert: ")).to_have_count(len(choices))
    expect(page.get_by_text(ALL_RATED)).to_have_count(1 if len(choices) == len(FIELDS) else 0)


def expect_results_with_my_answers(page: Page, choices: dict[str, str]) -> None:
    """The results step on a participant's screen: per field the room's verdict beside one's own answer."""
    expect(step_heading(page, "Die Ergebnisse")).to_be_visible()
    expect(page.get_by_text("Die Ergebnisse sehen Sie jetzt am Beamer")).to_be_visible()
    results = page.get_by_role("region", name="Das Ergebnis im Raum")
    expect(results.get_by_role("listitem")).to_have_count(len(FIELDS))
    for field in FIELDS:
        row = results.get_by_role("listitem").filter(has=page.get_by_role("heading", name=field, exact=True))
        expect(row.locator(".ws-result-verdict")).to_have_text(re.compile("|".join(VERDICTS)))
        if field in choices:
            expect(row).to_contain_text(f"Ihre Antwort: {choices[field]}")
        else:
            expect(row).not_to_contain_text("Ihre Antwort")


def choices_for(participant: int) -> dict[str, str]:
    """Different levels per participant, "kann ich nicht einschätzen" included."""
    return {field: LEVELS[(2 * participant + i) % len(LEVELS)] for i, field in enumerate(FIELDS)}


def watch_for(pages: list[Page], text: str) -> float:
    """Start noting when ``text`` shows up in each page; returns now in the browsers' clock (ms)."""
    for page in pages:
        page.evaluate(WATCH_FOR_TEXT, text)
    return time.time() * 1000


def seconds_until_seen(page: Page, since_ms: float) -> float:
    seen_at = page.evaluate("window.__werkstattSeenAt")
    assert seen_at is not None, "the page showed the text, but the watcher did not see it"
    return round((seen_at - since_ms) / 1000, 2)


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__werkstattNotReloaded === true"), f"{page.url} was reloaded"


# --- the tests ------------------------------------------------------------------


def test_a_live_workshop_from_check_in_to_the_reveal(new_context, werkstatt, artifacts, readme_screenshots):
    facilitator = new_context()
    console = create_workshop(facilitator.new_page(), title="Selbstcheck Weltoffene Kommune",
                              municipality="Musterstadt", place="Rathaus, Großer Saal", pin=PIN,
                              artifacts=artifacts)
    assert re.fullmatch(r"[A-Z0-9]{6}", console.join_code), console.join_code
    assert "/beamer?" in console.projector_url and f"code={console.join_code}" in console.projector_url
    wait_until_idle(console.page)
    screenshot_whole_page(console.page, artifacts / "02_console.png")

    # The projector, before anyone has joined: the code, zero people, no results.
    projector, traffic = open_projector(new_context(PROJECTOR), console.projector_url)
    expect(projector.locator(".join-code")).to_have_text(console.join_code)
    expect(projector.locator(".count-number")).to_have_text("0")
    expect(projector.get_by_text("sind dabei")).to_be_visible()
    watch_for([projector], "never shown")  # only marks the page, to prove later it was never reloaded
    projector.screenshot(path=artifacts / "03_projector_checkin.png")

    # Three tablets type the code as people do: lower case, with a space.
    typed = f"{console.join_code[:3].lower()} {console.join_code[3:].lower()}"
    tablets = [check_in(new_context(TABLET), typed, sector) for sector in SECTORS[:3]]
    tokens = [token_of(tablet) for tablet in tablets]
    assert len(set(tokens)) == 3
    assert [werkstatt.participant(token).sector for token in tokens] == [s.id for s in FIELDSET.sectors[:3]]
    phone_screenshot(tablets[0], artifacts / "04_tablet_waiting.png")
    expect(projector.locator(".count-number")).to_have_text("3")
    expect(console.page.get_by_test_id("stMetric").filter(has_text="Angemeldet")
           .get_by_test_id("stMetricValue")).to_have_text("3")

    # The facilitator starts the rating; every tablet follows by itself.
    since = watch_for(tablets, "Ihre Einschätzung")
    console.page.get_by_role("button", name="Bewertung starten").click()
    for tablet in tablets:
        expect(step_heading(tablet, "Ihre Einschätzung")).to_be_visible()
        expect(tablet.get_by_text("Tippen Sie eine Stufe an", exact=False)).to_be_visible()
        expect(rating_form(tablet, FIELDS[0]).get_by_role("radio")).to_have_count(len(LEVELS))
    followed = [seconds_until_seen(tablet, since) for tablet in tablets]
    print(f"\n[e2e] tablets showed the rating view {followed} s after 'Bewertung starten' (no reload)")
    for tablet in tablets:
        assert_not_reloaded(tablet)
    phone_screenshot(tablets[0], artifacts / "05_tablet_rating_empty.png")

    # Everyone rates all seven fields; every tap is confirmed, and stored.
    for number, tablet in enumerate(tablets):
        rate_all(tablet, choices_for(number))
        assert_not_reloaded(tablet)  # taps are sent in the background
    for number, token in enumerate(tokens):
        levels = [LEVEL_VALUES[level] for level in choices_for(number).values()]
        assert werkstatt.my_ratings(token) == dict(zip(FIELDSET.field_ids, levels))
    no_horizontal_scroll(tablets[0])
    phone_screenshot(tablets[0], artifacts / "06_tablet_rated.png")
    screenshot_of_screen(tablets[0], readme_screenshots / "tablet.png")  # the README's "Tablet (rating)"

    # The projector counts along (it polls), and shows no result before the reveal.
    expect(projector.locator("h1.step")).to_have_text("Bewertung")
    expect(projector.locator(".count-number")).to_have_text("3")
    expect(projector.locator("table.progress td.n")).to_have_text(["3"] * len(FIELDS))
    expect(projector.get_by_text("So viele haben schon bewertet:")).to_be_visible()
    expect(projector.locator(CHART)).to_have_count(0)
    expect(projector.locator(".verdict")).to_have_count(0)
    projector.screenshot(path=artifacts / "07_projector_counts.png")

    # More of the room: nine further participants rate through the service, so the
    # verdicts are real ones (a field needs 5 answers) and the projector follows writes
    # that did not come from any browser.
    seed_ratings(werkstatt, werkstatt.workshop_by_code(console.join_code), participants=9)
    expect(projector.locator(".count-number")).to_have_text("12")
    expect(projector.locator("table.progress td.n")).to_have_text(["12"] * len(FIELDS))
    expect(projector.locator(CHART)).to_have_count(0)

    # The reveal: charts and verdict cards on the projector, the results on the tablets.
    since = watch_for(tablets, "Das Ergebnis im Raum")
    console.page.get_by_role("button", name="Ergebnis zeigen").click()
    expect(projector.locator("h1.step")).to_have_text("Ergebnis")
    expect(projector.locator(f"{CHART} svg.main-svg").first).to_be_visible()
    expect(projector.locator(CHART)).to_have_count(2)
    # Each chart is drawn when its page is shown: the projector turns to it by itself.
    pages = projector_pages(projector)
    for chart in projector.locator(CHART).all():
        expect(chart.locator("svg.main-svg").first).to_be_visible(timeout=TIMEOUT_MS + pages * PAGE_MS)
    expect(projector.locator(".verdict")).to_have_count(len(FIELDS))
    for card, field in zip(projector.locator(".verdict").all(), FIELDS):
        expect(card.locator(".verdict-title")).to_contain_text(field)
        expect(card.locator(".verdict-word")).to_have_text(re.compile("|".join(VERDICTS)))
    assert_not_reloaded(projector)
    print(f"[e2e] the projector shows the results on {pages} page(s) at {PROJECTOR['width']}×{PROJECTOR['height']}")
    show_projector_page(projector, 1)
    projector.screenshot(path=readme_screenshots / "projector.png")  # what the room sees first
    for number in range(1, pages + 1):
        show_projector_page(projector, number)
        projector.screenshot(path=artifacts / f"08_projector_results_{number}.png")

    for number, tablet in enumerate(tablets):
        expect_results_with_my_answers(tablet, choices_for(number))
    revealed = [seconds_until_seen(tablet, since) for tablet in tablets]
    print(f"[e2e] tablets showed the results view {revealed} s after 'Ergebnis zeigen' (no reload)")
    for tablet in tablets:
        assert_not_reloaded(tablet)
    phone_screenshot(tablets[0], artifacts / "09_tablet_results.png")

    # The projector followed by asking for its stage, never over a websocket: an empty 204 while
    # nothing changed, a new stage (and its version) for each change, never an error.
    assert_not_reloaded(projector)
    assert traffic.websockets == [], f"the projector opened a websocket: {traffic.websockets}"
    assert set(traffic.stage) == {200, 204}, traffic.stage
    assert len(traffic.versions) == len(set(traffic.versions)) and "" not in traffic.versions, traffic.versions
    print(f"[e2e] the projector polled /beamer/stage {len(traffic.stage)} times: "
          f"{traffic.stage.count(204)} × 204, {traffic.stage.count(200)} new stages")


def test_a_reload_keeps_the_answers(new_context, werkstatt, artifacts):
    workshop = werkstatt.create_workshop(title="Reload", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    tablet = join_during_rating(new_context(TABLET), workshop.join_code)
    choices = dict(list(choices_for(1).items())[:4])  # not every field: the rest must stay empty
    rate_all(tablet, choices)

    tablet.reload()
    expect(step_heading(tablet, "Ihre Einschätzung")).to_be_visible()
    expect_ratings_shown(tablet, choices)
    for device in (tablet.context, new_context(TABLET)):  # a new tab, and another device with the link
        again = device.new_page()
        again.goto(f"/p/{token_of(tablet)}")
        expect(step_heading(again, "Ihre Einschätzung")).to_be_visible()
        expect_ratings_shown(again, choices)
    phone_screenshot(again, artifacts / "10_tablet_after_reload.png")


def join_during_rating(context: BrowserContext, code: str) -> Page:
    """Join with the code in the QR link; the rating is already open."""
    page = context.new_page()
    join(page, code, typed=False)
    expect(step_heading(page, "Ihre Einschätzung")).to_be_visible()
    return page


@pytest.mark.parametrize("path", ["/moderation", "/moderation?f=wrong", "/moderation?f={own_token}",
                                  "/ergebnisse?f=wrong"])
def test_a_participant_cannot_reach_the_facilitator_controls(new_context, werkstatt, artifacts, path):
    workshop = werkstatt.create_workshop(title="Gesperrt", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    participant = new_context(TABLET)
    tablet = join_during_rating(participant, workshop.join_code)
    own_token = token_of(tablet)

    page = participant.new_page()
    page.goto(path.format(own_token=own_token))
    refused = page.get_by_text("Für die Moderation bitte zuerst mit Code und PIN anmelden.")
    if "f=" in path:
        expect(refused).to_be_visible()
    else:  # the guard refuses, or the page is not registered and Streamlit shows the start page
        expect(refused.or_(page.get_by_role("button", name="Workshop anlegen")).first).to_be_visible()
    wait_until_idle(page)
    for label in ("Bewertung starten", "Ergebnis zeigen", "Workshop beenden", "Ankommen"):
        expect(page.get_by_role("button", name=label)).to_have_count(0)
    expect(page.get_by_text("Code für die Teilnahme")).to_have_count(0)
    name = re.sub(r"\W+", "_", path).strip("_")
    screenshot_whole_page(page, artifacts / f"11_participant_at_{name}.png")
    assert werkstatt.workshop(workshop.id).live_step == "rating"
