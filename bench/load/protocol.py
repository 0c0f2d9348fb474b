"""A Streamlit page held open the way a browser tab holds it, over Streamlit's own websocket protocol.

The load run keeps the facilitator's console connected through this while the
participant devices speak HTTP (``device.py``) and the projector polls its own light
page (``projector.py``): the console stays a Streamlit page, and what it costs the
server belongs in the figures.

A browser tab talks to ``streamlit run`` over one websocket at
``/_stcore/stream`` (subprotocol ``streamlit``): it sends ``BackMsg``
protobufs (``rerun_script`` with the query string and the widget values) and
receives ``ForwardMsg``s (``new_session`` at the start of a full run, one
``delta`` per element, ``script_finished`` at the end). ``st.fragment(
run_every=…)`` is driven by the client: the server sends ``auto_rerun``
(interval + fragment id) and the browser sends the fragment reruns back. A
``Session`` does all of that, so N of them cost the server what N tablets
cost, without N browsers (``shared/facts.md``, "Streamlit protocol").

Widgets are found by their key: a widget created with ``key="x"`` has an id
ending in ``-x``.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = ForwardMsg.ScriptFinishedStatus
RUN_TIMEOUT_S = 60.0


@dataclass
class Widget:
    """A widget of the last full run, as the server described it."""

    id: str
    kind: str  # the Element oneof: "radio", "button_group", "text_area", "button", "selectbox", …
    options: list[str] = field(default_factory=list)
    fragment_id: str = ""  # set when the widget lives in an st.fragment: a change reruns only that


@dataclass
class Page:
    """What one full script run put on the screen: headings and widgets by key."""

    headings: list[str] = field(default_factory=list)
    widgets: dict[str, Widget] = field(default_factory=dict)  # by key (the id's tail after the last "-")
    submit_buttons: dict[str, Widget] = field(default_factory=dict)  # by form id

    def widget(self, key: str) -> Widget | None:
        return self.widgets.get(key)

    def keys(self, prefix: str) -> list[str]:
        return [key for key in self.widgets if key.startswith(prefix)]


def _widget_key(widget_id: str) -> str:
    return widget_id.rsplit("-", 1)[-1]


def _options(kind: str, element) -> list[str]:
    if kind in ("radio", "selectbox"):
        return list(element.options)
    if kind == "button_group":
        return [option.content for option in element.options]
    return []


class Session:
    """One browser tab on one page of the app.

    ``rerun()`` sends a full rerun with the given widget values and returns the
    seconds until the server finished that run; ``page`` is what the last
    finished full run showed; ``runs_finished`` counts every run that reported
    back (the polls' fragment runs and the full runs a change caused).
    """

    def __init__(self, base_url: str, page_name: str, query: str):
        self.url = base_url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        self.origin = base_url.rstrip("/")
        self.page_name = page_name
        self.query = query
        self.page_script_hash = ""
        self.page = Page()
        self.polls = 0
        self.runs_finished = 0
        self.errors: list[str] = []
        self.closed = False
        self._building = Page()
        self._runs_started = 0  # every run, fragment runs included, begins with new_session
        self._run_order: dict[str, tuple[int, tuple[str, ...]]] = {}  # run id → (order, its fragments)
        self._finished_runs: list[tuple[int, tuple[str, ...]]] = []  # (order, fragments; () = full run)
        self._fragment_run = False
        self._finished = asyncio.Event()
        self._ws = None
        self._tasks: list[asyncio.Task] = []
        self._fragments: dict[str, asyncio.Task] = {}
        self._cache: dict[str, ForwardMsg] = {}

    async def open(self) -> float:
        """Connect and run the page once, as a browser tab opening the address does."""
        self._ws = await websockets.connect(
            self.url, subprotocols=["streamlit"], origin=self.origin, max_size=None,
            open_timeout=RUN_TIMEOUT_S, ping_interval=None,
        )
        self._tasks.append(asyncio.create_task(self._read()))
        opened = await self.rerun()
        if opened is None:
            raise TimeoutError(f"the page did not load within {RUN_TIMEOUT_S:.0f} s")
        return opened

    async def close(self) -> None:
        for task in [*self._fragments.values(), *self._tasks]:
            task.cancel()
        if self._ws is not None:
            await self._ws.close()

    # --- sending -----------------------------------------------------------------------------

    def _back_msg(self, states: list[WidgetState], fragment_id: str = "", auto: bool = True) -> bytes:
        msg = BackMsg()
        client = msg.rerun_script
        client.query_string = self.query
        client.page_script_hash = self.page_script_hash
        client.page_name = "" if self.page_script_hash else self.page_name
        client.widget_states.widgets.extend(states)
        if fragment_id:
            client.fragment_id = fragment_id
            client.is_auto_rerun = auto
        return msg.SerializeToString()

    async def rerun(self, states: list[WidgetState] = (), timeout: float = RUN_TIMEOUT_S,
                    fragment_id: str = "") -> float | None:
        """Send a rerun (of the fragment ``fragment_id``, as a browser does for a widget inside
        one, else of the whole page); return the seconds until a run that started after it
        finished: a full run, or a fragment run of that fragment.

        None when no such run finished within ``timeout``: Streamlit 1.67 drops the
        messages of a finished run when a poll's fragment rerun arrives before they
        were sent (``AppSession`` ignores events of a replaced ScriptRunner; the
        browser sends poll ticks regardless). The run itself happened, so its write
        is stored; only the acknowledgement is lost.
        """
        mark = self._runs_started
        sent = time.perf_counter()
        try:
            await self._ws.send(self._back_msg(list(states), fragment_id, auto=False))
        except websockets.ConnectionClosed:
            self.closed = True
            return None
        deadline = sent + timeout
        while not any(order > mark and (not fragments or fragment_id in fragments)
                      for order, fragments in self._finished_runs):
            self._finished.clear()
            left = deadline - time.perf_counter()
            if left <= 0 or self.closed:
                return None
            try:
                await asyncio.wait_for(self._finished.wait(), left)
            except TimeoutError:
                return None
        return time.perf_counter() - sent

    async def _poll(self, fragment_id: str, interval: float) -> None:
        """What the browser does for ``run_every``: rerun the fragment every ``interval`` seconds."""
        while True:
            await asyncio.sleep(interval)
            self.polls += 1
            try:
                await self._ws.send(self._back_msg([], fragment_id))
            except websockets.ConnectionClosed:
                return

    # --- receiving ---------------------------------------------------------------------------

    async def _read(self) -> None:
        try:
            async for data in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except websockets.ConnectionClosed as closed:
            self.errors.append(f"connection closed: {closed}")
        finally:
            self.closed = True
            self._finished.set()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            msg = self._cache.get(msg.ref_hash, msg)
            kind = msg.WhichOneof("type")
        elif msg.hash:
            self._cache[msg.hash] = msg
        if kind == "new_session":
            run = msg.metadata.run
            self._runs_started += 1
            self._run_order[run.script_run_id] = (self._runs_started, tuple(run.fragment_ids))
            self._fragment_run = bool(run.fragment_ids)
            if not self._fragment_run:  # a full run draws the page afresh, its fragments too
                self._building = Page()
                self._stop_polling()
            else:  # a fragment run redraws its own widgets
                self.page.widgets = {key: w for key, w in self.page.widgets.items()
                                     if w.fragment_id not in run.fragment_ids}
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element, msg.delta.fragment_id)
        elif kind == "navigation":  # with st.navigation, the page that ran (a browser keeps it)
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "auto_rerun":
            self._start_polling(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment_id in msg.stop_auto_rerun.fragment_ids:
                task = self._fragments.pop(fragment_id, None)
                if task is not None:
                    task.cancel()
        elif kind == "script_finished":
            self._run_finished(msg)

    def _run_finished(self, msg: ForwardMsg) -> None:
        order, fragments = self._run_order.pop(msg.metadata.run.script_run_id, (0, ()))
        if msg.script_finished == FINISHED.FINISHED_SUCCESSFULLY:
            self.page = self._building
            self._finished_runs.append((order, ()))
        elif msg.script_finished == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            self._finished_runs.append((order, fragments))
        else:
            return
        del self._finished_runs[:-50]
        self.runs_finished += 1
        self._finished.set()

    def _start_polling(self, fragment_id: str, interval: float) -> None:
        """One poll loop per ``run_every`` fragment the page registered (a page may have several)."""
        if fragment_id not in self._fragments:
            self._fragments[fragment_id] = asyncio.create_task(self._poll(fragment_id, interval))

    def _stop_polling(self) -> None:
        """A full run registers its fragments anew: the 1.67 browser clears its intervals on the
        ``new_session`` of a full run (``cleanupAutoReruns``)."""
        for task in self._fragments.values():
            task.cancel()
        self._fragments = {}

    def _element(self, element, fragment_id: str) -> None:
        """Note what a page shows; a fragment run changes the page in place, a full run builds it anew."""
        page = self.page if self._fragment_run else self._building
        kind = element.WhichOneof("type")
        if kind is None:
            return
        body = getattr(element, kind)
        if kind == "heading":
            page.headings.append(body.body)
        elif kind == "exception":
            self.errors.append(f"exception on page: {body.message}")
        widget_id = getattr(body, "id", "")
        if not widget_id or kind in ("heading", "markdown", "alert"):
            return
        widget = Widget(widget_id, kind, _options(kind, body), fragment_id)
        if kind == "button" and body.is_form_submitter:
            page.submit_buttons[body.form_id] = widget
        else:
            page.widgets[_widget_key(widget_id)] = widget
