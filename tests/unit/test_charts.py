"""The charts: built from summaries, checked on their data rather than their looks."""

import re

import pandas as pd
import pytest

from werkstatt.aggregate import summarize
from werkstatt.charts import (
    DONT_KNOW_COLOUR,
    VERDICT_STYLES,
    _stack_labels,
    distribution_chart,
    level_colours,
    overview_chart,
)
from werkstatt.fieldsets import Field, Fieldset, Level, Scale, Text, VerdictRules

OKABE_ITO = ["#D55E00", "#E69F00", "#56B4E9", "#0072B2"]
CHARTS = [distribution_chart, overview_chart]


def text(de: str, en: str) -> Text:
    return Text(values={"de": de, "en": en})


def make_fieldset(levels: int = 4, fields=("a", "b"),
                  rules: VerdictRules = VerdictRules(min_answers=2)) -> Fieldset:
    return Fieldset(
        id="test",
        title=text("Test", "Test"),
        language="de",
        scale=Scale(
            tuple(Level(v, text(f"Stufe {v}", f"Level {v}")) for v in range(1, levels + 1)),
            text("weiß nicht", "don't know"),
        ),
        fields=tuple(
            Field(f, text(f"Feld {f.upper()}", f"Field {f.upper()}"), text("…", "…")) for f in fields
        ),
        verdict=rules,
    )


def make_summary(fieldset: Fieldset, answers: dict[str, list]) -> pd.DataFrame:
    """Field id → levels (None = don't know), through the real aggregation."""
    rows = [(field_id, level, None) for field_id, levels in answers.items() for level in levels]
    ratings = pd.DataFrame(rows, columns=["field_id", "level", "sector"]).astype({"level": "Int64"})
    return summarize(ratings, fieldset)


# a: 1, 2, 3, 3 → 25 %, 25 %, 50 %, 0 %, no "don't know"
# b: 4, 4, 4, don't know → 0 %, 0 %, 0 %, 75 %, 25 %
SMALL = {"a": [1, 2, 3, 3], "b": [4, 4, 4, None]}


def assert_no_nan(fig) -> None:
    assert not re.search(r"\bnan\b", fig.to_json(), flags=re.IGNORECASE)


# --- colours -------------------------------------------------------------------


def test_four_levels_get_okabe_ito_and_others_keep_the_ends():
    assert level_colours(4) == OKABE_ITO
    assert level_colours(2) == ["#D55E00", "#0072B2"]
    five = level_colours(5)
    assert (five[0], five[-1]) == ("#D55E00", "#0072B2")
    assert len(set(five)) == 5 and DONT_KNOW_COLOUR not in five


# --- distribution --------------------------------------------------------------


def test_distribution_has_one_trace_per_level_then_dont_know():
    fig = distribution_chart(make_summary(make_fieldset(), SMALL), make_fieldset(), "en")
    assert [trace.name for trace in fig.data] == ["Level 1", "Level 2", "Level 3", "Level 4", "don't know"]
    assert [trace.marker.color for trace in fig.data] == OKABE_ITO + [DONT_KNOW_COLOUR]
    assert all(trace.orientation == "h" for trace in fig.data)
    assert fig.layout.barmode == "stack"


def test_distribution_lists_fields_in_fieldset_order_first_at_top():
    fieldset = make_fieldset(fields=("b", "a"))
    fig = distribution_chart(make_summary(fieldset, SMALL), fieldset, "de")
    assert list(fig.layout.yaxis.categoryarray) == ["b", "a"]
    assert fig.layout.yaxis.autorange == "reversed"
    assert list(fig.layout.yaxis.ticktext) == ["Feld B", "Feld A"]
    assert all(list(trace.y) == ["b", "a"] for trace in fig.data)


def test_distribution_shares_and_texts():
    fig = distribution_chart(make_summary(make_fieldset(), SMALL), make_fieldset(), "de")
    assert [list(trace.x) for trace in fig.data] == [[25, 0], [25, 0], [50, 0], [0, 75], [0, 25]]
    assert [list(trace.text) for trace in fig.data] == [
        ["25\u00a0%", ""], ["25\u00a0%", ""], ["50\u00a0%", ""], ["", "75\u00a0%"], ["", "25\u00a0%"],
    ]
    level_3 = fig.data[2]
    assert list(level_3.customdata[0]) == ["Feld A", 2, 4, "50\u00a0%"]  # hover: title, count, total, share
    assert fig.layout.separators == ",."


