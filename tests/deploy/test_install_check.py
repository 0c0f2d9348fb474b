"""deploy/install.sh in its check mode: every file under a temporary root, validated there.

Check mode installs and starts nothing; it writes what a real run writes and validates it with
the tools the server uses (nginx -t inside Debian's own nginx.conf, systemd-analyze verify,
logrotate -d). These tests run it as CI does on this Debian machine; tests/deploy/test_https_netns.py
then runs what it wrote.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import trustme

REPO = Path(__file__).resolve().parents[2]
INSTALL = REPO / "deploy" / "install.sh"
PRUNE = REPO / "deploy" / "prune-backups.sh"
NAME = "werkstatt.example.org"
WRITTEN = [
    "etc/werkstatt/werkstatt.env",
    "etc/werkstatt/tls/placeholder.crt",
    "etc/werkstatt/tls/placeholder.key",
    "etc/nginx/sites-available/werkstatt",
    "etc/nginx/sites-enabled/werkstatt",
    "etc/systemd/system/werkstatt@.service",
    "etc/systemd/system/werkstatt-backup.service",
    "etc/systemd/system/werkstatt-backup.timer",
    "etc/systemd/system/werkstatt-retention.service",
    "etc/systemd/system/werkstatt-retention.timer",
    "etc/logrotate.d/werkstatt",
    "etc/letsencrypt/renewal-hooks/deploy/werkstatt-reload-nginx",
]


def install(root: Path, *options: str, name: str = NAME) -> subprocess.CompletedProcess:
    return subprocess.run([str(INSTALL), name, "--root", str(root), "--check", *options],
                          capture_output=True, text=True, timeout=300, check=False)


def contents(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): path.read_text() for path in sorted(root.rglob("*"))
            if path.is_file() and "var/log" not in str(path) and not path.name.startswith("logrotate")}


def env(root: Path) -> dict[str, str]:
    text = (root / "etc/werkstatt/werkstatt.env").read_text()
    return dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))


def test_check_writes_a_valid_configuration_and_a_second_run_changes_nothing(tmp_path):
    root = tmp_path / "root"
    first = install(root, "--processes", "2")
    assert first.returncode == 0, first.stdout + first.stderr
    for name in WRITTEN:
        assert (root / name).exists(), name
    assert "  ok  nginx -t -c" in first.stdout
    assert "  ok  systemd-analyze verify werkstatt@8601.service werkstatt@8602.service " \
           "werkstatt-backup.service werkstatt-backup.timer" in first.stdout
    assert "  ok  logrotate -d" in first.stdout
    assert f"  + geschrieben: {root}/etc/nginx/sites-available/werkstatt" in first.stdout

    settings = env(root)
    assert settings["WERKSTATT_BASE_URL"] == f"https://{NAME}"
    assert settings["WERKSTATT_DB"] == f"{root}/var/lib/werkstatt/werkstatt.db"
    assert re.fullmatch(r"[0-9a-f]{64}", settings["STREAMLIT_SERVER_COOKIE_SECRET"])
    assert settings["WERKSTATT_ACCOUNTS"] == "1"  # a public server: organisers with accounts only
    assert oct((root / "etc/werkstatt/werkstatt.env").stat().st_mode)[-3:] == "640"
    assert oct((root / "etc/werkstatt/tls/placeholder.key").stat().st_mode)[-3:] == "600"

    site = (root / "etc/nginx/sites-available/werkstatt").read_text()
    assert f"server_name {NAME};" in site
    assert "listen 443 ssl http2;" in site
    assert f"return 301 https://{NAME}$request_uri;" in site
    assert f"ssl_certificate {root}/etc/werkstatt/tls/placeholder.crt;" in site
    assert site.count("server 127.0.0.1:") == 2 + 2 * 2  # werkstatt_any, and each node's upstream
    assert "proxy_read_timeout 1d;" in site and "proxy_buffering off;" in site  # websocket, event stream
    assert 'add_header Strict-Transport-Security "max-age=31536000" always;' in site
    assert (root / "etc/nginx/sites-enabled/werkstatt").resolve() == root / "etc/nginx/sites-available/werkstatt"

    unit = (root / "etc/systemd/system/werkstatt@.service").read_text()
    assert f"EnvironmentFile={root}/etc/werkstatt/werkstatt.env" in unit
    assert f"ExecStart={REPO}/.venv/bin/python -m streamlit run app.py --server.port %i " \
           "--server.address 127.0.0.1" in unit
    backup = (root / "etc/systemd/system/werkstatt-backup.service").read_text()
    assert "-m werkstatt backup" in backup and f"prune-backups.sh {root}/var/lib/werkstatt/backups 14" in backup
    retention = (root / "etc/systemd/system/werkstatt-retention.service").read_text()
    assert "-m werkstatt retention --apply" in retention and "User=werkstatt" in retention

    before = contents(root)
    second = install(root, "--processes", "2")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Nichts geändert: alles war schon so eingerichtet." in second.stdout
    assert "  + " not in second.stdout
    assert contents(root) == before  # the cookie secret and the placeholder certificate included


def test_a_rerun_changes_only_what_differs_and_keeps_the_operators_settings(tmp_path):
    root = tmp_path / "root"
    assert install(root, "--processes", "2").returncode == 0
    secret = env(root)["STREAMLIT_SERVER_COOKIE_SECRET"]
    env_file = root / "etc/werkstatt/werkstatt.env"
    env_file.write_text(env_file.read_text().replace("WERKSTATT_ACCOUNTS=1", "WERKSTATT_ACCOUNTS=0")
                        + "WERKSTATT_ACCESSIBILITY_CONTACT=barrieren@example.org\n")

    third = install(root, "--processes", "3")
    assert third.returncode == 0, third.stdout + third.stderr
    assert f"  + geändert: {root}/etc/nginx/sites-available/werkstatt" in third.stdout
    assert "werkstatt.env" not in third.stdout
    assert "werkstatt@8603.service" in third.stdout  # verified, since it is to run now
    site = (root / "etc/nginx/sites-available/werkstatt").read_text()
    assert "server 127.0.0.1:8603;" in site
    kept = env(root)
    assert kept["STREAMLIT_SERVER_COOKIE_SECRET"] == secret
    assert kept["WERKSTATT_ACCESSIBILITY_CONTACT"] == "barrieren@example.org"
    assert kept["WERKSTATT_ACCOUNTS"] == "0"


@pytest.mark.parametrize("name", ["bad name;", "https://werkstatt.example.org", "192.168.1.10", "localhost",
                                  "werkstatt.example.org;include /etc/passwd"])
def test_a_broken_name_is_refused_before_anything_is_written(tmp_path, name):
    root = tmp_path / "root"
    done = install(root, name=name)
    assert done.returncode == 1
    assert f"Fehler: „{name.lower()}“ ist kein Servername. Erwartet wird ein voller DNS-Name" in done.stderr
    assert not any(root.rglob("*"))


def test_an_own_certificate_is_used_and_a_wrong_one_refused(tmp_path):
    authority = trustme.CA()
    good, other = authority.issue_cert(NAME), authority.issue_cert("elsewhere.example.org")
    for label, cert in (("good", good), ("other", other)):
        cert.cert_chain_pems[0].write_to_path(str(tmp_path / f"{label}.crt"))
        cert.private_key_pem.write_to_path(str(tmp_path / f"{label}.key"))
    root = tmp_path / "root"

    wrong_name = install(root, "--certificate", str(tmp_path / "other.crt"), "--key", str(tmp_path / "other.key"))
    assert wrong_name.returncode == 1 and f"gilt nicht für {NAME}" in wrong_name.stderr
    wrong_key = install(root, "--certificate", str(tmp_path / "good.crt"), "--key", str(tmp_path / "other.key"))
    assert wrong_key.returncode == 1 and "gehört nicht zum Zertifikat" in wrong_key.stderr

    done = install(root, "--certificate", str(tmp_path / "good.crt"), "--key", str(tmp_path / "good.key"))
    assert done.returncode == 0, done.stdout + done.stderr
    site = (root / "etc/nginx/sites-available/werkstatt").read_text()
    assert f"ssl_certificate {root}/etc/werkstatt/tls/{NAME}.crt;" in site
    assert not (root / "etc/werkstatt/tls/placeholder.crt").exists()
    # A later run without the options keeps the certificate it was given (no surprise certbot).
    again = install(root)
    assert again.returncode == 0 and "früheren Lauf (--certificate)" in again.stdout
    assert "Nichts geändert" in again.stdout


def test_the_check_fails_when_nginx_rejects_what_was_written(tmp_path):
    root = tmp_path / "root"
    assert install(root).returncode == 0
    (root / "etc/werkstatt/tls/placeholder.key").write_text("not a key\n")
    done = install(root)
    assert done.returncode == 1
    assert "  FEHLER  nginx -t" in done.stdout
    assert "ist nicht gültig" in done.stderr


def test_backup_rotation_keeps_the_newest_copies(tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    names = [f"werkstatt-202612{day:02d}-031500.db" for day in range(1, 21)]
    for name in names:
        (backups / name).write_text("copy")
    (backups / "notes.txt").write_text("not a backup")
    done = subprocess.run(["bash", str(PRUNE), str(backups), "14"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in backups.iterdir()) == sorted(names[6:] + ["notes.txt"])
    assert done.stdout.count("alte Sicherung gelöscht") == 6
