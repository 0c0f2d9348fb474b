"""Small groups: the facilitator sets them up, participants join one by link or choose one."""

import pytest

from tests.conftest import PIN
from werkstatt.errors import GroupHasCards, InvalidInput, UnknownField, UnknownGroup
from werkstatt.i18n import N_


@pytest.fixture
def other_workshop(app):
    return app.create_workshop(title="Nachbarort", municipality="Anderswo", facilitator_pin=PIN)


# --- add ---------------------------------------------------------------------

def test_add_group_stores_the_name_and_the_fields(app, workshop):
    group = app.add_group(workshop.id, "  Gruppe   Nord ", ["management", "arbeit"])
    assert app.groups(workshop.id) == [group]
    assert (group.name, group.field_ids, group.cards, group.members) == (
        "Gruppe Nord", ("management", "arbeit"), 0, 0)
    assert app.group(workshop.id, group.id) == group


def test_a_field_given_twice_is_stored_once(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["arbeit", "management", "arbeit"])
    assert group.field_ids == ("arbeit", "management")


def test_adding_a_group_wakes_the_projector(app, workshop):
    before = app.versions(workshop.id)[1]
    app.add_group(workshop.id, "Nord", ["arbeit"])
    assert app.versions(workshop.id)[1] > before


@pytest.mark.parametrize("name", ["", "   ", "\n\t", None])
def test_a_group_without_a_name_is_refused(app, workshop, name):
    with pytest.raises(InvalidInput) as error:
        app.add_group(workshop.id, name, ["management"])
    assert error.value.params == {"problem": N_("Bitte einen Namen für die Gruppe eingeben.")}
    assert app.groups(workshop.id) == []


def test_a_group_name_longer_than_a_line_is_refused(app, workshop):
    with pytest.raises(InvalidInput) as error:
        app.add_group(workshop.id, "N" * 201, ["management"])
    assert error.value.params["problem"] == N_("„{label}“ ist zu lang: höchstens {max} Zeichen.")
    assert app.groups(workshop.id) == []


@pytest.mark.parametrize("fields", [[], None])
def test_a_group_without_fields_is_refused(app, workshop, fields):
    with pytest.raises(InvalidInput) as error:
        app.add_group(workshop.id, "Nord", fields)
    assert error.value.params == {"problem": N_("Bitte mindestens ein Handlungsfeld für die Gruppe "
                                                "wählen.")}
    assert app.groups(workshop.id) == []


def test_a_group_with_an_unknown_field_is_refused_and_says_which(app, workshop):
    with pytest.raises(UnknownField) as error:
        app.add_group(workshop.id, "Nord", ["management", "wetter"])
    assert error.value.params == {"field": "wetter"}
    assert "„wetter“ gehört nicht zu diesem Workshop" in str(error.value)
    assert app.groups(workshop.id) == []


@pytest.mark.parametrize("second", ["Nord", "NORD", "nord", "  nord  "])
def test_a_group_name_is_taken_whatever_its_case(app, workshop, second):
    app.add_group(workshop.id, "Nord", ["management"])
    with pytest.raises(InvalidInput) as error:
        app.add_group(workshop.id, second, ["arbeit"])
    assert error.value.params == {"problem": N_("Eine Gruppe „{name}“ gibt es schon. Bitte einen "
                                                "anderen Namen wählen."), "name": second.strip()}
    assert [g.name for g in app.groups(workshop.id)] == ["Nord"]


def test_the_taken_name_message_names_the_group(app, workshop):
    app.add_group(workshop.id, "Nord", ["management"])
    with pytest.raises(InvalidInput, match="NORD"):
        app.add_group(workshop.id, "NORD", ["arbeit"])


def test_the_same_group_name_in_another_workshop_is_fine(app, workshop, other_workshop):
    app.add_group(workshop.id, "Nord", ["management"])
    assert app.add_group(other_workshop.id, "Nord", ["management"]).name == "Nord"


# --- update ------------------------------------------------------------------

