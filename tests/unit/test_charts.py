"""The charts: built from summaries, checked on their data rather than their looks."""

import dataclasses
import random
import re

import pandas as pd
import pytest

from werkstatt.aggregate import summarize
from werkstatt.chart_layout import LINE_EM, legend_rows, overview_canvas, text_width
from werkstatt.charts import (
    DONT_KNOW_COLOUR,
    VERDICT_STYLES,
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
    assert fig.layout.xaxis.title.text == "Anteil aller Rückmeldungen"  # "don't know" included


@pytest.mark.parametrize("large", [False, True])
def test_distribution_rows_are_as_high_as_their_titles(large):
    # Two-line titles in rows of 44 px (64 on the projector) touched their neighbours: the legend
    # and the axis take their share of the height first.
    fieldset = make_fieldset(fields=tuple("abcdefg"))
    fieldset = dataclasses.replace(fieldset, fields=tuple(
        Field(field.id, text("Interkulturelle Öffnung und Antirassismus", "x"), field.description)
        for field in fieldset.fields))
    fig = distribution_chart(make_summary(fieldset, SMALL), fieldset, "de", large=large)
    font = fig.layout.font.size
    assert all(tick.count("<br>") == 1 for tick in fig.layout.yaxis.ticktext)
    legend = legend_rows([trace.name for trace in fig.data], font, 510) * (LINE_EM * font + 8)
    plot = fig.layout.height - 40 - (2 * LINE_EM * font + 24) - legend
    assert plot / 7 >= 2 * LINE_EM * font


def test_distribution_without_legend_leaves_no_room_for_it():
    fieldset = make_fieldset(fields=("a",))
    with_legend = distribution_chart(make_summary(fieldset, SMALL), fieldset, "de")
    without = distribution_chart(make_summary(fieldset, SMALL), fieldset, "de", legend=False)
    assert without.layout.showlegend is False and without.layout.height < with_legend.layout.height


# --- overview ------------------------------------------------------------------


def overview_summary():
    """a: strength (3, 4, 4), b: gap (1, 2, 2), c: contested (1, 4), d: too few (4), e: nothing."""
    fieldset = make_fieldset(fields=tuple("abcde"))
    answers = {"a": [3, 4, 4], "b": [1, 2, 2], "c": [1, 4], "d": [4], "e": [None]}
    return fieldset, make_summary(fieldset, answers)


def verdict_traces(fig):
    return [trace for trace in fig.data if trace.mode == "markers" and trace.legend != "legend2"]


def label_texts(fig) -> list[str]:
    return [text for trace in fig.data if trace.mode == "markers+text" for text in trace.text]


def test_overview_has_a_trace_per_verdict_with_symbol_and_colour():
    fieldset, summary = overview_summary()
    fig = overview_chart(summary, fieldset, "en")
    points = verdict_traces(fig)
    assert [trace.name for trace in points] == ["Strength", "Needs action", "contested", "too few answers"]
    for trace, verdict in zip(points, ["strength", "gap", "contested", "too_few"]):
        assert (trace.marker.color, trace.marker.symbol) == VERDICT_STYLES[verdict]
    strength, gap, contested, too_few = points
    assert (list(strength.x), list(gap.x), list(contested.x), list(too_few.x)) == ([4], [2], [2.5], [4])
    assert (list(contested.y), list(too_few.y)) == ([0], [1])


def test_overview_labels_the_points_by_number_and_names_them_in_a_key_below():
    fieldset, summary = overview_summary()
    fig = overview_chart(summary, fieldset, "de")
    assert sorted(label_texts(fig)) == ["1", "2", "3", "4"]  # e has no answers: no point, no label
    key = [trace for trace in fig.data if trace.legend == "legend2"]
    assert [trace.name for trace in key] == ["1 · Feld A", "2 · Feld B", "3 · Feld C", "4 · Feld D"]
    assert [(trace.marker.symbol, trace.marker.color) for trace in key] == [
        VERDICT_STYLES[v][::-1] for v in ("strength", "gap", "contested", "too_few")]
    assert fig.layout.legend2.yref == "container" and fig.layout.legend2.y == 0  # below the plot
    assert "Feld E" not in fig.to_json()


def test_overview_on_the_projector_has_numbers_and_no_key_or_legend():
    # the projector's cards carry the numbers and its page shows its own key of the verdicts
    fieldset, summary = overview_summary()
    fig = overview_chart(summary, fieldset, "de", large=True)
    assert sorted(label_texts(fig)) == ["1", "2", "3", "4"]
    assert not [trace for trace in fig.data if trace.legend == "legend2"]
    assert fig.layout.showlegend is False


# Three fields on one spot (median 3, consensus 1), two close below them (0.9495 and 0.9246, a
# marker and a half apart on the projector), a field at each end of the scale at consensus 1,
# one just under the line of contested (2, 2, 2, 2, 4, 4: consensus 0.4756) and one just above
# it (2, 2, 2, 4: 0.5527), less than a line of 26 px type apart on the projector.
CROWDED = {"a": [3] * 4, "b": [3] * 5, "c": [3] * 6, "d": [3] * 19 + [4], "e": [3] * 12 + [2],
           "f": [4] * 5, "g": [1] * 5, "h": [2, 2, 2, 2, 4, 4], "i": [2, 2, 2, 4]}


def crowded(seed: int | None = None):
    """The fieldset and summary of CROWDED, or of a small random workshop (columns pile up).
    The titles are as long as real ones: the old chart wrote them beside the points."""
    fieldset = make_fieldset(fields=tuple("abcdefghi"))
    fieldset = dataclasses.replace(fieldset, fields=tuple(
        Field(f.id, text(f"{f.title.get('de')}: Öffnung und Antirassismus", "x"), f.description)
        for f in fieldset.fields))
    if seed is None:
        return fieldset, make_summary(fieldset, CROWDED)
    rng = random.Random(seed)
    answers = {f: [rng.choice([1, 2, 3, 3, 4, 4, None]) for _ in range(rng.randint(3, 9))]
               for f in "abcdefghi"}
    return fieldset, make_summary(fieldset, answers)


def test_overview_fields_on_one_spot_share_one_label_with_all_their_numbers():
    fieldset, summary = crowded()
    on_one_spot = summary.set_index("field_id").loc[["a", "b", "c"], ["median", "consensus"]]
    assert on_one_spot.nunique().tolist() == [1, 1]
    for large in (False, True):
        labels = label_texts(overview_chart(summary, fieldset, "de", large=large))
        assert "1 · 2 · 3" in labels
        numbers = [number for label in labels for number in re.split(r" · |<br>", label)]
        assert sorted(numbers) == list("123456789")  # every field once, d and e on labels of their own
        assert "4" in labels and "5" in labels


# What the label placement reasons with, restated from plotly.js: it puts a text beside, above or
# below a marker of size s at s / 1.6 + 1 pixels from the marker's centre; a text of n lines stays
# within n · 1.3 em; a diamond reaches 0.65 of its size from its centre, triangles and circles
# less. A box is its anchor (x, y) in data units and its edges in pixels from there, as plotly
# keeps them whatever the size of the plot: left, right, bottom, top.

def label_boxes(fig) -> list[tuple]:
    boxes = []
    for trace in fig.data:
        if trace.mode != "markers+text":
            continue
        offset, font = trace.marker.size / 1.6 + 1, trace.textfont.size
        positions = trace.textposition if isinstance(trace.textposition, tuple) else [trace.textposition] * 99
        for x, y, label, position in zip(trace.x, trace.y, trace.text, positions):
            width, height = text_width(label, font), (label.count("<br>") + 1) * 1.3 * font
            edges = {"middle right": (offset, offset + width, -height / 2, height / 2),
                     "middle left": (-offset - width, -offset, -height / 2, height / 2),
                     "top center": (-width / 2, width / 2, offset - 0.1 * font, offset + height),
                     "bottom center": (-width / 2, width / 2, -offset - height, -offset + 0.2 * font)}
            boxes.append((label, x, y, *edges[position]))
    return boxes


def marker_boxes(fig) -> list[tuple]:
    return [(None, x, y, -reach, reach, -reach, reach) for trace in verdict_traces(fig)
            for reach in [0.65 * trace.marker.size] for x, y in zip(trace.x, trace.y)]


def drawn_at(box, across: float, up: float) -> tuple[float, float, float, float]:
    """The box in data units when a pixel is ``across`` median units wide and ``up`` consensus units high."""
    _, x, y, left, right, bottom, top = box
    return x + left * across, x + right * across, y + bottom * up, y + top * up


def sizes(fig, fieldset, large: bool):
    """(median units per pixel, consensus units per pixel) from the least room to the most: the
    narrowest and widest width, the lowest and highest plot the chart is drawn at."""
    key = [trace.name for trace in fig.data if trace.legend == "legend2"]
    canvas = overview_canvas(fieldset, "de", large, key=key)
    narrow, wide = 1 / canvas.x_scale[0], 1 / canvas.x_scale[1]
    low, high = 1 / canvas.y_scale[0], 1 / canvas.y_scale[1]
    return [(narrow + (wide - narrow) * i / 16, up) for i in range(17) for up in (low, high)]


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize("large", [False, True])
def test_overview_labels_never_meet_each_other_or_a_marker(large, seed):
    fieldset, summary = crowded(seed)
    fig = overview_chart(summary, fieldset, "de", large=large)
    labels, markers = label_boxes(fig), marker_boxes(fig)
    assert len(labels) >= 3
    for across, up in sizes(fig, fieldset, large):
        for i, label in enumerate(labels):
            x0, x1, y0, y1 = drawn_at(label, across, up)
            for other in labels[i + 1:] + markers:
                ox0, ox1, oy0, oy1 = drawn_at(other, across, up)
                assert x1 <= ox0 or ox1 <= x0 or y1 <= oy0 or oy1 <= y0, (label[0], other[0], across, up)


@pytest.mark.parametrize("large", [False, True])
def test_overview_keeps_every_marker_and_label_inside_its_axes(large):
    # consensus 1 at both ends of the scale: the corners, where a label or a marker was cut off
    fieldset, summary = crowded()
    fig = overview_chart(summary, fieldset, "de", large=large)
    (left, right), (bottom, top) = fig.layout.xaxis.range, fig.layout.yaxis.range
    assert max(summary["consensus"]) == 1 and {1, 4} <= set(summary["median"])
    for across, up in sizes(fig, fieldset, large):
        for box in label_boxes(fig) + marker_boxes(fig):
            x0, x1, y0, y1 = drawn_at(box, across, up)
            assert left <= x0 and x1 <= right and bottom <= y0 and y1 <= top, (box, across, up)


@pytest.mark.parametrize("large", [False, True])
def test_overview_labels_keep_off_the_dashed_lines(large):
    # h sits just under the line of contested and i just above it: their labels can go below and above
    fieldset, summary = crowded()
    fig = overview_chart(summary, fieldset, "de", large=large)
    (strength,), (contested,) = {fig.layout.shapes[0].x0}, {fig.layout.shapes[1].y0}
    for across, up in sizes(fig, fieldset, large):
        for box in label_boxes(fig):
            x0, x1, y0, y1 = drawn_at(box, across, up)
            assert not x0 < strength < x1 and not y0 < contested < y1, box


LONG_LEVELS = ("noch nicht angegangen", "erste Schritte", "gut unterwegs", "fest verankert")


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("labels", [LONG_LEVELS, LONG_LEVELS + ("darüber hinaus vorbildlich",) * 3])
def test_overview_tick_labels_fit_their_step_at_the_narrowest_width(large, labels):
    fieldset = make_fieldset(levels=len(labels), fields=("a",))
    scale = Scale(tuple(Level(v, text(label, label)) for v, label in enumerate(labels, start=1)))
    fieldset = dataclasses.replace(fieldset, scale=scale)
    fig = overview_chart(make_summary(fieldset, {"a": [2, 3]}), fieldset, "de", large=large)
    step = overview_canvas(fieldset, "de", large).x_scale[0]
    ticks = list(fig.layout.xaxis.ticktext)
    assert all(text_width(tick, fig.layout.font.size) <= step - 10 for tick in ticks)
    if ticks[0] == "1":  # numbers only: the title names the ends, except on the projector (its key does)
        assert ("1 = noch nicht" in fig.layout.xaxis.title.text) is not large
    else:
        assert ticks[0].startswith("1<br>noch nicht")
    assert not large or ticks == [str(v) for v in scale.values]  # 24 px type: no label fits a step


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
