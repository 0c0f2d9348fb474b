"""Cleaning what people type into forms, with an error they can act on.

Labels (titles, names) are one line; card texts keep every character as typed
(line breaks, emoji, right-to-left scripts) and only lose the blank space
around them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from werkstatt.cards import TEXT_MAX_LENGTH as CARD_MAX_LENGTH
from werkstatt.cards import TEXT_MIN_LENGTH as CARD_MIN_LENGTH
from werkstatt.errors import InvalidInput
from werkstatt.i18n import N_, P_

LINE_MAX_LENGTH = 200


def clean_line(value: str | None, missing_problem: str | None, label: str) -> str:
    """One line of text with runs of blanks folded; ``label`` names the form field."""
    text = " ".join(str(value or "").split())
    if not text and missing_problem:
        raise InvalidInput(problem=missing_problem)
    if len(text) > LINE_MAX_LENGTH:
        raise InvalidInput(problem=N_("„{label}“ ist zu lang: höchstens {max} Zeichen."), label=label,
                           max=LINE_MAX_LENGTH)
    return text


def clean_date(value: dt.date | str | None) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InvalidInput(problem=N_("Das Datum „{value}“ ist ungültig."), value=value) from None


def clean_card_text(value: str | None) -> str:
    """A card's text exactly as typed, without surrounding blanks; 3 to 500 characters,
    at least 3 of them visible (zero-width and control characters alone make no card)."""
    text = str(value or "").strip()
    visible = sum(1 for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc"))
    if visible < CARD_MIN_LENGTH:
        raise InvalidInput(problem=P_("Die Karte ist zu kurz: bitte mindestens {min} Zeichen "
                                      "schreiben."), min=CARD_MIN_LENGTH)
    if len(text) > CARD_MAX_LENGTH:
        raise InvalidInput(problem=P_("Die Karte ist zu lang: {length} Zeichen, erlaubt sind "
                                      "höchstens {max}. Bitte kürzen – Ihr Text ist noch da."),
                           max=CARD_MAX_LENGTH, length=len(text))
    return text


def clean_text(value: str | None, label: str, max_length: int) -> str:
    """A longer text (a description): line breaks kept, surrounding blanks removed."""
    text = str(value or "").strip()
    if len(text) > max_length:
        raise InvalidInput(problem=N_("„{label}“ ist zu lang: höchstens {max} Zeichen."), label=label,
                           max=max_length)
    return text
