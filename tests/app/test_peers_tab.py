"""The task force's tab "Andere Kommunen" in the real Streamlit runtime (AppTest): the list of read-in
cities with "Entfernen", the fields each file is compared on, the rank sentence, the pool only from
three cities on, and "Maßnahme übernehmen". (Uploading files needs a browser: tests/e2e/test_peers_browser.py.)"""

import pytest

from tests.app.conftest import texts
from tests.peer_documents import as_file, exchange_document
from werkstatt import demo

TAB = "Andere Kommunen"
FIELDS = ("management", "oeffnung", "zugang", "arbeit", "engagement", "zusammenhalt", "kommunikation")
ACTION = {"title": "Lotsenprogramm für Neuzugewanderte", "field_id": "management"}


@pytest.fixture
def process(app):
    return demo.seed_demo_process(app, participants=12)[2]


@pytest.fixture
def tab(app, open_page):
    def run(process):
        token = app.taskforce_login(process.code, demo.DEMO_TASKFORCE_PASSWORD)
        at = open_page("pages/taskforce.py", tf=token)
        at.session_state["taskforce_tab"] = TAB
        at.run()
        assert not at.exception, at.exception
        return at
    return run


def read_in(app, process, names, **options):
    for name in names:
        document = exchange_document(name, {field: [1, 2, 5, 4] for field in FIELDS}, actions=[ACTION], **options)
        app.import_peer_file(process.id, f"{name}.json", as_file(document))


def test_without_files_the_tab_asks_for_them(app, process, tab):
    at = tab(process)
    assert "Noch keine Austauschdatei eingelesen." in texts(at)


def test_three_cities_give_a_rank_sentence_and_a_pool(app, process, tab):
    read_in(app, process, ["Altstadt", "Bergheim"])
    read_in(app, process, ["Kurzhausen"], drop=("kommunikation",), fieldset_id="wk-kurz")
    at = tab(process)
    shown = texts(at).replace("\\", "")  # markdown escapes of the typed names
    assert "3 eingelesene Kommunen" in shown
    assert "Kurzhausen**: 6 von 7 Feldern; ohne: Kommunikation und Konfliktmanagement" in shown
    assert "Musterstadt liegt bei „Management und Steuerung“ im" in shown
    assert "Drittel von 4 Kommunen." in shown
    table = at.dataframe[0].value
    assert table["Kommune"].tolist() == ["Musterstadt (wir)", "Altstadt", "Bergheim", "Kurzhausen",
                                         "Alle anderen zusammen"]


def test_under_three_cities_there_is_no_pool_and_no_rank(app, process, tab):
    read_in(app, process, ["Altstadt", "Bergheim"])
    at = tab(process)
    shown = texts(at)
    assert "liegt bei" not in shown
    assert "erst ab 3 anderen Kommunen mit Antworten in diesem Feld (bisher 2)" in shown
    assert "Alle anderen zusammen" not in at.dataframe[0].value["Kommune"].tolist()


def test_adopting_an_action_and_removing_a_city(app, process, tab):
    read_in(app, process, ["Altstadt"])
    at = tab(process)
    before = len(app.actions(process.id))
    at.button(key=next(b.key for b in at.button if b.key.startswith("adopt_") and "action_" in b.key)).click().run()
    assert not at.exception, at.exception
    assert len(app.actions(process.id)) == before + 1
    assert "Maßnahme „Lotsenprogramm für Neuzugewanderte“ angelegt." in texts(at)
    peer = app.peers(process.id)[0]
    at.button(key=f"peer_remove_{peer.id}").click().run()
    assert app.peers(process.id) == []
    assert "Noch keine Austauschdatei eingelesen." in texts(at)


def test_a_city_read_in_makes_the_saved_council_report_stale(app, process, tab):
    """The council report gains its page on the other cities: a report made before they were read
    in is not handed out again, the page asks to make it anew."""
    at = tab(process)
    at.session_state["taskforce_tab"] = "Dokumentation"
    at.run()
    workshop_id = at.selectbox(key="download_workshop").value
    make = f"workshop_{workshop_id}_make"
    at.button(key=make).click().run(timeout=120)
    assert not at.exception, at.exception
    at.run()
    assert not [b for b in at.button if b.key == make]  # made and kept: the downloads are offered
    read_in(app, process, ["Aachen"])
    at.run()
    assert [b for b in at.button if b.key == make]
