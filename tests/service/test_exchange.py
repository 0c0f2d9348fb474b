"""The anonymised exchange export: the documented format, aggregates only, nothing that points to a
person or opens a workshop, small sector cells suppressed, umlauts and emoji as they are."""

import json
import pathlib

import jsonschema
import pandas as pd
import pytest

from tests.conftest import seed_ratings
from werkstatt import demo
from werkstatt.exchange import FORMAT, MIN_CELL, anonymised_export, anonymised_json

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "exchange-v1.schema.json").read_text())
EMOJI_CARD = "Ärger 🎉 über Öffnungszeiten"
# keys that would carry a secret, an id or a person; the exchange has none of them at any depth
FORBIDDEN_KEYS = {"token", "pin_hash", "password_hash", "join_code", "code", "participant_id",
                  "participant", "group", "group_id", "owner", "owner_member_id", "owner_organisation",
                  "organisation", "name", "members", "ref", "card_id", "original_text"}


def validate(document: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)


def all_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in all_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in all_keys(v)}
    return set()


@pytest.fixture
def seeded(app):
    """The demo process (spring closed, autumn at its results) with 12 people per workshop."""
    return demo.seed_demo_process(app, participants=12)


def test_the_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["description"] and all(p.get("description") for p in SCHEMA["properties"].values())


def test_both_demo_workshops_export_in_the_documented_format(app, seeded):
    spring, autumn, process = seeded
    for workshop in (spring, autumn):
        document = json.loads(anonymised_json(app, workshop.id))
        validate(document)
        assert document["format"] == FORMAT and document["version"] == 1
        assert document["workshop"]["municipality"] == "Musterstadt"
        assert document["workshop"]["date"] == workshop.date.isoformat()
        assert document["workshop"]["participants"] == 12
        assert document["process"]["title"] == process.title
        assert [f["id"] for f in document["fieldset"]["fields"]] == list(app.fieldset(workshop).field_ids)


def test_results_are_the_summary_per_field(app, seeded):
    spring, _autumn, _process = seeded
    document = anonymised_export(app, spring.id)
    summary = app.summary(spring.id).set_index("field_id")
    assert [r["field_id"] for r in document["results"]] == list(summary.index)
    for result in document["results"]:
        row = summary.loc[result["field_id"]]
        assert result["n"] == row["n"] and result["dont_know"] == row["dont_know"]
        assert result["verdict"] == row["verdict"]
        assert result["median"] == row["median"]
        assert result["mean"] == pytest.approx(row["mean"], abs=1e-4)
        assert {d["level"]: d["count"] for d in result["distribution"]} == {
            level: row[f"dist_{level}"] for level in (1, 2, 3, 4)}


def test_nothing_in_the_file_opens_a_workshop_or_names_a_person(app, seeded):
    """Every token, roster name and organisation, hash and code of the database is searched
    for in the bytes of both exports."""
    spring, autumn, process = seeded
    secrets = [row["token"] for row in app.store._rows("SELECT token FROM participants")]
    secrets += [row["pin_hash"] for row in app.store._rows("SELECT pin_hash FROM workshops")]
    secrets += [row["join_code"] for row in app.store._rows("SELECT join_code FROM workshops")]
    secrets += [app.store.process(process.id)["password_hash"], process.code]
    secrets += [name for name, _organisation, _sector in demo.MEMBERS]
    # owners never, not even as organisations
    secrets += [organisation for _name, organisation, _sector in demo.MEMBERS]
    assert len(secrets) == 24 + 2 + 2 + 2 + 4 + 4
    for workshop in (spring, autumn):
        data = anonymised_json(app, workshop.id)
        for secret in secrets:
            assert secret.encode("utf-8") not in data, secret
        assert not all_keys(json.loads(data)) & FORBIDDEN_KEYS


def test_actions_travel_without_owners_but_with_their_state(app, seeded):
    spring, _autumn, process = seeded
    actions = anonymised_export(app, spring.id)["process"]["actions"]
    assert [a["title"] for a in actions] == [a.title for a in app.actions(process.id)]
    done = next(a for a in actions if a["title"].startswith("Online-Terminvergabe"))
    assert done["status"] == "done" and done["field_id"] == "zugang" and done["due_date"]
    assert set(done) == {"title", "field_id", "status", "priority", "due_date", "description"}


