"""Every text in the participant's language: group names, messages of refused forms, the page
direction; and no German catalogue text on a Turkish or Arabic screen."""

from __future__ import annotations

import re

import pytest

from tests.conftest import seed_ratings
from tests.web import pages
from tests.web.conftest import Phone, join_over_http, new_phone, screens_of_every_step, token_of, write_wall
from werkstatt import catalogues, errors
from werkstatt.i18n import N_, t, word

TURKISH_MANAGEMENT = "Yönetim ve yönlendirme"
ARABIC_MANAGEMENT = "الإدارة والتوجيه"


def german_catalogue_phrases(lang: str) -> dict[str, str]:
    """Phrase → German text: the German wording (the parts between placeholders, 12 characters or
    more) of every text of both catalogues that ``lang`` does not write the same. If one of these
    is on a ``lang`` page, a German text leaked onto it."""
    phrases = {}
    for domain, template in catalogues.templates().items():
        translated = catalogues.read(lang, domain)
        for message in template:
            for german in ([message.id] if isinstance(message.id, str) else message.id):
                entry = translated.get(message.id, message.context)
                if not german or entry is not None and entry.string == german:
                    continue
                for part in re.split(r"\{[^}]*\}", german):
                    part = " ".join(part.split()).strip(" .,:;–-")
                    if len(part) >= 12:
                        phrases.setdefault(part, german)
    return phrases


def german_on(page, lang: str) -> dict[str, str]:
    text = pages.visible_text(page)
    return {phrase: key for phrase, key in german_catalogue_phrases(lang).items() if phrase in text}


# --- group names ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang, title", [("tr", TURKISH_MANAGEMENT), ("ar", ARABIC_MANAGEMENT),
                                         ("de", "Management und Steuerung")])
def test_default_groups_are_named_with_the_fields_title_in_the_participants_language(
        app, web, workshop, lang, title):
    app.set_live_step(workshop.id, "cards")
    groups = app.add_default_groups(workshop.id)
    management = next(g for g in groups if g.field_ids == ("management",))
    phone = new_phone(app, web, workshop, lang=lang)
    page = phone.screen()
    assert pages.group_choices(page)[str(management.id)] == title
    assert len(pages.group_choices(page)) == len(groups)

    phone.choose_group(management.id)
    page = phone.screen()
    assert pages.my_group(page) == title
    assert pages.my_group_line(page) == f"{t('Ihre Gruppe:', lang)} {title}"


def test_a_group_the_facilitator_named_keeps_its_name_in_every_language(app, web, workshop):
    app.set_live_step(workshop.id, "cards")
    group = app.add_group(workshop.id, "Team Rathaus", ["management"])
    page = new_phone(app, web, workshop, lang="tr").screen()
    assert pages.group_choices(page) == {str(group.id): "Team Rathaus"}


def test_a_groups_join_link_names_the_group_in_the_participants_language(app, web, workshop):
    app.set_live_step(workshop.id, "cards")
    management = next(g for g in app.add_default_groups(workshop.id) if g.field_ids == ("management",))
    page = web.get("/teilnehmen", params={"code": workshop.join_code, "g": str(management.id), "lang": "ar"})
    assert t("Sie machen in der Gruppe „{group}“ mit.", "ar", group=ARABIC_MANAGEMENT) in pages.visible_text(page)


# --- direction and language of the page -------------------------------------------------------


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("tr", "ltr"), ("de", "ltr"), ("uk", "ltr")])
def test_the_page_declares_its_language_and_direction(app, web, rating_workshop, lang, direction):
    phone = new_phone(app, web, rating_workshop, lang=lang)
    for page in (phone.screen(), web.get("/teilnehmen", params={"lang": lang}),
                 web.get("/teilnehmen", params={"code": rating_workshop.join_code, "lang": lang})):
        assert (pages.html_lang(page), pages.html_dir(page)) == (lang, direction)


def test_an_unknown_language_falls_back_to_german(app, web, rating_workshop):
    page = new_phone(app, web, rating_workshop, lang="xx").screen()
    assert pages.html_lang(page) == "de"
    assert pages.heading(page) == t("Ihre Einschätzung", "de")


def test_the_language_stays_through_joining_and_every_stored_form(app, web, rating_workshop):
    answer = join_over_http(web, rating_workshop.join_code, lang="tr")
    assert answer.headers["location"].endswith("?lang=tr")
    phone = Phone(web, token_of(answer), lang="tr")
    page = phone.follow(phone.rate("management", 3))
    assert pages.html_lang(page) == "tr"
    assert pages.rating_message(page, "management") == "✓ " + t("Gespeichert: {level}", "tr", level=app.fieldset(rating_workshop).scale.marked(3, "tr"))


# --- messages of refused forms -----------------------------------------------------------------


def test_a_too_short_card_is_refused_in_turkish(app, web, workshop):
    app.set_live_step(workshop.id, "cards")
    answer = new_phone(app, web, workshop, lang="tr").write("ab")
    assert answer.status_code == 422
    assert t("Die Karte ist zu kurz: bitte mindestens {min} Zeichen schreiben.", "tr", min=3) in pages.error_text(answer)
    assert t("Die Karte ist zu kurz: bitte mindestens {min} Zeichen schreiben.", "de", min=3) not in pages.error_text(answer)


