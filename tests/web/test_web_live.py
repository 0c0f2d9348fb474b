"""Live changes: the event stream of a device, and the process's ``Hub`` (one read for all
workshops, one mailbox per device that keeps only the newest version)."""

from __future__ import annotations

import asyncio
import json
import queue
import threading

from tests.web.conftest import new_phone
from werkstatt.web.live import Hub, Mailbox

# --- the event stream over HTTP --------------------------------------------------------------


class EventReader:
    """Reads ``data:`` lines of an open event stream in a thread, so a test can wait with a timeout."""

    def __init__(self, stream):
        self.events: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(stream.iter_lines(),), daemon=True)
        self._thread.start()

    def _read(self, lines):
        try:
            for line in lines:
                if line.startswith("data:"):
                    self.events.put(json.loads(line[len("data:"):]))
        except Exception as error:  # noqa: BLE001 - the stream was closed by the test
            self.events.put(error)

    def next(self, timeout: float = 5.0):
        event = self.events.get(timeout=timeout)
        if isinstance(event, Exception):
            raise event
        return event

    def nothing_within(self, seconds: float) -> bool:
        try:
            self.events.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


def test_the_event_stream_starts_with_the_workshops_step_version(app, web, rating_workshop):
    phone = new_phone(app, web, rating_workshop)
    app.lock_input(rating_workshop.id, True)
    version = app.workshop(rating_workshop.id).step_version
    with web.stream("GET", f"/p/{phone.token}/events") as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        first = next(line for line in stream.iter_lines() if line.startswith("data:"))
    assert first == f'data: {{"v": {version}}}'


def test_the_event_stream_of_an_unknown_token_is_404(web):
    response = web.get("/p/nobody-has-this-token/events")
    assert response.status_code == 404
    assert not response.headers.get("content-type", "").startswith("text/event-stream")


def test_the_event_stream_wakes_the_device_on_a_step_change_and_not_on_a_rating(app, web, rating_workshop):
    phone = new_phone(app, web, rating_workshop)
    other = new_phone(app, web, rating_workshop)
    with web.stream("GET", f"/p/{phone.token}/events") as stream:
        reader = EventReader(stream)
        assert reader.next() == {"v": app.workshop(rating_workshop.id).step_version}
        other.rate("management", 3)
        assert reader.nothing_within(0.8)  # the watcher reads every 0.1 s: it had several chances
        app.lock_input(rating_workshop.id, True)
        assert reader.next() == {"v": app.workshop(rating_workshop.id).step_version}


def test_the_event_stream_wakes_the_device_when_a_locking_timer_runs_out(app, clock, web, rating_workshop):
    phone = new_phone(app, web, rating_workshop)
    app.start_timer(rating_workshop.id, 1, lock_at_end=True)
    with web.stream("GET", f"/p/{phone.token}/events") as stream:
        reader = EventReader(stream)
        first = reader.next()["v"]
        clock.advance(seconds=61)  # nobody touches anything: the watcher stores the lock
        assert reader.next()["v"] > first
    assert app.workshop(rating_workshop.id).locked


# --- the Hub, directly ------------------------------------------------------------------------


class CountingService:
    """Stands in for ``Werkstatt``: versions from a dict, and how often they were read."""

    def __init__(self, versions: dict[int, int]):
        self.versions = versions
        self.calls: list[list[int]] = []

    def device_versions(self, workshop_ids):
        self.calls.append(sorted(workshop_ids))
        return {w: self.versions[w] for w in workshop_ids if w in self.versions}


async def ready(box: Mailbox, timeout: float = 0.05):
    """The version waiting in ``box``, or None if nothing is waiting."""
    try:
        return await asyncio.wait_for(box.next(), timeout)
    except asyncio.TimeoutError:
        return None


def test_a_new_mailbox_holds_the_version_it_was_opened_with():
    async def scenario():
        hub = Hub(lambda: CountingService({}))
        box = hub.subscribe(1, 7)
        assert await ready(box) == 7
        assert await ready(box) is None  # and then waits for a change
    asyncio.run(scenario())


