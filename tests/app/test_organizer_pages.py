"""Organiser accounts on the pages: with accounts on, the start page asks for a sign-in instead
of offering the create form; the account page lists one's own workshops and acts on them; no
other kind of token opens it."""

import pytest

from tests.app.conftest import texts
from tests.conftest import PIN

PASSWORD = "Rathaus-2026!"


def _param(at, key):
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


@pytest.fixture
def accounts_on(monkeypatch):
    monkeypatch.setenv("WERKSTATT_ACCOUNTS", "1")


def signed_up(app, name="Anna Muster") -> str:
    _, invitation = app.add_organizer(name)
    return app.accept_invitation(invitation, PASSWORD, PASSWORD)


def own_workshop(app, token, title):
    return app.organizer_create_workshop(token, title=title, municipality="Musterstadt", facilitator_pin=PIN)


def test_with_accounts_on_the_start_page_asks_organisers_to_sign_in(app, accounts_on, open_page):
    signed_up(app)
    at = open_page("pages/start.py")
    assert not [w for w in at.text_input if w.key == "create_title"]
    assert "Ihr Konto bekommen Sie vom Betrieb des Servers" in texts(at)
    at.text_input(key="organizer_name").input("anna muster")
    at.text_input(key="organizer_password").input(PASSWORD)
    at.button(key="FormSubmitter:organizer_login_form-Anmelden").click().run()
    assert not at.exception
    assert app.signed_in_organizer(_param(at, "o")).name == "Anna Muster"
    assert "Meine Workshops" in texts(at) and "Angemeldet als Anna Muster" in texts(at)


def test_a_wrong_password_is_refused_in_german(app, accounts_on, open_page):
    signed_up(app)
    at = open_page("pages/start.py")
    at.text_input(key="organizer_name").input("Anna Muster")
    at.text_input(key="organizer_password").input("falsch-falsch")
    at.button(key="FormSubmitter:organizer_login_form-Anmelden").click().run()
    assert "Name oder Passwort stimmen nicht" in texts(at)
    assert "o" not in at.query_params
    assert at.text_input(key="organizer_name").value == "Anna Muster"


def test_without_accounts_the_start_page_creates_directly_and_the_account_page_says_so(app, open_page):
    at = open_page("pages/start.py")
    assert at.text_input(key="create_title")
    at = open_page("pages/konto.py")
    assert "keine Konten" in texts(at)


def test_the_invitation_link_sets_the_password_once(app, accounts_on, open_page):
    _, invitation = app.add_organizer("Anna Muster")
    at = open_page("pages/konto.py", einladung=invitation)
    at.text_input(key="invitation_password").input(PASSWORD)
    at.text_input(key="invitation_again").input(PASSWORD)
    at.button(key="FormSubmitter:invitation_form-Passwort speichern").click().run()
    assert not at.exception
    assert app.signed_in_organizer(_param(at, "o")).name == "Anna Muster"
    again = open_page("pages/konto.py", einladung=invitation)
    again.text_input(key="invitation_password").input("Anderes-Passwort-1")
    again.text_input(key="invitation_again").input("Anderes-Passwort-1")
    again.button(key="FormSubmitter:invitation_form-Passwort speichern").click().run()
    assert "schon benutzt oder ist abgelaufen" in texts(again)
    assert app.organizer_login("Anna Muster", PASSWORD)


def test_the_list_shows_only_ones_own_workshops_by_state(app, accounts_on, open_page):
    anna, berta = signed_up(app, "Anna Muster"), signed_up(app, "Berta Beispiel")
    own_workshop(app, anna, "Annas Frühjahr")
    closed = own_workshop(app, anna, "Annas Herbst")
    app.set_live_step(closed.id, "closed")
    own_workshop(app, berta, "Bertas Workshop")
    page = texts(open_page("pages/konto.py", o=anna))
    assert "Annas Frühjahr" in page and "Annas Herbst" in page
    assert "Offen (1)" in page and "Abgeschlossen (1)" in page
    assert "Bertas Workshop" not in page


