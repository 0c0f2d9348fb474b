"""A workshop on a city's own topic list moves to another machine with the list: the target
stores that version (or uses the one it has), and a list of the same name but other content on
the target stays untouched."""

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import PIN
from tests.service.test_own_fieldsets import kaiserslautern
from tests.service.test_transfer import SCHEMA, changed, content, dump, target_app
from werkstatt.exchange import ImportRefused
from werkstatt.transfer import export_workshop, import_bundle

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


@pytest.fixture
def own_workshop(app):
    """A workshop on Kaiserslautern's five working groups, rated, with an English title added."""
    own = app.save_own_fieldset(kaiserslautern())
    app.set_own_translation(own.lineage, "en", {"title": "Integration concept Kaiserslautern 2019"})
    workshop = app.create_workshop(title="Integrationskonzept", municipality="Kaiserslautern",
                                   facilitator_pin=PIN, fieldset=own.ref)
    app.set_live_step(workshop.id, "rating")
    first = app.fieldset(workshop).fields[0].id
    for level in (1, 3, 4, 4):
        app.rate(app.join(workshop.join_code).token, first, level)
    return app.workshop(workshop.id)


def test_the_list_travels_and_the_results_come_back_the_same(app, own_workshop, tmp_path, clock):
    data = export_workshop(app, own_workshop.id)
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(data))
    carried = content(data)["fieldsets"]
    assert [entry["id"] for entry in carried] == [own_workshop.fieldset_id]
    target = target_app(tmp_path, clock)
    moved = target.workshop(import_bundle(target, data).workshop_ids[0])
    assert moved.fieldset_id == own_workshop.fieldset_id
    assert target.fieldset(moved) == app.fieldset(own_workshop)
    assert target.fieldset(moved).title.get("en") == "Integration concept Kaiserslautern 2019"
    assert target.summary(moved.id).equals(app.summary(own_workshop.id))


def test_a_file_on_a_shipped_list_carries_no_list(app, workshop):
    assert "fieldsets" not in content(export_workshop(app, workshop.id))


def test_a_version_the_target_has_is_used_as_it_is(app, own_workshop, tmp_path, clock):
    data = export_workshop(app, own_workshop.id)
    target = target_app(tmp_path, clock)
    target.save_own_fieldset(kaiserslautern())  # the same list, made there by hand
    before = target.store._rows("SELECT * FROM own_fieldsets")
    moved = target.workshop(import_bundle(target, data).workshop_ids[0])
    assert moved.fieldset_id == own_workshop.fieldset_id
    assert target.store._rows("SELECT * FROM own_fieldsets") == before


def test_a_list_of_the_same_name_with_other_fields_on_the_target_stays_untouched(
        app, own_workshop, tmp_path, clock):
    data = export_workshop(app, own_workshop.id)
    target = target_app(tmp_path, clock)
    theirs = kaiserslautern()
    theirs["fields"] = theirs["fields"][:3]
    mine = target.save_own_fieldset(theirs)
    assert mine.ref == own_workshop.fieldset_id  # the same lineage and version, other content
    moved = target.workshop(import_bundle(target, data).workshop_ids[0])
    assert moved.fieldset_id != own_workshop.fieldset_id
    assert len(target.fieldset(moved).fields) == 5
    assert len(target.fieldset_by_id(mine.ref).fields) == 3
    assert target.summary(moved.id).equals(app.summary(own_workshop.id))


@pytest.mark.parametrize("breaks, says", [
    (lambda c: c["fieldsets"][0].update(definition="id: [kaputt"), "ist fehlerhaft"),
    (lambda c: c["fieldsets"][0].update(id="weltoffene-kommune"), "keine gespeicherte Themenliste"),
    (lambda c: c["fieldsets"][0].update(translations={"xx": {"title": "?"}}), "keine gespeicherte Themenliste"),
    (lambda c: c["fieldsets"][0].pop("translations"), "genau die Einträge"),
    (lambda c: c.update(fieldsets={}), "keine Liste"),
    (lambda c: c.pop("fieldsets"), "gibt es in dieser Installation nicht"),
])
def test_a_broken_carried_list_is_refused_and_nothing_is_written(app, own_workshop, tmp_path, clock,
                                                                 breaks, says):
    data = changed(export_workshop(app, own_workshop.id), breaks)
    target = target_app(tmp_path, clock)
    before = dump(target)
    with pytest.raises(ImportRefused, match=says):
        import_bundle(target, data)
    assert dump(target) == before


def test_a_carried_list_with_a_field_fewer_than_the_ratings_need_is_refused(app, own_workshop, tmp_path, clock):
    """The carried list is what the rules check the rows against: ratings of a field it lacks
    are refused, as on any list."""
    def drop_first_field(c):
        definition = c["fieldsets"][0]["definition"]
        first = app.fieldset(own_workshop).fields[0].id
        lines = definition.splitlines()
        start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {first}")
        end = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- id:"))
        c["fieldsets"][0]["definition"] = "\n".join(lines[:start] + lines[end:]) + "\n"

    data = changed(export_workshop(app, own_workshop.id), drop_first_field)
    target = target_app(tmp_path, clock)
    before = dump(target)
    with pytest.raises(ImportRefused):
        import_bundle(target, data)
    assert dump(target) == before
    assert json.loads(data)["content"]["fieldsets"]


def test_the_exchange_file_of_a_workshop_on_an_own_list_follows_its_schema_and_reads_in_as_a_peer(
        app, own_workshop):
    """Another city reads our anonymised file in: its list is our own one, and the comparison
    finds its fields."""
    from werkstatt.exchange import anonymised_json

    schema = json.loads((SCHEMA_DIR / "exchange-v1.schema.json").read_text())
    data = anonymised_json(app, own_workshop.id)
    jsonschema.Draft202012Validator(schema).validate(json.loads(data))
    other = app.create_workshop(title="Zweiter Termin", municipality="Kaiserslautern", facilitator_pin=PIN,
                                fieldset=own_workshop.fieldset_id)
    process = app.create_process("Integrationskonzept", "Kaiserslautern", "Taskforce-2026", workshop_id=other.id)
    peer = app.import_peer_file(process.id, "kaiserslautern.json", data)
    assert peer.fieldset_id == own_workshop.fieldset_id
