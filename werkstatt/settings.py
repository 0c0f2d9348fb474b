"""Deployment settings read from the environment, shared by the app and the CLI."""

import os
from pathlib import Path

DB_ENV = "WERKSTATT_DB"
DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "werkstatt.db"


def db_path() -> str:
    """The SQLite file: ``$WERKSTATT_DB`` if set, else ``data/werkstatt.db`` in the repository."""
    return os.environ.get(DB_ENV) or str(DEFAULT_DB)


CONTACT_ENV = "WERKSTATT_ACCESSIBILITY_CONTACT"
ENFORCEMENT_ENV = "WERKSTATT_ACCESSIBILITY_ENFORCEMENT"


def accessibility_contact() -> str:
    """Who takes reports of barriers (BITV 2.0 asks the statement to name them); empty until the
    operator sets ``$WERKSTATT_ACCESSIBILITY_CONTACT``."""
    return os.environ.get(CONTACT_ENV, "").strip()


def accessibility_enforcement() -> str:
    """The enforcement body of the operator's federal state, which only the operator knows; empty
    until ``$WERKSTATT_ACCESSIBILITY_ENFORCEMENT`` is set."""
    return os.environ.get(ENFORCEMENT_ENV, "").strip()


WIFI_SSID_ENV = "WERKSTATT_WIFI_SSID"
WIFI_PASSWORD_ENV = "WERKSTATT_WIFI_PASSWORD"


def wifi() -> tuple[str, str] | None:
    """The laptop's own Wi-Fi (a hotspot or a travel router) that phones join first, as
    ``(name, password)``, or None when ``$WERKSTATT_WIFI_SSID`` is not set (the venue's network
    is used). An empty password is an open network."""
    ssid = os.environ.get(WIFI_SSID_ENV, "")
    return (ssid, os.environ.get(WIFI_PASSWORD_ENV, "")) if ssid.strip() else None


ACCOUNTS_ENV = "WERKSTATT_ACCOUNTS"


def accounts() -> bool:
    """Whether only organisers with an account create workshops (a hosted server): on when
    ``$WERKSTATT_ACCOUNTS`` is ``1``, ``on``, ``ja`` or ``true``. Off on a laptop, where whoever
    sits at it runs the workshop."""
    return os.environ.get(ACCOUNTS_ENV, "").strip().lower() in {"1", "on", "ja", "yes", "true"}


RETENTION_DAYS_ENV = "WERKSTATT_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30
PRIVACY_CONTROLLER_ENV = "WERKSTATT_PRIVACY_CONTROLLER"
PRIVACY_CONTACT_ENV = "WERKSTATT_PRIVACY_CONTACT"


def retention_days() -> int:
    """Days after a workshop closed until its participants' tokens are removed:
    ``$WERKSTATT_RETENTION_DAYS`` (a whole number, 0 to 3650), else 30. A value that is no such
    number counts as unset, as the participants' privacy notice states this number and must not
    fail; ``python -m werkstatt retention`` says so."""
    raw = os.environ.get(RETENTION_DAYS_ENV, "").strip()
    return int(raw) if raw.isdigit() and int(raw) <= 3650 else DEFAULT_RETENTION_DAYS


def privacy_controller() -> str:
    """Who is responsible for the data (the controller under the GDPR: name and address of the
    body that runs this Werkstatt); empty until the operator sets ``$WERKSTATT_PRIVACY_CONTROLLER``."""
    return os.environ.get(PRIVACY_CONTROLLER_ENV, "").strip()


def privacy_contact() -> str:
    """Where participants ask about their data (the data protection officer or office); empty
    until the operator sets ``$WERKSTATT_PRIVACY_CONTACT``."""
    return os.environ.get(PRIVACY_CONTACT_ENV, "").strip()
