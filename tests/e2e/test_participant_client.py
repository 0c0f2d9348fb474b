"""The participant client on a phone with JavaScript on: live, in the background, and never losing a tap.

``werkstatt.js`` follows the live step over one event stream and swaps in what changed
without a page load, sends forms in the background one at a time, keeps unsent card text
in the browser, and keeps taps made while offline until the connection is back. Each test
arranges the workshop through the service on the server's database (as the console would)
and checks what the person on the phone sees, then what the service has stored.

A page that was never loaded again keeps ``window.__marker`` (``mark_not_reloaded``).
Survival of typed text through a server crash is in ``test_server_restart.py``; the same
screens without JavaScript are in ``test_participant_no_js.py``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.conftest import PIN
from tests.e2e.conftest import (
    assert_not_reloaded,
    join,
    mark_not_reloaded,
    no_horizontal_scroll,
    open_participant,
    phone_screenshot,
    step_heading,
)
from werkstatt.fieldsets import DEFAULT_FIELDSET, load

pytestmark = pytest.mark.browser

FIELDSET = load(DEFAULT_FIELDSET)
FIELD = FIELDSET.fields[0]  # Management und Steuerung
FIELD_TITLE = FIELD.title.get("de")
LEVELS = {FIELDSET.scale.label(v, "de"): v for v in FIELDSET.scale.values}

HEADINGS = {
    "rating": "Ihre Einschätzung",
    "results": "Die Ergebnisse",
    "cards": "Gruppenarbeit: Ihre Karten",
    "voting": "Punkte vergeben",
}
OFFLINE = "Keine Verbindung. Ihre Eingabe ist auf diesem Gerät gemerkt und wird gesendet, sobald das Netz wieder da ist."
BACK_ONLINE = "Wieder verbunden. Alles ist gesendet."
CARDS_LOCKED = "Die Kartenrunde ist gerade gesperrt."
TEXT_KEPT = "Ihr Text bleibt hier stehen und kann gesendet werden, sobald die Eingabe wieder offen ist."
DOTS_CHANGED = "Diese Karte wurde inzwischen anders bepunktet, vielleicht in einem anderen Fenster."


# --- what a participant sees and does -------------------------------------------------


def rating_form(page: Page, field_title: str = FIELD_TITLE) -> Locator:
    """One field's form: its scale (a group of radios) and the "Gespeichert: …" under it."""
    return page.locator("form").filter(has=page.get_by_role("group", name=f"Ihre Bewertung: {field_title}",
                                                            exact=True))


def tap_level(page: Page, level: str, field_title: str = FIELD_TITLE) -> None:
    """One tap (``click``, not ``check``: Playwright's check taps again when the screen then
    shows another choice, which is what a refused or not yet stored tap does)."""
    rating_form(page, field_title).get_by_label(level, exact=True).click()


def expect_saved(page: Page, level: str, field_title: str = FIELD_TITLE) -> None:
    form = rating_form(page, field_title)
    expect(form.get_by_role("status")).to_have_text(f"✓ Gespeichert: {level}")
    expect(form.get_by_label(level, exact=True)).to_be_checked()


def card_form(page: Page) -> Locator:
    return page.locator("form#card-form")


def card_text(page: Page) -> Locator:
    """The new card's text box (each of one's own cards has an edit box with the same label)."""
    return card_form(page).get_by_label("Ihr Text (3 bis 500 Zeichen)")


def my_card(page: Page, text: str) -> Locator:
    """One of the participant's own cards under "Meine Karten"."""
    return page.locator("#my-cards .ws-card").filter(has=page.locator(".ws-card-text").get_by_text(text, exact=True))


def type_card(page: Page, kind: str, text: str) -> None:
    """Pick the kind and type the text, without sending it."""
    card_form(page).get_by_label(kind, exact=True).check()
    card_text(page).fill(text)


def my_cards_heading(page: Page, n: int) -> Locator:
    return page.get_by_role("heading", name=f"Meine Karten ({n})", exact=True)


def dots_form(page: Page, card_id: int) -> Locator:
    return page.locator(f'form[data-card="{card_id}"]')


def dots_radio(page: Page, card_id: int, n: int) -> Locator:
    return dots_form(page, card_id).locator(f'input[name="dots"][value="{n}"]')


