"""What the participant's screen shows for each step, read as stored; and the version the page
carries, which moves on with what every device must show and stands still for another person's tap."""

from __future__ import annotations

import gzip

import pytest

from tests.conftest import seed_ratings
from tests.web import pages
from tests.web.conftest import new_phone, write_wall
from werkstatt.i18n import marked, t
from werkstatt.web.screens import STEP_HEADINGS


def test_check_in_shows_the_waiting_text(phone):
    page = phone.screen()
    assert pages.step_shown(page) == "checkin"
    assert pages.heading(page) == t("Schön, dass Sie da sind!", "de")
    assert t("Gleich geht es los. Diese Seite wechselt von selbst, sobald die Bewertung beginnt.", "de") in pages.info_text(page)
    assert pages.tree(page).find("form") is None  # nothing to fill in yet


def test_the_screen_follows_the_live_step(app, phone, workshop):
    for step in ("rating", "results", "cards", "voting", "ranking", "closed"):
        app.set_live_step(workshop.id, step)
        page = phone.screen()
        assert pages.step_shown(page) == step
        assert pages.heading(page) == t(STEP_HEADINGS[step], "de")


def test_the_rating_screen_offers_every_field_with_the_scale(app, web, rating_workshop):
    page = new_phone(app, web, rating_workshop).screen()
    fieldset = app.fieldset(rating_workshop)
    for field in fieldset.fields:
        assert pages.level_labels(page, field.id) == {
            "1": "noch nicht angegangen", "2": "erste Schritte", "3": "gut unterwegs", "4": "fest verankert",
            "dont_know": "kann ich nicht einschätzen"}
        assert pages.rating_open(page, field.id)


def test_the_results_list_per_field_the_verdict_and_ones_own_answer(app, web, rating_workshop):
    seed_ratings(app, rating_workshop)
    phone = new_phone(app, web, rating_workshop)
    phone.rate("management", 4)
    phone.rate("arbeit", "dont_know")
    app.set_live_step(rating_workshop.id, "results")

    page = phone.screen()
    assert t("Die Bewertung ist geschlossen. Die Ergebnisse sehen Sie jetzt am Beamer.", "de") in pages.info_text(page)
    rows = {row.title: row for row in pages.results(page)}
    fieldset = app.fieldset(rating_workshop)
    summary = app.summary(rating_workshop.id).set_index("field_id")
    assert list(rows) == [f.title.get("de") for f in fieldset.fields]
    for field in fieldset.fields:
        row = rows[field.title.get("de")]
        assert row.verdict == " ".join(marked("verdict", summary.loc[field.id, "verdict"], "de").split())
        assert t("Antworten: {n}", "de", n=int(summary.loc[field.id, "n"])) in row.median
    assert rows["Management und Steuerung"].mine == t("Ihre Antwort: {level}", "de", level="fest verankert")
    assert rows[fieldset.field("arbeit").title.get("de")].mine == t("Ihre Antwort: {level}", "de", level="kann ich nicht einschätzen")
    assert rows[fieldset.field("oeffnung").title.get("de")].mine == ""


def test_the_closed_workshop_thanks_and_shows_the_results(app, web, rating_workshop):
    phone = new_phone(app, web, rating_workshop)
    phone.rate("management", 2)
    app.set_live_step(rating_workshop.id, "closed")
    page = phone.screen()
    assert pages.heading(page) == t("Vielen Dank!", "de")
    assert t("Der Workshop ist beendet. Vielen Dank fürs Mitmachen!", "de") in pages.info_text(page)
    assert len(pages.results(page)) == 7
    assert pages.results(page)[0].mine == t("Ihre Antwort: {level}", "de", level="erste Schritte")
    assert pages.tree(page).find("form") is None


def test_check_in_after_the_rating_lists_ones_answers(app, web, rating_workshop):
    phone = new_phone(app, web, rating_workshop)
    phone.rate("management", 2)
    app.set_live_step(rating_workshop.id, "checkin")
    assert pages.my_answers(phone.screen()) == {"Management und Steuerung": "erste Schritte"}


# --- the ballot ---------------------------------------------------------------------------------


