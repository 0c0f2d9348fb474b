"""A live workshop in real browsers: facilitator, projector and three tablets on one server.

What AppTest cannot show: ``st.fragment(run_every=2)`` polling, so the tablets
and the projector follow the facilitator without anyone reloading a page.
Every wait is on content a person would see; the only timing is printed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.conftest import PIN, seed_ratings
from tests.e2e.conftest import APP_IDLE, PROJECTOR, TABLET, screenshot_whole_page, settle
from werkstatt.fieldsets import DEFAULT_FIELDSET, load

pytestmark = pytest.mark.browser

FIELDSET = load(DEFAULT_FIELDSET)
FIELDS = [field.title.get("de") for field in FIELDSET.fields]
LEVELS = [FIELDSET.scale.label(v, "de") for v in FIELDSET.scale.values] + [FIELDSET.scale.label(None, "de")]
SECTORS = [sector.label.get("de") for sector in FIELDSET.sectors]
SECTOR_QUESTION = "Aus welchem Bereich kommen Sie? (freiwillig)"
VERDICTS = ("Stärke", "Handlungsbedarf", "umstritten", "zu wenige Antworten")

CHART = '[data-testid="stPlotlyChart"]'

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


# --- what people do ----------------------------------------------------------------


def wait_until_idle(page: Page) -> None:
    """Second check after the expected content is visible: the script run has finished."""
    page.locator(APP_IDLE).wait_for()


def scroll_to_top(page: Page) -> None:
    page.get_by_test_id("stMain").evaluate("main => main.scrollTo(0, 0)")


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


def open_projector(context: BrowserContext, projector_url: str) -> Page:
    page = context.new_page()
    page.goto(projector_url)
    expect(page.locator(".ws-big-code")).to_be_visible()
    return page


def join(context: BrowserContext, typed_code: str, sector: str | None = None) -> Page:
    """A tablet: open /teilnehmen, type the code from the projector, pick a sector, take part."""
    page = context.new_page()
    page.goto("/teilnehmen")
    expect(page.get_by_role("heading", name="Willkommen!")).to_be_visible()
    page.get_by_label("Code vom Beamer").fill(typed_code)
    page.get_by_role("button", name="Weiter").click()
    take_part = page.get_by_role("button", name="Mitmachen")
    expect(take_part).to_be_visible()
    if sector:
        page.get_by_role("radiogroup", name=SECTOR_QUESTION).get_by_text(sector, exact=True).click()
    take_part.click()
    expect(page.get_by_text("Gleich geht es los")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/teilnehmen\?t=[\w-]+$"))
    return page


def rating_scale(page: Page, field: str) -> Locator:
    return page.get_by_role("radiogroup", name=f"Ihre Bewertung: {field}", exact=True)


def field_card(page: Page, field: str) -> Locator:
    """The bordered box of one field: title, description, scale, "Gespeichert: …"."""
    return rating_scale(page, field).locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")


def rate(page: Page, field: str, level: str) -> None:
    """Tap one level; it is saved at once and confirmed under the scale."""
    rating_scale(page, field).get_by_text(level, exact=True).click()
    expect(field_card(page, field).get_by_text(f"Gespeichert: {level}", exact=True)).to_be_visible()
    expect(rating_scale(page, field).get_by_role("radio", name=level, exact=True)).to_be_checked()


ALL_RATED = "Alle Felder bewertet – danke!"


def rate_all(page: Page, choices: dict[str, str]) -> None:
    for field, level in choices.items():
        rate(page, field, level)
    if len(choices) == len(FIELDS):  # the last tap reruns the page, which now says so
        expect(page.get_by_text(ALL_RATED)).to_be_visible()


def expect_ratings_shown(page: Page, choices: dict[str, str]) -> None:
    for field, level in choices.items():
        expect(rating_scale(page, field).get_by_role("radio", name=level, exact=True)).to_be_checked()
        expect(field_card(page, field).get_by_text(f"Gespeichert: {level}", exact=True)).to_be_visible()
    expect(page.get_by_text("Gespeichert: ")).to_have_count(len(choices))
    expect(page.get_by_text(ALL_RATED)).to_have_count(1 if len(choices) == len(FIELDS) else 0)


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
    projector = open_projector(new_context(PROJECTOR), console.projector_url)
    expect(projector.locator(".ws-big-code")).to_have_text(console.join_code)
    expect(projector.locator(".ws-big-number")).to_have_text("0")
    expect(projector.get_by_text("sind dabei")).to_be_visible()
    watch_for([projector], "never shown")  # only marks the page, to prove later it was never reloaded
    wait_until_idle(projector)
    projector.screenshot(path=artifacts / "03_projector_checkin.png")

    # Three tablets type the code as people do: lower case, with a space.
    typed = f"{console.join_code[:3].lower()} {console.join_code[3:].lower()}"
    tablets = [join(new_context(TABLET), typed, sector) for sector in SECTORS[:3]]
    screenshot_whole_page(tablets[0], artifacts / "04_tablet_waiting.png")
    expect(projector.locator(".ws-big-number")).to_have_text("3")
    expect(console.page.get_by_test_id("stMetric").filter(has_text="Angemeldet")
           .get_by_test_id("stMetricValue")).to_have_text("3")

    # The facilitator starts the rating; every tablet follows by itself.
    since = watch_for(tablets, "Ihre Einschätzung")
    console.page.get_by_role("button", name="Bewertung starten").click()
    for tablet in tablets:
        expect(tablet.get_by_role("heading", name="Ihre Einschätzung")).to_be_visible()
        expect(tablet.get_by_text("Tippen Sie eine Stufe an", exact=False)).to_be_visible()
    followed = [seconds_until_seen(tablet, since) for tablet in tablets]
    print(f"\n[e2e] tablets showed the rating view {followed} s after 'Bewertung starten' (no reload)")
    for tablet in tablets:
        assert_not_reloaded(tablet)
    screenshot_whole_page(tablets[0], artifacts / "05_tablet_rating_empty.png")

    # Everyone rates all seven fields; every tap is confirmed.
    for number, tablet in enumerate(tablets):
        rate_all(tablet, choices_for(number))
        expect(tablet.get_by_text("Alle Felder bewertet")).to_be_visible()
    wait_until_idle(tablets[0])
    screenshot_whole_page(tablets[0], artifacts / "06_tablet_rated.png")
    scroll_to_top(tablets[0])
    settle(tablets[0])
    tablets[0].screenshot(path=readme_screenshots / "tablet.png")

    # The projector counts along (it polls), and shows no result before the reveal.
    expect(projector.locator(".ws-big-number")).to_have_text("3")
    expect(projector.locator("table.ws-progress td.n")).to_have_text(["3"] * len(FIELDS))
    expect(projector.get_by_text("So viele haben schon bewertet:")).to_be_visible()
    expect(projector.locator(CHART)).to_have_count(0)
    wait_until_idle(projector)
    projector.screenshot(path=artifacts / "07_projector_counts.png")

    # More of the room: nine further participants rate through the service, so the
    # verdicts are real ones (a field needs 5 answers) and the projector follows writes
    # that did not come from any browser.
    seed_ratings(werkstatt, werkstatt.workshop_by_code(console.join_code), participants=9)
    expect(projector.locator(".ws-big-number")).to_have_text("12")
    expect(projector.locator("table.ws-progress td.n")).to_have_text(["12"] * len(FIELDS))
    expect(projector.locator(CHART)).to_have_count(0)

    # The reveal: charts and verdict cards on the projector, results view on the tablets.
    since = watch_for(tablets, "Die Ergebnisse")
    console.page.get_by_role("button", name="Ergebnis zeigen").click()
    expect(projector.locator(f"{CHART} .main-svg").first).to_be_visible()
    expect(projector.locator(CHART)).to_have_count(2)
    for chart in projector.locator(CHART).all():
        expect(chart.locator(".main-svg").first).to_be_visible()
    expect(projector.locator(".ws-card")).to_have_count(len(FIELDS))
    for card, field in zip(projector.locator(".ws-card").all(), FIELDS):
        expect(card).to_contain_text(field)
        expect(card.locator(".ws-verdict")).to_contain_text(re.compile("|".join(VERDICTS)))
    assert_not_reloaded(projector)
    wait_until_idle(projector)
    settle(projector)
    projector.screenshot(path=readme_screenshots / "projector.png")  # what the room sees
    screenshot_whole_page(projector, artifacts / "08_projector_results.png")

    for number, tablet in enumerate(tablets):
        expect(tablet.get_by_role("heading", name="Die Ergebnisse")).to_be_visible()
        expect(tablet.get_by_text("Die Ergebnisse sehen Sie jetzt am Beamer")).to_be_visible()
        for field, level in choices_for(number).items():
            expect(tablet.get_by_text(f"{field}: {level}", exact=True)).to_be_visible()
    revealed = [seconds_until_seen(tablet, since) for tablet in tablets]
    print(f"[e2e] tablets showed the results view {revealed} s after 'Ergebnis zeigen' (no reload)")
    for tablet in tablets:
        assert_not_reloaded(tablet)
    screenshot_whole_page(tablets[0], artifacts / "09_tablet_results.png")


def test_a_reload_keeps_the_answers(new_context, werkstatt, artifacts):
    workshop = werkstatt.create_workshop(title="Reload", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    tablet = join_during_rating(new_context(TABLET), workshop.join_code)
    choices = dict(list(choices_for(1).items())[:4])  # not every field: the rest must stay empty
    rate_all(tablet, choices)

    for device in (tablet.context, new_context(TABLET)):  # a new tab, and another device with the link
        again = device.new_page()
        again.goto(tablet.url)
        expect(again.get_by_role("heading", name="Ihre Einschätzung")).to_be_visible()
        expect_ratings_shown(again, choices)
        for field in FIELDS[4:]:
            expect(rating_scale(again, field).get_by_role("radio", checked=True)).to_have_count(0)
        assert again.get_by_text("Gespeichert:").count() == len(choices)
    screenshot_whole_page(again, artifacts / "10_tablet_after_reload.png")


def join_during_rating(context: BrowserContext, code: str) -> Page:
    """Join with the code in the QR link; the rating is already open."""
    page = context.new_page()
    page.goto(f"/teilnehmen?code={code}")
    page.get_by_role("button", name="Mitmachen").click()
    expect(page.get_by_role("heading", name="Ihre Einschätzung")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/teilnehmen\?t=[\w-]+$"))
    return page


@pytest.mark.parametrize("path", ["/moderation", "/moderation?f=wrong", "/moderation?f={own_token}",
                                  "/ergebnisse?f=wrong"])
def test_a_participant_cannot_reach_the_facilitator_controls(new_context, werkstatt, artifacts, path):
    workshop = werkstatt.create_workshop(title="Gesperrt", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    participant = new_context(TABLET)
    tablet = join_during_rating(participant, workshop.join_code)
    own_token = re.search(r"t=([\w-]+)", tablet.url).group(1)

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
