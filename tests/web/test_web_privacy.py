"""The participants' privacy notice (``/datenschutz``): what is stored, how long, who is
responsible (from settings, or a plain note while the operator has not entered it), in the
participant's language; linked from every participant page; and an old link of a workshop
whose tokens are gone leads to the ordinary "link not known" page."""

from __future__ import annotations

import pytest

from tests.conftest import seed_ratings
from tests.web import pages
from tests.web.conftest import Phone
from werkstatt.settings import PRIVACY_CONTACT_ENV, PRIVACY_CONTROLLER_ENV, RETENTION_DAYS_ENV

CONTROLLER = "Stadt <b>Musterstadt</b> & Co.\nRathausplatz 1, 12345 Musterstadt"


@pytest.fixture(autouse=True)
def settings(monkeypatch):
    for name in (PRIVACY_CONTROLLER_ENV, PRIVACY_CONTACT_ENV, RETENTION_DAYS_ENV):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_notice_says_what_is_stored_how_long_and_who_is_responsible(web, settings):
    settings.setenv(PRIVACY_CONTROLLER_ENV, CONTROLLER)
    settings.setenv(PRIVACY_CONTACT_ENV, "datenschutz@musterstadt.example")
    settings.setenv(RETENTION_DAYS_ENV, "14")
    page = web.get("/datenschutz")
    assert page.status_code == 200 and pages.html_lang(page) == "de"
    assert pages.heading(page) == "Datenschutzhinweis"
    text = pages.visible_text(page)
    assert "eine zufällige Kennung für Ihr Gerät (ein Token)" in text
    assert "weder Namen noch E-Mail- oder IP-Adressen" in text
    assert "14 Tage nach dem Ende des Workshops wird die Kennung gelöscht" in text
    assert "datenschutz@musterstadt.example" in text and "Noch nicht eingetragen" not in text
    # the setting is shown as text, line by line, never as markup
    shown = pages.main_area(page).find("p", cls="ws-pre")
    assert shown.raw_text == CONTROLLER and shown.find("b") is None
    assert "&lt;b&gt;Musterstadt&lt;/b&gt; &amp; Co." in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


def test_while_the_operator_has_entered_nothing_the_notice_says_so(web):
    text = pages.visible_text(web.get("/datenschutz"))
    assert f"Bitte Name und Anschrift der verantwortlichen Stelle in der Einstellung {PRIVACY_CONTROLLER_ENV}" in text
    assert "Kontaktstelle für den Datenschutz" in text and PRIVACY_CONTACT_ENV in text
    assert "30 Tage nach dem Ende des Workshops" in text


@pytest.mark.parametrize("lang, heading, period", [
    ("en", "Privacy notice", "30 days after the end of the workshop the identifier is deleted"),
    ("ar", "إشعار الخصوصية", "يُحذف المعرّف بعد 30 يوماً من انتهاء الورشة"),
])
def test_the_notice_in_another_language(web, settings, lang, heading, period):
    settings.setenv(PRIVACY_CONTROLLER_ENV, CONTROLLER)
    page = web.get("/datenschutz", params={"lang": lang})
    assert pages.html_lang(page) == lang and pages.heading(page) == heading
    text = pages.visible_text(page)
    assert period in text
    assert "Stadt <b>Musterstadt</b> & Co." in text  # the operator's own words, as written
    assert "Datenschutzhinweis" not in text and "Noch nicht eingetragen" not in text


def test_every_participant_page_links_the_notice_and_it_leads_back(app, web, workshop):
    join_page = web.get("/teilnehmen", params={"code": workshop.join_code})
    assert "/datenschutz" in [a.get("href") for a in pages.main_area(join_page).find_all("a")]
    token = app.join(workshop.join_code).token
    screen = Phone(web, token, "tr").screen()
    footer = [a.get("href") for a in pages.tree(screen).find("footer").find_all("a")]
    assert f"/datenschutz?t={token}&lang=tr" in footer
    notice = web.get("/datenschutz", params={"t": token, "lang": "tr"})
    back = pages.main_area(notice).find("a")
    assert back.get("href") == f"/p/{token}?lang=tr" and back.text == "Yanıtlarıma geri dön"
    forged = web.get("/datenschutz", params={"t": '"><script>x</script>'})
    assert pages.main_area(forged).find("a").get("href") == "/teilnehmen"
    assert "<script>x" not in forged.text


def test_an_old_link_after_the_tokens_are_gone_opens_the_ordinary_page(app, web, workshop, clock):
    app.set_live_step(workshop.id, "rating")
    token = seed_ratings(app, workshop, participants=3)[0]
    app.set_live_step(workshop.id, "closed")
    assert Phone(web, token).screen().status_code == 200  # the closed workshop's thank-you screen
    clock.advance(days=31)
    app.apply_retention()
    page = Phone(web, token).screen()
    assert page.status_code == 404
    assert "Diesen Link kennen wir nicht" in pages.error_text(page)
    assert Phone(web, token).rate("management", 3).status_code == 404  # a form sent from an old tab
