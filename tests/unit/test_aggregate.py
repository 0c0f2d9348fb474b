"""Aggregation checked against numbers worked out by hand."""

import math

import pandas as pd
import pytest

from werkstatt.aggregate import VERDICTS, consensus, sector_breakdown, summarize, verdict
from werkstatt.fieldsets import Field, Fieldset, Level, Scale, Sector, Text, VerdictRules

NA = None  # "kann ich nicht einschätzen"


def text(de: str, en: str | None = None) -> Text:
    return Text(values={"de": de, "en": en or de})


def make_fieldset(levels: int = 4, fields=("a", "b"), sectors=("verwaltung", "politik"),
                  rules: VerdictRules = VerdictRules()) -> Fieldset:
    return Fieldset(
        id="test",
        title=text("Test"),
        language="de",
        scale=Scale(tuple(Level(v, text(f"Stufe {v}")) for v in range(1, levels + 1)), text("weiß nicht")),
        fields=tuple(Field(f, text(f"Feld {f}"), text("…")) for f in fields),
        sectors=tuple(Sector(s, text(s.title())) for s in sectors),
        verdict=rules,
    )


def make_ratings(*rows: tuple) -> pd.DataFrame:
    """Rows of (field_id, level or None, sector or None), typed like the store's frame."""
    frame = pd.DataFrame(list(rows), columns=["field_id", "level", "sector"])
    frame["level"] = frame["level"].astype("Int64")
    frame["field_id"] = frame["field_id"].astype(str)
    frame["sector"] = frame["sector"].astype(object)
    return frame


def field_ratings(field_id: str, *levels, sector=None) -> list[tuple]:
    return [(field_id, level, sector) for level in levels]


# --- consensus -----------------------------------------------------------------


def test_consensus_without_answers_is_nan():
    assert math.isnan(consensus({}, 1, 4))
    assert math.isnan(consensus({1: 0, 2: 0, 3: 0, 4: 0}, 1, 4))


def test_consensus_of_one_answer_is_one():
    assert consensus({3: 1}, 1, 4) == 1.0


def test_consensus_of_full_agreement_is_one():
    assert consensus({1: 0, 2: 7, 3: 0, 4: 0}, 1, 4) == 1.0


def test_consensus_all_at_one_end_skips_log_of_zero():
    # μ = 1, so the unchosen level 4 would need log2(1 - 3/3) = log2(0); it has p = 0 and is skipped.
    assert consensus({1: 5, 2: 0, 3: 0, 4: 0}, 1, 4) == 1.0


@pytest.mark.parametrize("counts", [{1: 5, 4: 5}, {1: 2, 2: 0, 3: 0, 4: 2}])
def test_consensus_of_even_split_between_extremes_is_zero(counts):
    # μ = 2.5, each |X − μ| / d = 1.5 / 3 = 0.5: Cns = 1 + 2 · ½ · log2(0.5) = 1 − 1 = 0
    assert consensus(counts, 1, 4) == 0.0


def test_consensus_worked_example():
    # Answers 1, 2, 4, 4 on a 1–4 scale: d = 3, μ = 11 / 4 = 2.75
    #   X = 1: p = 1/4, 1 − 1.75/3 = 5/12, log2(5/12) = −1.26303 → −0.31576
    #   X = 2: p = 1/4, 1 − 0.75/3 = 3/4,  log2(3/4)  = −0.41504 → −0.10376
    #   X = 4: p = 1/2, 1 − 1.25/3 = 7/12, log2(7/12) = −0.77761 → −0.38880
    #   Cns = 1 − 0.80832 = 0.19168
    assert consensus({1: 1, 2: 1, 3: 0, 4: 2}, 1, 4) == pytest.approx(0.19168, abs=1e-5)


def test_consensus_symmetric_example_on_five_levels():
    # Answers 2, 2, 4, 4 on 1–5: d = 4, μ = 3, each |X − μ| / d = 1/4: Cns = 1 + log2(3/4) = 0.58496
    assert consensus({2: 2, 4: 2}, 1, 5) == pytest.approx(0.58496, abs=1e-5)


# --- verdict -------------------------------------------------------------------

RULES = VerdictRules(min_answers=5, strength_median_at_least=3, contested_consensus_below=0.5)


@pytest.mark.parametrize(
    ("n", "median", "cns", "expected"),
    [
        (0, math.nan, math.nan, "too_few"),
        (4, 4.0, 1.0, "too_few"),  # one answer short
        (5, 4.0, 1.0, "strength"),  # exactly min_answers is enough
        (5, 3.0, 0.9, "strength"),  # median exactly at the threshold is a strength
        (5, 2.5, 0.9, "gap"),  # half a step below
        (5, 2.999, 0.9, "gap"),
        (5, 3.0, 0.5, "strength"),  # consensus exactly at the threshold is not contested
        (5, 3.0, 0.4999, "contested"),
        (5, 1.0, 0.2, "contested"),  # contested wins over gap …
        (20, 4.0, 0.0, "contested"),  # … and over strength
    ],
)
def test_verdict_thresholds(n, median, cns, expected):
    assert verdict(n, median, cns, RULES) == expected


