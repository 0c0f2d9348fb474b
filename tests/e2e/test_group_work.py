"""Group work in real browsers: four tablets in two groups write cards, the projector's wall
follows without a reload, a participant edits a card, spends their dots and sees the ranking.

The projector is a light page of its own (``werkstatt.projector``): its script asks
``/beamer/stage`` once a second and swaps the new stage in without a reload, and pages what
does not fit (cards on another page of the wall carry ``off``; a pinned field shows only its
own section). The tablets use the participant client of ``werkstatt.web`` (``/teilnehmen``,
``/p/<token>``): a card text that is HTML and markdown reaches a real DOM on both. Cards are
written through the browser only; groups, steps, the wall pin and one extra vote are set up
through the service on the server's database. Timings are printed, never asserted.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import (
    PROJECTOR,
    TABLET,
    phone_screenshot,
    step_heading,
    token_of,
)

pytestmark = pytest.mark.browser

APPEAR_MS = 8_000  # how long a card may take to reach the projector

FIELD_TITLES = {
    "management": "Management und Steuerung",
    "oeffnung": "Interkulturelle Öffnung und Antirassismus",
    "zugang": "Fairer Zugang und Teilhabe",
}
KIND_LABELS = {"strength": "Stärke", "gap": "Handlungsbedarf", "idea": "Idee"}

PAYLOAD = "<img src=x onerror=alert(1)> **fett** <script>alert(2)</script>"
RTL = "Mehr Sprachkurse 🙂 — دورات لغة أكثر"
EDITED_FROM = "Patenschaften für neue Kolleginnen im Rathaus"
EDITED_TO = "Patenschaften für neue Kolleginnen und Kollegen im Rathaus (ab Herbst)"
BUDGET_SPENT = "Alle Ihre 5 Punkte sind verteilt. Nehmen Sie woanders einen Punkt zurück."

# Set once in the projector; a reload would wipe it (a swapped-in stage does not). Every 50 ms
# it notes (browser clock) when each watched text first shows up on the card wall's page shown
# (innerText leaves out what is on another page: those carry .off, display: none).
WALL_WATCHER = """() => {
    window.__wsNotReloaded = true;
    window.__wsSeen = {};
    setInterval(() => {
        const text = [...document.querySelectorAll('.wall:not(.off)')].map(wall => wall.innerText).join('\\n');
        for (const [watched, seen] of Object.entries(window.__wsSeen)) {
            if (seen === null && text.includes(watched)) window.__wsSeen[watched] = Date.now();
        }
    }, 50);
}"""


@dataclass
class Tablet:
    page: Page
    name: str
    group: str
    cards: list[str] = field(default_factory=list)

    @property
    def token(self) -> str:
        return token_of(self.page)


@dataclass
class Card:
    tablet: Tablet
    field_id: str
    kind: str
    text: str


# --- helpers ------------------------------------------------------------------------


def new_page(context: BrowserContext, dialogs: list[str]) -> Page:
    """A page that records (and dismisses) every alert/confirm/prompt: none may ever fire."""
    page = context.new_page()

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type} {dialog.message!r} on {page.url}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page


def join_group(context: BrowserContext, dialogs: list[str], code: str, group_id: int, group: str,
               name: str) -> Tablet:
    """Open the group's own link, take part, land on the card step in that group."""
    page = new_page(context, dialogs)
    page.goto(f"/teilnehmen?code={code}&g={group_id}")
    expect(page.get_by_text(f"Sie machen in der Gruppe „{group}“ mit.")).to_be_visible()
    page.get_by_role("button", name="Mitmachen").click()
    expect(step_heading(page, "Gruppenarbeit: Ihre Karten")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/p/[\w-]+$"))
    expect(page.locator("#cards")).to_contain_text(f"Ihre Gruppe: {group}")
    expect(page.get_by_role("heading", name="Meine Karten (0)")).to_be_visible()
    return Tablet(page, name, group)


def card_form(page: Page) -> Locator:
    return page.locator("form#card-form")


def write_card(card: Card) -> float:
    """Fill in the card form and save; returns the time of the tap (ms, wall clock)."""
    page = card.tablet.page
    form = card_form(page)
    form.get_by_label(KIND_LABELS[card.kind], exact=True).check()
    title = FIELD_TITLES[card.field_id]
    topic = form.get_by_label("Zu welchem Thema?")
    if topic.count():
        topic.select_option(label=title)
        expect(topic).to_have_value(card.field_id)
    else:  # a group of one field: no choice, the field is named
        expect(form).to_contain_text(f"Zu welchem Thema? {title}")
    form.get_by_label("Ihr Text (3 bis 500 Zeichen)").fill(card.text)
    submitted = time.time() * 1000
    form.get_by_role("button", name="Karte speichern").click()
    card.tablet.cards.append(card.text)
    # Stored: the count goes up, the card is listed, and the box is empty for the next card.
    expect(page.get_by_role("heading", name=f"Meine Karten ({len(card.tablet.cards)})")).to_be_visible()
    expect(my_card(page, card.text)).to_contain_text(f"{KIND_LABELS[card.kind]} · {title}")
    expect(page.get_by_role("status").filter(
        has_text=f"Gespeichert: Ihre Karte „{KIND_LABELS[card.kind]}“.")).to_be_visible()
    expect(form.get_by_label("Ihr Text (3 bis 500 Zeichen)")).to_have_value("")
    return submitted


def my_card(page: Page, text: str) -> Locator:
    """One of the participant's own cards under "Meine Karten"."""
    return page.locator("#my-cards .ws-card").filter(
        has=page.locator(".ws-card-text").get_by_text(text, exact=True))


# On the projector: the wall's heading (the field) and its column headings on the page shown.
WALL_HEAD = ".wall:not(.off) .section-head"
WALL_COLUMNS = ".wall:not(.off) .col-head"


def wall_note(projector: Page, text: str) -> Locator:
    """A card on the projector's wall (``to_be_visible``: on the page shown, not one marked off)."""
    return projector.locator(".wall .note").filter(has=projector.locator(".note-text", has_text=text))


def watch(projector: Page, text: str) -> None:
    projector.evaluate("(text) => { window.__wsSeen[text] = null; }", text)


def seconds_until_on_wall(projector: Page, text: str, since_ms: float) -> float:
    """Call once the wall shows ``text``: the watcher's next tick (50 ms) notes it too."""
    seen_at = projector.wait_for_function("(text) => window.__wsSeen[text]", arg=text, timeout=2_000)
    return round((seen_at.json_value() - since_ms) / 1000, 2)


def write_batch(projector: Page, cards: list[Card]) -> None:
    """Write cards on their tablets, then see each one on the wall (no reload); print the delays."""
    submitted = {}
    for card in cards:
        watch(projector, card.text)
        submitted[card.text] = write_card(card)
    for card in cards:
        expect(wall_note(projector, card.text)).to_be_visible(timeout=APPEAR_MS)
    delays = {card.text[:24]: seconds_until_on_wall(projector, card.text, submitted[card.text])
              for card in cards}
    print(f"[e2e] seconds from 'Karte speichern' to the projector wall: {delays}")


def expect_chips(projector: Page, counts: dict[str, int]) -> None:
    expect(projector.locator(".groups .chip")).to_have_text([f"{g}: {n}" for g, n in counts.items()])


def pin_wall(werkstatt, projector: Page, workshop_id: int, field_id: str, title: str) -> None:
    werkstatt.show_on_wall(workshop_id, field_id)
    expect(projector.locator(WALL_HEAD)).to_have_text(title, timeout=APPEAR_MS)


def dots_form(page: Page, card_id: int) -> Locator:
    return page.locator(f'form[data-card="{card_id}"]')


def dots_option(page: Page, card_id: int, n: int) -> Locator:
    """The radio for ``n`` dots ("○ 0", "● 1", "●● 2")."""
    return dots_form(page, card_id).locator(f'input[name="dots"][value="{n}"]')


def show_field(page: Page, field_id: str) -> None:
    """The ballot shows one field's cards at a time: pick the field (a no-op if it is shown)."""
    page.locator(f'.ws-field-nav a[data-field="{field_id}"]').click()
    expect(page.locator(".ws-ballot-title")).to_have_text(FIELD_TITLES[field_id])


def expect_dots(page: Page, card_id: int, n: int) -> None:
    expect(dots_form(page, card_id).get_by_role("radio")).to_have_count(3)  # 0, 1, 2: at most 2 per card
    expect(dots_option(page, card_id, n)).to_be_checked()


def give_dots(page: Page, card_id: int, n: int, left: int) -> None:
    """Tap a number of dots on one card; wait until the stored state is shown."""
    dots_option(page, card_id, n).click()
    expect(page.get_by_text(f"Noch {left} von 5 Punkten frei", exact=True)).to_be_visible()
    expect_dots(page, card_id, n)


def assert_no_dialogs(dialogs: list[str]) -> None:
    assert not dialogs, f"a card text ran as script: {dialogs}"


# --- the test -------------------------------------------------------------------------


def test_groups_write_cards_edit_vote_and_see_the_ranking(new_context, werkstatt, artifacts):
    app = werkstatt
    ws = app.create_workshop(title="Selbstcheck Weltoffene Kommune", municipality="Musterstadt",
                             facilitator_pin=PIN, date="2026-11-23", place="Rathaus")
    north = app.add_group(ws.id, "Gruppe Nord", ["management", "oeffnung"])
    south = app.add_group(ws.id, "Gruppe Süd", ["zugang"])
    app.set_live_step(ws.id, "cards")
    app.show_on_wall(ws.id, "management")  # pinned: the wall does not turn pages under the test
    app.start_timer(ws.id, 15)
    dialogs: list[str] = []

    # The projector, before any card: the pinned field, three empty columns, both groups at 0.
    projector = new_page(new_context(PROJECTOR), dialogs)
    projector.goto(f"/beamer?w={ws.id}&code={ws.join_code}")
    expect(projector.locator(WALL_HEAD)).to_have_text(FIELD_TITLES["management"])
    expect(projector.locator(WALL_COLUMNS)).to_have_text(
        ["Stärken (0)", "Handlungsbedarfe (0)", "Ideen (0)"])
    expect_chips(projector, {"Gruppe Nord": 0, "Gruppe Süd": 0})
    expect(projector.locator(".timer .timer-time")).to_have_text(re.compile(r"^1[45]:\d\d$"))
    projector.evaluate(WALL_WATCHER)

    # Four tablets, two through each group's own link.
    n1, n2 = (join_group(new_context(TABLET), dialogs, ws.join_code, north.id, "Gruppe Nord", f"Nord {i}")
              for i in (1, 2))
    s1, s2 = (join_group(new_context(TABLET), dialogs, ws.join_code, south.id, "Gruppe Süd", f"Süd {i}")
              for i in (1, 2))
    assert app.participant(n1.token).group_id == north.id and app.participant(s2.token).group_id == south.id
    # Two fields: a choice of the group's two; one field: no choice.
    expect(card_form(n1.page).get_by_label("Zu welchem Thema?").locator("option")).to_have_text(
        [FIELD_TITLES["management"], FIELD_TITLES["oeffnung"]])
    expect(card_form(s1.page).get_by_label("Zu welchem Thema?")).to_have_count(0)

    # Management, pinned on the wall.
    write_batch(projector, [
        Card(n1, "management", "gap", PAYLOAD),
        Card(n1, "management", "idea", EDITED_FROM),
        Card(n2, "management", "strength", "Integrationsbeauftragte hat eine volle Stelle"),
        Card(n2, "management", "gap", "Ämter sprechen sich bei Integration kaum ab"),
    ])
    expect(projector.locator(WALL_COLUMNS)).to_have_text(
        ["Stärken (1)", "Handlungsbedarfe (2)", "Ideen (1)"])
    expect_chips(projector, {"Gruppe Nord": 4, "Gruppe Süd": 0})

    # The HTML and markdown card is text on the wall: no <img>, no bold, no script, no alert.
    payload_note = wall_note(projector, "**fett**")
    expect(payload_note).to_have_count(1)
    expect(payload_note).to_have_text(PAYLOAD, use_inner_text=True)
    assert payload_note.locator(".note-text").inner_text() == PAYLOAD  # exactly, not only up to whitespace
    for tag in ("img", "script", "strong", "b"):
        expect(projector.locator(f".wall {tag}")).to_have_count(0)
    expect(projector.locator('img[src="x"]')).to_have_count(0)

    # A second field of Gruppe Nord, chosen in the select; the wall is pinned to it first.
    pin_wall(app, projector, ws.id, "oeffnung", FIELD_TITLES["oeffnung"])
    write_batch(projector, [
        Card(n2, "oeffnung", "idea", "Antirassismus-Schulung für alle Führungskräfte"),
    ])
    expect(wall_note(projector, "Ämter sprechen")).to_have_count(0)  # only the pinned field
    expect_chips(projector, {"Gruppe Nord": 5, "Gruppe Süd": 0})

    # Gruppe Süd: one field, emoji and right-to-left text.
    pin_wall(app, projector, ws.id, "zugang", FIELD_TITLES["zugang"])
    write_batch(projector, [
        Card(s1, "zugang", "gap", RTL),
        Card(s1, "zugang", "strength", "Bürgerbüro berät auch auf Türkisch"),
        Card(s2, "zugang", "idea", "Formulare in Leichter Sprache anbieten"),
        Card(s2, "zugang", "gap", "Wartezeiten bei der Ausländerbehörde sind zu lang"),
    ])
    assert wall_note(projector, "Mehr Sprachkurse").locator(".note-text").inner_text() == RTL
    expect_chips(projector, {"Gruppe Nord": 5, "Gruppe Süd": 4})
    projector.screenshot(path=artifacts / "20_card_wall_zugang.png")

    # On the tablet: only the own cards, newest first, the payload shown literally.
    tablet = n1.page
    expect(tablet.get_by_role("heading", name="Meine Karten (2)")).to_be_visible()
    mine = tablet.locator("#main")
    expect(my_card(tablet, PAYLOAD)).to_contain_text("Handlungsbedarf · Management und Steuerung")
    expect(my_card(tablet, EDITED_FROM)).to_contain_text("Idee · Management und Steuerung")
    newest, oldest = my_card(tablet, EDITED_FROM).bounding_box(), my_card(tablet, PAYLOAD).bounding_box()
    assert newest["y"] < oldest["y"], "'Meine Karten' should list the newest card first"
    for other in ("Integrationsbeauftragte", "Antirassismus-Schulung", "Mehr Sprachkurse"):
        expect(mine.get_by_text(other)).to_have_count(0)
    expect(tablet.locator('img[src="x"]')).to_have_count(0)
    expect(tablet.locator(".ws-timer-time")).to_have_text(re.compile(r"^1[45]:\d\d$"))

    # Edit one card ("Ändern" unfolds its box); the change reaches the wall (pinned back to management).
    pin_wall(app, projector, ws.id, "management", FIELD_TITLES["management"])
    edited_id = next(c.id for c in app.board(ws.id) if c.text == EDITED_FROM)
    edited = tablet.locator(f"#card-{edited_id}")
    edit_box = edited.get_by_label("Ihr Text (3 bis 500 Zeichen)")
    expect(edit_box).to_be_hidden()
    edited.locator("summary", has_text="Ändern").click()
    expect(edit_box).to_have_value(EDITED_FROM)
    edit_box.fill(EDITED_TO)
    watch(projector, EDITED_TO)
    since = time.time() * 1000
    edited.get_by_role("button", name="Änderung speichern").click()
    expect(tablet.get_by_text("Gespeichert: Ihre Änderung.")).to_be_visible()
    expect(my_card(tablet, EDITED_TO)).to_be_visible()
    expect(edit_box).to_be_hidden()  # folded away again
    expect(mine.locator(".ws-card-text").get_by_text(EDITED_FROM, exact=True)).to_have_count(0)
    expect(wall_note(projector, EDITED_TO)).to_be_visible(timeout=APPEAR_MS)
    delay = seconds_until_on_wall(projector, EDITED_TO, since)
    print(f"[e2e] seconds from 'Änderung speichern' to the projector wall: {delay}")
    expect(wall_note(projector, EDITED_FROM)).to_have_count(0)
    n1.cards[n1.cards.index(EDITED_FROM)] = EDITED_TO
    assert [c.text for c in app.my_cards(n1.token)] == [PAYLOAD, EDITED_TO]
    phone_screenshot(tablet, artifacts / "21_tablet_cards.png")
    projector.screenshot(path=artifacts / "20_card_wall.png")
    assert_no_dialogs(dialogs)

    # Dot voting: five dots, at most two per card; a sixth is refused with the reason.
    board = {c.text: c for c in app.board(ws.id)}
    ids = {text: card.id for text, card in board.items()}
    app.set_live_step(ws.id, "voting")
    voter = s1.page

    def on_ballot(text: str) -> None:
        show_field(voter, board[text].field_id)

    expect(step_heading(voter, "Punkte vergeben")).to_be_visible()
    expect(voter.get_by_text("Noch 5 von 5 Punkten frei", exact=True)).to_be_visible()
    votable = [t for t in ids if not t.startswith(("Integrationsbeauftragte", "Bürgerbüro"))]
    for text in votable:
        on_ballot(text)
        expect_dots(voter, ids[text], 0)
    for text in ("Integrationsbeauftragte hat eine volle Stelle", "Bürgerbüro berät auch auf Türkisch"):
        on_ballot(text)  # its field has gaps or ideas too, so the ballot shows it
        expect(voter.get_by_text(text, exact=True)).to_have_count(0)  # strengths are not on the ballot
    for text, n, left in ((RTL, 2, 3), (PAYLOAD, 1, 2), (PAYLOAD, 2, 1),
                          ("Formulare in Leichter Sprache anbieten", 1, 0)):
        on_ballot(text)
        give_dots(voter, ids[text], n, left=left)
    expect(projector.get_by_text("1 hat schon Punkte vergeben")).to_be_visible(timeout=APPEAR_MS)

    late = ids["Wartezeiten bei der Ausländerbehörde sind zu lang"]
    on_ballot("Wartezeiten bei der Ausländerbehörde sind zu lang")
    dots_option(voter, late, 1).click()
    refusal = voter.get_by_text(BUDGET_SPENT, exact=True)
    expect(refusal).to_be_visible()
    expect(dots_form(voter, late).get_by_role("alert")).to_have_text(BUDGET_SPENT)  # under the card tapped
    expect(refusal).to_have_count(1)
    expect_dots(voter, late, 0)
    expect(voter.get_by_text("Noch 0 von 5 Punkten frei", exact=True)).to_be_visible()
    expect(voter.locator('img[src="x"]')).to_have_count(0)
    stored = {ids[RTL]: 2, ids[PAYLOAD]: 2, ids["Formulare in Leichter Sprache anbieten"]: 1}
    assert app.my_dots(s1.token) == stored
    voter.evaluate("() => window.scrollTo(0, 0)")  # the sticky dots counter at its place
    phone_screenshot(voter, artifacts / "22_tablet_voting.png")

    voter.reload()
    expect(step_heading(voter, "Punkte vergeben")).to_be_visible()
    expect(voter.get_by_text("Noch 0 von 5 Punkten frei", exact=True)).to_be_visible()
    for text in votable:
        on_ballot(text)
        expect_dots(voter, ids[text], stored.get(ids[text], 0))
    expect(refusal).to_have_count(0)  # the error was shown once, not stored

    # Another participant adds one dot (through the service): the RTL card leads the gaps.
    app.vote(n1.token, ids[RTL], 1)

    # The ranking on the projector, most dots first: the gaps and the ideas side by side.
    app.set_live_step(ws.id, "ranking")
    expect(projector.locator("h1.step")).to_have_text("Ranking", timeout=APPEAR_MS)
    expect(projector.locator(".ranking .col")).to_have_count(2)
    gaps, ideas = projector.locator(".ranking .col-gap"), projector.locator(".ranking .col-idea")
    for column, heading in ((gaps, "Wichtigste Handlungsbedarfe"), (ideas, "Wichtigste Ideen")):
        expect(column.get_by_role("heading", name=heading)).to_be_visible()
    expect(gaps.locator(".note .dots")).to_have_text(["● 3", "● 2"])  # cards without dots stay off the ranking
    expect(gaps.locator(".note").first.locator(".note-text")).to_have_text(RTL)
    expect(gaps.locator(".note").first).to_contain_text(FIELD_TITLES["zugang"])  # each row names its field
    assert gaps.locator(".note").nth(1).locator(".note-text").inner_text() == PAYLOAD
    expect(ideas.locator(".note .dots").first).to_have_text("● 1")
    expect(ideas.locator(".note").first.locator(".note-text")).to_contain_text("Formulare in Leichter Sprache")
    expect(projector.locator(".ranking .note:not(.off)")).to_have_count(3)  # every row on the page shown
    expect(projector.locator(".ranking img")).to_have_count(0)
    expect(step_heading(voter, "Das Ranking")).to_be_visible()  # the phone followed by itself
    assert projector.evaluate("window.__wsNotReloaded === true"), "the projector was reloaded"
    projector.screenshot(path=artifacts / "23_ranking.png")
    assert_no_dialogs(dialogs)
