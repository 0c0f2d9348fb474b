"""Participants write cards (strengths, gaps, ideas) in the card step and change only their own."""

import threading

import pytest

from tests.conftest import CHEAP_HASHER, PIN
from werkstatt.cards import KINDS
from werkstatt.errors import (
    CardModerated,
    CardsClosed,
    FieldNotInGroup,
    GroupNeeded,
    InvalidInput,
    NotYourCard,
    UnknownCard,
    UnknownField,
)
from werkstatt.i18n import N_
from werkstatt.service import Werkstatt


def stored(app, token):
    """What the participant's cards are as stored: (text, field, kind) each."""
    return [(c.text, c.field_id, c.kind) for c in app.my_cards(token)]


# --- writing a card ----------------------------------------------------------

def test_a_card_is_stored_with_its_author_field_kind_and_text(app, cards_workshop, token):
    card = app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    assert app.my_cards(token) == [card]
    assert (card.participant_id, card.group_id) == (app.participant(token).id, None)
    assert (card.field_id, card.kind, card.text) == ("management", "gap", "Es fehlt ein Leitbild")
    assert (card.original_text, card.hidden, card.merged_into, card.dots) == (None, False, None, 0)
    assert [c.id for c in app.board(cards_workshop.id)] == [card.id]


def test_a_new_card_wakes_the_projector(app, cards_workshop, token):
    before = app.versions(cards_workshop.id)[1]
    app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    assert app.versions(cards_workshop.id)[1] > before


@pytest.mark.parametrize("kind", KINDS)
def test_strengths_gaps_and_ideas_are_accepted(app, token, kind):
    app.add_card(token, "arbeit", kind, "Etwas dazu")
    assert stored(app, token) == [("Etwas dazu", "arbeit", kind)]


@pytest.mark.parametrize("kind", ["", "Stärke", "GAP", "wish", None])
def test_any_other_kind_is_refused(app, token, kind):
    with pytest.raises(InvalidInput) as error:
        app.add_card(token, "arbeit", kind, "Etwas dazu")
    assert error.value.params == {"problem": N_("„{kind}“ ist keine Art von Karte. Möglich sind "
                                                "Stärke, Handlungsbedarf und Idee."), "kind": kind}
    assert app.my_cards(token) == []


def test_a_field_outside_the_fieldset_is_refused_and_named(app, token):
    with pytest.raises(UnknownField, match="„wetter“ gehört nicht zu diesem Workshop"):
        app.add_card(token, "wetter", "gap", "Mehr Sonne")
    assert app.my_cards(token) == []


@pytest.mark.parametrize("step", ["checkin", "rating", "results", "voting", "ranking", "closed"])
def test_cards_are_accepted_only_in_the_card_step(app, workshop, step):
    token = app.join(workshop.join_code).token
    app.set_live_step(workshop.id, step)
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    assert app.my_cards(token) == []


def test_a_locked_card_step_takes_no_cards_until_it_is_reopened(app, cards_workshop, token):
    app.lock_input(cards_workshop.id, True)
    with pytest.raises(CardsClosed):
        app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    assert app.my_cards(token) == []
    app.lock_input(cards_workshop.id, False)
    app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    assert len(app.my_cards(token)) == 1


# --- groups ------------------------------------------------------------------

def test_a_group_member_writes_for_the_groups_fields_and_the_card_keeps_the_group(app, cards_workshop):
    group = app.add_group(cards_workshop.id, "Nord", ["management", "arbeit"])
    token = app.join(cards_workshop.join_code, group_id=group.id).token
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    assert card.group_id == group.id
    assert app.group(cards_workshop.id, group.id).cards == 1


def test_a_field_outside_the_participants_group_is_refused(app, cards_workshop):
    group = app.add_group(cards_workshop.id, "Nord", ["management"])
    token = app.join(cards_workshop.join_code, group_id=group.id).token
    with pytest.raises(FieldNotInGroup) as error:
        app.add_card(token, "arbeit", "idea", "Jobmesse")
    assert error.value.params == {"group": "Nord"}
    assert app.my_cards(token) == []


