"""The transfer file: a workshop or a whole process moves to another machine and comes back
the same; a broken, changed, foreign or newer file is refused with a German message and
leaves the target database exactly as it was."""

import json
import pathlib
import sqlite3
from contextlib import closing

import jsonschema
import pandas as pd
import pytest

from db.transfer import TRANSFER_COLUMNS
from tests.conftest import CHEAP_HASHER, PIN
from werkstatt import demo
from werkstatt.actions import owner_label
from werkstatt.exchange import ImportRefused, anonymised_json
from werkstatt.service import Werkstatt
from werkstatt.transfer import (
    FORMAT,
    TABLES,
    canonical,
    checksum,
    export_process,
    export_workshop,
    import_bundle,
)

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "transfer-v1.schema.json").read_text())


def dump(app: Werkstatt) -> dict[str, list[dict]]:
    """Every row of every table (test-only): what "the database did not change" compares."""
    names = app.store._rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    tables = [r["name"] for r in names]
    return {table: app.store._rows(f'SELECT * FROM "{table}" ORDER BY rowid') for table in tables}


def content(data: bytes) -> dict:
    return json.loads(data)["content"]


def changed(data: bytes, change, recompute: bool = True) -> bytes:
    """The file with ``change`` applied to its content; with ``recompute`` the checksum is
    made to fit again, so the check after it has to catch the problem."""
    bundle = json.loads(data)
    change(bundle["content"])
    if recompute:
        bundle["checksum"] = checksum(bundle["content"])
    return json.dumps(bundle, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def source(app):
    """The demo process, in a database where ids do not start at 1 (another workshop and process
    came first), with more history than the demo: a corrected and a hidden card, an undone
    moderation, a merge into a later card, an owner change and a removed member."""
    other = app.create_workshop(title="Anderer Workshop", municipality="Nachbarort", facilitator_pin=PIN)
    app.create_process("Anderer Prozess", "Nachbarort", "anderes-passwort", workshop_id=other.id)
    spring, autumn, process = demo.seed_demo_process(app, participants=12)
    board = app.board(autumn.id)
    corrected = next(c.id for c in board if c.text.startswith("Sprachmittler"))
    app.correct_card(autumn.id, corrected, "Sprachmittlerpool")
    app.hide_card(autumn.id, next(c.id for c in board if c.text.startswith("Viele Vereine")))
    app.hide_card(autumn.id, next(c.id for c in board if c.text.startswith("Stadtteilfeste")))
    app.undo_moderation(autumn.id)
    web = [c for c in board if c.field_id == "kommunikation" and c.kind == "idea"]
    app.merge_cards(autumn.id, web[-1].id, [web[0].id])  # into the later card
    members = app.members(process.id)
    action = app.actions(process.id)[-1]
    app.update_action(process.id, action.id, action.version, note="Übergabe", owner=f"member:{members[0].id}")
    app.remove_member(process.id, members[1].id)
    return spring, autumn, process


def target_app(tmp_path, clock, name="target.db") -> Werkstatt:
    return Werkstatt(tmp_path / name, password_hasher=CHEAP_HASHER, clock=clock)


@pytest.fixture
def target(tmp_path, clock):
    service = target_app(tmp_path, clock)
    yield service
    service.store.close()


# --- round trips ---------------------------------------------------------------------------


def test_a_workshop_comes_back_identical(app, source, target):
    _spring, autumn, _process = source
    data = export_workshop(app, autumn.id)
    result = import_bundle(target, data)
    assert result.process_id is None and result.notes == ()
    again = export_workshop(target, result.workshop_ids[0])
    assert content(again) == content(data)
    assert json.loads(again)["checksum"] == json.loads(data)["checksum"] == checksum(content(data))
    assert content(data)["workshops"][0]["ref"] == 1 and autumn.id != 1  # refs, not ids


def test_a_process_comes_back_identical(app, source, target):
    data = export_process(app, source[2].id)
    result = import_bundle(target, data)
    assert len(result.workshop_ids) == 2 and result.process_id is not None
    again = export_process(target, result.process_id)
    assert canonical(content(again)) == canonical(content(data))
    assert json.loads(again)["checksum"] == json.loads(data)["checksum"]


def test_the_file_is_documented_by_its_schema(app, source):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for data in (export_process(app, source[2].id), export_workshop(app, source[0].id)):
        bundle = json.loads(data)
        validator.validate(bundle)
        assert bundle["format"] == FORMAT and bundle["version"] == 1
    assert "NOT AN ANONYMOUS EXPORT" in SCHEMA["description"] and "token" in SCHEMA["description"]
    for name, table in TABLES.items():  # the schema describes every key the code writes
        properties = SCHEMA["$defs"][name]["properties"]
        assert set(properties) == table.keys, name
        assert all(p.get("description") for p in properties.values()), name


def test_the_file_is_a_backup_with_tokens_and_hashes(app, source):
    spring, _autumn, process = source
    data = export_process(app, process.id)
    assert app.store.workshop(spring.id)["pin_hash"].encode() in data
    assert app.store.process(process.id)["password_hash"].encode() in data
    rows = app.store._rows("SELECT token FROM participants WHERE workshop_id = ?", (spring.id,))
    tokens = [r["token"] for r in rows]
    assert tokens and all(token.encode() in data for token in tokens)
    assert not any(key.endswith("sessions") for key in content(data))  # sign-ins stay on the old machine


def test_after_the_move_everybody_signs_in_and_sees_the_same(app, source, target):
    spring, autumn, process = source
    result = import_bundle(target, export_process(app, process.id))
    new_spring, new_autumn = (target.workshop(i) for i in result.workshop_ids)
    new_process = target.process(result.process_id)
    assert new_autumn.join_code == autumn.join_code and new_process.code == process.code
    token = target.facilitator_login(new_autumn.join_code, demo.DEMO_PIN)
    assert target.facilitated_workshop(token).id == new_autumn.id
    taskforce = target.taskforce_login(new_process.code, demo.DEMO_TASKFORCE_PASSWORD)
    assert target.taskforce_process(taskforce).id == new_process.id
    for old, new in ((spring, new_spring), (autumn, new_autumn)):
        pd.testing.assert_frame_equal(app.summary(old.id), target.summary(new.id))
        pd.testing.assert_frame_equal(app.sector_breakdown(old.id), target.sector_breakdown(new.id))
        assert board(app, old.id) == board(target, new.id)
        assert app.self_check(old.id) == target.self_check(new.id)
        assert app.voters(old.id) == target.voters(new.id)
        assert [(m.action, m.undone) for m in app.moderation_history(old.id)] == \
               [(m.action, m.undone) for m in target.moderation_history(new.id)]
    assert actions(app, process.id) == actions(target, new_process.id)
    pd.testing.assert_frame_equal(app.comparison(spring.id, autumn.id),
                                  target.comparison(new_spring.id, new_autumn.id))
    # a participant's link works on the new machine, with their ratings
    rows = app.store._rows("SELECT token FROM participants WHERE workshop_id = ? LIMIT 1", (autumn.id,))
    old_token = rows[0]["token"]
    assert target.participant(old_token).workshop_id == new_autumn.id
    assert target.my_ratings(old_token) == app.my_ratings(old_token)


def test_undo_after_the_move_restores_the_right_card(app, source, target):
    """The moderation log keeps card states by id: after the move they must name the new ids."""
    _spring, autumn, _process = source
    new_id = import_bundle(target, export_workshop(app, autumn.id)).workshop_ids[0]
    target.undo_moderation(new_id)  # the merge into the later card
    app.undo_moderation(autumn.id)
    assert board(app, autumn.id) == board(target, new_id)


def board(app: Werkstatt, workshop_id: int) -> list[tuple]:
    """The card wall without ids: what people see."""
    cards = app.board(workshop_id)
    text = {c.id: c.text for c in cards}
    return [(c.field_id, c.kind, c.text, c.original_text, c.hidden, text.get(c.merged_into), c.dots,
             tuple(text[s] for s in c.sources)) for c in cards]


def actions(app: Werkstatt, process_id: int) -> list[tuple]:
    """Actions with owners, cards and history in words, without ids."""
    members = {m.id: m for m in app.members(process_id)}
    cards = {c.id: c.text for w in app.process_workshops(process_id) for c in app.board(w.id)}
    workshops = {w.id: w.title for w in app.process_workshops(process_id)}
    return [
        (a.title, a.field_id, a.description, owner_label(a.owner, members, "de"), a.due_date, a.priority,
         a.status, a.version, a.created_at, workshops.get(a.workshop_id), tuple(cards[c] for c in a.card_ids),
         [(h.attribute, owner_label(h.old or "", members, "de") if h.attribute == "owner" else h.old,
           owner_label(h.new or "", members, "de") if h.attribute == "owner" else h.new, h.note, h.changed_at)
          for h in app.action_history(process_id, a.id)])
        for a in app.actions(process_id)
    ]


def test_an_undone_moderation_of_a_card_deleted_since_stays_behind(app, workshop, target):
    """After the undo the author may delete the card; the log entry then points nowhere."""
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code).token
    card = app.add_card(token, "zugang", "gap", "Zu lange Wartezeiten")
    app.add_card(token, "zugang", "idea", "Termine online")
    app.hide_card(workshop.id, card.id)
    app.undo_moderation(workshop.id)
    app.delete_card(token, card.id)
    data = export_workshop(app, workshop.id)
    assert content(data)["moderation_log"] == [] and len(content(data)["cards"]) == 1
    result = import_bundle(target, data)
    assert content(export_workshop(target, result.workshop_ids[0])) == content(data)


