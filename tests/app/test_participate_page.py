"""The tablet: join by code, rate every field, see stored answers after a reload."""

from tests.app.conftest import texts


def test_wrong_code_gives_a_clear_german_message(app, workshop, open_page):
    at = open_page("views/participate.py")
    at.text_input(key="join_code").input("ZZZ ZZZ")
    at.button[0].click().run()  # the form's submit button
    assert "keinen offenen Workshop" in texts(at)
    assert "t" not in at.query_params


def test_join_with_typed_code_and_sector_puts_token_in_url(app, workshop, open_page):
    at = open_page("views/participate.py")
    at.text_input(key="join_code").input(workshop.join_code.lower())
    at.button[0].click().run()
    assert at.query_params["code"] == [workshop.join_code] or at.query_params["code"] == workshop.join_code
    at.radio(key="join_sector").set_value("zivilgesellschaft")
    at.button[0].click().run()
    assert not at.exception
    token = at.query_params["t"]
    token = token[0] if isinstance(token, list) else token
    assert app.participant(token).sector == "zivilgesellschaft"
    assert "Gleich geht es los" in texts(at)


def test_rating_step_shows_fields_questions_and_scale(app, rating_workshop, open_page):
    token = app.join(rating_workshop.join_code).token
    at = open_page("views/participate.py", t=token)
    fieldset = app.fieldset(rating_workshop)
    assert len(at.radio) == len(fieldset.fields)
    page = texts(at)
    for field in fieldset.fields:
        assert field.title.get("de") in page
    assert at.radio(key="rate_management").options == [
        "noch nicht angegangen", "erste Schritte", "gut unterwegs", "fest verankert", "kann ich nicht einschätzen"
    ]
    assert "Tippen Sie eine Stufe an" in page
    assert not [s for s in at.success if "Gespeichert" in s.value]


def test_a_tap_is_stored_at_once_and_shown_after_a_reload(app, rating_workshop, open_page):
    token = app.join(rating_workshop.join_code).token
    at = open_page("views/participate.py", t=token)
    at.radio(key="rate_management").set_value(3).run()
    at.radio(key="rate_arbeit").set_value("dont_know").run()
    assert app.my_ratings(token) == {"management": 3, "arbeit": None}
    # a reload is a new session on the same URL
    again = open_page("views/participate.py", t=token)
    assert again.radio(key="rate_management").value == 3
    assert again.radio(key="rate_arbeit").value == "dont_know"
    assert again.radio(key="rate_zugang").value is None
    assert len([s for s in again.success if s.value.startswith("Gespeichert")]) == 2
    assert "Alle Felder bewertet" not in texts(again)


def test_a_tap_after_the_lock_shows_an_error_and_the_stored_answer(app, rating_workshop, open_page):
    token = app.join(rating_workshop.join_code).token
    app.rate(token, "management", 2)
    at = open_page("views/participate.py", t=token)
    app.set_live_step(rating_workshop.id, "results")  # the facilitator locks while the page is open
    at.radio(key="rate_management").set_value(4).run()
    assert app.my_ratings(token) == {"management": 2}
    assert "Ergebnisse sehen Sie jetzt am Beamer" in texts(at)


def test_unknown_token_falls_back_to_the_code_form(app, workshop, open_page):
    at = open_page("views/participate.py", t="ausgedacht")
    assert "Teilnahme-Link ist nicht bekannt" in texts(at)
    assert at.text_input(key="join_code")


def test_participant_page_in_english(app, rating_workshop, open_page):
    token = app.join(rating_workshop.join_code).token
    at = open_page("views/participate.py", t=token, lang="en")
    assert "Tap a level" in texts(at)
    assert "firmly established" in at.radio(key="rate_management").options
