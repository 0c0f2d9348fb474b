"""The facilitator moderates the wall: hide, restore, correct, move, merge, and undo each of them."""

import pytest

from tests.conftest import PIN
from werkstatt.cards import ranked
from werkstatt.errors import (
    CardModerated,
    CardsClosed,
    InvalidInput,
    NothingToUndo,
    UnknownCard,
    UnknownField,
)
from werkstatt.i18n import N_


@pytest.fixture
def author(token):
    """The participant whose cards the facilitator moderates."""
    return token


@pytest.fixture
def cards(app, author):
    """Three gaps and an idea by one author, ids in writing order."""
    return [
        app.add_card(author, "management", "gap", "Kein Leitbild").id,
        app.add_card(author, "management", "gap", "Leitbild fehlt").id,
        app.add_card(author, "arbeit", "gap", "Keine Jobmesse").id,
        app.add_card(author, "arbeit", "idea", "Jobmesse im Rathaus").id,
    ]


def neighbour(app):
    """Another workshop, in its card step."""
    other = app.create_workshop(title="Nachbarort", municipality="M", facilitator_pin=PIN)
    return app.set_live_step(other.id, "cards")


def card(app, cards_workshop, card_id):
    return next(c for c in app.board(cards_workshop.id) if c.id == card_id)


def wall(app, cards_workshop):
    """Ids of the cards on the wall (visible), in ranking order."""
    return [c.id for c in ranked(app.board(cards_workshop.id))]


def state(app, cards_workshop):
    """Everything moderation can change, for every card."""
    return [(c.id, c.text, c.original_text, c.field_id, c.kind, c.hidden, c.merged_into, c.dots, c.sources)
            for c in app.board(cards_workshop.id)]


def give_dots(app, cards_workshop, dots_by_card):
    """One fresh voter per entry puts the dots on the card; the step is back to cards afterwards."""
    app.set_live_step(cards_workshop.id, "voting")
    for card_id, dots in dots_by_card:
        app.vote(app.join(cards_workshop.join_code).token, card_id, dots)
    app.set_live_step(cards_workshop.id, "cards")


# --- hide and restore --------------------------------------------------------

def test_a_hidden_card_leaves_the_wall_but_is_kept(app, cards_workshop, author, cards):
    hidden = app.hide_card(cards_workshop.id, cards[0])
    assert hidden.hidden and not hidden.visible
    assert card(app, cards_workshop, cards[0]).hidden
    assert cards[0] not in wall(app, cards_workshop)
    assert [c.id for c in app.my_cards(author)] == cards  # its author still has it


def test_a_restored_card_is_back_on_the_wall(app, cards_workshop, cards):
    app.hide_card(cards_workshop.id, cards[0])
    restored = app.restore_card(cards_workshop.id, cards[0])
    assert not restored.hidden
    assert cards[0] in wall(app, cards_workshop)


def test_moderation_wakes_the_projector(app, cards_workshop, cards):
    before = app.versions(cards_workshop.id)[1]
    app.hide_card(cards_workshop.id, cards[0])
    assert app.versions(cards_workshop.id)[1] > before


def test_a_hidden_card_cannot_be_hidden_again(app, cards_workshop, cards):
    app.hide_card(cards_workshop.id, cards[0])
    with pytest.raises(InvalidInput) as error:
        app.hide_card(cards_workshop.id, cards[0])
    assert error.value.params == {"problem": N_("Karte #{card} ist ausgeblendet oder schon "
                                                "zusammengeführt."), "card": cards[0]}
    assert len(app.moderation_history(cards_workshop.id)) == 1


def test_moderation_works_after_the_card_step_too(app, cards_workshop, cards):
    app.set_live_step(cards_workshop.id, "ranking")
    app.hide_card(cards_workshop.id, cards[0])
    assert card(app, cards_workshop, cards[0]).hidden


@pytest.mark.parametrize("action", ["hide", "restore", "correct", "move"])
def test_a_card_of_another_workshop_or_a_missing_id_is_unknown(app, cards_workshop, cards, action):
    other = app.create_workshop(title="Nachbarort", municipality="M", facilitator_pin=PIN)
    calls = {
        "hide": lambda cid: app.hide_card(other.id, cid),
        "restore": lambda cid: app.restore_card(other.id, cid),
        "correct": lambda cid: app.correct_card(other.id, cid, "Gekapert"),
        "move": lambda cid: app.move_card(other.id, cid, "arbeit", "idea"),
    }
    before = state(app, cards_workshop)
    for card_id in (cards[0], 9999):
        with pytest.raises(UnknownCard) as error:
            calls[action](card_id)
        assert error.value.params == {"card": card_id}
    assert state(app, cards_workshop) == before
    assert app.moderation_history(other.id) == []


