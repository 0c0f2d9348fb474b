"""The participant picks one of six languages, on the join screen and at any time after; the
other pages stay German and English. Real runtime, real SQLite file, no browser."""

from __future__ import annotations

from pathlib import Path

import yaml
from streamlit.testing.v1 import AppTest

from tests.app.conftest import texts

SWITCH = "participant_language_switch"
NAMES = ["Deutsch", "English", "Türkçe", "العربية", "Русский", "Українська"]


def _param(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_the_code_form_offers_six_languages_and_the_choice_stays_in_the_url(app, workshop, open_page):
    at = open_page("views/participate.py")
    switch = at.pills(key=SWITCH)
    assert switch.options == NAMES and switch.value == "de"
    assert not at.segmented_control  # no second, German/English switch on this page
    switch.set_value("tr").run()
    assert at.title[0].value == "Hoş geldiniz!"
    assert at.text_input(key="join_code").label == "Projeksiyondaki kod"
    assert _param(at, "lang") == "tr"
    # A reload opens the same URL: still Turkish.
    again = open_page("views/participate.py", lang="tr")
    assert again.pills(key=SWITCH).value == "tr"
    assert again.title[0].value == "Hoş geldiniz!"


def test_joining_in_ukrainian_keeps_the_language_through_the_sector_question(app, workshop, open_page):
    at = open_page("views/participate.py", lang="uk")
    at.text_input(key="join_code").input(workshop.join_code)
    at.button[0].click().run()
    sector = at.radio(key="join_sector")
    assert sector.label == "З якого ви сектору? (за бажанням)"
    assert "Адміністрація" in sector.options and "Громадянське суспільство (об'єднання, організації, ініціативи)" in sector.options
    sector.set_value("politik")
    at.button[0].click().run()
    assert not at.exception
    assert app.participant(_param(at, "t")).sector == "politik"
    assert _param(at, "lang") == "uk"
    assert at.header[0].value == "Раді, що ви тут!"
    assert "Незабаром почнемо" in texts(at)


def test_switching_to_arabic_on_the_rating_screen_translates_fields_scale_and_hints(app, rating_workshop, open_page):
    token = app.join(rating_workshop.join_code).token
    app.rate(token, "management", 2)
    at = open_page("views/participate.py", t=token)
    assert at.header[0].value == "Ihre Einschätzung"
    at.pills(key=SWITCH).set_value("ar").run()
    page = texts(at)
    assert at.header[0].value == "تقييمك"
    assert "الإدارة والتوجيه" in page and "Management und Steuerung" not in page
    assert at.radio(key="rate_management").options == [
        "لم يُتناول بعد", "خطوات أولى", "على الطريق الصحيح", "راسخ بثبات", "لا أستطيع التقييم"]
    assert "تم الحفظ: خطوات أولى" in page
    assert at.expander[0].label == "أسئلة للتفكير"
    assert _param(at, "lang") == "ar" and _param(at, "t") == token
    # The choice also holds for the next tap and for what the tap says back.
    at.radio(key="rate_zugang").set_value(4).run()
    assert app.my_ratings(token)["zugang"] == 4
    assert "تم الحفظ: راسخ بثبات" in texts(at)


def test_errors_speak_the_participants_language(app, workshop, open_page):
    at = open_page("views/participate.py", lang="tr")
    at.text_input(key="join_code").input("ZZZ ZZZ")
    at.button[0].click().run()
    assert "koduyla açık bir atölye yok" in at.error[0].value
    lost = open_page("views/participate.py", t="ausgedacht", lang="ru")
    assert lost.error[0].value.startswith("Эта ссылка для участия неизвестна.")
    assert lost.title[0].value == "Добро пожаловать!"


def test_the_facilitator_pages_stay_german_and_english(app, workshop, open_page):
    at = open_page("views/start.py", lang="tr")
    assert not at.pills
    assert at.segmented_control[0].options == ["Deutsch", "English"]
    assert at.segmented_control[0].value == "de"
    assert "Workshop anlegen" in [b.label for b in at.button]


def _rate_one_field(fieldset_path: str, language: str) -> None:
    """A script of its own: the rating card of a fieldset that has no Turkish for its description."""
    from werkstatt.fieldsets import load_fieldset
    from werkstatt.ui.rating import rating_card

    fieldset = load_fieldset(fieldset_path)
    rating_card("no-token", fieldset, fieldset.fields[0], {}, language)


def test_an_untranslated_text_is_shown_in_german_and_marked(tmp_path: Path):
    fieldset = {
        "id": "probe", "title": "Probe", "language": "de",
        "scale": {"levels": [{"value": 1, "label": "wenig"}, {"value": 2, "label": "viel"}]},
        "verdict": {"strength_median_at_least": 2},
        "fields": [{"id": "a", "title": "Feld A", "description": "Nur auf Deutsch", "questions": ["Wie?"]}],
    }
    path = tmp_path / "probe.yaml"
    path.write_text(yaml.safe_dump(fieldset, allow_unicode=True), encoding="utf-8")
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "probe.tr.yaml").write_text(
        "fields:\n  a:\n    title: A alanı\n    questions:\n      - Nasıl?\nscale:\n  levels:\n    1: az\n", encoding="utf-8")
    at = AppTest.from_function(_rate_one_field, args=(str(path), "tr"), default_timeout=30).run()
    assert not at.exception
    assert at.subheader[0].value == "A alanı"
    assert at.markdown[0].value == "\u2068Nur auf Deutsch (Deutsch)\u2069"
    assert at.radio[0].options == ["az", "\u2068viel (Deutsch)\u2069"]
    assert "- Nasıl?" in [m.value for m in at.markdown]