def test_deliver_wakes_the_mailboxes_of_that_workshop_only():
    async def scenario():
        hub = Hub(lambda: CountingService({}))
        a1, a2, b = hub.subscribe(1, 3), hub.subscribe(1, 3), hub.subscribe(2, 5)
        for box in (a1, a2, b):
            await ready(box)
        hub.deliver({1: 4, 2: 5})
        assert (await ready(a1), await ready(a2), await ready(b)) == (4, 4, None)
    asyncio.run(scenario())


def test_deliver_of_an_unchanged_version_wakes_nobody():
    async def scenario():
        hub = Hub(lambda: CountingService({}))
        box = hub.subscribe(1, 3)
        await ready(box)
        hub.deliver({1: 3})
        assert await ready(box) is None
    asyncio.run(scenario())


def test_a_mailbox_keeps_only_the_newest_version():
    async def scenario():
        hub = Hub(lambda: CountingService({}))
        box = hub.subscribe(1, 1)
        await ready(box)
        for version in (2, 3, 4):
            hub.deliver({1: version})
        assert await ready(box) == 4
        assert await ready(box) is None
    asyncio.run(scenario())


def test_a_late_subscriber_gets_the_newest_version_the_hub_knows():
    async def scenario():
        hub = Hub(lambda: CountingService({}))
        first = hub.subscribe(1, 1)
        hub.deliver({1: 6})
        late = hub.subscribe(1, 5)  # its page was read just before the change
        assert await ready(late) == 6
        hub.unsubscribe(first)
    asyncio.run(scenario())


def test_watch_once_reads_every_subscribed_workshop_in_one_call():
    async def scenario():
        service = CountingService({1: 1, 2: 1, 3: 1})
        hub = Hub(lambda: service)
        boxes = [hub.subscribe(w, 1) for w in (1, 1, 2, 3)]
        for box in boxes:
            await ready(box)
        service.versions.update({2: 2})
        await hub.watch_once()
        assert service.calls == [[1, 2, 3]]
        assert [await ready(box) for box in boxes] == [None, None, 2, None]
        assert hub.devices == 4
    asyncio.run(scenario())


def test_watch_once_reads_nothing_without_devices_and_forgets_a_workshop_whose_devices_left():
    async def scenario():
        service = CountingService({1: 1, 2: 1})
        hub = Hub(lambda: service)
        await hub.watch_once()
        assert service.calls == []
        box = hub.subscribe(1, 1)
        hub.subscribe(2, 1)
        hub.unsubscribe(box)
        await hub.watch_once()
        assert service.calls == [[2]]
        assert hub.devices == 1
    asyncio.run(scenario())


def test_watch_once_on_the_real_service_stores_a_run_out_locking_timer_as_a_lock(app, clock, rating_workshop):
    app.start_timer(rating_workshop.id, 1, lock_at_end=True)
    started = app.workshop(rating_workshop.id).step_version

    async def scenario():
        hub = Hub(lambda: app)
        box = hub.subscribe(rating_workshop.id, started)
        assert await ready(box) == started
        await hub.watch_once()
        assert await ready(box) is None  # the timer still runs: nothing changed
        clock.advance(seconds=60)
        await hub.watch_once()
        return await ready(box)

    woken = asyncio.run(scenario())
    assert woken is not None and woken > started
    workshop = app.workshop(rating_workshop.id)
    assert workshop.locked
    assert woken == workshop.step_version


def test_the_watcher_keeps_running_when_a_read_fails():
    class Flaky(CountingService):
        def device_versions(self, workshop_ids):
            if not self.calls:
                self.calls.append(["boom"])
                raise OSError("disk gone")
            return super().device_versions(workshop_ids)

    async def scenario():
        service = Flaky({1: 2})
        hub = Hub(lambda: service, interval=0.01)
        box = hub.subscribe(1, 1)
        await ready(box)
        hub.start()
        try:
            return await ready(box, timeout=2)
        finally:
            await hub.stop()

    assert asyncio.run(scenario()) == 2


def test_a_version_for_a_workshop_without_devices_wakes_nobody_elsewhere():
    async def scenario():
        hub = Hub(lambda: CountingService({}))
        box = hub.subscribe(1, 1)
        await ready(box)
        hub.deliver({9: 9})
        assert await ready(box) is None
        assert hub.devices == 1
    asyncio.run(scenario())