def test_distribution_texts_in_english_and_narrow_segments_unlabelled():
    # 1 of 13 = 7.7 % is under 8 %: no text; 12 of 13 = 92 %
    fieldset = make_fieldset(fields=("a",))
    fig = distribution_chart(make_summary(fieldset, {"a": [1] + [4] * 12}), fieldset, "en")
    assert fig.data[0].x[0] == pytest.approx(7.7)
    assert list(fig.data[0].text) == [""]
    assert list(fig.data[3].text) == ["92%"]


def test_distribution_text_contrasts_with_its_segment():
    fig = distribution_chart(make_summary(make_fieldset(), SMALL), make_fieldset(), "de")
    # black on vermillion, orange, sky blue and grey; white only on the dark blue
    assert [trace.textfont.color for trace in fig.data] == ["#000000"] * 3 + ["#FFFFFF", "#000000"]


@pytest.mark.parametrize("rows", ["all", "none"])
def test_distribution_without_answers_shows_empty_bars(rows):
    fieldset = make_fieldset()
    summary = make_summary(fieldset, {})
    fig = distribution_chart(summary if rows == "all" else summary.iloc[:0], fieldset, "de")
    assert len(fig.data) == 5
    assert all(list(trace.y) == ["a", "b"] for trace in fig.data)
    assert all(list(trace.x) == [0, 0] and list(trace.text) == ["", ""] for trace in fig.data)
    assert_no_nan(fig)


def test_distribution_for_five_levels_and_nine_fields():
    fieldset = make_fieldset(levels=5, fields=tuple("abcdefghi"))
    fig = distribution_chart(make_summary(fieldset, {"a": [1, 5, None], "i": [3]}), fieldset, "en")
    assert len(fig.data) == 6
    assert [trace.marker.color for trace in fig.data] == level_colours(5) + [DONT_KNOW_COLOUR]
    assert len(fig.layout.yaxis.categoryarray) == 9
    assert list(fig.data[2].x) == [0] * 8 + [100]
    assert_no_nan(fig)


def test_distribution_for_the_projector_is_large_with_the_legend_on_top():
    fig = distribution_chart(make_summary(make_fieldset(), SMALL), make_fieldset(), "de", large=True)
    small = distribution_chart(make_summary(make_fieldset(), SMALL), make_fieldset(), "de")
    assert fig.layout.font.size >= 22
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y >= 1
    assert fig.layout.height > small.layout.height
    assert fig.layout.title.text is None  # the page gives the heading
    assert fig.layout.xaxis.title.text == "Anteil der Antworten"


# --- overview ------------------------------------------------------------------


def overview_summary():
    """a: strength (3, 4, 4), b: gap (1, 2, 2), c: contested (1, 4), d: too few (4), e: nothing."""
    fieldset = make_fieldset(fields=tuple("abcde"))
    answers = {"a": [3, 4, 4], "b": [1, 2, 2], "c": [1, 4], "d": [4], "e": [None]}
    return fieldset, make_summary(fieldset, answers)


def test_overview_has_a_trace_per_verdict_with_symbol_and_colour():
    fieldset, summary = overview_summary()
    fig = overview_chart(summary, fieldset, "en")
    points = [trace for trace in fig.data if trace.showlegend is not False]
    assert [trace.name for trace in points] == ["Strength", "Needs action", "contested", "too few answers"]
    for trace, verdict in zip(points, ["strength", "gap", "contested", "too_few"]):
        assert (trace.marker.color, trace.marker.symbol) == VERDICT_STYLES[verdict]
    strength, gap, contested, too_few = points
    assert (list(strength.x), list(gap.x), list(contested.x), list(too_few.x)) == ([4], [2], [2.5], [4])
    assert (list(contested.y), list(too_few.y)) == ([0], [1])


def test_overview_leaves_out_fields_without_answers_and_labels_the_rest():
    fieldset, summary = overview_summary()
    fig = overview_chart(summary, fieldset, "de")
    labels = " ".join(text for trace in fig.data for text in (trace.text or ()))
    assert all(f"Feld {f}" in labels for f in "ABCD")
    assert "Feld E" not in labels
    assert "Feld E" not in fig.to_json()


