"""Dot voting on a phone: the budget and the per-card maximum hold, the messages say how many
dots are free, and a stale tab can never overwrite what another tab stored."""

from __future__ import annotations

import pytest

from tests.web import pages
from tests.web.conftest import Phone, new_phone
from werkstatt.i18n import nt, t


def stored(app, phone: Phone) -> dict[int, int]:
    return app.my_dots(phone.token)


def test_dots_sent_from_the_ballot_are_stored_and_shown(app, voter, wall):
    page = voter.screen()
    form = pages.form_values(pages.dot_form(page, wall.gaps[0]))
    assert form == {"card": str(wall.gaps[0]), "seen": "0", "field": "management", "dots": "0"}
    answer = voter.post("dots", {**form, "dots": "2"})
    assert answer.status_code == 303
    assert answer.headers["location"].startswith(f"/p/{voter.token}?field=management")
    page = voter.follow(answer)
    assert pages.checked_dots(page, wall.gaps[0]) == 2
    assert pages.dots_seen(page, wall.gaps[0]) == "2"
    assert pages.dots_left(page) == nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "de", left=3)
    assert stored(app, voter) == {wall.gaps[0]: 2}


def test_with_one_dot_left_choosing_two_says_one_is_free_and_stores_nothing(app, voter, wall):
    app.vote(voter.token, wall.gaps[0], 2)
    app.vote(voter.token, wall.gaps[1], 2)
    answer = voter.dots(wall.gaps[2], 2, seen=0, field="management")
    assert answer.status_code == 422
    message = pages.dot_message(answer, wall.gaps[2])
    assert message == t("So viele Punkte sind nicht mehr frei (frei: {left} von {budget}). Wählen "
                        "Sie weniger oder nehmen Sie woanders einen Punkt zurück.", "de", left=1, budget=5)
    assert "frei: 1 von 5" in message
    assert "Alle Ihre" not in message
    assert pages.checked_dots(answer, wall.gaps[2]) == 0
    assert stored(app, voter) == {wall.gaps[0]: 2, wall.gaps[1]: 2}


def test_at_the_budget_another_dot_says_all_are_spent(app, voter, wall):
    for card, dots in ((wall.gaps[0], 2), (wall.gaps[1], 2), (wall.gaps[2], 1)):
        app.vote(voter.token, card, dots)
    answer = voter.dots(wall.gaps[3], 1, seen=0, field="management")
    assert answer.status_code == 422
    assert pages.dot_message(answer, wall.gaps[3]) == t("Alle Ihre {budget} Punkte sind verteilt. "
                                                        "Nehmen Sie woanders einen Punkt zurück.", "de", budget=5)
    assert pages.dots_left(answer) == nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "de", left=0)
    assert wall.gaps[3] not in stored(app, voter)


def test_more_than_the_per_card_maximum_is_refused(app, voter, wall):
    answer = voter.dots(wall.gaps[0], 3, seen=0, field="management")
    assert answer.status_code == 422
    assert pages.dot_message(answer, wall.gaps[0]) == t("Höchstens {max} Punkte je Karte.", "de", max=2)
    assert stored(app, voter) == {}


def test_the_ballot_offers_no_more_than_the_per_card_maximum(voter, wall):
    radios = pages.dot_form(voter.screen(), wall.gaps[0]).find_all("input", name="dots")
    assert [r.get("value") for r in radios] == ["0", "1", "2"]


def test_a_stale_tab_cannot_overwrite_the_dots_another_tab_stored(app, web, voter, wall):
    card = wall.gaps[0]
    tab_a = voter.screen()
    assert pages.checked_dots(tab_a, card) == 0
    tab_b = Phone(web, voter.token)  # the same person, a second tab
    assert tab_b.dots(card, 2, seen=0, field="management").status_code == 303

    answer = voter.post("dots", {**pages.form_values(pages.dot_form(tab_a, card)), "dots": "1"})
    assert answer.status_code == 422
    assert pages.dot_message(answer, card) == t("Diese Karte wurde inzwischen anders bepunktet, "
                                                "vielleicht in einem anderen Fenster. Jetzt "
                                                "gespeichert: {stored}. Bitte noch einmal wählen.", "de", stored=2)
    assert pages.checked_dots(answer, card) == 2  # the page now shows what is stored
    assert pages.dots_seen(answer, card) == "2"
    assert stored(app, voter) == {card: 2}

    # From the refreshed form, the change is applied.
    again = voter.post("dots", {**pages.form_values(pages.dot_form(answer, card)), "dots": "1"})
    assert again.status_code == 303
    assert stored(app, voter) == {card: 1}


def test_a_seen_that_matches_what_is_stored_is_applied(app, voter, wall):
    app.vote(voter.token, wall.gaps[0], 2)
    assert voter.dots(wall.gaps[0], 0, seen=2, field="management").status_code == 303
    assert stored(app, voter) == {}


