"""Own fieldsets (issue 17): made in the app, stored by lineage and version, a workshop keeps the
version it was created on; every refused input names the place to fix and stores nothing."""

from __future__ import annotations

import copy

import pytest

from werkstatt import fieldset_drafts as drafts
from werkstatt.errors import InvalidInput, OrganizerNotAuthorized
from werkstatt.fieldsets import FieldsetError, load_fieldset
from werkstatt.own_fieldsets import parse_ref
from werkstatt.service import Werkstatt

KAISERSLAUTERN = (
    ("Bildung, Beruf, Arbeit, Übergang in Arbeit, Selbständigkeit",
     "Junge und erwachsene Zugewanderte finden den Weg in Ausbildung, Arbeit und Selbständigkeit."),
    ("Sprachförderung", "Wer Deutsch lernen will, findet einen passenden Kurs."),
    ("Begegnung, Toleranz, Sicherheit, Integrationsprobleme",
     "Alteingesessene und Neue begegnen sich; Konflikte werden offen angesprochen."),
    ("Ehrenamt, Partizipation", "Zugewanderte engagieren sich und reden mit."),
    ("Wohnbedarfe und Wohnraumversorgung", "Es gibt bezahlbaren Wohnraum für alle."),
)


def kaiserslautern() -> dict:
    draft = drafts.blank_draft()
    draft["title"] = "Integrationskonzept Kaiserslautern 2019"
    draft["fields"] = [{"id": "", "title": title, "description": text, "questions": "Was läuft gut?\nWas fehlt?"}
                       for title, text in KAISERSLAUTERN]
    return draft


def stored(app: Werkstatt) -> list[dict]:
    return app.store._rows("SELECT lineage, version FROM own_fieldsets ORDER BY lineage, version")


def test_a_draft_becomes_a_list_a_workshop_can_use(app: Werkstatt) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    assert (own.lineage, own.version, own.ref) == (
        "integrationskonzept-kaiserslautern-2019", 1, "own:integrationskonzept-kaiserslautern-2019@1")
    fieldset = own.fieldset
    assert fieldset.id == own.ref
    assert [f.title.get("de") for f in fieldset.fields] == [title for title, _ in KAISERSLAUTERN]
    assert fieldset.field_ids[:2] == ("bildung-beruf-arbeit-uebergang-in-arbeit", "sprachfoerderung")
    assert fieldset.fields[0].questions[1].get("de") == "Was fehlt?"
    assert fieldset.scale.values == (1, 2, 3, 4) and fieldset.scale.dont_know is not None
    assert own.ref in [f.id for f in app.fieldset_choices()]
    workshop = app.create_workshop("Workshop", "Kaiserslautern", "4711", fieldset=own.ref)
    assert app.fieldset(workshop) == fieldset
    assert list(app.summary(workshop.id)["field_id"]) == list(fieldset.field_ids)


def test_editing_an_unused_list_changes_it_in_place(app: Werkstatt) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    draft = drafts.draft_from_fieldset(own.fieldset)
    draft["fields"][1]["title"] = "Sprache und Sprachförderung"
    edited = app.save_own_fieldset(draft, own.lineage)
    assert edited.version == 1
    assert edited.fieldset.fields[1].title.get("de") == "Sprache und Sprachförderung"
    assert edited.fieldset.fields[1].id == "sprachfoerderung"  # a renamed field keeps its id
    assert stored(app) == [{"lineage": own.lineage, "version": 1}]


