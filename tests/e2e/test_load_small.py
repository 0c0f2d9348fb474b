"""The load generator, kept working: 20 simulated phones against the real app and the floor.

``python -m bench.load`` measures; this only checks that a small room plays through on
both servers with the participant devices speaking HTTP and Server-Sent Events (the
pages of ``werkstatt/web/``) while the console stays connected over Streamlit's protocol
and the projector polls its own page (``/beamer/stage`` once a second, as its script does):
nothing lost, nothing doubled, every step change seen by every device and by the
projector. No figure of time is asserted (``bench/README.md`` has those).
"""

from __future__ import annotations

import pytest

from bench.load.__main__ import run
from bench.load.rooms import DOT_BUDGET
from bench.load.scenario import CARDS_PER_DEVICE, PHASES, Pace

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
    assert figures["refused_writes"] == 0 and figures["shown_otherwise"] == 0
    assert figures["step_change"]["missed"] == 0
    assert figures["step_change"]["all"]["n"] == DEVICES * len(PHASES)
    assert figures["stream"]["connects"] >= DEVICES and figures["stream"]["events"] >= DEVICES * (1 + len(PHASES))
    acknowledged = sum(figures["actions"][a]["n"] for a in ("rate", "card", "vote"))
    assert acknowledged + figures["unacknowledged_writes"] >= DEVICES * (FIELDS + CARDS_PER_DEVICE + 3)
    assert figures["server"]["cpu_seconds"] > 0 and figures["server"]["peak_rss_mib"] > 50
    if room == "werkstatt":
        assert set(figures["screens"]) == {"moderation", "beamer"}
        console, projector = figures["screens"]["moderation"], figures["screens"]["beamer"]
        # the console followed the room over Streamlit's protocol ...
        assert "failures" not in console and console["runs"] > 1
        # ... and the projector by asking for its stage once a second: every poll answered, the
        # unchanged ones with an empty 204, a new stage for every step (and more for the counts)
        assert "failures" not in projector and projector["open_seconds"] is not None
        assert projector["polls"] > 1
        assert projector["unchanged"] + projector["stage_fetches"] == projector["polls"]
        assert projector["unchanged"] >= 1 and 0 < projector["unchanged_share"] < 1
        assert projector["stage_fetches"] >= len(PHASES)
        assert projector["steps_missed"] == 0 and set(projector["step_change"]) == set(PHASES)
    else:  # the floor has neither console nor projector
        assert figures["screens"] == {}
