"""The download buttons in a real browser: the facilitator's results page hands out the Excel
workbook, the council report as PDF and HTML (made on its own button) and the anonymised file;
the task force's "Dokumentation" tab the whole process. Each file is opened and checked, not
just received.

What AppTest cannot show: ``download_button`` with a callable builds the file only when the
browser asks for it, on a thread of its own.
"""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.e2e.conftest import settle
from werkstatt.demo import DEMO_PIN, DEMO_TASKFORCE_PASSWORD, seed_demo_process

pytestmark = pytest.mark.browser
REPORT_SECONDS = 90  # the first report starts kaleido's chromium: seconds, not milliseconds


@pytest.fixture(scope="module")
def demo(werkstatt):
    spring, autumn, process = seed_demo_process(werkstatt, participants=10)
    return spring, autumn, process


def _download(page: Page, label: str) -> bytes:
    """Click a download button and read the file (the button starts no rerun)."""
    with page.expect_download() as download:
        page.get_by_role("button", name=label, exact=True).first.click()
    return open(download.value.path(), "rb").read()


def test_the_results_page_hands_out_workbook_report_and_anonymised_file(new_context, base_url, werkstatt, demo):
    _, autumn, process = demo
    token = werkstatt.facilitator_login(autumn.join_code, DEMO_PIN)
    page = new_context().new_page()
    page.goto(f"{base_url}/ergebnisse?f={token}")
    expect(page.get_by_role("heading", name="Herunterladen")).to_be_visible()
    settle(page)

    book = load_workbook(io.BytesIO(_download(page, "Excel-Datei (.xlsx)")))
    assert book.sheetnames == ["Zusammenfassung", "Bewertungen", "Karten", "Maßnahmen", "Verlauf"]
    assert book["Zusammenfassung"].max_row == 1 + len(werkstatt.fieldset(autumn).fields)

    page.get_by_role("button", name="Bericht erstellen").click()
    expect(page.get_by_role("button", name="Bericht als PDF")).to_be_visible(timeout=REPORT_SECONDS * 1000)
    pdf = _download(page, "Bericht als PDF")
    assert pdf.startswith(b"%PDF")
    html = _download(page, "Bericht als Webseite (HTML)").decode()
    assert autumn.title in html and "<script" not in html

    anonymous = json.loads(_download(page, "Anonymisiert (JSON)"))
    assert anonymous["format"] == "werkstatt-exchange"
    names = [member.name for member in werkstatt.members(process.id)]
    assert not [name for name in names if name in json.dumps(anonymous, ensure_ascii=False)]


def test_the_task_force_downloads_the_whole_process(new_context, base_url, werkstatt, demo):
    spring, autumn, process = demo
    token = werkstatt.taskforce_login(process.code, DEMO_TASKFORCE_PASSWORD)
    page = new_context().new_page()
    page.goto(f"{base_url}/taskforce?tf={token}")
    page.get_by_role("tab", name="Dokumentation", exact=True).click()
    expect(page.get_by_role("heading", name="Der ganze Prozess")).to_be_visible()
    settle(page)

    book = load_workbook(io.BytesIO(_download(page, "Excel-Datei (.xlsx)")))
    workshops = {row[0].value for row in book["Zusammenfassung"].iter_rows(min_row=2)}
    assert workshops == {spring.title, autumn.title}
    assert book["Maßnahmen"].max_row == 1 + len(werkstatt.actions(process.id))

    bundle = json.loads(_download(page, "Ganzer Prozess für einen anderen Rechner (JSON)"))
    assert bundle["format"] == "werkstatt-transfer" and len(bundle["content"]["workshops"]) == 2
