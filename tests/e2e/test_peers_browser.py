"""A task-force member reads three other cities' exchange files in, in a real browser, and reads
where Musterstadt stands in one field; then the programme team's overview of the same files as PDF.

Screenshots (tests/e2e/artifacts/): the tab at 1366×768 (whole page), its chart in the projector's
large type at 1280×800, and the first three pages of the programme report.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, DESKTOP, screenshot_whole_page, settle
from tests.peer_documents import as_file, exchange_document
from werkstatt.demo import seed_demo
from werkstatt.exchange import anonymised_json
from werkstatt.peer_report import overview_pdf

pytestmark = pytest.mark.browser

PASSWORD = "taskforce-Musterstadt-26"
FIELDS = ("management", "oeffnung", "zugang", "arbeit", "engagement", "zusammenhalt", "kommunikation")
PEERS = {  # answers per level 1–4, the same in every field
    "Kaiserslautern": [1, 2, 5, 4],
    "Neustadt": [3, 5, 2, 1],
    "Bergheim": [0, 3, 4, 5],
}
CARD = {"field_id": "zugang", "kind": "idea", "text": "Sprechstunde in drei Sprachen", "dots": 11}
ACTION = {"title": "Lotsenprogramm für Neuzugewanderte", "field_id": "zugang",
          "description": "Ehrenamtliche begleiten zu Ämtern."}


@pytest.fixture(scope="module")
def finished(werkstatt):
    workshop = seed_demo(werkstatt, participants=12)
    process = werkstatt.create_process("Weltoffene Kommune Musterstadt 2026", "Musterstadt", PASSWORD,
                                       workshop_id=workshop.id)
    return workshop, process


@pytest.fixture(scope="module")
def peer_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("peers")
    paths = []
    for name, counts in PEERS.items():
        document = exchange_document(name, {field: counts for field in FIELDS}, cards=[CARD], actions=[ACTION])
        path = folder / f"{name.lower()}.json"
        path.write_bytes(as_file(document))
        paths.append(path)
    return paths


def test_a_task_force_member_imports_three_files_and_reads_one_field(new_context, werkstatt, finished,
                                                                        peer_files):
    workshop, process = finished
    page = new_context(DESKTOP).new_page()
    # the sign-in itself is tests/e2e/test_task_force.py's; here the task force's link it leads to
    page.goto(f"/taskforce?tf={werkstatt.taskforce_login(process.code, PASSWORD)}")
    page.get_by_role("tab", name="Andere Kommunen", exact=True).click()
    expect(page.get_by_text("Noch keine Austauschdatei eingelesen.")).to_be_visible()

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(p) for p in peer_files])
    expect(page.get_by_text("neustadt.json")).to_be_visible()
    page.get_by_role("button", name="Einlesen").click()
    for name in PEERS:
        expect(page.get_by_text(f"„{name.lower()}.json“ eingelesen: {name}")).to_be_visible()
    expect(page.get_by_text("3 eingelesene Kommunen")).to_be_visible()

    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("Handlungsfeld", exact=True))
    box.scroll_into_view_if_needed()
    settle(page)
    box.get_by_role("combobox").click()
    page.get_by_role("option", name=re.compile("^Fairer Zugang und Teilhabe")).click()
    sentence = page.get_by_role("heading", name=re.compile(
        r"^Musterstadt liegt bei „Fairer Zugang und Teilhabe“ im (oberen|mittleren|unteren) Drittel von 4 Kommunen\.$"))
    expect(sentence).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").locator(".main-svg").first).to_be_attached()
    expect(page.get_by_text("Alle anderen zusammen · Median", exact=False).first).to_be_attached()
    expect(page.get_by_text("Sprechstunde in drei Sprachen").first).to_be_visible()
    settle(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot_whole_page(page, ARTIFACTS / "peers-tab-1366.png")

    # "Maßnahme übernehmen" on the others' action: it lands in our list, the source in its history
    page.get_by_role("button", name="Maßnahme übernehmen").last.click()
    expect(page.get_by_text(f"Maßnahme „{ACTION['title']}“ angelegt.")).to_be_visible()
    [adopted] = [a for a in werkstatt.actions(process.id) if a.title == ACTION["title"]]
    assert werkstatt.action_history(process.id, adopted.id)[0].note.startswith("Übernommen von ")

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_text("Große Schrift für den Beamer").click()
    expect(page.get_by_role("switch", name="Große Schrift für den Beamer")).to_be_checked()
    settle(page)  # the chart is drawn anew at the large size; the screenshot waits for it to be stable
    chart = page.get_by_test_id("stPlotlyChart")
    expect(chart.locator(".main-svg").first).to_be_attached()
    chart.screenshot(path=ARTIFACTS / "peers-chart-projector-1280.png")


def test_the_programme_report_of_the_same_files_is_saved_page_by_page(werkstatt, finished, peer_files):
    workshop, _ = finished
    files = [(p.name, p.read_bytes()) for p in peer_files] + [("musterstadt.json",
                                                                anonymised_json(werkstatt, workshop.id))]
    document = pdfium.PdfDocument(overview_pdf(files))
    text = document[0].get_textpage().get_text_range()
    assert all(name in text for name in [*PEERS, "Musterstadt"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for number in (1, 2, 3):
        path = ARTIFACTS / f"peers-report-page-{number}.png"
        document[number - 1].render(scale=100 / 72).to_pil().save(path)
        assert path.stat().st_size > 10_000
    document.close()
