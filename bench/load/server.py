"""Start the server under test and watch what it costs.

``launch`` starts ``streamlit run`` on a free port with the project's own
``.streamlit/config.toml`` (so ``runner.postScriptGC = false`` applies, as in
production) and waits for ``/_stcore/health``. ``Meter`` samples the server
processes' CPU time and resident memory with psutil while the run lasts.
``allow_open_files`` raises this process's limit on open files (inherited by the
server it starts): each device holds two sockets, and the server two more.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

from deploy.serve_multi import free_port, terminate

REPO = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60


def allow_open_files(devices: int) -> int:
    """Raise the soft limit on open files to what ``devices`` need (at most the hard limit);
    returns the limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4 * devices + 1024
    if soft != resource.RLIM_INFINITY and soft < wanted:
        new = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
        soft = new
    return soft


def wait_healthy(base_url: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{base_url} was not healthy after {STARTUP_SECONDS} s")


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    @property
    def pids(self) -> list[int]:
        return [self.process.pid]

    def stop(self) -> None:
        terminate([self.process])


def launch(script: str, env: dict[str, str], log: Path, port: int | None = None) -> Server:
    """One ``streamlit run`` process on 127.0.0.1."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=REPO, env={**os.environ, "WERKSTATT_BASE_URL": url, **env},
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        wait_healthy(url, process)
    except RuntimeError:
        terminate([process])
        raise
    return Server(url, process)


class Meter:
    """CPU seconds and peak resident memory of a set of processes, sampled every 0.2 s."""

    def __init__(self, pids: list[int]):
        self.processes = [psutil.Process(pid) for pid in pids]
        self.peak_rss = 0
        self._busy_one_core = 0  # samples where one process used >= 95 % of a core
        self._samples = 0
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _cpu(self) -> float:
        total = 0.0
        for process in self.processes:
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total

    def _sample(self) -> None:
        for process in self.processes:
            process.cpu_percent(None)
        while self._running.is_set():
            time.sleep(0.2)
            rss = 0
            busy = False
            for process in self.processes:
                try:
                    rss += process.memory_info().rss
                    busy = busy or process.cpu_percent(None) >= 95
                except psutil.NoSuchProcess:
                    pass
            self.peak_rss = max(self.peak_rss, rss)
            self._samples += 1
            self._busy_one_core += busy

    def __enter__(self) -> "Meter":
        self._cpu_start = self._cpu()
        self._wall_start = time.monotonic()
        self._running.set()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._running.clear()
        self._thread.join()
        self.cpu_seconds = self._cpu() - self._cpu_start
        self.wall_seconds = time.monotonic() - self._wall_start

    def figures(self) -> dict[str, float]:
        return {
            "cpu_seconds": round(self.cpu_seconds, 1),
            "cpu_share_of_one_core": round(self.cpu_seconds / self.wall_seconds, 3),
            "time_a_process_was_saturated": round(self._busy_one_core / max(1, self._samples), 3),
            "peak_rss_mib": round(self.peak_rss / 2**20, 1),
        }
