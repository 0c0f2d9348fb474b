"""What a phone does, run inside the phone's network namespace by tests/deploy/test_https_netns.py.

    ip netns exec PHONE python tests/deploy/phone.py visit  '{"host": …, "ca": …, "code": …, …}'
    ip netns exec PHONE python tests/deploy/phone.py events '{"host": …, "ca": …, "token": …}'

It only reports: one JSON object on stdout (``events`` writes one line per event as it comes);
the test decides what is right. Name resolution is the namespace's own /etc/hosts
(``ip netns exec`` puts /etc/netns/PHONE/hosts there), so TLS checks the real name.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import sys
import time
import urllib.parse

TIMEOUT = 30


def tls(ca: str) -> ssl.SSLContext:
    """Trust only the test CA, check the name: what a phone does with its own store."""
    return ssl.create_default_context(cafile=ca)


def request(args: dict, method: str, path: str, body: dict | None = None, headers: dict | None = None,
            scheme: str = "https") -> dict:
    if scheme == "https":
        conn = http.client.HTTPSConnection(args["host"], 443, context=tls(args["ca"]), timeout=TIMEOUT)
    else:
        conn = http.client.HTTPConnection(args["host"], 80, timeout=TIMEOUT)
    data = urllib.parse.urlencode(body).encode() if body is not None else None
    all_headers = {**(headers or {})}
    if data is not None:
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=data, headers=all_headers)
        response = conn.getresponse()
        payload = response.read()
        result = {"status": response.status, "headers": [[k.lower(), v] for k, v in response.getheaders()],
                  "body": payload.decode("utf-8", "replace")[:20000]}
        if scheme == "https":
            cert = conn.sock.getpeercert()
            result["tls"] = {"version": conn.sock.version(),
                             "issuer": dict(x[0] for x in cert["issuer"]),
                             "san": [v for _, v in cert.get("subjectAltName", ())]}
        return result
    finally:
        conn.close()


def untrusted(args: dict) -> str:
    """The same server with the system's trust store only: must fail, the certificate is the test CA's."""
    try:
        with (socket.create_connection((args["host"], 443), timeout=TIMEOUT) as raw,
              ssl.create_default_context().wrap_socket(raw, server_hostname=args["host"])):
            return "accepted"
    except ssl.SSLCertVerificationError as error:
        return f"refused: {error.verify_message}"


def direct(address: str, port: int) -> str:
    """A connection straight to an app process, past nginx."""
    try:
        with socket.create_connection((address, port), timeout=5):
            return "connected"
    except OSError as error:
        return f"{type(error).__name__}: {error}"


def websocket(args: dict) -> dict:
    """Streamlit's websocket through TLS: the upgrade, then one rerun and the messages it brings."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    origin = f"https://{args['host']}"
    with connect(f"wss://{args['host']}/_stcore/stream", ssl=tls(args["ca"]), subprotocols=["streamlit"],
                 origin=origin, open_timeout=TIMEOUT, max_size=None) as ws:
        result = {"status": ws.response.status_code, "subprotocol": ws.subprotocol, "messages": []}
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        ws.send(msg.SerializeToString())
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            forward = ForwardMsg()
            forward.ParseFromString(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            kind = forward.WhichOneof("type")
            result["messages"].append(kind)
            if kind == "script_finished":
                break
        return result


def visit(args: dict) -> dict:
    """Join, rate, and everything around it, in the order a phone meets it."""
    out: dict = {}
    out["join_page"] = request(args, "GET", "/teilnehmen")
    out["join"] = request(args, "POST", "/teilnehmen/beitreten", {"code": args["code"]})
    location = dict(out["join"]["headers"]).get("location", "")
    token = urllib.parse.urlsplit(location).path.rsplit("/", 1)[-1]
    out["token"] = token
    out["screen"] = request(args, "GET", f"/p/{token}")
    out["rate"] = request(args, "POST", f"/p/{token}/rating", {"field": args["field"], "level": args["level"]})
    out["streamlit_index"] = request(args, "GET", "/")
    out["plain_http"] = request(args, "GET", "/teilnehmen?code=ABC", scheme="http")
    out["untrusted"] = untrusted(args)
    out["direct"] = {str(port): direct(args["server_address"], port) for port in args["backend_ports"]}
    out["websocket"] = websocket(args)
    return out


def events(args: dict) -> None:
    """Follow the phone's event stream through TLS; print each event's data as a line of JSON."""
    conn = http.client.HTTPSConnection(args["host"], 443, context=tls(args["ca"]), timeout=TIMEOUT)
    conn.request("GET", f"/p/{args['token']}/events", headers={"Accept": "text/event-stream"})
    response = conn.getresponse()
    print(json.dumps({"status": response.status, "content_type": response.getheader("content-type"),
                      "tls": conn.sock.version()}), flush=True)
    deadline = time.monotonic() + TIMEOUT  # the stream's pings (every 15 s) keep the socket alive
    for _ in range(args.get("events", 2)):
        while True:
            if time.monotonic() > deadline:
                sys.exit(f"no event within {TIMEOUT} s")
            line = response.readline().decode().strip()
            if line.startswith("data:"):
                print(json.dumps({"data": json.loads(line[5:].strip())}), flush=True)
                break


def health(args: dict) -> None:
    """Wait until nginx answers through TLS for every node (each asked for by its cookie)."""
    deadline = time.monotonic() + args.get("seconds", 90)
    waiting = set(args["nodes"])
    last = ""
    while waiting and time.monotonic() < deadline:
        for node in sorted(waiting):
            try:
                answer = request(args, "GET", "/_stcore/health", headers={"Cookie": f"werkstatt_node={node}"})
                cookies = " ".join(v for k, v in answer["headers"] if k == "set-cookie")
                if answer["status"] == 200 and f"werkstatt_node={node};" in cookies:
                    waiting.discard(node)
                last = f"{node}: {answer['status']}"
            except OSError as error:
                last = f"{node}: {error}"
        time.sleep(0.3)
    print(json.dumps({"waiting": sorted(waiting), "last": last}))


if __name__ == "__main__":
    mode, arguments = sys.argv[1], json.loads(sys.argv[2])
    if mode == "visit":
        print(json.dumps(visit(arguments)))
    else:
        {"events": events, "health": health}[mode](arguments)
