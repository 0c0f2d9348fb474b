"""Reading other municipalities' exchange files into a process (werkstatt.peers): good files on two
fieldsets, every refused file leaving the database as it was, the same file twice, many at once,
removing one, and "Maßnahme übernehmen" keeping the source city in the action's history."""

import json
import sqlite3
from contextlib import closing

import pytest

from tests.conftest import CHEAP_HASHER, PIN, seed_ratings
from tests.peer_documents import WK, as_file, exchange_document
from werkstatt import fieldsets
from werkstatt.errors import UnknownField
from werkstatt.exchange import anonymised_json
from werkstatt.peer_compare import field_frame, matched_fields, rank
from werkstatt.peer_files import PeerFileRefused
from werkstatt.peers import PeerFileKnown, UnknownPeer
from werkstatt.service import Werkstatt
from werkstatt.transfer import export_workshop

ZUGANG = {"zugang": [1, 1, 4, 4], "arbeit": [0, 3, 3, 4]}


@pytest.fixture
def process(app, workshop):
    seed_ratings(app, app.set_live_step(workshop.id, "rating"), participants=12)
    return app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", "geheim-123",
                              workshop_id=workshop.id)


def dump(db_path) -> list[str]:
    """Every table's rows and the schema, as SQL text: equal dumps, equal databases."""
    with closing(sqlite3.connect(db_path)) as conn:
        return list(conn.iterdump())


def test_good_files_on_two_fieldsets_are_read_in_and_matched_on_their_shared_fields(app, process, workshop):
    full = exchange_document("Altstadt", ZUGANG)
    shorter = exchange_document("Kurzhausen", ZUGANG, drop=("kommunikation",), fieldset_id="wk-kurz")
    outcomes = app.import_peer_files(process.id, [("altstadt.json", as_file(full)),
                                                  ("kurzhausen.json", as_file(shorter))])
    assert [(o.file_name, o.error) for o in outcomes] == [("altstadt.json", None), ("kurzhausen.json", None)]
    peers = app.peers(process.id)
    assert [(p.name, p.file_name, p.fieldset_id, p.workshop_date) for p in peers] == [
        ("Altstadt", "altstadt.json", WK.id, "2026-03-14"), ("Kurzhausen", "kurzhausen.json", "wk-kurz", "2026-03-14")]
    own = app.own_city(process.id, workshop.id)
    assert own.name == "Musterstadt"
    assert len(matched_fields(own, peers[0].city)) == 7
    assert "kommunikation" not in matched_fields(own, peers[1].city)
    assert len(matched_fields(own, peers[1].city)) == 6
    assert peers[0].city.document == full  # kept whole


def test_a_real_export_of_another_machine_is_read_in(app, process, tmp_path, clock):
    other = Werkstatt(tmp_path / "other.db", password_hasher=CHEAP_HASHER, clock=clock)
    workshop = other.create_workshop(title="Frühjahr", municipality="Neustadt", facilitator_pin=PIN,
                                     date="2026-03-01")
    seed_ratings(other, other.set_live_step(workshop.id, "rating"), participants=9, seed=7)
    peer = app.import_peer_file(process.id, "neustadt.werkstatt.json", anonymised_json(other, workshop.id))
    other.store.close()
    assert (peer.name, peer.workshop_title) == ("Neustadt", "Frühjahr")


def broken(change) -> bytes:
    document = exchange_document("Altstadt", ZUGANG)
    change(document)
    return as_file(document)


def without(key):
    return lambda document: document["results"][2].pop(key)


