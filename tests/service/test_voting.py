"""Dot voting: each participant spreads a budget of dots over gaps and ideas, never more."""

import threading
from types import SimpleNamespace

import pytest

from tests.conftest import CHEAP_HASHER, PIN
from werkstatt.errors import (
    CardNotVotable,
    DotBudgetExceeded,
    DotsPerCardExceeded,
    InvalidInput,
    UnknownCard,
    VotingClosed,
)
from werkstatt.i18n import N_
from werkstatt.service import Werkstatt


def write_wall(app, workshop, gaps=4):
    """Cards written in the card step: ``gaps`` gaps, an idea and a strength; then voting opens."""
    app.set_live_step(workshop.id, "cards")
    author = app.join(workshop.join_code).token
    wall = SimpleNamespace(
        gaps=[app.add_card(author, "management", "gap", f"Handlungsbedarf {i}").id for i in range(gaps)],
        idea=app.add_card(author, "arbeit", "idea", "Jobmesse im Rathaus").id,
        strength=app.add_card(author, "arbeit", "strength", "Gute Arbeitsagentur").id,
    )
    wall.ws = app.set_live_step(workshop.id, "voting")
    return wall


@pytest.fixture
def wall(app, workshop):
    return write_wall(app, workshop)


@pytest.fixture
def voter(app, wall):
    return app.join(wall.ws.join_code).token


def dots_on(app, wall, card_id):
    return next(c.dots for c in app.board(wall.ws.id) if c.id == card_id)


def spent(app, token):
    return sum(app.my_dots(token).values())


# --- giving and taking back --------------------------------------------------

def test_a_workshop_starts_with_five_dots_and_two_per_card(wall):
    assert (wall.ws.dot_budget, wall.ws.dots_per_card) == (5, 2)


def test_a_vote_puts_the_dots_on_the_card(app, wall, voter):
    assert app.vote(voter, wall.gaps[0], 2) == 2
    assert app.my_dots(voter) == {wall.gaps[0]: 2}
    assert dots_on(app, wall, wall.gaps[0]) == 2
    assert app.voters(wall.ws.id) == 1


def test_a_second_vote_on_a_card_sets_the_dots_rather_than_adding(app, wall, voter):
    app.vote(voter, wall.gaps[0], 2)
    app.vote(voter, wall.gaps[0], 1)
    assert app.my_dots(voter) == {wall.gaps[0]: 1}


def test_zero_dots_take_the_vote_back(app, wall, voter):
    app.vote(voter, wall.gaps[0], 2)
    app.vote(voter, wall.gaps[0], 0)
    assert app.my_dots(voter) == {}
    assert dots_on(app, wall, wall.gaps[0]) == 0
    assert app.voters(wall.ws.id) == 0


def test_dots_of_several_voters_add_up_on_the_card(app, wall, voter):
    other = app.join(wall.ws.join_code).token
    app.vote(voter, wall.idea, 2)
    app.vote(other, wall.idea, 1)
    assert dots_on(app, wall, wall.idea) == 3
    assert app.my_dots(other) == {wall.idea: 1}


def test_a_vote_wakes_the_projector(app, wall, voter):
    before = app.versions(wall.ws.id)[1]
    app.vote(voter, wall.idea, 1)
    assert app.versions(wall.ws.id)[1] > before


# --- the limits --------------------------------------------------------------

def test_more_than_the_dots_per_card_are_refused(app, wall, voter):
    app.vote(voter, wall.gaps[0], 1)
    with pytest.raises(DotsPerCardExceeded) as error:
        app.vote(voter, wall.gaps[0], 3)
    assert error.value.params == {"max": 2}
    assert app.my_dots(voter) == {wall.gaps[0]: 1}


def test_the_per_card_message_names_the_maximum(app, wall, voter):
    with pytest.raises(DotsPerCardExceeded, match="2"):
        app.vote(voter, wall.gaps[0], 3)


def test_the_whole_budget_can_be_spent(app, wall, voter):
    for card_id, dots in [(wall.gaps[0], 2), (wall.gaps[1], 2), (wall.gaps[2], 1)]:
        app.vote(voter, card_id, dots)
    assert spent(app, voter) == 5