@pytest.mark.parametrize(
    ("rules", "n", "expected"),
    [
        (VerdictRules(min_answers=1), 1, "gap"),
        (VerdictRules(min_answers=1), 0, "too_few"),
        (VerdictRules(min_answers=0), 0, "too_few"),  # nothing to judge even if the rules allow it
        (VerdictRules(min_answers=10), 9, "too_few"),
        (VerdictRules(min_answers=10), 10, "gap"),
    ],
)
def test_verdict_min_answers(rules, n, expected):
    median, cns = (2.0, 1.0) if n else (math.nan, math.nan)
    assert verdict(n, median, cns, rules) == expected


def test_verdicts_are_the_four_known():
    assert VERDICTS == ("strength", "gap", "contested", "too_few")


# --- summarize -----------------------------------------------------------------

COLUMNS = ["field_id", "n", "dont_know", "median", "mean", "consensus", "verdict",
           "dist_1", "dist_2", "dist_3", "dist_4"]


def test_summary_of_no_ratings_lists_every_field():
    summary = summarize(make_ratings(), make_fieldset(fields=("b", "a", "c")))
    assert list(summary.columns) == COLUMNS
    assert summary["field_id"].tolist() == ["b", "a", "c"]
    assert summary[["n", "dont_know", "dist_1", "dist_2", "dist_3", "dist_4"]].eq(0).all().all()
    assert summary[["median", "mean", "consensus"]].isna().all().all()
    assert summary["verdict"].tolist() == ["too_few"] * 3


def test_summary_column_types():
    summary = summarize(make_ratings(*field_ratings("a", 1, 2, NA)), make_fieldset())
    for column in ("n", "dont_know", "dist_1", "dist_2", "dist_3", "dist_4"):
        assert summary[column].dtype == "int64", column
    for column in ("median", "mean", "consensus"):
        assert summary[column].dtype == "float64", column


def test_summary_of_one_answer():
    row = summarize(make_ratings(("a", 3, None)), make_fieldset()).iloc[0]
    assert (row["n"], row["dont_know"], row["median"], row["mean"], row["consensus"]) == (1, 0, 3.0, 3.0, 1.0)
    assert [row[f"dist_{v}"] for v in (1, 2, 3, 4)] == [0, 0, 1, 0]
    assert row["verdict"] == "too_few"


def test_summary_of_only_dont_know():
    row = summarize(make_ratings(*field_ratings("a", NA, NA, NA)), make_fieldset()).iloc[0]
    assert (row["n"], row["dont_know"]) == (0, 3)
    assert math.isnan(row["median"]) and math.isnan(row["mean"]) and math.isnan(row["consensus"])
    assert row["verdict"] == "too_few"


def test_summary_median_of_even_n_is_halfway_and_ignores_dont_know():
    # 2, 2, 3, 4 (and two "don't know"): median (2 + 3) / 2 = 2.5, mean 11 / 4 = 2.75
    row = summarize(make_ratings(*field_ratings("a", 4, NA, 2, 3, NA, 2)), make_fieldset()).iloc[0]
    assert (row["n"], row["dont_know"], row["median"], row["mean"]) == (4, 2, 2.5, 2.75)


def test_summary_worked_example():
    # 3, 3, 3, 4, 4 and one "don't know" on 1–4: n = 5, median 3, mean 17 / 5 = 3.4
    #   Cns: d = 3, μ = 3.4; X = 3: 0.6 · log2(1 − 0.4/3) = 0.6 · −0.20645 = −0.12387
    #                        X = 4: 0.4 · log2(1 − 0.6/3) = 0.4 · −0.32193 = −0.12877
    #   Cns = 1 − 0.25264 = 0.74736 ≥ 0.5 and median 3 ≥ 3: strength
    ratings = make_ratings(*field_ratings("a", 3, 4, 3, NA, 4, 3), *field_ratings("b", 1, 1, 1, 4, 4, 4))
    summary = summarize(ratings, make_fieldset()).set_index("field_id")
    a = summary.loc["a"]
    assert (a["n"], a["dont_know"], a["median"], a["mean"]) == (5, 1, 3.0, 3.4)
    assert a["consensus"] == pytest.approx(0.74736, abs=1e-5)
    assert a["verdict"] == "strength"
    assert [a[f"dist_{v}"] for v in (1, 2, 3, 4)] == [0, 0, 3, 2]
    # b: three at each end, Cns 0, contested even though its median (1 + 4) / 2 = 2.5 would be a gap
    b = summary.loc["b"]
    assert (b["n"], b["median"], b["consensus"], b["verdict"]) == (6, 2.5, 0.0, "contested")