# --- correct -----------------------------------------------------------------

def test_a_corrected_card_keeps_what_its_author_wrote(app, cards_workshop, author, cards):
    corrected = app.correct_card(cards_workshop.id, cards[0], "  Kein Leitbild vorhanden ")
    assert (corrected.text, corrected.original_text, corrected.corrected) == (
        "Kein Leitbild vorhanden", "Kein Leitbild", True)
    assert app.my_cards(author)[0].original_text == "Kein Leitbild"


def test_correcting_twice_keeps_the_authors_first_text(app, cards_workshop, cards):
    app.correct_card(cards_workshop.id, cards[0], "Erste Korrektur")
    app.correct_card(cards_workshop.id, cards[0], "Zweite Korrektur")
    assert (card(app, cards_workshop, cards[0]).text, card(app, cards_workshop, cards[0]).original_text) == (
        "Zweite Korrektur", "Kein Leitbild")


@pytest.mark.parametrize("text", ["", "ab", "x" * 501])
def test_a_correction_with_a_bad_text_stores_nothing(app, cards_workshop, cards, text):
    before = state(app, cards_workshop)
    with pytest.raises(InvalidInput):
        app.correct_card(cards_workshop.id, cards[0], text)
    assert state(app, cards_workshop) == before
    assert app.moderation_history(cards_workshop.id) == []


def test_a_correction_is_stored_byte_for_byte(app, cards_workshop, cards):
    text = "<script>alert(1)</script> 👨‍👩‍👧 مرحبا İı"
    app.correct_card(cards_workshop.id, cards[0], text)
    assert card(app, cards_workshop, cards[0]).text.encode() == text.encode()


def test_a_hidden_card_cannot_be_corrected(app, cards_workshop, cards):
    app.hide_card(cards_workshop.id, cards[0])
    with pytest.raises(InvalidInput):
        app.correct_card(cards_workshop.id, cards[0], "Korrektur")
    assert card(app, cards_workshop, cards[0]).text == "Kein Leitbild"


# --- move --------------------------------------------------------------------

def test_a_card_moves_to_another_field_and_kind(app, cards_workshop, cards):
    moved = app.move_card(cards_workshop.id, cards[0], "oeffnung", "idea")
    assert (moved.field_id, moved.kind, moved.text) == ("oeffnung", "idea", "Kein Leitbild")
    assert [c.id for c in ranked(app.board(cards_workshop.id), field_id="oeffnung")] == [cards[0]]


@pytest.mark.parametrize("field_id, kind, expected", [
    ("wetter", "gap", UnknownField), ("arbeit", "wish", InvalidInput), ("arbeit", None, InvalidInput)])
def test_a_move_to_an_unknown_field_or_kind_is_refused(app, cards_workshop, cards, field_id, kind, expected):
    before = state(app, cards_workshop)
    with pytest.raises(expected):
        app.move_card(cards_workshop.id, cards[0], field_id, kind)
    assert state(app, cards_workshop) == before
    assert app.moderation_history(cards_workshop.id) == []


# --- merge -------------------------------------------------------------------

def test_merged_cards_leave_the_wall_and_the_target_lists_them(app, cards_workshop, cards):
    target = app.merge_cards(cards_workshop.id, cards[0], [cards[1], cards[2]])
    assert target.sources == (cards[1], cards[2])
    assert card(app, cards_workshop, cards[1]).merged_into == cards[0]
    assert card(app, cards_workshop, cards[2]).merged_into == cards[0]
    assert wall(app, cards_workshop) == [cards[0], cards[3]]


def test_the_target_has_the_dots_of_every_merged_card(app, cards_workshop, cards):
    give_dots(app, cards_workshop, [(cards[0], 1), (cards[1], 2), (cards[2], 2), (cards[2], 1), (cards[3], 2)])
    target = app.merge_cards(cards_workshop.id, cards[0], [cards[1], cards[2]])
    assert target.dots == 1 + 2 + 2 + 1
    assert [(c.id, c.dots) for c in ranked(app.board(cards_workshop.id))] == [(cards[0], 6), (cards[3], 2)]


def test_a_merged_target_can_be_merged_on_and_keeps_everything(app, cards_workshop, cards):
    give_dots(app, cards_workshop, [(cards[0], 1), (cards[1], 2), (cards[2], 2)])
    app.merge_cards(cards_workshop.id, cards[1], [cards[0]])
    final = app.merge_cards(cards_workshop.id, cards[2], [cards[1]])
    assert (final.dots, final.sources) == (5, (cards[0], cards[1]))
    assert wall(app, cards_workshop) == [cards[2], cards[3]]


