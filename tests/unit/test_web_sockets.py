"""The listening socket hands TCP_NODELAY to the connections it accepts (werkstatt/web/sockets.py)."""

import socket

import pytest

from werkstatt.web.sockets import enable_nodelay, listening_tcp_sockets

pytestmark = pytest.mark.skipif(not __import__("os").path.isdir("/proc/self/fd"), reason="Linux only")


def test_a_listener_bound_as_streamlit_binds_it_gets_nodelay_for_every_accepted_connection():
    with socket.socket(family=socket.AF_INET) as listener:  # protocol 0, as Streamlit binds it
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert listener.fileno() in listening_tcp_sockets()
        with socket.create_connection(listener.getsockname()) as _before:
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        assert enable_nodelay() >= 1
        with socket.create_connection(listener.getsockname()) as _after:
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert listener.fileno() in listening_tcp_sockets()  # still open: only a duplicate was closed


def test_connected_and_unbound_sockets_are_left_alone():
    with socket.socket() as unbound:
        assert unbound.fileno() not in listening_tcp_sockets()
