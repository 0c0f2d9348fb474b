"""Group work in the real Streamlit runtime: the console's groups and moderation, the projector
wall and ranking, the results page. (The participants' card and vote steps are routes of
``werkstatt.web``, with tests of their own.)"""

import pytest

from tests.app.conftest import texts
from tests.conftest import PIN

PAYLOADS = [
    "<script>alert(1)</script> und <b>fett</b>",
    "**fett** _kursiv_ [Link](javascript:alert(1)) :red[rot] $x^2$",
    "&lt;b&gt; bleibt &amp; so",
]


def _html(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


@pytest.fixture
def card_workshop(app, workshop):
    """The workshop in its card step, without groups."""
    return app.set_live_step(workshop.id, "cards")


@pytest.fixture
def console(app, workshop, open_page):
    """Open a console tab: ``console("Karten moderieren")``."""

    def run(tab: str):
        token = app.facilitator_login(workshop.join_code, PIN)
        at = open_page("pages/moderation.py", f=token)
        at.session_state["console_tab"] = tab
        at.run()
        assert not at.exception, at.exception
        return at

    return run


# --- the vote step (for the projector's ranking) ------------------------------------


def _voting(app, workshop, cards: int = 4):
    author = app.join(workshop.join_code).token
    ids = [app.add_card(author, "management", "gap", f"Bedarf {i}").id for i in range(cards)]
    app.add_card(author, "management", "idea", PAYLOADS[0])
    strength = app.add_card(author, "management", "strength", "Schon gut").id
    app.set_live_step(workshop.id, "voting")
    return ids, strength


# --- the console --------------------------------------------------------------------


def test_one_click_makes_one_group_per_field(app, workshop, console):
    at = console("Gruppen")
    at.button(key=[b.key for b in at.button if "Eine Gruppe je Handlungsfeld" in b.label][0]).click().run()
    assert [g.field_ids for g in app.groups(workshop.id)] == [(f.id,) for f in app.fieldset(workshop).fields]
    assert "Management und Steuerung" in texts(at)


def test_the_console_warns_before_group_work_without_groups(app, workshop, console):
    """Group work may run without groups (everyone writes for every field), but the facilitator
    should choose that, not find it out when the phones show every field."""
    warning = "Noch keine Gruppen: In der Gruppenarbeit schreiben dann alle Karten zu jedem Handlungsfeld."
    app.set_live_step(workshop.id, "results")  # the next step is group work
    assert any(warning in w.value for w in console("Ablauf").warning)
    app.add_default_groups(workshop.id)
    assert not any(warning in w.value for w in console("Ablauf").warning)
    app.set_live_step(workshop.id, "rating")  # group work is not next: nothing to warn about
    for group in app.groups(workshop.id):
        app.delete_group(workshop.id, group.id)
    assert not any(warning in w.value for w in console("Ablauf").warning)


def test_a_group_is_added_from_the_console_and_a_bad_one_gets_a_message(app, workshop, console):
    at = console("Gruppen")
    at.text_input(key="new_group_name").input("Gruppe Nord")
    at.button(key="FormSubmitter:new_group-Gruppe anlegen").click().run()
    assert "mindestens ein Handlungsfeld" in texts(at)
    assert app.groups(workshop.id) == []
    at.text_input(key="new_group_name").input("Gruppe Nord")
    at.multiselect(key="new_group_fields").select("zugang")
    at.button(key="FormSubmitter:new_group-Gruppe anlegen").click().run()
    assert [(g.name, g.field_ids) for g in app.groups(workshop.id)] == [("Gruppe Nord", ("zugang",))]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_moderation_shows_markup_as_typed_and_hides_and_undoes(app, card_workshop, console, payload):
    token = app.join(card_workshop.join_code).token
    card = app.add_card(token, "management", "gap", payload)
    at = console("Karten moderieren")
    assert any(m.value.replace("\\", "") == payload.replace("\\", "") for m in at.markdown)
    at.button(key=f"hide_{card.id}").click().run()
    assert app.board(card_workshop.id)[0].hidden
    assert "Ausgeblendete Karten (1)" in [e.label for e in at.expander]
    at.button(key="undo_moderation").click().run()
    assert not app.board(card_workshop.id)[0].hidden


def test_the_console_corrects_and_merges_cards(app, card_workshop, console):
    token = app.join(card_workshop.join_code).token
    first = app.add_card(token, "management", "gap", "Mehr Personal")
    second = app.add_card(token, "management", "gap", "mehr personal!!")
    at = console("Karten moderieren")
    at.text_area(key=f"correct_{first.id}").set_value("Mehr Personal in der Ausländerbehörde")
    at.button(key=f"save_correct_{first.id}").click().run()
    at.multiselect(key=f"merge_{first.id}").select(second.id)
    at.button(key=f"save_merge_{first.id}").click().run()
    merged = {c.id: c for c in app.board(card_workshop.id)}
    assert merged[first.id].text == "Mehr Personal in der Ausländerbehörde"
    assert merged[first.id].original_text == "Mehr Personal"
    assert merged[first.id].sources == (second.id,)
    assert "zusammengeführt aus #" in texts(at)
    at.button(key="undo_moderation").click().run()  # the merge
    at.button(key="undo_moderation").click().run()  # the correction
    assert app.board(card_workshop.id)[0].text == "Mehr Personal"
    assert at.text_area(key=f"correct_{first.id}").value == "Mehr Personal"  # the box shows the card again


def test_the_console_locks_the_step_and_starts_a_timer(app, card_workshop, console):
    at = console("Ablauf")
    at.button(key="lock_input").click().run()
    assert app.workshop(card_workshop.id).locked
    at.button(key="unlock_input").click().run()
    at.number_input(key="timer_minutes").set_value(10)
    at.checkbox(key="timer_locks").check()
    at.button(key="FormSubmitter:timer_form-Timer starten").click().run()
    workshop = app.workshop(card_workshop.id)
    assert (workshop.locked, workshop.timer_seconds, workshop.timer_locks) == (False, 600, True)


# --- results (the projector is in tests/web/test_projector.py) ----------------------------


def test_results_list_top_cards_and_cards_per_group(app, workshop, open_page):
    north = app.add_group(workshop.id, "Gruppe Nord", ["management"])
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code, group_id=north.id).token
    app.add_card(token, "management", "strength", "<i>Integrationsbeirat</i> tagt öffentlich")
    at = open_page("pages/ergebnisse.py", f=app.facilitator_login(workshop.join_code, PIN))
    assert any(m.value.replace("\\", "") == "<i>Integrationsbeirat</i> tagt öffentlich" for m in at.markdown)
    table = at.dataframe[-1].value
    assert table.loc["Gruppe Nord", "Stärken"] == 1
