"""Issue 17 in a real browser: a facilitator types Kaiserslautern's five working groups into the
fieldset editor (/themen), the preview shows the phone's rating screen, a workshop runs on the
saved list: a phone joins and rates, the projector shows the room's result for those fields."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.conftest import PIN
from tests.e2e.conftest import PHONE, PROJECTOR, join, phone_screenshot, settle, screenshot_whole_page

GROUPS = ["Bildung, Beruf, Arbeit, Übergang in Arbeit, Selbständigkeit", "Sprachförderung",
          "Begegnung, Toleranz, Sicherheit, Integrationsprobleme", "Ehrenamt, Partizipation",
          "Wohnbedarfe und Wohnraumversorgung"]
LAPTOP = {"width": 1366, "height": 768}


def test_kaiserslautern_made_in_the_editor_runs_a_live_workshop(new_context, werkstatt, artifacts) -> None:
    editor = new_context(LAPTOP).new_page()
    editor.goto("/themen")
    expect(editor.get_by_role("heading", name="Eigene Themenliste")).to_be_visible()
    editor.get_by_label("Titel der Themenliste").fill("Integrationskonzept Kaiserslautern 2019")
    for _ in GROUPS[1:]:
        editor.get_by_role("button", name="Feld hinzufügen").click()
        settle(editor)
    for i, group in enumerate(GROUPS):
        box = editor.get_by_label(f"Feld {i + 1}: Titel")
        box.fill(group)
        box.press("Tab")
        description = editor.get_by_label("Kurzbeschreibung").nth(i)
        description.fill(f"Wie gut gelingt es in Kaiserslautern: {group}?")
        description.press("Tab")
    editor.get_by_label("Leitfragen (eine pro Zeile)").nth(1).fill("Gibt es genug Kurse?\nAuch mit Kinderbetreuung?")
    editor.get_by_label("Leitfragen (eine pro Zeile)").nth(1).press("Tab")
    settle(editor)
    preview = editor.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=GROUPS[0])).to_be_visible()
    expect(preview.get_by_label("fest verankert")).to_be_visible()
    screenshot_whole_page(editor, artifacts / "fieldset_editor.png")
    editor.locator("iframe").first.screenshot(path=str(artifacts / "fieldset_preview.png"))
    editor.get_by_role("button", name="Themenliste speichern").click()
    expect(editor.get_by_text("Gespeichert (Version 1)")).to_be_visible()

    [own] = werkstatt.own_fieldsets()
    assert [f.title.get("de") for f in own.fieldset.fields] == GROUPS
    workshop = werkstatt.create_workshop("Integrationskonzept 2019", "Kaiserslautern", PIN, fieldset=own.ref)
    werkstatt.set_live_step(workshop.id, "rating")

    phone = new_context(PHONE).new_page()
    join(phone, workshop.join_code)
    expect(phone.get_by_role("heading", name=GROUPS[1])).to_be_visible()
    phone.locator(f"#field-{own.fieldset.fields[1].id}").get_by_label("fest verankert").check()
    expect(phone.locator(f"#field-{own.fieldset.fields[1].id}")).to_contain_text("Gespeichert: fest verankert")
    phone_screenshot(phone, artifacts / "fieldset_phone_rating.png")
    assert werkstatt.my_ratings(phone.url.rsplit("/", 1)[-1].split("?")[0]) == {own.fieldset.fields[1].id: 4}

    werkstatt.set_live_step(workshop.id, "results")
    projector = new_context(PROJECTOR).new_page()
    projector.goto(f"/beamer?w={workshop.id}&code={workshop.join_code}")
    expect(projector.get_by_text(GROUPS[1]).first).to_be_visible()
    projector.screenshot(path=str(artifacts / "fieldset_projector_results.png"))