def test_a_level_off_the_scale_is_refused_in_arabic(app, web, rating_workshop):
    answer = new_phone(app, web, rating_workshop, lang="ar").rate("management", 9)
    assert answer.status_code == 422
    assert pages.rating_message(answer, "management") == t("„{level}“ ist keine Stufe der Skala. "
                                                           "Erlaubt sind {levels} oder „kann ich "
                                                           "nicht einschätzen“.", "ar", level=9,
                                                           levels="1, 2, 3, 4")


def test_dots_beyond_the_budget_are_refused_in_turkish(app, web, workshop):
    wall = write_wall(app, workshop)
    phone = new_phone(app, web, wall.ws, lang="tr")
    app.vote(phone.token, wall.gaps[0], 2)
    app.vote(phone.token, wall.gaps[1], 2)
    answer = phone.dots(wall.gaps[2], 2, seen=0, field="management")
    assert pages.dot_message(answer, wall.gaps[2]) == t("So viele Punkte sind nicht mehr frei (frei: "
                                                        "{left} von {budget}). Wählen Sie weniger "
                                                        "oder nehmen Sie woanders einen Punkt zurück.", "tr", left=1, budget=5)


def test_an_unknown_code_is_refused_in_turkish_and_an_unknown_link_in_arabic(web):
    page = web.get("/teilnehmen", params={"code": "ZZZ999", "lang": "tr"})
    assert t("Zum Code „{code}“ gibt es keinen offenen Workshop. Bitte den Code auf dem Beamer noch "
             "einmal prüfen.", "tr", code="ZZZ999") in pages.error_text(page)
    page = web.get("/p/no-such-token", params={"lang": "ar"})
    assert t("Diesen Link kennen wir nicht. Bitte geben Sie den Code vom Beamer ein.", "ar") in pages.error_text(page)
    assert pages.html_dir(page) == "rtl"


def test_the_language_of_a_post_can_come_from_the_form(app, web, rating_workshop):
    """The join form carries ``lang`` as a hidden field; a refused join answers in it."""
    app.set_participant_cap(rating_workshop.id, 1)
    app.join(rating_workshop.join_code)
    answer = web.post("/teilnehmen/beitreten", data={"code": rating_workshop.join_code, "lang": "tr"})
    assert errors.WorkshopFull(cap=1).message("tr") == "Bu çalıştay dolu (1 cihaz katıldı). Lütfen moderatöre başvurun."
    assert errors.WorkshopFull(cap=1).message("tr") in pages.error_text(answer)


# --- no German on a Turkish or Arabic page -------------------------------------------------------


def test_the_leak_check_finds_german_on_a_german_page(app, web, rating_workshop):
    """The check below can fail: on the German page it finds the German texts."""
    page = new_phone(app, web, rating_workshop).screen()
    found = german_on(page, "tr")
    assert N_("Wie weit ist unsere Kommune in jedem Handlungsfeld? Tippen Sie eine Stufe an. Ihre "
              "Wahl wird sofort gespeichert und Sie können sie ändern, bis die Bewertung schließt.") in found.values() and N_("Zum Inhalt springen") in found.values()


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_no_german_catalogue_text_leaks_onto_the_screens_of_another_language(app, web, workshop, lang):
    leaks = {name: german_on(page, lang) for name, page in screens_of_every_step(app, web, workshop, lang)}
    assert {name: found for name, found in leaks.items() if found} == {}


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_the_results_show_the_verdicts_in_the_participants_language(app, web, workshop, lang):
    app.set_live_step(workshop.id, "rating")
    seed_ratings(app, workshop)
    phone = new_phone(app, web, workshop, lang=lang)
    app.set_live_step(workshop.id, "results")
    page = phone.screen()
    verdicts = [row.verdict for row in pages.results(page)]
    assert len(verdicts) == 7
    german = {word("verdict", verdict, "de") for verdict in ("strength", "gap", "contested", "too_few")}
    assert [v for v in verdicts if v.split(" ", 1)[-1] in german] == []
    assert german_on(page, lang) == {}


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_known_german_words_are_absent_from_turkish_and_arabic_screens(app, web, workshop, lang):
    for name, page in screens_of_every_step(app, web, workshop, lang):
        text = pages.visible_text(page)
        for german in ("Zum Inhalt springen", "Bitte wählen Sie", "Gespeichert", "Handlungsfeld",
                       "Ihre Gruppe", "Mitmachen", "Sprache", "Karten", "Punkte", "(Deutsch)",
                       "Das hat nicht geklappt", "Ihre Antwort", "Median", "Schreiben Sie",
                       "Weiter zu meinen Antworten"):
            assert german not in text, (name, german)


@pytest.mark.parametrize("lang, one, many", [
    ("de", "· 1 Karte", "· 4 Karten"),
    ("en", "· 1 card", "· 4 cards"),
    ("ru", "· 1 карточка", "· 4 карточки"),
    ("uk", "· 1 картка", "· 4 картки"),
    ("ar", "· بطاقة واحدة", "· 4 بطاقات"),
])
def test_the_ballot_counts_cards_in_each_languages_plural_form(app, web, workshop, lang, one, many):
    """The fields to vote in: "management" holds four gaps, "arbeit" one idea and a late gap; with
    the late gap hidden, "arbeit" holds one card to vote on."""
    wall = write_wall(app, workshop)
    app.hide_card(workshop.id, wall.late_gap)
    page = new_phone(app, web, workshop, lang=lang).screen()
    options = [a.text for a in pages.tree(page).find_all("a", data_field=True)]
    assert any(option.strip().endswith(many) for option in options), options
    assert any(option.strip().endswith(one) for option in options), options