def test_dots_beyond_the_budget_are_refused_and_nothing_is_stored(app, wall, voter):
    for card_id, dots in [(wall.gaps[0], 2), (wall.gaps[1], 2), (wall.gaps[2], 1)]:
        app.vote(voter, card_id, dots)
    before = app.my_dots(voter)
    with pytest.raises(DotBudgetExceeded) as error:
        app.vote(voter, wall.gaps[3], 1)
    assert error.value.params == {"budget": 5, "left": 0}
    with pytest.raises(DotBudgetExceeded):
        app.vote(voter, wall.gaps[2], 2)  # raising a card counts what is on it already
    assert app.my_dots(voter) == before
    assert dots_on(app, wall, wall.gaps[3]) == 0


def test_the_refusal_says_how_many_dots_are_left(app, wall, voter):
    app.vote(voter, wall.gaps[0], 2)
    app.vote(voter, wall.gaps[1], 2)
    with pytest.raises(DotBudgetExceeded) as error:
        app.vote(voter, wall.gaps[2], 2)
    assert error.value.params == {"budget": 5, "left": 1}
    assert spent(app, voter) == 4


def test_the_budget_message_names_the_budget(app, wall, voter):
    app.vote(voter, wall.gaps[0], 2)
    app.vote(voter, wall.gaps[1], 2)
    with pytest.raises(DotBudgetExceeded, match="5"):
        app.vote(voter, wall.gaps[2], 2)


def test_dots_taken_back_can_be_spent_elsewhere(app, wall, voter):
    for card_id, dots in [(wall.gaps[0], 2), (wall.gaps[1], 2), (wall.gaps[2], 1)]:
        app.vote(voter, card_id, dots)
    app.vote(voter, wall.gaps[0], 0)
    app.vote(voter, wall.idea, 2)
    assert app.my_dots(voter) == {wall.gaps[1]: 2, wall.gaps[2]: 1, wall.idea: 2}


def test_every_voter_has_a_budget_of_their_own(app, wall, voter):
    other = app.join(wall.ws.join_code).token
    for token in (voter, other):
        for card_id, dots in [(wall.gaps[0], 2), (wall.gaps[1], 2), (wall.gaps[2], 1)]:
            app.vote(token, card_id, dots)
    assert dots_on(app, wall, wall.gaps[0]) == 4
    assert spent(app, other) == 5


@pytest.mark.parametrize("dots", [True, False, -1, "2", 1.5, 2.0, None])
def test_anything_but_a_whole_number_of_dots_is_refused(app, wall, voter, dots):
    app.vote(voter, wall.gaps[0], 1)
    with pytest.raises(InvalidInput) as error:
        app.vote(voter, wall.gaps[0], dots)
    assert error.value.params == {"problem": N_("„{dots}“ ist keine gültige Zahl von Punkten."), "dots": dots}
    assert app.my_dots(voter) == {wall.gaps[0]: 1}


# --- which cards -------------------------------------------------------------

def test_ideas_and_gaps_take_dots_strengths_do_not(app, wall, voter):
    app.vote(voter, wall.idea, 1)
    with pytest.raises(CardNotVotable):
        app.vote(voter, wall.strength, 1)
    assert app.my_dots(voter) == {wall.idea: 1}


def test_a_hidden_card_takes_no_dots(app, wall, voter):
    app.hide_card(wall.ws.id, wall.gaps[0])
    with pytest.raises(CardNotVotable):
        app.vote(voter, wall.gaps[0], 1)
    assert app.my_dots(voter) == {}


def test_a_card_moved_to_the_strengths_takes_no_more_dots(app, wall, voter):
    app.move_card(wall.ws.id, wall.gaps[0], "management", "strength")
    with pytest.raises(CardNotVotable):
        app.vote(voter, wall.gaps[0], 1)


def test_a_card_of_another_workshop_or_a_missing_id_is_unknown(app, wall, voter):
    neighbour = app.create_workshop(title="Nachbarort", municipality="M", facilitator_pin=PIN)
    other = write_wall(app, neighbour, gaps=1)
    for card_id in (other.gaps[0], 9999):
        with pytest.raises(UnknownCard) as error:
            app.vote(voter, card_id, 1)
        assert error.value.params == {"card": card_id}
    assert app.my_dots(voter) == {}
    assert dots_on(app, other, other.gaps[0]) == 0