def tap_dots(page: Page, card_id: int, n: int) -> None:
    """One tap on a number of dots (see ``tap_level``)."""
    dots_radio(page, card_id, n).click()


# --- arranging the workshop -------------------------------------------------------------


@pytest.fixture
def workshop(werkstatt):
    """A fresh workshop with its rating open (each test its own, so nothing carries over)."""
    ws = werkstatt.create_workshop(title="Selbstcheck Weltoffene Kommune", municipality="Musterstadt",
                                   facilitator_pin=PIN)
    return werkstatt.set_live_step(ws.id, "rating")


def cards_by_someone_else(werkstatt, workshop, texts: list[str]) -> list[int]:
    """Gaps written on another device, so there is something to vote on."""
    other = werkstatt.join(workshop.join_code).token
    return [werkstatt.add_card(other, FIELD.id, "gap", text).id for text in texts]


# --- the tests ------------------------------------------------------------------------------


def test_the_live_step_reaches_an_open_phone_without_a_reload(phone_context, werkstatt, workshop, artifacts):
    page = phone_context.new_page()
    token = join(page, workshop.join_code, "Politik")
    address = page.url
    expect(step_heading(page, HEADINGS["rating"])).to_be_visible()
    tap_level(page, "gut unterwegs")
    expect_saved(page, "gut unterwegs")
    mark_not_reloaded(page)

    # The facilitator moves on: results, cards, voting. The phone follows by itself.
    werkstatt.set_live_step(workshop.id, "results")
    expect(step_heading(page, HEADINGS["results"])).to_be_visible()
    expect(step_heading(page, HEADINGS["results"])).to_be_focused()  # a screen reader hears the new step
    results = page.get_by_role("region", name="Das Ergebnis im Raum")
    expect(results.get_by_role("listitem").filter(has_text=FIELD_TITLE)).to_contain_text(
        "Ihre Antwort: gut unterwegs")
    expect(page).to_have_title("Die Ergebnisse · Werkstatt")
    assert_not_reloaded(page)
    phone_screenshot(page, artifacts / "30_phone_live_results.png")

    werkstatt.set_live_step(workshop.id, "cards")
    expect(step_heading(page, HEADINGS["cards"])).to_be_visible()
    expect(card_text(page)).to_be_editable()
    expect(my_cards_heading(page, 0)).to_be_visible()
    assert_not_reloaded(page)

    card_ids = cards_by_someone_else(werkstatt, workshop, ["Ämter sprechen sich kaum ab"])
    werkstatt.set_live_step(workshop.id, "voting")
    expect(step_heading(page, HEADINGS["voting"])).to_be_visible()
    expect(page.get_by_text("Noch 5 von 5 Punkten frei", exact=True)).to_be_visible()
    expect(dots_form(page, card_ids[0])).to_be_visible()
    expect(page.get_by_text("Ämter sprechen sich kaum ab", exact=True)).to_be_visible()
    assert_not_reloaded(page)
    assert page.url == address  # the address stayed the participant's own
    assert token in address
    no_horizontal_scroll(page)
    phone_screenshot(page, artifacts / "31_phone_live_voting.png")


def test_a_tap_is_sent_in_the_background_and_its_value_stored(phone_context, werkstatt, workshop, artifacts):
    page = phone_context.new_page()
    token = join(page, workshop.join_code)
    address = page.url
    mark_not_reloaded(page)
    # With the script, a tap is enough: the fallback button of the plain form is hidden.
    expect(rating_form(page).get_by_role("button", name="Bewertung speichern")).to_be_hidden()

    tap_level(page, "erste Schritte")
    expect_saved(page, "erste Schritte")
    assert werkstatt.my_ratings(token) == {FIELD.id: LEVELS["erste Schritte"]}

    # A second tap changes the stored value; "kann ich nicht einschätzen" is stored as no level.
    tap_level(page, "fest verankert")
    expect_saved(page, "fest verankert")
    second = FIELDSET.fields[1].title.get("de")
    tap_level(page, "kann ich nicht einschätzen", second)
    expect_saved(page, "kann ich nicht einschätzen", second)
    assert werkstatt.my_ratings(token) == {FIELD.id: LEVELS["fest verankert"], FIELDSET.fields[1].id: None}
    expect(page.get_by_text("Gespeichert: ")).to_have_count(2)  # the other five fields are not rated

    assert page.url == address, "a tap must not navigate"
    assert_not_reloaded(page)
    rating_form(page).scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "32_phone_tap_saved.png")


