"""Two workshops on two versions of a city's own topic list: the task force's comparison says so
and names the field only the later version has, which then counts as "too few", not unchanged."""

from tests.app.conftest import texts
from tests.conftest import PIN
from tests.service.test_own_fieldsets import kaiserslautern
from werkstatt import fieldset_drafts as drafts

PASSWORD = "Taskforce-2026"


def test_the_comparison_names_the_field_only_the_later_version_has(app, open_page):
    own = app.save_own_fieldset(kaiserslautern())
    spring = app.create_workshop("Frühjahr", "Kaiserslautern", PIN, fieldset=own.ref)
    process = app.create_process("Integrationskonzept", "Kaiserslautern", PASSWORD, workshop_id=spring.id)
    draft = drafts.draft_from_fieldset(own.fieldset)
    draft["fields"].append({"id": "", "title": "Gesundheit und Pflege", "description": "Alle finden Ärztinnen, Ärzte und Pflege.", "questions": ""})
    second = app.save_own_fieldset(draft, own.lineage)
    autumn = app.create_workshop("Herbst", "Kaiserslautern", PIN, fieldset=second.ref)
    app.add_workshop_to_process(autumn.id, process.code, PASSWORD)
    assert app.comparison(spring.id, autumn.id)["trend"].iloc[-1] == "too_few"
    added = second.fieldset.field_ids[-1]
    app.create_action(process.id, "Gesundheitslotsen", added)  # on the field only version 2 has

    at = open_page("pages/taskforce.py", tf=app.taskforce_login(process.code, PASSWORD))
    at.session_state["taskforce_tab"] = "Vergleich & Selbstcheck"
    at.run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "verschiedene Fassungen der Themenliste (Version 1 und 2)" in page
    assert "Neu in Version 2: Gesundheit und Pflege" in page
    for tab in ("Auswertung", "Maßnahmen", "Mitglieder", "Andere Kommunen", "Dokumentation"):
        at.session_state["taskforce_tab"] = tab
        at.run()
        assert not at.exception, (tab, at.exception)
    at.session_state["taskforce_tab"] = "Auswertung"
    at.run()
    at.selectbox(key="review_workshop").set_value(spring.id).run()  # the earlier version's workshop
    assert not at.exception, at.exception
