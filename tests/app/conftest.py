"""AppTest helpers: the real Streamlit runtime on a real SQLite file, no browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import CHEAP_HASHER
from werkstatt.service import Werkstatt

APP = str(Path(__file__).resolve().parents[2] / "navigation.py")


@pytest.fixture
def app(db_path, monkeypatch):
    """The service the pages use, on the same file (the pages open their own Werkstatt)."""
    monkeypatch.setenv("WERKSTATT_DB", str(db_path))
    service = Werkstatt(db_path, password_hasher=CHEAP_HASHER)
    yield service
    service.store.close()


@pytest.fixture
def open_page():
    """Run ``navigation.py`` (the Streamlit side) on one page with query params, as a browser would open the URL."""

    def run(page: str, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page != "pages/start.py":
            at.switch_page(page).run()
        assert not at.exception, at.exception
        return at

    return run


def texts(at: AppTest) -> str:
    """Everything readable on the page, for "does it say X" checks."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "success",
                 "warning", "error", "metric"):
        for element in getattr(at, kind):
            parts.append(str(getattr(element, "value", "")) + " " + str(getattr(element, "label", "")))
    parts += [str(r.label) for r in at.radio]
    parts += [element.proto.text for element in at.get("progress")]
    return "\n".join(parts)
