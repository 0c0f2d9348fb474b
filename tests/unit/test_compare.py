"""Two workshops side by side (``aggregate.compare``) and the administration's self-check beside the
room's median (``aggregate.perspective``), checked against numbers worked out by hand."""

import math

import pandas as pd
import pytest

from werkstatt.aggregate import PERSPECTIVES, TRENDS, compare, perspective, summarize
from werkstatt.fieldsets import Field, Fieldset, Level, Scale, Text, VerdictRules

NA = None  # "kann ich nicht einschätzen"


def text(de: str) -> Text:
    return Text(values={"de": de})


# Scale 1..4; a verdict needs 3 answers; contested below a consensus of 0.5.
FIELDSET = Fieldset(
    id="test",
    title=text("Test"),
    language="de",
    scale=Scale(tuple(Level(v, text(f"Stufe {v}")) for v in range(1, 5)), text("weiß nicht")),
    fields=tuple(Field(f, text(f"Feld {f}"), text("…")) for f in ("a", "b", "c", "d", "e")),
    verdict=VerdictRules(min_answers=3, strength_median_at_least=3, contested_consensus_below=0.5),
)


def ratings(answers: dict[str, list]) -> pd.DataFrame:
    """field id → levels (None: don't know), typed like the store's frame."""
    rows = [(field_id, level, None) for field_id, levels in answers.items() for level in levels]
    frame = pd.DataFrame(rows, columns=["field_id", "level", "sector"])
    frame["level"] = frame["level"].astype("Int64")
    frame["sector"] = frame["sector"].astype(object)
    return frame


BEFORE = summarize(ratings({
    "a": [2, 2, 2],
    "b": [1, 4, 1, 4],
    "c": [3, 3, 4, 4, 4],
    "d": [2, 2, 2],
    "e": [3, 3, 3],
}), FIELDSET)

AFTER = summarize(ratings({
    "a": [3, 3, 3, 3],
    "b": [2, 2, 3, 3],
    "c": [1, 2, 3, NA, NA],  # two "don't know": n = 3
    "d": [4, 4, NA],  # n = 2: too few for a verdict
    # e: nobody rated it
}), FIELDSET)


@pytest.fixture(scope="module")
def result() -> pd.DataFrame:
    return compare(BEFORE, AFTER, FIELDSET).set_index("field_id")


def test_one_row_per_field_in_fieldset_order():
    assert list(compare(BEFORE, AFTER, FIELDSET)["field_id"]) == ["a", "b", "c", "d", "e"]


def test_the_columns():
    assert list(compare(BEFORE, AFTER, FIELDSET).columns) == [
        "field_id",
        "n_before", "n_after", "median_before", "median_after",
        "mean_before", "mean_after", "consensus_before", "consensus_after",
        "median_change", "mean_change", "consensus_change",
        "share_1_change", "share_2_change", "share_3_change", "share_4_change",
        "trend",
    ]


def test_full_agreement_moving_up_a_level(result):
    # a: 2, 2, 2 → 3, 3, 3, 3. Median 2 → 3 and mean 2 → 3: both +1.
    # Everyone agrees both times: consensus 1.0 → 1.0, change 0.
    # Shares: level 2 from 100 % to 0 % (−100 pp), level 3 from 0 % to 100 % (+100 pp).
    row = result.loc["a"]
    assert (row.n_before, row.n_after) == (3, 4)
    assert (row.median_before, row.median_after, row.median_change) == (2.0, 3.0, 1.0)
    assert row.mean_change == pytest.approx(1.0)
    assert (row.consensus_before, row.consensus_after) == (1.0, 1.0)
    assert row.consensus_change == pytest.approx(0.0)
    assert [row.share_1_change, row.share_2_change, row.share_3_change, row.share_4_change] == \
        pytest.approx([0.0, -100.0, 100.0, 0.0])
    assert row.trend == "improved"


def test_same_median_but_the_room_agrees_more(result):
    # b: 1, 4, 1, 4 → 2, 2, 3, 3. Median 2.5 → 2.5 and mean 2.5 → 2.5: no change.
    # Before: half at each end, consensus 0 (contested, but not too few: the trend still counts).
    # After: μ = 2.5, every |X − μ| / d = 0.5 / 3 = 1/6, Cns = 1 + log2(5/6) = 1 − 0.263034 = 0.736966.
    # Shares: 50/0/0/50 % → 0/50/50/0 %: −50, +50, +50, −50 pp.
    row = result.loc["b"]
    assert BEFORE.set_index("field_id").loc["b", "verdict"] == "contested"
    assert (row.median_before, row.median_after, row.median_change) == (2.5, 2.5, 0.0)
    assert row.mean_change == pytest.approx(0.0)
    assert row.consensus_before == pytest.approx(0.0, abs=1e-12)
    assert row.consensus_after == pytest.approx(0.736966, abs=1e-6)
    assert row.consensus_change == pytest.approx(0.736966, abs=1e-6)
    assert [row.share_1_change, row.share_2_change, row.share_3_change, row.share_4_change] == \
        pytest.approx([-50.0, 50.0, 50.0, -50.0])
    assert row.trend == "unchanged"


