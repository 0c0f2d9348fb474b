"""Group work on a phone: nothing typed is ever lost, nobody's card is stored twice, only one's own
cards can be changed, and every refused card comes back with its text still in the box."""

from __future__ import annotations

import pytest

from tests.web import pages
from tests.web.conftest import Phone, new_phone
from werkstatt.cards import KIND_NAMES
from werkstatt.i18n import t


def stored_texts(app, phone: Phone) -> list[str]:
    return [c.text for c in app.my_cards(phone.token)]


def refused_with_text_kept(answer, text: str, **chosen: str) -> str:
    """Assert a 422 whose card box still holds ``text`` (and ``chosen`` kind and field, where
    given); return the message shown."""
    assert answer.status_code == 422, (answer.status_code, answer.headers.get("location"))
    assert pages.typed_card_text(answer) == text
    form = pages.form_values(pages.card_form(answer))
    assert {name: form.get(name) for name in chosen} == chosen
    return pages.error_text(answer)


# --- 1. a group that works on one field --------------------------------------------------------


def test_a_second_card_in_a_group_with_one_field_is_stored(app, writer, cards_workshop):
    group = app.add_group(cards_workshop.id, "Rathaus", ["management"])
    app.choose_group(writer.token, group.id)
    first_page = writer.screen()
    assert pages.card_field_choices(first_page) == ["management"]

    # Each card is sent with the form exactly as the page offers it (the field is a hidden input).
    for text in ("Erste Karte der Gruppe", "Zweite Karte der Gruppe"):
        form = pages.form_values(pages.card_form(writer.screen()))
        answer = writer.post("cards", {**form, "kind": "gap", "text": text})
        assert answer.status_code == 303, pages.error_text(answer)
        page = writer.follow(answer)
        assert t("Gespeichert: Ihre Karte „{kind}“.", "de", kind=t(KIND_NAMES["gap"], "de")) in pages.success_text(page)

    assert stored_texts(app, writer) == ["Erste Karte der Gruppe", "Zweite Karte der Gruppe"]
    assert pages.my_card_texts(writer.screen()) == ["Zweite Karte der Gruppe", "Erste Karte der Gruppe"]


def test_a_card_for_a_field_outside_ones_group_is_refused_with_the_text_kept(app, writer, cards_workshop):
    group = app.add_group(cards_workshop.id, "Rathaus", ["management"])
    app.choose_group(writer.token, group.id)
    message = refused_with_text_kept(writer.write("Mehr Jobmessen", field="arbeit"), "Mehr Jobmessen")
    assert t("Ihre Gruppe „{group}“ arbeitet nicht an diesem Handlungsfeld. Bitte ein Feld Ihrer "
             "Gruppe wählen.", "de", group="Rathaus") in message
    assert stored_texts(app, writer) == []


# --- 2. groups created after the device opened the card step ----------------------------------


def test_groups_created_after_the_page_opened_ask_for_a_group_and_the_typed_card_is_kept(
        app, writer, cards_workshop):
    before = writer.screen()
    assert pages.group_choices(before) == {}  # no groups yet: a plain card form
    groups = app.add_default_groups(cards_workshop.id)
    management = next(g for g in groups if g.field_ids == ("management",))

    # The next GET shows the group choice.
    page = writer.screen()
    assert set(pages.group_choices(page)) == {str(g.id) for g in groups}
    assert t("Bitte wählen Sie zuerst Ihre Gruppe.", "de") in pages.visible_text(page)

    # The form of the old page, sent without a group: refused, text kept, the choice on the page.
    typed = "Die Ämter sprechen zu wenig miteinander"
    old_form = pages.form_values(pages.card_form(before))
    answer = writer.post("cards", {**old_form, "kind": "gap", "text": typed})
    assert t("Bitte wählen Sie zuerst Ihre Gruppe.", "de") in refused_with_text_kept(answer, typed)
    assert pages.group_choices(answer)[str(management.id)] == "Management und Steuerung"
    assert stored_texts(app, writer) == []

    # Choosing a group, then the same card: stored, in that group.
    chosen = writer.choose_group(management.id)
    assert chosen.status_code == 303
    assert t("Ihre Gruppe ist gespeichert.", "de") in pages.success_text(writer.follow(chosen))
    assert writer.write(typed, field="management").status_code == 303
    assert [(c.text, c.group_id) for c in app.my_cards(writer.token)] == [(typed, management.id)]


# --- 3. the lock arriving while text is typed ---------------------------------------------------


