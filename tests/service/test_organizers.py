"""Organiser accounts: invitation, sign-in with lockout, sessions that expire, and each
organiser's own workshops (never another's)."""

import pytest

from tests.conftest import PIN
from werkstatt.errors import (
    InvalidInput,
    InvitationInvalid,
    OrganizerLocked,
    OrganizerNotAuthorized,
    OrganizerSessionExpired,
    UnknownOrganizer,
    UnknownWorkshop,
    WrongOrganizerPassword,
)
from werkstatt.organizers import INVITATION_DAYS, SESSION_HOURS
from werkstatt.service import Werkstatt

PASSWORD = "Rathaus-2026!"


def signed_up(app, name="Anna Muster") -> str:
    """An organiser who used their invitation; returns the session token."""
    _, invitation = app.add_organizer(name)
    return app.accept_invitation(invitation, PASSWORD, PASSWORD)


def own_workshop(app, token, title="Selbstcheck Frühjahr"):
    return app.organizer_create_workshop(token, title=title, municipality="Musterstadt",
                                         facilitator_pin=PIN, date="2026-11-23")


@pytest.fixture
def hosted(db_path, clock):
    """The service of a hosted server: accounts on."""
    from tests.conftest import CHEAP_HASHER

    service = Werkstatt(db_path, password_hasher=CHEAP_HASHER, clock=clock, accounts=True)
    yield service
    service.store.close()


def test_invitation_sets_the_password_and_signs_in(app):
    organizer, invitation = app.add_organizer("Anna Muster")
    assert not organizer.has_password
    token = app.accept_invitation(invitation, PASSWORD, PASSWORD)
    assert app.signed_in_organizer(token).name == "Anna Muster"
    assert app.signed_in_organizer(app.organizer_login("  anna   MUSTER ", PASSWORD)).id == organizer.id


def test_invitation_works_once(app):
    _, invitation = app.add_organizer("Anna Muster")
    app.accept_invitation(invitation, PASSWORD, PASSWORD)
    with pytest.raises(InvitationInvalid):
        app.accept_invitation(invitation, "Anderes-Passwort-1", "Anderes-Passwort-1")
    app.organizer_login("Anna Muster", PASSWORD)  # the first password still holds


def test_invitation_expires(app, clock):
    _, invitation = app.add_organizer("Anna Muster")
    clock.advance(days=INVITATION_DAYS, seconds=1)
    with pytest.raises(InvitationInvalid):
        app.accept_invitation(invitation, PASSWORD, PASSWORD)


def test_a_new_invitation_replaces_a_forgotten_password(app):
    token = signed_up(app)
    invitation = app.invite_organizer("anna muster")
    app.accept_invitation(invitation, "Neues-Passwort-22", "Neues-Passwort-22")
    with pytest.raises(WrongOrganizerPassword):
        app.organizer_login("Anna Muster", PASSWORD)
    assert app.organizer_login("Anna Muster", "Neues-Passwort-22")
    assert app.signed_in_organizer(token).name == "Anna Muster"


@pytest.mark.parametrize("password, again, problem", [
    ("kurz", "kurz", "zu kurz"),
    ("x" * 129, "x" * 129, "zu lang"),
    (PASSWORD, PASSWORD + "x", "stimmen nicht überein"),
])
def test_bad_passwords_are_refused_and_the_invitation_stays_usable(app, password, again, problem):
    _, invitation = app.add_organizer("Anna Muster")
    with pytest.raises(InvalidInput, match=problem):
        app.accept_invitation(invitation, password, again)
    assert app.accept_invitation(invitation, PASSWORD, PASSWORD)


def test_names_are_unique_ignoring_case_and_spaces(app):
    app.add_organizer("Anna Muster")
    with pytest.raises(InvalidInput, match="gibt es schon"):
        app.add_organizer("anna  muster")
    with pytest.raises(InvalidInput, match="Namen"):
        app.add_organizer("   ")


