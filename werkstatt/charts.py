"""The result charts: a summary from ``aggregate.summarize`` in, a plotly figure out.

Only plotly.graph_objects: plotly.express is about 25 times slower per call,
and the projector redraws on every new rating. ``large=True`` is for the
projector, read from the back of a room: big fonts, thick bars and markers.

Colours are Okabe–Ito (safe for colour-blind readers), and colour never
carries meaning alone: the scale runs left to right with its labels in the
legend, each level also has its own fill pattern, and each verdict its own
marker symbol.
"""

from __future__ import annotations

import dataclasses
import math
import textwrap
from collections.abc import Sequence
from statistics import mean

import pandas as pd
import plotly.graph_objects as go

from werkstatt.actions import STATUS_NAMES
from werkstatt.aggregate import VERDICTS
from werkstatt.fieldsets import Fieldset, Scale
from werkstatt.i18n import format_number, format_percent, percent_affixes, separators, t, word

LEVEL_ANCHORS = ("#D55E00", "#E69F00", "#56B4E9", "#0072B2")  # vermillion, orange, sky blue, blue
DONT_KNOW_COLOUR = "#BBBBBB"
TEXT_COLOUR = "#111111"
GUIDE_COLOUR = "#555555"
VERDICT_STYLES = {  # colour and symbol, matching the ▲ ▼ ◆ of the result tables
    "strength": ("#0072B2", "triangle-up"),
    "gap": ("#D55E00", "triangle-down"),
    "contested": ("#CC79A7", "diamond"),
    "too_few": ("#666666", "circle-open"),
}
MIN_LABELLED_SHARE = 8  # percent; a narrower segment gets no text, it would not fit
LEGEND_ON_TOP = dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom", traceorder="normal")


def level_colours(count: int) -> list[str]:
    """Colours for ``count`` scale levels from low (vermillion) to high (blue).

    Four levels get the Okabe–Ito anchors as they are; other counts are spread
    evenly along them (linear in RGB), so both ends keep their meaning.
    """
    anchors = [tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) for colour in LEVEL_ANCHORS]
    colours = []
    for i in range(count):
        position = i * (len(anchors) - 1) / max(count - 1, 1)
        low = min(int(position), len(anchors) - 2)
        weight = position - low
        colours.append("#" + "".join(
            f"{round(a + (b - a) * weight):02X}" for a, b in zip(anchors[low], anchors[low + 1])
        ))
    return colours


# Fill patterns from the lowest level up, then "don't know" (plotly's shapes; the projector's key
# draws the same ones in CSS). Hatching for the low end, dots and crosses for the high end and none
# for the grey, so neighbours always differ even where two colours look alike to a reader.
LEVEL_PATTERNS = ("/", "x", "\\", ".", "+", "|", "-")
DONT_KNOW_PATTERN = ""


def scale_patterns(scale: Scale) -> dict[int | None, str]:
    """The fill pattern of each level of ``scale``, and of "don't know" (key None)."""
    patterns = {value: LEVEL_PATTERNS[i % len(LEVEL_PATTERNS)] for i, value in enumerate(scale.values)}
    return patterns | {None: DONT_KNOW_PATTERN}


def scale_colours(scale: Scale) -> dict[int | None, str]:
    """The colour of each level of ``scale``, and of "don't know" (key None)."""
    return dict(zip(scale.values, level_colours(len(scale.values)))) | {None: DONT_KNOW_COLOUR}


