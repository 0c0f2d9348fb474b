"""Two app processes behind nginx on one SQLite file, driven by real browsers.

``deploy/serve_multi.py`` is started as a person (or the load benchmark) starts
it: real ``streamlit run`` processes, Debian's nginx in the foreground, a fresh
database. Tablets join through nginx and rate on the participant pages of
``werkstatt.web``; the projector is the light page of ``werkstatt.projector``, which
asks ``/beamer/stage`` once a second whether the workshop changed. The test then reads
nginx's access log, which names for every request the device (by its user agent), the
node cookie it sent and the backend that answered. That shows the devices were
spread over both processes and that each device stayed with its own: every poll of
the projector included (an empty 204 while nothing changed, the new stage when it did;
no Streamlit websocket any more), and each tablet's event stream. A step change
written by a third process reaches the tablets on both backends, because each
process watches the one database.
"""

from __future__ import annotations

import os
import re
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from deploy.serve_multi import NODE_COOKIE, Deployment, start
from tests.conftest import CHEAP_HASHER, PIN
from tests.e2e.conftest import PROJECTOR, TABLET, TIMEOUT_MS, token_of
from tests.e2e.test_live_workshop import (
    FIELDSET,
    choices_for,
    expect_results_with_my_answers,
    join_during_rating,
    rate,
    rate_all,
)
from werkstatt.service import Werkstatt

pytestmark = pytest.mark.browser

PROCESSES = 2
DEVICES = 4
RATED_FIELDS = 3  # enough to show every write lands; all seven would only add time
LEVEL_VALUES = {FIELDSET.scale.label(value, "de"): value for value in (*FIELDSET.scale.values, None)}
DEVICE_MARK = "werkstatt-device/"
LOG_LINE = re.compile(r'^\S+ (?P<status>\d+) "(?P<request>[^"]*)" node=(?P<node>\S+) served=(?P<served>\S*) '
                      r'upstream=(?P<upstream>.+?) time=\S+ ua=".*' + DEVICE_MARK + r'(?P<device>[\w-]+)"$')


@pytest.fixture
def deployment(tmp_path) -> Deployment:
    """A fresh deployment per test (two seconds to start): a test may kill one of its processes."""
    deployment = start(tmp_path / "werkstatt.db", processes=PROCESSES, port=0, workdir=tmp_path / "run")
    try:
        yield deployment
    finally:
        deployment.stop()  # a no-op when the test stopped it itself


@pytest.fixture
def app_server(deployment):
    """conftest attaches ``app_server.output()`` to a failed test: here, every process's log."""
    return SimpleNamespace(output=deployment.logs)


@pytest.fixture(autouse=True)
def server_logs_no_traceback(app_server, deployment):
    """conftest's check for one server, over the log of every app process."""
    before = {b.log_path: len(b.log_path.read_text(errors="replace")) for b in deployment.backends}
    yield
    for path, length in before.items():
        logged = path.read_text(errors="replace")[length:]
        assert "Traceback" not in logged, f"{path.name} logged an exception during the test:\n{logged}"


@pytest.fixture
def werkstatt(deployment) -> Werkstatt:
    """The service on the deployment's one database file, as a third process would open it."""
    service = Werkstatt(deployment.db_path, password_hasher=CHEAP_HASHER)
    yield service
    service.store.close()


def served_node(url: str, node: str | None = None) -> str:
    """Ask nginx for the health check (with a node cookie if given); the node that answered."""
    request = urllib.request.Request(f"{url}/_stcore/health")
    if node:
        request.add_header("Cookie", f"{NODE_COOKIE}={node}")
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200 and response.read() == b"ok"
        cookies = " ".join(response.headers.get_all("Set-Cookie"))
    return re.search(rf"{NODE_COOKIE}=(\w+);", cookies).group(1)


def node_of(context: BrowserContext) -> str | None:
    """The backend this device's cookie names."""
    return next((c["value"] for c in context.cookies() if c["name"] == NODE_COOKIE), None)


