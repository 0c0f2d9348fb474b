"""Several Werkstatt processes on one host behind nginx, sharing one SQLite file.

Why: Streamlit serves every session of a process from one Python interpreter,
so one process uses one core however many the host has (shared/facts.md,
section 9). Here N ``streamlit run`` processes listen on 127.0.0.1, each on its
own port, and one nginx in front of them gives every browser a sticky backend
(see ``werkstatt-site.conf.in`` for how and why). All processes open the same
database file; SQLite's WAL mode and the store's ``BEGIN IMMEDIATE`` writes make
that safe, and because every screen polls the database, a change made through
one process reaches the devices on all of them.

Importable API (used by ``python -m deploy.serve_multi``, the browser test
``tests/e2e/test_multi_process.py`` and the load benchmark)::

    from deploy.serve_multi import start

    deployment = start("data/werkstatt.db", processes=2, port=8500)  # port=0: a free one
    deployment.url       # "http://127.0.0.1:8500": nginx, for browsers and the QR code
    deployment.pids      # the PIDs of the app processes, one per backend
    deployment.backends  # Backend(node="n1", port=…, process=…, log_path=…) per process
    deployment.access_log  # nginx's log: node cookie, node that answered, upstream address
    deployment.stop()    # nginx first, then every app process; safe to call twice

``start`` returns once every backend answers ``/_stcore/health`` through nginx
(each one asked for by its cookie). If that fails it stops whatever it started
and raises ``DeploymentError`` with the end of the logs. A ``Deployment`` is
also a context manager that stops on exit.

``render_site_conf`` gives the nginx site configuration for a production host: with ``tls=Tls(…)``
the HTTPS server, its security headers and the port-80 redirect of ``werkstatt-https.conf.in``
(``python -m deploy.serve_multi --print-site-conf --tls-certificate …``, which ``deploy/install.sh``
runs; see deploy/README.md).

Every file of a run (rendered config, nginx's pid, temp files and logs, one log
per app process) lives in a work directory, by default ``serve-multi-<port>``
next to the database, so nothing touches a system nginx on the same host.
"""

from __future__ import annotations

import argparse
import grp
import ipaddress
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from werkstatt import settings

DEPLOY = Path(__file__).resolve().parent
REPO = DEPLOY.parent
SITE_TEMPLATE = DEPLOY / "werkstatt-site.conf.in"
HTTPS_TEMPLATE = DEPLOY / "werkstatt-https.conf.in"
LOCAL_TEMPLATE = DEPLOY / "nginx-local.conf.in"

NODE_COOKIE = "werkstatt_node"
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"  # Streamlit reads server.cookieSecret from it
STARTUP_SECONDS = 90  # 2 s on an idle machine; N servers starting at once on busy cores take longer
STOP_SECONDS = 15


class DeploymentError(RuntimeError):
    """The deployment did not come up; the message says what and carries the logs' last lines."""


@dataclass
class Backend:
    """One ``streamlit run`` process, known to nginx and its cookie as ``node``."""

    node: str
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Deployment:
    """A running set of app processes behind one nginx; ``url`` is nginx's address."""

    url: str
    db_path: Path
    workdir: Path
    backends: list[Backend]
    nginx: subprocess.Popen | None = None
    _stopped: bool = field(default=False, repr=False)

    @property
    def pids(self) -> list[int]:
        return [backend.process.pid for backend in self.backends]

    @property
    def access_log(self) -> Path:
        return self.workdir / "nginx-access.log"

    @property
    def error_log(self) -> Path:
        return self.workdir / "nginx-error.log"

    def logs(self, lines: int = 40) -> str:
        """The last lines of every log of this run, for an error message or a failed test."""
        parts = []
        nginx_logs = [self.workdir / "nginx-stderr.log", self.error_log]  # a broken config lands in the first
        for path in [backend.log_path for backend in self.backends] + nginx_logs:
            text = path.read_text(errors="replace").splitlines()[-lines:] if path.exists() else []
            parts.append(f"--- {path.name} ---\n" + "\n".join(text))
        return "\n".join(parts)

    def stop(self) -> None:
        """nginx first (no new requests reach a backend that is going away), then every
        app process at once; whatever does not end within 15 s is killed."""
        if self._stopped:
            return
        if self.nginx is not None:
            terminate([self.nginx])
        terminate([backend.process for backend in self.backends])
        self._stopped = True

    def __enter__(self) -> Deployment:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def terminate(processes: list[subprocess.Popen]) -> None:
    """Ask every process still running to end (SIGTERM), and kill what has not ended within
    15 s. Shared by the deployment, the load benchmark's server and the browser tests' server."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        process.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for process in running:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_SECONDS)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def node_name(index: int) -> str:
    return f"n{index + 1}"


@dataclass(frozen=True)
class Tls:
    """What the HTTPS site needs besides the backends: certificate and key (PEM files), the
    directory certbot writes its challenges into, the directory of nginx's logs for this site."""

    certificate: str
    key: str
    acme_root: str
    log_dir: str
    ipv6: bool = True


