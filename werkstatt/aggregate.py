"""From single ratings to the picture per action field: counts, median, consensus, verdict.

Pure pandas, no I/O: the service feeds it the anonymous ratings frame
(``field_id``, ``level`` as "Int64" with <NA> for "kann ich nicht
einschätzen", ``sector``) and caches the result.

The ratings are ordinal, so the median and the distribution lead; the mean is
only reported beside them. "Don't know" is counted but never averaged.
"""

from __future__ import annotations

import math
from typing import Mapping

import pandas as pd

from werkstatt.fieldsets import Fieldset, VerdictRules
from werkstatt.i18n import nt, word

VERDICTS = ("strength", "gap", "contested", "too_few")


def consensus(counts: Mapping[int, int], scale_min: int, scale_max: int) -> float:
    """Tastle & Wierman's consensus: 1 = everyone agrees, 0 = half at each end of the scale.

    Cns = 1 + Σ p_i · log2(1 − |X_i − μ| / d), with d = scale_max − scale_min.
    Unlike the standard deviation it is bounded and made for ordinal scales, so
    one threshold works for every scale length. Only levels that were chosen
    enter the sum: log2(0) would need an answer at one end while the mean sits
    at the other end, which is only possible with nobody at the first end
    (p_i = 0, and 0 · log2(0) counts as 0). NaN without answers.
    """
    total = sum(counts.values())
    if total == 0:
        return math.nan
    width = scale_max - scale_min
    mean = sum(value * count for value, count in counts.items()) / total
    return 1 + sum(
        count / total * math.log2(1 - abs(value - mean) / width)
        for value, count in counts.items()
        if count > 0
    )


def verdict(n: int, median: float, consensus: float, rules: VerdictRules) -> str:
    """One of VERDICTS, in this order: too few answers, contested, strength, gap.

    Contested comes before strength and gap: when people disagree, the median
    says little, and the projector should invite the discussion instead.
    """
    if n < rules.min_answers or n == 0:
        return "too_few"
    if consensus < rules.contested_consensus_below:
        return "contested"
    if median >= rules.strength_median_at_least:
        return "strength"
    return "gap"


def summarize(ratings: pd.DataFrame, fieldset: Fieldset) -> pd.DataFrame:
    """One row per field of the fieldset, in fieldset order, also for fields nobody rated.

    Columns: ``field_id``, ``n`` (answers on the scale), ``dont_know``,
    ``median``, ``mean``, ``consensus`` (floats, NaN when n == 0),
    ``verdict`` (one of VERDICTS), then ``dist_<value>`` with the count per
    scale level. Ratings of fields not in the fieldset and levels not on its
    scale (say, from an older version of the file) are ignored.
    """
    scale = fieldset.scale
    field_ids = list(fieldset.field_ids)
    known = ratings[ratings["field_id"].isin(field_ids)]
    on_scale = known[known["level"].isin(scale.values)]
    dist = (
        on_scale.groupby(["field_id", "level"]).size()
        .unstack(fill_value=0)
        .reindex(index=field_ids, columns=list(scale.values), fill_value=0)
        .astype("int64")
    )
    dont_know = known["level"].isna().groupby(known["field_id"]).sum()
    stats = on_scale.groupby("field_id")["level"].agg(["median", "mean"])

    summary = pd.DataFrame({
        "field_id": field_ids,
        "n": dist.sum(axis=1).to_numpy(),
        "dont_know": dont_know.reindex(field_ids, fill_value=0).to_numpy(dtype="int64"),
        "median": stats["median"].reindex(field_ids).astype("float64").to_numpy(),
        "mean": stats["mean"].reindex(field_ids).astype("float64").to_numpy(),
        "consensus": [consensus(row, scale.min, scale.max) for row in dist.to_dict("records")],
    })
    summary["verdict"] = [
        verdict(row.n, row.median, row.consensus, fieldset.verdict) for row in summary.itertuples()
    ]
    for value in scale.values:
        summary[f"dist_{value}"] = dist[value].to_numpy()
    return summary


def sector_breakdown(ratings: pd.DataFrame, fieldset: Fieldset, min_cell: int = 3) -> pd.DataFrame:
    """The median per field and sector, hiding small cells so no single rating can be read off.

    Returns a long frame with one row per field and sector of the fieldset,
    every combination present, fields in fieldset order and sectors in
    fieldset order within each field. Columns: ``field_id``, ``sector`` (a
    sector id), ``n`` ("Int64": answers on the scale, "don't know" not
    counted) and ``median`` (float). A cell with fewer than ``min_cell``
    answers shows neither: ``n`` is <NA> and ``median`` NaN. Participants
    without a sector, and sectors no longer in the fieldset, are left out.

    For a table with fields as rows and sectors as columns, in this order::

        frame.set_index(["field_id", "sector"])["median"].unstack(sort=False)
    """
    field_ids = list(fieldset.field_ids)
    sector_ids = [sector.id for sector in fieldset.sectors]
    on_scale = ratings[
        ratings["field_id"].isin(field_ids)
        & ratings["sector"].isin(sector_ids)
        & ratings["level"].isin(fieldset.scale.values)
    ]
    grid = pd.MultiIndex.from_product([field_ids, sector_ids], names=["field_id", "sector"])
    grouped = on_scale.groupby(["field_id", "sector"])["level"]
    n = grouped.size().reindex(grid, fill_value=0)
    shown = n >= min_cell
    median = grouped.median().reindex(grid).astype("float64")
    frame = grid.to_frame(index=False)
    frame["n"] = n.astype("Int64").where(shown).array
    frame["median"] = median.where(shown).to_numpy()
    return frame



