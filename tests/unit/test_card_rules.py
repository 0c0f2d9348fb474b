"""The card rules without a database: roots after merges, the board, the ranking, a participant's dots."""

import pytest

from werkstatt.cards import Card, board, dots_of, ranked, roots


def card(card_id, kind="gap", field="management", hidden=False, merged_into=None, participant=1):
    return Card(id=card_id, participant_id=participant, group_id=None, field_id=field, kind=kind,
                text=f"Karte {card_id}", original_text=None, hidden=hidden, merged_into=merged_into,
                created_at="2026-11-23T14:00:00+00:00")


def by_id(cards):
    return {c.id: c for c in cards}


# --- roots -------------------------------------------------------------------

def test_a_card_never_merged_is_its_own_root():
    assert roots([card(1), card(2)]) == {1: 1, 2: 2}


def test_roots_follow_a_chain_of_merges_to_its_end():
    # 4 was merged into 3, then 3 into 2, then 2 into 1; listed in any order
    cards = [card(3, merged_into=2), card(1), card(4, merged_into=3), card(2, merged_into=1), card(5)]
    assert roots(cards) == {1: 1, 2: 1, 3: 1, 4: 1, 5: 5}


def test_roots_of_two_sources_merged_into_one_target():
    assert roots([card(1), card(2, merged_into=1), card(3, merged_into=1)]) == {1: 1, 2: 1, 3: 1}


def test_roots_stop_on_a_cycle_instead_of_hanging():
    result = roots([card(1, merged_into=2), card(2, merged_into=1)])
    assert set(result) == {1, 2} and set(result.values()) <= {1, 2}


def test_roots_of_no_cards():
    assert roots([]) == {}


# --- board -------------------------------------------------------------------

def test_board_adds_every_voters_dots_on_a_card():
    result = by_id(board([card(1), card(2)], [(10, 1, 2), (11, 1, 1), (10, 2, 1)]))
    assert (result[1].dots, result[2].dots) == (3, 1)


def test_board_gathers_dots_and_sources_of_a_chain_on_the_root():
    cards = [card(1), card(2, merged_into=1), card(3, merged_into=2), card(4)]
    votes = [(10, 1, 1), (10, 2, 2), (11, 3, 2), (11, 4, 1)]
    result = by_id(board(cards, votes))
    assert result[1].dots == 5
    assert result[1].sources == (2, 3)
    assert (result[2].dots, result[2].sources) == (0, ())  # merged away: nothing of its own on show
    assert (result[3].dots, result[3].sources) == (0, ())
    assert (result[4].dots, result[4].sources) == (1, ())


def test_board_lists_sources_oldest_first_whatever_order_they_come_in():
    cards = [card(9, merged_into=1), card(1), card(5, merged_into=1), card(7, merged_into=1)]
    assert by_id(board(cards, []))[1].sources == (5, 7, 9)


def test_board_is_in_writing_order_and_keeps_every_card():
    cards = [card(3), card(1, hidden=True), card(2, merged_into=3)]
    assert [c.id for c in board(cards, [])] == [1, 2, 3]


def test_board_keeps_dots_on_a_hidden_card_and_flags_it():
    result = by_id(board([card(1, hidden=True)], [(10, 1, 2)]))
    assert result[1].hidden and not result[1].visible
    assert result[1].dots == 2


def test_board_ignores_votes_for_cards_it_does_not_know():
    assert board([card(1)], [(10, 99, 2)])[0].dots == 0


def test_board_does_not_change_the_cards_it_was_given():
    original = card(1)
    board([original, card(2, merged_into=1)], [(10, 1, 2)])
    assert (original.dots, original.sources) == (0, ())


# --- ranked ------------------------------------------------------------------

def test_ranked_puts_most_dots_first():
    cards = board([card(1), card(2), card(3)], [(10, 1, 1), (10, 2, 3), (11, 3, 2)])
    assert [c.id for c in ranked(cards)] == [2, 3, 1]


def test_ranked_among_equal_dots_the_card_more_people_named_comes_first():
    cards = board([card(1), card(2), card(3, merged_into=2), card(4, merged_into=2), card(5, merged_into=1)],
                  [(10, 1, 2), (11, 2, 2)])
    # 1 and 2 both have 2 dots; 2 has two sources, 1 has one
    assert [c.id for c in ranked(cards)] == [2, 1]


def test_ranked_among_full_ties_the_older_card_comes_first():
    cards = board([card(3), card(1), card(2)], [])
    assert [c.id for c in ranked(cards)] == [1, 2, 3]


def test_ranked_leaves_out_hidden_and_merged_away_cards():
    cards = board([card(1, hidden=True), card(2, merged_into=3), card(3), card(4)],
                  [(10, 1, 2), (10, 2, 2)])
    result = ranked(cards)
    assert [c.id for c in result] == [3, 4]
    assert result[0].dots == 2  # the merged-away card's dots count for its target


def test_ranked_filters_by_field_and_kind():
    cards = board([card(1, field="arbeit"), card(2, kind="idea"), card(3, kind="strength"), card(4)], [])
    assert [c.id for c in ranked(cards, field_id="management")] == [2, 3, 4]
    assert [c.id for c in ranked(cards, kinds=("idea",))] == [2]
    assert [c.id for c in ranked(cards, field_id="arbeit", kinds=("gap",))] == [1]
    assert ranked(cards, field_id="zugang") == []


# --- dots_of -----------------------------------------------------------------

def test_dots_of_counts_only_the_participants_own_dots():
    votes = [(10, 1, 2), (11, 1, 1), (10, 2, 1)]
    assert dots_of(10, [card(1), card(2)], votes) == {1: 2, 2: 1}
    assert dots_of(11, [card(1), card(2)], votes) == {1: 1}
    assert dots_of(12, [card(1), card(2)], votes) == {}


def test_dots_of_moves_dots_on_merged_cards_to_the_root():
    cards = [card(1), card(2, merged_into=1), card(3, merged_into=2)]
    assert dots_of(10, cards, [(10, 1, 1), (10, 2, 2), (10, 3, 2)]) == {1: 5}


def test_dots_of_leaves_out_dots_on_hidden_cards():
    cards = [card(1, hidden=True), card(2), card(3, merged_into=1)]
    assert dots_of(10, cards, [(10, 1, 2), (10, 2, 1), (10, 3, 2)]) == {2: 1}


# --- Card --------------------------------------------------------------------

@pytest.mark.parametrize(
    "kind, hidden, merged_into, visible, votable",
    [
        ("gap", False, None, True, True),
        ("idea", False, None, True, True),
        ("strength", False, None, True, False),
        ("gap", True, None, False, False),
        ("idea", False, 1, False, False),
    ],
)
def test_what_a_card_shows_and_takes(kind, hidden, merged_into, visible, votable):
    c = card(2, kind=kind, hidden=hidden, merged_into=merged_into)
    assert (c.visible, c.votable) == (visible, votable)


def test_a_card_counts_as_corrected_once_it_keeps_an_original_text():
    assert not card(1).corrected
    assert Card(**{**card(1).__dict__, "original_text": "vorher"}).corrected
