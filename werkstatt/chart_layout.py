"""How much room the charts' text needs, and where the overview's labels go.

plotly places text where it is told and lets it overlap. So the overview works out, for every
size it is drawn at (``OVERVIEW_SIZES``: the results page, the report and the projector), how
big each label and marker is in data units, and places each label beside its point where it
meets no other label or marker and keeps off the dashed lines if it can (``place_labels``).
Text widths are estimated from the font size (``text_width``), on the safe side.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from statistics import mean

from werkstatt.aggregate import VERDICTS
from werkstatt.fieldsets import Fieldset, Scale
from werkstatt.i18n import t, word


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
    labels = level_labels(scale, lang, size.font, plot_width / steps - 12)
    title = t("Median der Bewertung", lang)
    if labels is not None:
        ticktext = [f"{value}<br>{label}" for value, label in zip(scale.values, labels)]
    else:  # the numbers; on the projector, its key names the levels
        ticktext = [str(value) for value in scale.values]
        title += "" if large else "<br>" + scale_ends(scale, lang, size.font, inner)
    row = line + 8
    verdicts = [word("verdict", verdict, lang) for verdict in VERDICTS]
    legend = legend_rows(verdicts, size.font, inner) * row if size.legend else 0
    key_rows = legend_rows(key, size.font, inner) if key else 0
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


def level_labels(scale: Scale, lang: str, font: int, room: float) -> list[str] | None:
    """The labels of the levels of ``scale``, broken into lines of at most ``room`` pixels; None
    when a word of one is wider (the axis then shows the numbers, and names the ends elsewhere)."""
    labels = [scale.label(value, lang) for value in scale.values]
    if any(text_width(part, font) > room for label in labels for part in label.split()):
        return None
    return [wrap_px(label, room, font) for label in labels]


def scale_ends(scale: Scale, lang: str, font: int, width: float) -> str:
    """"1 = noch nicht angegangen … 4 = fest verankert", broken into lines of ``width`` pixels."""
    low, high = scale.label(scale.min, lang), scale.label(scale.max, lang)
    return wrap_px(f"{scale.min} = {low} … {scale.max} = {high}", width, font)


def legend_rows(names: Sequence[str], font: int, width: float) -> int:
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


def wrap_px(text: str, width: float, size: float) -> str:
    """``text`` broken into lines of at most ``width`` pixels (a longer word gets a line of its own)."""
    lines: list[str] = []
    for part in text.split():
        if lines and text_width(f"{lines[-1]} {part}", size) <= width:
            lines[-1] += f" {part}"
        else:
            lines.append(part)
    return "<br>".join(lines) or text


def bars_height(ticktext: list[str], font: int, row: int, legend: list[str], width: int = 560) -> int:
    """The height of a chart with a bar per row: each row at least ``row`` pixels and as high as
    its title's lines (plotly does not grow a row for a title of two lines, and neighbouring
    titles would touch), plus the x axis, the margins and a ``legend`` on top as it wraps at
    ``width`` pixels."""
    lines = max((text.count("<br>") + 1 for text in ticktext), default=1)
    row_height = max(row, lines * LINE_EM * font + 6)
    legend_height = legend_rows(legend, font, width - 50) * (LINE_EM * font + 8) + 10 if legend else 0
    axis = 2 * LINE_EM * font + 24
    return round(row_height * len(ticktext) + 40 + axis + legend_height)
