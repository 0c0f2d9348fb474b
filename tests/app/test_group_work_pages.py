"""Group work in the real Streamlit runtime: the tablet's card and vote steps, the console's
groups and moderation, the projector wall and ranking, the results page."""

import pytest

from tests.app.conftest import texts
from tests.conftest import PIN

PAYLOADS = [
    "<script>alert(1)</script> und <b>fett</b>",
    "**fett** _kursiv_ [Link](javascript:alert(1)) :red[rot] $x^2$",
    "&lt;b&gt; bleibt &amp; so",
]
SUBMIT = "FormSubmitter:card_form-Karte speichern"


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
        at = open_page("views/facilitate.py", f=token)
        at.session_state["console_tab"] = tab
        at.run()
        assert not at.exception, at.exception
        return at

    return run


def _write(at, kind: str, text: str):
    at.radio(key="card_kind").set_value(kind)
    at.text_area(key="card_text").set_value(text)
    at.button(key=SUBMIT).click().run()
    assert not at.exception, at.exception
    return at


# --- the tablet in the card step -------------------------------------------------


def test_a_card_is_saved_shown_and_the_box_emptied(app, card_workshop, open_page):
    token = app.join(card_workshop.join_code).token
    at = _write(open_page("views/participate.py", t=token), "gap", "Zu wenig Beratung auf Arabisch")
    assert [c.text for c in app.my_cards(token)] == ["Zu wenig Beratung auf Arabisch"]
    assert "Gespeichert: Ihre Karte „Handlungsbedarf“." in texts(at)
    assert "Meine Karten (1)" in texts(at)
    assert at.text_area(key="card_text").value == ""
    assert at.radio(key="card_kind").value is None  # the next card's kind is chosen afresh


@pytest.mark.parametrize("text, message", [
    ("", "zu kurz"), ("   ", "zu kurz"), ("ab", "zu kurz"), ("x" * 501, "zu lang: 501 Zeichen"),
    ("x" * 10_000, "zu lang: 10000 Zeichen"),
])
def test_a_refused_card_keeps_its_text_and_says_why(app, card_workshop, open_page, text, message):
    token = app.join(card_workshop.join_code).token
    at = _write(open_page("views/participate.py", t=token), "idea", text)
    assert message in texts(at)
    assert at.text_area(key="card_text").value == text
    assert app.my_cards(token) == []


def test_a_card_without_a_kind_is_not_saved_and_keeps_its_text(app, card_workshop, open_page):
    token = app.join(card_workshop.join_code).token
    at = open_page("views/participate.py", t=token)
    at.text_area(key="card_text").set_value("Ein Gedanke")
    at.button(key=SUBMIT).click().run()
    assert "Bitte wählen Sie: Stärke, Handlungsbedarf oder Idee" in texts(at)
    assert at.text_area(key="card_text").value == "Ein Gedanke"
    assert app.my_cards(token) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_a_card_is_shown_as_typed_on_the_tablet(app, card_workshop, open_page, payload):
    token = app.join(card_workshop.join_code).token
    at = _write(open_page("views/participate.py", t=token), "strength", payload)
    assert app.my_cards(token)[0].text == payload
    shown = [m.value for m in at.markdown if m.value.replace("\\", "") == payload.replace("\\", "")]
    assert shown, "the card is not on the tablet"
    # every markup character is escaped, so markdown shows it instead of reading it
    assert all(ch not in shown[0].replace(f"\\{ch}", "") for ch in "<*[&:$")


