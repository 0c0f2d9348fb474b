"""Exchange files of made-up cities, with numbers chosen by hand, for the peer comparison's tests
and its benchmark.

``exchange_document`` writes what ``werkstatt.exchange.anonymised_export`` would write for a
workshop with exactly these distributions: median, mean, consensus and verdict follow from the
counts by the same rules, so a test can work the comparison out by hand from the counts alone.
"""

from __future__ import annotations

import json
import math

from werkstatt import aggregate, fieldsets
from werkstatt.exchange import DIGITS, FORMAT, VERSION, _fieldset
from werkstatt.peer_compare import mean_of, median_of

WK = fieldsets.load("weltoffene-kommune")


def exchange_document(municipality: str, counts: dict[str, list[int]], *, fieldset=WK,
                      drop: tuple[str, ...] = (), fieldset_id: str | None = None, date: str = "2026-03-14",
                      cards: list[dict] = (), actions: list[dict] = (), dont_know: int = 0) -> dict:
    """A file of ``municipality``: ``counts`` gives the answers per level (lowest first) of some
    fields; the others have none. ``drop`` leaves fields out of the fieldset (a city's own
    version of the list, under ``fieldset_id``)."""
    fields = [f for f in fieldset.fields if f.id not in drop]
    described = _fieldset(fieldset)
    described["fields"] = [entry for entry in described["fields"] if entry["id"] not in drop]
    if fieldset_id:
        described["id"] = fieldset_id
    values = fieldset.scale.values
    results = []
    for field in fields:
        levels = dict(zip(values, counts.get(field.id, [0] * len(values))))
        n = sum(levels.values())
        median, mean = median_of(levels), mean_of(levels)
        agreement = aggregate.consensus(levels, values[0], values[-1])
        results.append({
            "field_id": field.id, "n": n, "dont_know": dont_know,
            "median": None if n == 0 else median,
            "mean": None if n == 0 else round(mean, DIGITS),
            "consensus": None if n == 0 else round(agreement, DIGITS),
            "verdict": aggregate.verdict(n, median, agreement, fieldset.verdict),
            "distribution": [{"level": v, "count": c} for v, c in levels.items()],
        })
    return {
        "format": FORMAT, "version": VERSION, "exported_at": "2026-04-01T10:00:00+00:00",
        "fieldset": described,
        "workshop": {"title": f"Selbstcheck {municipality}", "municipality": municipality, "date": date,
                     "place": "Rathaus", "language": "de",
                     "participants": max((r["n"] + dont_know for r in results), default=0)},
        "results": results,
        "sector_results": {"min_cell": 3, "cells": []},
        "cards": [{"named": 1, "dots": 0, **card} for card in cards],
        "process": {"title": f"Weltoffene Kommune {municipality}", "municipality": municipality,
                    "actions": [{"status": "open", "priority": "medium", "description": "", "due_date": None,
                                 **action} for action in actions]},
    }


def as_file(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def is_nan(value: float) -> bool:
    return isinstance(value, float) and math.isnan(value)