def test_the_ballot_shows_one_field_at_a_time_gaps_before_ideas_and_no_strengths(app, voter, wall):
    first = voter.screen()
    assert pages.ballot_links(first) == ["management", "arbeit"]
    assert pages.ballot_title(first) == "Management und Steuerung"
    assert [c.id for c in pages.ballot(first)] == wall.gaps

    arbeit = voter.screen(field="arbeit")
    # The idea was written before the gap, the gap comes first; the strength is not on the ballot.
    assert [(c.id, c.kind) for c in pages.ballot(arbeit)] == [(wall.late_gap, "Handlungsbedarf"),
                                                              (wall.idea, "Idee")]
    assert wall.strength not in [c.id for c in pages.ballot(arbeit)]
    assert "Gute Arbeitsagentur" not in pages.visible_text(arbeit)


def test_an_unknown_ballot_field_shows_the_first_field(voter, wall):
    assert [c.id for c in pages.ballot(voter.screen(field="mond"))] == wall.gaps


def test_hidden_and_merged_cards_leave_the_ballot_and_a_merge_names_how_many_wrote_it(app, voter, wall):
    app.hide_card(wall.ws.id, wall.gaps[0])
    app.merge_cards(wall.ws.id, wall.gaps[1], [wall.gaps[2]])
    page = voter.screen()
    assert [c.id for c in pages.ballot(page)] == [wall.gaps[1], wall.gaps[3]]
    assert t("{n}× genannt", "de", n=2) in pages.ballot(page)[0].kind


def test_the_ranking_step_keeps_the_ballot_open_and_says_the_ranking_is_on_the_wall(app, voter, wall):
    app.set_live_step(wall.ws.id, "ranking")
    page = voter.screen()
    assert t("Das Ranking steht jetzt am Beamer. Ihre Punkte können Sie noch ändern, bis die "
             "Moderation sperrt.", "de") in pages.info_text(page)
    assert voter.dots(wall.gaps[0], 1, seen=0, field="management").status_code == 303


def test_a_ballot_without_cards_says_so(app, web, workshop):
    app.set_live_step(workshop.id, "voting")
    page = new_phone(app, web, workshop).screen()
    assert pages.ballot(page) == []
    assert t("Noch keine Karten zum Bepunkten. Diese Seite wechselt von selbst.", "de") in pages.visible_text(page)


# --- the countdown ---------------------------------------------------------------------------------


def test_the_countdown_shows_the_seconds_left_by_the_services_clock(app, clock, writer, cards_workshop):
    assert pages.timer(writer.screen()) is None
    app.start_timer(cards_workshop.id, 2, lock_at_end=True)
    page = writer.screen()
    assert (pages.timer_ms(page), pages.timer_shown(page)) == (120_000, "02:00")
    assert t("Restzeit – bei null wird gesperrt", "de") in pages.timer(page).text

    clock.advance(seconds=30.4)
    page = writer.screen()
    assert (pages.timer_ms(page), pages.timer_shown(page)) == (89_600, "01:30")  # 89.6 s: rounded up

    clock.advance(minutes=5)
    page = writer.screen()
    assert (pages.timer_ms(page), pages.timer_shown(page)) == (0, "00:00")
    assert t("Die Zeit ist um – Eingabe gesperrt", "de") in pages.timer(page).text
    assert pages.main_area(page).get("data-open") == "0"


def test_a_timer_that_does_not_lock_leaves_the_input_open_at_zero(app, clock, writer, cards_workshop):
    app.start_timer(cards_workshop.id, 1)
    clock.advance(minutes=2)
    page = writer.screen()
    assert pages.timer_ms(page) == 0
    assert t("Die Zeit ist um", "de") in pages.timer(page).text
    assert pages.main_area(page).get("data-open") == "1"
    assert writer.write("Nach der Zeit, aber offen").status_code == 303


# --- the version on the page -------------------------------------------------------------------------


def facilitator_changes():
    """What the facilitator does that every device must show at once."""
    def groups(app, ws):
        app.add_group(ws.id, "Rathaus", ["management"])

    def default_groups(app, ws):
        app.add_default_groups(ws.id)

    def hide(app, ws):
        app.hide_card(ws.id, app.board(ws.id)[0].id)

    def correct(app, ws):
        app.correct_card(ws.id, app.board(ws.id)[0].id, "Korrigiert")

    def merge(app, ws):
        board = app.board(ws.id)
        app.merge_cards(ws.id, board[0].id, [board[1].id])

    return {
        "the step moves on": lambda app, ws: app.set_live_step(ws.id, "voting"),
        "lock": lambda app, ws: app.lock_input(ws.id, True),
        "timer": lambda app, ws: app.start_timer(ws.id, 3),
        "stop the timer": lambda app, ws: (app.start_timer(ws.id, 3), app.stop_timer(ws.id)),
        "a group": groups,
        "the default groups": default_groups,
        "hide a card": hide,
        "correct a card": correct,
        "merge cards": merge,
        "dot rules": lambda app, ws: app.set_dot_rules(ws.id, 7, 3),
    }


