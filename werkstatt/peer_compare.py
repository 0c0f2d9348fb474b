"""Where a city stands among its peers: exchange files in, pandas frames and plain numbers out.

Pure, no I/O: every input is an exchange document (``werkstatt.exchange``, the anonymised file
a city sends), ours included, so our own results and a peer's are read the same way.

The rules, worked out by hand in ``tests/unit/test_peer_compare.py``:

- A field is compared only where both files have it (same field id) on the same scale (the
  same level values); a peer on another fieldset is compared on the fields they share.
- A city "has answers" for a field when its own verdict is not "too few answers": fewer than
  that says nothing about the city, only about who came.
- The **pool** of a field is the answers of all peers with answers added up, level by level
  (every answer weighs the same, a big workshop more than a small one). It is shown only where
  at least ``MIN_PEERS`` peers have answers, so no single city can be read off the pool.
- The **rank** is by median, as everywhere for ordinal ratings: our city among itself and the
  peers with answers, again only from ``MIN_PEERS`` peers on. Cities with the same median share
  their places ("Platz 2–3"); the third follows the middle of those places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from werkstatt.aggregate import consensus

MIN_PEERS = 3  # the smallest pool shown: no single city can be singled out
THIRDS = ("upper", "middle", "lower")


@dataclass(frozen=True)
class City:
    """One exchange document and the name it is shown under (the municipality the file names)."""

    name: str
    document: dict

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(level["value"] for level in self.document["fieldset"]["scale"]["levels"])

    @property
    def field_ids(self) -> tuple[str, ...]:
        return tuple(field["id"] for field in self.document["fieldset"]["fields"])

    def result(self, field_id: str) -> dict | None:
        return next((r for r in self.document["results"] if r["field_id"] == field_id), None)

    def has_answers(self, field_id: str) -> bool:
        result = self.result(field_id)
        return result is not None and result["n"] > 0 and result["verdict"] != "too_few"

    def counts(self, field_id: str) -> dict[int, int]:
        return {d["level"]: d["count"] for d in self.result(field_id)["distribution"]}


@dataclass(frozen=True)
class Rank:
    """Our place among ``cities`` (us included) by median: ``first``–``last`` (equal when no
    other city has our median), and the third of the field it puts us in."""

    first: int
    last: int
    cities: int
    third: str  # one of THIRDS


def matched_fields(own: City, peer: City) -> tuple[str, ...]:
    """The fields the two files share, in our order; none when their scales differ (a median of
    3 on a four-level scale is not one on a five-level scale)."""
    if own.levels != peer.levels:
        return ()
    theirs = set(peer.field_ids)
    return tuple(field_id for field_id in own.field_ids if field_id in theirs)


def median_of(counts: Mapping[int, int]) -> float:
    """The median of the answers behind a distribution (the mean of the two middle answers when
    their number is even, as pandas counts it); NaN without answers."""
    total = sum(counts.values())
    if total == 0:
        return math.nan
    ordered = sorted(counts.items())

    def answer(position: int) -> int:  # the value of the answer at 0-based ``position``
        seen = 0
        for value, count in ordered:
            seen += count
            if position < seen:
                return value
        raise IndexError(position)

    middle = (total - 1) / 2
    return (answer(math.floor(middle)) + answer(math.ceil(middle))) / 2


def mean_of(counts: Mapping[int, int]) -> float:
    total = sum(counts.values())
    return sum(value * count for value, count in counts.items()) / total if total else math.nan


def field_frame(own: City, peers: list[City], field_id: str) -> pd.DataFrame:
    """One row per city for a field: ours first (``role`` "own"), then each peer that shares the
    field and has answers ("peer", in the given order), then the pool ("pool", named "") where at
    least ``MIN_PEERS`` peers have answers. Columns: ``role``, ``name``, ``n``, ``dont_know``,
    ``median``, ``mean``, ``consensus`` and ``dist_<level>`` (answers per level of our scale)."""
    levels = own.levels
    rows = [_row("own", own.name, own.result(field_id), levels)]
    answering = [peer for peer in peers if field_id in matched_fields(own, peer) and peer.has_answers(field_id)]
    rows += [_row("peer", peer.name, peer.result(field_id), levels) for peer in answering]
    if len(answering) >= MIN_PEERS:
        rows.append(_pool_row(answering, field_id, levels))
    return pd.DataFrame(rows)


def cities_frame(reference: City, cities: list[City], field_id: str) -> pd.DataFrame:
    """The programme team's view of a field: every city that shares it with ``reference`` and has
    answers ("peer" rows, in the given order), then the pool of all of them from ``MIN_PEERS`` on."""
    levels = reference.levels
    answering = [c for c in cities if field_id in matched_fields(reference, c) and c.has_answers(field_id)]
    rows = [_row("peer", c.name, c.result(field_id), levels) for c in answering]
    if len(answering) >= MIN_PEERS:
        rows.append(_pool_row(answering, field_id, levels))
    return pd.DataFrame(rows, columns=["role", "name", "n", "dont_know", "median", "mean", "consensus",
                                       "verdict", *[f"dist_{level}" for level in levels]])


def _row(role: str, name: str, result: dict | None, levels: tuple[int, ...]) -> dict:
    counts = {d["level"]: d["count"] for d in result["distribution"]} if result else {}
    return {
        "role": role, "name": name,
        "n": result["n"] if result else 0,
        "dont_know": result["dont_know"] if result else 0,
        "median": _float(result["median"]) if result else math.nan,
        "mean": _float(result["mean"]) if result else math.nan,
        "consensus": _float(result["consensus"]) if result else math.nan,
        "verdict": result["verdict"] if result else "too_few",
        **{f"dist_{level}": counts.get(level, 0) for level in levels},
    }


def _pool_row(peers: list[City], field_id: str, levels: tuple[int, ...]) -> dict:
    counts = pool_counts(peers, field_id, levels)
    return {
        "role": "pool", "name": "",
        "n": sum(counts.values()),
        "dont_know": sum(peer.result(field_id)["dont_know"] for peer in peers),
        "median": median_of(counts), "mean": mean_of(counts),
        "consensus": consensus(counts, min(levels), max(levels)),
        "verdict": "",
        **{f"dist_{level}": counts[level] for level in levels},
    }


def pool_counts(peers: list[City], field_id: str, levels: tuple[int, ...]) -> dict[int, int]:
    """The peers' answers added up per level."""
    return {level: sum(peer.counts(field_id).get(level, 0) for peer in peers) for level in levels}


