"""Start, facilitator console and results: created in a minute, reachable only with the PIN."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, texts
from tests.conftest import PIN, seed_ratings
from werkstatt import fieldsets
from werkstatt.service import Werkstatt
from werkstatt.ui import context


def _param(at, key):
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


def test_create_a_workshop_from_the_start_page(app, open_page):
    at = open_page("pages/start.py")
    at.text_input(key="create_title").input("Selbstcheck Herbst")
    at.text_input(key="create_municipality").input("Musterstadt")
    at.text_input(key="create_place").input("Rathaus")
    at.text_input(key="create_pin").input("8642")
    at.text_input(key="create_pin_again").input("8642")
    at.button(key="FormSubmitter:create_workshop_form-Workshop anlegen").click().run()
    assert not at.exception
    workshop = app.facilitated_workshop(_param(at, "f"))
    assert (workshop.title, workshop.municipality, workshop.fieldset_id) == (
        "Selbstcheck Herbst", "Musterstadt", "weltoffene-kommune")
    assert workshop.join_code in texts(at)


def test_create_refuses_mismatched_pins_and_keeps_the_input(app, open_page):
    at = open_page("pages/start.py")
    at.text_input(key="create_title").input("Selbstcheck")
    at.text_input(key="create_municipality").input("Musterstadt")
    at.text_input(key="create_pin").input("8642")
    at.text_input(key="create_pin_again").input("8643")
    at.button(key="FormSubmitter:create_workshop_form-Workshop anlegen").click().run()
    assert "stimmen nicht überein" in texts(at)
    assert at.text_input(key="create_title").value == "Selbstcheck"
    assert app.store._rows("SELECT id FROM workshops") == []


def test_login_with_code_and_pin_opens_the_console(app, workshop, open_page):
    at = open_page("pages/start.py")
    at.text_input(key="login_code").input(workshop.join_code)
    at.text_input(key="login_pin").input(PIN)
    at.button(key="FormSubmitter:facilitator_login_form-Anmelden").click().run()
    assert app.facilitated_workshop(_param(at, "f")).id == workshop.id
    assert "Bewertung starten" in [b.label for b in at.button]


def test_wrong_pin_is_refused_on_the_start_page(app, workshop, open_page):
    at = open_page("pages/start.py")
    at.text_input(key="login_code").input(workshop.join_code)
    at.text_input(key="login_pin").input("0000")
    at.button(key="FormSubmitter:facilitator_login_form-Anmelden").click().run()
    assert "PIN stimmt nicht" in texts(at)
    assert "f" not in at.query_params


def _html(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


@pytest.mark.parametrize("params, href", [({}, "/teilnehmen"), ({"lang": "en"}, "/teilnehmen?lang=en")])
def test_the_start_page_sends_a_joiner_to_the_participants_page(app, open_page, params, href):
    """A plain link in this tab: the participants' page is a route, not a Streamlit page, and
    asks for the code itself. The language goes along when it is not German."""
    html = _html(open_page("pages/start.py", **params))
    label = "Zur Teilnahme: Code eingeben" if not params else "Take part: enter the code"
    assert f'<a class="ws-route ws-primary" href="{href}">{label}</a>' in html


CAP_SAVE = "FormSubmitter:cap_form-Höchstzahl speichern"


def test_the_console_sets_the_participant_cap(app, workshop, open_page):
    token = app.facilitator_login(workshop.join_code, PIN)
    at = open_page("pages/moderation.py", f=token)
    assert at.number_input(key="participant_cap").value == 500
    assert "so kann kein Skript den Workshop mit Anmeldungen fluten" in texts(at)
    at.number_input(key="participant_cap").set_value(40)
    at.button(key=CAP_SAVE).click().run()
    assert not at.exception and not at.error
    assert app.workshop(workshop.id).participant_cap == 40
    assert "Gespeichert: höchstens 40 Geräte." in texts(at)


@pytest.mark.parametrize("cap", [0, -3, 5001])
def test_the_console_refuses_a_cap_out_of_range_in_german(app, workshop, open_page, cap):
    token = app.facilitator_login(workshop.join_code, PIN)
    at = open_page("pages/moderation.py", f=token)
    at.number_input(key="participant_cap").set_value(cap)
    at.button(key=CAP_SAVE).click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Höchstzahl der Geräte: eine ganze Zahl von 1 bis 5000."]
    assert app.workshop(workshop.id).participant_cap == 500
    assert at.number_input(key="participant_cap").value == cap  # what was typed stays to correct


@pytest.mark.parametrize("page", ["pages/moderation.py", "pages/ergebnisse.py"])
@pytest.mark.parametrize("params", [{}, {"f": "geraten"}, {"t": "participant"}, {"f": "participant"}])
def test_facilitator_pages_without_a_valid_token_show_no_controls(app, workshop, open_page, page, params):
    token = app.join(workshop.join_code).token
    params = {key: token if value == "participant" else value for key, value in params.items()}
    at = open_page(page, **params)
    assert "zuerst mit Code und PIN anmelden" in texts(at)
    assert [b.key for b in at.button] == []
    assert at.dataframe == [] and at.get("plotly_chart") == []


def test_console_moves_the_live_step(app, workshop, open_page):
    token = app.facilitator_login(workshop.join_code, PIN)
    at = open_page("pages/moderation.py", f=token)
    assert "Ergebnisse sind für Beamer und Teilnehmende noch verborgen" in texts(at)
    at.button(key="go_rating").click().run()
    assert app.workshop(workshop.id).live_step == "rating"
    assert at.button(key="go_rating").disabled


def test_closing_needs_a_confirmation(app, workshop, open_page):
    token = app.facilitator_login(workshop.join_code, PIN)
    at = open_page("pages/moderation.py", f=token)
    assert at.button(key="go_closed").disabled
    at.checkbox(key="confirm_close").check().run()
    at.button(key="go_closed").click().run()
    assert app.workshop(workshop.id).is_closed


def test_console_counts_joins_and_ratings(app, rating_workshop, open_page):
    seed_ratings(app, rating_workshop, participants=4)
    token = app.facilitator_login(rating_workshop.join_code, PIN)
    at = open_page("pages/moderation.py", f=token)
    assert {m.label: m.value for m in at.metric}["Angemeldet"] == "4"
    assert list(at.dataframe[0].value["haben bewertet"]) == [4] * 7


def test_results_page_shows_table_and_suppresses_small_sector_cells(app, rating_workshop, open_page):
    seed_ratings(app, rating_workshop, participants=12)
    token = app.facilitator_login(rating_workshop.join_code, PIN)
    at = open_page("pages/ergebnisse.py", f=token)
    table = at.dataframe[0].value
    assert len(table) == 7
    # the verdict beside the field: a laptop cuts off the right end of a wide table, not the verdict
    assert list(table.columns[:4]) == ["Handlungsfeld", "Einschätzung", "Antworten", "kann ich nicht einschätzen"]
    assert "Noch nicht freigegeben" in texts(at)
    assert len(at.get("plotly_chart")) == 2


def test_markdown_and_html_in_the_title_are_shown_literally(app, open_page):
    title = "<b>Fett?</b> **nein** [Link](http://x) :red[rot]"
    workshop = app.create_workshop(title=title, municipality="Köln_Süd", facilitator_pin=PIN)
    token = app.facilitator_login(workshop.join_code, PIN)
    at = open_page("pages/moderation.py", f=token)
    shown = at.title[0].value
    for markup in ("**", "[Link]", "<b>", ":red["):
        assert markup not in shown  # every markup character arrives escaped
    assert shown.replace("\\", "") == title


def test_a_broken_fieldset_file_is_named_on_the_start_page_and_the_others_stay(
        db_path, monkeypatch, tmp_path):
    folder = tmp_path / "fieldsets"
    folder.mkdir()
    (folder / "weltoffene-kommune.yaml").write_text(
        (fieldsets.FIELDSETS_DIR / "weltoffene-kommune.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "kaputt.yaml").write_text("id: kaputt\ntitle: [nicht zu\n", encoding="utf-8")
    monkeypatch.setattr(context, "_service", lambda path, accounts: Werkstatt(path, fieldset_dir=folder))
    monkeypatch.setenv("WERKSTATT_DB", str(db_path))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1 and "kaputt.yaml, Zeile" in warnings[0]
    assert at.selectbox(key="create_fieldset").options == ["Selbstcheck Weltoffene Kommune"]


@pytest.mark.parametrize("people, explained", [(3, True), (6, False)])
def test_too_few_answers_is_explained_where_it_shows(app, rating_workshop, open_page, projector, people,
                                                    explained):
    """A rehearsal with three colleagues reads "zu wenige Antworten" in every field: the results page
    and the projector say why (fewer than 5 answers on the scale), and say nothing once all have 5."""
    fieldset = app.fieldset(rating_workshop)
    for _ in range(people):
        token = app.join(rating_workshop.join_code).token
        for field in fieldset.fields:
            app.rate(token, field.id, 3)
    app.set_live_step(rating_workshop.id, "results")
    note = "„zu wenige Antworten“ heißt: weniger als 5 Antworten auf der Skala"
    results = open_page("pages/ergebnisse.py", f=app.facilitator_login(rating_workshop.join_code, PIN))
    assert any(note in caption.value for caption in results.caption) == explained
    assert (note in projector.html(rating_workshop)) == explained
