"""The console's step moves in the real Streamlit runtime: group work without groups asks first,
a clicker's step back asks first, the clicker's "next" never closes the workshop and never
moves a step the room has already left. (The keys and the one-second banner themselves run in
the browser: ``tests/e2e/test_clicker.py``.)"""

from __future__ import annotations

import pytest

from tests.conftest import PIN


@pytest.fixture
def console(app, workshop, open_page):
    """The console of ``workshop`` in its live step ``step``, tab "Ablauf"."""

    def run(step: str | None = None):
        token = app.facilitator_login(workshop.join_code, PIN)  # a closed workshop's code is free again
        if step is not None:
            app.set_live_step(workshop.id, step)
        at = open_page("pages/moderation.py", f=token)
        assert not at.exception, at.exception
        return at

    return run


def dialog_titles(at) -> list[str]:
    return [block.proto.dialog.title for block in at.get("dialog")]


def click(at, key: str):
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


# --- group work without groups ------------------------------------------------------------


def test_starting_group_work_without_groups_asks_first(app, workshop, console):
    at = click(console("results"), "go_cards")
    assert dialog_titles(at) == ["Ohne Gruppen beginnen?"]
    assert app.workshop(workshop.id).live_step == "results"


def test_the_question_makes_one_group_per_field_and_starts(app, workshop, console):
    at = click(click(console("results"), "go_cards"), "start_with_groups")
    assert app.workshop(workshop.id).live_step == "cards"
    assert [g.field_ids for g in app.groups(workshop.id)] == [(f.id,) for f in app.fieldset(workshop).fields]
    assert dialog_titles(at) == []


def test_the_question_starts_without_groups_when_asked_to(app, workshop, console):
    at = click(click(console("results"), "go_cards"), "start_without_groups")
    assert app.workshop(workshop.id).live_step == "cards"
    assert app.groups(workshop.id) == []
    assert dialog_titles(at) == []


def test_the_question_can_be_cancelled(app, workshop, console):
    at = click(click(console("results"), "go_cards"), "cancel_no_groups")
    assert app.workshop(workshop.id).live_step == "results"
    assert app.groups(workshop.id) == []
    assert dialog_titles(at) == []


def test_group_work_with_groups_starts_at_once(app, workshop, console):
    app.add_default_groups(workshop.id)
    at = click(console("results"), "go_cards")
    assert app.workshop(workshop.id).live_step == "cards"
    assert dialog_titles(at) == []


def test_a_question_the_room_has_moved_past_is_dropped(app, workshop, console):
    at = click(console("results"), "go_cards")
    app.set_live_step(workshop.id, "voting")  # somebody else moved on meanwhile
    at.run()
    assert dialog_titles(at) == []
    assert app.workshop(workshop.id).live_step == "voting"


# --- the clicker's hidden buttons -----------------------------------------------------------


def test_the_clickers_next_moves_one_step_on(app, workshop, console):
    click(console("rating"), "clicker_next")
    assert app.workshop(workshop.id).live_step == "results"


def test_the_clickers_next_into_group_work_without_groups_asks_too(app, workshop, console):
    at = click(console("results"), "clicker_next")
    assert dialog_titles(at) == ["Ohne Gruppen beginnen?"]
    assert app.workshop(workshop.id).live_step == "results"


def test_the_clickers_next_does_not_move_a_step_the_room_has_left(app, workshop, console):
    at = console("rating")
    app.set_live_step(workshop.id, "results")  # another console moved on before the banner's second ran out
    click(at, "clicker_next")
    assert app.workshop(workshop.id).live_step == "results"


@pytest.mark.parametrize("step", ["ranking", "closed"])
def test_the_clicker_never_closes_the_workshop(app, workshop, console, step):
    at = console(step)
    assert "clicker_next" not in [b.key for b in at.button]
    assert app.workshop(workshop.id).live_step == step


def test_the_clickers_back_asks_before_it_moves(app, workshop, console):
    at = click(console("results"), "clicker_back")
    assert dialog_titles(at) == ["Einen Schritt zurück?"]
    assert app.workshop(workshop.id).live_step == "results"
    assert at.button(key="confirm_step_back").label == "Ja, zurück zu „Bewertung“"
    click(at, "confirm_step_back")
    assert app.workshop(workshop.id).live_step == "rating"
    assert dialog_titles(at) == []


def test_the_step_back_can_be_cancelled(app, workshop, console):
    at = click(click(console("results"), "clicker_back"), "cancel_step_back")
    assert app.workshop(workshop.id).live_step == "results"
    assert dialog_titles(at) == []


def test_there_is_no_step_back_from_the_first_step(app, workshop, console):
    at = console()
    assert "clicker_back" not in [b.key for b in at.button]
    assert "clicker_next" in [b.key for b in at.button]


def test_the_console_lists_the_clickers_keys(console):
    at = console()
    assert any("Bild ↓" in c.value and "Bild ↑" in c.value for c in at.caption)
    html = "\n".join(element.proto.body for element in at.get("html"))
    assert "Weiter zu „Bewertung“ in 1 s" in html