def test_falling_back_with_dont_know_left_out(result):
    # c before: 3, 3, 4, 4, 4 → median 4, mean 18/5 = 3.6.
    #   μ = 3.6, d = 3: X = 3: p = 0.4, log2(1 − 0.6/3) = log2(0.8) = −0.321928 → −0.128771
    #                   X = 4: p = 0.6, log2(1 − 0.4/3) = log2(0.866667) = −0.206451 → −0.123871
    #   Cns = 1 − 0.252642 = 0.747358
    # c after: 1, 2, 3 (the two "don't know" are not answers) → median 2, mean 2.
    #   μ = 2: X = 1 and X = 3: p = 1/3 each, log2(1 − 1/3) = −0.584963 → −0.194988 each; X = 2: 0
    #   Cns = 1 − 0.389975 = 0.610025
    # Changes: median −2, mean 2 − 3.6 = −1.6, consensus 0.610025 − 0.747358 = −0.137333.
    # Shares: 0/0/40/60 % → 33.33/33.33/33.33/0 %: +33.33, +33.33, −6.67, −60 pp.
    row = result.loc["c"]
    assert (row.n_before, row.n_after) == (5, 3)
    assert (row.median_before, row.median_after, row.median_change) == (4.0, 2.0, -2.0)
    assert row.mean_before == pytest.approx(3.6)
    assert row.mean_change == pytest.approx(-1.6)
    assert row.consensus_before == pytest.approx(0.747358, abs=1e-6)
    assert row.consensus_after == pytest.approx(0.610025, abs=1e-6)
    assert row.consensus_change == pytest.approx(-0.137333, abs=1e-6)
    assert [row.share_1_change, row.share_2_change, row.share_3_change, row.share_4_change] == \
        pytest.approx([100 / 3, 100 / 3, 100 / 3 - 40, -60.0])
    assert row.trend == "fell_back"


def test_too_few_answers_after_give_no_trend_even_when_the_median_moved(result):
    # d: 2, 2, 2 → 4, 4 (and one "don't know"): n = 2 < 3 answers needed.
    row = result.loc["d"]
    assert row.n_after == 2
    assert row.median_change == 2.0  # shown, but it does not make a trend
    assert row.trend == "too_few"


def test_a_field_nobody_rated_later_has_no_changes(result):
    # e: 3, 3, 3 → no answers: medians and shares after are undefined.
    row = result.loc["e"]
    assert row.n_after == 0
    assert math.isnan(row.median_change) and math.isnan(row.mean_change) and math.isnan(row.consensus_change)
    assert all(math.isnan(row[f"share_{v}_change"]) for v in range(1, 5))
    assert row.trend == "too_few"


def test_too_few_answers_before_also_give_no_trend():
    thin = summarize(ratings({"a": [1, 1]}), FIELDSET)
    full = summarize(ratings({"a": [4, 4, 4]}), FIELDSET)
    assert compare(thin, full, FIELDSET).set_index("field_id").loc["a", "trend"] == "too_few"


def test_comparing_a_workshop_with_itself_is_unchanged_everywhere_it_has_answers():
    same = compare(BEFORE, BEFORE, FIELDSET)
    assert set(same["trend"]) == {"unchanged"}
    assert (same[[f"share_{v}_change" for v in range(1, 5)]].to_numpy() == 0).all()


def test_trends_are_the_known_ones(result):
    assert set(result["trend"]) <= set(TRENDS)


# --- perspective ---------------------------------------------------------------------


def test_perspective_per_field():
    # medians after: a 3, b 2.5, c 2, d too few, e no answers
    view = perspective(AFTER, {"a": 4.0, "b": 3.4, "c": 1.0, "d": 3.0}, FIELDSET).set_index("field_id")
    # a: 4.0 − 3 = +1.0, exactly one level: the administration sees it better
    assert view.loc["a", "difference"] == 1.0
    assert view.loc["a", "view"] == "admin_higher"
    # b: 3.4 − 2.5 = +0.9: closer than a level
    assert view.loc["b", "difference"] == pytest.approx(0.9)
    assert view.loc["b", "view"] == "agree"
    # c: 1.0 − 2 = −1.0: the administration is more critical
    assert view.loc["c", "difference"] == -1.0
    assert view.loc["c", "view"] == "admin_lower"
    # d: the room's two answers are too few, so its median is not shown
    assert math.isnan(view.loc["d", "median"])
    assert view.loc["d", "view"] == "no_data"
    # e: neither side
    assert math.isnan(view.loc["e", "self_check"])
    assert view.loc["e", "view"] == "no_data"


def test_perspective_without_a_self_check_score_is_no_data():
    view = perspective(BEFORE, {"b": 2.5}, FIELDSET).set_index("field_id")
    assert view.loc["a", "median"] == 2.0
    assert math.isnan(view.loc["a", "self_check"])
    assert view.loc["a", "view"] == "no_data"
    # b is contested, but its median (2.5) still counts: 2.5 − 2.5 = 0
    assert view.loc["b", "difference"] == 0.0
    assert view.loc["b", "view"] == "agree"


@pytest.mark.parametrize(
    ("score", "expected"),
    [(3.0, "agree"), (3.9, "agree"), (4.0, "admin_higher"),
     (2.1, "agree"), (2.0, "admin_lower"), (1.0, "admin_lower")],
)
def test_perspective_thresholds_around_a_median_of_three(score, expected):
    view = perspective(AFTER, {"a": score}, FIELDSET).set_index("field_id")
    assert view.loc["a", "view"] == expected


def test_perspective_columns_and_views():
    view = perspective(AFTER, {"a": 2.0}, FIELDSET)
    assert list(view.columns) == ["field_id", "self_check", "median", "difference", "view"]
    assert list(view["field_id"]) == ["a", "b", "c", "d", "e"]
    assert set(view["view"]) <= set(PERSPECTIVES)