def test_with_groups_a_participant_first_picks_one_and_writes_for_its_fields(app, workshop, open_page):
    north = app.add_group(workshop.id, "Gruppe Nord", ["management", "oeffnung"])
    app.add_group(workshop.id, "Gruppe Süd", ["zugang"])
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code).token
    at = open_page("views/participate.py", t=token)
    assert "Bitte wählen Sie zuerst Ihre Gruppe." in texts(at)
    assert at.get("form") == []
    at.radio(key="pick_group").set_value(north.id).run()
    assert app.participant(token).group_id == north.id
    assert at.selectbox(key="card_field").options == [
        "Management und Steuerung", "Interkulturelle Öffnung und Antirassismus"]
    at.selectbox(key="card_field").set_value("oeffnung")
    _write(at, "idea", "Mehrsprachige Formulare")
    card = app.my_cards(token)[0]
    assert (card.field_id, card.group_id) == ("oeffnung", north.id)


def test_a_group_link_places_the_joiner_and_a_tablet_link_makes_a_group_tablet(app, workshop, open_page):
    group = app.add_group(workshop.id, "Gruppe Nord", ["management"])
    at = open_page("views/participate.py", code=workshop.join_code, g=str(group.id), tablet="1")
    assert "gemeinsame Tablet der Gruppe „Gruppe Nord“" in texts(at)
    assert at.radio == []  # a group tablet is asked for no sector
    at.button[0].click().run()
    token = at.query_params["t"]
    participant = app.participant(token[0] if isinstance(token, list) else token)
    assert (participant.group_id, participant.group_tablet) == (group.id, True)


def test_edit_and_delete_own_card_on_the_tablet(app, card_workshop, open_page):
    token = app.join(card_workshop.join_code).token
    card = app.add_card(token, "management", "gap", "Tippfeher")
    at = open_page("views/participate.py", t=token)
    at.text_area(key=f"edit_{card.id}").set_value("Tippfehler")
    at.button(key=f"save_{card.id}").click().run()
    assert app.my_cards(token)[0].text == "Tippfehler"
    assert "Gespeichert: Ihre Änderung." in texts(at)
    at.button(key=f"delete_{card.id}").click().run()
    assert app.my_cards(token) == []
    assert "Die Karte ist gelöscht." in texts(at)


def test_a_locked_card_step_shows_the_cards_but_no_form(app, card_workshop, open_page):
    token = app.join(card_workshop.join_code).token
    app.add_card(token, "management", "gap", "Schon gespeichert")
    app.lock_input(card_workshop.id, True)
    at = open_page("views/participate.py", t=token)
    assert "Die Kartenrunde ist gerade gesperrt" in texts(at)
    assert at.get("form") == []
    assert "Schon gespeichert" in texts(at)
    assert [b for b in at.button if b.key and b.key.startswith("delete_")] == []


def test_the_timer_shows_on_the_tablet(app, card_workshop, open_page):
    app.start_timer(card_workshop.id, 15, lock_at_end=True)
    token = app.join(card_workshop.join_code).token
    at = open_page("views/participate.py", t=token)
    assert 'role="timer"' in _html(at) and "bei null wird gesperrt" in _html(at)


# --- the tablet in the vote step ----------------------------------------------------


def _voting(app, workshop, cards: int = 4):
    author = app.join(workshop.join_code).token
    ids = [app.add_card(author, "management", "gap", f"Bedarf {i}").id for i in range(cards)]
    app.add_card(author, "management", "idea", PAYLOADS[0])
    strength = app.add_card(author, "management", "strength", "Schon gut").id
    app.set_live_step(workshop.id, "voting")
    return ids, strength


def test_dots_are_saved_on_tap_and_the_budget_is_shown(app, card_workshop, open_page):
    ids, strength = _voting(app, card_workshop)
    token = app.join(card_workshop.join_code).token
    at = open_page("views/participate.py", t=token)
    assert f"dots_{strength}" not in [c.key for c in at.get("button_group")]  # strengths get no dots
    at.button_group(key=f"dots_{ids[0]}").set_value(2).run()
    assert app.my_dots(token) == {ids[0]: 2}
    assert "Noch 3 von 5 Punkten frei" in texts(at)


