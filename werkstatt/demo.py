"""A realistic finished workshop for newcomers: about 35 people, some fields contested.

Seeded with ``random.Random(seed)``, so the same seed gives the same workshop.
Each field has a typical rating; some sectors see some fields differently (the
administration rates its own opening higher than migrant organisations do),
which is what makes a real self-check workshop worth holding.
"""

from __future__ import annotations

import datetime as dt
import random

from werkstatt.service import Werkstatt, Workshop

DEMO_PIN = "2468"
# typical level per field on the 1..4 scale of weltoffene-kommune
FIELD_TENDENCY = {
    "management": 2.1, "oeffnung": 2.4, "zugang": 1.8, "arbeit": 2.4,
    "engagement": 3.4, "zusammenhalt": 3.3, "kommunikation": 2.5,
}
# how a sector's view differs, per field
SECTOR_SHIFT = {
    ("verwaltung", "oeffnung"): +1.6, ("verwaltung", "management"): +0.8,
    ("verwaltung", "kommunikation"): +1.5, ("politik", "kommunikation"): +1.0,
    ("migrantenorganisationen", "oeffnung"): -1.4, ("migrantenorganisationen", "kommunikation"): -1.5,
    ("zivilgesellschaft", "kommunikation"): -0.8, ("zivilgesellschaft", "oeffnung"): -0.6,
    ("politik", "management"): +0.5, ("wirtschaft", "arbeit"): +0.6,
    ("zivilgesellschaft", "zugang"): -0.4,
}
SECTOR_WEIGHTS = {
    "verwaltung": 9, "politik": 5, "zivilgesellschaft": 8, "migrantenorganisationen": 6,
    "wirtschaft": 3, "bildung": 3, "sonstige": 1,
}


def seed_demo(app: Werkstatt, participants: int = 35, seed: int = 42,
              date: dt.date | None = None) -> Workshop:
    """Create the demo workshop, let everyone rate, and reveal the results."""
    rng = random.Random(seed)
    workshop = app.create_workshop(
        title="Selbstcheck-Workshop Weltoffene Kommune", municipality="Musterstadt",
        facilitator_pin=DEMO_PIN, date=date or dt.date.today(), place="Rathaus, Großer Saal",
    )
    fieldset = app.fieldset(workshop)
    app.set_live_step(workshop.id, "rating")
    sectors = [s.id for s in fieldset.sectors]
    weights = [SECTOR_WEIGHTS.get(s, 1) for s in sectors]
    low, high = fieldset.scale.min, fieldset.scale.max
    for _ in range(participants):
        sector = rng.choices(sectors + [None], weights=weights + [2])[0]
        token = app.join(workshop.join_code, sector=sector).token
        for field in fieldset.fields:
            if rng.random() < 0.08:
                app.rate(token, field.id, None)
                continue
            typical = FIELD_TENDENCY.get(field.id, (low + high) / 2) + SECTOR_SHIFT.get((sector, field.id), 0)
            level = round(rng.gauss(typical, 0.7))
            app.rate(token, field.id, min(high, max(low, level)))
    return app.set_live_step(workshop.id, "results")