def setter(path, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


REFUSED = {
    "not JSON": (b"Hallo Welt", "keine vollständige JSON-Datei"),
    "truncated": (as_file(exchange_document("Altstadt", ZUGANG))[:500], "abgeschnitten"),
    "empty": (b"", "keine vollständige JSON-Datei"),
    "a list": (b"[1, 2]", "keine Werkstatt-Austauschdatei"),
    "another format": (b'{"format": "csv"}', "Format „csv“ statt „werkstatt-exchange“"),
    "newer version": (broken(setter(["version"], 2)), "Format-Version 2; diese Werkstatt liest "
                                                       "Austauschdateien bis Version 1"),
    "broken version": (broken(setter(["version"], "eins")), "Format-Version „eins“ ist ungültig"),
    "missing key": (broken(without("median")), "Es fehlt der Eintrag „results[2].median“"),
    "extra key": (broken(setter(["workshop", "owner"], "Frau M.")), "„workshop“ steht ein Eintrag, der "
                                                                    "nicht zum Format"),
    "wrong type": (broken(setter(["results", 2, "n"], "zehn")), "„results[2].n“ steht ein Wert"),
    # no checksum in the exchange format: a changed file shows as numbers that contradict each other
    "distribution not adding up": (broken(setter(["results", 2, "n"], 11)),
                                   "Zahlen passen nicht zusammen (results[2].n)"),
    "median changed": (broken(setter(["results", 2, "median"], 4.0)), "(results[2].median)"),
    "consensus changed": (broken(setter(["results", 2, "consensus"], 0.99)), "(results[2].consensus)"),
    "result of an unknown field": (broken(setter(["results", 2, "field_id"], "sport")), "(results[2].field_id)"),
    "too big": (b" " * 5_000_001, "zu groß"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_every_refused_file_names_itself_and_leaves_the_database_unchanged(app, process, db_path, case):
    data, expected = REFUSED[case]
    app.import_peer_file(process.id, "schon-da.json", as_file(exchange_document("Bergheim", ZUGANG)))
    before = dump(db_path)
    with pytest.raises(PeerFileRefused) as refused:
        app.import_peer_file(process.id, "kaputt.json", data)
    message = str(refused.value)
    assert message.startswith("„kaputt.json“ wurde nicht eingelesen, es wurde nichts gespeichert.")
    assert expected in message
    assert dump(db_path) == before


def test_a_transfer_file_is_refused_with_what_to_send_instead(app, process, workshop, db_path):
    before = dump(db_path)
    with pytest.raises(PeerFileRefused, match="vollständige Übertragungsdatei mit Anmeldedaten"):
        app.import_peer_file(process.id, "backup.json", export_workshop(app, workshop.id))
    assert dump(db_path) == before


def test_the_same_file_twice_is_recognised_by_its_content_even_re_indented(app, process, db_path):
    document = exchange_document("Altstadt", ZUGANG)
    app.import_peer_file(process.id, "altstadt.json", as_file(document))
    before = dump(db_path)
    compact = json.dumps(document, separators=(",", ":")).encode("utf-8")
    with pytest.raises(PeerFileKnown) as known:
        app.import_peer_file(process.id, "altstadt (1).json", compact)
    assert str(known.value) == ("„altstadt (1).json“ ist schon eingelesen (als „altstadt.json“); sie wurde "
                                "nicht noch einmal gespeichert.")
    assert dump(db_path) == before
    other = app.create_process("Anderer Prozess", "Bergheim", "geheim-456")
    assert app.import_peer_file(other.id, "altstadt.json", compact).name == "Altstadt"  # another process


def test_many_files_at_once_each_all_or_nothing_with_one_message_per_refused_file(app, process):
    files = [("a.json", as_file(exchange_document("Altstadt", ZUGANG))),
             ("kaputt.json", b"{"),
             ("b.json", as_file(exchange_document("Bergheim", ZUGANG))),
             ("neu.json", broken(setter(["version"], 3))),
             ("a-nochmal.json", as_file(exchange_document("Altstadt", ZUGANG)))]
    outcomes = app.import_peer_files(process.id, files)
    assert [o.peer.name if o.peer else None for o in outcomes] == ["Altstadt", None, "Bergheim", None, None]
    messages = [str(o.error) for o in outcomes if o.error]
    assert [m.split("“")[0] for m in messages] == ["„kaputt.json", "„neu.json", "„a-nochmal.json"]
    assert "Format-Version 3" in messages[1] and "schon eingelesen" in messages[2]
    assert [p.name for p in app.peers(process.id)] == ["Altstadt", "Bergheim"]


def test_a_peer_can_be_removed_and_only_from_its_own_process(app, process, db_path):
    peer = app.import_peer_file(process.id, "a.json", as_file(exchange_document("Altstadt", ZUGANG)))
    other = app.create_process("Anderer Prozess", "Bergheim", "geheim-456")
    before = dump(db_path)
    with pytest.raises(UnknownPeer):
        app.remove_peer(other.id, peer.id)
    assert dump(db_path) == before
    app.remove_peer(process.id, peer.id)
    assert app.peers(process.id) == []
    with pytest.raises(UnknownPeer):
        app.remove_peer(process.id, peer.id)


def test_the_comparison_of_our_workshop_with_three_peers_has_a_pool_and_a_rank(app, process, workshop):
    for name, counts in (("Altstadt", [1, 1, 4, 4]), ("Bergheim", [0, 1, 2, 7]), ("Cranach", [5, 3, 2, 0])):
        app.import_peer_file(process.id, f"{name}.json", as_file(exchange_document(name, {"zugang": counts})))
    own = app.own_city(process.id, workshop.id)
    frame = field_frame(own, [p.city for p in app.peers(process.id)], "zugang")
    assert frame["role"].tolist() == ["own", "peer", "peer", "peer", "pool"]
    assert frame.iloc[-1]["n"] == 30
    assert rank(frame).cities == 4


def test_adopting_a_peers_action_keeps_the_source_city_in_the_history(app, process):
    document = exchange_document("Altstadt", ZUGANG, date="2026-03-14", actions=[
        {"title": "Lotsenprogramm für Neuzugewanderte", "field_id": "zugang", "priority": "high",
         "description": "Ehrenamtliche begleiten zu Ämtern."}],
        cards=[{"field_id": "zugang", "kind": "idea", "text": "Sprechstunde in drei Sprachen\nauch abends",
                "dots": 9}])
    peer = app.import_peer_file(process.id, "altstadt-2026.json", as_file(document))
    action = app.adopt_peer_action(process.id, peer.id, 0)
    assert (action.title, action.field_id, action.priority, action.status, action.owner) == (
        "Lotsenprogramm für Neuzugewanderte", "zugang", "high", "open", "")
    assert action.description == "Ehrenamtliche begleiten zu Ämtern."
    [created] = app.action_history(process.id, action.id)
    assert created.attribute == "created"
    assert created.note == ("Übernommen von Altstadt (Austauschdatei „altstadt-2026.json“, Workshop "
                            "„Selbstcheck Altstadt“ vom 14.03.2026)")
    from_card = app.adopt_peer_card(process.id, peer.id, 0)
    assert (from_card.title, from_card.description) == ("Sprechstunde in drei Sprachen",
                                                         "Sprechstunde in drei Sprachen\nauch abends")
    assert "Übernommen von Altstadt" in app.action_history(process.id, from_card.id)[0].note


def test_an_action_of_a_field_we_do_not_have_is_not_adopted(app, process, db_path):
    integra = fieldsets.load("integrationskonzept")
    document = exchange_document("Integra", {}, fieldset=integra,
                                 actions=[{"title": "Sprachcafé", "field_id": "sprache"}])
    peer = app.import_peer_file(process.id, "integra.json", as_file(document))
    before = dump(db_path)
    with pytest.raises(UnknownField):
        app.adopt_peer_action(process.id, peer.id, 0)
    with pytest.raises(UnknownPeer):
        app.adopt_peer_action(process.id, peer.id, 5)
    assert dump(db_path) == before
