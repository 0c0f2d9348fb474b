"""The anonymised exchange export: what another municipality or the programme team may read.

A workshop's results travel as aggregates only. The file holds the fieldset (so a reader
knows what was rated on which scale), the workshop's public facts (municipality, date,
place), the summary per field, the medians per field and sector (cells under ``MIN_CELL``
answers suppressed, as on every screen), the visible cards with their dots, and the
actions of the workshop's process without their owners. It never holds a token, a join or
process code, a PIN or password hash, a participant or card id, a group, a task-force
member or an owner organisation: nothing that opens the workshop or points to a person.
The format is documented in ``schemas/exchange-v1.schema.json``.

The full backup of a workshop or process (tokens and hashes included) is a different
file: see ``werkstatt.transfer``. Its refusal, ``ImportRefused``, lives here, beside the
other exchange-format error texts in ``werkstatt.messages_exchange``.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

import pandas as pd

from werkstatt import cards as card_rules
from werkstatt.cards import KINDS
from werkstatt.errors import WerkstattError
from werkstatt.fieldsets import Fieldset, Text
from werkstatt.i18n import N_, t

if TYPE_CHECKING:
    from werkstatt.service import Werkstatt

FORMAT = "werkstatt-exchange"
VERSION = 1
# the smallest sector cell shown; the same rule as the results page (DESIGN.md, Aggregation)
MIN_CELL = 3
DIGITS = 4  # mean and consensus: enough to compare, without float noise


class ImportRefused(WerkstattError):
    """A transfer file that cannot be imported; nothing was written. ``problem`` is a marked text
    saying what is wrong (and how to fix it), formatted with the other params; an ``expected``
    param (what a value should look like) is a marked text too."""

    key = N_("Die Datei wurde nicht eingelesen, es wurde nichts gespeichert. {problem}")

    def message(self, lang: str) -> str:
        params = dict(self.params)
        problem = params.pop("problem")
        if "expected" in params:
            params["expected"] = t(params["expected"], lang)
        return t(self.key, lang, problem=t(problem, lang, **params))


def anonymised_export(app: Werkstatt, workshop_id: int) -> dict:
    """The workshop's results as a plain dict in the exchange format (version ``VERSION``)."""
    workshop = app.workshop(workshop_id)
    fieldset = app.fieldset(workshop)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": app.now().isoformat(timespec="seconds"),
        "fieldset": _fieldset(fieldset),
        "workshop": {
            "title": workshop.title,
            "municipality": workshop.municipality,
            "date": workshop.date.isoformat() if workshop.date else None,
            "place": workshop.place,
            "language": workshop.language,
            # people, not devices: a group's shared tablet is not counted
            "participants": sum(app.participants_by_sector(workshop_id).values()),
        },
        "results": _results(app, workshop_id, fieldset),
        "sector_results": {"min_cell": MIN_CELL, "cells": _sector_cells(app, workshop_id)},
        "cards": _cards(app, workshop_id, fieldset),
        "process": _process(app, workshop.process_id),
    }


def anonymised_json(app: Werkstatt, workshop_id: int) -> bytes:
    """``anonymised_export`` as UTF-8 JSON: umlauts and emoji as they are (not ``\\u`` escapes),
    indented and with sorted keys, so two exports of one workshop can be diffed."""
    document = anonymised_export(app, workshop_id)
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def _text(text: Text | None) -> dict[str, str] | None:
    return dict(text.values) if text is not None else None


def _number(value: object, digits: int | None = None) -> float | None:
    """A float for JSON: NaN (no answers) becomes null."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits) if digits is not None else float(value)


def _fieldset(fieldset: Fieldset) -> dict:
    return {
        "id": fieldset.id,
        "title": _text(fieldset.title),
        "language": fieldset.language,
        "scale": {
            "levels": [{"value": level.value, "label": _text(level.label)}
                       for level in fieldset.scale.levels],
            "dont_know": _text(fieldset.scale.dont_know),
        },
        "fields": [{"id": field.id, "title": _text(field.title)} for field in fieldset.fields],
        "sectors": [{"id": sector.id, "label": _text(sector.label)} for sector in fieldset.sectors],
    }


def _results(app: Werkstatt, workshop_id: int, fieldset: Fieldset) -> list[dict]:
    return [
        {
            "field_id": row["field_id"],
            "n": int(row["n"]),
            "dont_know": int(row["dont_know"]),
            "median": _number(row["median"]),
            "mean": _number(row["mean"], DIGITS),
            "consensus": _number(row["consensus"], DIGITS),
            "verdict": row["verdict"],
            "distribution": [{"level": value, "count": int(row[f"dist_{value}"])}
                             for value in fieldset.scale.values],
        }
        for row in app.summary(workshop_id).to_dict("records")
    ]


def _sector_cells(app: Werkstatt, workshop_id: int) -> list[dict]:
    """One cell per field and sector; a cell under ``MIN_CELL`` answers says only that it is
    suppressed (no n, no median), so nobody's rating can be read off."""
    cells = []
    for row in app.sector_breakdown(workshop_id, min_cell=MIN_CELL).to_dict("records"):
        suppressed = bool(pd.isna(row["n"]))
        cells.append({
            "field_id": row["field_id"],
            "sector": row["sector"],
            "suppressed": suppressed,
            "n": None if suppressed else int(row["n"]),
            "median": None if suppressed else _number(row["median"]),
        })
    return cells


def _cards(app: Werkstatt, workshop_id: int, fieldset: Fieldset) -> list[dict]:
    """The visible cards (roots of every merge), per field and kind, most dots first.

    ``named`` counts the card and every duplicate merged into it: how many wrote it."""
    board = app.board(workshop_id)
    known = set(fieldset.field_ids)
    field_order = list(fieldset.field_ids) + sorted({c.field_id for c in board} - known)
    return [
        {"field_id": card.field_id, "kind": card.kind, "text": card.text, "dots": card.dots,
         "named": 1 + len(card.sources)}
        for field_id in field_order
        for kind in KINDS
        for card in card_rules.ranked(board, field_id, (kind,))
    ]


def _process(app: Werkstatt, process_id: int | None) -> dict | None:
    """The process's title and its actions, without owners (members are people, and an
    organisation in a small town often is one) and without the history's notes."""
    if process_id is None:
        return None
    process = app.process(process_id)
    return {
        "title": process.title,
        "municipality": process.municipality,
        "actions": [
            {"title": action.title, "field_id": action.field_id, "status": action.status,
             "priority": action.priority, "description": action.description,
             "due_date": action.due_date.isoformat() if action.due_date else None}
            for action in app.actions(process_id)
        ],
    }