def test_editing_a_used_list_makes_a_new_version_and_the_workshop_keeps_its_own(app: Werkstatt) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    workshop = app.create_workshop("Frühjahr", "Kaiserslautern", "4711", fieldset=own.ref)
    draft = drafts.draft_from_fieldset(own.fieldset)
    draft["fields"].append({"id": "", "title": "Gesundheit", "description": "Gute Versorgung für alle.",
                            "questions": ""})
    del draft["fields"][3]
    second = app.save_own_fieldset(draft, own.lineage)
    assert second.version == 2 and second.ref == f"own:{own.lineage}@2"
    assert len(app.fieldset(workshop).fields) == 5  # the spring workshop still has its five fields
    assert "gesundheit" not in app.fieldset(workshop).field_ids
    assert [o.ref for o in app.own_fieldsets()] == [second.ref]
    autumn = app.create_workshop("Herbst", "Kaiserslautern", "4711", fieldset=second.ref)
    difference = app.version_difference(workshop.fieldset_id, autumn.fieldset_id)
    assert (difference.before, difference.after) == (1, 2)
    assert difference.added == ("Gesundheit",) and difference.removed == ("Ehrenamt, Partizipation",)
    assert app.version_difference(workshop.fieldset_id, workshop.fieldset_id) is None


def test_workshops_on_two_versions_of_one_list_share_a_process(app: Werkstatt) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    spring = app.create_workshop("Frühjahr", "Kaiserslautern", "4711", fieldset=own.ref)
    process = app.create_process("Integrationskonzept", "Kaiserslautern", "taskforce-2026", workshop_id=spring.id)
    draft = drafts.draft_from_fieldset(own.fieldset)
    draft["fields"][0]["questions"] += "\nWer fehlt?"
    second = app.save_own_fieldset(draft, own.lineage)
    autumn = app.create_workshop("Herbst", "Kaiserslautern", "4711", fieldset=second.ref)
    assert app.add_workshop_to_process(autumn.id, process.code, "taskforce-2026").id == process.id
    other = app.create_workshop("Andere Liste", "Kaiserslautern", "4711")
    with pytest.raises(InvalidInput, match="dieselbe Feldliste"):
        app.add_workshop_to_process(other.id, process.code, "taskforce-2026")
    frame = app.comparison(spring.id, autumn.id)
    assert list(frame["field_id"]) == list(second.fieldset.field_ids)


def test_copy_of_a_template_is_a_new_list_with_its_own_ids(app: Werkstatt) -> None:
    draft = app.template_draft("weltoffene-kommune")
    assert draft["title"] == "Selbstcheck Weltoffene Kommune (Kopie)" or draft["title"].endswith("(Kopie)")
    assert len(draft["fields"]) == 7 and all(f["id"] == "" for f in draft["fields"])
    own = app.save_own_fieldset(draft)
    assert len(own.fieldset.fields) == 7
    assert own.fieldset.scale.values == (1, 2, 3, 4)
    assert own.fieldset.verdict == app.fieldset_by_id("weltoffene-kommune").verdict


def test_an_unused_list_can_be_deleted_a_used_one_not(app: Werkstatt) -> None:
    unused = app.save_own_fieldset(kaiserslautern())
    app.delete_own_fieldset(unused.lineage)
    assert stored(app) == []
    used = app.save_own_fieldset(kaiserslautern())
    app.create_workshop("Workshop", "Kaiserslautern", "4711", fieldset=used.ref)
    with pytest.raises(InvalidInput, match="nutzen schon 1 Workshops"):
        app.delete_own_fieldset(used.lineage)
    assert stored(app) == [{"lineage": used.lineage, "version": 1}]


def broken(**changes) -> dict:
    draft = kaiserslautern()
    for key, value in changes.items():
        draft[key] = value
    return draft


def with_field(index: int, **parts) -> dict:
    draft = kaiserslautern()
    draft["fields"][index].update(parts)
    return draft


