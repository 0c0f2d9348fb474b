"""``python -m werkstatt organizer …``: the operator adds accounts and passes on one-time links."""

import re
from urllib.parse import parse_qs, urlsplit

from werkstatt.cli import main
from werkstatt.service import Werkstatt

PASSWORD = "Rathaus-2026!"


def invitation_in(printed: str) -> str:
    url = re.search(r"(https?://\S+/konto\?\S+)", printed).group(1)
    return parse_qs(urlsplit(url).query)["einladung"][0]


def test_add_prints_a_link_on_the_configured_address_that_signs_up_once(tmp_path, capsys, monkeypatch):
    db = tmp_path / "w.db"
    monkeypatch.setenv("WERKSTATT_BASE_URL", "https://werkstatt.example.org/")
    assert main(["--db", str(db), "organizer", "add", "Anna Muster"]) == 0
    printed = capsys.readouterr().out
    assert "https://werkstatt.example.org/konto?einladung=" in printed
    app = Werkstatt(db)
    assert app.signed_in_organizer(app.accept_invitation(invitation_in(printed), PASSWORD, PASSWORD)).name == "Anna Muster"


def test_duplicate_and_unknown_names_fail_with_a_german_message(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    assert main(["--db", db, "organizer", "add", "Anna Muster"]) == 0
    assert main(["--db", db, "organizer", "add", "anna muster"]) == 1
    assert main(["--db", db, "organizer", "invite", "Berta"]) == 1
    errors = capsys.readouterr().err
    assert "Ein Konto mit dem Namen „anna muster“ gibt es schon." in errors
    assert "Ein Konto mit dem Namen „Berta“ gibt es nicht." in errors


def test_list_invite_and_remove_with_hand_over(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    main(["--db", db, "organizer", "add", "Anna Muster"])
    main(["--db", db, "organizer", "add", "Berta Beispiel"])
    anna_link = capsys.readouterr().out.split("Konto für Berta")[0]
    app = Werkstatt(db)
    token = app.accept_invitation(invitation_in(anna_link), PASSWORD, PASSWORD)
    app.organizer_create_workshop(token, title="Annas Workshop", municipality="Musterstadt", facilitator_pin="4711")
    assert main(["--db", db, "organizer", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Anna Muster · Passwort gesetzt · 1 Workshop(s)" in listed
    assert "Berta Beispiel · Einladung offen · 0 Workshop(s)" in listed
    assert main(["--db", db, "organizer", "invite", "Anna Muster", "--base-url", "http://10.42.0.1:8501"]) == 0
    assert "http://10.42.0.1:8501/konto?einladung=" in capsys.readouterr().out
    assert main(["--db", db, "organizer", "remove", "Anna Muster", "--to", "Berta Beispiel"]) == 0
    assert "1 Workshop(s) an Berta Beispiel übergeben." in capsys.readouterr().out
    assert [o.name for o in app.organizers()] == ["Berta Beispiel"]
    assert app.organizers()[0].workshops == 1