def test_summary_gap_and_too_few():
    ratings = make_ratings(*field_ratings("a", 2, 2, 2, 1, 2), *field_ratings("b", 4, 4, 4, 4))
    summary = summarize(ratings, make_fieldset()).set_index("field_id")
    assert summary.loc["a", "verdict"] == "gap"  # n = 5, median 2
    assert summary.loc["b", "verdict"] == "too_few"  # n = 4 < 5, although everyone says 4


def test_summary_ignores_unknown_fields_and_levels_off_the_scale():
    ratings = make_ratings(("a", 2, None), ("gone", 3, None), ("a", 9, None), ("b", 0, None))
    summary = summarize(ratings, make_fieldset())
    assert summary["field_id"].tolist() == ["a", "b"]
    assert summary["n"].tolist() == [1, 0]
    assert summary["dont_know"].tolist() == [0, 0]


def test_summary_has_one_count_column_per_level_of_a_five_level_scale():
    summary = summarize(make_ratings(*field_ratings("a", 5, 1)), make_fieldset(levels=5))
    assert list(summary.columns)[-5:] == ["dist_1", "dist_2", "dist_3", "dist_4", "dist_5"]
    assert summary.loc[0, "median"] == 3.0


# --- sector_breakdown ----------------------------------------------------------


def test_sector_cells_under_three_answers_are_hidden():
    ratings = make_ratings(
        *field_ratings("a", 1, 2, 4, sector="verwaltung"),  # 3 answers: shown, median 2
        *field_ratings("a", 4, 4, sector="politik"),  # 2 answers: hidden
        *field_ratings("b", 3, 3, NA, sector="politik"),  # 2 answers + "don't know": still hidden
        *field_ratings("b", 1, 2, 3, 4, sector="verwaltung"),  # 4 answers: median 2.5
    )
    frame = sector_breakdown(ratings, make_fieldset())
    assert list(frame.columns) == ["field_id", "sector", "n", "median"]
    assert frame["n"].dtype == "Int64" and frame["median"].dtype == "float64"
    cells = frame.set_index(["field_id", "sector"])
    assert (cells.loc[("a", "verwaltung"), "n"], cells.loc[("a", "verwaltung"), "median"]) == (3, 2.0)
    assert (cells.loc[("b", "verwaltung"), "n"], cells.loc[("b", "verwaltung"), "median"]) == (4, 2.5)
    for hidden in [("a", "politik"), ("b", "politik")]:
        assert pd.isna(cells.loc[hidden, "n"]) and math.isnan(cells.loc[hidden, "median"])


def test_sector_min_cell_can_be_lowered():
    ratings = make_ratings(*field_ratings("a", 4, 3, sector="politik"))
    cells = sector_breakdown(ratings, make_fieldset(), min_cell=2).set_index(["field_id", "sector"])
    assert (cells.loc[("a", "politik"), "n"], cells.loc[("a", "politik"), "median"]) == (2, 3.5)


def test_sector_breakdown_lists_every_cell_in_fieldset_order_and_drops_unknown_sectors():
    ratings = make_ratings(
        *field_ratings("a", 1, 1, 1),  # no sector
        *field_ratings("a", 2, 2, 2, sector="gone"),  # sector no longer in the fieldset
        *field_ratings("zz", 3, 3, 3, sector="politik"),  # field not in the fieldset
    )
    fieldset = make_fieldset(fields=("b", "a"), sectors=("verwaltung", "politik", "ehrenamt"))
    frame = sector_breakdown(ratings, fieldset)
    assert list(zip(frame["field_id"], frame["sector"])) == [
        ("b", "verwaltung"), ("b", "politik"), ("b", "ehrenamt"),
        ("a", "verwaltung"), ("a", "politik"), ("a", "ehrenamt"),
    ]
    assert frame["n"].isna().all() and frame["median"].isna().all()


def test_sector_breakdown_table_recipe_keeps_the_order():
    ratings = make_ratings(*field_ratings("a", 1, 2, 3, sector="politik"))
    fieldset = make_fieldset(fields=("b", "a"), sectors=("verwaltung", "politik"))
    frame = sector_breakdown(ratings, fieldset)
    table = frame.set_index(["field_id", "sector"])["median"].unstack(sort=False)
    assert table.index.tolist() == ["b", "a"]
    assert table.columns.tolist() == ["verwaltung", "politik"]
    assert table.loc["a", "politik"] == 2.0


def test_sector_breakdown_of_no_ratings_and_no_sectors():
    assert len(sector_breakdown(make_ratings(), make_fieldset())) == 4
    empty = sector_breakdown(make_ratings(*field_ratings("a", 1, 2, 3)), make_fieldset(sectors=()))
    assert empty.empty and list(empty.columns) == ["field_id", "sector", "n", "median"]
