"""A full disk or an unwritable database in the real Streamlit runtime: the console says what
happened instead of pretending, and a server that cannot open its file shows a German message
instead of a traceback."""

import pytest

from tests.app.conftest import texts
from tests.conftest import PIN
from tests.storage_faults import Disk, until_full
from werkstatt.ui import context

FULL = "Der Speicherplatz auf dem Server ist voll"
ADD_GROUP = "FormSubmitter:new_group-Gruppe anlegen"


@pytest.fixture
def disk(app, monkeypatch):
    """The pages share the test's service, so the disk's conditions hold for their writes too."""
    monkeypatch.setattr(context, "_service", lambda path, accounts: app)
    return Disk(monkeypatch, app.store)


def test_the_console_says_the_disk_is_full_keeps_the_input_and_stores_nothing(app, workshop, disk, open_page):
    token = app.facilitator_login(workshop.join_code, PIN)
    disk.full()
    stored, _ = until_full(lambda i: app.add_group(workshop.id, f"Gruppe {i:03}", ["zugang"]))
    at = open_page("pages/moderation.py", f=token)
    at.session_state["console_tab"] = "Gruppen"
    at.run()

    at.text_input(key="new_group_name").input("Gruppe Nordost")
    at.multiselect(key="new_group_fields").select("arbeit")
    at.button(key=ADD_GROUP).click().run()

    assert not at.exception, at.exception
    assert [e.value for e in at.error if FULL in e.value and "nichts übernommen" in e.value]
    assert len(app.groups(workshop.id)) == stored
    assert at.text_input(key="new_group_name").value == "Gruppe Nordost"  # typed, not lost

    disk.fixed()
    at.button(key=ADD_GROUP).click().run()
    assert FULL not in texts(at)
    assert app.groups(workshop.id)[-1].name == "Gruppe Nordost"


@pytest.mark.parametrize("page, params, afterwards", [
    ("pages/start.py", {}, "Workshop anlegen"),
    ("pages/moderation.py", {"f": "geraten"}, "zuerst mit Code und PIN anmelden"),
])
def test_a_server_that_cannot_write_its_database_says_so_and_recovers_on_reload(
        tmp_path, monkeypatch, open_page, page, params, afterwards):
    path = tmp_path / "werkstatt.db"
    monkeypatch.setenv("WERKSTATT_DB", str(path))
    disk = Disk(monkeypatch)
    disk.read_only()

    at = open_page(page, **params)

    assert [e.value for e in at.error] == [
        f"Werkstatt kann nicht starten: Die Datenbankdatei {path} lässt sich nicht anlegen oder beschreiben"
        " (Datei oder Ordner schreibgeschützt). Es wurde nichts verändert. Bitte Datei und Ordner"
        " beschreibbar machen oder mit der Umgebungsvariable WERKSTATT_DB einen beschreibbaren Ort angeben,"
        " dann die Seite neu laden."]
    assert afterwards not in texts(at) + str([b.label for b in at.button])

    disk.fixed()
    at.run()  # the reload once the file is writable: the failed start was not cached
    assert not at.exception, at.exception
    assert "kann nicht starten" not in texts(at)
    assert afterwards in texts(at) + str([b.label for b in at.button])


def test_the_start_message_follows_the_language_and_names_what_is_in_the_way(
        tmp_path, monkeypatch, open_page):
    (tmp_path / "werkstatt.db").write_text("Notizen")
    monkeypatch.setenv("WERKSTATT_DB", str(tmp_path / "werkstatt.db"))
    at = open_page("pages/start.py", lang="en")
    assert "Werkstatt cannot start" in at.error[0].value
    assert "cannot be opened (file is not a database)" in at.error[0].value
