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

import textwrap

import pandas as pd
import plotly.graph_objects as go

from werkstatt.actions import STATUS_NAMES
from werkstatt.aggregate import VERDICTS
from werkstatt.chart_layout import (
    OVERVIEW_MARGIN,
    OVERVIEW_SIZES,
    POSITIONS,
    bars_height,
    label_marker,
    level_labels,
    overview_canvas,
    place_labels,
    scale_ends,
    text_width,
)
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
        height=bars_height(ticktext, font, 64 if large else 44, [trace.name for trace in traces if legend]),
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
    levels = level_labels(scale, lang, 14, inner / (scale.max - scale.min + 0.6) - 12)
    layout = _layout(lang, large=False) | dict(
        height=bars_height(ticktext, 14, 44, [t("Selbstcheck", lang), t("Workshop (Median)", lang)]),
        legend=LEGEND_ON_TOP,
        xaxis=_axis(None if levels else scale_ends(scale, lang, 14, inner),
                    range=[scale.min - 0.3, scale.max + 0.3], tickvals=list(scale.values),
                    ticktext=levels or [str(value) for value in scale.values], tickangle=0),
        yaxis=_axis(None, categoryorder="array", categoryarray=ids, autorange="reversed",
                    tickvals=ids, ticktext=ticktext, showgrid=False),
    )
    return go.Figure(data=traces, layout=layout)