def test_password_and_tokens_are_stored_only_as_hashes(app):
    _, invitation = app.add_organizer("Anna Muster")
    token = app.accept_invitation(invitation, PASSWORD, PASSWORD)
    stored = repr(app.store._rows("SELECT * FROM organizers")) + repr(app.store._rows("SELECT * FROM organizer_sessions"))
    for secret in (PASSWORD, invitation, token):
        assert secret not in stored


def test_wrong_password_and_unknown_name_get_the_same_message(app):
    signed_up(app)
    with pytest.raises(WrongOrganizerPassword) as wrong:
        app.organizer_login("Anna Muster", "falsch-falsch")
    with pytest.raises(WrongOrganizerPassword) as unknown:
        app.organizer_login("Berta Beispiel", "falsch-falsch")
    assert str(wrong.value) == str(unknown.value)
    assert "Name oder Passwort stimmen nicht" in str(wrong.value)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(app, clock):
    signed_up(app)
    for _ in range(4):
        with pytest.raises(WrongOrganizerPassword):
            app.organizer_login("Anna Muster", "falsch-falsch")
    with pytest.raises(OrganizerLocked, match="5 Minuten"):
        app.organizer_login("Anna Muster", "falsch-falsch")
    with pytest.raises(OrganizerLocked):
        app.organizer_login("Anna Muster", PASSWORD)
    clock.advance(minutes=5, seconds=1)
    assert app.organizer_login("Anna Muster", PASSWORD)


def test_session_expires_and_sign_out_ends_it(app, clock):
    token = signed_up(app)
    clock.advance(hours=SESSION_HOURS - 1)
    assert app.signed_in_organizer(token)
    clock.advance(hours=1)
    with pytest.raises(OrganizerSessionExpired):
        app.signed_in_organizer(token)
    fresh = app.organizer_login("Anna Muster", PASSWORD)
    app.organizer_logout(fresh)
    with pytest.raises(OrganizerNotAuthorized):
        app.signed_in_organizer(fresh)


def test_participant_facilitator_and_taskforce_tokens_open_no_organiser_session(app, workshop):
    signed_up(app)
    participant = app.join(workshop.join_code).token
    console = app.facilitator_login(workshop.join_code, PIN)
    app.create_process("Prozess", "Musterstadt", "Taskforce-2026", workshop_id=workshop.id)
    process = app.process(app.workshop(workshop.id).process_id)
    taskforce = app.taskforce_login(process.code, "Taskforce-2026")
    for token in (participant, console, taskforce, "", None, "x" * 500):
        with pytest.raises(OrganizerNotAuthorized):
            app.signed_in_organizer(token)
        with pytest.raises(OrganizerNotAuthorized):
            app.own_workshops(token)


def test_with_accounts_on_only_an_organiser_creates_workshops(hosted):
    with pytest.raises(OrganizerNotAuthorized):
        hosted.create_workshop(title="Ohne Konto", municipality="Musterstadt", facilitator_pin=PIN)
    with pytest.raises(OrganizerNotAuthorized):
        own_workshop(hosted, "kein-gültiges-Token")
    token = signed_up(hosted)
    workshop = own_workshop(hosted, token)
    assert [w.id for w in hosted.own_workshops(token)] == [workshop.id]
    assert hosted.workshops() == [workshop]


def test_an_organiser_never_sees_or_touches_another_organisers_workshop(app):
    anna, berta = signed_up(app, "Anna Muster"), signed_up(app, "Berta Beispiel")
    annas = own_workshop(app, anna, "Annas Workshop")
    bertas = own_workshop(app, berta, "Bertas Workshop")
    app.create_workshop(title="Vom Laptop", municipality="Musterstadt", facilitator_pin=PIN)  # nobody's
    assert [w.id for w in app.own_workshops(anna)] == [annas.id]
    assert [w.id for w in app.own_workshops(berta)] == [bertas.id]
    for act in (lambda: app.organizer_console(anna, bertas.id),
                lambda: app.hand_over_workshop(anna, bertas.id, "Anna Muster"),
                lambda: app.delete_own_workshop(anna, bertas.id),
                lambda: app.organizer_console(anna, 99999)):
        with pytest.raises(UnknownWorkshop):
            act()
    assert app.workshop(bertas.id).title == "Bertas Workshop"