REFUSED = {
    "no title": (broken(title="  "), r"Titel der Liste: Hier fehlt ein Text"),
    "no fields": (broken(fields=[]), r"Felder: Die Feldliste enthält keine Felder"),
    "empty field title": (with_field(2, title=""), r"Feld 3 · Titel: Hier fehlt ein Text"),
    "empty description": (with_field(0, description=" "), r"Feld 1 · Kurzbeschreibung: Hier fehlt ein Text"),
    "duplicate title": (with_field(4, title="sprachförderung"), r"Feld 5 · Titel: .*schon bei Feld 2"),
    "one level": (broken(levels=["nur eine"]), r"Skala: Die Skala hat weniger als zwei Stufen"),
    "eight levels": (broken(levels=[f"Stufe {i}" for i in range(8)]), r"Skala: Die Skala hat 8 Stufen"),
    "empty level": (broken(levels=["wenig", "", "viel"]), r"Stufe 2 · Bezeichnung: Hier fehlt ein Text"),
    "long title": (with_field(1, title="x" * 121), r"Feld 2 · Titel: Der Text ist 121 Zeichen lang, erlaubt sind 120"),
    "long question": (with_field(1, questions="y" * 301), r"Feld 2 · Leitfragen 1: .*301 Zeichen"),
    "strength off the scale": (broken(strength=6.0), r"Stärke ab Median: .*von 1 bis 4"),
    "consensus over 1": (broken(contested=1.5), r"Umstritten unter Konsens: .*von 0 bis 1"),
    "min answers 0": (broken(min_answers=0), r"Mindestzahl an Antworten: .*ganze Zahl ab 1"),
    "too many fields": (broken(fields=[{"id": "", "title": f"Feld {i}", "description": "d", "questions": ""}
                                       for i in range(31)]), r"Felder: Die Feldliste hat 31 Felder"),
}


