"""The projector page through its real routes (Starlette's test client, a real SQLite file).

What the room sees at each step, that people's text is shown and never run, and that the page's
once-a-second question costs nothing while nothing changed. How it fits a screen is measured in
a real browser (tests/e2e/test_projector_fit.py).
"""

from __future__ import annotations

import html
import json
import re

import pytest

from tests.conftest import seed_ratings

PAYLOADS = [
    "<script>alert(1)</script> und <b>fett</b>",
    "**fett** _kursiv_ [Link](javascript:alert(1)) :red[rot] $x^2$",
    "&lt;b&gt; bleibt &amp; so",
]


def _voting(app, workshop, cards: int = 4):
    app.set_live_step(workshop.id, "cards")
    author = app.join(workshop.join_code).token
    ids = [app.add_card(author, "management", "gap", f"Bedarf {i}").id for i in range(cards)]
    app.add_card(author, "management", "idea", PAYLOADS[0])
    app.add_card(author, "management", "strength", "Schon gut")
    app.set_live_step(workshop.id, "voting")
    return ids


def _figures(page: str) -> list[dict]:
    return [json.loads(html.unescape(raw)) for raw in re.findall(r'data-figure="([^"]*)"', page)]


# --- every step says what to do ------------------------------------------------------------


def test_check_in_shows_code_qr_link_count_and_what_to_do(app, workshop, projector):
    for _ in range(5):
        app.join(workshop.join_code)
    page = projector.html(workshop)
    assert f'<p class="join-code" dir="ltr">{workshop.join_code}</p>' in page
    assert "<svg" in page and 'viewBox="' in page  # the QR code, scaled by the layout
    assert f"/teilnehmen?code={workshop.join_code}</p>" in page  # the link as text, for who cannot scan
    assert '<span class="count-number">5</span> <span class="count-label">sind dabei</span>' in page
    assert "Scannen Sie den QR-Code mit der Kamera oder geben Sie den Code ein." in page
    assert "data-figure" not in page  # nothing of the results before the reveal
    assert "<form" not in page and "<button" not in page and "<input" not in page  # no controls


def test_rating_counts_per_field_and_keeps_the_way_in(app, rating_workshop, projector):
    seed_ratings(app, rating_workshop, participants=3)
    page = projector.html(rating_workshop)
    assert "Bewerten Sie jedes Handlungsfeld auf Ihrem Handy oder Tablet." in page
    assert '<tr class="item"><td>Management und Steuerung</td><td class="n">3</td></tr>' in page
    assert rating_workshop.join_code in page and "data-figure" not in page


def test_results_show_a_card_per_field_and_both_charts(app, rating_workshop, projector):
    seed_ratings(app, rating_workshop, participants=12)
    app.set_live_step(rating_workshop.id, "results")
    page = projector.html(rating_workshop)
    fieldset = app.fieldset(rating_workshop)
    assert page.count('class="verdict item verdict-') == len(fieldset.fields)
    for field in fieldset.fields:
        assert field.title.get("de") in page
    distribution, overview = _figures(page)[1], _figures(page)[0]
    assert len(distribution["data"]) == 5  # four levels plus "kann ich nicht einschätzen"
    assert overview["layout"]["xaxis"]["title"]["text"] == "Median der Bewertung"
    # the key is the page's own, in the screen's type: plotly's legend is off
    assert distribution["layout"]["showlegend"] is False and "erste Schritte</span>" in page


def test_group_work_before_the_first_card_shows_the_way_in_and_what_to_do(app, workshop, projector):
    app.add_default_groups(workshop.id)
    app.set_live_step(workshop.id, "cards")
    page = projector.html(workshop)
    assert "Schreiben Sie Ihre Karten auf dem Tablet Ihrer Gruppe." in page
    assert f'<p class="join-code" dir="ltr">{workshop.join_code}</p>' in page and "<svg" in page
    assert "Noch keine Karten." in page


def test_group_work_without_groups_asks_for_everyones_own_device(app, workshop, projector):
    app.set_live_step(workshop.id, "cards")
    assert "Schreiben Sie Ihre Karten auf Ihrem Handy oder Tablet." in projector.html(workshop)