def _https_parts(tls: Tls, server_name: str) -> dict[str, str]:
    """The parts of ``werkstatt-https.conf.in``, filled in, by the name of their @PART@."""
    parts: dict[str, str] = {}
    name = None
    for line in HTTPS_TEMPLATE.read_text().splitlines(keepends=True):
        heading = re.fullmatch(r"#: (\w+)\n?", line)
        if heading:
            name = heading.group(1)
            parts[name] = ""
        elif name:
            parts[name] += line
    fill = {"@CERTIFICATE@": tls.certificate, "@KEY@": tls.key, "@ACME_ROOT@": tls.acme_root,
            "@LOG_DIR@": tls.log_dir, "@SERVER_NAME@": server_name,
            "@LISTEN_IPV6@": "" if tls.ipv6 else "    # no IPv6 on this host:"}
    for key, text in parts.items():
        for placeholder, value in fill.items():
            text = text.replace(placeholder, value)
        parts[key] = text
    return parts


def render_site_conf(backend_ports: list[int], listen: str, server_name: str = "_",
                     tls: Tls | None = None) -> str:
    """The nginx site config (http context) for these backends on 127.0.0.1.

    Without ``tls``: one plain server on ``listen``. With ``tls``: the HTTPS server on port 443
    (``listen`` is not used) with its security headers and a private access log, and a server
    on port 80 that answers certbot's challenges and redirects everything else to HTTPS."""
    if tls and (server_name == "_" or not server_name):
        raise ValueError("an HTTPS site needs its server name")
    addresses = [f"127.0.0.1:{port}" for port in backend_ports]
    nodes = [node_name(i) for i in range(len(addresses))]
    served = "\n".join(f'    "~(^| ){address.replace(".", "[.]")}$" {node};'
                       for node, address in zip(nodes, addresses))
    node_map = "\n".join(f"    {node} werkstatt_{node};" for node in nodes)
    every = "\n".join(f"    server {address};" for address in addresses)
    # Each node's own upstream: its backend first, the others only while it is down.
    per_node = "\n\n".join(
        f"upstream werkstatt_{node} {{\n    server {address};\n"
        + "".join(f"    server {other} backup;\n" for other in addresses if other != address)
        + "}"
        for node, address in zip(nodes, addresses)
    )
    https = _https_parts(tls, server_name) if tls else {}
    parts = {"@HTTP_EXTRA@": https.get("HTTP_EXTRA", ""),
             "@LISTEN@": https.get("LISTEN", f"    listen {listen};\n").rstrip("\n"),
             "@SERVER_EXTRA@": https.get("SERVER_EXTRA", ""),
             "@EXTRA_SERVERS@": https.get("EXTRA_SERVERS", ""),
             "@COOKIE_SECURE@": "; Secure" if tls else ""}
    text = (SITE_TEMPLATE.read_text()
            .replace("@SERVED_MAP@", served).replace("@NODE_MAP@", node_map)
            .replace("@ALL_BACKENDS@", every).replace("@NODE_UPSTREAMS@", per_node))
    for placeholder, value in parts.items():
        text = text.replace(placeholder, value)
    return text.replace("@SERVER_NAME@", server_name)


def _render_local_conf(workdir: Path) -> str:
    # As root, nginx would run its workers as "nobody", who cannot enter a private
    # work directory: the workers run as whoever started this, as without root.
    if os.geteuid() == 0:
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
    else:
        user = "# not root: the workers run as the current user"
    return LOCAL_TEMPLATE.read_text().replace("@USER@", user).replace("@WORKDIR@", str(workdir))