def test_a_lock_arriving_while_typing_keeps_the_text(phone_context, werkstatt, workshop, artifacts):
    werkstatt.set_live_step(workshop.id, "cards")
    page = phone_context.new_page()
    token = join(page, workshop.join_code)
    expect(step_heading(page, HEADINGS["cards"])).to_be_visible()
    text = "Eine Anlaufstelle für neue Nachbarinnen im Rathaus"
    type_card(page, "Idee", text)
    mark_not_reloaded(page)

    # The facilitator locks the input while the text is still being typed.
    werkstatt.lock_input(workshop.id, True)
    expect(page.get_by_text(CARDS_LOCKED)).to_be_visible()
    expect(page.get_by_text(TEXT_KEPT)).to_be_visible()
    expect(card_form(page).get_by_role("button", name="Karte speichern")).to_be_disabled()
    expect(card_text(page)).to_have_value(text)
    expect(card_form(page).get_by_label("Idee", exact=True)).to_be_checked()
    assert_not_reloaded(page)
    phone_screenshot(page, artifacts / "33_phone_locked_text_kept.png")
    assert werkstatt.my_cards(token) == []

    # Reopened: the same text is sent with one tap.
    werkstatt.lock_input(workshop.id, False)
    expect(page.get_by_text(CARDS_LOCKED)).to_have_count(0)
    save = card_form(page).get_by_role("button", name="Karte speichern")
    expect(save).to_be_enabled()
    expect(card_text(page)).to_have_value(text)
    save.click()
    expect(page.get_by_text("Gespeichert: Ihre Karte „Idee“.")).to_be_visible()
    expect(my_cards_heading(page, 1)).to_be_visible()
    expect(my_card(page, text)).to_contain_text("Idee · Management und Steuerung")
    assert [(c.kind, c.text) for c in werkstatt.my_cards(token)] == [("idea", text)]
    assert_not_reloaded(page)


def test_a_card_typed_but_not_sent_survives_a_reload_and_a_closed_tab(phone_context, werkstatt, workshop,
                                                                      artifacts):
    werkstatt.set_live_step(workshop.id, "cards")
    page = phone_context.new_page()
    token = join(page, workshop.join_code)
    expect(step_heading(page, HEADINGS["cards"])).to_be_visible()
    text = "Sprechstunde mit Dolmetscherin im Jobcenter, einmal im Monat"
    type_card(page, "Handlungsbedarf", text)
    topic = card_form(page).get_by_label("Zu welchem Thema?")
    topic.select_option(label="Fairer Zugang und Teilhabe")

    def expect_draft(tab: Page) -> None:
        expect(step_heading(tab, HEADINGS["cards"])).to_be_visible()
        expect(card_text(tab)).to_have_value(text)
        expect(card_form(tab).get_by_label("Handlungsbedarf", exact=True)).to_be_checked()
        expect(card_form(tab).get_by_label("Zu welchem Thema?")).to_have_value("zugang")
        expect(my_cards_heading(tab, 0)).to_be_visible()

    # The page is loaded again (a pull to refresh, a phone that woke up): all still there.
    page.reload()
    expect_draft(page)
    # The tab is closed and the address opened anew, where no form memory of the browser helps.
    page.close()
    page = open_participant(phone_context, token)
    expect_draft(page)
    assert werkstatt.my_cards(token) == []  # nothing was sent on the way
    phone_screenshot(page, artifacts / "39_phone_draft_after_reload.png")

    card_form(page).get_by_role("button", name="Karte speichern").click()
    expect(page.get_by_text("Gespeichert: Ihre Karte „Handlungsbedarf“.")).to_be_visible()
    expect(my_card(page, text)).to_contain_text("Handlungsbedarf · Fairer Zugang und Teilhabe")
    assert [(c.kind, c.field_id, c.text) for c in werkstatt.my_cards(token)] == [("gap", "zugang", text)]
    # Stored, the draft is gone: the next tab starts with an empty box.
    fresh = open_participant(phone_context, token)
    expect(my_cards_heading(fresh, 1)).to_be_visible()
    expect(card_text(fresh)).to_have_value("")