def test_visible_cards_only_with_merged_dots_summed(app, seeded):
    _spring, autumn, _process = seeded
    board = app.board(autumn.id)
    hidden = next(c for c in board if c.text == "Viele Vereine mit gemischten Mitgliedern")
    app.hide_card(autumn.id, hidden.id)
    corrected = next(c for c in board if c.text == "Sprachmittler-Pool im Bürgerbüro")
    app.correct_card(autumn.id, corrected.id, "Sprachmittlerpool im Bürgerbüro")
    document = anonymised_export(app, autumn.id)
    texts = [c["text"] for c in document["cards"]]
    assert hidden.text not in texts and "Sprachmittler-Pool im Bürgerbüro" not in texts
    assert "Sprachmittlerpool im Bürgerbüro" in texts
    assert demo.DUPLICATE[1] not in texts  # merged into its twin
    merged = next(c for c in document["cards"] if c["text"] == demo.DUPLICATE_OF)
    root = next(c for c in app.board(autumn.id) if c.text == demo.DUPLICATE_OF)
    assert merged["named"] == 2 and merged["dots"] == root.dots
    assert len(texts) == sum(c.visible for c in app.board(autumn.id))
    assert sum(c["dots"] for c in document["cards"]) == sum(c.dots for c in app.board(autumn.id) if c.visible)


def test_umlauts_and_emoji_survive_as_utf8(app, workshop):
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code, sector="verwaltung").token
    app.add_card(token, "zugang", "gap", EMOJI_CARD)
    data = anonymised_json(app, workshop.id)
    assert EMOJI_CARD.encode("utf-8") in data
    assert b"\\u" not in data  # not escaped
    document = json.loads(data.decode("utf-8"))
    validate(document)
    assert document["cards"] == [
        {"field_id": "zugang", "kind": "gap", "text": EMOJI_CARD, "dots": 0, "named": 1}]
    assert document["process"] is None and document["workshop"]["place"] == "Rathaus"
    assert data == anonymised_json(app, workshop.id)  # same data, same bytes (fixed clock)


def test_a_sector_cell_with_one_or_two_answers_is_suppressed(app, rating_workshop):
    """Three from the administration are shown, two from politics and one from business are not."""
    levels = {"verwaltung": [1, 2, 4], "politik": [2, 3], "wirtschaft": [4]}
    for sector, values in levels.items():
        for level in values:
            app.rate(app.join(rating_workshop.join_code, sector=sector).token, "management", level)
    document = anonymised_export(app, rating_workshop.id)
    validate(document)
    cells = {(c["field_id"], c["sector"]): c for c in document["sector_results"]["cells"]}
    assert document["sector_results"]["min_cell"] == MIN_CELL == 3
    assert cells[("management", "verwaltung")] == {"field_id": "management", "sector": "verwaltung",
                                                   "suppressed": False, "n": 3, "median": 2.0}
    for sector in ("politik", "wirtschaft", "bildung"):
        assert cells[("management", sector)] == {"field_id": "management", "sector": sector,
                                                 "suppressed": True, "n": None, "median": None}
    management = next(r for r in document["results"] if r["field_id"] == "management")
    assert management["n"] == 6  # the field as a whole is no breakdown


def test_sector_cells_agree_with_the_service_breakdown(app, workshop):
    app.set_live_step(workshop.id, "rating")
    seed_ratings(app, workshop, participants=20)
    cells = anonymised_export(app, workshop.id)["sector_results"]["cells"]
    breakdown = app.sector_breakdown(workshop.id).to_dict("records")
    assert len(cells) == len(breakdown)
    for cell, row in zip(cells, breakdown):
        assert (cell["field_id"], cell["sector"]) == (row["field_id"], row["sector"])
        assert cell["suppressed"] == bool(pd.isna(row["n"]))
        if not cell["suppressed"]:
            assert cell["n"] >= 3 and cell["median"] == row["median"]
