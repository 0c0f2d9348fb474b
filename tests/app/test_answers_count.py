""""Antworten" means the answers on the scale on every screen; with "kann ich nicht einschätzen" it is
"Rückmeldungen insgesamt" (issue 15: the results table said 11 and the chart's numbers 12)."""

from tests.conftest import PIN, seed_ratings


def test_results_table_and_the_charts_numbers_count_the_same_answers(app, rating_workshop, open_page):
    seed_ratings(app, rating_workshop, participants=12)  # some say "kann ich nicht einschätzen"
    at = open_page("pages/ergebnisse.py", f=app.facilitator_login(rating_workshop.join_code, PIN))
    results = at.dataframe[0].value.set_index("Handlungsfeld")
    numbers = at.table[0].value  # "Zahlen als Tabelle" beside the distribution chart
    assert "Rückmeldungen insgesamt" in numbers.columns
    assert list(numbers.index) == list(results.index)
    assert (results["kann ich nicht einschätzen"] > 0).any()
    for field in results.index:
        answers = int(results.at[field, "Antworten"])
        assert int(numbers.at[field, "Antworten"]) == answers, field
        assert int(numbers.at[field, "Rückmeldungen insgesamt"]) == answers + int(
            results.at[field, "kann ich nicht einschätzen"]), field