def test_a_card_sent_after_the_facilitator_locked_is_refused_with_the_text_kept_and_stored_after_reopening(
        app, writer, cards_workshop):
    typed = "Mehr Sprachkurse am Abend"
    app.lock_input(cards_workshop.id, True)
    message = refused_with_text_kept(writer.write(typed, field="arbeit", kind="idea"), typed,
                                     kind="idea", field="arbeit")
    assert t("Karten können gerade nicht geschrieben oder geändert werden. Ihre gespeicherten Karten "
             "bleiben erhalten.", "de") in message
    assert stored_texts(app, writer) == []

    app.lock_input(cards_workshop.id, False)
    assert writer.write(typed).status_code == 303
    assert stored_texts(app, writer) == [typed]


def test_a_card_sent_after_a_locking_timer_ran_out_is_refused_with_the_text_kept_and_stored_after_reopening(
        app, clock, writer, cards_workshop):
    typed = "Beratung auch auf Arabisch"
    app.start_timer(cards_workshop.id, 1, lock_at_end=True)
    clock.advance(seconds=59)
    assert writer.write("Noch rechtzeitig geschrieben").status_code == 303
    clock.advance(seconds=2)  # the countdown ran out: nobody stored the lock yet, the clock holds it
    page = writer.screen()
    assert pages.timer_ms(page) == 0
    assert t("Die Kartenrunde ist gerade gesperrt. Ihre Karten bleiben gespeichert.", "de") in pages.info_text(page)

    answer = writer.write(typed, kind="strength")
    message = refused_with_text_kept(answer, typed, kind="strength", field="management")
    assert t("Karten können gerade nicht geschrieben oder geändert werden. Ihre gespeicherten Karten "
             "bleiben erhalten.", "de") in message
    assert stored_texts(app, writer) == ["Noch rechtzeitig geschrieben"]

    app.lock_input(cards_workshop.id, False)  # reopening also ends the timer that locked
    assert writer.write(typed).status_code == 303
    assert stored_texts(app, writer) == ["Noch rechtzeitig geschrieben", typed]


def test_an_edit_sent_after_the_lock_is_refused_with_the_edited_text_kept(app, writer, cards_workshop):
    card = app.add_card(writer.token, "management", "gap", "Vor der Sperre")
    app.lock_input(cards_workshop.id, True)
    answer = writer.edit(card.id, "Nach der Sperre geändert")
    assert answer.status_code == 422
    assert t("Karten können gerade nicht geschrieben oder geändert werden. Ihre gespeicherten Karten "
             "bleiben erhalten.", "de") in pages.card_message(answer, card.id)
    assert app.my_cards(writer.token)[0].text == "Vor der Sperre"
    assert pages.edit_box(answer, card.id) == "Nach der Sperre geändert"


def test_an_edit_sent_after_the_lock_is_refused_and_says_why(app, writer, cards_workshop):
    card = app.add_card(writer.token, "management", "gap", "Vor der Sperre")
    app.lock_input(cards_workshop.id, True)
    answer = writer.edit(card.id, "Nach der Sperre geändert")
    assert answer.status_code == 422
    assert t("Karten können gerade nicht geschrieben oder geändert werden. Ihre gespeicherten Karten "
             "bleiben erhalten.", "de") in pages.card_message(answer, card.id)
    assert app.my_cards(writer.token)[0].text == "Vor der Sperre"


def test_a_locked_card_step_keeps_the_form_and_says_the_text_stays(app, writer, cards_workshop):
    app.lock_input(cards_workshop.id, True)
    page = writer.screen()
    assert pages.card_form(page) is not None
    assert t("Ihr Text bleibt hier stehen und kann gesendet werden, sobald die Eingabe wieder offen "
             "ist.", "de") in pages.info_text(page)


# --- 5. editing and deleting one's cards ---------------------------------------------------------


@pytest.fixture
def two_cards(app, writer):
    older = app.add_card(writer.token, "management", "gap", "Die ältere Karte")
    newer = app.add_card(writer.token, "arbeit", "idea", "Die neuere Karte")
    return older, newer


def test_the_edit_box_of_the_older_of_two_cards_holds_that_cards_text(writer, two_cards):
    older, newer = two_cards
    page = writer.screen()
    assert pages.edit_box(page, older.id) == "Die ältere Karte"
    assert pages.edit_box(page, newer.id) == "Die neuere Karte"