def test_a_group_is_needed_once_the_workshop_has_groups(app, cards_workshop, token):
    app.add_group(cards_workshop.id, "Nord", ["management"])
    with pytest.raises(GroupNeeded):
        app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    assert app.my_cards(token) == []


def test_no_group_is_needed_in_a_workshop_without_groups(app, cards_workshop, token):
    assert app.groups(cards_workshop.id) == []
    assert app.add_card(token, "kommunikation", "gap", "Keine Beschwerdestelle").group_id is None


def test_a_group_tablets_cards_count_for_its_group(app, cards_workshop):
    group = app.add_group(cards_workshop.id, "Nord", ["zugang"])
    tablet = app.join(cards_workshop.join_code, group_id=group.id, group_tablet=True).token
    app.add_card(tablet, "zugang", "gap", "Formulare nur auf Deutsch")
    assert app.my_cards(tablet)[0].group_id == group.id
    assert app.group(cards_workshop.id, group.id).cards == 1


# --- the text ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", " \n\t\u00a0 ", "ab", "  ab  ", "\nab\n", None,
                                  "\u200b\u200b\u200b", "a\u200db\u200d", "\x07\x07\x07"])
def test_a_text_under_three_characters_is_refused(app, token, text):
    with pytest.raises(InvalidInput) as error:
        app.add_card(token, "management", "gap", text)
    assert error.value.params == {"problem": N_("Die Karte ist zu kurz: bitte mindestens {min} "
                                                "Zeichen schreiben."), "min": 3}
    assert app.my_cards(token) == []


def test_three_characters_are_enough_and_the_blank_space_around_them_goes(app, token):
    app.add_card(token, "management", "gap", "  \n Kita \t\n")
    app.add_card(token, "management", "idea", "abc")
    assert [c.text for c in app.my_cards(token)] == ["Kita", "abc"]


def test_five_hundred_characters_are_accepted(app, token):
    text = "ä" * 499 + "!"
    assert app.add_card(token, "management", "gap", f"  {text}\n").text == text
    assert app.my_cards(token)[0].text == text


@pytest.mark.parametrize("length", [501, 10_000])
def test_a_text_over_five_hundred_characters_is_refused(app, token, length):
    with pytest.raises(InvalidInput) as error:
        app.add_card(token, "management", "gap", "x" * length)
    assert error.value.params == {"problem": N_("Die Karte ist zu lang: {length} Zeichen, erlaubt "
                                                "sind höchstens {max}. Bitte kürzen – Ihr Text ist "
                                                "noch da."), "max": 500, "length": length}
    assert app.my_cards(token) == []


def test_the_too_long_message_names_the_limit(app, token):
    with pytest.raises(InvalidInput, match="500"):
        app.add_card(token, "management", "gap", "x" * 501)


TEXTS_AS_TYPED = [
    "Größere Übersetzungsbüros für Ämter – Straße, ẞ, „Anführung“",
    "Mehr Feste 🎉👍🏽 für alle 👨‍👩‍👧‍👦 und 🏳️‍🌈 🧑🏿‍🤝‍🧑🏻",
    "مزيد من المترجمين في البلدية",
    "יותר מתורגמנים בעירייה",
    "İstanbul'dan gelen IŞIK ırmak ığdır İi Iı",
    "Больше переводчиков в ратуше, ёлка",
    "Mixed עברית und Deutsch 123 العربية",
    "<script>alert(1)</script>",
    "**bold** _kursiv_ # Überschrift\n- Liste",
    "[x](javascript:alert(1))",
    '<img src=x onerror="alert(1)">',
    "'; DROP TABLE cards; --",
    "{name} {0} %s %(x)s {{}} $1 \\n \\",
    "Zeile 1\nZeile 2\r\n\tZeile 3",
    "e\u0301 bleibt zerlegt, é bleibt zusammengesetzt",
    "Null\x00Byte und \u200bnull-breit\u200d",
]