TRENDS = ("improved", "fell_back", "unchanged", "too_few")
PERSPECTIVES = ("admin_higher", "admin_lower", "agree", "no_data")
# the administration's score and the room's median count as different from one whole level apart
PERSPECTIVE_GAP_AT = 1.0


def compare(before: pd.DataFrame, after: pd.DataFrame, fieldset: Fieldset) -> pd.DataFrame:
    """Two summaries of one fieldset (an earlier and a later workshop) side by side per field.

    Columns: ``field_id``; ``n``, ``median``, ``mean``, ``consensus`` with the suffixes
    ``_before`` and ``_after``; their changes ``median_change``, ``mean_change``,
    ``consensus_change`` (after minus before); ``share_<level>_change``, the change of each
    level's share of the answers in percentage points; and ``trend``: ``improved`` or
    ``fell_back`` when the median moved, ``unchanged`` when it did not, ``too_few`` when
    either workshop has too few answers for a verdict. The median decides, as everywhere
    for ordinal ratings; the mean change is shown beside it.
    """
    left = before.set_index("field_id").reindex(list(fieldset.field_ids))
    right = after.set_index("field_id").reindex(list(fieldset.field_ids))
    frame = pd.DataFrame({"field_id": list(fieldset.field_ids)})
    for name in ("n", "median", "mean", "consensus"):
        frame[f"{name}_before"] = left[name].to_numpy()
        frame[f"{name}_after"] = right[name].to_numpy()
    for name in ("median", "mean", "consensus"):
        frame[f"{name}_change"] = frame[f"{name}_after"] - frame[f"{name}_before"]
    for value in fieldset.scale.values:
        share_before = left[f"dist_{value}"] / left["n"].where(left["n"] > 0)
        share_after = right[f"dist_{value}"] / right["n"].where(right["n"] > 0)
        frame[f"share_{value}_change"] = ((share_after - share_before) * 100).to_numpy(dtype="float64")
    # a field only one version of an own list has (werkstatt.own_fieldsets) counts as too few
    too_few = (left["verdict"].isin(["too_few"]) | left["verdict"].isna()).to_numpy() \
        | (right["verdict"].isin(["too_few"]) | right["verdict"].isna()).to_numpy()
    frame["trend"] = [
        "too_few" if few else "improved" if change > 0 else "fell_back" if change < 0 else "unchanged"
        for few, change in zip(too_few, frame["median_change"])
    ]
    return frame


def perspective(summary: pd.DataFrame, self_check: Mapping[str, float], fieldset: Fieldset) -> pd.DataFrame:
    """The administration's self-check score beside the workshop's median, per field.

    Columns: ``field_id``, ``self_check`` (NaN where the administration gave none),
    ``median`` (NaN where the room gave too few answers for a verdict), ``difference``
    (self-check minus median) and ``view``: ``admin_higher`` / ``admin_lower`` when they are
    at least ``PERSPECTIVE_GAP_AT`` apart, ``agree`` when closer, ``no_data`` when either
    side is missing. This "perspective gap" is what the workshop is held to bring out.
    """
    rows = summary.set_index("field_id").reindex(list(fieldset.field_ids))
    median = rows["median"].where(rows["verdict"] != "too_few").astype("float64")
    frame = pd.DataFrame({
        "field_id": list(fieldset.field_ids),
        "self_check": [float(self_check.get(f, math.nan)) for f in fieldset.field_ids],
        "median": median.to_numpy(),
    })
    frame["difference"] = frame["self_check"] - frame["median"]
    frame["view"] = [
        "no_data" if math.isnan(d) else "admin_higher" if d >= PERSPECTIVE_GAP_AT
        else "admin_lower" if d <= -PERSPECTIVE_GAP_AT else "agree"
        for d in frame["difference"]
    ]
    return frame


def too_few_note(summary: pd.DataFrame, fieldset: Fieldset, lang: str) -> str:
    """Why a field reads "zu wenige Antworten", or "" when none does: a rehearsal with three
    colleagues reads it in every field, and the room should know it is the count, not the city.
    (The results page and the projector both say it.)"""
    if not (summary["verdict"] == "too_few").any():
        return ""
    return nt("„{word}“ heißt: weniger als {n} Antwort auf der Skala („kann ich nicht einschätzen“ "
              "zählt nicht mit) – zu wenig für eine Einschätzung.",
              "„{word}“ heißt: weniger als {n} Antworten auf der Skala („kann ich nicht einschätzen“ "
              "zählt nicht mit) – zu wenig für eine Einschätzung.",
              fieldset.verdict.min_answers, lang, word=word("verdict", "too_few", lang))