def distribution_chart(summary: pd.DataFrame, fieldset: Fieldset, lang: str,
                       large: bool = False, legend: bool = True) -> go.Figure:
    """A 100 % stacked bar per field: the whole distribution, "don't know" in grey at the end.

    The shares are of all responses, "don't know" included ("Rückmeldungen";
    "Antworten" are the answers on the scale), so every bar shows everything.
    A field without answers keeps its row with an empty bar. ``legend`` False
    leaves out the legend and its room, for a page that shows its own key.
    """
    scale = fieldset.scale
    rows = _rows(summary, fieldset)
    ids = list(rows.index)
    titles = [fieldset.field(field_id).title.get(lang) for field_id in ids]
    columns = {value: f"dist_{value}" for value in scale.values} | {None: "dont_know"}
    counts = rows[list(columns.values())].fillna(0).astype("int64")
    totals = counts.sum(axis=1)
    colours, patterns = scale_colours(scale), scale_patterns(scale)

    traces = []
    for value, column in columns.items():
        label = scale.label(value, lang) or t("kann ich nicht einschätzen", lang)
        shares = (100 * counts[column] / totals.where(totals > 0)).fillna(0)
        percents = [format_percent(share / 100, lang) for share in shares]
        traces.append(go.Bar(
            name=label,
            orientation="h",
            y=ids,
            x=shares.round(1).tolist(),
            marker=dict(color=colours[value], line=dict(color="white", width=1),
                        pattern=dict(shape=patterns[value], fillmode="overlay", fgcolor="#000000",
                                     fgopacity=0.3, solidity=0.2,
                                     size=12 if large else 8)),
            text=[text if share >= MIN_LABELLED_SHARE else "" for text, share in zip(percents, shares)],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            textfont=dict(color=_text_colour(colours[value])),
            customdata=list(zip(titles, counts[column].tolist(), totals.tolist(), percents)),
            hovertemplate=f"<b>%{{customdata[0]}}</b><br>{label}: "
            "%{customdata[1]} / %{customdata[2]} (%{customdata[3]})<extra></extra>",
        ))

    ticktext = [_wrap(title, 28) for title in titles]
    font = 24 if large else 14
    layout = _layout(lang, large) | dict(
        barmode="stack",
        bargap=0.2 if large else 0.35,
        height=_bars_height(ticktext, font, 64 if large else 44, [trace.name for trace in traces if legend]),
        uniformtext=dict(minsize=20 if large else 10, mode="hide"),
        showlegend=legend,
        legend=LEGEND_ON_TOP,
        xaxis=_axis(
            t("Anteil aller Rückmeldungen", lang), range=[0, 100], dtick=25,
            tickprefix=percent_affixes(lang)[0], ticksuffix=percent_affixes(lang)[1],
        ),
        yaxis=_axis(
            None, categoryorder="array", categoryarray=ids, autorange="reversed",
            tickvals=ids, ticktext=ticktext, showgrid=False,
        ),
    )
    return go.Figure(data=traces, layout=layout)


