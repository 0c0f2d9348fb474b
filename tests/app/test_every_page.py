"""Smoke test over every page and the house rules that keep the app fast and layered."""

import ast
import pathlib
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "views").glob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_runs_without_exception(app, workshop, open_page, page):
    token = app.facilitator_login(workshop.join_code, "4711")
    at = open_page(f"views/{page.name}", f=token, w=str(workshop.id), code=workshop.join_code)
    assert not at.exception


def test_post_script_gc_is_off():
    """With Streamlit's default full GC after every run, 30 polling tablets stall the server."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


@pytest.mark.parametrize("path", PAGES + [ROOT / "app.py"], ids=lambda p: p.name)
def test_pages_never_touch_sql_or_yaml(path):
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert not imported & {"sqlite3", "sqlite_utils", "yaml", "db"}


def test_only_werkstatt_ui_imports_streamlit():
    for path in (ROOT / "werkstatt").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "werkstatt").parts:
            continue
        assert "import streamlit" not in path.read_text(), path
