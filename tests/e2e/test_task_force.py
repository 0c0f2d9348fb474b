"""The task force in a real browser: sign in on the start page with the process code and the
task-force password, turn the top card of a field into an action, move the action through
two statuses and read its history; a participant's or facilitator's token is refused.

What AppTest cannot show: the tab switch from a button callback in the review, the expander
opening on its own, Streamlit's selectbox and forms in Chromium, and the history as the
data grid draws it (read from the grid's accessible table behind the canvas).
The finished workshop and its process are set up through the service on the server's database.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import DESKTOP, screenshot_whole_page, settle
from werkstatt.cards import VOTABLE_KINDS, ranked
from werkstatt.demo import DEMO_PIN, seed_demo

pytestmark = pytest.mark.browser

PROCESS_TITLE = "Weltoffene Kommune Musterstadt 2026"
PASSWORD = "taskforce-Musterstadt-26"
NOTE = "Auftakt im Januar"
SAVED = "Gespeichert. Der Verlauf zeigt jede Änderung."
REFUSAL = "Für den Taskforce-Bereich bitte zuerst auf der Startseite mit Prozess-Code und Passwort anmelden."
MOMENT = re.compile(r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d$")  # "Wann", e.g. 23.11.2026, 21:57 (CLDR, German)
KIND_LABELS = {"gap": "Handlungsbedarf", "idea": "Idee"}


@pytest.fixture(scope="module")
def finished(werkstatt):
    """A workshop in its results step (ratings, one group per field, cards with dots) and its process."""
    workshop = seed_demo(werkstatt, participants=12)
    process = werkstatt.create_process(PROCESS_TITLE, "Musterstadt", PASSWORD, workshop_id=workshop.id)
    return workshop, process


# --- helpers ------------------------------------------------------------------------


def tab(page: Page, name: str) -> Locator:
    return page.get_by_role("tab", name=name, exact=True)


def form_with(page: Page, button: str) -> Locator:
    """The form that submits with ``button``."""
    return page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=button, exact=True))


def selectbox(scope: Locator, label: str) -> Locator:
    return scope.get_by_test_id("stSelectbox").filter(
        has=scope.page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True))


def shown(scope: Locator, label: str) -> Locator:
    """The input of a select box, whose value is the option it shows."""
    return selectbox(scope, label).get_by_role("combobox")


def choose(page: Page, box: Locator, option: str) -> None:
    """Open a Streamlit select box and pick an option; the box then shows it. The box is
    scrolled into view first: a click that has to scroll ``stMain`` leaves the list closed."""
    box.scroll_into_view_if_needed()
    settle(page)
    box.get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box.get_by_role("combobox")).to_have_value(option)


def history_grid(page: Page) -> Locator:
    """The "Verlauf" data grid (the only one with a "Notiz" column)."""
    return page.get_by_test_id("stDataFrame").filter(
        has=page.locator("th[role=columnheader]", has_text=re.compile(r"^Notiz$")))


def expect_history(page: Page, rows: list[list]) -> None:
    """The grid's accessible table (behind its canvas) lists these rows, newest first."""
    grid = history_grid(page)
    expect(grid.locator("th[role=columnheader]")).to_have_text(["Wann", "Was", "Vorher", "Nachher", "Notiz"])
    body = grid.locator("tbody tr[role=row]")
    expect(body).to_have_count(len(rows))
    for index, cells in enumerate(rows):
        expect(body.nth(index).locator("td[role=gridcell]")).to_have_text(cells)


def note_box(edit: Locator) -> Locator:
    return edit.get_by_role("textbox", name="Notiz zur Änderung (freiwillig)", exact=True)


def save_status(page: Page, status: str, note: str) -> None:
    edit = form_with(page, "Änderungen speichern")
    choose(page, selectbox(edit, "Status"), status)
    note_box(edit).fill(note)
    edit.get_by_role("button", name="Änderungen speichern").click()


# --- the tests ------------------------------------------------------------------------