def overview_chart(summary: pd.DataFrame, fieldset: Fieldset, lang: str,
                   large: bool = False, height: int | None = None) -> go.Figure:
    """Median against consensus, one point per field, shaped and coloured by verdict.

    The dashed lines are the verdict thresholds: right of the vertical line is
    strength, left of it gap, below the horizontal line contested. Fields
    without answers have no median and are left out.

    Each point is labelled with its field's number (fieldset order, as on the
    projector's cards); below the plot a key names the fields, except on the
    projector, whose cards name them. Titles as labels would collide: medians
    take few values (whole and half steps), so points pile up in columns.
    Fields on one spot share one label ("2 · 5"); the other labels are placed
    apart (``place_labels``), off the dashed lines where they can be, and
    inside the plot, whose ranges leave room for a marker or label at either
    end. They hold at every size in ``OVERVIEW_SIZES``: the page and the
    report draw the figure at its ``height`` (without the key), the projector
    at the height and width of its column, with every size scaled alike.
    """
    scale, rules, size = fieldset.scale, fieldset.verdict, OVERVIEW_SIZES[large]
    rows = _rows(summary, fieldset)
    rows = rows[rows["median"].notna()].sort_values(["median", "consensus"], ascending=[True, False],
                                                     kind="stable")
    numbers = {field_id: str(i) for i, field_id in enumerate(fieldset.field_ids, start=1)}
    titles = {field_id: fieldset.field(field_id).title.get(lang) for field_id in rows.index}
    keyed = [] if large else [field_id for field_id in fieldset.field_ids if field_id in titles]
    key_names = [f"{numbers[field_id]} · {titles[field_id]}" for field_id in keyed]
    canvas = overview_canvas(fieldset, lang, large, height, key_names)

    traces = []
    for verdict in VERDICTS:
        points = rows[rows["verdict"] == verdict]
        if points.empty:
            continue
        colour, symbol = VERDICT_STYLES[verdict]
        traces.append(go.Scatter(
            name=word("verdict", verdict, lang),
            x=points["median"].tolist(),
            y=points["consensus"].tolist(),
            mode="markers",
            marker=dict(color=colour, symbol=symbol, size=size.marker, line=dict(color=colour, width=2)),
            hovertext=[
                f"<b>{numbers[field_id]} · {titles[field_id]}</b>"
                f"<br>{t('Median', lang)}: {format_number(median, lang)}"
                f"<br>{t('Konsens', lang)}: {format_number(consensus, lang, digits=2)}"
                for field_id, median, consensus in zip(points.index, points["median"], points["consensus"])
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    for field_id, name in zip(keyed, key_names):
        colour, symbol = VERDICT_STYLES[rows.at[field_id, "verdict"]]
        traces.append(go.Scatter(
            name=name, legend="legend2", x=[None], y=[None], mode="markers", hoverinfo="skip",
            marker=dict(color=colour, symbol=symbol, size=size.marker, line=dict(color=colour, width=2)),
        ))

    strength, contested = rules.strength_median_at_least, rules.contested_consensus_below
    labels = place_labels(list(zip(rows["median"], rows["consensus"], map(numbers.get, rows.index))),
                          (strength, contested), scale.max, size, canvas)
    for positions in (("right", "left"), ("top", "bottom")):  # text by an invisible marker: plotly keeps
        placed = [label for label in labels if label.position in positions]  # it off the point by the
        traces.append(go.Scatter(  # marker's size, which the projector scales with its type
            x=[label.x for label in placed],
            y=[label.y for label in placed],
            text=[label.text for label in placed],
            mode="markers+text",
            marker=dict(size=label_marker(size, positions[0]), color="rgba(0,0,0,0)"),
            textposition=[POSITIONS[label.position] for label in placed],
            textfont=dict(size=size.label_font, color=TEXT_COLOUR),
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        ))
    # In data coordinates: plotly.js 4.1 fails to draw "between" shapes that
    # refer to the axis domain (as add_vline and add_hline do).
    (x0, x1), (y0, y1) = canvas.x_range, canvas.y_range
    guide = dict(type="line", layer="between",
                 line=dict(dash="dash", color=GUIDE_COLOUR, width=3 if large else 2))
    layout = _layout(lang, large) | dict(
        height=canvas.height,
        margin=OVERVIEW_MARGIN,
        showlegend=size.legend,
        legend=LEGEND_ON_TOP | dict(itemsizing="constant"),
        legend2=dict(orientation="h", x=0, xanchor="left", y=0, yref="container", yanchor="bottom",
                     traceorder="normal", itemsizing="constant", itemclick=False, itemdoubleclick=False),
        shapes=[
            guide | dict(x0=strength, x1=strength, y0=y0, y1=y1),
            guide | dict(x0=x0, x1=x1, y0=contested, y1=contested),
        ],
        xaxis=_axis(canvas.x_title, range=[x0, x1], tickvals=list(scale.values),
                    ticktext=list(canvas.ticktext), tickangle=0),
        yaxis=_axis(t("Einigkeit (Konsens)", lang), range=[y0, y1], tickvals=[0, 0.25, 0.5, 0.75, 1]),
    )
    return go.Figure(data=traces, layout=layout)


@dataclasses.dataclass(frozen=True)
class OverviewSize:
    """The overview's sizes in pixels, and the room it may be drawn in.

    plotly.js draws a figure at its container's width, which the figure does not know: the
    results page, or an A4 page of the report (660 px). The projector's page sets width and
    height to its chart column and scales every font and marker size by the screen's height
    (``werkstatt/projector``); in the sizes below, that column measured 517 × 649 pixels at
    1024×768 and 702 × 649 from 1920×1080 up. Labels are placed so that they hold at every width
    in ``widths`` and every height in ``heights``. The projector shows its own key of the
    verdicts, so its figure has no legend.
    """

    font: int
    label_font: int
    marker: int
    height: int
    widths: tuple[int, int]
    heights: tuple[int, int]
    legend: bool


OVERVIEW_SIZES = {
    False: OverviewSize(font=14, label_font=14, marker=16, height=480, widths=(560, 1400), heights=(480, 480),
                        legend=True),
    True: OverviewSize(font=24, label_font=26, marker=30, height=600, widths=(460, 1000), heights=(480, 900),
                       legend=False),
}
OVERVIEW_MARGIN = dict(l=20, r=30, t=20, b=20)
MARKER_REACH = 0.65  # how far a marker reaches from its centre, times its size (plotly's diamond)
LINE_EM = 1.3  # plotly's line spacing: a text of n lines is at most n · 1.3 em high
NUMBERS_PER_LINE = 3  # a label of fields on one spot breaks after so many numbers
SAME_SPOT = 0.01  # consensus values closer than this share a point: the tables show two decimals
POSITIONS = {"right": "middle right", "left": "middle left", "top": "top center", "bottom": "bottom center"}


@dataclasses.dataclass(frozen=True)
class Canvas:
    """The overview's frame: axis ranges and titles, the figure's height, and the plot area in
    pixels: a median step is ``x_scale`` pixels wide, a consensus unit ``y_scale`` pixels high,
    each at the least and at the most room the chart is drawn in. The label placement and its
    tests reason with it."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    x_scale: tuple[float, float]
    y_scale: tuple[float, float]
    height: int
    ticktext: tuple[str, ...]
    x_title: str


def overview_canvas(fieldset: Fieldset, lang: str, large: bool = False, height: int | None = None,
                    key: Sequence[str] = ()) -> Canvas:
    """The frame of the overview of ``fieldset``, with ``key`` the names in the key below the plot.

    Estimated on the safe side: the least room is at the narrowest width, with the legend and
    the key wrapped into as many rows as they may need there. The ranges leave room for a marker
    or a one-line label at each end of both scales, so nothing on the plot is cut off.
    """
    size, scale = OVERVIEW_SIZES[large], fieldset.scale
    line = LINE_EM * size.font
    inner = size.widths[0] - OVERVIEW_MARGIN["l"] - OVERVIEW_MARGIN["r"]
    plot_width = inner - text_width("0,75", size.font) - line - 20  # less the y axis' ticks and title
    edge = MARKER_REACH * size.marker + 4  # from a marker's centre to the plot's edge
    span = scale.max - scale.min
    pad = max(0.3, edge * span / (plot_width - 2 * edge))
    steps = span + 2 * pad
    widest = size.widths[1] - OVERVIEW_MARGIN["l"] - OVERVIEW_MARGIN["r"]
    labels = _level_labels(scale, lang, size.font, plot_width / steps - 12)
    title = t("Median der Bewertung", lang)
    if labels is not None:
        ticktext = [f"{value}<br>{label}" for value, label in zip(scale.values, labels)]
    else:  # the numbers; on the projector, its key names the levels
        ticktext = [str(value) for value in scale.values]
        title += "" if large else "<br>" + _scale_ends(scale, lang, size.font, inner)
    row = line + 8
    verdicts = [word("verdict", verdict, lang) for verdict in VERDICTS]
    legend = _legend_rows(verdicts, size.font, inner) * row if size.legend else 0
    key_rows = _legend_rows(key, size.font, inner) if key else 0
    axis = max(text.count("<br>") + 1 for text in ticktext) * line + text_height(title, size.font) + 24
    least = min(height or size.heights[0], size.heights[0])
    most = max(height or size.heights[1], size.heights[1])
    fixed = OVERVIEW_MARGIN["t"] + OVERVIEW_MARGIN["b"] + axis  # and the legend: 0 to all its rows
    edge_y = max(MARKER_REACH * size.marker, LINE_EM * size.label_font / 2) + 4
    y_scale = (least - fixed - legend - 2 * edge_y, most - fixed - 2 * edge_y)
    return Canvas(x_range=(scale.min - pad, scale.max + pad),
                  y_range=(-edge_y / y_scale[0], 1 + edge_y / y_scale[0]),
                  x_scale=(plot_width / steps, widest / steps), y_scale=y_scale,
                  height=round((height or size.height) + (key_rows * row + 16 if key else 0)),
                  ticktext=tuple(ticktext), x_title=title)


def _level_labels(scale: Scale, lang: str, font: int, room: float) -> list[str] | None:
    """The labels of the levels of ``scale``, broken into lines of at most ``room`` pixels; None
    when a word of one is wider (the axis then shows the numbers, and names the ends elsewhere)."""
    labels = [scale.label(value, lang) for value in scale.values]
    if any(text_width(part, font) > room for label in labels for part in label.split()):
        return None
    return [_wrap_px(label, room, font) for label in labels]


def _scale_ends(scale: Scale, lang: str, font: int, width: float) -> str:
    """"1 = noch nicht angegangen … 4 = fest verankert", broken into lines of ``width`` pixels."""
    low, high = scale.label(scale.min, lang), scale.label(scale.max, lang)
    return _wrap_px(f"{scale.min} = {low} … {scale.max} = {high}", width, font)


def _legend_rows(names: Sequence[str], font: int, width: float) -> int:
    """How many rows a horizontal legend of ``names`` needs in ``width`` pixels, counted generously.

    An entry is its symbol, about 40 pixels, and its text. As plotly.js does it: one row if all
    fit, else columns as wide as the widest entry.
    """
    entries = [50 + text_width(name, font) for name in names]
    if sum(entries) <= width:
        return 1
    return math.ceil(len(entries) / max(1, int(width // max(entries))))


def text_width(text: str, size: float) -> float:
    """The width in pixels of the widest line of a plotly text: Arial's widths (Liberation Sans has
    the same), and a tenth more, for a wider fallback font."""
    return 1.1 * size * max(sum(_EM.get(c, 0.72 if c.isupper() else 0.56) for c in line)
                            for line in text.split("<br>"))


_EM = dict.fromkeys(" ·,.:;!'|ijlfrtI()-", 0.33) | dict.fromkeys("mwMW", 0.94) | dict.fromkeys("…„“%", 1.0)


def text_height(text: str, size: float) -> float:
    return (text.count("<br>") + 1) * LINE_EM * size


def label_offset(size: OverviewSize, position: str) -> float:
    """From a point's centre to its label at ``position``, in pixels: 4 pixels beyond the widest
    visible marker, and for a label above or below a fifth of a line more, for the ascent of the
    text below a point."""
    vertical = position in ("top", "bottom")
    return MARKER_REACH * size.marker + 4 + (0.2 * size.label_font if vertical else 0)


def label_marker(size: OverviewSize, position: str) -> float:
    """The size of the invisible marker a label at ``position`` stands by: plotly.js puts a text
    beside, above or below a marker of size s at s / 1.6 + 1 pixels from its centre."""
    return 1.6 * (label_offset(size, position) - 1)


@dataclasses.dataclass(frozen=True)
class Box:
    """A rectangle on the overview, held at pixel distances from an anchor in data units: plotly
    draws a text or a marker that many pixels from its point whatever the size of the plot, so
    in data units the box shrinks towards its anchor as the plot grows."""

    x: float
    y: float
    left: float
    right: float
    bottom: float
    top: float

    def meets(self, other: Box, canvas: Canvas, gap: float = 2) -> bool:
        """Whether the two come closer than ``gap`` pixels at any size the chart is drawn at
        (width and height vary on their own, so each direction is checked on its own)."""
        a, b = self, other
        return (_overlap(a.x, a.left, a.right, b.x, b.left, b.right, canvas.x_scale, gap)
                and _overlap(a.y, a.bottom, a.top, b.y, b.bottom, b.top, canvas.y_scale, gap))

    def crosses(self, x: float | None, y: float | None, canvas: Canvas) -> bool:
        """Whether it crosses the vertical line at ``x`` or the horizontal one at ``y``."""
        if x is not None:
            return _overlap(self.x, self.left, self.right, x, 0, 0, canvas.x_scale, 0)
        return _overlap(self.y, self.bottom, self.top, y, 0, 0, canvas.y_scale, 0)

    def inside(self, canvas: Canvas) -> bool:
        """Whether it lies within the plot area; in the least room, where it is largest."""
        (x0, x1), (y0, y1) = canvas.x_range, canvas.y_range
        u, v = 1 / canvas.x_scale[0], 1 / canvas.y_scale[0]
        return (x0 <= self.x + self.left * u and self.x + self.right * u <= x1
                and y0 <= self.y + self.bottom * v and self.y + self.top * v <= y1)


def _overlap(a: float, a_low: float, a_high: float, b: float, b_low: float, b_high: float,
             scales: tuple[float, float], gap: float) -> bool:
    """Whether [a + a_low·u, a + a_high·u] and [b + b_low·u, b + b_high·u] come closer than ``gap``
    pixels for some u, the data units per pixel, between 1 / scales[1] and 1 / scales[0].

    How deep they overlap is the smaller of two terms linear in u, so it is deepest at an end of
    the range or where the two terms cross.
    """
    def depth(u: float) -> float:
        return min(b - a + (b_high - a_low + gap) * u, a - b + (a_high - b_low + gap) * u)

    most, least = 1 / scales[0], 1 / scales[1]
    candidates = [least, most]
    slope = (b_high - a_low) - (a_high - b_low)
    if slope and least < (crossing := 2 * (a - b) / slope) < most:
        candidates.append(crossing)
    return max(map(depth, candidates)) > 0


def label_box(x: float, y: float, text: str, position: str, size: OverviewSize) -> Box:
    """The box of a label ``text`` at ``position`` (a key of POSITIONS) of an anchor (x, y): plotly
    centres a text beside its point, and starts one above or below it a little further off."""
    width, height = text_width(text, size.label_font), text_height(text, size.label_font)
    offset = label_offset(size, position)
    if position == "right":
        return Box(x, y, offset, offset + width, -height / 2, height / 2)
    if position == "left":
        return Box(x, y, -offset - width, -offset, -height / 2, height / 2)
    if position == "top":
        return Box(x, y, -width / 2, width / 2, offset - 2, offset + height)
    return Box(x, y, -width / 2, width / 2, -offset - height, -offset + 0.2 * size.label_font)


def marker_box(x: float, y: float, size: OverviewSize) -> Box:
    reach = MARKER_REACH * size.marker
    return Box(x, y, -reach, reach, -reach, reach)


@dataclasses.dataclass(frozen=True)
class Label:
    """A label of the overview: ``text`` at ``position`` of (``x``, ``y``), for the points at
    (``x``, ``spot``); ``cost`` says how far it had to go from beside them."""

    x: float
    y: float
    text: str
    position: str
    spot: float
    cost: float = 0
    box: Box | None = dataclasses.field(default=None, compare=False, repr=False)

    def keeps_order(self, other: Label) -> bool:
        """Whether the two, when beside one column on one side, lie in the order of their points."""
        return (self.x != other.x or self.position != other.position or self.position in ("top", "bottom")
                or (self.spot - other.spot) * (self.y - other.y) > 0)


def place_labels(points: list[tuple[float, float, str]], guides: tuple[float, float], top: float,
                 size: OverviewSize, canvas: Canvas) -> list[Label]:
    """A label for the points (x, y, number), given column by column, each from top to bottom.

    Points on one spot share a label, their numbers joined ("2 · 5"). A label goes right of its
    point (left at the ``top`` of the scale, to stay on the plot), or, when it would meet a
    marker or another label there, left of it, above or below it, or beside it a little higher
    or lower, keeping the order of a column's points: whatever is nearest and free. Crossing a
    dashed line (``guides``: the median of strength, the consensus below which a field is
    contested) counts as a long way. Labels are placed one by one in a few orders, then moved in
    pairs while that brings them nearer their points; the placement nearest the points wins.
    When none finds a free place for every label, points close in a column share a label after
    all, the closest first.
    """
    markers = [marker_box(x, y, size) for x, y, _ in points]
    for near in (SAME_SPOT, 0.05, 0.1, 0.2, math.inf):
        spots = _spots(points, near)
        options = [[option for option in _options(spot, guides, top, size, canvas)
                    if not any(option.box.meets(box, canvas) for box in markers)
                    and _nearest_its_own(option, spots)] for spot in spots]
        if not all(options):
            continue
        widest = sorted(range(len(spots)), key=lambda i: -text_width(spots[i][2], size.label_font))
        orders = [list(range(len(spots))), widest, list(range(len(spots)))[::-1]]
        found = [labels for labels in (_place(options, order, canvas) for order in orders) if labels]
        if found:
            return min(found, key=lambda labels: sum(label.cost for label in labels))
    return [Label(x, y, text, "left" if x == top else "right", y) for x, y, text in _spots(points, math.inf)]


def _spots(points, near: float) -> list[tuple[float, float, str]]:
    """Points in one column less than ``near`` below the first of a group share one spot: (x, the
    mean height, their numbers in lines of at most NUMBERS_PER_LINE)."""
    groups: list[tuple[float, list[float], list[str]]] = []
    for x, y, number in points:
        if groups and groups[-1][0] == x and groups[-1][1][0] - y < near:
            groups[-1][1].append(y)
            groups[-1][2].append(number)
        else:
            groups.append((x, [y], [number]))
    return [(x, mean(heights), "<br>".join(
        " · ".join(numbers[i:i + NUMBERS_PER_LINE]) for i in range(0, len(numbers), NUMBERS_PER_LINE)
    )) for x, heights, numbers in groups]


def _nearest_its_own(option: Label, spots) -> bool:
    """Whether a label beside a column lies nearer its own point than any other of the column: else
    it reads as the other's."""
    others = [y for x, y, _ in spots if x == option.x and y != option.spot]
    distance = abs(option.y - option.spot)
    return option.position in ("top", "bottom") or all(distance < abs(option.y - y) for y in others)


def _options(spot, guides: tuple[float, float], top: float, size: OverviewSize,
             canvas: Canvas) -> list[Label]:
    """Every place inside the plot for the label of ``spot``, cheapest first: beside the point on
    its preferred side costs nothing, on the other side, above or below it 1, each half line up or
    down beside it 1 more, crossing a dashed line 4."""
    (x, y, text), (strength, contested) = spot, guides
    step = LINE_EM * size.label_font / 2 / canvas.y_scale[0]
    reach = int((canvas.y_range[1] - canvas.y_range[0]) / step) + 1
    preferred = "left" if x == top else "right"
    places = [(position, 0) for position in ("top", "bottom")] + [
        (side, k) for side in ("right", "left") for k in range(-reach, reach + 1)]
    options = []
    for position, k in places:
        box = label_box(x, y + k * step, text, position, size)
        if box.inside(canvas):
            crossings = box.crosses(strength, None, canvas) + box.crosses(None, contested, canvas)
            cost = abs(k) + 0.1 * (k > 0) + (position != preferred) + 4 * crossings
            options.append(Label(x, y + k * step, text, position, y, cost, box))
    return sorted(options, key=lambda option: option.cost)


def _place(options: list[list[Label]], order: list[int], canvas: Canvas) -> list[Label]:
    """Labels placed one by one in ``order``, each at its cheapest option that meets no other
    label, then moved in pairs while that lowers their cost; [] when one finds no such option.
    (The options meet no marker.)"""

    def free(option: Label, others) -> bool:
        return not any(option.box.meets(o.box, canvas) or not option.keeps_order(o) for o in others)

    placed: dict[int, Label] = {}
    for i in order:
        option = next((o for o in options[i] if free(o, placed.values())), None)
        if option is None:
            return []
        placed[i] = option
    for _ in range(len(order)):  # rounds of pair moves; each lowers the total cost
        if not _move_a_pair(placed, options, free):
            break
    return [placed[i] for i in sorted(placed)]


def _move_a_pair(placed: dict[int, Label], options: list[list[Label]], free) -> bool:
    """Move one label to a cheaper place that only one other label blocks, and that one to its
    cheapest free place, if the two then cost less; whether it did."""
    for i, current in placed.items():
        for option in options[i]:
            if option.cost >= current.cost:
                break
            others = {j: label for j, label in placed.items() if j != i}
            blocking = [j for j, label in others.items() if not free(option, [label])]
            if len(blocking) != 1:
                continue
            j = blocking[0]
            rest = [label for k, label in others.items() if k != j] + [option]
            moved = next((o for o in options[j] if free(o, rest)), None)
            if moved is not None and option.cost + moved.cost < current.cost + placed[j].cost:
                placed[i], placed[j] = option, moved
                return True
    return False


def _wrap_px(text: str, width: float, size: float) -> str:
    """``text`` broken into lines of at most ``width`` pixels (a longer word gets a line of its own)."""
    lines: list[str] = []
    for part in text.split():
        if lines and text_width(f"{lines[-1]} {part}", size) <= width:
            lines[-1] += f" {part}"
        else:
            lines.append(part)
    return "<br>".join(lines) or text


def _bars_height(ticktext: list[str], font: int, row: int, legend: list[str], width: int = 560) -> int:
    """The height of a chart with a bar per row: each row at least ``row`` pixels and as high as
    its title's lines (plotly does not grow a row for a title of two lines, and neighbouring
    titles would touch), plus the x axis, the margins and a ``legend`` on top as it wraps at
    ``width`` pixels."""
    lines = max((text.count("<br>") + 1 for text in ticktext), default=1)
    row_height = max(row, lines * LINE_EM * font + 6)
    legend_height = _legend_rows(legend, font, width - 50) * (LINE_EM * font + 8) + 10 if legend else 0
    axis = 2 * LINE_EM * font + 24
    return round(row_height * len(ticktext) + 40 + axis + legend_height)


def _rows(summary: pd.DataFrame, fieldset: Fieldset) -> pd.DataFrame:
    """The summary indexed by field id in fieldset order; fields missing from it get NaN rows."""
    return summary.set_index("field_id").reindex(list(fieldset.field_ids))


def _layout(lang: str, large: bool) -> dict:
    """What both charts share. No plotly template: applying one costs more than building the chart.

    No title either: the page puts a real heading above each chart (screen
    readers find it), and plotly would draw a wrapping legend over its own title.
    The top margin grows with the legend by itself.
    """
    return dict(
        template="none",
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=dict(family="Source Sans Pro, Arial, sans-serif", size=24 if large else 14, color=TEXT_COLOUR),
        separators=separators(lang),  # plotly's own numbers (axes, hover) as the locale writes them
        margin=dict(l=20, r=60 if large else 30, t=20, b=20),
        hoverlabel=dict(font_size=22 if large else 14),
    )


def _axis(title: str | None, **settings) -> dict:
    """An axis that cannot be zoomed (no use on a projector) with light grid lines."""
    return dict(
        title=dict(text=title), gridcolor="#E5E5E5", zeroline=False, automargin=True, fixedrange=True,
    ) | settings


def _text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with ``background`` (WCAG relative luminance)."""
    channels = [int(background[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#FFFFFF"


def _wrap(text: str, width: int) -> str:
    """Break a long title into lines, since plotly does not wrap text itself."""
    return "<br>".join(textwrap.wrap(text, width)) or text


STATUS_COLOURS = {"open": "#E69F00", "in_progress": "#56B4E9", "done": "#0072B2", "dropped": DONT_KNOW_COLOUR}


def action_progress_chart(counts: dict[str, dict[str, int]], fieldset: Fieldset, lang: str) -> go.Figure:
    """Actions by status per field (``actions.status_counts``): a stacked bar per field with the
    count written in each segment, so the colours are never needed to read it."""
    ids = list(fieldset.field_ids)
    titles = [fieldset.field(field_id).title.get(lang) for field_id in ids]
    traces = []
    for status, colour in STATUS_COLOURS.items():
        values = [counts.get(field_id, {}).get(status, 0) for field_id in ids]
        label = t(STATUS_NAMES[status], lang)
        traces.append(go.Bar(
            name=label, orientation="h", y=ids, x=values,
            marker=dict(color=colour, line=dict(color="white", width=1)),
            text=[str(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            textangle=0, textfont=dict(color=_text_colour(colour)),
            customdata=titles, hovertemplate=f"<b>%{{customdata}}</b><br>{label}: %{{x}}<extra></extra>",
        ))
    layout = _layout(lang, large=False) | dict(
        barmode="stack", bargap=0.35, height=44 * len(ids) + 90, legend=LEGEND_ON_TOP,
        xaxis=_axis(t("Anzahl Maßnahmen", lang), dtick=1, rangemode="tozero"),
        yaxis=_axis(None, categoryorder="array", categoryarray=ids, autorange="reversed",
                    tickvals=ids, ticktext=[_wrap(title, 28) for title in titles], showgrid=False),
    )
    return go.Figure(data=traces, layout=layout)


def perspective_chart(frame: pd.DataFrame, fieldset: Fieldset, lang: str) -> go.Figure:
    """The administration's self-check (square) and the workshop's median (circle) per field on
    the rating scale, joined by a line: the longer the line, the wider the perspective gap."""
    scale = fieldset.scale
    rows = frame.set_index("field_id").reindex(list(fieldset.field_ids))
    ids = list(rows.index)
    titles = [fieldset.field(field_id).title.get(lang) for field_id in ids]
    gap_x, gap_y = [], []
    for field_id, row in rows.iterrows():
        if not (pd.isna(row["self_check"]) or pd.isna(row["median"])):
            gap_x += [row["self_check"], row["median"], None]
            gap_y += [field_id, field_id, None]
    traces = [go.Scatter(x=gap_x, y=gap_y, mode="lines", line=dict(color=GUIDE_COLOUR, width=3),
                         hoverinfo="skip", showlegend=False)]
    for column, name, symbol, colour in (
        ("self_check", t("Selbstcheck", lang), "square", "#000000"),
        ("median", t("Workshop (Median)", lang), "circle", "#0072B2"),
    ):
        traces.append(go.Scatter(
            x=rows[column].tolist(), y=ids, mode="markers", name=name,
            marker=dict(symbol=symbol, size=14, color=colour, line=dict(color="white", width=1)),
            customdata=[[title, format_number(v, lang)] for title, v in zip(titles, rows[column])],
            hovertemplate=f"<b>%{{customdata[0]}}</b><br>{name}: %{{customdata[1]}}<extra></extra>",
        ))
    ticktext = [_wrap(title, 28) for title in titles]
    inner = 640 - 50 - max((text_width(text, 14) for text in ticktext), default=0)  # the narrowest page
    levels = _level_labels(scale, lang, 14, inner / (scale.max - scale.min + 0.6) - 12)
    layout = _layout(lang, large=False) | dict(
        height=_bars_height(ticktext, 14, 44, [t("Selbstcheck", lang), t("Workshop (Median)", lang)]),
        legend=LEGEND_ON_TOP,
        xaxis=_axis(None if levels else _scale_ends(scale, lang, 14, inner),
                    range=[scale.min - 0.3, scale.max + 0.3], tickvals=list(scale.values),
                    ticktext=levels or [str(value) for value in scale.values], tickangle=0),
        yaxis=_axis(None, categoryorder="array", categoryarray=ids, autorange="reversed",
                    tickvals=ids, ticktext=ticktext, showgrid=False),
    )
    return go.Figure(data=traces, layout=layout)
