"""``python -m werkstatt demo`` seeds a process with two finished workshops a newcomer can open at once."""

import pathlib
import subprocess
import sys

import pytest

from werkstatt.cli import main
from werkstatt.service import Werkstatt

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_demo_seeds_a_revealed_workshop_with_35_people_and_their_cards(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    printed = capsys.readouterr().out
    app = Werkstatt(db)
    spring, workshop = app.process_workshops(1)
    assert spring.live_step == "closed" and workshop.live_step == "results"
    assert spring.date < workshop.date
    assert app.progress(workshop.id).participants == 35
    summary = app.summary(workshop.id)
    assert set(summary["verdict"]) >= {"strength", "gap", "contested"}
    board = app.board(workshop.id)
    assert len(app.groups(workshop.id)) == 7 and sum(c.visible for c in board) == 25
    assert [len(c.sources) for c in board if c.sources] == [1]
    assert sum(c.dots for c in board) == 35 * 4
    assert f"beamer?w={workshop.id}&code={workshop.join_code}" in printed
    assert "Moderations-PIN: 2468" in printed


def test_demo_with_too_few_people_for_its_groups_says_so(tmp_path, capsys):
    """One group per field needs a member each: fewer people get a plain message, not a crash."""
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(tmp_path / "demo.db"), "demo", "--participants", "5"])
    assert stopped.value.code == 2
    assert "mindestens 7 Teilnehmende" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "demo.db"), "demo", "--participants", "7"]) == 0


def test_demo_process_has_a_task_force_with_actions_and_a_self_check(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo", "--participants", "12"]) == 0
    printed = capsys.readouterr().out
    app = Werkstatt(db)
    process = app.process(1)
    spring, autumn = app.process_workshops(process.id)
    assert f"Prozess-Code {process.code}" in printed and "/taskforce?tf=" in printed
    assert app.taskforce_process(printed.split("/taskforce?tf=")[1].split()[0]) == process
    assert len(app.members(process.id)) == 4
    actions = app.actions(process.id)
    assert {a.status for a in actions} == {"open", "in_progress", "done", "dropped"}
    assert all(a.workshop_id == spring.id and len(a.card_ids) == 1 for a in actions)
    assert set(app.self_check(autumn.id)) == set(app.fieldset(autumn).field_ids)
    assert set(app.comparison(spring.id, autumn.id)["trend"]) >= {"improved", "fell_back"}


def test_cli_runs_as_a_module_and_explains_itself():
    result = subprocess.run([sys.executable, "-m", "werkstatt", "--help"], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0
    assert "demo" in result.stdout


def test_list_export_and_backup_from_the_command_line(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo", "--participants", "8"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "list"]) == 0
    listed = capsys.readouterr().out
    assert "Workshop 2: Folge-Workshop Herbst" in listed and "Prozess 1: Weltoffene Kommune Musterstadt" in listed

    workbook = tmp_path / "prozess.xlsx"
    assert main(["--db", str(db), "export", "--process", "1", "--out", str(workbook)]) == 0
    assert workbook.read_bytes().startswith(b"PK")  # a zip container, as every .xlsx
    archive = tmp_path / "herbst.zip"
    assert main(["--db", str(db), "export", "--workshop", "2", "--format", "csv", "--out", str(archive)]) == 0
    assert main(["--db", str(db), "export", "--workshop", "2", "--format", "csv", "--out", str(archive)]) == 1
    assert "gibt es schon" in capsys.readouterr().err

    copy = tmp_path / "sicherung.db"
    assert main(["--db", str(db), "backup", str(copy)]) == 0
    assert Werkstatt(copy).workshop(2).title == "Folge-Workshop Herbst"
    assert main(["--db", str(db), "export", "--workshop", "99", "--out", str(tmp_path / "x.xlsx")]) == 1
    assert "gibt es nicht" in capsys.readouterr().err
