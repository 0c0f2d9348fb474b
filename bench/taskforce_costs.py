"""What the task force's work costs: the service calls behind its page, and the page itself
rendered by Streamlit's own runtime (AppTest), on the demo process grown to many actions.

Not a test: run ``.venv/bin/python -m bench.taskforce_costs`` and read the medians.
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.service_costs import median_ms
from werkstatt import actions as rules
from werkstatt.demo import DEMO_TASKFORCE_PASSWORD, seed_demo_process
from werkstatt.service import Werkstatt

ACTIONS = 300
CHANGES_PER_ACTION = 3
APP = str(Path(__file__).resolve().parents[1] / "navigation.py")  # the Streamlit pages
TABS = ("Auswertung", "Maßnahmen", "Vergleich & Selbstcheck", "Mitglieder")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        app = Werkstatt(path)
        spring, autumn, process = seed_demo_process(app)
        fieldset = app.fieldset(autumn)
        rng = random.Random(1)
        for n in range(ACTIONS):
            action = app.create_action(process.id, f"Maßnahme {n}", rng.choice(fieldset.field_ids),
                                       owner=f"org:Organisation {n % 12}", due_date=f"2026-{rng.randint(1, 12):02d}-15")
            for status in rng.sample(rules.STATUSES, CHANGES_PER_ACTION):
                action = app.update_action(process.id, action.id, action.version, status=status, note="Sitzung")
        actions = app.actions(process.id)
        today = app.today()
        target = actions[len(actions) // 2]
        print(f"Demo process, {len(actions)} actions with {CHANGES_PER_ACTION} changes each, medians:")
        print(f"  all actions of the process:   {median_ms(lambda: app.actions(process.id), 50):7.2f} ms")
        print(f"  filter + sort (pure):         "
              f"{median_ms(lambda: rules.select(actions, today, status='open', sort='priority'), 200):7.2f} ms")
        print(f"  one action's history:         {median_ms(lambda: app.action_history(process.id, target.id), 50):7.2f} ms")
        statuses = iter(rules.STATUSES * 1000)

        def change_status():
            current = app.action(process.id, target.id)
            app.update_action(process.id, target.id, current.version, status=next(statuses))

        print(f"  change a status (with read):  {median_ms(change_status, 50):7.2f} ms")
        print(f"  compare two workshops:        {median_ms(lambda: app.comparison(spring.id, autumn.id), 50):7.2f} ms")
        print(f"  self-check perspective:       {median_ms(lambda: app.perspective(autumn.id), 50):7.2f} ms")
        page_renders(app, path, process)


def page_renders(app: Werkstatt, path: Path, process) -> None:
    """The whole task-force page per tab, as Streamlit's runtime runs it for one browser."""
    os.environ["WERKSTATT_DB"] = str(path)
    token = app.taskforce_login(process.code, DEMO_TASKFORCE_PASSWORD)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["tf"] = token
    at.run()
    at.switch_page("pages/taskforce.py").run()
    print("Task-force page, one script run per tab (AppTest, medians of 5):")
    for tab in TABS:
        at.session_state["taskforce_tab"] = tab

        def render():
            at.run()
            assert not at.exception, at.exception

        print(f"  {tab:<28}  {median_ms(render, 5):7.1f} ms")


if __name__ == "__main__":
    main()