@pytest.mark.parametrize("text", TEXTS_AS_TYPED)
def test_a_text_is_stored_byte_for_byte_as_typed(app, cards_workshop, token, text):
    returned = app.add_card(token, "management", "idea", text)
    assert returned.text.encode() == text.encode()
    assert app.my_cards(token)[0].text.encode() == text.encode()
    assert app.board(cards_workshop.id)[0].text.encode() == text.encode()


@pytest.mark.parametrize("text", TEXTS_AS_TYPED[:8])
def test_an_edited_text_is_stored_byte_for_byte_as_typed(app, token, text):
    card = app.add_card(token, "management", "idea", "vorher")
    app.edit_card(token, card.id, text)
    assert app.my_cards(token)[0].text.encode() == text.encode()


# --- double submits ----------------------------------------------------------

def test_the_same_card_sent_twice_is_stored_once(app, token):
    first = app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    again = app.add_card(token, "management", "gap", "  Es fehlt ein Leitbild\n")
    assert again == first
    assert len(app.my_cards(token)) == 1


def test_the_same_text_under_another_field_or_kind_is_another_card(app, token):
    app.add_card(token, "management", "gap", "Mehr Geld")
    app.add_card(token, "management", "idea", "Mehr Geld")
    app.add_card(token, "arbeit", "gap", "Mehr Geld")
    assert stored(app, token) == [("Mehr Geld", "management", "gap"), ("Mehr Geld", "management", "idea"),
                                  ("Mehr Geld", "arbeit", "gap")]


def test_two_people_writing_the_same_text_make_two_cards(app, cards_workshop, token):
    other = app.join(cards_workshop.join_code).token
    app.add_card(token, "management", "gap", "Mehr Geld")
    app.add_card(other, "management", "gap", "Mehr Geld")
    assert len(app.board(cards_workshop.id)) == 2


