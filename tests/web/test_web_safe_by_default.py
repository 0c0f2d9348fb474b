"""Safe by default: strict headers on every participant response, no inline script or style,
unknown links answered with the code form, oversized bodies and other sites' posts refused
before anything is stored."""

from __future__ import annotations

import pytest

from tests.web import pages
from tests.web.conftest import join_over_http, new_phone, screens_of_every_step, token_of
from werkstatt.i18n import t
from werkstatt.web.security import MAX_BODY_BYTES

# --- unknown links ----------------------------------------------------------------------------

POST_ROUTES = ["rating", "group", "cards", "cards/1", "cards/1/delete", "dots"]


def refused_as_unknown_link(answer, lang: str = "de") -> None:
    assert answer.status_code == 404
    assert pages.code_box(answer) == ""  # the code form, to start again
    assert t("Diesen Link kennen wir nicht. Bitte geben Sie den Code vom Beamer ein.", lang) in pages.error_text(answer)


def test_an_unknown_token_gets_404_with_the_code_form(web, workshop):
    refused_as_unknown_link(web.get("/p/not-a-token"))
    refused_as_unknown_link(web.get("/p/not-a-token", params={"lang": "tr"}), "tr")


@pytest.mark.parametrize("route", POST_ROUTES)
def test_a_post_with_an_unknown_token_gets_404_with_the_code_form_and_stores_nothing(
        app, web, rating_workshop, route):
    answer = web.post(f"/p/not-a-token/{route}", data={"field": "management", "level": "3", "kind": "gap",
                                                       "text": "Eine Karte", "group": "1", "card": "1",
                                                       "dots": "1"})
    refused_as_unknown_link(answer)
    assert app.ratings(rating_workshop.id).empty
    assert app.board(rating_workshop.id) == []


def test_the_events_of_an_unknown_token_get_404(web):
    assert web.get("/p/not-a-token/events").status_code == 404


def test_a_near_miss_of_a_real_token_is_an_unknown_link(web, phone):
    near = phone.token[:-1] + ("A" if phone.token[-1] != "A" else "B")
    other_case = phone.token.swapcase() if phone.token.swapcase() != phone.token else near
    refused_as_unknown_link(web.get(f"/p/{near}"))
    refused_as_unknown_link(web.get(f"/p/{other_case}"))
    assert web.get(f"/p/{phone.token}").status_code == 200


# --- bodies too large -------------------------------------------------------------------------


def test_a_body_over_256_kb_is_refused_with_413_and_the_german_page_and_nothing_is_stored(app, writer):
    text = "x" * (MAX_BODY_BYTES + 1)
    answer = writer.write(text)
    assert answer.status_code == 413
    assert t("Das war zu viel Text auf einmal. Bitte fassen Sie sich kürzer.", "de") in pages.error_text(answer)
    assert pages.html_lang(answer) == "de"
    assert app.my_cards(writer.token) == []