def test_console_of_a_closed_workshop_opens_without_code_and_pin(app, accounts_on, open_page):
    token = signed_up(app)
    workshop = own_workshop(app, token, "Annas Herbst")
    app.set_live_step(workshop.id, "closed")
    at = open_page("pages/konto.py", o=token)
    at.button(key=f"console_{workshop.id}").click().run()
    assert not at.exception
    assert app.facilitated_workshop(_param(at, "f")).id == workshop.id


def test_create_from_the_account_page_belongs_to_the_organiser(app, accounts_on, open_page):
    token = signed_up(app)
    at = open_page("pages/konto.py", o=token)
    at.text_input(key="create_title").input("Selbstcheck Herbst")
    at.text_input(key="create_municipality").input("Musterstadt")
    at.text_input(key="create_pin").input("8642")
    at.text_input(key="create_pin_again").input("8642")
    at.button(key="FormSubmitter:create_workshop_form-Workshop anlegen").click().run()
    assert not at.exception
    workshop = app.facilitated_workshop(_param(at, "f"))
    assert [w.id for w in app.own_workshops(token)] == [workshop.id]


def test_delete_needs_the_tick_and_then_removes_the_workshop(app, accounts_on, open_page):
    token = signed_up(app)
    workshop = own_workshop(app, token, "Probelauf")
    at = open_page("pages/konto.py", o=token)
    at.button(key=f"FormSubmitter:delete_{workshop.id}-Endgültig löschen").click().run()
    assert "Bitte zuerst das Häkchen setzen" in texts(at)
    assert app.own_workshops(token)
    at.checkbox(key=f"delete_sure_{workshop.id}").check()
    at.button(key=f"FormSubmitter:delete_{workshop.id}-Endgültig löschen").click().run()
    assert not at.exception
    assert app.own_workshops(token) == []
    assert "„Probelauf“ ist gelöscht." in texts(at)


def test_hand_over_to_an_unknown_name_is_refused_and_the_workshop_stays(app, accounts_on, open_page):
    token = signed_up(app)
    workshop = own_workshop(app, token, "Probelauf")
    at = open_page("pages/konto.py", o=token)
    at.text_input(key=f"colleague_{workshop.id}").input("Niemand")
    at.button(key=f"FormSubmitter:hand_over_{workshop.id}-Workshop übergeben").click().run()
    assert "Ein Konto mit dem Namen „Niemand“ gibt es nicht." in texts(at)
    assert [w.id for w in app.own_workshops(token)] == [workshop.id]


def test_sign_out_ends_the_session(app, accounts_on, open_page):
    token = signed_up(app)
    at = open_page("pages/konto.py", o=token)
    next(b for b in at.button if b.label == "Abmelden").click().run()
    assert not at.exception
    assert "Bitte melden Sie sich zuerst" in texts(open_page("pages/konto.py", o=token))


def test_other_tokens_and_an_expired_session_open_no_account_page(app, accounts_on, workshop, open_page):
    token = signed_up(app)
    own_workshop(app, token, "Annas Workshop")
    participant = app.join(workshop.join_code).token
    console = app.facilitator_login(workshop.join_code, PIN)
    process = app.create_process("Prozess", "Musterstadt", "Taskforce-2026", workshop_id=workshop.id)
    taskforce = app.taskforce_login(process.code, "Taskforce-2026")
    for other in (participant, console, taskforce):
        page = texts(open_page("pages/konto.py", o=other))
        assert "Bitte melden Sie sich zuerst" in page
        assert "Annas Workshop" not in page
    with app.store.write() as db:
        db.execute("UPDATE organizer_sessions SET expires_at = '2000-01-01T00:00:00+00:00'")
    page = texts(open_page("pages/konto.py", o=token))
    assert "abgelaufen" in page and "Annas Workshop" not in page
