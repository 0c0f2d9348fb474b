"""The sheet for the group tables, from a real SQLite file: one A4 page per group with its name
(as typed, markup too), its fields, the join code and both links, whose QR codes carry exactly
those links; and a page still holds all of it for the longest name over the most fields."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from tests.conftest import PIN
from werkstatt.addresses import qr_svg
from werkstatt.group_sheet import GroupLinks, group_links, group_sheet_html, group_sheet_pdf
from werkstatt.i18n import t

BASE = "http://192.168.178.23:8501"
MARKUP_NAME = "<b>Grüne & Co</b>"
A4 = (595, 842)  # points, rounded
INSTRUCTIONS = (
    "Gruppentablet",
    ("Scannen Sie diesen Code mit dem Tablet auf Ihrem Tisch: Alle Karten, die darauf geschrieben "
     "werden, zählen für diese Gruppe."),
    "Eigenes Handy oder Tablet",
    "Wer lieber auf dem eigenen Gerät schreibt, scannt diesen Code und ist gleich in dieser Gruppe.",
)


def pages(pdf: bytes) -> list[tuple[str, tuple[int, int]]]:
    """Each page's text, its white space made single spaces (lines wrap anywhere), and its size.
    pdfium reads a hyphen at the end of a line as a soft one (U+FFFE); here it is the hyphen of
    a host name that the line broke after."""
    document = pdfium.PdfDocument(pdf)
    return [(re.sub(r"\s+", " ", page.get_textpage().get_text_range().replace("\ufffe", "-")),
             tuple(round(x) for x in page.get_size()))
            for page in document]


def unwrapped(text: str) -> str:
    """A page's text without any white space: a link wrapped under its QR code reads whole again."""
    return re.sub(r"\s+", "", text)


def assert_only_its_links(text: str, links: GroupLinks) -> None:
    """Both links of the group whole on its page (the link for one's own device is the tablet's
    link without ``&tablet=1``, so it is looked for once that one is taken out), and no piece of
    another group's links (a link cut off at the bottom of a page goes on at the next one's top)."""
    rest = unwrapped(text)
    assert links.tablet in rest
    rest = rest.replace(links.tablet, "", 1)
    assert links.own_device in rest
    rest = rest.replace(links.own_device, "", 1)
    assert "teilnehmen" not in rest and "g=" not in rest


@pytest.fixture
def groups(app, workshop):
    return [app.add_group(workshop.id, MARKUP_NAME, ["management", "arbeit"]),
            app.add_group(workshop.id, "Gruppe Nord", ["zugang"]),
            app.add_group(workshop.id, "Gruppe Süd", list(app.fieldset(workshop).field_ids))]


def test_the_sheet_has_one_a4_page_per_group_with_its_name_fields_code_and_links(app, workshop, groups):
    fieldset = app.fieldset(workshop)
    sheet = pages(group_sheet_pdf(app, workshop.id, BASE))
    assert len(sheet) == len(groups) == 3
    for group, (text, size) in zip(groups, sheet):
        assert size == A4
        assert group.name in text  # "<b>Grüne & Co</b>" literally, tags and all
        for field_id in group.field_ids:
            assert fieldset.field(field_id).title.get("de") in text
        assert workshop.title in text and workshop.join_code in text
        links = group_links(BASE, workshop.join_code, group.id)
        assert f"g={group.id}&tablet=1" in links.tablet and f"g={group.id}" in links.own_device
        assert_only_its_links(text, links)
        for sentence in INSTRUCTIONS:
            assert t(sentence, "de") in text
    others = {g.name for g in groups} - {groups[0].name}
    assert not any(name in sheet[0][0] for name in others)  # no page speaks of another group


def test_the_links_are_the_consoles_and_the_qr_codes_carry_them(app, workshop, groups):
    html = group_sheet_html(app, workshop.id, BASE + "/")
    for group in groups:
        links = group_links(BASE, workshop.join_code, group.id)
        assert links.tablet == f"{BASE}/teilnehmen?code={workshop.join_code}&g={group.id}&tablet=1"
        assert links.own_device == f"{BASE}/teilnehmen?code={workshop.join_code}&g={group.id}"
        assert html.count(qr_svg(links.tablet)) == 1 and html.count(qr_svg(links.own_device)) == 1


def test_markup_in_a_group_name_or_the_title_is_printed_as_text(app, groups):
    workshop = app.create_workshop(title="<i>Werkstatt</i> & mehr", municipality="Musterstadt",
                                   facilitator_pin=PIN)
    app.add_group(workshop.id, MARKUP_NAME, ["management"])
    html = group_sheet_html(app, workshop.id, BASE)
    assert "&lt;b&gt;Grüne &amp; Co&lt;/b&gt;" in html and "<b>Grüne" not in html
    assert "&lt;i&gt;Werkstatt&lt;/i&gt; &amp; mehr" in html and "<i>Werkstatt" not in html


def test_the_longest_names_over_the_most_fields_still_fit_one_page_each(app):
    """A name may have 200 characters and the integration concept has nine fields, some long:
    each group keeps one page, and nothing of it is cut off at the bottom (a wrapped link once
    lost its last lines there, and the page count did not show it)."""
    workshop = app.create_workshop(title=("Ein sehr langer Titel für einen Workshop " * 5)[:200],
                                   municipality="Musterstadt", facilitator_pin=PIN,
                                   fieldset="integrationskonzept")
    fieldset = app.fieldset(workshop)
    every = list(fieldset.field_ids)
    six_longest = sorted(every, key=lambda f: -len(fieldset.field(f).title.get("de")))[:6]
    long_name = ("Gruppe mit einem Namen, der gerade nicht mehr kurz ist " * 2)[:89]
    very_long_name = ("Arbeitsgruppe Bürgerschaftliches Engagement " * 5)[:199]
    groups = [app.add_group(workshop.id, name + suffix, fields)
              for name in (very_long_name, "X" * 199, long_name, "Kurz")
              for suffix, fields in (("A", every), ("B", six_longest))]
    base = "https://werkstatt.stadtverwaltung-musterstadt-am-see.example.org"
    sheet = pages(group_sheet_pdf(app, workshop.id, base))
    assert len(sheet) == len(groups)
    for group, (text, _) in zip(groups, sheet):
        links = group_links(base, workshop.join_code, group.id)
        assert unwrapped(group.name) in unwrapped(text)
        assert_only_its_links(text, links)


def test_a_workshop_without_groups_has_an_empty_sheet(app, workshop):
    assert "<section" not in group_sheet_html(app, workshop.id, BASE)