def test_a_body_over_256_kb_without_a_declared_length_is_refused_with_413(app, web, writer):
    body = b"kind=gap&field=management&text=" + b"x" * (MAX_BODY_BYTES + 1)

    def chunks():
        for start in range(0, len(body), 64 * 1024):
            yield body[start:start + 64 * 1024]

    answer = web.post(f"/p/{writer.token}/cards", content=chunks(),
                      headers={"content-type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 413
    assert t("Das war zu viel Text auf einmal. Bitte fassen Sie sich kürzer.", "de") in pages.error_text(answer)
    assert app.my_cards(writer.token) == []


def test_a_body_over_256_kb_is_refused_in_the_participants_language(writer):
    writer.lang = "tr"
    answer = writer.write("x" * (MAX_BODY_BYTES + 1))
    assert answer.status_code == 413
    assert t("Das war zu viel Text auf einmal. Bitte fassen Sie sich kürzer.", "tr") in pages.error_text(answer)


def test_a_join_over_256_kb_is_refused_and_nobody_joins(app, web, workshop):
    answer = web.post("/teilnehmen/beitreten", data={"code": workshop.join_code, "pad": "x" * MAX_BODY_BYTES})
    assert answer.status_code == 413
    assert app.progress(workshop.id).participants == 0


@pytest.mark.parametrize("char", ["ع", "🙂"], ids=["arabic", "emoji"])
def test_a_10000_character_card_in_arabic_or_emoji_reaches_the_service_and_is_too_long(app, writer, char):
    """Form-encoded such a card is 60–120 KB: under the cap, so it gets its own message."""
    text = char * 10_000
    answer = writer.write(text)
    assert answer.status_code == 422
    assert t("Die Karte ist zu lang: {length} Zeichen, erlaubt sind höchstens {max}. Bitte kürzen – "
             "Ihr Text ist noch da.", "de", length=10_000, max=500) in pages.error_text(answer)
    assert pages.typed_card_text(answer) == text
    assert app.my_cards(writer.token) == []


# --- posts from other sites -------------------------------------------------------------------


def card_form(text: str) -> dict[str, str]:
    return {"kind": "gap", "field": "management", "text": text}


@pytest.mark.parametrize("origin", ["https://evil.example", "http://testserver.evil.example",
                                    "http://evil.example:80"])
def test_a_card_posted_from_another_site_is_refused_with_403_and_nothing_is_stored(app, web, writer, origin):
    answer = web.post(f"/p/{writer.token}/cards", data=card_form("Fremd"), headers={"origin": origin})
    assert answer.status_code == 403
    assert pages.code_box(answer) is not None
    assert app.my_cards(writer.token) == []


def test_a_join_posted_from_another_site_is_refused_and_nobody_joins(app, web, workshop):
    answer = web.post("/teilnehmen/beitreten", data={"code": workshop.join_code, "join_key": "k"},
                      headers={"origin": "https://evil.example"})
    assert answer.status_code == 403
    assert app.progress(workshop.id).participants == 0


@pytest.mark.parametrize("origin", ["null", None, "http://testserver", "HTTP://TESTSERVER"],
                         ids=["null", "none", "same-site", "same-site-upper-case"])
def test_a_post_with_origin_null_none_or_our_own_is_accepted(app, web, writer, origin):
    headers = {"origin": origin} if origin else {}
    answer = web.post(f"/p/{writer.token}/cards", data=card_form("Eigene"), headers=headers)
    assert answer.status_code == 303
    assert [c.text for c in app.my_cards(writer.token)] == ["Eigene"]


def test_behind_a_proxy_the_forwarded_host_is_our_origin(app, web, writer):
    proxy = {"x-forwarded-host": "werkstatt.example"}
    answer = web.post(f"/p/{writer.token}/cards", data=card_form("Proxy"),
                      headers={"origin": "https://werkstatt.example", **proxy})
    assert answer.status_code == 303
    refused = web.post(f"/p/{writer.token}/cards", data=card_form("Fremd"),
                       headers={"origin": "https://evil.example", **proxy})
    assert refused.status_code == 403
    assert [c.text for c in app.my_cards(writer.token)] == ["Proxy"]


# --- headers ----------------------------------------------------------------------------------


def csp_directives(response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in policy.split(";") if part.strip()}


def assert_strict_headers(response) -> None:
    csp = csp_directives(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert "unsafe-eval" not in response.headers["content-security-policy"]
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"


def first_event(web, token: str):
    """The event stream's response headers (the stream is closed after them)."""
    with web.stream("GET", f"/p/{token}/events") as stream:
        return stream


@pytest.fixture
def every_kind_of_response(app, web, workshop):
    """One response of each kind a participant's browser gets."""
    app.set_live_step(workshop.id, "rating")
    code_page = web.get("/teilnehmen")
    join_page = web.get("/teilnehmen", params={"code": workshop.join_code})
    redirect = join_over_http(web, workshop.join_code)
    token = token_of(redirect)
    phone = new_phone(app, web, workshop)
    screen = phone.screen()
    stylesheet = next(n.get("href") for n in pages.tree(screen).find_all("link", rel="stylesheet"))
    script = pages.tree(screen).find("script").get("src")
    return {
        "code page": code_page,
        "join page": join_page,
        "screen": screen,
        "303": redirect,
        "422": phone.rate("management", 9),
        "404": web.get("/p/nope"),
        "403": web.post(f"/p/{token}/rating", data={"field": "management", "level": "1"},
                        headers={"origin": "https://evil.example"}),
        "413": phone.write("x" * (MAX_BODY_BYTES + 1)),
        "old bookmark": web.get("/teilnehmen", params={"t": token}),
        "event stream": first_event(web, token),
        "stylesheet": web.get(stylesheet),
        "script": web.get(script),
    }


def test_every_participant_response_carries_the_strict_headers(every_kind_of_response):
    statuses = {name: r.status_code for name, r in every_kind_of_response.items()}
    assert statuses == {"code page": 200, "join page": 200, "screen": 200, "303": 303, "422": 422, "404": 404,
                        "403": 403, "413": 413, "old bookmark": 303, "event stream": 200,
                        "stylesheet": 200, "script": 200}
    for name, response in every_kind_of_response.items():
        try:
            assert_strict_headers(response)
        except (AssertionError, KeyError) as error:
            raise AssertionError(f"{name}: {error!r} in {dict(response.headers)}") from error


def test_pages_are_never_cached_and_assets_are_cached_for_good(every_kind_of_response):
    for name, response in every_kind_of_response.items():
        cache = response.headers.get("cache-control", "")
        if name in ("stylesheet", "script"):
            assert "max-age=31536000" in cache and "immutable" in cache, (name, cache)
            assert "no-store" not in cache
        else:
            assert cache == "no-store", (name, cache)


def test_the_event_stream_is_an_event_stream(every_kind_of_response):
    assert every_kind_of_response["event stream"].headers["content-type"].startswith("text/event-stream")


def test_the_asset_urls_carry_the_assets_hash(client, web, phone):
    page = phone.screen()
    urls = [n.get("href") for n in pages.tree(page).find_all("link")]
    urls.append(pages.tree(page).find("script").get("src"))
    assert len(urls) == 4
    assert all(url.startswith("/p/assets/") and url.endswith(f"?v={client.asset_version}") for url in urls)
    for url in urls:
        assert web.get(url).status_code == 200, url


def test_no_participant_page_has_an_inline_script_or_style(app, web, workshop, writer):
    shown = screens_of_every_step(app, web, workshop)
    shown.append(("too large", writer.write("x" * (MAX_BODY_BYTES + 1))))
    shown.append(("other site", web.post(f"/p/{writer.token}/cards", data={},
                                         headers={"origin": "https://evil.example"})))
    assert len(shown) > 20
    for name, page in shown:
        assert page.headers["content-type"].startswith("text/html"), name
        assert pages.inline_scripts(page) == [], name
        assert pages.style_attributes(page) == [], name
        assert pages.inline_style_blocks(page) == [], name
        scripts = pages.tree(page).find_all("script")
        assert [s.get("src", "").split("?")[0] for s in scripts] == ["/p/assets/werkstatt.js"], name
        for node in pages.tree(page).iter():  # no event-handler attributes either (onclick=…)
            assert not [a for a in node.attrs if a.startswith("on")], (name, node.tag, node.attrs)


def test_the_inline_checks_can_fail():
    page = ('<html><body><script>alert(1)</script><p style="color:red">x</p>'
            '<script src="/a.js"></script></body></html>')
    assert pages.inline_scripts(page) == ["alert(1)"]
    assert pages.style_attributes(page) == ["<p style='color:red'>"]


# --- links on a page a POST answered --------------------------------------------------------------


def arrive(web, href: str):
    """What a browser shows after following ``href`` (and one redirect)."""
    response = web.get(href)
    if response.status_code == 303:
        response = web.get(response.headers["location"])
    return response


def local_links(page) -> list[str]:
    return [a.get("href") for a in pages.tree(page).find_all("a")
            if a.get("href", "").startswith(("/p/", "/teilnehmen"))]


def test_the_language_links_on_a_refused_form_lead_to_ones_screen_in_that_language(app, writer):
    refused = writer.write("ab")
    assert refused.status_code == 422
    switch = [a for a in pages.tree(refused).find("nav", cls="ws-langs").find_all("a")]
    assert len(switch) == 6
    for link in switch:
        page = arrive(writer.web, link.get("href"))
        assert page.status_code == 200, link.get("href")
        assert pages.html_lang(page) == link.get("hreflang")
        assert pages.step_shown(page) == "cards"


def test_every_link_on_a_page_a_post_answered_leads_to_a_page(app, web, workshop):
    app.set_live_step(workshop.id, "cards")
    phone = new_phone(app, web, workshop)
    answered = {
        "card refused": phone.write("ab"),
        "edit refused": phone.edit(999, "Text"),
        "too large": phone.write("x" * (MAX_BODY_BYTES + 1)),
        "other site": web.post(f"/p/{phone.token}/cards", data={},
                               headers={"origin": "https://evil.example"}),
        "unknown link": web.post("/p/nope/cards", data={}),
    }
    app.set_participant_cap(workshop.id, 1)
    answered["workshop full"] = join_over_http(web, workshop.join_code)
    assert [r.status_code for r in answered.values()] == [422, 422, 413, 403, 404, 422]
    for name, page in answered.items():
        for href in local_links(page):
            shown = arrive(web, href)
            assert shown.status_code not in (405, 500), (name, href, shown.status_code)
            assert pages.code_box(shown) is not None or pages.main_area(shown).get("data-step"), (name, href)


def test_what_the_facilitator_or_a_visitor_typed_is_shown_as_text(app, web):
    workshop = app.create_workshop(title="<i>Titel</i>", municipality="<b>Ort</b>", facilitator_pin="4711")
    app.set_live_step(workshop.id, "cards")
    group = app.add_group(workshop.id, "<script>alert(1)</script>", ["management"])
    page = new_phone(app, web, workshop).screen()
    assert pages.group_choices(page) == {str(group.id): "<script>alert(1)</script>"}
    assert "<i>Titel</i> · <b>Ort</b>" in pages.visible_text(page)
    assert not pages.main_area(page).find_all("i") and not pages.main_area(page).find_all("b")
    assert pages.inline_scripts(page) == []

    echoed = web.get("/teilnehmen", params={"code": '"><script>alert(1)</script>'})
    assert pages.code_box(echoed) == '"><script>alert(1)</script>'
    assert pages.inline_scripts(echoed) == []
