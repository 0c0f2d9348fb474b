"""Deployment settings read from the environment, shared by the app and the CLI."""

import os
from pathlib import Path

DB_ENV = "WERKSTATT_DB"
DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "werkstatt.db"


def db_path() -> str:
    """The SQLite file: ``$WERKSTATT_DB`` if set, else ``data/werkstatt.db`` in the repository."""
    return os.environ.get(DB_ENV) or str(DEFAULT_DB)
