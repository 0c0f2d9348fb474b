"""HTTPS end to end, between two hosts: a "server" and a "phone" network namespace joined by a veth pair.

In the server namespace run what ``deploy/install.sh werkstatt.test --certificate … --check``
wrote: the app processes as its systemd unit starts them (the unit's ExecStart, the environment
file's settings, 127.0.0.1 only) and nginx with Debian's nginx.conf and the rendered site, with a
certificate from a CA made in this test. The phone namespace knows the server only by name
(its own /etc/hosts) and trusts only the test CA. From there (tests/deploy/phone.py) a phone
joins a workshop and rates, follows its event stream through TLS while the facilitator moves
the step, and opens Streamlit's websocket through TLS; plain HTTP is redirected to HTTPS; the
app processes' ports cannot be reached from the phone at all.

Needs root (``ip netns``); skipped, saying why, where namespaces cannot be made.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import trustme

from deploy.serve_multi import terminate
from tests.conftest import CHEAP_HASHER, PIN
from werkstatt.service import Werkstatt

REPO = Path(__file__).resolve().parents[2]
INSTALL = REPO / "deploy" / "install.sh"
PHONE_SCRIPT = Path(__file__).resolve().parent / "phone.py"
HOST = "werkstatt.test"
SERVER_ADDRESS = "10.231.0.1"
PHONE_ADDRESS = "10.231.0.2"
PROCESSES = 2
BACKEND_PORTS = [8601, 8602]


def run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, check=check)


def netns_problem() -> str | None:
    """Why no network namespace can be made here, or None."""
    if os.geteuid() != 0:
        return f"ip netns needs root; this test runs as uid {os.geteuid()}"
    if not shutil.which("ip"):
        return "ip (iproute2) is not installed"
    probe = f"wks-probe-{secrets.token_hex(3)}"
    made = run("ip", "netns", "add", probe, check=False)
    if made.returncode != 0:
        return f"ip netns add failed: {made.stderr.strip()}"
    run("ip", "netns", "del", probe, check=False)
    return None


@pytest.fixture
def hosts(request):
    """Two namespaces and a veth pair, with names of their own so that parallel runs never meet."""
    problem = netns_problem()
    if problem:
        pytest.skip(problem)
    tag = secrets.token_hex(3)
    server, phone = f"wks-server-{tag}", f"wks-phone-{tag}"
    veth_server, veth_phone = f"wks{tag}s", f"wks{tag}p"
    hosts_dir = Path("/etc/netns") / phone

    def clean():
        for ns in (server, phone):
            run("ip", "netns", "del", ns, check=False)  # takes the veth pair with it
        shutil.rmtree(hosts_dir, ignore_errors=True)

    request.addfinalizer(clean)
    for command in (
        ["ip", "netns", "add", server],
        ["ip", "netns", "add", phone],
        ["ip", "link", "add", veth_server, "type", "veth", "peer", "name", veth_phone],
        ["ip", "link", "set", veth_server, "netns", server],
        ["ip", "link", "set", veth_phone, "netns", phone],
        ["ip", "-n", server, "addr", "add", f"{SERVER_ADDRESS}/24", "dev", veth_server],
        ["ip", "-n", phone, "addr", "add", f"{PHONE_ADDRESS}/24", "dev", veth_phone],
        ["ip", "-n", server, "link", "set", veth_server, "up"],
        ["ip", "-n", phone, "link", "set", veth_phone, "up"],
        ["ip", "-n", server, "link", "set", "lo", "up"],
        ["ip", "-n", phone, "link", "set", "lo", "up"],
    ):
        run(*command)
    # ip netns exec mounts this over the phone's /etc/hosts: the phone finds the server by name.
    hosts_dir.mkdir(parents=True)
    (hosts_dir / "hosts").write_text(f"127.0.0.1 localhost\n{SERVER_ADDRESS} {HOST}\n")
    return server, phone


@pytest.fixture
def ca(tmp_path):
    """A CA made for this test and the server's certificate for werkstatt.test from it."""
    authority = trustme.CA(organization_name="Werkstatt test CA")
    cert = authority.issue_cert(HOST)
    paths = {"ca": tmp_path / "ca.pem", "cert": tmp_path / "server-chain.pem", "key": tmp_path / "server.key"}
    authority.cert_pem.write_to_path(str(paths["ca"]))
    cert.private_key_pem.write_to_path(str(paths["key"]))
    paths["cert"].write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
    return paths