def test_update_group_changes_name_and_fields(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    updated = app.update_group(workshop.id, group.id, "Süd", ["zugang", "arbeit"])
    assert (updated.id, updated.name, updated.field_ids) == (group.id, "Süd", ("zugang", "arbeit"))
    assert app.groups(workshop.id) == [updated]


def test_a_group_may_keep_its_own_name_in_another_case(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    assert app.update_group(workshop.id, group.id, "NORD", ["management"]).name == "NORD"


def test_update_refuses_the_name_of_another_group(app, workshop):
    app.add_group(workshop.id, "Nord", ["management"])
    south = app.add_group(workshop.id, "Süd", ["arbeit"])
    with pytest.raises(InvalidInput) as error:
        app.update_group(workshop.id, south.id, "nord", ["arbeit"])
    assert error.value.params["problem"] == N_("Eine Gruppe „{name}“ gibt es schon. Bitte einen "
                                               "anderen Namen wählen.")
    assert app.group(workshop.id, south.id).name == "Süd"


@pytest.mark.parametrize(
    "name, fields, expected",
    [("", ["arbeit"], InvalidInput), ("Süd", [], InvalidInput),
     ("Süd", ["arbeit", "wetter"], UnknownField)],
)
def test_update_validates_like_add_and_keeps_the_group_as_it_was(app, workshop, name, fields, expected):
    group = app.add_group(workshop.id, "Nord", ["management"])
    with pytest.raises(expected):
        app.update_group(workshop.id, group.id, name, fields)
    assert app.groups(workshop.id) == [group]


def test_update_of_an_unknown_group_or_one_of_another_workshop_is_refused(app, workshop, other_workshop):
    foreign = app.add_group(other_workshop.id, "Fremd", ["management"])
    for group_id in (9999, foreign.id):
        with pytest.raises(UnknownGroup) as error:
            app.update_group(workshop.id, group_id, "Nord", ["management"])
        assert error.value.params == {"group": group_id}
    assert app.group(other_workshop.id, foreign.id).name == "Fremd"


# --- delete ------------------------------------------------------------------

def test_delete_group_removes_it_and_its_members_lose_their_group(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    keep = app.add_group(workshop.id, "Süd", ["arbeit"])
    member = app.join(workshop.join_code, group_id=group.id).token
    other = app.join(workshop.join_code, group_id=keep.id).token
    app.delete_group(workshop.id, group.id)
    assert [g.id for g in app.groups(workshop.id)] == [keep.id]
    assert app.participant(member).group_id is None
    assert app.participant(other).group_id == keep.id


def test_a_group_with_a_card_cannot_be_deleted(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    app.set_live_step(workshop.id, "cards")
    member = app.join(workshop.join_code, group_id=group.id).token
    card = app.add_card(member, "management", "gap", "Es fehlt ein Konzept")
    with pytest.raises(GroupHasCards):
        app.delete_group(workshop.id, group.id)
    assert app.group(workshop.id, group.id).cards == 1
    assert app.participant(member).group_id == group.id
    assert [c.id for c in app.my_cards(member)] == [card.id]


def test_a_hidden_card_still_keeps_its_group_from_being_deleted(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    app.set_live_step(workshop.id, "cards")
    member = app.join(workshop.join_code, group_id=group.id).token
    card = app.add_card(member, "management", "gap", "Es fehlt ein Konzept")
    app.hide_card(workshop.id, card.id)
    assert app.group(workshop.id, group.id).cards == 0  # hidden cards are not counted …
    with pytest.raises(GroupHasCards):
        app.delete_group(workshop.id, group.id)  # … but they would lose their group
    assert [g.id for g in app.groups(workshop.id)] == [group.id]


def test_a_group_can_be_deleted_once_its_only_card_is_deleted(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    app.set_live_step(workshop.id, "cards")
    member = app.join(workshop.join_code, group_id=group.id).token
    card = app.add_card(member, "management", "gap", "Es fehlt ein Konzept")
    app.delete_card(member, card.id)
    app.delete_group(workshop.id, group.id)
    assert app.groups(workshop.id) == []


def test_delete_of_an_unknown_group_or_one_of_another_workshop_is_refused(app, workshop, other_workshop):
    foreign = app.add_group(other_workshop.id, "Fremd", ["management"])
    for group_id in (9999, foreign.id):
        with pytest.raises(UnknownGroup):
            app.delete_group(workshop.id, group_id)
    assert [g.id for g in app.groups(other_workshop.id)] == [foreign.id]


# --- default groups ----------------------------------------------------------

def test_default_groups_are_one_per_field_named_after_its_title(app, workshop):
    fieldset = app.fieldset(workshop)
    groups = app.add_default_groups(workshop.id)
    assert [(g.name, g.field_ids) for g in groups] == [
        (f.title.get("de"), (f.id,)) for f in fieldset.fields
    ]
    assert groups[0].name == "Management und Steuerung"
    assert app.groups(workshop.id) == groups


def test_default_groups_take_the_workshops_language(app):
    english = app.create_workshop(title="Check", municipality="Town", facilitator_pin=PIN, language="en")
    groups = app.add_default_groups(english.id)
    assert groups[0].name == app.fieldset(english).fields[0].title.get("en") != "Management und Steuerung"


def test_default_groups_are_refused_once_there_are_groups(app, workshop):
    app.add_group(workshop.id, "Nord", ["management"])
    with pytest.raises(InvalidInput) as error:
        app.add_default_groups(workshop.id)
    assert error.value.params == {"problem": N_("Es gibt schon Gruppen. Bitte ändern oder löschen "
                                                "Sie diese einzeln.")}
    assert [g.name for g in app.groups(workshop.id)] == ["Nord"]


def test_default_groups_twice_are_refused_the_second_time(app, workshop):
    first = app.add_default_groups(workshop.id)
    with pytest.raises(InvalidInput):
        app.add_default_groups(workshop.id)
    assert app.groups(workshop.id) == first


# --- joining and choosing a group ---------------------------------------------

def test_a_group_link_places_the_participant_in_the_group(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    joined = app.join(workshop.join_code, group_id=group.id)
    stored = app.participant(joined.token)
    assert (stored.group_id, stored.group_tablet) == (group.id, False)
    assert app.group(workshop.id, group.id).members == 1


def test_a_group_tablet_joins_as_the_groups_shared_device(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management"])
    tablet = app.join(workshop.join_code, group_id=group.id, group_tablet=True)
    stored = app.participant(tablet.token)
    assert (stored.group_id, stored.group_tablet) == (group.id, True)


def test_a_group_tablet_without_a_group_is_refused(app, workshop):
    app.add_group(workshop.id, "Nord", ["management"])
    with pytest.raises(InvalidInput) as error:
        app.join(workshop.join_code, group_tablet=True)
    assert error.value.params == {"problem": N_("Ein Gruppentablet braucht eine Gruppe. Bitte den "
                                                "Link der Gruppe aus der Moderation verwenden.")}
    assert app.progress(workshop.id).participants == 0


def test_joining_an_unknown_group_or_one_of_another_workshop_is_refused(app, workshop, other_workshop):
    foreign = app.add_group(other_workshop.id, "Fremd", ["management"])
    for group_id in (9999, foreign.id):
        with pytest.raises(UnknownGroup) as error:
            app.join(workshop.join_code, group_id=group_id)
        assert error.value.params == {"group": group_id}
    assert app.progress(workshop.id).participants == 0
    assert app.group(other_workshop.id, foreign.id).members == 0


def test_choose_group_moves_the_participant_and_none_takes_them_out(app, workshop):
    north = app.add_group(workshop.id, "Nord", ["management"])
    south = app.add_group(workshop.id, "Süd", ["arbeit"])
    token = app.join(workshop.join_code).token
    assert app.choose_group(token, north.id).group_id == north.id
    assert app.choose_group(token, south.id).group_id == south.id
    assert [g.members for g in app.groups(workshop.id)] == [0, 1]
    assert app.choose_group(token, None).group_id is None
    assert app.participant(token).group_id is None


def test_choosing_an_unknown_group_keeps_the_old_one(app, workshop, other_workshop):
    north = app.add_group(workshop.id, "Nord", ["management"])
    foreign = app.add_group(other_workshop.id, "Fremd", ["management"])
    token = app.join(workshop.join_code, group_id=north.id).token
    for group_id in (9999, foreign.id):
        with pytest.raises(UnknownGroup):
            app.choose_group(token, group_id)
    assert app.participant(token).group_id == north.id


def test_group_counts_members_and_visible_cards(app, workshop):
    group = app.add_group(workshop.id, "Nord", ["management", "arbeit"])
    app.set_live_step(workshop.id, "cards")
    a = app.join(workshop.join_code, group_id=group.id).token
    tablet = app.join(workshop.join_code, group_id=group.id, group_tablet=True).token
    app.add_card(a, "management", "gap", "Kein Leitbild")
    hidden = app.add_card(tablet, "arbeit", "idea", "Jobmesse mit Dolmetschern")
    app.add_card(tablet, "arbeit", "strength", "Gute Arbeitsagentur")
    app.hide_card(workshop.id, hidden.id)
    counted = app.group(workshop.id, group.id)
    assert (counted.members, counted.cards) == (2, 2)