# --- codes that are taken in the target --------------------------------------------------------


def test_a_join_code_taken_by_an_open_workshop_is_replaced_and_said(app, source, target, tmp_path):
    spring, autumn, process = source
    there = target.create_workshop(title="Dort", municipality="Zielstadt", facilitator_pin=PIN)
    also_there = target.create_workshop(title="Auch dort", municipality="Zielstadt", facilitator_pin=PIN)
    target.create_process("Dort", "Zielstadt", "passwort-dort", workshop_id=there.id)
    with closing(sqlite3.connect(tmp_path / "target.db")) as conn, conn:  # open workshops with the same codes
        conn.execute("UPDATE workshops SET join_code = ? WHERE id = ?", (autumn.join_code, there.id))
        conn.execute("UPDATE workshops SET join_code = ? WHERE id = ?", (spring.join_code, also_there.id))
        conn.execute("UPDATE processes SET code = ?", (process.code,))
    result = import_bundle(target, export_process(app, process.id))
    new_spring, new_autumn = (target.workshop(i) for i in result.workshop_ids)
    assert new_spring.join_code == spring.join_code  # closed: its code opens nothing, so it stays
    assert target.workshop_by_code(spring.join_code).id == also_there.id
    assert new_autumn.join_code != autumn.join_code
    assert target.workshop_by_code(new_autumn.join_code).id == new_autumn.id
    new_code = target.process(result.process_id).code
    assert new_code != process.code
    assert target.taskforce_login(new_code, demo.DEMO_TASKFORCE_PASSWORD)
    messages = [note.message("de") for note in result.notes]
    assert len(messages) == 2
    assert f"neuen Teilnahme-Code {new_autumn.join_code}" in messages[1] and autumn.join_code in messages[1]
    assert f"neuen Prozess-Code {new_code}" in messages[0]
    assert "new join code" in result.notes[1].message("en")


