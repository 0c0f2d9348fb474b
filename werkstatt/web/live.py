"""Live changes for every participant device: one watcher per server process, one mailbox per device.

A device keeps one Server-Sent-Events connection open. The ``Hub`` of the process reads the
version of what devices show (``Workshop.step_version``) for every workshop it has devices
of, in one read ten times a second (``Werkstatt.device_versions``; the SQL is the store's), and
puts the new number into the mailbox of each device of a workshop that changed: a step change
costs the server a queue put per device, never a query per device. The device then fetches its screen with one plain GET. With
several processes behind a proxy each process runs its own hub on the same database file, so
nothing else needs to know about them.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Callable

from werkstatt.service import Werkstatt

log = logging.getLogger(__name__)

WATCH_SECONDS = 0.1  # how often the hub reads the versions (a device sees a change within this + one GET)


class Mailbox:
    """The latest version for one device; only the newest matters, so nothing queues up."""

    def __init__(self, workshop_id: int, version: int):
        self.workshop_id = workshop_id
        self.version = version
        self._changed = asyncio.Event()
        self._changed.set()  # the first event goes out at once: the device checks its page

    def put(self, version: int) -> None:
        self.version = version
        self._changed.set()

    async def next(self) -> int:
        await self._changed.wait()
        self._changed.clear()
        return self.version


class Hub:
    """The watcher of one server process and the mailboxes of its connected devices."""

    def __init__(self, service: Callable[[], Werkstatt], interval: float = WATCH_SECONDS):
        self._service = service
        self._interval = interval
        self._boxes: dict[int, set[Mailbox]] = defaultdict(set)
        self._known: dict[int, int] = {}
        self._task: asyncio.Task | None = None

    @property
    def devices(self) -> int:
        """How many devices are connected to this process right now."""
        return sum(len(boxes) for boxes in self._boxes.values())

    def subscribe(self, workshop_id: int, version: int) -> Mailbox:
        """A mailbox for a device that just connected; ``version`` is the one read for it now."""
        box = Mailbox(workshop_id, max(version, self._known.get(workshop_id, version)))
        self._boxes[workshop_id].add(box)
        self._known.setdefault(workshop_id, version)
        return box

    def unsubscribe(self, box: Mailbox) -> None:
        boxes = self._boxes.get(box.workshop_id)
        if boxes is None:
            return
        boxes.discard(box)
        if not boxes:
            del self._boxes[box.workshop_id]
            self._known.pop(box.workshop_id, None)

    def deliver(self, versions: dict[int, int]) -> None:
        """Wake the devices of every workshop whose version moved on."""
        for workshop_id, version in versions.items():
            if self._known.get(workshop_id) == version:
                continue
            self._known[workshop_id] = version
            for box in self._boxes.get(workshop_id, ()):
                box.put(version)

    async def watch_once(self) -> None:
        workshop_ids = list(self._boxes)
        if not workshop_ids:
            return
        versions = await asyncio.to_thread(self._service().device_versions, workshop_ids)
        self.deliver(versions)

    async def run(self) -> None:
        """Watch until cancelled. Whatever a read raises (a damaged or vanished file) is logged and
        the next read tried: a watcher that died would freeze every device in the hall."""
        while True:
            try:
                await self.watch_once()
            except Exception:  # noqa: BLE001 - see the docstring
                log.exception("the participant watcher could not read the workshops' versions")
            await asyncio.sleep(self._interval)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self.run(), name="werkstatt-hub")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