# --- when --------------------------------------------------------------------

@pytest.mark.parametrize("step", ["voting", "ranking"])
def test_dots_are_taken_while_voting_and_during_the_live_ranking(app, wall, voter, step):
    app.set_live_step(wall.ws.id, step)
    app.vote(voter, wall.idea, 2)
    assert app.my_dots(voter) == {wall.idea: 2}


@pytest.mark.parametrize("step", ["checkin", "rating", "results", "cards", "closed"])
def test_dots_are_refused_in_every_other_step_and_kept(app, wall, voter, step):
    app.vote(voter, wall.idea, 2)
    app.set_live_step(wall.ws.id, step)
    for dots in (1, 0):
        with pytest.raises(VotingClosed):
            app.vote(voter, wall.idea, dots)
    assert app.my_dots(voter) == {wall.idea: 2}


@pytest.mark.parametrize("step", ["voting", "ranking"])
def test_a_locked_step_takes_no_dots_and_gives_none_back(app, wall, voter, step):
    app.set_live_step(wall.ws.id, step)
    app.vote(voter, wall.idea, 2)
    app.lock_input(wall.ws.id, True)
    for dots in (1, 0):
        with pytest.raises(VotingClosed):
            app.vote(voter, wall.idea, dots)
    assert app.my_dots(voter) == {wall.idea: 2}
    app.lock_input(wall.ws.id, False)
    app.vote(voter, wall.idea, 1)
    assert app.my_dots(voter) == {wall.idea: 1}


def test_voting_closes_when_a_locking_timer_runs_out(app, clock, wall, voter):
    app.start_timer(wall.ws.id, 2, lock_at_end=True)
    app.vote(voter, wall.idea, 1)
    clock.advance(minutes=2)
    with pytest.raises(VotingClosed):
        app.vote(voter, wall.idea, 2)
    assert app.my_dots(voter) == {wall.idea: 1}


# --- the rules the facilitator sets ---------------------------------------------

def test_set_dot_rules_changes_budget_and_per_card(app, wall, voter):
    ws = app.set_dot_rules(wall.ws.id, 3, 3)
    assert (ws.dot_budget, ws.dots_per_card) == (3, 3)
    assert (app.workshop(wall.ws.id).dot_budget, app.workshop(wall.ws.id).dots_per_card) == (3, 3)
    app.vote(voter, wall.idea, 3)
    with pytest.raises(DotBudgetExceeded) as error:
        app.vote(voter, wall.gaps[0], 1)
    assert error.value.params["budget"] == 3


def test_a_higher_budget_allows_more_dots(app, wall, voter):
    app.set_dot_rules(wall.ws.id, 50, 50)
    app.vote(voter, wall.idea, 50)
    assert app.my_dots(voter) == {wall.idea: 50}


@pytest.mark.parametrize("budget, per_card", [
    (0, 1), (51, 2), (-5, 1), (5, 0), (5, 6), (True, 1), (5, True), ("5", 2), (5.0, 2), (5, 2.0), (None, 2)])
def test_dot_rules_out_of_range_are_refused(app, wall, budget, per_card):
    with pytest.raises(InvalidInput) as error:
        app.set_dot_rules(wall.ws.id, budget, per_card)
    assert error.value.params == {"problem": N_("Punkte je Person: 1 bis {max}; je Karte: 1 bis zu "
                                                "den Punkten je Person."), "max": 50}
    stored = app.workshop(wall.ws.id)
    assert (stored.dot_budget, stored.dots_per_card) == (5, 2)


def test_after_the_budget_is_lowered_a_vote_may_still_go_down(app, wall, voter):
    for card_id, dots in [(wall.gaps[0], 2), (wall.gaps[1], 2), (wall.gaps[2], 1)]:
        app.vote(voter, card_id, dots)
    app.set_dot_rules(wall.ws.id, 2, 1)
    app.vote(voter, wall.gaps[0], 2)  # keeping a card as it is, is not raising it
    app.vote(voter, wall.gaps[0], 1)
    with pytest.raises(DotBudgetExceeded):
        app.vote(voter, wall.idea, 1)
    app.vote(voter, wall.gaps[1], 0)
    assert app.my_dots(voter) == {wall.gaps[0]: 1, wall.gaps[2]: 1}


