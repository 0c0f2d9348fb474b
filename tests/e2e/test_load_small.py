"""The load generator, kept working: 20 simulated tablets against the real app and the floor.

``python -m bench.load`` measures; this only checks that a small room plays
through on both servers, with nothing lost, nothing doubled and every step
change seen. No figure of time is asserted (``bench/README.md`` has those).
"""

from __future__ import annotations

import pytest

from bench.load.__main__ import run
from bench.load.rooms import DOT_BUDGET
from bench.load.scenario import CARDS_PER_DEVICE, Pace

pytestmark = pytest.mark.browser

DEVICES = 20
FIELDS = 7  # weltoffene-kommune
HURRIED = Pace().scaled(0.2)


@pytest.mark.parametrize("room", ["werkstatt", "floor"])
def test_a_small_room_plays_through_with_nothing_lost_or_doubled(room, tmp_path):
    figures = run(room, DEVICES, processes=1, pace=HURRIED, seed=1, home=tmp_path)

    assert figures["failures"] == [] and figures["failed_devices"] == 0
    check = figures["check"]
    assert check["expected_participants"] == check["stored_participants"] == DEVICES
    assert check["expected_ratings"] == DEVICES * FIELDS
    assert check["expected_cards"] == DEVICES * CARDS_PER_DEVICE
    assert check["expected_dots"] == DEVICES * DOT_BUDGET
    assert check["lost"] == 0 and check["doubled"] == 0 and check["unacknowledged_missing"] == 0
    assert figures["step_change"]["missed"] == 0
    assert figures["step_change"]["all"]["n"] == DEVICES * 4
    acknowledged = sum(figures["actions"][a]["n"] for a in ("rate", "card", "vote"))
    assert acknowledged + figures["unacknowledged_writes"] >= DEVICES * (FIELDS + CARDS_PER_DEVICE + 3)
    assert figures["server"]["cpu_seconds"] > 0 and figures["server"]["peak_rss_mib"] > 50
