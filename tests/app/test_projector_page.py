"""The projector: code, QR and counts before the reveal; results only after it."""

import json

from tests.app.conftest import texts
from tests.conftest import seed_ratings


def test_projector_before_reveal_shows_code_counts_and_no_results(app, rating_workshop, open_page):
    seed_ratings(app, rating_workshop, participants=5)
    at = open_page("pages/beamer.py", w=str(rating_workshop.id), code=rating_workshop.join_code)
    page = "\n".join(str(h.proto) for h in at.get("html"))
    assert rating_workshop.join_code in page
    assert "sind dabei" in page and ">5<" in page
    assert len(at.get("image")) == 1  # the QR code
    assert at.get("plotly_chart") == []
    assert at.button == [] and at.text_input == []  # no controls


def test_projector_after_reveal_shows_charts_and_verdicts(app, rating_workshop, open_page):
    seed_ratings(app, rating_workshop, participants=12)
    app.set_live_step(rating_workshop.id, "results")
    at = open_page("pages/beamer.py", w=str(rating_workshop.id), code=rating_workshop.join_code)
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    spec = json.loads(charts[0].proto.spec)
    assert len(spec["data"]) == 5  # four levels plus "kann ich nicht einschätzen"
    page = "\n".join(str(h.proto) for h in at.get("html"))
    for field in app.fieldset(rating_workshop).fields:
        assert field.title.get("de") in page


def test_projector_link_needs_the_matching_code(app, workshop, open_page):
    at = open_page("pages/beamer.py", w=str(workshop.id), code="ZZZZZZ")
    assert "Beamer-Link ist nicht vollständig" in texts(at)
    assert at.get("plotly_chart") == []


def test_projector_in_english(app, workshop, open_page):
    at = open_page("pages/beamer.py", w=str(workshop.id), code=workshop.join_code, lang="en")
    page = "\n".join(str(h.proto) for h in at.get("html"))
    assert "have joined" in page