@pytest.mark.parametrize("sources", ["none", "self", "self twice"])
def test_a_merge_needs_another_card(app, cards_workshop, cards, sources):
    source_ids = {"none": [], "self": [cards[0]], "self twice": [cards[0], cards[0]]}[sources]
    with pytest.raises(InvalidInput) as error:
        app.merge_cards(cards_workshop.id, cards[0], source_ids)
    assert error.value.params == {"problem": N_("Bitte mindestens eine andere Karte zum "
                                                "Zusammenführen wählen.")}
    assert app.moderation_history(cards_workshop.id) == []


def test_merging_the_target_into_itself_among_others_merges_only_the_others(app, cards_workshop, cards):
    target = app.merge_cards(cards_workshop.id, cards[0], [cards[0], cards[1], cards[1]])
    assert target.sources == (cards[1],)
    assert card(app, cards_workshop, cards[0]).merged_into is None


@pytest.mark.parametrize(
    "bad", ["hidden source", "merged source", "hidden target", "unknown source", "foreign source"])
def test_a_merge_with_a_card_off_the_wall_merges_nothing(app, cards_workshop, cards, bad):
    other = neighbour(app)
    foreign = app.add_card(app.join(other.join_code).token, "arbeit", "gap", "Fremd").id
    target, sources = cards[0], [cards[1], cards[2]]
    if bad == "hidden source":
        app.hide_card(cards_workshop.id, cards[2])
    elif bad == "merged source":
        app.merge_cards(cards_workshop.id, cards[3], [cards[2]])
    elif bad == "hidden target":
        app.hide_card(cards_workshop.id, cards[0])
    elif bad == "unknown source":
        sources.append(9999)
    else:
        sources.append(foreign)
    before, history = state(app, cards_workshop), app.moderation_history(cards_workshop.id)
    with pytest.raises((InvalidInput, UnknownCard)):
        app.merge_cards(cards_workshop.id, target, sources)
    assert state(app, cards_workshop) == before  # cards[1] was not merged on its own
    assert app.moderation_history(cards_workshop.id) == history


# --- undo --------------------------------------------------------------------

def act(app, cards_workshop, cards, action):
    if action == "hide":
        app.hide_card(cards_workshop.id, cards[0])
    elif action == "restore":
        app.restore_card(cards_workshop.id, cards[0])
    elif action == "correct":
        app.correct_card(cards_workshop.id, cards[0], "Leitbild fehlt (korrigiert)")
    elif action == "move":
        app.move_card(cards_workshop.id, cards[0], "zugang", "idea")
    elif action == "merge":
        app.merge_cards(cards_workshop.id, cards[1], [cards[0], cards[2]])


@pytest.mark.parametrize("action", ["hide", "restore", "correct", "move", "merge"])
def test_undo_returns_the_exact_state_before_each_kind_of_action(app, cards_workshop, cards, action):
    give_dots(app, cards_workshop, [(cards[0], 2), (cards[2], 1)])
    if action == "restore":
        app.hide_card(cards_workshop.id, cards[0])
    before = state(app, cards_workshop)
    act(app, cards_workshop, cards, action)
    assert state(app, cards_workshop) != before
    undone = app.undo_moderation(cards_workshop.id)
    about = cards[1] if action == "merge" else cards[0]
    assert (undone.action, undone.card_id, undone.undone) == (action, about, True)
    assert state(app, cards_workshop) == before


def test_undo_goes_back_one_action_at_a_time_until_nothing_is_left(app, cards_workshop, cards):
    give_dots(app, cards_workshop, [(cards[0], 2), (cards[1], 1), (cards[3], 2)])
    states = [state(app, cards_workshop)]
    for action in ("correct", "hide", "restore", "move", "merge"):
        act(app, cards_workshop, cards, action)
        states.append(state(app, cards_workshop))
    app.hide_card(cards_workshop.id, cards[3])
    for expected, action in zip(reversed(states), ("hide", "merge", "move", "restore", "hide", "correct")):
        assert app.undo_moderation(cards_workshop.id).action == action
        assert state(app, cards_workshop) == expected
    with pytest.raises(NothingToUndo):
        app.undo_moderation(cards_workshop.id)
    assert state(app, cards_workshop) == states[0]


def test_nothing_to_undo_in_a_fresh_workshop(app, cards_workshop):
    with pytest.raises(NothingToUndo):
        app.undo_moderation(cards_workshop.id)