@pytest.fixture
def card_step_with_cards(app, web, workshop):
    app.set_live_step(workshop.id, "cards")
    author = app.join(workshop.join_code).token
    app.add_card(author, "management", "gap", "Erste Karte")
    app.add_card(author, "management", "gap", "Zweite Karte")
    return app.workshop(workshop.id)


@pytest.mark.parametrize("change", list(facilitator_changes()))
def test_the_page_version_moves_on_when_the_facilitator_changes_what_devices_show(
        app, web, card_step_with_cards, change):
    ws = card_step_with_cards
    phone = new_phone(app, web, ws)
    before = pages.data_version(phone.screen())
    assert before == app.workshop(ws.id).step_version
    facilitator_changes()[change](app, ws)
    after = pages.data_version(phone.screen())
    assert after > before
    assert after == app.workshop(ws.id).step_version


def participant_taps():
    """What another participant does: nobody else's screen changes for it."""
    def rate(app, ws, other):
        app.set_live_step(ws.id, "rating")
        return lambda: other.rate("management", 3)

    def card(app, ws, other):
        app.set_live_step(ws.id, "cards")
        return lambda: other.write("Noch eine Karte")

    def edit(app, ws, other):
        app.set_live_step(ws.id, "cards")
        card_id = app.add_card(other.token, "management", "gap", "Erst so").id
        return lambda: other.edit(card_id, "Dann so")

    def dots(app, ws, other):
        app.set_live_step(ws.id, "cards")
        card_id = app.add_card(other.token, "management", "gap", "Punkte hierher").id
        app.set_live_step(ws.id, "voting")
        return lambda: other.dots(card_id, 2, seen=0)

    def group(app, ws, other):
        app.set_live_step(ws.id, "cards")
        group_id = app.add_group(ws.id, "Rathaus", ["management"]).id
        return lambda: other.choose_group(group_id)

    def join(app, ws, other):
        return lambda: app.join(ws.join_code)

    return {"rates": rate, "writes a card": card, "edits a card": edit, "gives dots": dots,
            "chooses a group": group, "joins": join}


@pytest.mark.parametrize("tap", list(participant_taps()))
def test_the_page_version_stands_still_when_another_participant_taps(app, web, workshop, tap):
    phone = new_phone(app, web, workshop)
    other = new_phone(app, web, workshop)
    act = participant_taps()[tap](app, workshop, other)
    before = pages.data_version(phone.screen())
    data_before = app.workshop(workshop.id).data_version
    answer = act()
    if hasattr(answer, "status_code"):
        assert answer.status_code == 303, pages.error_text(answer)
    assert app.workshop(workshop.id).data_version > data_before  # it was stored …
    assert pages.data_version(phone.screen()) == before  # … and wakes nobody
    assert app.workshop(workshop.id).step_version == before


def test_a_version_read_as_the_page_is_built_is_the_workshops(app, web, rating_workshop):
    phone = new_phone(app, web, rating_workshop)
    for _ in range(3):
        app.lock_input(rating_workshop.id, True)
        app.lock_input(rating_workshop.id, False)
        assert pages.data_version(phone.screen()) == app.workshop(rating_workshop.id).step_version


def test_a_voting_step_written_by_write_wall_has_the_layout_the_tests_rely_on(app, workshop):
    wall = write_wall(app, workshop)
    kinds = {c.id: c.kind for c in app.board(wall.ws.id)}
    assert [kinds[g] for g in wall.gaps] == ["gap"] * 4
    assert (kinds[wall.idea], kinds[wall.late_gap], kinds[wall.strength]) == ("idea", "gap", "strength")
    assert wall.idea < wall.late_gap


def test_a_page_goes_gzipped_to_a_browser_that_takes_it_and_plain_to_one_that_does_not(app, web, rating_workshop):
    """Pages are compressed by the route at level 1 (Streamlit's middleware would use level 9)."""
    token = app.join(rating_workshop.join_code).token
    packed = web.get(f"/p/{token}", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and packed.headers["vary"] == "Accept-Encoding"
    assert "<main" in packed.text  # the test client unpacked it, as a browser does
    assert int(packed.headers["content-length"]) < len(packed.text.encode()) / 3
    plain = web.get(f"/p/{token}", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and "<main" in plain.text
    assert len(gzip.compress(plain.content, compresslevel=1, mtime=0)) == int(packed.headers["content-length"])