def test_a_stored_card_empties_the_text_box(phone_context, werkstatt, workshop):
    werkstatt.set_live_step(workshop.id, "cards")
    page = phone_context.new_page()
    token = join(page, workshop.join_code)
    type_card(page, "Stärke", "Das Bürgerbüro berät auch auf Türkisch")
    card_form(page).get_by_role("button", name="Karte speichern").click()
    expect(page.get_by_text("Gespeichert: Ihre Karte „Stärke“.")).to_be_visible()
    assert len(werkstatt.my_cards(token)) == 1
    expect(card_text(page)).to_have_value("", timeout=10_000)  # ready for the next card


def test_groups_made_while_a_phone_shows_the_card_step(phone_context, werkstatt, workshop, artifacts):
    werkstatt.set_live_step(workshop.id, "cards")
    page = phone_context.new_page()
    token = join(page, workshop.join_code)
    expect(step_heading(page, HEADINGS["cards"])).to_be_visible()
    expect(page.get_by_role("radio", name="Gruppe Nord")).to_have_count(0)
    text = "Sprachmittler für Elterngespräche in Kitas"
    type_card(page, "Handlungsbedarf", text)
    mark_not_reloaded(page)

    # The facilitator makes two groups: the choice appears, the typed text stays.
    north = werkstatt.add_group(workshop.id, "Gruppe Nord", ["management", "oeffnung"])
    werkstatt.add_group(workshop.id, "Gruppe Süd", ["zugang"])
    group_choice = page.get_by_role("group", name="Ihre Gruppe")
    expect(group_choice.get_by_label("Gruppe Nord", exact=True)).to_be_visible()
    expect(group_choice.get_by_label("Gruppe Süd", exact=True)).to_be_visible()
    expect(page.get_by_text("Bitte wählen Sie zuerst Ihre Gruppe.")).to_be_visible()
    expect(card_text(page)).to_have_value(text)
    assert_not_reloaded(page)
    phone_screenshot(page, artifacts / "34_phone_groups_appeared.png")

    group_choice.get_by_label("Gruppe Nord", exact=True).check()
    page.get_by_role("button", name="Gruppe wählen").click()
    expect(page.get_by_text("Ihre Gruppe ist gespeichert.")).to_be_visible()
    expect(page.locator("#cards")).to_contain_text("Ihre Gruppe: Gruppe Nord")
    assert werkstatt.participant(token).group_id == north.id
    # The card form now offers the group's two fields; the text is still there.
    expect(page.get_by_label("Zu welchem Thema?").locator("option")).to_have_text(
        ["Management und Steuerung", "Interkulturelle Öffnung und Antirassismus"])
    expect(card_text(page)).to_have_value(text)
    expect(card_form(page).get_by_label("Handlungsbedarf", exact=True)).to_be_checked()

    card_form(page).get_by_role("button", name="Karte speichern").click()
    expect(page.get_by_text("Gespeichert: Ihre Karte „Handlungsbedarf“.")).to_be_visible()
    assert [(c.kind, c.field_id, c.text) for c in werkstatt.my_cards(token)] == [("gap", "management", text)]
    assert_not_reloaded(page)
    no_horizontal_scroll(page)
    phone_screenshot(page, artifacts / "35_phone_card_in_group.png")


def test_a_tap_made_offline_is_kept_and_sent_when_the_network_is_back(phone_context, werkstatt, workshop,
                                                                         artifacts):
    page = phone_context.new_page()
    token = join(page, workshop.join_code)
    mark_not_reloaded(page)
    notice = page.locator("#ws-connection")

    phone_context.set_offline(True)
    tap_level(page, "gut unterwegs")
    expect(notice).to_have_text(OFFLINE)
    expect(rating_form(page).get_by_label("gut unterwegs", exact=True)).to_be_checked()  # the tap stays shown
    expect(rating_form(page).get_by_text("Gespeichert:")).to_have_count(0)  # but is not claimed as stored
    page.screenshot(path=artifacts / "36_phone_offline_tap_kept.png")
    assert werkstatt.my_ratings(token) == {}

    phone_context.set_offline(False)
    expect(notice).to_have_text(BACK_ONLINE)
    expect_saved(page, "gut unterwegs")
    assert werkstatt.my_ratings(token) == {FIELD.id: LEVELS["gut unterwegs"]}
    page.screenshot(path=artifacts / "37_phone_back_online.png")
    assert_not_reloaded(page)
    expect(notice).to_have_text("")  # the all-clear goes away by itself