def test_an_edit_of_the_older_card_changes_only_that_card(app, writer, two_cards):
    older, newer = two_cards
    form = pages.form_values(pages.form_by_action(writer.screen(), f"/p/{writer.token}/cards/{older.id}"))
    answer = writer.post(f"cards/{older.id}", {**form, "text": "Die ältere Karte, geändert"})
    assert answer.status_code == 303
    assert t("Gespeichert: Ihre Änderung.", "de") in pages.success_text(writer.follow(answer))
    assert {c.id: c.text for c in app.my_cards(writer.token)} == {
        older.id: "Die ältere Karte, geändert", newer.id: "Die neuere Karte"}


def test_a_refused_edit_keeps_the_typed_text_in_that_cards_box(app, writer, two_cards):
    older, newer = two_cards
    answer = writer.edit(older.id, "x")
    assert answer.status_code == 422
    assert pages.edit_box(answer, older.id) == "x"
    assert pages.edit_box(answer, newer.id) == "Die neuere Karte"
    assert t("Die Karte ist zu kurz: bitte mindestens {min} Zeichen schreiben.", "de", min=3) in pages.card_message(answer, older.id)
    assert app.my_cards(writer.token)[0].text == "Die ältere Karte"


def test_an_edit_of_someone_elses_card_is_refused_with_not_your_card(app, web, writer, cards_workshop):
    theirs = app.add_card(new_phone(app, web, cards_workshop).token, "management", "gap", "Fremde Karte")
    answer = writer.edit(theirs.id, "Übernommen!")
    assert answer.status_code == 422
    assert app.board(cards_workshop.id)[0].text == "Fremde Karte"
    assert t("Sie können nur Ihre eigenen Karten ändern.", "de") in pages.error_text(answer)


def test_an_edit_or_delete_of_someone_elses_card_changes_nothing(app, web, writer, cards_workshop):
    theirs = app.add_card(new_phone(app, web, cards_workshop).token, "management", "gap", "Fremde Karte")
    assert writer.edit(theirs.id, "Übernommen!").status_code == 422
    assert writer.delete(theirs.id).status_code == 422
    assert [(c.id, c.text) for c in app.board(cards_workshop.id)] == [(theirs.id, "Fremde Karte")]


def test_a_delete_of_someone_elses_card_is_refused_with_not_your_card(app, web, writer, cards_workshop):
    theirs = app.add_card(new_phone(app, web, cards_workshop).token, "management", "gap", "Fremde Karte")
    answer = writer.delete(theirs.id)
    assert answer.status_code == 422
    assert t("Sie können nur Ihre eigenen Karten ändern.", "de") in pages.error_text(answer)


def moderate(app, workshop, card, how, other_card):
    if how == "hidden":
        app.hide_card(workshop.id, card.id)
    elif how == "corrected":
        app.correct_card(workshop.id, card.id, "Von der Moderation korrigiert")
    else:
        app.merge_cards(workshop.id, other_card.id, [card.id])


@pytest.mark.parametrize("how", ["hidden", "corrected", "merged"])
def test_a_card_the_facilitator_moderated_offers_no_edit_and_an_edit_is_refused(
        app, web, writer, cards_workshop, how):
    mine = app.add_card(writer.token, "management", "gap", "Meine Karte")
    keep = app.add_card(writer.token, "arbeit", "gap", "Meine andere Karte")
    other = app.add_card(new_phone(app, web, cards_workshop).token, "management", "gap", "Ähnliche Karte")
    page_before = writer.screen()
    assert pages.has_edit_form(page_before, writer.token, mine.id)

    moderate(app, cards_workshop, mine, how, other)
    page = writer.screen()
    assert pages.my_card(page, mine.id) is not None  # still listed, with a note instead of the forms
    assert t("Die Moderation hat diese Karte bearbeitet, deshalb können Sie sie nicht mehr ändern.", "de") in pages.my_card(page, mine.id).text
    assert not pages.has_edit_form(page, writer.token, mine.id)
    assert not pages.has_delete_form(page, writer.token, mine.id)
    assert pages.has_edit_form(page, writer.token, keep.id)

    # The form of the page from before the moderation, sent now:
    answer = writer.edit(mine.id, "Doch noch geändert")
    assert answer.status_code == 422
    assert t("Die Moderation hat diese Karte schon bearbeitet, deshalb kann sie nicht mehr geändert "
             "werden.", "de") in pages.card_message(answer, mine.id)
    assert writer.delete(mine.id).status_code == 422
    assert "Doch noch geändert" not in [c.text for c in app.my_cards(writer.token)]
    assert mine.id in [c.id for c in app.my_cards(writer.token)]


def test_deleting_twice_is_harmless(app, writer, two_cards):
    older, newer = two_cards
    first = writer.delete(older.id)
    again = writer.delete(older.id)  # a double tap
    assert first.status_code == again.status_code == 303
    assert t("Die Karte ist gelöscht.", "de") in pages.success_text(writer.follow(again))
    assert [c.id for c in app.my_cards(writer.token)] == [newer.id]