def _nginx_binary() -> str:
    # Debian puts nginx in /usr/sbin, which is not on an ordinary user's PATH.
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise DeploymentError("nginx fehlt. Installieren mit: sudo apt-get install nginx (oder make system)")
    return found


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _healthy(url: str, node: str | None = None) -> bool:
    """``/_stcore/health`` answers 200; through nginx, also that ``node`` answered (no failover)."""
    request = urllib.request.Request(f"{url}/_stcore/health")
    if node:
        request.add_header("Cookie", f"{NODE_COOKIE}={node}")
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
            return response.status == 200 and (node is None or f"{NODE_COOKIE}={node};" in " ".join(cookies))
    except (urllib.error.URLError, OSError):
        return False


def _wait_until(check, processes: list[tuple[str, subprocess.Popen]], deployment: Deployment,
                what: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not check():
        for name, process in processes:
            if process.poll() is not None:
                raise DeploymentError(f"{name} hat sich mit Code {process.returncode} beendet, bevor "
                                      f"{what} bereit war\n{deployment.logs()}")
        if time.monotonic() > deadline:
            raise DeploymentError(f"{what} war nach {STARTUP_SECONDS} s nicht bereit\n{deployment.logs()}")
        time.sleep(0.25)


def start(db_path: str | Path, processes: int = 2, port: int = 0, *, host: str = "127.0.0.1",
          workdir: str | Path | None = None, base_url: str | None = None) -> Deployment:
    """Start ``processes`` app processes on ``db_path`` and nginx on ``host:port`` (0: a free
    port), and wait until every backend answers through nginx.

    ``base_url`` is what the QR code and the join links carry (``WERKSTATT_BASE_URL``):
    by default that variable if set, else the nginx address when nginx listens on
    loopback only; on a LAN address the app derives it from the address the
    browser used, which is nginx's. Never a backend's: tablets only reach nginx.
    The cookie secret (``STREAMLIT_SERVER_COOKIE_SECRET``) is taken from the
    environment or made up for this run; every process must sign its cookies
    (XSRF) with the same one, or a browser that moves to another process after a
    restart has its uploads refused.
    """
    if processes < 1:
        raise ValueError("processes must be at least 1")
    nginx_binary = _nginx_binary()
    db_path = Path(db_path).resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    port = port or free_port(host)
    workdir = Path(workdir) if workdir else db_path.parent / f"serve-multi-{port}"
    (workdir / "tmp").mkdir(parents=True, exist_ok=True)
    url = f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}"

    env = {**os.environ, "WERKSTATT_DB": str(db_path),
           COOKIE_SECRET_ENV: os.environ.get(COOKIE_SECRET_ENV) or secrets.token_hex(32)}
    base_url = base_url or os.environ.get("WERKSTATT_BASE_URL") or (url if _is_loopback(host) else None)
    if base_url:
        env["WERKSTATT_BASE_URL"] = base_url
    else:
        env.pop("WERKSTATT_BASE_URL", None)

    deployment = Deployment(url=url, db_path=db_path, workdir=workdir, backends=[])
    try:
        for index in range(processes):
            backend_port = free_port()
            log_path = workdir / f"backend-{node_name(index)}.log"
            with log_path.open("ab") as log:
                # Its own session: Ctrl+C reaches only this script, which then stops
                # nginx before the backends instead of everything at once.
                process = subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", "app.py",
                     "--server.port", str(backend_port), "--server.address", "127.0.0.1",
                     "--server.headless", "true"],
                    cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )
            deployment.backends.append(Backend(node_name(index), backend_port, process, log_path))

        conf = workdir / "nginx.conf"
        (workdir / "werkstatt-site.conf").write_text(
            render_site_conf([b.port for b in deployment.backends], f"{host}:{port}"))
        conf.write_text(_render_local_conf(workdir))
        with (workdir / "nginx-stderr.log").open("ab") as log:
            deployment.nginx = subprocess.Popen(
                [nginx_binary, "-p", str(workdir), "-c", str(conf), "-e", str(deployment.error_log),
                 "-g", "daemon off;"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )

        watched = [("nginx", deployment.nginx)] + [(f"App-Prozess {b.node}", b.process)
                                                   for b in deployment.backends]
        for backend in deployment.backends:
            _wait_until(lambda b=backend: _healthy(b.url), watched, deployment,
                        f"App-Prozess {backend.node} (Port {backend.port})")
        for backend in deployment.backends:
            _wait_until(lambda b=backend: _healthy(url, b.node), watched, deployment,
                        f"nginx → {backend.node}")
    except BaseException:
        deployment.stop()
        raise
    return deployment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m deploy.serve_multi",
        description="Werkstatt mit mehreren App-Prozessen hinter nginx starten (im Vordergrund). "
                    "Runs several app processes behind nginx in the foreground.")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="App-Prozesse, am besten einer je Kern (Vorgabe: %(default)s)")
    parser.add_argument("--port", type=int, default=8501, help="Port von nginx (Vorgabe: %(default)s)")
    parser.add_argument("--host", default="0.0.0.0",
                        help="Adresse, auf der nginx lauscht (Vorgabe: %(default)s, "
                             "also auch für Tablets im WLAN)")
    parser.add_argument("--db", default=None,
                        help="SQLite-Datei (Vorgabe: $WERKSTATT_DB oder data/werkstatt.db)")
    parser.add_argument("--print-site-conf", action="store_true",
                        help="nur die nginx-Konfiguration für einen Server ausgeben "
                             "(Backends ab --first-port)")
    parser.add_argument("--first-port", type=int, default=8601,
                        help="mit --print-site-conf: Port des ersten App-Prozesses (Vorgabe: %(default)s)")
    parser.add_argument("--server-name", default="_", help="mit --print-site-conf: server_name für nginx")
    https = parser.add_argument_group("HTTPS (mit --print-site-conf; deploy/install.sh)")
    https.add_argument("--tls-certificate", help="Zertifikat (PEM, mit Zwischenzertifikaten): "
                                                 "Port 443 mit TLS und Port 80 leitet um")
    https.add_argument("--tls-key", help="privater Schlüssel zum Zertifikat (PEM)")
    https.add_argument("--acme-root", default="/var/www/werkstatt-acme",
                       help="Verzeichnis für certbot --webroot (Vorgabe: %(default)s)")
    https.add_argument("--log-dir", default="/var/log/werkstatt",
                       help="Verzeichnis für nginx' Logs dieser Site (Vorgabe: %(default)s)")
    https.add_argument("--no-ipv6", action="store_true", help="nur IPv4 (der Host hat kein IPv6)")
    args = parser.parse_args(argv)

    if args.print_site_conf:
        ports = [args.first_port + i for i in range(args.processes)]
        if bool(args.tls_certificate) != bool(args.tls_key):
            parser.error("--tls-certificate und --tls-key gehören zusammen")
        tls = Tls(args.tls_certificate, args.tls_key, args.acme_root, args.log_dir,
                  ipv6=not args.no_ipv6) if args.tls_certificate else None
        print(render_site_conf(ports, str(args.port), args.server_name, tls), end="")
        return 0

    sys.stdout.reconfigure(line_buffering=True)  # the addresses show at once, also in a log file
    # Ctrl+C and SIGTERM (systemd, kill) end the run through the finally below. SIGINT is set
    # explicitly: a shell starts background jobs with it ignored, and Python keeps it so.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: sys.exit(0))
    try:
        deployment = start(args.db or settings.db_path(), args.processes, args.port, host=args.host)
    except DeploymentError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    try:
        print(f"Werkstatt läuft mit {args.processes} App-Prozessen hinter nginx: {deployment.url}")
        for backend in deployment.backends:
            print(f"  {backend.node}: Port {backend.port}, PID {backend.process.pid}")
        print(f"  Datenbank: {deployment.db_path}")
        print(f"  Logs:      {deployment.workdir}")
        if not _is_loopback(args.host):
            print("Tablets im Raum: Link und QR-Code stehen in der Moderationsansicht.")
        print("Beenden mit Strg+C.")
        while True:
            for name, process in [("nginx", deployment.nginx)] + [(b.node, b.process)
                                                                 for b in deployment.backends]:
                if process.poll() is not None:
                    print(f"Fehler: {name} hat sich mit Code {process.returncode} beendet; "
                          f"alles wird gestoppt.\n{deployment.logs()}", file=sys.stderr)
                    return 1
            time.sleep(1)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl+C must not cut the stop short
            signal.signal(signum, signal.SIG_IGN)
        print("Werkstatt wird gestoppt …")
        deployment.stop()


if __name__ == "__main__":
    sys.exit(main())