def test_overview_labels_that_would_overlap_are_joined_top_down():
    # A one-line label is 0.06 high (LABEL_LINE). All median 4, Cns by hand:
    #   b (4, 4, 4, 4) = 1
    #   a (nineteen 4s, one 3) = 1 + 0.95·log2(1 − 0.05/3) + 0.05·log2(1 − 0.95/3) = 0.9495
    #   0.0505 apart: the labels would overlap, one label with b on top
    #   e (4, 4, 3) = 1 + ⅔·log2(1 − (1/3)/3) + ⅓·log2(1 − (2/3)/3) = 0.766; its label reaches up to
    #   0.796, below the joined label's bottom at 0.975 − 2 · 0.03 = 0.915: a label of its own
    # c (1, 2) and d (2, 1) sit on the same spot (median 1.5): one label, in fieldset order.
    fieldset = make_fieldset(fields=tuple("abcde"))
    answers = {"a": [4] * 19 + [3], "b": [4] * 4, "c": [1, 2], "d": [2, 1], "e": [4, 4, 3]}
    fig = overview_chart(make_summary(fieldset, answers), fieldset, "de")
    (labels,) = [trace for trace in fig.data if trace.showlegend is False]
    assert list(labels.text) == ["Feld C<br>Feld D", "Feld B<br>Feld A", "Feld E"]
    assert list(labels.x) == [1.5, 4, 4]
    assert labels.y[1] == pytest.approx((1 + 0.9495) / 2, abs=1e-4)
    assert list(labels.textposition) == ["middle right", "middle left", "middle left"]  # left only at the top


def test_stacked_labels_count_their_lines():
    # A two-line label at 0.5 reaches down to 0.5 − 2 · 0.03 = 0.44; a one-line label at 0.45 reaches up to
    # 0.48: joined. At 0.40 it reaches 0.43: apart.
    assert _stack_labels([(2, 0.5, "x<br>y"), (2, 0.45, "z")]) == [(2, 0.475, "x<br>y<br>z")]
    assert _stack_labels([(2, 0.5, "x<br>y"), (2, 0.40, "z")]) == [(2, 0.5, "x<br>y"), (2, 0.40, "z")]
    assert _stack_labels([(2, 0.5, "x"), (3, 0.5, "z")]) == [(2, 0.5, "x"), (3, 0.5, "z")]


def test_overview_thresholds_axes_and_titles():
    fieldset = make_fieldset(rules=VerdictRules(strength_median_at_least=2.5, contested_consensus_below=0.4))
    fig = overview_chart(make_summary(fieldset, SMALL), fieldset, "de", large=True)
    vertical, horizontal = fig.layout.shapes
    assert (vertical.x0, vertical.x1, vertical.line.dash) == (2.5, 2.5, "dash")
    assert (horizontal.y0, horizontal.y1, horizontal.line.dash) == (0.4, 0.4, "dash")
    assert fig.layout.xaxis.range[0] < 1 and fig.layout.xaxis.range[1] > 4
    assert fig.layout.yaxis.range[0] < 0 and fig.layout.yaxis.range[1] > 1
    assert list(fig.layout.xaxis.tickvals) == [1, 2, 3, 4]
    assert fig.layout.title.text is None
    assert fig.layout.yaxis.title.text == "Einigkeit (Konsens)"
    assert fig.layout.font.size >= 22


def test_overview_of_no_answers_has_no_points():
    fieldset = make_fieldset()
    for summary in (make_summary(fieldset, {}), make_summary(fieldset, {}).iloc[:0]):
        fig = overview_chart(summary, fieldset, "de")
        assert all(len(trace.x) == 0 for trace in fig.data)
        assert_no_nan(fig)


# --- every chart ---------------------------------------------------------------


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("large", [False, True])
def test_charts_build_for_full_and_wide_summaries_without_nan(chart, large):
    fieldset = make_fieldset(levels=5, fields=tuple("abcdefghi"))
    answers = {
        f: [1 + (i + j) % 5 for j in range(i + 1)] + [None] * (i % 3) for i, f in enumerate("abcdefgh")
    }
    fig = chart(make_summary(fieldset, answers), fieldset, "de", large=large)
    assert fig.data
    assert_no_nan(fig)
