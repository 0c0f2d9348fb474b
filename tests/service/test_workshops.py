"""Creating workshops and moving their live step (service + store on a real SQLite file)."""

import pytest

from tests.conftest import CHEAP_HASHER, PIN
from werkstatt.codes import CODE_ALPHABET as JOIN_CODE_ALPHABET
from werkstatt.codes import normalize_code as normalize_join_code
from werkstatt.errors import InvalidInput, InvalidStep, StepMoveNotAllowed, UnknownJoinCode
from werkstatt.service import Werkstatt


def test_create_workshop_stores_everything_and_starts_at_checkin(app, workshop):
    stored = app.workshop(workshop.id)
    assert (stored.title, stored.municipality, stored.place) == ("Selbstcheck-Workshop", "Musterstadt", "Rathaus")
    assert stored.date.isoformat() == "2026-11-23"
    assert stored.fieldset_id == "weltoffene-kommune"
    assert stored.live_step == "checkin"


def test_join_code_has_six_unambiguous_characters(app):
    codes = {app.create_workshop(title=f"W{i}", municipality="M", facilitator_pin=PIN).join_code
             for i in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert len(code) == 6 and set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set("01IOL") & set(JOIN_CODE_ALPHABET)


def test_pin_is_stored_as_argon2_hash_not_plain(app, workshop):
    row = app.store.workshop(workshop.id)
    assert row["pin_hash"].startswith("$argon2id$")
    assert PIN not in row["pin_hash"]


def test_join_code_unique_among_open_workshops_enforced_by_the_database(app, workshop):
    other = app.create_workshop(title="Zweiter", municipality="M", facilitator_pin=PIN)
    with pytest.raises(Exception, match="UNIQUE"):
        with app.store.write() as db:
            db.execute("UPDATE workshops SET join_code = ? WHERE id = ?", (workshop.join_code, other.id))


def test_closed_workshop_frees_its_code_and_cannot_be_found_to_join(app, workshop):
    app.set_live_step(workshop.id, "closed")
    with pytest.raises(UnknownJoinCode):
        app.workshop_by_code(workshop.join_code)
    # but the projector link (id + code) still opens it
    assert app.screen_workshop(workshop.id, workshop.join_code).is_closed


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {spaced} ", "{dashed}"])
def test_join_code_is_case_insensitive_and_ignores_spaces(app, workshop, typed):
    code = workshop.join_code
    text = typed.format(code=code, lower=code.lower(), spaced=f"{code[:3]} {code[3:]}",
                        dashed=f"{code[:3]}-{code[3:]}")
    assert app.workshop_by_code(text).id == workshop.id
    assert normalize_join_code(text) == code


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"title": "  "}, "Titel"),
        ({"municipality": ""}, "Kommune"),
        ({"facilitator_pin": "12"}, "mindestens 4"),
        ({"fieldset": "gibt-es-nicht"}, "gibt-es-nicht"),
        ({"date": "31.02.2026"}, "Datum"),
        ({"title": "x" * 201}, "höchstens 200"),
    ],
)
def test_create_workshop_rejects_bad_input_and_stores_nothing(app, changes, message):
    values = {"title": "T", "municipality": "M", "facilitator_pin": PIN, **changes}
    with pytest.raises(InvalidInput, match=message):
        app.create_workshop(**values)
    assert app.store._rows("SELECT * FROM workshops") == []


def test_html_in_title_is_stored_literally(app):
    ws = app.create_workshop(title="<script>alert(1)</script> **fett**", municipality="Köln", facilitator_pin=PIN)
    assert app.workshop(ws.id).title == "<script>alert(1)</script> **fett**"


def test_live_step_moves_and_bumps_versions(app, workshop):
    before = app.versions(workshop.id)
    app.set_live_step(workshop.id, "rating")
    after = app.versions(workshop.id)
    assert after[0] == before[0] + 1 and after[1] > before[1]
    assert app.workshop(workshop.id).live_step == "rating"


def test_unknown_step_is_refused(app, workshop):
    with pytest.raises(InvalidStep, match="gibt es nicht"):
        app.set_live_step(workshop.id, "pause")


def test_closed_workshop_stays_closed(app, workshop):
    app.set_live_step(workshop.id, "closed")
    with pytest.raises(StepMoveNotAllowed):
        app.set_live_step(workshop.id, "rating")


def test_a_second_service_on_the_same_file_sees_the_data_after_restart(db_path, workshop):
    restarted = Werkstatt(db_path, password_hasher=CHEAP_HASHER)
    assert restarted.workshop_by_code(workshop.join_code).id == workshop.id