def read_env(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines()
                if line and not line.startswith("#"))


def unit_command(unit: Path, port: int) -> tuple[list[str], str]:
    """ExecStart and WorkingDirectory of the rendered template unit, for instance ``port``."""
    lines = dict(line.split("=", 1) for line in unit.read_text().splitlines() if "=" in line
                 and not line.startswith("#"))
    return shlex.split(lines["ExecStart"].replace("%i", str(port))), lines["WorkingDirectory"]


def in_phone(phone: str, mode: str, args: dict, **popen) -> subprocess.CompletedProcess | subprocess.Popen:
    command = ["ip", "netns", "exec", phone, sys.executable, str(PHONE_SCRIPT), mode, json.dumps(args)]
    if popen:
        return subprocess.Popen(command, text=True, **popen)
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def phone_json(done: subprocess.CompletedProcess) -> dict:
    assert done.returncode == 0, f"phone failed:\n{done.stdout}\n{done.stderr}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def header_values(answer: dict, name: str) -> list[str]:
    return [value for key, value in answer["headers"] if key == name]


@pytest.fixture
def installed(tmp_path, ca):
    """deploy/install.sh in check mode with the test CA's certificate: the files the server runs."""
    root = tmp_path / "root"
    done = subprocess.run([str(INSTALL), HOST, "--root", str(root), "--check", "--processes", str(PROCESSES),
                           "--certificate", str(ca["cert"]), "--key", str(ca["key"])],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


@pytest.fixture
def server(hosts, installed, tmp_path):
    """The app processes and nginx, running in the server namespace as the written files say."""
    server_ns, _ = hosts
    root = installed
    env_file = root / "etc/werkstatt/werkstatt.env"
    settings = read_env(env_file)
    processes: list[subprocess.Popen] = []
    logs = tmp_path / "logs"
    logs.mkdir()
    try:
        for port in BACKEND_PORTS:
            command, workdir = unit_command(root / "etc/systemd/system/werkstatt@.service", port)
            with open(logs / f"app-{port}.log", "wb") as log:
                processes.append(subprocess.Popen(
                    ["ip", "netns", "exec", server_ns, *command], cwd=workdir,
                    env={**os.environ, **settings}, stdout=log, stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL))
        with open(logs / "nginx.log", "wb") as log:
            processes.append(subprocess.Popen(
                ["ip", "netns", "exec", server_ns, "nginx", "-c", str(root / "etc/nginx/nginx.conf"),
                 "-e", str(root / "var/log/nginx/error.log"), "-g", "daemon off;"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))
        yield {"root": root, "settings": settings, "logs": logs, "processes": processes}
    finally:
        terminate(processes)


def server_logs(server) -> str:
    parts = []
    for path in sorted(server["logs"].iterdir()) + [server["root"] / "var/log/werkstatt/nginx-error.log"]:
        if path.exists():
            parts.append(f"--- {path.name} ---\n" + "\n".join(path.read_text(errors="replace").splitlines()[-30:]))
    return "\n".join(parts)


def test_a_phone_reaches_werkstatt_only_through_https(hosts, server, ca):
    _, phone = hosts
    settings = server["settings"]
    assert settings["WERKSTATT_BASE_URL"] == f"https://{HOST}"
    args = {"host": HOST, "ca": str(ca["ca"])}

    ready = phone_json(in_phone(phone, "health", {**args, "nodes": ["n1", "n2"]}))
    assert ready["waiting"] == [], f"not every app process answered through nginx: {ready}\n{server_logs(server)}"

    # The facilitator's side: a live workshop in the file the app processes use.
    app = Werkstatt(settings["WERKSTATT_DB"], password_hasher=CHEAP_HASHER)
    try:
        workshop = app.create_workshop(title="Netzwerk", municipality="Musterstadt", facilitator_pin=PIN)
        app.set_live_step(workshop.id, "rating")
        field = app.fieldset(workshop).fields[0].id

        seen = phone_json(in_phone(phone, "visit", {
            **args, "code": workshop.join_code, "field": field, "level": "3",
            "server_address": SERVER_ADDRESS, "backend_ports": BACKEND_PORTS}))

        # TLS with the certificate from the test CA, checked against the name; the phone's
        # ordinary trust store refuses it (so the test CA is really what was checked).
        join_page = seen["join_page"]
        assert join_page["status"] == 200, join_page
        assert join_page["tls"]["issuer"]["organizationName"] == "Werkstatt test CA"
        assert HOST in join_page["tls"]["san"]
        assert join_page["tls"]["version"] in ("TLSv1.2", "TLSv1.3")
        assert seen["untrusted"].startswith("refused"), seen["untrusted"]

        # Joined and rated through TLS; the QR code and links carry https://NAME.
        assert seen["join"]["status"] == 303, seen["join"]
        token = seen["token"]
        assert app.participant(token).workshop_id == workshop.id
        assert seen["screen"]["status"] == 200
        assert seen["rate"]["status"] in (200, 303), seen["rate"]
        assert app.my_ratings(token) == {field: 3}
        joined_cookie = [c for c in header_values(seen["join"], "set-cookie") if c.startswith("werkstatt_joined_")]
        assert joined_cookie and "secure" in joined_cookie[0].lower()  # the app knows it is behind HTTPS

        # Security headers: nginx's HSTS everywhere; on the participant pages the app's own
        # stricter headers, each once; on Streamlit's pages nginx's defaults.
        for answer in (join_page, seen["screen"], seen["streamlit_index"]):
            assert header_values(answer, "strict-transport-security") == ["max-age=31536000"]
            assert header_values(answer, "x-content-type-options") == ["nosniff"]
            node_cookie = [c for c in header_values(answer, "set-cookie") if c.startswith("werkstatt_node=")]
            assert node_cookie and node_cookie[0].endswith("; Secure")
        for answer in (join_page, seen["screen"]):
            assert header_values(answer, "x-frame-options") == ["DENY"]
            assert header_values(answer, "referrer-policy") == ["no-referrer"]
            [csp] = header_values(answer, "content-security-policy")
            assert "frame-ancestors 'none'" in csp
        index = seen["streamlit_index"]
        assert index["status"] == 200
        assert header_values(index, "x-frame-options") == ["SAMEORIGIN"]
        assert header_values(index, "referrer-policy") == ["same-origin"]
        assert header_values(index, "content-security-policy") == ["frame-ancestors 'self'"]

        # Plain HTTP moves to HTTPS, with the path and query kept.
        assert seen["plain_http"]["status"] == 301
        assert dict(seen["plain_http"]["headers"])["location"] == f"https://{HOST}/teilnehmen?code=ABC"

        # The app processes listen on the server's loopback only: the phone cannot reach them.
        assert set(seen["direct"]) == {str(port) for port in BACKEND_PORTS}
        for port, outcome in seen["direct"].items():
            assert outcome.startswith("ConnectionRefusedError"), (port, outcome)

        # Streamlit's websocket through TLS: upgraded (101) and a whole page run came back.
        websocket = seen["websocket"]
        assert websocket["status"] == 101 and websocket["subprotocol"] == "streamlit"
        assert websocket["messages"][0] == "new_session" and websocket["messages"][-1] == "script_finished"

        # The phone's event stream through TLS: the facilitator moves the step, the phone hears it.
        stream = in_phone(phone, "events", {**args, "token": token}, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
        try:
            opened = json.loads(stream.stdout.readline())
            assert opened["status"] == 200 and opened["content_type"].startswith("text/event-stream")
            assert opened["tls"] in ("TLSv1.2", "TLSv1.3")
            first = json.loads(stream.stdout.readline())["data"]["v"]
            moved = app.set_live_step(workshop.id, "results")
            line = stream.stdout.readline()
            assert line, f"the event stream ended without the step change\n{stream.stderr.read()}"
            assert json.loads(line)["data"]["v"] == moved.step_version != first
        finally:
            terminate([stream])
    finally:
        app.store.close()

    # nginx's log of the site holds no participant token.
    access_log = (server["root"] / "var/log/werkstatt/nginx-access.log").read_text()
    assert "/p/-/rating" in access_log and token not in access_log
