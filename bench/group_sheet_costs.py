"""How long the sheet for the group tables (one A4 page per group) takes to build.

Not a test: run ``.venv/bin/python -m bench.group_sheet_costs`` and read the figures. The first
build of a process imports WeasyPrint (about a second), so it is listed apart; the process time
beside the wall time shows what a busy machine adds.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from werkstatt.group_sheet import group_sheet_pdf
from werkstatt.service import Werkstatt

GROUPS = 8
REPEAT = 5
BASE = "http://192.168.178.23:8501"


def timed(build) -> tuple[float, float, bytes]:
    wall, cpu = time.perf_counter(), time.process_time()
    data = build()
    return time.perf_counter() - wall, time.process_time() - cpu, data


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = Werkstatt(Path(folder) / "bench.db")
        workshop = app.create_workshop(title="Selbstcheck-Workshop", municipality="Musterstadt",
                                       facilitator_pin="4711")
        app.add_default_groups(workshop.id)  # one per field: seven
        fields = app.fieldset(workshop).field_ids
        for number in range(len(app.groups(workshop.id)), GROUPS):
            app.add_group(workshop.id, f"Gruppe {number + 1}", list(fields[:2]))

        def build() -> bytes:
            return group_sheet_pdf(app, workshop.id, BASE)

        wall, cpu, pdf = timed(build)
        print(f"{GROUPS} groups: first build (imports WeasyPrint) {wall:.2f} s, CPU {cpu:.2f} s, "
              f"{len(pdf) / 1024:.0f} KB")
        runs = [timed(build) for _ in range(REPEAT)]
        print(f"{GROUPS} groups: median of {REPEAT} later builds "
              f"{statistics.median(r[0] for r in runs):.2f} s, CPU {statistics.median(r[1] for r in runs):.2f} s "
              f"(wall: {', '.join(f'{r[0]:.2f}' for r in runs)})")


if __name__ == "__main__":
    main()