def test_undo_touches_only_its_own_workshop(app, cards_workshop, cards):
    other = neighbour(app)
    foreign = app.add_card(app.join(other.join_code).token, "arbeit", "gap", "Fremd").id
    app.hide_card(other.id, foreign)
    app.hide_card(cards_workshop.id, cards[0])
    assert app.undo_moderation(cards_workshop.id).card_id == cards[0]
    with pytest.raises(NothingToUndo):
        app.undo_moderation(cards_workshop.id)
    assert card(app, other, foreign).hidden


def test_the_author_may_change_a_card_again_once_its_moderation_is_undone(app, cards_workshop, author, cards):
    app.hide_card(cards_workshop.id, cards[0])
    with pytest.raises(CardModerated):
        app.edit_card(author, cards[0], "Neu")
    app.undo_moderation(cards_workshop.id)
    assert app.edit_card(author, cards[0], "Neuer Text").text == "Neuer Text"


@pytest.mark.parametrize("action", ["hide", "restore", "move"])
def test_once_moderated_a_card_is_out_of_its_authors_hands(app, cards_workshop, author, cards, action):
    if action in ("hide", "restore"):
        app.hide_card(cards_workshop.id, cards[0])
    if action == "restore":
        app.restore_card(cards_workshop.id, cards[0])
    if action == "move":
        app.move_card(cards_workshop.id, cards[0], "zugang", "gap")
    with pytest.raises(CardModerated):
        app.delete_card(author, cards[0])
    with pytest.raises(CardModerated):
        app.edit_card(author, cards[0], "Vom Autor nachgebessert")
    assert next(c for c in app.my_cards(author) if c.id == cards[0]).moderated


def test_after_undoing_every_moderation_the_author_may_edit_again(app, cards_workshop, author, cards):
    app.move_card(cards_workshop.id, cards[0], "zugang", "gap")
    app.undo_moderation(cards_workshop.id)
    app.edit_card(author, cards[0], "Vom Autor nachgebessert")
    assert not next(c for c in app.my_cards(author) if c.id == cards[0]).moderated


@pytest.mark.parametrize("action", ["move", "restore"])
def test_undoing_a_moderation_keeps_the_authors_later_edit(app, cards_workshop, author, cards, action):
    if action == "restore":
        app.hide_card(cards_workshop.id, cards[0])
        app.restore_card(cards_workshop.id, cards[0])
    else:
        app.move_card(cards_workshop.id, cards[0], "zugang", "gap")
    try:
        app.edit_card(author, cards[0], "Vom Autor nachgebessert")
    except CardModerated:
        pass  # refusing the edit would be a fix as well
    last_text = next(c.text for c in app.my_cards(author) if c.id == cards[0])
    app.undo_moderation(cards_workshop.id)
    assert next(c.text for c in app.my_cards(author) if c.id == cards[0]) == last_text


# --- history -----------------------------------------------------------------

def test_the_history_lists_actions_newest_first_with_undone_flags(app, cards_workshop, cards):
    app.hide_card(cards_workshop.id, cards[0])
    app.correct_card(cards_workshop.id, cards[1], "Leitbild fehlt noch")
    app.move_card(cards_workshop.id, cards[2], "zugang", "gap")
    app.merge_cards(cards_workshop.id, cards[1], [cards[3]])
    app.undo_moderation(cards_workshop.id)
    history = app.moderation_history(cards_workshop.id)
    assert [(e.action, e.card_id, e.undone) for e in history] == [
        ("merge", cards[1], True), ("move", cards[2], False),
        ("correct", cards[1], False), ("hide", cards[0], False)]
    assert history[0].created_at == "2026-11-23T14:00:00+00:00"
    assert len({e.id for e in history}) == 4


def test_an_undo_never_undoes_an_undone_action_again(app, cards_workshop, cards):
    app.hide_card(cards_workshop.id, cards[0])
    app.hide_card(cards_workshop.id, cards[1])
    app.undo_moderation(cards_workshop.id)
    app.hide_card(cards_workshop.id, cards[2])
    assert [app.undo_moderation(cards_workshop.id).card_id for _ in range(2)] == [cards[2], cards[0]]
    assert [e.undone for e in app.moderation_history(cards_workshop.id)] == [True, True, True]


def test_the_facilitator_still_corrects_after_the_card_step_while_the_author_cannot(app, cards_workshop, author, cards):
    # The facilitator moderates after the card step; the author cannot write any more.
    app.set_live_step(cards_workshop.id, "voting")
    app.correct_card(cards_workshop.id, cards[0], "Korrigiert")
    with pytest.raises((CardsClosed, CardModerated)):
        app.edit_card(author, cards[0], "Neu")
    assert card(app, cards_workshop, cards[0]).text == "Korrigiert"