def test_console_opens_a_closed_workshop_without_code_or_pin(app):
    token = signed_up(app)
    workshop = own_workshop(app, token)
    app.set_live_step(workshop.id, "closed")
    console = app.organizer_console(token, workshop.id)
    assert app.facilitated_workshop(console).id == workshop.id
    assert [w.state for w in app.own_workshops(token)] == ["closed"]


def test_hand_over_moves_the_workshop_to_the_colleague(app):
    anna, berta = signed_up(app, "Anna Muster"), signed_up(app, "Berta Beispiel")
    workshop = own_workshop(app, anna)
    assert app.hand_over_workshop(anna, workshop.id, "berta beispiel").name == "Berta Beispiel"
    assert app.own_workshops(anna) == []
    assert [w.id for w in app.own_workshops(berta)] == [workshop.id]
    with pytest.raises(UnknownOrganizer):
        app.hand_over_workshop(berta, workshop.id, "Niemand")
    assert [w.id for w in app.own_workshops(berta)] == [workshop.id]


def test_delete_removes_the_workshop_and_everything_entered_in_it(app):
    token = signed_up(app)
    workshop = own_workshop(app, token)
    app.set_live_step(workshop.id, "rating")
    participant = app.join(workshop.join_code)
    app.rate(participant.token, "management", 3)
    app.create_process("Prozess", "Musterstadt", "Taskforce-2026", workshop_id=workshop.id)
    process_id = app.workshop(workshop.id).process_id
    action = app.create_action(process_id, "Leitbild schreiben", "management")
    app.delete_own_workshop(token, workshop.id)
    with pytest.raises(UnknownWorkshop):
        app.workshop(workshop.id)
    for table in ("participants", "ratings", "facilitator_sessions"):
        assert app.store._rows(f"SELECT * FROM {table}") == [], table
    kept = app.action(process_id, action.id)
    assert kept.title == "Leitbild schreiben" and kept.workshop_id is None


def test_removing_an_account_forgets_the_name_and_hands_over_workshops(app):
    anna, _ = signed_up(app, "Anna Muster"), signed_up(app, "Berta Beispiel")
    workshop = own_workshop(app, anna)
    assert app.remove_organizer("Anna Muster", successor="Berta Beispiel") == 1
    with pytest.raises(OrganizerNotAuthorized):
        app.signed_in_organizer(anna)
    assert "Anna" not in repr(app.store._rows("SELECT * FROM organizers"))
    assert [o.name for o in app.organizers()] == ["Berta Beispiel"]
    assert app.workshop(workshop.id).title == "Selbstcheck Frühjahr"
    app.add_organizer("Anna Muster")  # the name is free again


def test_deleted_workshop_and_removed_name_leave_no_bytes_in_the_file(app, db_path):
    token = signed_up(app, "Zacharias Unverwechselbar")
    workshop = own_workshop(app, token, "Workshop Quokkahausen")
    app.set_live_step(workshop.id, "cards")
    participant = app.join(workshop.join_code)
    app.add_card(participant.token, "management", "gap", "Karte Xylophonstraße")
    app.delete_own_workshop(token, workshop.id)
    app.remove_organizer("Zacharias Unverwechselbar")
    raw = b"".join(path.read_bytes() for path in db_path.parent.glob(db_path.name + "*"))
    for gone in ("Zacharias", "Quokkahausen", "Xylophonstraße", participant.token):
        assert gone.encode() not in raw, gone