# --- refusals: nothing is written ----------------------------------------------------------------


def top(data: bytes, **changes) -> bytes:
    """The file with top-level entries changed (None: left out); the content stays as it was."""
    bundle = {**json.loads(data), **changes}
    return json.dumps({k: v for k, v in bundle.items() if v is not None}, ensure_ascii=False).encode("utf-8")


def first_rating_to_nowhere(c):
    c["ratings"][0]["participant_ref"] = 9999


def merged_into_nowhere(c):
    c["cards"][0]["merged_into_ref"] = 9999


def vote_on_another_workshops_card(c):
    other = next(card for card in c["cards"] if card["workshop_ref"] == 2)
    c["votes"][0]["card_ref"] = other["ref"]


def owner_in_history_to_nowhere(c):
    entry = next(h for h in c["action_history"] if h["attribute"] == "owner")
    entry["new_value"] = "member:99"


def edit(change):
    """A change of the content, with a checksum that fits again."""
    return lambda data: changed(data, change)


CARD_TEXT = lambda c: c["cards"][0].update(text="Alles bestens")  # noqa: E731
# name: (make the bad file from a good one, what the German message says)
REFUSALS = {
    "truncated": (lambda data: data[: len(data) // 2], "keine vollständige JSON-Datei"),
    "not json": (lambda data: b"\x89PNG\r\n\x1a\n", "keine vollständige JSON-Datei"),
    "empty": (lambda data: b"", "keine vollständige JSON-Datei"),
    "not a number": (lambda data: data.replace(b'"score": 2.8', b'"score": NaN', 1),
                     "keine vollständige JSON-Datei"),
    "other format": (lambda data: json.dumps({"format": "excel", "version": 1}).encode(),
                     "keine Werkstatt-Übertragungsdatei (Format „excel“"),
    "a json list": (lambda data: b"[1, 2]", "keine Werkstatt-Übertragungsdatei"),
    "version 2": (lambda data: top(data, version=2),
                  "Diese Datei stammt aus einer neueren Werkstatt-Version (Format-Version 2"),
    "version text": (lambda data: top(data, version="1"), "Format-Version „1“ ist ungültig"),
    "changed card text, old checksum": (lambda data: changed(data, CARD_TEXT, recompute=False),
                                        "Die Datei wurde verändert oder ist beschädigt"),
    "no checksum": (lambda data: top(data, checksum=None), "Es fehlt der Eintrag „checksum“"),
    "a key too many": (lambda data: top(data, comment="neu"),
                       "Der Eintrag „comment“ gehört nicht in diese Format-Version"),
    "missing key": (edit(lambda c: c["cards"][3].pop("kind")),
                    "Es fehlt der Eintrag „content.cards[3].kind“"),
    "missing table": (edit(lambda c: c.pop("votes")), "Es fehlt der Eintrag „content.votes“"),
    "unknown key": (edit(lambda c: c["participants"][0].update(name="Erika")),
                    "„content.participants[0].name“ gehört nicht in diese Format-Version"),
    "wrong type": (edit(lambda c: c["ratings"][0].update(level="3")),
                   "„content.ratings[0].level“ hat nicht die erwartete Form: erwartet wird eine ganze Zahl"),
    "flag as number": (edit(lambda c: c["cards"][0].update(hidden=0)), "erwartet wird true oder false"),
    "bad date": (edit(lambda c: c["workshops"][0].update(date="23.11.2026")),
                 "erwartet wird ein Datum wie 2026-11-23"),
    "bad choice": (edit(lambda c: c["cards"][0].update(kind="wish")),
                   "„content.cards[0].kind“ hat den Wert „wish“; erlaubt sind: strength, gap, idea"),
    "rating of a missing participant": (edit(first_rating_to_nowhere),
                                        "„content.ratings[0].participant_ref“ verweist auf Nummer 9999"),
    "card merged into a missing card": (edit(merged_into_nowhere),
                                        "„content.cards[0].merged_into_ref“ verweist auf Nummer 9999"),
    "vote across workshops": (edit(vote_on_another_workshops_card),
                              "„content.votes[0].card_ref“ verweist auf einen Eintrag eines anderen"),
    "owner in the history to nowhere": (edit(owner_in_history_to_nowhere),
                                        "verweist auf Nummer 99 in „members“"),
    "duplicate token": (edit(lambda c: c["participants"][1].update(token=c["participants"][0]["token"])),
                        "„content.participants[1].token“ kommt in der Datei doppelt vor"),
    "duplicate rating": (edit(lambda c: c["ratings"].append(dict(c["ratings"][0]))),
                         "kommt in der Datei doppelt vor"),
    "unknown fieldset": (edit(lambda c: c["workshops"][0].update(fieldset="gibt-es-nicht")),
                         "Die Feldliste „gibt-es-nicht“ gibt es in dieser Installation nicht"),
    "broken pin hash": (edit(lambda c: c["workshops"][1].update(pin_hash="2468")),
                        "erwartet wird ein argon2-Hash"),
    "actions without a process": (edit(lambda c: c.update(process=None)),
                                  "„content.members“ enthält Einträge, aber die Datei enthält keinen"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_bad_file_is_refused_and_nothing_changes(app, source, target, case):
    make, expected = REFUSALS[case]
    target.create_workshop(title="Schon da", municipality="Zielstadt", facilitator_pin=PIN)  # not empty
    before = dump(target)
    bad = make(export_process(app, source[2].id))
    with pytest.raises(ImportRefused) as refused:
        import_bundle(target, bad)
    message = str(refused.value)
    assert message.startswith("Die Datei wurde nicht eingelesen, es wurde nichts gespeichert.")
    assert expected in message
    assert refused.value.message("en").startswith("The file was not imported; nothing was saved.")
    assert dump(target) == before


def test_the_exchange_file_is_not_a_transfer_file(app, source, target):
    before = dump(target)
    with pytest.raises(ImportRefused, match="anonymisierte Austauschdatei"):
        import_bundle(target, anonymised_json(app, source[1].id))
    assert dump(target) == before


def test_the_same_file_twice_is_refused_the_second_time(app, source, target):
    data = export_workshop(app, source[1].id)
    import_bundle(target, data)
    before = dump(target)
    with pytest.raises(ImportRefused, match="schon vorhanden"):
        import_bundle(target, data)
    assert dump(target) == before
    with pytest.raises(ImportRefused, match="schon vorhanden"):  # the source itself has them too
        import_bundle(app, data)


def test_a_workshop_or_process_without_participants_is_not_imported_twice(app, target):
    """No tokens to recognise them by: the code with its salted hash does it."""
    empty = app.create_workshop(title="Noch leer", municipality="Musterstadt", facilitator_pin=PIN)
    process = app.create_process("Noch ohne Workshop", "Musterstadt", "passwort-2026")
    for data in (export_workshop(app, empty.id), export_process(app, process.id)):
        import_bundle(target, data)
        before = dump(target)
        with pytest.raises(ImportRefused, match="schon vorhanden"):
            import_bundle(target, data)
        assert dump(target) == before


def test_an_error_half_way_through_the_writing_rolls_back(app, source, target, monkeypatch):
    """Should a write fail after the checks (a full disk, a bug), the one transaction leaves nothing."""
    before = dump(target)
    original = target.store.insert_transfer_row

    def failing(db, table, values):
        if table == "votes":
            raise sqlite3.OperationalError("disk I/O error")
        return original(db, table, values)

    monkeypatch.setattr(target.store, "insert_transfer_row", failing)
    with pytest.raises(sqlite3.OperationalError):
        import_bundle(target, export_process(app, source[2].id))
    assert dump(target) == before


# --- the format follows the schema of the database ---------------------------------------------------


def test_every_column_of_the_database_travels(db_path, app):
    """A later migration that adds a column must add it to the transfer too (or say why not)."""
    implied = {"id", "process_id", "merged_into"}  # new ids; the file's process; set after all cards
    # Guards of the live room, not results: a join form's key means nothing after the join, and
    # the participant cap starts at its default on the machine a workshop moves to.
    implied |= {"join_key", "participant_cap"}
    # Counters behind the caches of the live room, not data; they start again on the new machine.
    implied |= {"vote_version"}
    # Marks of the retention on this machine (werkstatt/retention.py): a closed workshop that arrives
    # without its closing date counts its period from its newest entry; replaced tokens travel as
    # they are; a process arrives not archived, and its task force archives it again.
    implied |= {"closed_at", "tokens_removed_at", "archived_at"}
    # Accounts are this server's (werkstatt/organizers.py): a workshop arrives without an organiser.
    implied |= {"organizer_id"}
    with closing(sqlite3.connect(db_path)) as conn:
        for name, table in TABLES.items():
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table.db_table})")}
            travelling = {c.column for c in table.columns} | set(table.extra)
            assert columns - implied <= travelling, name
            written = (travelling | (columns & {"process_id"})) - {"merged_into"}
            assert set(TRANSFER_COLUMNS[table.db_table]) == written
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    left_out = {"facilitator_sessions", "taskforce_sessions", "_sqlite_migrations"}
    left_out |= {"organizers", "organizer_sessions"}  # this server's accounts, not the workshop's
    # own topic lists travel as content.fieldsets, the versions the file uses (transfer_fieldsets)
    left_out |= {"own_fieldsets"}
    # other cities' exchange files (issue 19) are theirs, not the process's: read them in again there
    left_out |= {"peer_files"}
    assert tables - left_out == {table.db_table for table in TABLES.values()}


# --- the rules the screens keep ------------------------------------------------------------------
# On a shared server a file comes from many hands: a recomputed checksum proves nothing about
# what is in it. Rows that no screen would have taken are refused, every place named.


def raw_files(tmp_path) -> dict[str, bytes]:
    """The target's database file and its write-ahead log, byte for byte."""
    return {name: (tmp_path / name).read_bytes() for name in ("target.db", "target.db-wal")
            if (tmp_path / name).exists()}


def refused(target, tmp_path, data: bytes) -> str:
    """Import ``data``, which must be refused without a trace; the German message."""
    target.create_workshop(title="Schon da", municipality="Zielstadt", facilitator_pin=PIN)  # not empty
    rows, files = dump(target), raw_files(tmp_path)
    with pytest.raises(ImportRefused) as error:
        import_bundle(target, data)
    assert dump(target) == rows and raw_files(tmp_path) == files
    message = str(error.value)
    assert message.startswith("Die Datei wurde nicht eingelesen, es wurde nichts gespeichert. Diese "
                              "Einträge halten sich nicht an die Regeln")
    assert error.value.message("en").startswith("The file was not imported; nothing was saved.")
    return message


def first_of(c: dict, table: str, **match) -> dict:
    return next(row for row in c[table] if all(row[k] == v for k, v in match.items()))


def dots_above_any_console(c):
    """Person 1: 51 dots on one card, more than any console allows (50)."""
    first_of(c, "votes", participant_ref=1)["dots"] = 51


def level_nine(c):
    first_of(c, "ratings", participant_ref=4, field_id="zugang")["level"] = 9


def correction_undone_to_a_long_text(c):
    entry = first_of(c, "moderation_log", action="correct")
    for columns in entry["before"].values():
        columns["text"] = "x" * 600


# name: (what is changed in a good file, the place and what is wrong there, as the message says)
RULE_BREAKS = {
    "a card of 10,000 characters": (
        lambda c: c["cards"][16].update(text="W" * 10_000),
        "- Karte 17: Der Text ist zu lang: 10000 Zeichen, erlaubt sind höchstens 500."),
    "an empty card": (
        lambda c: c["cards"][2].update(text=""),
        "- Karte 3: Der Text ist leer oder hat weniger als 3 sichtbare Zeichen."),
    "a card of blanks only": (
        lambda c: c["cards"][2].update(text=" \t\n  \t "),
        "- Karte 3: Der Text ist leer oder hat weniger als 3 sichtbare Zeichen."),
    "a card of invisible characters": (
        lambda c: c["cards"][2].update(text="\u200b\u200b\u200b\u200b\t\u200d"),
        "- Karte 3: Der Text ist leer oder hat weniger als 3 sichtbare Zeichen."),
    "an original text too long": (
        lambda c: first_of(c, "cards", ref=5).update(original_text="x" * 501),
        "- Karte 5, ursprünglicher Text: Der Text ist zu lang: 501 Zeichen"),
    "a level off the scale": (
        level_nine,
        "- Bewertung von Person 4, Feld „zugang“: „9“ ist keine Stufe der Skala. "
        "Erlaubt sind 1, 2, 3, 4"),
    "a rating of a field the fieldset lacks": (
        lambda c: first_of(c, "ratings", participant_ref=2).update(field_id="wetter"),
        "- Bewertung von Person 2, Feld „wetter“: Das Handlungsfeld „wetter“ gehört nicht zu"),
    "dots above what any console allows": (
        dots_above_any_console,
        "- Punkte von Person 1 auf Karte 14: 51 Punkte, erlaubt sind höchstens 50 je Karte."),
    "a dot budget no console allows": (
        lambda c: c["workshops"][1].update(dot_budget=1000, dots_per_card=1000),
        "- Workshop 2: Punkte je Person: 1 bis 50; je Karte: 1 bis zu den Punkten je Person."),
    "a title too long": (
        lambda c: c["workshops"][0].update(title="Workshop " * 30),
        "- Workshop 1: „Titel“ ist zu lang: höchstens 200 Zeichen."),
    "a group name of blanks": (
        lambda c: c["groups"][1].update(name="\t  "),
        "- Gruppe 2: Bitte einen Namen für die Gruppe eingeben."),
    "a member's name too long": (
        lambda c: c["members"][0].update(name="Keller" * 40),
        "- Mitglied 1: „Name“ ist zu lang: höchstens 200 Zeichen."),
    "a sector the fieldset lacks": (
        lambda c: c["participants"][5].update(sector="adel"),
        "- Person 6: Den Bereich „adel“ gibt es in diesem Workshop nicht."),
    "a self-check score off the scale": (
        lambda c: first_of(c, "self_check", workshop_ref=1, field_id="arbeit").update(score=7),
        "- Selbstcheck von Workshop 1, Feld „arbeit“: Der Wert 7 liegt nicht auf der Skala von 1 bis 4."),
    "an undo that would bring back a long text": (
        correction_undone_to_a_long_text,
        "- Moderation von Karte 38 (2026-11-23T14:00:00+00:00): Der Text ist zu lang: 600 Zeichen"),
    "an action's description too long": (
        lambda c: c["actions"][0].update(description="Mehr " * 500),
        "- Maßnahme 1: „Beschreibung“ ist zu lang: höchstens 2000 Zeichen."),
}


@pytest.mark.parametrize("case", list(RULE_BREAKS))
def test_a_file_that_breaks_a_rule_of_the_screens_is_refused_naming_the_place(app, source, target,
                                                                             tmp_path, case):
    change, expected = RULE_BREAKS[case]
    message = refused(target, tmp_path, changed(export_process(app, source[2].id), change))
    assert expected in message
    assert message.count("\n- ") == 1  # that place alone


def test_every_place_that_breaks_a_rule_is_listed_in_one_refusal(app, source, target, tmp_path):
    def many(c):
        for name in ("a card of 10,000 characters", "an empty card", "a level off the scale",
                     "dots above what any console allows", "a title too long"):
            RULE_BREAKS[name][0](c)
        c["cards"][20]["text"] = "\u200b"

    message = refused(target, tmp_path, changed(export_process(app, source[2].id), many))
    lines = message.split("\n- ")[1:]
    assert len(lines) == 6, message
    for name in ("a card of 10,000 characters", "an empty card", "a level off the scale",
                 "dots above what any console allows", "a title too long"):
        assert RULE_BREAKS[name][1] in message
    assert "- Karte 21: Der Text ist leer" in message


def test_a_long_list_of_places_ends_with_how_many_more(app, source, target, tmp_path):
    def all_empty(c):
        for card in c["cards"]:
            card["text"] = ""

    message = refused(target, tmp_path, changed(export_process(app, source[2].id), all_empty))
    assert message.count("\n- Karte ") == 20
    assert message.endswith(f"\n- … und {len(content(export_process(app, source[2].id))['cards']) - 20} "
                            "weitere.")


def test_texts_are_cleaned_as_the_screens_clean_them(app, workshop, target):
    """A card's text loses the blanks around it, a title its runs of blanks: what a form does."""
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code).token
    app.add_card(token, "zugang", "gap", "Lange Wartezeiten")

    def untidy(c):
        c["cards"][0]["text"] = "\tTermine online\nbuchen  \n"
        c["workshops"][0].update(title="  Selbstcheck\t\tWorkshop ", place="Rathaus,\n Saal 2")

    new_id = import_bundle(target, changed(export_workshop(app, workshop.id), untidy)).workshop_ids[0]
    assert [c.text for c in target.board(new_id)] == ["Termine online\nbuchen"]
    new = target.workshop(new_id)
    assert (new.title, new.place) == ("Selbstcheck Workshop", "Rathaus, Saal 2")


def test_a_good_file_within_every_rule_still_imports(app, workshop, target):
    """At the edges of the rules: 500 characters, 3 visible ones, the top level, the whole budget
    with the card cap, and dots on a hidden card (free while it is hidden, as the ballot counts)."""
    app.set_dot_rules(workshop.id, 3, 2)
    app.set_live_step(workshop.id, "rating")
    token = app.join(workshop.join_code).token
    app.rate(token, "zugang", 4)
    app.rate(token, "arbeit", None)
    app.set_live_step(workshop.id, "cards")
    long = app.add_card(token, "zugang", "gap", "W" * 500)
    short = app.add_card(token, "zugang", "idea", "Ja!")
    hidden = app.add_card(token, "arbeit", "idea", "Sprachkurse am Abend")
    app.set_live_step(workshop.id, "voting")
    app.vote(token, hidden.id, 2)
    app.hide_card(workshop.id, hidden.id)
    app.vote(token, long.id, 2)
    app.vote(token, short.id, 1)
    data = export_workshop(app, workshop.id)
    result = import_bundle(target, data)
    assert content(export_workshop(target, result.workshop_ids[0])) == content(data)


def test_a_backup_of_votes_above_rules_lowered_later_restores(app, workshop, target):
    """The facilitator lowered the dot rules after the voting (the console allows it): the service
    keeps those dots, so its backup must restore them, not be refused as a doctored file."""
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code).token
    card = app.add_card(token, "zugang", "gap", "Termine dauern zu lange")
    app.set_live_step(workshop.id, "voting")
    app.vote(token, card.id, 2)
    app.set_dot_rules(workshop.id, 1, 1)
    data = export_workshop(app, workshop.id)
    result = import_bundle(target, data)
    assert content(export_workshop(target, result.workshop_ids[0])) == content(data)
