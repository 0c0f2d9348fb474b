"""``python -m werkstatt demo`` seeds a finished workshop a newcomer can open at once."""

import pathlib
import subprocess
import sys

from werkstatt.cli import main
from werkstatt.service import Werkstatt

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_demo_seeds_a_revealed_workshop_with_35_people_and_their_cards(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    printed = capsys.readouterr().out
    app = Werkstatt(db)
    (workshop_id,) = [row["id"] for row in app.store._rows("SELECT id FROM workshops")]
    workshop = app.workshop(workshop_id)
    assert workshop.live_step == "results"
    assert app.progress(workshop.id).participants == 35
    summary = app.summary(workshop.id)
    assert set(summary["verdict"]) >= {"strength", "gap", "contested"}
    board = app.board(workshop.id)
    assert len(app.groups(workshop.id)) == 7 and sum(c.visible for c in board) == 25
    assert [len(c.sources) for c in board if c.sources] == [1]
    assert sum(c.dots for c in board) == 35 * 4
    assert f"beamer?w={workshop.id}&code={workshop.join_code}" in printed
    assert "Moderations-PIN: 2468" in printed


def test_cli_runs_as_a_module_and_explains_itself():
    result = subprocess.run([sys.executable, "-m", "werkstatt", "--help"], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0
    assert "demo" in result.stdout