@pytest.mark.parametrize(("draft", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_a_refused_draft_names_the_box_and_stores_nothing(app: Werkstatt, draft: dict, message: str) -> None:
    before = copy.deepcopy(draft)
    with pytest.raises(FieldsetError, match=message) as error:
        app.save_own_fieldset(draft)
    assert all("Bitte" in problem.text for problem in error.value.problems)
    assert stored(app) == []
    assert draft == before  # the editor keeps everything that was typed


def test_every_problem_of_a_draft_is_named_at_once(app: Werkstatt) -> None:
    draft = with_field(2, title="")
    draft["levels"] = [f"Stufe {i}" for i in range(8)]
    draft["fields"][4]["title"] = "Sprachförderung"
    with pytest.raises(FieldsetError) as error:
        app.save_own_fieldset(draft)
    places = [problem.place for problem in error.value.problems]
    assert places == ["Skala", "Feld 3 · Titel", "Feld 5 · Titel"]


def test_a_refused_edit_leaves_the_stored_version_as_it_was(app: Werkstatt) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    draft = drafts.draft_from_fieldset(own.fieldset)
    draft["fields"][0]["title"] = ""
    with pytest.raises(FieldsetError):
        app.save_own_fieldset(draft, own.lineage)
    assert app.fieldset_by_id(own.ref) == own.fieldset


def test_yaml_export_loads_with_the_file_loader_and_is_equal(app: Werkstatt, tmp_path) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    app.set_own_translation(own.lineage, "en", {"title": "Integration concept", "fields.sprachfoerderung.title":
                                                "Language support"})
    text = app.fieldset_yaml(own.ref)
    path = tmp_path / f"{own.lineage}.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_fieldset(path)
    assert loaded.id == own.lineage
    assert loaded == app.fieldset_by_id(own.ref).__class__(**{**app.fieldset_by_id(own.ref).__dict__,
                                                              "id": own.lineage})
    assert loaded.field("sprachfoerderung").title.get("en") == "Language support"


def test_shipped_fieldsets_export_as_yaml_too(app: Werkstatt, tmp_path) -> None:
    path = tmp_path / "integrationskonzept.yaml"
    path.write_text(app.fieldset_yaml("integrationskonzept"), encoding="utf-8")
    assert load_fieldset(path) == app.fieldset_by_id("integrationskonzept")


def test_yaml_import_makes_a_new_list_beside_the_shipped_one(app: Werkstatt) -> None:
    own = app.import_own_fieldset("weltoffene-kommune.yaml", app.fieldset_yaml("weltoffene-kommune").encode())
    assert own.lineage == "weltoffene-kommune-2"
    assert own.fieldset.field_ids == app.fieldset_by_id("weltoffene-kommune").field_ids
    assert own.fieldset.field("zugang").title.get("tr")  # the translations came along


def test_translations_fill_texts_and_the_rest_falls_back_to_german(app: Werkstatt) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    assert "fields.sprachfoerderung.title" in own.fieldset.missing("tr")
    translated = app.set_own_translation(own.lineage, "tr", {"fields.sprachfoerderung.title": "Dil desteği"})
    field = translated.fieldset.field("sprachfoerderung")
    assert field.title.marked("tr") == "Dil desteği"
    assert field.description.marked("tr") == "\u2068Wer Deutsch lernen will, findet einen passenden Kurs. (Deutsch)\u2069"
    assert "fields.sprachfoerderung.title" not in translated.fieldset.missing("tr")
    workshop = app.create_workshop("Workshop", "Kaiserslautern", "4711", fieldset=own.ref)
    later = app.set_own_translation(own.lineage, "tr", {"title": "Entegrasyon"})  # a used version takes it
    assert later.version == 1 and app.fieldset(workshop).title.get("tr") == "Entegrasyon"


def test_translations_are_refused_for_unknown_places_languages_and_lengths(app: Werkstatt) -> None:
    own = app.save_own_fieldset(kaiserslautern())
    with pytest.raises(InvalidInput, match="gibt es in der Themenliste nicht"):
        app.set_own_translation(own.lineage, "tr", {"fields.gibtsnicht.title": "x"})
    with pytest.raises(InvalidInput, match="nicht übersetzen"):
        app.set_own_translation(own.lineage, "fr", {"title": "x"})
    with pytest.raises(FieldsetError, match="länger als 120"):
        app.set_own_translation(own.lineage, "tr", {"title": "x" * 121})
    assert app.own_fieldset(own.lineage).fieldset.missing("tr") == own.fieldset.missing("tr")


def test_with_accounts_only_a_signed_in_organiser_makes_lists_and_sees_their_own(db_path, clock) -> None:
    from tests.conftest import CHEAP_HASHER
    app = Werkstatt(db_path, password_hasher=CHEAP_HASHER, clock=clock, accounts=True)
    with pytest.raises(OrganizerNotAuthorized):
        app.save_own_fieldset(kaiserslautern())
    tokens = []
    for name in ("Anna Muster", "Ben Beispiel"):
        _, invitation = app.add_organizer(name)
        tokens.append(app.accept_invitation(invitation, "ein-langes-passwort", "ein-langes-passwort"))
    own = app.save_own_fieldset(kaiserslautern(), token=tokens[0])
    assert [o.ref for o in app.own_fieldsets(tokens[0])] == [own.ref]
    assert app.own_fieldsets(tokens[1]) == []
    with pytest.raises(InvalidInput, match="gibt es nicht"):
        app.delete_own_fieldset(own.lineage, tokens[1])
    with pytest.raises(InvalidInput, match="gibt es nicht"):
        app.save_own_fieldset(kaiserslautern(), own.lineage, tokens[1])
    assert stored(app) == [{"lineage": own.lineage, "version": 1}]
    app.store.close()


def test_an_unknown_version_is_a_clear_error(app: Werkstatt) -> None:
    assert parse_ref("own:probe@3") == ("probe", 3) and parse_ref("weltoffene-kommune") is None
    with pytest.raises(FieldsetError, match="gibt es in dieser Datenbank nicht"):
        app.fieldset_by_id("own:probe@3")
    with pytest.raises(InvalidInput, match="gibt es nicht"):
        app.create_workshop("Workshop", "Kaiserslautern", "4711", fieldset="own:probe@3")
