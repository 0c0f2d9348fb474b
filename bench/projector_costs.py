"""What the projector costs the server: its once-a-second question, and a new stage per change.

Not a test: run ``.venv/bin/python -m bench.projector_costs`` and read the figures. Each figure is
the median CPU time of one request through Starlette's test client in this process, less the
median of a route that answers 204 at once (the client's and Starlette's own share), for a
workshop of 35 people as the demo seeds it: the unchanged poll (204), and the stage at check-in,
rating, results, card wall and ranking.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient

from werkstatt import demo
from werkstatt.projector.routes import ProjectorScreen
from werkstatt.service import Werkstatt

REPEAT = 200


async def _inline(function, *args):
    return function(*args)


async def _nothing(request):
    return Response(status_code=204)


def median_ms(request, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        response = request()
        times.append(time.process_time() - started)
        assert response.status_code in (200, 204), response.status_code
    return statistics.median(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = Werkstatt(Path(folder) / "bench.db")
        routes = [*ProjectorScreen(lambda: app, _inline).routes(), Route("/nothing", _nothing)]
        client = TestClient(Starlette(routes=routes))
        workshop = demo.seed_demo(app, participants=35)

        def stage(seen: str = ""):
            return client.get("/beamer/stage", params={"w": workshop.id, "code": workshop.join_code, "seen": seen})

        baseline = median_ms(lambda: client.get("/nothing", params={"w": 1, "code": "X", "seen": "1.2"}))
        rows = []
        for step in ("checkin", "rating", "results", "cards", "ranking"):
            app.set_live_step(workshop.id, step)
            version = stage().headers["x-stage-version"]
            rows.append((f"stage at {step}", median_ms(stage, 50) - baseline, len(stage().content)))
            rows.append((f"unchanged poll at {step}", median_ms(lambda seen=version: stage(seen)) - baseline, 0))
        print(f"test client's own share per request: {baseline:.2f} ms (subtracted below)")
        print(f"{'request':32} {'median CPU ms':>14} {'bytes':>8}")
        for name, ms, size in rows:
            print(f"{name:32} {ms:14.2f} {size:8}")


if __name__ == "__main__":
    main()