@pytest.fixture
def foreign_card(app):
    other = app.create_workshop(title="Anderswo", municipality="Nachbarstadt", facilitator_pin="4711")
    app.set_live_step(other.id, "cards")
    card = app.add_card(app.join(other.join_code).token, "management", "gap", "Fremder Bedarf")
    app.set_live_step(other.id, "voting")
    return card


def card_to_vote_on(app, wall, foreign_card, which: str) -> int:
    if which == "another workshop's card":
        return foreign_card.id
    if which == "a hidden card":
        app.hide_card(wall.ws.id, wall.gaps[1])
        return wall.gaps[1]
    return wall.strength


CARDS_REFUSED = ["another workshop's card", "a hidden card", "a strength"]


@pytest.mark.parametrize("which", CARDS_REFUSED)
def test_dots_on_a_card_that_takes_none_are_refused_and_nothing_is_stored(app, voter, wall, foreign_card,
                                                                          which):
    card = card_to_vote_on(app, wall, foreign_card, which)
    answer = voter.dots(card, 1, seen=0, field="management")
    assert answer.status_code == 422
    assert stored(app, voter) == {}
    assert app.voters(wall.ws.id) == 0
    assert sum(c.dots for c in app.board(wall.ws.id)) == 0


@pytest.mark.parametrize("which", CARDS_REFUSED)
def test_dots_on_a_card_that_takes_none_say_why(app, voter, wall, foreign_card, which):
    card = card_to_vote_on(app, wall, foreign_card, which)
    expected = (t("Diese Karte gibt es nicht (mehr).", "de") if which == "another workshop's card"
                else t("Auf diese Karte können keine Punkte mehr – Punkte gibt es für sichtbare "
                       "Handlungsbedarfe und Ideen.", "de"))
    assert expected in pages.error_text(voter.dots(card, 1, seen=0, field="management"))


@pytest.mark.parametrize("dots", ["abc", "-1", "", "1.5", "2e0"])
def test_a_number_of_dots_that_is_no_number_is_refused_with_a_clear_message(app, voter, wall, dots):
    answer = voter.dots(wall.gaps[0], dots, seen=0, field="management")
    assert answer.status_code == 422
    assert pages.dot_message(answer, wall.gaps[0]) == t("„{dots}“ ist keine gültige Zahl von Punkten.", "de", dots=dots)
    assert stored(app, voter) == {}


def test_dots_sent_while_voting_is_locked_are_refused_and_say_why(app, voter, wall):
    app.lock_input(wall.ws.id, True)
    answer = voter.dots(wall.gaps[0], 1, seen=0, field="management")
    assert answer.status_code == 422
    assert pages.dot_message(answer, wall.gaps[0]) == t("Die Punktevergabe ist gerade nicht offen. "
                                                        "Ihre gespeicherten Punkte bleiben erhalten.", "de")
    assert stored(app, voter) == {}


def test_a_refused_vote_shows_the_ballot_of_the_field_it_was_sent_from(app, voter, wall):
    answer = voter.dots(wall.late_gap, 3, seen=0, field="arbeit")
    assert answer.status_code == 422
    assert [c.id for c in pages.ballot(answer)] == [wall.late_gap, wall.idea]
    assert pages.dot_message(answer, wall.late_gap) == t("Höchstens {max} Punkte je Karte.", "de", max=2)


def test_two_people_spend_their_own_budgets(app, web, voter, wall):
    other = new_phone(app, web, wall.ws)
    for phone in (voter, other):
        assert phone.dots(wall.gaps[0], 2, seen=0, field="management").status_code == 303
    assert next(c.dots for c in app.board(wall.ws.id) if c.id == wall.gaps[0]) == 4
    assert pages.dots_left(voter.screen()) == nt("Noch {left} von {n} Punkt frei", "Noch {left} von {n} Punkten frei", 5, "de", left=3)


def test_two_phones_on_the_same_ballot_each_send_to_their_own_address(app, web, voter, wall):
    """Ballot cards are rendered once and kept (ParticipantClient.ballot_card); each phone's copy
    must carry its own token and its own dots, in its own language, never another phone's."""
    other = new_phone(app, web, wall.ws, lang="tr")
    app.vote(voter.token, wall.gaps[0], 2)
    for phone, dots, lang in ((voter, 2, "de"), (other, 0, "tr"), (voter, 2, "de")):
        page = phone.screen()
        form = pages.dot_form(page, wall.gaps[0])
        action = form.attrs["action"]
        assert action.startswith(f"/p/{phone.token}/dots")
        assert ("lang=tr" in action) == (lang == "tr")
        assert pages.checked_dots(page, wall.gaps[0]) == dots
        assert pages.dots_seen(page, wall.gaps[0]) == str(dots)
        assert (voter.token in page.text) == (phone is voter)
