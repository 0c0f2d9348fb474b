"""The translator's workflow: extraction, update with fuzzy marks, compilation and the check.

The first test is the gate of the suite: a text added to the code without its translations in
every required language (or with other placeholders than the German) fails here, with the
same table ``python -m werkstatt i18n check`` prints.
"""

from __future__ import annotations

import gettext
import pathlib
import textwrap

import pytest

from werkstatt import catalogues


def test_every_required_language_is_complete():
    reports = catalogues.check()
    assert {(r.lang, r.domain) for r in reports} == {
        ("en", "werkstatt"), ("en", "participant"), ("tr", "participant"), ("ar", "participant"),
        ("ru", "participant"), ("uk", "participant")}
    assert all(r.total > 100 for r in reports)
    assert [r for r in reports if not r.complete] == [], catalogues.summary(reports)


def test_the_files_in_git_are_what_make_translations_writes(tmp_path):
    """Nobody has to run ``make translations`` after a clean checkout: the .po files are current."""
    assert catalogues.extract_and_update(dry_run=True) == []


def _write(root: pathlib.Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(textwrap.dedent(text))


@pytest.fixture
def project(tmp_path) -> pathlib.Path:
    """A tiny project: a participant route, a console module, a report template."""
    _write(tmp_path, "werkstatt/web/routes.py", """
        def page(lang, n):
            return t("Hallo {name}!", lang, name="Ada") + nt("{n} Karte", "{n} Karten", n, lang)
    """)
    _write(tmp_path, "werkstatt/console.py", """
        LABELS = {"lock": N_("Eingabe sperren"), "kind": P_("Idee")}
        def title(lang):
            return f"{t('Ablauf', lang)}: {pt('agenda step', 'Punkte vergeben', lang)}"
    """)
    _write(tmp_path, "werkstatt/templates/report.html", """
        <h1>{{ _("Bericht") }}</h1><p>{{ ngettext("{n} Punkt", "{n} Punkte", dots) }}</p>
    """)
    return tmp_path


def _translate(root, lang, domain, texts):
    catalog = catalogues.read(lang, domain, root)
    for message in catalog:
        if message.id in texts:
            message.string = texts[message.id]
    catalogues.write(catalog, lang, domain, root)


def test_extraction_sorts_texts_into_the_two_domains(project):
    domains = catalogues.templates(project)
    participant = {(m.context, m.id) for m in domains["participant"] if m.id}
    console = {(m.context, m.id) for m in domains["werkstatt"] if m.id}
    assert participant == {(None, "Hallo {name}!"), (None, ("{n} Karte", "{n} Karten")), (None, "Idee")}
    assert console == {(None, "Eingabe sperren"), (None, "Ablauf"), ("agenda step", "Punkte vergeben"),
                       (None, "Bericht"), (None, ("{n} Punkt", "{n} Punkte"))}
    assert domains["participant"].get("Hallo {name}!").locations == [("werkstatt/web/routes.py", 3)]


def test_a_changed_german_text_keeps_its_translation_as_fuzzy(project):
    catalogues.extract_and_update(project)
    _translate(project, "en", "werkstatt", {"Eingabe sperren": "Lock input", "Ablauf": "Agenda"})
    _write(project, "werkstatt/console.py", """
        LABELS = {"lock": N_("Eingabe jetzt sperren"), "kind": P_("Idee")}
        def title(lang):
            return t('Ablauf', lang)
    """)
    changed = catalogues.extract_and_update(project)
    assert catalogues.po_path("en", "werkstatt", project) in changed
    catalog = catalogues.read("en", "werkstatt", project)
    entry = catalog.get("Eingabe jetzt sperren")
    assert entry.fuzzy and entry.string == "Lock input"
    # the translator sees the German it was made for beside the new one
    assert '#| msgid "Eingabe sperren"\nmsgid "Eingabe jetzt sperren"' in \
        catalogues.po_path("en", "werkstatt", project).read_text()
    assert catalog.get("Eingabe sperren") is None and catalog.get("Ablauf").string == "Agenda"
    report = next(r for r in catalogues.check(project) if (r.lang, r.domain) == ("en", "werkstatt"))
    assert not report.complete and report.fuzzy == ["Eingabe jetzt sperren"]
    assert "Bericht" in report.untranslated
    # a fuzzy translation is not compiled: the screen shows German until a person confirms it
    catalogues.compile_all(project)
    with catalogues.po_path("en", "werkstatt", project).with_suffix(".mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    assert compiled.gettext("Eingabe jetzt sperren") == "Eingabe jetzt sperren"
    assert compiled.gettext("Ablauf") == "Agenda"


def test_a_run_without_changes_writes_nothing(project):
    assert len(catalogues.extract_and_update(project)) == 6  # en for both domains, four more for phones
    assert catalogues.extract_and_update(project) == []


def test_the_check_finds_wrong_placeholders_and_a_wrong_plural_header(project):
    catalogues.extract_and_update(project)
    _translate(project, "ru", "participant", {
        "Hallo {name}!": "Привет, {имя}!",
        ("{n} Karte", "{n} Karten"): ("{n} карточка", "{n} карточки", "{n} карточек"),
        "Idee": "Идея"})
    report = next(r for r in catalogues.check(project) if (r.lang, r.domain) == ("ru", "participant"))
    assert report.translated == 3 and len(report.placeholders) == 1 and "Hallo" in report.placeholders[0]
    assert not report.plural_forms


@pytest.mark.parametrize("message, translation, ok", [
    ("Noch {left} von {budget}", "{left} of {budget} left", True),
    ("Noch {left} von {budget}", "{left} left", False),
    ("Noch {left}", "{left} of {budget} left", False),
    (("{n} Karte", "{n} Karten"), ("بطاقة واحدة", "{n} بطاقات"), True),  # a form may say the number in words
    (("{field}: {n} Karte", "{field}: {n} Karten"), ("{n} card", "{field}: {n} cards"), False),
])
def test_placeholders_must_match_the_german(message, translation, ok):
    assert (catalogues.placeholder_problem(message, translation) == "") is ok
