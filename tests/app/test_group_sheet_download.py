"""The console's "Gruppen" tab in the real Streamlit runtime: the sheet for the tables as a PDF
download once there are groups, and each group's links unfolding in the page, not in a popover."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from tests.app.conftest import texts
from tests.conftest import PIN
from werkstatt.group_sheet import group_links

BASE = "http://192.0.2.10:8501"  # where the tablets reach the server (WERKSTATT_BASE_URL)
SHEET_KEY = "group_sheet_pdf"


@pytest.fixture
def deferred(monkeypatch):
    """What each deferred download would build, by file name: the PDF is made only when the
    button is pressed, in a thread of Streamlit's own, which AppTest never runs."""
    made = {}
    register = MediaFileManager.add_deferred

    def remember(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", remember)
    return made


@pytest.fixture
def groups_tab(app, workshop, open_page, monkeypatch):
    """Open the console's "Gruppen" tab."""
    monkeypatch.setenv("WERKSTATT_BASE_URL", BASE)

    def run():
        token = app.facilitator_login(workshop.join_code, PIN)
        at = open_page("pages/moderation.py", f=token)
        at.session_state["console_tab"] = "Gruppen"
        at.run()
        assert not at.exception, at.exception
        return at

    return run


def test_the_groups_tab_offers_the_sheet_for_the_tables_as_a_pdf(app, workshop, groups_tab, deferred):
    groups = [app.add_group(workshop.id, "<b>Grüne & Co</b>", ["management"]),
              app.add_group(workshop.id, "Gruppe Nord", ["zugang", "arbeit"])]
    at = groups_tab()
    button = at.download_button(key=SHEET_KEY)
    assert button.label == "QR-Codes für die Tische (PDF)"
    assert button.proto.deferred_file_id  # built on the click, not on every run of the page
    assert f"`{BASE}`" in texts(at)  # the caption says where the codes lead
    (file_name, build), = deferred.items()
    assert file_name == "selbstcheck-workshop-gruppen-qr-codes.pdf"
    pdf = build()
    assert pdf.startswith(b"%PDF") and len(pdfium.PdfDocument(pdf)) == len(groups)
    first_page = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert "<b>Grüne & Co</b>" in first_page


def test_without_groups_there_is_no_sheet_to_print(app, workshop, groups_tab, deferred):
    at = groups_tab()
    assert SHEET_KEY not in [b.key for b in at.download_button]
    assert deferred == {}
    assert "Noch keine Gruppen." in texts(at)


def test_each_group_shows_both_links_in_an_expander(app, workshop, groups_tab):
    north = app.add_group(workshop.id, "Gruppe Nord", ["zugang"])
    at = groups_tab()
    assert [e.label for e in at.expander if "QR-Codes" in e.label] == ["Links und QR-Codes"]
    links = group_links(BASE, workshop.join_code, north.id)
    shown = texts(at)
    assert f"`{links.tablet}`" in shown and f"`{links.own_device}`" in shown
    assert len(at.get("image")) == 2  # the two QR codes
