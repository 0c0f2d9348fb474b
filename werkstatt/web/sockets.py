"""Switch off Nagle's algorithm on the server's listening sockets.

Streamlit binds its listening socket itself, as ``socket.socket(family)``: protocol 0,
not ``IPPROTO_TCP``, so asyncio's transports skip the ``TCP_NODELAY`` they set on every
TCP connection (``asyncio.base_events._set_nodelay`` checks the protocol number). uvicorn
writes a response's head and its body separately; without ``TCP_NODELAY`` the body waits
for the acknowledgement of the head, which the browser delays by 40 ms (on Linux; 200 ms
on Windows). So every request on a kept-alive connection, every tap after the first, took
40 ms longer than the work it did (``bench/README.md``).

On Linux an accepted connection inherits ``TCP_NODELAY`` from its listening socket, so
setting it on the listeners once, when the app starts, fixes every connection after.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

_FDS = Path("/proc/self/fd")


def listening_tcp_sockets() -> list[int]:
    """File descriptors of this process's listening TCP sockets (Linux; empty elsewhere)."""
    if not _FDS.is_dir():
        return []
    found = []
    for name in os.listdir(_FDS):
        fd = int(name)
        try:
            if not os.readlink(_FDS / name).startswith("socket:"):
                continue
            probe = socket.socket(fileno=os.dup(fd))
        except OSError:
            continue
        with probe:
            try:
                listening = probe.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            except OSError:
                continue
            if listening and probe.family in (socket.AF_INET, socket.AF_INET6) \
                    and probe.type == socket.SOCK_STREAM:
                found.append(fd)
    return found


def enable_nodelay() -> int:
    """Set ``TCP_NODELAY`` on every listening TCP socket of this process; how many there were."""
    done = 0
    for fd in listening_tcp_sockets():
        try:
            with socket.socket(fileno=os.dup(fd)) as listener:
                listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            done += 1
        except OSError:
            continue
    return done