def browser_user_agent(browser: Browser) -> str:
    probe = browser.new_context()
    try:
        return probe.new_page().evaluate("navigator.userAgent")
    finally:
        probe.close()


def device(browser: Browser, url: str, name: str, user_agent: str, viewport: dict) -> BrowserContext:
    """One device through nginx; its name in the user agent finds its requests in the access log."""
    context = browser.new_context(base_url=url, viewport=viewport, locale="de-DE",
                                  timezone_id="Europe/Berlin", user_agent=f"{user_agent} {DEVICE_MARK}{name}")
    context.set_default_timeout(TIMEOUT_MS)
    return context


def process_tree(pids: list[int]) -> set[int]:
    """These processes and all their descendants (nginx's workers, anything a backend started)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended while we looked
        parents[int(stat.parent.name)] = int(fields[1])
    tree = set(pids)
    while grown := {pid for pid, parent in parents.items() if parent in tree} - tree:
        tree |= grown
    return tree


EVENT_STREAM = re.compile(r"GET /p/[\w-]+/events ")  # a tablet's Server-Sent Events
STAGE_POLL = re.compile(r"GET /beamer/stage\?\S*\bseen=")  # the projector asking whether anything changed


def wait_for_stream_lines(deployment: Deployment, event_streams: int) -> None:
    """nginx logs an event stream when it has seen it close, a moment after the browser closed
    it (an idle event stream at its next keep-alive ping, within 15 s); stopping nginx before
    that would drop the line."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if len(EVENT_STREAM.findall(deployment.access_log.read_text())) >= event_streams:
            return
        time.sleep(0.1)
    pytest.fail(f"nginx did not log {event_streams} closed event streams within 30 s", pytrace=False)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_devices_on_two_processes_share_one_database(deployment, werkstatt, browser):
    # Healthy through nginx, and each node reachable by its cookie.
    assert served_node(deployment.url) in {"n1", "n2"}
    for backend in deployment.backends:
        assert served_node(deployment.url, backend.node) == backend.node

    workshop = werkstatt.create_workshop(title="Zwei Prozesse", municipality="Musterstadt",
                                         facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    user_agent = browser_user_agent(browser)

    # The projector's QR link points at nginx, never at a backend.
    projector_context = device(browser, deployment.url, "beamer", user_agent, PROJECTOR)
    projector = projector_context.new_page()
    projector.goto(f"/beamer?w={workshop.id}&code={workshop.join_code}")
    join_link = f"{deployment.url}/teilnehmen?code={workshop.join_code}"
    expect(projector.locator(".join-url")).to_have_text(join_link)

    contexts = [device(browser, deployment.url, f"tablet-{n}", user_agent, TABLET) for n in range(DEVICES)]
    tablets = [join_during_rating(context, workshop.join_code) for context in contexts]
    for number, tablet in enumerate(tablets):
        rate_all(tablet, dict(list(choices_for(number).items())[:RATED_FIELDS]))
    # The projector, on one process, counts the joins and ratings stored through both.
    expect(projector.locator(".count-number")).to_have_text(str(DEVICES))
    expect(projector.locator("table.progress td.n")).to_have_text(
        [str(DEVICES)] * RATED_FIELDS + ["0"] * (len(FIELDSET.fields) - RATED_FIELDS))

    # Every rating is in the one database file.
    field_ids = [field.id for field in FIELDSET.fields]
    for number, tablet in enumerate(tablets):
        chosen = list(choices_for(number).values())[:RATED_FIELDS]
        assert werkstatt.my_ratings(token_of(tablet)) == {
            f: LEVEL_VALUES[level] for f, level in zip(field_ids, chosen)}
    assert len(werkstatt.ratings(workshop.id)) == DEVICES * RATED_FIELDS

    # A step change written by a third process reaches the devices on both backends.
    werkstatt.set_live_step(workshop.id, "results")
    for number, tablet in enumerate(tablets):
        expect_results_with_my_answers(tablet, dict(list(choices_for(number).items())[:RATED_FIELDS]))

    # The projector follows the step change too (its footer then names the join link).
    expect(projector.locator("h1.step")).to_have_text("Ergebnis")
    expect(projector.locator(".foot-join")).to_have_text(join_link)

    # Closing the devices ends their event streams, which writes those lines to the log.
    for context in [projector_context, *contexts]:
        context.close()
    wait_for_stream_lines(deployment, event_streams=DEVICES)
    started = process_tree([*deployment.pids, deployment.nginx.pid])
    assert len(started) >= PROCESSES + 2, started  # the backends, nginx's master and a worker
    deployment.stop()
    stray = {pid for pid in started if alive(pid)}
    assert not stray, f"still running after stop(): {stray}"

    requests = defaultdict(list)
    for line in deployment.access_log.read_text().splitlines():
        if match := LOG_LINE.match(line):
            requests[match["device"]].append(match)
    assert set(requests) == {"beamer", *(f"tablet-{n}" for n in range(DEVICES))}
    nodes = {}
    for name, seen in requests.items():
        # Sticky: one backend answered every request of this device ...
        assert {r["upstream"] for r in seen} == {seen[0]["upstream"]}, (name, [r.group(0) for r in seen])
        nodes[name] = seen[0]["served"]
        # ... one request without a cookie (the first page), every other one with that backend's ...
        assert [r["node"] for r in seen].count("-") == 1, name
        assert {r["node"] for r in seen} == {"-", nodes[name]}, name
        # ... every poll of the projector and each tablet's event stream included.
        if name == "beamer":
            polls = [r for r in seen if STAGE_POLL.match(r["request"])]
            statuses = {r["status"] for r in polls}
            # it polled: 204 while nothing changed, 200 with the new stage for the joins, ratings
            # and the step change; never an error, and nothing of Streamlit (no websocket)
            assert statuses == {"200", "204"}, (name, [r.group(0) for r in polls])
            assert not [r for r in seen if "/_stcore/" in r["request"]], name
            stream = polls
        else:
            stream = [r for r in seen if EVENT_STREAM.match(r["request"]) and r["status"] == "200"]
        assert stream, name
    assert set(nodes.values()) == {"n1", "n2"}, f"all devices on one backend: {nodes}"
    print(f"\n[e2e] devices per backend: {nodes}")


def test_a_tablet_moves_to_the_other_process_when_its_own_dies(deployment, werkstatt, browser):
    workshop = werkstatt.create_workshop(title="Ausfall", municipality="Musterstadt", facilitator_pin=PIN)
    werkstatt.set_live_step(workshop.id, "rating")
    user_agent = browser_user_agent(browser)
    contexts = [device(browser, deployment.url, f"tablet-{n}", user_agent, TABLET) for n in range(2)]
    tablets = [join_during_rating(context, workshop.join_code) for context in contexts]
    choices = [dict(list(choices_for(n).items())[:2]) for n in range(2)]
    first = [dict(list(c.items())[:1]) for c in choices]
    for tablet, rated in zip(tablets, first):
        rate_all(tablet, rated)
    node = node_of(contexts[0])

    # The process of the first tablet dies as a power cut would end it.
    victim = next(b for b in deployment.backends if b.node == node)
    victim.process.kill()
    victim.process.wait(timeout=15)

    # The open page's event stream reconnects through nginx to the other process, which has
    # never seen it (the cookie now names that one); the next tap is stored, and the page
    # follows the room.
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while node_of(contexts[0]) == node and time.monotonic() < deadline:
        time.sleep(0.1)
    assert node_of(contexts[0]) in {b.node for b in deployment.backends} - {node}
    second_field, second_level = list(choices[0].items())[1]
    rate(tablets[0], second_field, second_level)
    werkstatt.set_live_step(workshop.id, "results")
    for tablet, chosen in zip(tablets, [choices[0], first[1]]):
        expect_results_with_my_answers(tablet, chosen)
    assert len(werkstatt.my_ratings(token_of(tablets[0]))) == 2
    for context in contexts:
        context.close()
