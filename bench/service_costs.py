"""What one poll, one tap and one results render cost in the service, on a real SQLite file.

Not a test: run ``.venv/bin/python -m bench.service_costs`` and read the medians.
The poll is what 150 tablets do every two seconds; it must stay far below a
millisecond so that the server's one core is free for the real work.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from werkstatt.demo import seed_demo
from werkstatt.service import Werkstatt

PARTICIPANTS = 150
REPEAT = 2000


def median_ms(action, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = Werkstatt(Path(folder) / "bench.db")
        workshop = seed_demo(app, participants=PARTICIPANTS)
        app.set_live_step(workshop.id, "rating")
        token = app.join(workshop.join_code).token

        poll = median_ms(lambda: app.versions(workshop.id))
        tap = median_ms(lambda: app.rate(token, "management", 3), repeat=500)
        mine = median_ms(lambda: app.my_ratings(token))
        app.summary(workshop.id)
        cached = median_ms(lambda: app.summary(workshop.id), repeat=500)

        def fresh_summary():
            app.rate(token, "management", 2)  # a new version: the summary must be recomputed
            app.summary(workshop.id)

        recomputed = median_ms(fresh_summary, repeat=200) - tap
        print(f"{PARTICIPANTS} participants × 7 fields, medians:")
        print(f"  poll (versions):              {poll:7.3f} ms")
        print(f"  tap (rate, one transaction):  {tap:7.3f} ms")
        print(f"  own ratings on page render:   {mine:7.3f} ms")
        print(f"  summary, cached per version:  {cached:7.3f} ms")
        print(f"  summary, recomputed:          {recomputed:7.3f} ms")
        print(f"  ratio recomputed / poll:      {recomputed / poll:7.0f} ×")


if __name__ == "__main__":
    main()
