"""The peer comparison as a chart: one 100 % bar per city, ours first, the pool last.

Pure (a ``peer_compare.field_frame`` in, a plotly figure out), in the look of ``charts``: the same
level colours and fill patterns, percentages written in the bars, and each row's median in its
label, so the chart reads without colours and from the back of a room (``large=True``: the type
of the projector's charts).
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

# the result charts' shared layout helpers: one look for every chart of the app
from werkstatt.charts import (
    DONT_KNOW_COLOUR,
    LEGEND_ON_TOP,
    LEVEL_PATTERNS,
    MIN_LABELLED_SHARE,
    _axis,
    _layout,
    _text_colour,
    level_colours,
)
from werkstatt.i18n import format_number, format_percent, percent_affixes, t


def peer_chart(frame: pd.DataFrame, labels: dict[int, str], lang: str, large: bool = False) -> go.Figure:
    """``labels``: the name of each level of the scale, lowest first. Our row is marked "(wir)"
    and the pool is "Alle anderen zusammen" (or "Alle zusammen" without our row, for the
    programme team); every row's label ends in its median."""
    levels = list(labels)
    others = (frame["role"] == "own").any()  # the pool is "the others" beside us, else everyone
    rows = [_row_label(row, others, lang) for row in frame.itertuples(index=False)]
    columns = {value: f"dist_{value}" for value in levels} | {None: "dont_know"}
    counts = frame[list(columns.values())].fillna(0).astype("int64")
    totals = counts.sum(axis=1)
    colours = dict(zip(levels, level_colours(len(levels)))) | {None: DONT_KNOW_COLOUR}
    patterns = {value: LEVEL_PATTERNS[i % len(LEVEL_PATTERNS)] for i, value in enumerate(levels)} | {None: ""}
    traces = []
    for value, column in columns.items():
        name = labels[value] if value is not None else t("kann ich nicht einschätzen", lang)
        shares = (100 * counts[column] / totals.where(totals > 0)).fillna(0)
        traces.append(go.Bar(
            name=name, orientation="h", y=rows, x=shares.round(1).tolist(),
            marker=dict(color=colours[value], line=dict(color="white", width=1),
                        pattern=dict(shape=patterns[value], fillmode="overlay", fgcolor="#000000",
                                     fgopacity=0.3, solidity=0.2, size=12 if large else 8)),
            text=[format_percent(share / 100, lang) if share >= MIN_LABELLED_SHARE else "" for share in shares],
            textposition="inside", insidetextanchor="middle", textangle=0,
            textfont=dict(color=_text_colour(colours[value])),
            customdata=list(zip(counts[column].tolist(), totals.tolist())),
            hovertemplate=f"<b>%{{y}}</b><br>{name}: %{{customdata[0]}} / %{{customdata[1]}}<extra></extra>",
        ))
    font = 24 if large else 14
    layout = _layout(lang, large) | dict(
        barmode="stack", bargap=0.25, showlegend=True, legend=LEGEND_ON_TOP,
        height=(64 if large else 40) * len(rows) + (220 if large else 140),
        uniformtext=dict(minsize=18 if large else 10, mode="hide"),
        xaxis=_axis(t("Anteil aller Rückmeldungen", lang), range=[0, 100], dtick=25,
                    tickprefix=percent_affixes(lang)[0], ticksuffix=percent_affixes(lang)[1]),
        yaxis=_axis(None, categoryorder="array", categoryarray=rows, autorange="reversed", showgrid=False,
                    tickfont=dict(size=font), ticklabelstandoff=font // 2),
    )
    return go.Figure(data=traces, layout=layout)


def _row_label(row, others: bool, lang: str) -> str:
    """Plotly reads a few HTML tags in labels: a city's name is escaped, our row set in bold."""
    median, name = format_number(row.median, lang), html.escape(row.name)
    if row.role == "own":
        return "<b>" + t("{city} (wir) · Median {median}", lang, city=name, median=median) + "</b>"
    if row.role == "pool":
        if others:
            return t("Alle anderen zusammen · Median {median}", lang, median=median)
        return t("Alle zusammen · Median {median}", lang, median=median)
    return t("{city} · Median {median}", lang, city=name, median=median)