def test_a_double_tap_from_two_tabs_at_the_same_moment_stores_one_card(app, db_path, clock, cards_workshop):
    second_server = Werkstatt(db_path, password_hasher=CHEAP_HASHER, clock=clock)
    try:
        for round_ in range(10):
            token = app.join(cards_workshop.join_code).token
            start = threading.Barrier(2)
            ids, errors = [], []

            def tap(service):
                start.wait()
                try:
                    ids.append(service.add_card(token, "management", "gap", f"Doppelt {round_}").id)
                except BaseException as error:  # noqa: BLE001 - asserted below
                    errors.append(error)

            threads = [threading.Thread(target=tap, args=(s,)) for s in (app, second_server)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert errors == []
            assert len(set(ids)) == 1
            assert [c.id for c in app.my_cards(token)] == ids[:1]
    finally:
        second_server.store.close()


# --- editing and deleting ----------------------------------------------------

def test_the_author_edits_text_field_and_kind(app, token):
    card = app.add_card(token, "management", "gap", "Es fehlt ein Leitbild")
    edited = app.edit_card(token, card.id, "Leitbild fehlt noch", field_id="oeffnung", kind="idea")
    assert (edited.id, edited.text, edited.field_id, edited.kind) == (
        card.id, "Leitbild fehlt noch", "oeffnung", "idea")
    assert stored(app, token) == [("Leitbild fehlt noch", "oeffnung", "idea")]


def test_an_edit_without_field_and_kind_keeps_them(app, token):
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    app.edit_card(token, card.id, "Jobmesse im Rathaus")
    assert stored(app, token) == [("Jobmesse im Rathaus", "arbeit", "idea")]


def test_the_author_deletes_a_card(app, cards_workshop, token):
    keep = app.add_card(token, "arbeit", "idea", "Jobmesse")
    card = app.add_card(token, "arbeit", "gap", "Keine Beratung")
    app.delete_card(token, card.id)
    assert app.my_cards(token) == [keep]
    assert [c.id for c in app.board(cards_workshop.id)] == [keep.id]


def test_another_participant_can_neither_edit_nor_delete_a_card(app, cards_workshop, token):
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    other = app.join(cards_workshop.join_code).token
    with pytest.raises(NotYourCard):
        app.edit_card(other, card.id, "Übernommen")
    with pytest.raises(NotYourCard):
        app.delete_card(other, card.id)
    assert app.my_cards(token) == [card]


def test_a_card_of_another_workshop_or_a_missing_id_is_unknown(app, cards_workshop, token):
    other_ws = app.set_live_step(
        app.create_workshop(title="Nachbarort", municipality="M", facilitator_pin=PIN).id, "cards")
    stranger = app.join(other_ws.join_code).token
    foreign = app.add_card(stranger, "arbeit", "idea", "Fremde Karte")
    for card_id in (foreign.id, 9999):
        with pytest.raises(UnknownCard) as error:
            app.edit_card(token, card_id, "Gekapert")
        assert error.value.params == {"card": card_id}
        with pytest.raises(UnknownCard):
            app.delete_card(token, card_id)
    assert app.my_cards(stranger) == [foreign]


@pytest.mark.parametrize("closing", ["lock", "voting", "results"])
def test_edits_and_deletes_are_refused_once_the_card_step_is_locked_or_over(
        app, cards_workshop, token, closing):
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    if closing == "lock":
        app.lock_input(cards_workshop.id, True)
    else:
        app.set_live_step(cards_workshop.id, closing)
    with pytest.raises(CardsClosed):
        app.edit_card(token, card.id, "Jobmesse im Rathaus")
    with pytest.raises(CardsClosed):
        app.delete_card(token, card.id)
    assert app.my_cards(token) == [card]


def moderate(app, workshop_id, token, card, how):
    if how == "hide":
        app.hide_card(workshop_id, card.id)
    elif how == "correct":
        app.correct_card(workshop_id, card.id, "Jobmesse (korrigiert)")
    elif how == "merged away":
        other = app.add_card(token, "arbeit", "idea", "Jobbörse")
        app.merge_cards(workshop_id, other.id, [card.id])
    elif how == "merge target":
        other = app.add_card(token, "arbeit", "idea", "Jobbörse")
        app.merge_cards(workshop_id, card.id, [other.id])


@pytest.mark.parametrize("how", ["hide", "correct", "merged away", "merge target"])
def test_a_card_the_facilitator_moderated_is_no_longer_the_authors_to_change(app, cards_workshop, token, how):
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    moderate(app, cards_workshop.id, token, card, how)
    before = app.my_cards(token)
    with pytest.raises(CardModerated):
        app.edit_card(token, card.id, "Doch anders")
    with pytest.raises(CardModerated):
        app.delete_card(token, card.id)
    assert app.my_cards(token) == before


def test_an_edit_with_a_bad_text_stores_nothing(app, token):
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    for text in ("", "ab", "x" * 501):
        with pytest.raises(InvalidInput):
            app.edit_card(token, card.id, text, field_id="management", kind="gap")
    assert app.my_cards(token) == [card]


@pytest.mark.parametrize("field_id, kind, expected", [
    ("wetter", None, UnknownField), (None, "wish", InvalidInput)])
def test_an_edit_with_a_bad_field_or_kind_keeps_the_text_too(app, token, field_id, kind, expected):
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    with pytest.raises(expected):
        app.edit_card(token, card.id, "Ganz neuer Text", field_id=field_id, kind=kind)
    assert app.my_cards(token) == [card]


def test_an_edit_cannot_move_a_card_out_of_the_group_fields(app, cards_workshop):
    group = app.add_group(cards_workshop.id, "Nord", ["arbeit"])
    token = app.join(cards_workshop.join_code, group_id=group.id).token
    card = app.add_card(token, "arbeit", "idea", "Jobmesse")
    with pytest.raises(FieldNotInGroup):
        app.edit_card(token, card.id, "Ganz neuer Text", field_id="management")
    assert app.my_cards(token) == [card]