def test_a_locked_step_says_so_instead_of_asking_for_input(app, rating_workshop, projector):
    app.lock_input(rating_workshop.id, True)
    page = projector.html(rating_workshop)
    assert "Bewertung · gesperrt" in page and "Die Eingabe ist gesperrt." in page
    assert "Bewerten Sie jedes Handlungsfeld" not in page


def test_the_closed_workshop_thanks_the_room_and_keeps_the_results(app, rating_workshop, projector):
    seed_ratings(app, rating_workshop, participants=6)
    app.set_live_step(rating_workshop.id, "closed")
    page = projector.html(rating_workshop)
    assert "Vielen Dank fürs Mitmachen!" in page and len(_figures(page)) == 2


def test_the_timer_carries_the_milliseconds_left(app, rating_workshop, projector, clock):
    app.start_timer(rating_workshop.id, 2, lock_at_end=True)
    clock.advance(seconds=30.25)
    page = projector.html(rating_workshop)
    assert 'data-left-ms="89750"' in page and 'data-locks="yes"' in page
    assert '<span class="timer-time" dir="ltr">01:30</span>' in page  # 89.75 s show as 01:30 until they are 01:29
    assert "Restzeit – bei null wird gesperrt" in page


def test_a_run_out_timer_that_locks_is_stored_as_a_lock_by_the_projectors_question(app, rating_workshop,
                                                                                     projector, clock):
    app.start_timer(rating_workshop.id, 1, lock_at_end=True)
    clock.advance(seconds=61)
    page = projector.stage(rating_workshop).text
    assert "Bewertung · gesperrt" in page and 'data-left-ms="0"' in page
    assert app.workshop(rating_workshop.id).locked


# --- the wall and the ranking ------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_wall_escapes_every_card(app, workshop, projector, payload):
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code).token
    app.add_card(token, "management", "gap", payload)
    page = projector.html(workshop)
    assert f'<span class="note-text">{html.escape(payload, quote=True)}</span>' in page
    assert "<script>alert" not in page and "<b>fett" not in page


def test_the_wall_shows_groups_with_their_card_counts(app, workshop, projector):
    north = app.add_group(workshop.id, "Gruppe <Nord>", ["management"])
    app.add_group(workshop.id, "Gruppe Süd", ["zugang"])
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code, group_id=north.id).token
    app.add_card(token, "management", "gap", "Eins")
    app.add_card(token, "management", "idea", "Zwei")
    page = projector.html(workshop)
    assert "Gruppe &lt;Nord&gt;: <b>2</b>" in page and "Gruppe Süd: <b>0</b>" in page
    assert '<h2 class="section-head">Management und Steuerung</h2>' in page
    assert "Fairer Zugang" not in page  # a field without cards gets no page of the wall


def test_a_pinned_field_is_the_only_one_on_the_wall(app, workshop, projector):
    app.set_live_step(workshop.id, "cards")
    token = app.join(workshop.join_code).token
    app.add_card(token, "management", "gap", "Eins")
    app.show_on_wall(workshop.id, "zugang")
    page = projector.html(workshop)
    assert '<h2 class="section-head">Fairer Zugang und Teilhabe</h2>' in page
    assert "Management und Steuerung" not in page


def test_the_ranking_lists_the_most_dots_first_only_after_the_reveal(app, workshop, projector):
    ids = _voting(app, workshop)
    voters = [app.join(workshop.join_code).token for _ in range(3)]
    for token in voters:
        app.vote(token, ids[2], 2)
    app.vote(voters[0], ids[1], 1)
    assert "columns ranking" not in projector.html(workshop)
    app.set_live_step(workshop.id, "ranking")
    page = projector.html(workshop)
    assert page.index("Bedarf 2") < page.index("Bedarf 1")
    assert '<span class="dots">● 6</span>' in page
    assert "Noch keine Punkte." in page  # the ideas column: no dots yet


@pytest.mark.parametrize("tied, hint", [(0, None), (1, "+ 1 weitere Karte mit gleich vielen Punkten"),
                                        (3, "+ 3 weitere Karten mit gleich vielen Punkten")])
