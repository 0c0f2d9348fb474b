"""What a phone downloads: requests and bytes of the participant pages in a real Chromium.

    python -m bench.page_weight [--json bench/results/page-weight.json]
    python -m bench.page_weight --url http://127.0.0.1:8501/teilnehmen?code=ABC123   # any running page

It starts the app (``streamlit run app.py``) on a fresh database with a workshop whose
live step is the rating, and opens, in headless Chromium (Debian's ``/usr/bin/chromium``
through Playwright) at 360×740 like a phone:

1. the join page ``/teilnehmen?code=…`` in a fresh browser context (a first visit, empty cache);
2. from there, the join itself: a sector tapped, the form sent, the rating page it leads to
   (same context: what the phone downloads next, with its cache);
3. that participant's rating page ``/p/<token>`` again in a fresh context (a first visit to
   the page itself, e.g. a reopened link on another phone).

Requests and bytes are counted through the DevTools protocol, as ``shared/facts.md``
section 10 did for the Streamlit pages: every ``Network.requestWillBeSent`` is a request;
bytes are ``Network.loadingFinished.encodedDataLength`` (what came over the wire, headers
included). The event stream never finishes while the page is open, so its bytes so far are
counted from ``Network.dataReceived`` and shown apart. Each visit waits until the page's
load event and then until nothing new was requested for ``QUIET_SECONDS``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.load.rooms import WerkstattRoom
from bench.load.server import launch

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 360, "height": 740}
QUIET_SECONDS = 1.5
MOBILE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/156.0.0.0 Mobile Safari/537.36")


class Counter:
    """Requests and bytes of one page's network traffic, from the DevTools protocol."""

    def __init__(self, cdp):
        self.requests: dict[str, dict] = {}
        self.last_request = time.monotonic()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.requestServedFromCache", self._cached)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.eventSourceMessageReceived", self._message)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})

    def reset(self) -> None:
        self.requests = {}
        self.last_request = time.monotonic()

    def _sent(self, event: dict) -> None:
        self.last_request = time.monotonic()
        request_id = event["requestId"]
        if request_id in self.requests:  # a redirect reuses the id: the hop is a request of its own
            hop = self.requests.pop(request_id)
            hop.update(finished=True, bytes=int(event.get("redirectResponse", {}).get("encodedDataLength", 0)),
                       status=event.get("redirectResponse", {}).get("status"))
            self.requests[f"{request_id}#{len(self.requests)}"] = hop
        self.requests[request_id] = {"url": event["request"]["url"], "type": event.get("type", ""),
                                     "method": event["request"]["method"], "bytes": 0, "streamed": 0,
                                     "messages": 0, "finished": False, "cached": False}

    def _finished(self, event: dict) -> None:
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["bytes"] = int(event.get("encodedDataLength", 0))
            entry["finished"] = True

    def _failed(self, event: dict) -> None:
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["failed"] = event.get("errorText", "")

    def _data(self, event: dict) -> None:
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["streamed"] += int(event.get("encodedDataLength") or event.get("dataLength") or 0)

    def _cached(self, event: dict) -> None:
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["cached"] = True

    def _response(self, event: dict) -> None:
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            response = event.get("response", {})
            entry["status"] = response.get("status")
            entry["cached"] = entry["cached"] or bool(response.get("fromDiskCache") or response.get("fromPrefetchCache"))

    def _message(self, event: dict) -> None:
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["messages"] += 1

    def figures(self) -> dict:
        finished = [r for r in self.requests.values() if r["finished"]]
        streams = [r for r in self.requests.values() if not r["finished"]]
        return {
            "requests": len(self.requests),
            "from_cache": sum(r["cached"] for r in self.requests.values()),
            "bytes": sum(r["bytes"] for r in finished),
            "kib": round(sum(r["bytes"] for r in finished) / 1024, 1),
            "open_streams": [{"url": r["url"], "bytes_so_far": r["streamed"], "messages": r["messages"]}
                             for r in streams],
            "by_request": [{"url": r["url"].split("?")[0][-60:], "method": r["method"], "type": r["type"],
                            "status": r.get("status"), "cached": r["cached"], "bytes": r["bytes"]}
                           for r in self.requests.values()],
        }


def _settle(page, counter: Counter) -> None:
    page.wait_for_load_state("load")
    deadline = time.monotonic() + 20
    while time.monotonic() - counter.last_request < QUIET_SECONDS and time.monotonic() < deadline:
        page.wait_for_timeout(100)


def _fresh(browser):
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  user_agent=MOBILE_UA, locale="de-DE")
    page = context.new_page()
    return context, page, Counter(context.new_cdp_session(page))


def measure(base_url: str, join_code: str) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            context, page, counter = _fresh(browser)
            page.goto(f"{base_url}/teilnehmen?code={join_code}")
            _settle(page, counter)
            join_page = counter.figures()

            counter.reset()
            page.locator('input[name="sector"]').first.check()
            page.locator('form:has(input[name="join_key"]) [type="submit"]').first.click()
            page.wait_for_url("**/p/**")
            page.wait_for_selector('main[data-step="rating"]')
            _settle(page, counter)
            after_join = counter.figures()
            participant_url = page.url.split("?")[0]
            context.close()

            context, page, counter = _fresh(browser)
            page.goto(participant_url)
            page.wait_for_selector('main[data-step="rating"]')
            _settle(page, counter)
            rating_page = counter.figures()
            context.close()
        finally:
            browser.close()
    return {"join_page_first_visit": join_page, "join_then_rating_page": after_join,
            "rating_page_first_visit": rating_page}


def measure_url(url: str) -> dict:
    """One page of any running server, first visit in a fresh context."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            context, page, counter = _fresh(browser)
            page.goto(url)
            _settle(page, counter)
            return {"page_first_visit": counter.figures()}
        finally:
            browser.close()


def show(results: dict) -> None:
    for name, figures in results.items():
        streams = "; ".join(f"{s['url'].split('?')[0].rsplit('/', 1)[-1]}: {s['messages']} message(s), "
                            f"{s['bytes_so_far']} B so far" for s in figures["open_streams"])
        print(f"{name:<26} {figures['requests']:>3} requests ({figures['from_cache']} from the cache)  "
              f"{figures['kib']:>8.1f} KiB" + (f"   (+ still open: {streams})" if streams else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.page_weight", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="measure this one page of a running server instead")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    if args.url:
        results = measure_url(args.url)
    else:
        with tempfile.TemporaryDirectory(prefix="werkstatt-page-weight-") as scratch:
            room = WerkstattRoom(Path(scratch) / "werkstatt.db")
            room.set_step("rating")
            server = launch(room.script, room.env(), Path(scratch) / "server.log")
            try:
                results = measure(server.url, room.join_code)
            finally:
                server.stop()
                room.close()
    show(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"date": time.strftime("%Y-%m-%d"), "viewport": VIEWPORT,
                                         "browser": CHROMIUM, **results}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
