"""The programme team's overview of many cities (werkstatt.peer_report, ``peers report``) and the
council report's page "Im Vergleich mit anderen Modellkommunen"."""

import pypdfium2 as pdfium
import pytest

from tests.conftest import seed_ratings
from tests.peer_documents import as_file, exchange_document
from werkstatt import cli
from werkstatt.peer_files import PeerFileRefused
from werkstatt.peer_report import council_page, overview_html, overview_pdf
from werkstatt.report import report_html, report_pdf

CITIES = {
    "Altstadt": {"zugang": [1, 1, 4, 4], "arbeit": [0, 3, 3, 4], "management": [2, 2, 2, 2]},
    "Bergheim": {"zugang": [0, 1, 2, 7], "arbeit": [1, 3, 3, 3], "management": [0, 4, 4, 2]},
    "Cranach": {"zugang": [5, 3, 2, 0], "arbeit": [4, 4, 1, 1], "management": [1, 5, 3, 1]},
    "Dörfen an der Isar": {"zugang": [2, 5, 2, 1], "arbeit": [0, 2, 6, 2]},
}
CARDS = [{"field_id": "arbeit", "kind": "gap", "text": "Anerkennung dauert zu lange", "dots": 6}]


def files() -> list[tuple[str, bytes]]:
    made = [(f"{name}.json", as_file(exchange_document(name, counts, cards=CARDS)))
            for name, counts in CITIES.items()]
    shorter = exchange_document("Kurzhausen", {"zugang": [3, 3, 3, 3]}, drop=("kommunikation",),
                                fieldset_id="wk-kurz")
    return made + [("kurzhausen.json", as_file(shorter))]


def text_of(document) -> str:
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


@pytest.fixture(scope="module")
def programme_pdf():
    document = pdfium.PdfDocument(overview_pdf(files()))
    yield document
    document.close()


def test_the_programme_report_has_a_cover_an_overview_and_a_page_per_field(programme_pdf):
    # title page with the cities, one page of overview (spread, agreement, gap themes), 7 fields
    assert len(programme_pdf) == 1 + 1 + 7
    text = text_of(programme_pdf)
    for name in [*CITIES, "Kurzhausen"]:
        assert name in text
    assert "Modellkommunen im Vergleich" in text and "Seite 9 von 9" in text
    assert "6 von 7" in text  # Kurzhausen's list has a field fewer


def test_the_overview_names_spread_agreement_and_the_gap_themes():
    html = overview_html(files())
    assert "Hier sind sich die Kommunen am einigsten" in html
    assert "Hier liegen sie am weitesten auseinander" in html
    # four cities each wrote the same gap in "Arbeit" (6 dots), Kurzhausen none: 4 cards, 24 dots
    assert "Die häufigsten Handlungsbedarfe" in html
    assert '<td>Arbeit und wirtschaftliche Entwicklung</td><td class="num strong">24</td><td class="num">4</td>' \
        in html
    assert "<script" not in html and "http" not in html.split("</title>")[1]


def test_a_broken_file_stops_the_programme_report_naming_it():
    with pytest.raises(PeerFileRefused, match="„kaputt.json“ wurde nicht eingelesen"):
        overview_html(files() + [("kaputt.json", b"{")])


def test_peers_report_on_the_command_line_writes_html_or_pdf_and_never_overwrites(tmp_path, capsys):
    paths = []
    for name, data in files():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    target = tmp_path / "vergleich.html"
    assert cli.main(["peers", "report", *paths, "--out", str(target)]) == 0
    assert "Dörfen an der Isar" in target.read_text(encoding="utf-8")
    assert "5 Kommunen" in capsys.readouterr().out
    assert cli.main(["peers", "report", *paths, "--out", str(target)]) == 1
    assert "gibt es schon" in capsys.readouterr().err
    assert cli.main(["peers", "report", *paths, "--out", str(tmp_path / "x.docx")]) == 1


def test_peers_import_list_and_remove_on_the_command_line(app, db_path, tmp_path, capsys):
    process = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", "geheim-123")
    paths = []
    for name, data in files()[:2] + [("kaputt.json", b"[")]:
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    assert cli.main(["--db", str(db_path), "peers", "import", "--process", str(process.id), *paths]) == 1
    out, err = capsys.readouterr()
    assert "Altstadt.json: eingelesen (Altstadt" in out and "„kaputt.json“ wurde nicht eingelesen" in err
    assert cli.main(["--db", str(db_path), "peers", "list", "--process", str(process.id)]) == 0
    listed = capsys.readouterr().out
    assert "Altstadt" in listed and "Bergheim" in listed
    first = app.peers(process.id)[0].id
    assert cli.main(["--db", str(db_path), "peers", "remove", "--process", str(process.id), str(first)]) == 0
    assert [p.name for p in app.peers(process.id)] == ["Bergheim"]


def test_the_council_report_gains_its_page_only_where_peers_were_imported(app, workshop):
    seed_ratings(app, app.set_live_step(workshop.id, "rating"), participants=12)
    process = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", "geheim-123",
                                 workshop_id=workshop.id)
    workshop = app.workshop(workshop.id)
    assert council_page(app, workshop, "de") is None
    assert "Im Vergleich mit anderen Modellkommunen" not in report_html(app, workshop.id)
    pages_before = len(pdfium.PdfDocument(report_pdf(app, workshop.id)))
    app.import_peer_files(process.id, files())
    page = council_page(app, workshop, "de")
    assert page["cities"] == "Altstadt, Bergheim, Cranach, Dörfen an der Isar, Kurzhausen"
    zugang = next(row for row in page["rows"] if row["title"] == "Fairer Zugang und Teilhabe")
    assert zugang["others"] == 5  # all five have "zugang" with enough answers
    # the pool of the five: 1+0+5+2+3, 1+1+3+5+3, 4+2+2+2+3, 4+7+0+1+3 = 11 12 13 15 (51 answers):
    # the 26th answer is on level 3
    assert zugang["pool"] == "3,0"
    html = report_html(app, workshop.id)
    assert html.count("Im Vergleich mit anderen Modellkommunen") == 2  # in the contents and as the heading
    document = pdfium.PdfDocument(report_pdf(app, workshop.id))
    assert len(document) == pages_before + 1