def rank(frame: pd.DataFrame) -> Rank | None:
    """Our rank in a ``field_frame``: None when we have too few answers ourselves or fewer than
    ``MIN_PEERS`` peers have answers."""
    own = frame[frame["role"] == "own"].iloc[0]
    peers = frame[frame["role"] == "peer"]
    if own["verdict"] == "too_few" or len(peers) < MIN_PEERS:
        return None
    higher = int((peers["median"] > own["median"]).sum())
    equal = int((peers["median"] == own["median"]).sum())
    cities = len(peers) + 1
    first, last = higher + 1, higher + 1 + equal
    middle = (first + last) / 2  # where we stand when the equal medians share their places
    share = (middle - 1) / (cities - 1)  # 0 = top, 1 = bottom
    third = "upper" if share < 1 / 3 else "lower" if share > 2 / 3 else "middle"
    return Rank(first, last, cities, third)


# --- the programme team's overview of many cities ----------------------------------------------------

def overview(reference: City, cities: list[City]) -> pd.DataFrame:
    """Per field of ``reference`` (the fieldset most files share): how many cities have answers,
    their medians' spread (lowest, highest, ``spread`` = highest − lowest, the median of the
    medians), the pooled distribution of all their answers (``dist_<level>``, empty under
    ``MIN_PEERS`` cities) with its median and consensus, and how many cities call it a gap."""
    levels = reference.levels
    rows = []
    for field_id in reference.field_ids:
        answering = [c for c in cities if field_id in matched_fields(reference, c) and c.has_answers(field_id)]
        medians = pd.Series([c.result(field_id)["median"] for c in answering], dtype="float64")
        pooled = len(answering) >= MIN_PEERS
        counts = pool_counts(answering, field_id, levels) if pooled else {}
        rows.append({
            "field_id": field_id,
            "cities": len(answering),
            "median_low": medians.min(), "median_high": medians.max(),
            "spread": medians.max() - medians.min(),
            "median_of_medians": medians.median(),
            "pool_median": median_of(counts) if pooled else math.nan,
            "pool_consensus": consensus(counts, min(levels), max(levels)) if pooled else math.nan,
            "gap_cities": sum(c.result(field_id)["verdict"] == "gap" for c in answering),
            **{f"dist_{level}": counts[level] if pooled else math.nan for level in levels},
        })
    return pd.DataFrame(rows)


