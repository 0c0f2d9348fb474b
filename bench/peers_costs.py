"""How long reading 20 cities' exchange files into a process takes, and the programme team's report
of those 20 files (HTML, then PDF).

Not a test: run ``.venv/bin/python -m bench.peers_costs`` and read the figures (medians of a few
runs; each import run starts from a fresh database). The files are the demo workshop's real export,
renamed for 20 cities, with each city's answers shuffled between the levels (its numbers
recomputed, so every file passes the checks). The first report of a process starts kaleido's
chromium, so it is listed apart.
"""

from __future__ import annotations

import copy
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from tests.conftest import CHEAP_HASHER
from werkstatt import aggregate, exchange, peer_report
from werkstatt.demo import seed_demo_process
from werkstatt.peer_compare import mean_of, median_of
from werkstatt.service import Werkstatt

CITIES = 20
REPEAT = 3


def city_files(document: dict) -> list[tuple[str, bytes]]:
    rng = random.Random(19)
    levels = [level["value"] for level in document["fieldset"]["scale"]["levels"]]
    files = []
    for number in range(1, CITIES + 1):
        city = copy.deepcopy(document)
        city["workshop"]["municipality"] = f"Modellkommune {number:02d}"
        for result in city["results"]:
            counts = {level: rng.randint(0, 9) for level in levels}
            result["distribution"] = [{"level": level, "count": counts[level]} for level in levels]
            result["n"] = sum(counts.values())
            result["median"] = median_of(counts) if result["n"] else None
            result["mean"] = round(mean_of(counts), exchange.DIGITS) if result["n"] else None
            result["consensus"] = (round(aggregate.consensus(counts, levels[0], levels[-1]), exchange.DIGITS)
                                   if result["n"] else None)
        city["sector_results"]["cells"] = []
        files.append((f"modellkommune-{number:02d}.json", json.dumps(city, ensure_ascii=False).encode()))
    return files


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Werkstatt(Path(folder) / "demo.db", password_hasher=CHEAP_HASHER)
        _, autumn, _ = seed_demo_process(demo)
        files = city_files(exchange.anonymised_export(demo, autumn.id))
        size = sum(len(data) for _, data in files) / CITIES / 1024
        print(f"{CITIES} exchange files, {size:.0f} KB each")

        imports = []
        for run in range(REPEAT):
            app = Werkstatt(Path(folder) / f"import-{run}.db", password_hasher=CHEAP_HASHER)
            process = app.create_process("Weltoffene Kommune Musterstadt", "Musterstadt", "geheim-123")
            imports.append(timed(lambda: app.import_peer_files(process.id, files)))
            assert len(app.peers(process.id)) == CITIES
            app.store.close()
        print(f"  import of {CITIES} files (check + store)   {statistics.median(imports):6.2f} s  "
              f"(runs: {', '.join(f'{s:.2f}' for s in imports)})")

        first = timed(lambda: peer_report.overview_html(files))
        print(f"  first report HTML (starts chromium)     {first:6.2f} s")
        html = [timed(lambda: peer_report.overview_html(files)) for _ in range(REPEAT)]
        print(f"  report HTML, {CITIES} cities               {statistics.median(html):6.2f} s")
        pdf = [timed(lambda: peer_report.overview_pdf(files)) for _ in range(REPEAT)]
        print(f"  report PDF, {CITIES} cities                {statistics.median(pdf):6.2f} s")
        demo.store.close()


if __name__ == "__main__":
    main()