def test_the_ranking_says_when_its_cut_leaves_out_a_tie(app, workshop, projector, tied, hint):
    """Eight rows fit; the eighth has one dot like the cards after it: those are named, not hidden."""
    ids = _voting(app, workshop, cards=12)
    voter = app.join(workshop.join_code).token
    app.set_dot_rules(workshop.id, budget=20, per_card=2)
    for card in ids[:7]:
        app.vote(voter, card, 2)
    for card in ids[7:8 + tied]:
        app.vote(voter, card, 1)
    app.set_live_step(workshop.id, "ranking")
    page = projector.html(workshop)
    assert page.count('<span class="dots">') == 8
    assert ('<p class="more item">' in page) == bool(hint)
    if hint:
        assert hint in page


def test_the_projector_counts_the_voters_in_singular_and_plural(app, workshop, projector):
    ids = _voting(app, workshop)
    first, second = app.join(workshop.join_code).token, app.join(workshop.join_code).token
    app.vote(first, ids[0], 1)
    assert "1 hat schon Punkte vergeben" in projector.html(workshop)
    app.vote(second, ids[0], 1)
    assert "2 haben schon Punkte vergeben" in projector.html(workshop)


# --- the link, the language, the live question ---------------------------------------------------


def test_the_link_needs_the_matching_code(app, workshop, projector):
    response = projector.client.get("/beamer", params={"w": str(workshop.id), "code": "ZZZZZZ"})
    assert response.status_code == 404 and "Beamer-Link ist nicht vollständig" in response.text
    assert workshop.join_code not in response.text
    assert projector.client.get("/beamer", params={"w": "x", "code": workshop.join_code}).status_code == 404
    assert projector.client.get("/beamer/stage", params={"w": str(workshop.id), "code": "ZZZZZZ"}).status_code == 404


def test_the_projector_in_english(app, workshop, projector):
    page = projector.html(workshop, lang="en")
    assert '<html lang="en"' in page and "have joined" in page and "sind dabei" not in page


def test_the_stage_answers_204_while_nothing_changed_and_the_new_stage_after_a_change(app, workshop, projector):
    first = projector.stage(workshop)
    version = first.headers["x-stage-version"]
    assert first.status_code == 200 and f'data-version="{version}"' in first.text
    unchanged = projector.stage(workshop, seen=version)
    assert unchanged.status_code == 204 and unchanged.content == b""
    app.join(workshop.join_code)
    changed = projector.stage(workshop, seen=version)
    assert changed.status_code == 200 and changed.headers["x-stage-version"] != version
    assert '<span class="count-number">1</span>' in changed.text
    app.set_live_step(workshop.id, "rating")
    assert "So viele haben schon bewertet:" in projector.stage(workshop, seen=changed.headers["x-stage-version"]).text


def test_the_page_and_its_files_are_served(projector):
    page_assets = ["/beamer/assets/projector.css", "/beamer/assets/projector.js"]
    for path in page_assets:
        response = projector.client.get(path)
        assert response.status_code == 200 and "immutable" in response.headers["cache-control"]
    plotly = projector.client.get("/beamer/plotly.min.js", headers={"accept-encoding": "gzip"})
    assert plotly.status_code == 200 and plotly.headers["content-encoding"] == "gzip"
    assert len(plotly.content) > 1_000_000 and "immutable" in plotly.headers["cache-control"]


# --- the laptop's own Wi-Fi ------------------------------------------------------------------


def test_check_in_shows_the_wifi_first_when_the_laptop_brings_its_own(app, workshop, projector, monkeypatch):
    monkeypatch.setenv("WERKSTATT_WIFI_SSID", "Rathaus <Gast>")
    monkeypatch.setenv("WERKSTATT_WIFI_PASSWORD", "Vielfalt;2026")
    page = projector.html(workshop)
    assert "Erst mit dem WLAN verbinden, dann den QR-Code zum Mitmachen scannen." in page
    assert "Name: <b dir=\"auto\">Rathaus &lt;Gast&gt;</b>" in page and "<b dir=\"ltr\">Vielfalt;2026</b>" in page
    assert page.count("<svg") == 2  # the network's code beside the workshop's
    assert page.index('class="join join-column wifi"') < page.index('class="join-code"')  # first the Wi-Fi
    app.set_live_step(workshop.id, "rating")
    assert "WLAN" not in projector.html(workshop)  # only at check-in


def test_without_a_wifi_of_its_own_check_in_shows_one_code(app, workshop, projector, monkeypatch):
    monkeypatch.delenv("WERKSTATT_WIFI_SSID", raising=False)
    page = projector.html(workshop)
    assert "WLAN" not in page and page.count("<svg") == 1
