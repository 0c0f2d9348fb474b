"""The console's countdown: what the server puts into the page for the browser to count from.

The browser side (that the display reaches 00:00 when the server locks, not after) is measured
in a real browser: ``tests/e2e/test_console_timer.py``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from werkstatt.service import Workshop
from werkstatt.ui.timer import countdown_html

NOW = dt.datetime(2026, 11, 23, 14, 0, 0, 250_000, tzinfo=dt.UTC)
WORKSHOP = Workshop(id=1, title="T", municipality="M", date=None, place="", fieldset_id="weltoffene-kommune",
                    language="de", join_code="ABC123", live_step="cards", step_version=1, data_version=1)


def timer(seconds_left: float, locks: bool = True) -> Workshop:
    return dataclasses.replace(WORKSHOP, timer_ends_at=NOW + dt.timedelta(seconds=seconds_left),
                               timer_seconds=600, timer_locks=locks)


def attribute(box: str, name: str) -> str:
    return re.search(rf'{name}="([^"]*)"', box).group(1)


def test_no_timer_no_countdown():
    assert countdown_html(WORKSHOP, NOW, "de") is None


@pytest.mark.parametrize(("left", "shown"),
                         [(600, "10:00"), (59.001, "01:00"), (1.4, "00:02"), (0.6, "00:01")])
def test_the_first_display_rounds_up_so_it_never_shows_zero_before_the_lock(left, shown):
    box = countdown_html(timer(left), NOW, "de")
    assert f'<span class="ws-timer-time">{shown}</span>' in box


def test_the_page_carries_milliseconds_and_the_servers_clock():
    box = countdown_html(timer(90.1234), NOW, "de")
    assert attribute(box, "data-left-ms") == "90123"
    assert attribute(box, "data-server-now") == str(round(NOW.timestamp() * 1000))
    assert "Math.ceil" in box and "Date.now()" in box


def test_a_timer_that_ran_out_shows_zero_and_says_so():
    box = countdown_html(timer(-5), NOW, "de")
    assert attribute(box, "data-left-ms") == "0"
    assert '<span class="ws-timer-time">00:00</span>' in box
    assert "Die Zeit ist um – Eingabe gesperrt" in box


def test_the_script_holds_no_text_of_its_own():
    """Texts travel in data attributes (escaped); the script is the same in every language."""
    german, english = (countdown_html(timer(30), NOW, lang) for lang in ("de", "en"))
    script = re.compile(r"<script>.*</script>", re.DOTALL)
    assert re.sub(r"ws-timer-\w+", "", script.search(german).group()) == \
        re.sub(r"ws-timer-\w+", "", script.search(english).group())
