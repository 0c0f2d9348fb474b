"""The page "Eigene Themenliste" (/themen) in the real Streamlit runtime: make a list in the editor,
copy a template, a refused save keeps everything, the preview, import, translations, delete."""

from __future__ import annotations

from tests.app.conftest import texts


def fill_kaiserslautern(at) -> None:
    """Type the title and the five working groups into the editor (adding fields as needed)."""
    groups = ["Bildung, Beruf, Arbeit, Übergang in Arbeit, Selbständigkeit", "Sprachförderung",
              "Begegnung, Toleranz, Sicherheit, Integrationsprobleme", "Ehrenamt, Partizipation",
              "Wohnbedarfe und Wohnraumversorgung"]
    at.text_input(key="fs_title").input("Integrationskonzept Kaiserslautern 2019").run()
    for _ in range(len(groups) - 1):
        at.button(key="fs_add").click().run()
    uids = [draft_field["uid"] for draft_field in at.session_state["fs_draft"]["fields"]]
    for uid, group in zip(uids, groups):
        at.text_input(key=f"fs_f_{uid}_title").input(group)
        at.text_area(key=f"fs_f_{uid}_description").input(f"Wie gut gelingt es bei „{group}“?")
    at.run()


def test_a_list_made_in_the_editor_is_stored_and_offered_for_a_workshop(open_page, app) -> None:
    at = open_page("pages/themen.py")
    fill_kaiserslautern(at)
    at.button(key="fs_save").click().run()
    assert not at.exception
    assert "Gespeichert (Version 1)" in texts(at)
    [own] = app.own_fieldsets()
    assert len(own.fieldset.fields) == 5
    start = open_page("pages/start.py")
    assert "Integrationskonzept Kaiserslautern 2019" in start.selectbox(key="create_fieldset").options


def test_a_refused_save_keeps_every_box_and_names_what_to_fix(open_page, app) -> None:
    at = open_page("pages/themen.py")
    fill_kaiserslautern(at)
    uid = at.session_state["fs_draft"]["fields"][2]["uid"]
    at.text_input(key=f"fs_f_{uid}_title").input("").run()
    at.button(key="fs_save").click().run()
    shown = texts(at).replace("\\", "")  # the message is escaped for Markdown
    assert "Noch nicht gespeichert" in shown and "Feld 3 · Titel: Hier fehlt ein Text." in shown
    assert app.own_fieldsets() == []
    assert at.text_input(key="fs_title").value == "Integrationskonzept Kaiserslautern 2019"
    assert at.text_input(key=f"fs_f_{at.session_state['fs_draft']['fields'][1]['uid']}_title").value == "Sprachförderung"


def test_fields_move_and_go_away(open_page) -> None:
    at = open_page("pages/themen.py")
    fill_kaiserslautern(at)
    first, second = (f["uid"] for f in at.session_state["fs_draft"]["fields"][:2])
    at.button(key=f"fs_down_{first}").click().run()
    assert [f["uid"] for f in at.session_state["fs_draft"]["fields"][:2]] == [second, first]
    at.button(key=f"fs_remove_{second}").click().run()
    titles = [f["title"] for f in at.session_state["fs_draft"]["fields"]]
    assert titles[0].startswith("Bildung") and "Sprachförderung" not in titles and len(titles) == 4


def test_copy_of_a_template_fills_the_editor_and_the_preview_shows_the_rating_screen(open_page) -> None:
    at = open_page("pages/themen.py")
    at.selectbox(key="fs_template").select("integrationskonzept").run()
    at.button(key="fs_copy").click().run()
    assert at.text_input(key="fs_title").value == "Themen eines Integrationskonzepts (Kopie)"
    assert len(at.session_state["fs_draft"]["fields"]) == 9
    preview = at.get("iframe")[0].proto.srcdoc
    assert "Sprache" in preview and "trifft voll zu" in preview and 'type="radio"' in preview
    at.selectbox(key="fs_preview_language").select("tr").run()
    assert "(Deutsch)" in at.get("iframe")[0].proto.srcdoc


def test_import_translations_and_delete(open_page, app) -> None:
    own = app.import_own_fieldset("liste.xlsx", app.fieldset_workbook())
    at = open_page("pages/themen.py")
    at.segmented_control(key="fs_mode").set_value("translate").run()
    assert not at.exception
    assert "von" in texts(at) and "(Deutsch)" in texts(at)
    at.text_area(key=f"fs_tr_{own.lineage}_en_title").input("Our city's topics")
    at.get("form")  # the form's submit button
    at.button[-1].click().run()
    assert app.own_fieldset(own.lineage).fieldset.title.get("en") == "Our city's topics"
    at.segmented_control(key="fs_mode").set_value("lists").run()
    assert "Themenliste unserer Stadt" in texts(at)
    at.button(key=f"fs_delete_{own.lineage}").click().run()
    assert app.own_fieldsets() == []