def test_task_force_turns_a_card_into_an_action_and_tracks_its_status(new_context, werkstatt, finished,
                                                                      artifacts):
    app = werkstatt
    workshop, process = finished
    fieldset = app.fieldset(workshop)
    first_field = fieldset.field_ids[0]
    field_title = fieldset.field(first_field).title.get("de")
    top = ranked(app.board(workshop.id), first_field, kinds=VOTABLE_KINDS)
    assert top, "the demo workshop should have gap or idea cards in its first field"
    card = top[0]

    # Sign in on the start page, tab "Taskforce".
    page = new_context(DESKTOP).new_page()
    page.goto("/")
    tab(page, "Taskforce").click()
    sign_in = page.get_by_test_id("stForm").filter(has=page.get_by_label("Prozess-Code"))
    sign_in.get_by_label("Prozess-Code").fill(process.code)
    sign_in.get_by_label("Taskforce-Passwort").fill(PASSWORD)
    sign_in.get_by_role("button", name="Anmelden").click()

    # The task-force page: the process as its title, the review open on the first field.
    expect(page.get_by_role("heading", name=PROCESS_TITLE)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/taskforce\?tf=[\w-]+$"))
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text(f"Prozess-Code {process.code}")
    expect(tab(page, "Auswertung")).to_have_attribute("aria-selected", "true")
    expect(tab(page, "Maßnahmen")).to_have_attribute("aria-selected", "false")
    expect(shown(main, "Handlungsfeld")).to_have_value(field_title)
    expect(page.get_by_text("Handlungsbedarfe und Ideen nach Punkten", exact=True)).to_be_visible()
    expect(page.get_by_text("Noch keine Maßnahmen.", exact=True)).to_be_visible()
    make = page.get_by_role("button", name="Maßnahme daraus machen")
    expect(make).to_have_count(len(top[:5]))  # one per gap or idea, none on the strengths
    first_box = (page.get_by_test_id("stMarkdownContainer").get_by_text(card.text, exact=True)
                 .locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]"))
    expect(first_box.get_by_role("button", name="Maßnahme daraus machen")).to_be_visible()
    settle(page)

    # The first card's button opens "Maßnahmen" with the new-action form, prefilled.
    make.first.click()
    expect(tab(page, "Maßnahmen")).to_have_attribute("aria-selected", "true")
    new = page.get_by_test_id("stExpander").filter(has_text="Neue Maßnahme")
    expect(new.locator("details")).to_have_attribute("open", "")
    info = new.get_by_test_id("stAlertContentInfo")
    expect(info).to_contain_text(f"Aus dieser Karte ({KIND_LABELS[card.kind]}):")
    expect(info).to_contain_text(card.text)
    create = form_with(page, "Maßnahme anlegen")
    expect(create.get_by_label("Maßnahme", exact=True)).to_have_value(card.text)
    expect(create.get_by_label("Beschreibung", exact=True)).to_have_value(card.text)
    expect(shown(create, "Handlungsfeld")).to_have_value(field_title)
    expect(shown(create, "Status")).to_have_value("offen")
    settle(page)

    create.get_by_role("button", name="Maßnahme anlegen").click()
    expect(page.get_by_text(f"Maßnahme „{card.text}“ angelegt.", exact=True)).to_be_visible()
    [action] = app.actions(process.id)
    assert (action.title, action.field_id, action.status, tuple(action.card_ids)) == (
        card.text, first_field, "open", (card.id,))
    # ... and is opened below: its title, the card it came from, the edit form, one history row.
    expect(shown(main, "Maßnahme öffnen")).to_have_value(f"#{action.id} {card.text}")
    expect(page.get_by_role("heading", name=card.text, exact=True)).to_be_visible()
    expect(page.get_by_text(f"{field_title} · noch nicht vergeben · offen", exact=True)).to_be_visible()
    expect(page.get_by_text(f"Aus der Karte ({KIND_LABELS[card.kind]}, {card.dots} Punkte):")).to_be_visible()
    edit = form_with(page, "Änderungen speichern")
    expect(edit.get_by_label("Maßnahme", exact=True)).to_have_value(card.text)
    expect(shown(edit, "Status")).to_have_value("offen")
    expect(page.get_by_text("Verlauf", exact=True)).to_be_visible()
    expect_history(page, [[MOMENT, "angelegt", "", card.text, ""]])
    # The new-action form was emptied and closed again, without the card.
    expect(new.locator("details")).not_to_have_attribute("open", "")
    expect(new.get_by_test_id("stAlertContentInfo")).to_have_count(0)
    expect(page.locator(".st-key-new_action_title input")).to_have_value("")
    settle(page)
    screenshot_whole_page(page, artifacts / "31_task_force_action_from_card.png")

    # Status "in Arbeit" with a note ...
    save_status(page, "in Arbeit", NOTE)
    expect(page.get_by_text(SAVED, exact=True)).to_be_visible()
    expect_history(page, [
        [MOMENT, "Status", "offen", "in Arbeit", NOTE],
        [MOMENT, "angelegt", "", card.text, ""],
    ])
    expect(page.get_by_text(f"{field_title} · noch nicht vergeben · in Arbeit", exact=True)).to_be_visible()
    edit = form_with(page, "Änderungen speichern")
    expect(shown(edit, "Status")).to_have_value("in Arbeit")
    expect(note_box(edit)).to_have_value("")  # a fresh note per change
    settle(page)

    # ... then "erledigt" without one.
    save_status(page, "erledigt", "")
    expect_history(page, [
        [MOMENT, "Status", "in Arbeit", "erledigt", ""],
        [MOMENT, "Status", "offen", "in Arbeit", NOTE],
        [MOMENT, "angelegt", "", card.text, ""],
    ])
    expect(page.get_by_text(SAVED, exact=True)).to_be_visible()
    expect(page.get_by_text(f"{field_title} · noch nicht vergeben · erledigt", exact=True)).to_be_visible()
    expect(shown(form_with(page, "Änderungen speichern"), "Status")).to_have_value("erledigt")

    # What is stored: the creation, then both status changes with their notes.
    history = app.action_history(process.id, action.id)
    assert [c.attribute for c in history] == ["created", "status", "status"]
    assert [(c.old, c.new, c.note) for c in history[1:]] == [
        ("open", "in_progress", NOTE),
        ("in_progress", "done", ""),
    ]
    assert app.action(process.id, action.id).status == "done"
    settle(page)
    screenshot_whole_page(page, artifacts / "30_task_force_history.png")


def test_participant_and_facilitator_links_do_not_open_the_task_force(new_context, werkstatt, finished):
    workshop, _ = finished
    tokens = {
        "participant": werkstatt.join(workshop.join_code).token,
        "facilitator": werkstatt.facilitator_login(workshop.join_code, DEMO_PIN),
    }
    page = new_context(DESKTOP).new_page()
    for role, token in tokens.items():
        page.goto(f"/taskforce?tf={token}")
        expect(page.get_by_text(REFUSAL, exact=True), f"the {role}'s token").to_be_visible()
        settle(page)
        expect(tab(page, "Maßnahmen"), f"the {role}'s token").to_have_count(0)
        expect(page.get_by_role("heading", name=PROCESS_TITLE)).to_have_count(0)
        expect(page.get_by_role("link", name="Start")).to_be_visible()