def agreement(frame: pd.DataFrame, count: int = 3) -> tuple[list[str], list[str]]:
    """(fields where cities agree most, where they differ most): by the spread of the medians,
    among fields with at least ``MIN_PEERS`` cities; at most ``count`` each and never more than
    half of those fields each, so no field is in both lists; ties keep the fieldset's order."""
    shown = frame[frame["cities"] >= MIN_PEERS]
    count = min(count, len(shown) // 2)
    agree = shown.sort_values("spread", kind="stable")["field_id"].head(count).tolist()
    differ = shown.sort_values("spread", ascending=False, kind="stable")["field_id"].head(count).tolist()
    return agree, differ


def gap_themes(reference: City, cities: list[City]) -> pd.DataFrame:
    """The gap themes across all cities, by the cards' fields and dots (no text mining): per field
    the number of gap and idea cards, their dots, and how many cities wrote any; most dots first.
    Cards of fields the reference does not know are left out."""
    known = set(reference.field_ids)
    rows = {field_id: {"field_id": field_id, "cards": 0, "dots": 0, "cities": 0}
            for field_id in reference.field_ids}
    for city in cities:
        wrote = set()
        for card in city.document["cards"]:
            if card["kind"] in ("gap", "idea") and card["field_id"] in known:
                rows[card["field_id"]]["cards"] += 1
                rows[card["field_id"]]["dots"] += card["dots"]
                wrote.add(card["field_id"])
        for field_id in wrote:
            rows[field_id]["cities"] += 1
    frame = pd.DataFrame(list(rows.values()))
    return frame.sort_values(["dots", "cards"], ascending=False, kind="stable").reset_index(drop=True)


def top_cards(peers: list[City], field_id: str, own: City, count: int = 5) -> list[tuple[City, dict]]:
    """The peers' gaps and ideas of a field by dots (then by how often they were written), with
    the city each comes from; only from peers that share the field."""
    found = [(peer, card) for peer in peers if field_id in matched_fields(own, peer)
             for card in peer.document["cards"]
             if card["field_id"] == field_id and card["kind"] in ("gap", "idea")]
    found.sort(key=lambda item: (-item[1]["dots"], -item[1]["named"]))
    return found[:count]


def peer_actions(peers: list[City], field_id: str, own: City) -> list[tuple[City, int, dict]]:
    """The peers' actions of a field, as their files carry them (no owners), with the city and the
    action's place in its file (what "Maßnahme übernehmen" refers to); dropped ones left out."""
    return [(peer, index, action) for peer in peers if field_id in matched_fields(own, peer)
            for index, action in enumerate((peer.document["process"] or {}).get("actions", []))
            if action["field_id"] == field_id and action["status"] != "dropped"]


def unique_names(names: list[str], dates: list[str | None]) -> list[str]:
    """The municipality as the file names it; where two files name the same one (a spring and
    an autumn workshop), the workshop's date is added to tell them apart."""
    repeated = {name for name in names if names.count(name) > 1}
    return [f"{name} ({date})" if name in repeated and date else name for name, date in zip(names, dates)]


def _float(value: object) -> float:
    return math.nan if value is None else float(value)
