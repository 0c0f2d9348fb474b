"""The published report, HTML and PDF, from a real SQLite file: what it shows, what it never shows
(member names, markup from card texts, anything fetched from outside), and that the PDF is a
document: title page, contents with the right page numbers, one section per field, page numbers.

The demo process is seeded and rendered once per module: a report draws nine charts through
kaleido (about 0.3 s each, plus about 4 s for the first Chromium start in the process).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from tests.conftest import CHEAP_HASHER, PIN, seed_ratings
from werkstatt import catalogues, demo
from werkstatt.actions import Member
from werkstatt.i18n import t
from werkstatt.report import _public_owner, report_html, report_pdf
from werkstatt.service import Werkstatt

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
TRICKY_CARDS = [
    ("gap", "<script>alert(1)</script>"),
    ("gap", "**fett** und _kursiv_ [Link](javascript:alert(1))"),
    ("strength", "Sommerfest 🎉 mit allen Nachbarn"),
    ("gap", "Ärger über Öffnungszeiten"),
    ("idea", "مرحبا بالجميع – Привет всем"),
]


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    app = Werkstatt(tmp_path_factory.mktemp("report") / "werkstatt.db", password_hasher=CHEAP_HASHER)
    spring, autumn, process = demo.seed_demo_process(app)
    yield app, autumn, process
    app.store.close()


@pytest.fixture(scope="module")
def demo_html(demo_app):
    app, autumn, _ = demo_app
    return report_html(app, autumn.id)


@pytest.fixture(scope="module")
def demo_pdf(demo_app):
    app, autumn, _ = demo_app
    started = time.perf_counter()
    data = report_pdf(app, autumn.id)
    print(f"report_pdf of the demo: {time.perf_counter() - started:.1f} s, {len(data) // 1024} KB")
    document = pdfium.PdfDocument(data)
    yield data, document
    document.close()


def page_text(document, index: int) -> str:
    textpage = document[index].get_textpage()
    return textpage.get_text_range().replace("\r\n", "\n")


# --- HTML -----------------------------------------------------------------------------------

def test_the_demo_report_shows_results_cards_actions_and_comparisons(demo_app, demo_html):
    app, autumn, process = demo_app
    fieldset = app.fieldset(autumn)
    assert "Musterstadt" in demo_html
    for field in fieldset.fields:
        assert html.escape(field.title.get("de")) in demo_html
    top_gap = max((c for c in app.board(autumn.id) if c.votable), key=lambda c: c.dots)
    assert html.escape(top_gap.text) in demo_html
    for action in app.actions(process.id):
        assert html.escape(action.title) in demo_html
    assert "Selbstcheck" in demo_html
    assert 'id="selbstcheck"' in demo_html and 'id="vergleich"' in demo_html
    assert "Selbstcheck-Workshop Frühjahr" in demo_html  # the previous workshop it is compared with


def test_the_html_is_self_contained_with_one_inline_svg_per_chart(demo_html):
    assert "<script" not in demo_html.lower()
    assert "http://" not in demo_html and "https://" not in demo_html
    assert "<link" not in demo_html and "<img" not in demo_html
    svgs = re.findall(r"<svg\b[^>]*>", demo_html)
    assert len(svgs) == 7 + 2  # a distribution per field, the overview, the self-check
    assert all('role="img"' in svg and "aria-label=" in svg for svg in svgs)
    assert demo_html.count("<title>") == 1 + len(svgs)  # the page's and one per chart
    assert "<?xml" not in demo_html


def test_no_member_name_appears_only_organisations(demo_html):
    for name, organisation, _sector in demo.MEMBERS:
        assert name not in demo_html
    assert "Caritasverband" in demo_html  # an organisation as owner
    assert "Jugendparlament" in demo_html  # a member shown by their organisation


def test_card_texts_and_titles_are_shown_literally_never_as_markup(app):
    workshop = app.create_workshop(title="Workshop <b>fett</b> & Co", municipality="Neustadt <i>a. d. W.</i>",
                                   facilitator_pin=PIN, date="2026-11-23", place="Rathaus")
    app.set_live_step(workshop.id, "rating")
    tokens = seed_ratings(app, workshop, participants=8)
    groups = app.add_default_groups(workshop.id)
    app.set_live_step(workshop.id, "cards")
    app.choose_group(tokens[0], groups[0].id)
    field_id = groups[0].field_ids[0]
    for kind, text in TRICKY_CARDS:
        app.add_card(tokens[0], field_id, kind, text)

    page = report_html(app, workshop.id)

    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "**fett** und _kursiv_ [Link](javascript:alert(1))" in page
    assert "Sommerfest 🎉 mit allen Nachbarn" in page
    assert "Ärger über Öffnungszeiten" in page
    assert "مرحبا بالجميع – Привет всем" in page
    assert "Workshop &lt;b&gt;fett&lt;/b&gt; &amp; Co" in page and "<b>fett</b>" not in page
    assert "Neustadt &lt;i&gt;a. d. W.&lt;/i&gt;" in page


def test_a_workshop_without_process_or_self_check_renders_without_comparisons(app, rating_workshop):
    seed_ratings(app, rating_workshop, participants=12)
    page = report_html(app, rating_workshop.id, lang="en")

    assert '<html lang="en">' in page and "Contents" in page
    assert 'id="selbstcheck"' not in page and 'id="vergleich"' not in page
    assert t("Vereinbarte Maßnahmen", "en") not in page  # no process, so no actions
    assert t("Keine Karten.", "en") in page
    assert len(re.findall(r"<svg\b", page)) == len(app.fieldset(rating_workshop).fields) + 1


def test_the_title_page_never_shows_a_sector_with_fewer_than_three_people(app, rating_workshop):
    seed_ratings(app, rating_workshop, participants=12)  # 12 people over 7 sectors: some are small
    page = report_html(app, rating_workshop.id)

    table = re.search(r'<table class="data sectors">(.*?)</table>', page, flags=re.S).group(1)
    counts = re.findall(r'<td class="num">([^<]+)</td>', table)
    assert counts
    assert all(count == "weniger als 3" or int(count) >= 3 for count in counts)
    people = sum(app.participants_by_sector(rating_workshop.id).values())
    assert f"<td>{people}</td>" in page


def test_owners_are_published_as_organisations_never_as_names():
    members = {1: Member(1, "Sabine Keller", "Integrationsbüro", None), 2: Member(2, "Max Muster", "", None),
               3: Member(3, None, "Caritas", None), 4: Member(4, None, "", None)}
    assert _public_owner("member:1", members, "de") == "Integrationsbüro"
    assert _public_owner("member:2", members, "de") == "Taskforce-Mitglied"
    assert _public_owner("member:3", members, "de") == "Caritas"
    assert _public_owner("member:4", members, "de") == "ehemaliges Mitglied"
    assert _public_owner("org:Stadtbibliothek", members, "de") == "Stadtbibliothek"
    assert _public_owner("", members, "en") == "nobody yet"


def test_every_text_the_template_asks_for_is_in_the_english_catalogue():
    """The template's ``_()`` calls are extracted like the code's, and English has each of them."""
    asked = [(domain, m) for domain, catalog in catalogues.templates().items() for m in catalog
             if any(path == "werkstatt/templates/report.html" for path, _ in m.locations)]
    assert len(asked) > 20
    english = {domain: catalogues.read("en", domain) for domain in ("werkstatt", "participant")}
    assert [m.id for domain, m in asked if not english[domain].get(m.id, m.context).string] == []


def test_without_chromium_the_report_says_what_to_install(tmp_path):
    script = (
        "from werkstatt.service import Werkstatt\n"
        "from werkstatt.report import report_html\n"
        "from tests.conftest import CHEAP_HASHER\n"
        f"app = Werkstatt({str(tmp_path / 'w.db')!r}, password_hasher=CHEAP_HASHER)\n"
        "ws = app.create_workshop(title='T', municipality='M', facilitator_pin='4711')\n"
        "report_html(app, ws.id)\n"
    )
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "BROWSER_PATH": "/nonexistent/chromium", "HOME": str(tmp_path)})
    assert result.returncode != 0
    assert "RuntimeError: The report's charts could not be drawn" in result.stderr
    assert "apt-get install chromium" in result.stderr
    assert time.perf_counter() - started < 60  # an error, not a hang


# --- PDF ------------------------------------------------------------------------------------

def test_the_pdf_is_an_a4_document_with_contents_and_page_numbers(demo_app, demo_pdf):
    app, autumn, _ = demo_app
    data, document = demo_pdf
    fieldset = app.fieldset(autumn)
    pages = len(document)
    assert data.startswith(b"%PDF")
    # title page, contents, overview, self-check, previous workshop, and a page break before each field
    assert pages >= 5 + len(fieldset.fields)
    width, height = document[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)

    contents = page_text(document, 1)
    assert contents.startswith("Inhalt")
    starts = []
    for number, field in enumerate(fieldset.fields, start=1):
        heading = f"{number}. {field.title.get('de')}"
        entry = re.search(re.escape(heading) + r"\s*\.*\s*(\d+)", contents)
        assert entry, f"{heading} is not in the contents"
        starts.append(int(entry.group(1)))
        assert heading in page_text(document, starts[-1] - 1)  # the contents point to the right page
    assert starts == sorted(set(starts)) and starts[0] >= 4
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    document[starts[0] - 1].render(scale=100 / 72).to_pil().save(ARTIFACTS / "report_first_field_page.png")

    assert f"Seite {pages} von {pages}" in page_text(document, pages - 1)
    assert "Seite" not in page_text(document, 0)  # the title page has no page number
    bookmarks = [item.get_title() for item in document.get_toc()]
    assert all(f"{n}. {f.title.get('de')}" in bookmarks for n, f in enumerate(fieldset.fields, start=1))


def test_the_pdf_charts_are_vector_and_the_pages_are_saved_for_a_look(demo_pdf):
    _, document = demo_pdf
    images = [obj for index in range(len(document))
              for obj in document[index].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    assert images == []  # no raster charts: the SVG stays vector, its text stays text
    assert "Anteil aller Rückmeldungen" in page_text(document, len(document) - 1)

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for number in (1, 3):
        path = ARTIFACTS / f"report_page_{number}.png"
        document[number - 1].render(scale=100 / 72).to_pil().save(path)
        assert path.stat().st_size > 10_000