def test_after_the_per_card_maximum_is_lowered_a_card_cannot_go_up_again(app, wall, voter):
    app.vote(voter, wall.idea, 1)
    app.set_dot_rules(wall.ws.id, 5, 1)
    with pytest.raises(DotsPerCardExceeded):
        app.vote(voter, wall.idea, 2)
    assert app.my_dots(voter) == {wall.idea: 1}


# --- merged cards -----------------------------------------------------------------

def test_after_a_merge_the_dots_on_the_sources_count_for_the_target(app, wall, voter):
    other = app.join(wall.ws.join_code).token
    app.vote(voter, wall.gaps[0], 2)
    app.vote(voter, wall.gaps[1], 2)
    app.vote(other, wall.gaps[1], 1)
    app.merge_cards(wall.ws.id, wall.gaps[0], [wall.gaps[1]])
    assert app.my_dots(voter) == {wall.gaps[0]: 4}
    assert app.my_dots(other) == {wall.gaps[0]: 1}
    assert dots_on(app, wall, wall.gaps[0]) == 5


def test_after_a_merge_the_budget_still_counts_every_dot(app, wall, voter):
    app.vote(voter, wall.gaps[0], 2)
    app.vote(voter, wall.gaps[1], 2)
    app.merge_cards(wall.ws.id, wall.gaps[0], [wall.gaps[1]])
    with pytest.raises(DotBudgetExceeded):
        app.vote(voter, wall.idea, 2)
    app.vote(voter, wall.idea, 1)
    assert spent(app, voter) == 5


def test_after_a_merge_the_target_can_be_lowered_but_not_raised_past_the_maximum(app, wall, voter):
    app.vote(voter, wall.gaps[0], 2)
    app.vote(voter, wall.gaps[1], 2)
    app.merge_cards(wall.ws.id, wall.gaps[0], [wall.gaps[1]])
    with pytest.raises(DotsPerCardExceeded):
        app.vote(voter, wall.gaps[0], 5)
    app.vote(voter, wall.gaps[0], 3)
    assert app.my_dots(voter) == {wall.gaps[0]: 3}
    assert dots_on(app, wall, wall.gaps[0]) == 3


def test_a_vote_on_a_merged_card_goes_to_its_target(app, wall, voter):
    app.merge_cards(wall.ws.id, wall.gaps[0], [wall.gaps[1]])
    app.vote(voter, wall.gaps[1], 2)
    assert app.my_dots(voter) == {wall.gaps[0]: 2}
    assert dots_on(app, wall, wall.gaps[0]) == 2
    app.vote(voter, wall.gaps[1], 0)
    assert app.my_dots(voter) == {}


# --- two tabs at once -------------------------------------------------------------

@pytest.mark.parametrize("layout", ["different cards", "same cards"])
def test_two_tabs_voting_at_the_same_moment_never_overspend_the_budget(app, db_path, clock, workshop, layout):
    wall = write_wall(app, workshop, gaps=5)
    cards = [*wall.gaps, wall.idea]
    tabs = {"different cards": (cards[:3], cards[3:]),
            "same cards": (cards[:3], cards[2::-1])}[layout]
    # A second service object on the same file, as a second server process would be.
    second_server = Werkstatt(db_path, password_hasher=CHEAP_HASHER, clock=clock)
    try:
        for _ in range(20):
            token = app.join(wall.ws.join_code).token
            start = threading.Barrier(2)
            accepted, refused, other_errors = [], [], []

            def tab(service, own_cards):
                start.wait()
                for card_id in own_cards:
                    try:
                        service.vote(token, card_id, 2)
                        accepted.append(card_id)
                    except DotBudgetExceeded as error:
                        refused.append(error)
                    except BaseException as error:  # noqa: BLE001 - asserted below
                        other_errors.append(error)

            threads = [threading.Thread(target=tab, args=(service, own))
                       for service, own in zip((app, second_server), tabs)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert other_errors == []
            assert len(accepted) + len(refused) == 6
            mine = app.my_dots(token)
            assert sum(mine.values()) <= 5
            assert mine == {card_id: 2 for card_id in accepted}
            assert len(mine) == 2
    finally:
        second_server.store.close()