def test_two_tabs_voting_never_overwrite_each_other(phone_context, werkstatt, workshop, artifacts):
    werkstatt.set_live_step(workshop.id, "cards")
    card_id, = cards_by_someone_else(werkstatt, workshop, ["Wartezeiten im Bürgerbüro sind zu lang"])
    werkstatt.set_live_step(workshop.id, "voting")
    first = phone_context.new_page()
    token = join(first, workshop.join_code)
    second = open_participant(phone_context, token)  # the same person, a second tab
    for tab in (first, second):
        expect(step_heading(tab, HEADINGS["voting"])).to_be_visible()
        expect(dots_radio(tab, card_id, 0)).to_be_checked()

    # The first tab gives one dot.
    tap_dots(first, card_id, 1)
    expect(first.get_by_text("Noch 4 von 5 Punkten frei", exact=True)).to_be_visible()
    expect(dots_radio(first, card_id, 1)).to_be_checked()
    assert werkstatt.my_dots(token) == {card_id: 1}

    # The second tab still shows none; its tap is refused, and it then shows what is stored.
    expect(dots_radio(second, card_id, 0)).to_be_checked()
    tap_dots(second, card_id, 2)
    refusal = dots_form(second, card_id).get_by_role("alert")
    expect(refusal).to_contain_text(DOTS_CHANGED)
    expect(refusal).to_contain_text("Jetzt gespeichert: 1")
    expect(dots_radio(second, card_id, 1)).to_be_checked()
    expect(second.get_by_text("Noch 4 von 5 Punkten frei", exact=True)).to_be_visible()
    assert werkstatt.my_dots(token) == {card_id: 1}
    phone_screenshot(second, artifacts / "38_phone_second_tab_refused.png")

    # Now that it shows the stored dot, a tap there is the person's choice and is stored.
    tap_dots(second, card_id, 2)
    expect(second.get_by_text("Noch 3 von 5 Punkten frei", exact=True)).to_be_visible()
    expect(refusal).to_have_count(0)
    assert werkstatt.my_dots(token) == {card_id: 2}

    # The first tab is the stale one now: its tap is refused in turn.
    tap_dots(first, card_id, 0)
    expect(dots_form(first, card_id).get_by_role("alert")).to_contain_text("Jetzt gespeichert: 2")
    expect(dots_radio(first, card_id, 2)).to_be_checked()
    assert werkstatt.my_dots(token) == {card_id: 2}


def test_a_tap_refused_twice_shows_the_reason_and_what_is_stored_both_times(phone_context, werkstatt, workshop):
    werkstatt.set_live_step(workshop.id, "cards")
    ids = cards_by_someone_else(werkstatt, workshop, [f"Handlungsbedarf Nummer {n}" for n in range(1, 5)])
    werkstatt.set_live_step(workshop.id, "voting")
    page = phone_context.new_page()
    token = join(page, workshop.join_code)
    for card_id, dots in zip(ids, (2, 2, 1)):  # all five dots spent, through the service
        werkstatt.vote(token, card_id, dots)
    page.reload()
    expect(page.get_by_text("Noch 0 von 5 Punkten frei", exact=True)).to_be_visible()

    last = ids[3]
    for _ in range(2):
        tap_dots(page, last, 1)
        expect(dots_form(page, last).get_by_role("alert")).to_contain_text("Alle Ihre 5 Punkte sind verteilt.",
                                                                          timeout=10_000)
        expect(dots_radio(page, last, 0)).to_be_checked(timeout=10_000)  # what is stored
        expect(dots_form(page, last).get_by_text("Wird gesendet …")).to_have_count(0, timeout=10_000)
    assert werkstatt.my_dots(token) == {ids[0]: 2, ids[1]: 2, ids[2]: 1}
