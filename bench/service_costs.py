"""What one poll, one tap, one results render and the group work cost in the service,
on a real SQLite file.

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
        group_work(app, workshop)


def group_work(app: Werkstatt, workshop) -> None:
    """A room of PARTICIPANTS that wrote 2 cards each and spent all their dots."""
    app.set_live_step(workshop.id, "cards")
    groups = app.groups(workshop.id)  # the demo's: one per field
    tokens = [app.join(workshop.join_code, group_id=groups[i % len(groups)].id).token for i in range(PARTICIPANTS)]
    for index, token in enumerate(tokens):
        for n in range(2):
            app.add_card(token, groups[index % len(groups)].field_ids[0], ("gap", "idea")[n], f"Karte {index}-{n}")
    writer = tokens[0]
    counter = iter(range(10**6))
    card = median_ms(lambda: app.add_card(writer, groups[0].field_ids[0], "idea", f"Noch eine {next(counter)}"),
                     repeat=200)
    app.set_live_step(workshop.id, "voting")
    votable = [c.id for c in app.board(workshop.id) if c.votable]
    for index, token in enumerate(tokens[1:]):
        for n in range(5):
            app.vote(token, votable[(index * 7 + n * 13) % len(votable)], 1)
    voter = app.join(workshop.join_code, group_id=groups[0].id).token
    dots = iter(range(10**6))
    vote = median_ms(lambda: app.vote(voter, votable[0], next(dots) % 2 + 1), repeat=200)
    board_cached = median_ms(lambda: app.board(workshop.id), repeat=500)

    def fresh_board():
        app.vote(voter, votable[0], next(dots) % 2 + 1)
        app.board(workshop.id)

    board_fresh = median_ms(fresh_board, repeat=100) - vote
    total = len(app.board(workshop.id))
    print(f"{PARTICIPANTS} participants, {total} cards, {len(tokens) * 5} dots, medians:")
    print(f"  add a card:                   {card:7.3f} ms")
    print(f"  vote (budget checked inside): {vote:7.3f} ms")
    print(f"  card board, cached:           {board_cached:7.3f} ms")
    print(f"  card board, recomputed:       {board_fresh:7.3f} ms")


if __name__ == "__main__":
    main()
