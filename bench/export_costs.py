"""How long each export of the demo process takes to build, and how big it is.

Not a test: run ``.venv/bin/python -m bench.export_costs`` and read the figures. The first report
of a process starts kaleido's chromium, so it is listed apart from the later ones.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from werkstatt import exchange, export, report, transfer
from werkstatt.demo import seed_demo_process
from werkstatt.service import Werkstatt

REPEAT = 3


def timed(build) -> tuple[float, bytes]:
    start = time.perf_counter()
    data = build()
    return time.perf_counter() - start, data if isinstance(data, bytes) else data.encode()


def line(name: str, build, repeat: int = REPEAT) -> bytes:
    runs = [timed(build) for _ in range(repeat)]
    seconds = statistics.median(run[0] for run in runs)
    print(f"  {name:<34} {seconds:7.2f} s  {len(runs[-1][1]) / 1024:8.0f} KB")
    return runs[-1][1]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = Werkstatt(Path(folder) / "bench.db")
        spring, autumn, process = seed_demo_process(app)
        print(f"Demo process (2 workshops × 35 people, {len(app.actions(process.id))} actions), "
              f"medians of {REPEAT}:")
        line("report PDF, first (starts chromium)", lambda: report.report_pdf(app, autumn.id), repeat=1)
        line("report PDF", lambda: report.report_pdf(app, autumn.id))
        line("report HTML", lambda: report.report_html(app, autumn.id))
        line("Excel, process", lambda: export.to_xlsx(export.process_tables(app, process.id)))
        line("CSV zip, process", lambda: export.to_csv_zip(export.process_tables(app, process.id)))
        line("anonymised JSON, workshop", lambda: exchange.anonymised_json(app, autumn.id))
        bundle = line("transfer JSON, process", lambda: transfer.export_process(app, process.id))
        target = Werkstatt(Path(folder) / "target.db")
        line("import of that file", lambda: transfer.import_bundle(target, bundle) and bundle, repeat=1)
        line("backup of the database", lambda: app.backup(Path(folder) / f"b{time.monotonic_ns()}.db").read_bytes())


if __name__ == "__main__":
    main()