def test_a_dot_controls_label_reads_the_cards_words_without_markup(app, card_workshop, open_page):
    _voting(app, card_workshop)
    at = open_page("views/participate.py", t=app.join(card_workshop.join_code).token)
    labels = [control.label for control in at.get("button_group") if control.key and control.key.startswith("dots_")]
    assert "Ihre Punkte für: script alert 1 script und b fett b" in labels
    assert not any(ch in label for label in labels for ch in "<>\\*")


def test_a_dot_over_the_budget_is_refused_and_the_control_shows_what_is_stored(app, card_workshop, open_page):
    ids, _ = _voting(app, card_workshop)
    token = app.join(card_workshop.join_code).token
    app.vote(token, ids[0], 2)
    app.vote(token, ids[1], 2)
    app.vote(token, ids[2], 1)
    at = open_page("views/participate.py", t=token)
    at.button_group(key=f"dots_{ids[3]}").set_value(1).run()
    assert "Alle Ihre 5 Punkte sind verteilt" in texts(at)
    assert app.my_dots(token) == {ids[0]: 2, ids[1]: 2, ids[2]: 1}
    at.run()
    assert at.button_group(key=f"dots_{ids[3]}").value == 0


# --- the console --------------------------------------------------------------------


def test_one_click_makes_one_group_per_field(app, workshop, console):
    at = console("Gruppen")
    at.button(key=[b.key for b in at.button if "Eine Gruppe je Handlungsfeld" in b.label][0]).click().run()
    assert [g.field_ids for g in app.groups(workshop.id)] == [(f.id,) for f in app.fieldset(workshop).fields]
    assert "Management und Steuerung" in texts(at)


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


# --- projector and results ------------------------------------------------------------


def _projector(app, workshop, open_page):
    return open_page("views/projector.py", w=str(workshop.id), code=workshop.join_code)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_projector_wall_escapes_every_card(app, card_workshop, open_page, payload):
    token = app.join(card_workshop.join_code).token
    app.add_card(token, "management", "gap", payload)
    page = _html(_projector(app, card_workshop, open_page))
    assert '<div class="ws-note">' + payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in page
    assert "<script>alert" not in page and "<b>fett" not in page  # the page's own language script aside


def test_the_wall_shows_groups_with_their_card_counts(app, workshop, open_page):
    north = app.add_group(workshop.id, "Gruppe Nord", ["management"])
    app.add_group(workshop.id, "Gruppe Süd", ["zugang"])
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code, group_id=north.id).token
    app.add_card(token, "management", "gap", "Eins")
    app.add_card(token, "management", "idea", "Zwei")
    page = _html(_projector(app, workshop, open_page))
    assert "Gruppe Nord: <b>2</b>" in page and "Gruppe Süd: <b>0</b>" in page
    assert "Management und Steuerung" in page


def test_the_ranking_lists_the_most_dots_first_only_after_the_reveal(app, card_workshop, open_page):
    ids, _ = _voting(app, card_workshop)
    voters = [app.join(card_workshop.join_code).token for _ in range(3)]
    for token in voters:
        app.vote(token, ids[2], 2)
    app.vote(voters[0], ids[1], 1)
    assert "class=\"ws-rank\"" not in _html(_projector(app, card_workshop, open_page))
    app.set_live_step(card_workshop.id, "ranking")
    page = _html(_projector(app, card_workshop, open_page))
    assert page.index("Bedarf 2") < page.index("Bedarf 1")
    assert "● 6" in page


def test_results_list_top_cards_and_cards_per_group(app, workshop, open_page):
    north = app.add_group(workshop.id, "Gruppe Nord", ["management"])
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code, group_id=north.id).token
    app.add_card(token, "management", "strength", "<i>Integrationsbeirat</i> tagt öffentlich")
    at = open_page("views/results.py", f=app.facilitator_login(workshop.join_code, PIN))
    assert any(m.value.replace("\\", "") == "<i>Integrationsbeirat</i> tagt öffentlich" for m in at.markdown)
    table = at.dataframe[-1].value
    assert table.loc["Gruppe Nord", "Stärken"] == 1
