"""German screens write numbers and dates the German way: a decimal comma, day.month.year, German
month names (Babel's CLDR formats through ``werkstatt.i18n``). Every Streamlit screen with numbers
or dates is opened on the demo process, and everything it shows is read: texts, metrics, captions
and the cells of every table."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from tests.app.conftest import texts
from werkstatt import demo

ENGLISH_DECIMAL = re.compile(r"(?<![\w.,])\d+\.\d{1,2}(?![\w.])")  # 2.5 (not 07.12.2026, not 1.234)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGLISH_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|"
                           r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")
TASKFORCE_TABS = ("Auswertung", "Maßnahmen", "Vergleich & Selbstcheck", "Mitglieder", "Dokumentation")


def _cells(at) -> tuple[str, list[str]]:
    """Every table's cells as the screen shows them, and the names of columns Streamlit would
    format itself (floats and dates: the browser writes those in English, 2.5 and 2026-12-07)."""
    shown, raw = [], []
    for element in at.dataframe:
        frame = element.value
        frame = frame.data if not isinstance(frame, pd.DataFrame) else frame  # a Styler
        for column in frame.columns:
            values = frame[column]
            if pd.api.types.is_float_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
                raw.append(str(column))
            shown += [str(column), *(str(v) for v in values if isinstance(v, str))]
    return "\n".join(shown), raw


def _projector_text(page: str) -> str:
    """What the projector page shows: its text without tags and attributes (the charts' figures
    are data for plotly, which writes their numbers with the locale's separators)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


def _screens(app, open_page, projector):
    _spring, autumn, process = demo.seed_demo_process(app, participants=12)
    token = app.facilitator_login(autumn.join_code, demo.DEMO_PIN)
    yield "console", open_page("pages/moderation.py", f=token)
    yield "results", open_page("pages/ergebnisse.py", f=token)
    yield "projector", _projector_text(projector.html(autumn))
    taskforce = open_page("pages/taskforce.py", tf=app.taskforce_login(process.code, demo.DEMO_TASKFORCE_PASSWORD))
    for tab in TASKFORCE_TABS:
        taskforce.session_state["taskforce_tab"] = tab
        taskforce.run()
        assert not taskforce.exception, taskforce.exception
        yield f"task force, {tab}", taskforce


def test_every_german_screen_writes_numbers_and_dates_the_german_way(app, open_page, projector):
    seen = 0
    for name, at in _screens(app, open_page, projector):
        cells, raw = _cells(at) if not isinstance(at, str) else ("", [])
        shown = (texts(at) if not isinstance(at, str) else at) + "\n" + cells
        seen += len(shown)
        assert ENGLISH_DECIMAL.findall(shown) == [], name
        assert ISO_DATE.findall(shown) == [], name
        assert ENGLISH_MONTH.findall(shown) == [], name
        assert raw == [], f"{name}: columns the browser would format in English"
    assert seen > 5000  # the screens were full, not empty


@pytest.mark.parametrize("text", ["Median 2.5", "am 2026-12-07", "Dec 7, 2026", "0.63"])
def test_the_patterns_catch_english_numbers_and_dates(text):
    assert ENGLISH_DECIMAL.search(text) or ISO_DATE.search(text) or ENGLISH_MONTH.search(text)


@pytest.mark.parametrize("text", ["Median 2,5", "am 07.12.2026", "7. Dez. 2026", "1.234 Punkte", "Konsens 0,63"])
def test_the_patterns_let_german_ones_pass(text):
    assert not (ENGLISH_DECIMAL.search(text) or ISO_DATE.search(text) or ENGLISH_MONTH.search(text))