# --- 8. bad cards ---------------------------------------------------------------------------------


def test_a_card_of_10000_characters_is_refused_as_too_long_with_the_text_kept(app, writer):
    typed = ("Sehr langer Text " * 600)[:10_000]
    message = refused_with_text_kept(writer.write(typed), typed)
    assert t("Die Karte ist zu lang: {length} Zeichen, erlaubt sind höchstens {max}. Bitte kürzen – "
             "Ihr Text ist noch da.", "de", length=10_000, max=500) in message
    assert stored_texts(app, writer) == []


@pytest.mark.parametrize("typed", ["", "   \n\t  ", "\u200b\u200b\u200b\u200b\u200b", "\u200b \u2060\ufeff"],
                         ids=["empty", "whitespace", "zero-width", "zero-width-and-space"])
def test_a_card_without_visible_text_is_refused(app, writer, typed):
    answer = writer.write(typed)
    assert answer.status_code == 422
    assert t("Die Karte ist zu kurz: bitte mindestens {min} Zeichen schreiben.", "de", min=3) in pages.error_text(answer)
    assert stored_texts(app, writer) == []


def test_a_card_without_a_kind_is_refused_with_the_text_kept(app, writer):
    answer = writer.post("cards", field="management", text="Ohne Art")
    assert t("Bitte wählen Sie: Stärke, Handlungsbedarf oder Idee. Ihr Text ist noch da.", "de") in refused_with_text_kept(answer, "Ohne Art")
    assert stored_texts(app, writer) == []


def test_a_card_for_an_unknown_field_or_kind_is_refused_with_the_text_kept(app, writer):
    assert "mond" in refused_with_text_kept(writer.write("Karte", field="mond"), "Karte")
    assert "meinung" in refused_with_text_kept(writer.write("Karte", kind="meinung"), "Karte")
    assert stored_texts(app, writer) == []


def test_the_same_card_sent_twice_is_stored_once(app, writer):
    assert writer.write("Doppelt getippt").status_code == 303
    assert writer.write("Doppelt getippt").status_code == 303
    assert stored_texts(app, writer) == ["Doppelt getippt"]
    assert pages.my_card_texts(writer.screen()) == ["Doppelt getippt"]


@pytest.mark.parametrize("typed", [
    "<script>alert(1)</script>",
    "**fett** und _kursiv_",
    "[x](javascript:alert(1))",
    '"><img src=x onerror=alert(1)>',
    "Zeile eins\nZeile zwei & &amp; <b>",
])
def test_html_and_markdown_in_a_card_are_shown_exactly_as_typed(app, web, writer, cards_workshop, typed):
    assert writer.write(typed).status_code == 303
    page = writer.screen()
    card = app.my_cards(writer.token)[0]
    assert pages.my_card_texts(page) == [typed]
    assert pages.edit_box(page, card.id) == typed
    assert pages.markup_in_card_texts(page) == []
    assert pages.inline_scripts(page) == []
    assert "javascript:" not in " ".join(n.get("href", "") for n in pages.tree(page).find_all("a"))

    # Everyone else sees it on the ballot, the same way.
    app.set_live_step(cards_workshop.id, "voting")
    ballot_page = new_phone(app, web, cards_workshop).screen()
    assert [c.text for c in pages.ballot(ballot_page)] == [typed]
    assert pages.markup_in_card_texts(ballot_page) == []
    assert not pages.main_area(ballot_page).find_all("img")
    assert pages.inline_scripts(ballot_page) == []


# --- the group choice ------------------------------------------------------------------------------


@pytest.fixture
def foreign_group(app, cards_workshop):
    other = app.create_workshop(title="Anderswo", municipality="Nachbarstadt", facilitator_pin="4711")
    return app.add_group(other.id, "Fremde Gruppe", ["arbeit"])


@pytest.mark.parametrize("forged", ["foreign", "abc", "-1", ""])
def test_a_forged_group_choice_is_refused_with_a_message_and_changes_nothing(
        app, writer, cards_workshop, foreign_group, forged):
    mine = app.add_group(cards_workshop.id, "Rathaus", ["management"])
    app.choose_group(writer.token, mine.id)
    group = str(foreign_group.id) if forged == "foreign" else forged
    answer = writer.choose_group(group)
    assert answer.status_code == 422
    assert t("Diese Gruppe gibt es in diesem Workshop nicht (mehr).", "de") in pages.error_text(answer)
    assert app.participant(writer.token).group_id == mine.id
