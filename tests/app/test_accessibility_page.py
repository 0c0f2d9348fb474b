"""The accessibility statement: German and English, the parts BITV 2.0 asks for, the operator's
contact and enforcement body from the settings (or a clear note to set them), and the way back."""

import pytest

from tests.app.conftest import texts
from werkstatt.settings import CONTACT_ENV, ENFORCEMENT_ENV

PAGE = "pages/barrierefreiheit.py"
SECTIONS = {
    "de": ["Stand der Vereinbarkeit mit den Anforderungen", "Was erfüllt ist", "Nicht barrierefreie Inhalte",
           "Erstellung dieser Erklärung", "Feedback und Kontaktangaben", "Durchsetzungsverfahren"],
    "en": ["Compliance status", "What is met", "Non-accessible content", "Preparation of this statement",
           "Feedback and contact information", "Enforcement procedure"],
}


def _links(at) -> list[tuple[str, str, str]]:
    return [(link.proto.page, link.proto.label, link.proto.query_string) for link in at.get("page_link")]


@pytest.mark.parametrize("language, title, status, date", [
    ("de", "Erklärung zur Barrierefreiheit", "**teilweise**", "23.11.2026"),
    ("en", "Accessibility statement", "**partially**", "Nov 23, 2026"),
])
def test_the_statement_has_every_part_in_both_languages(app, open_page, monkeypatch, language, title, status,
                                                        date):
    monkeypatch.delenv(CONTACT_ENV, raising=False)
    monkeypatch.delenv(ENFORCEMENT_ENV, raising=False)
    at = open_page(PAGE, **({"lang": language} if language != "de" else {}))
    assert at.title[0].value == title
    assert [h.value for h in [*at.header, *at.subheader]] == [
        SECTIONS[language][0], SECTIONS[language][3], SECTIONS[language][4], SECTIONS[language][5],
        SECTIONS[language][1], SECTIONS[language][2]]
    page = texts(at)
    assert status in page and date in page and "axe-core" in page
    assert "schlichtungsstelle-bgg.de" in page
    # Unset, both settings say what the operator must fill in, and no address is invented.
    note = "Noch nicht eingetragen. Hinweis für die Betreiberin" if language == "de" else \
        "Not set yet. Note for the operator"
    assert [w.value.split(":")[0] for w in at.warning] == [note, note]
    assert f"`{CONTACT_ENV}`" in at.warning[0].value and f"`{ENFORCEMENT_ENV}`" in at.warning[1].value


def test_the_operators_contact_and_enforcement_body_are_shown_as_written(app, open_page, monkeypatch):
    monkeypatch.setenv(CONTACT_ENV, "Stadt Musterstadt, Barrierefreiheit\n"
                                    "barrierefreiheit@musterstadt.example")
    monkeypatch.setenv(ENFORCEMENT_ENV, "Durchsetzungsstelle des Landes *Musterland*")
    at = open_page(PAGE)
    assert not at.warning
    shown = [m.value for m in at.markdown]
    # Line breaks kept, nothing read as markup (the asterisks stay asterisks).
    assert r"Stadt Musterstadt, Barrierefreiheit  " + "\n" + r"barrierefreiheit@musterstadt\.example" in shown
    assert r"Durchsetzungsstelle des Landes \*Musterland\*" in shown


def _html(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def test_the_back_link_returns_a_participant_to_their_tablet(app, workshop, open_page):
    """The participants' page is a route of ``werkstatt.web``: a plain link in this tab, with the
    token and the participant's language, and nothing from the URL unquoted."""
    token = app.join(workshop.join_code).token
    at = open_page(PAGE, t=token)
    assert f'<a class="ws-route ws-back" href="/teilnehmen?t={token}">Zurück</a>' in _html(at)
    assert not [link for link in _links(at) if link[1] == "Zurück"]
    at = open_page(PAGE, t=token, lang="tr")
    assert f'href="/teilnehmen?t={token}&amp;lang=tr"' in _html(at)
    at = open_page(PAGE, t='"><script>alert(1)</script>', lang="xx")
    assert 'href="/teilnehmen?t=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"' in _html(at)
    assert "<script" not in _html(at).split("ws-back", 1)[1]


def test_without_a_token_the_back_link_goes_to_the_start(app, open_page):
    at = open_page(PAGE, lang="en")
    page, label, query = _links(at)[0]
    # "" under navigation.py; "start" where Streamlit ran the page file on its own (its old
    # multipage mode, as AppTest does for every page but the first): both open pages/start.py.
    assert (label, query) == ("Back", "lang=en") and page in ("", "start")


def test_the_start_page_links_to_the_statement(app, open_page):
    at = open_page("pages/start.py")
    assert ("barrierefreiheit", "Erklärung zur Barrierefreiheit", "") in _links(at)
