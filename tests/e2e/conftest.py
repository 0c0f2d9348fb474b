"""Browser tests: a real ``streamlit run app.py`` on a fresh database, driven by headless Chromium.

Shaped like Streamlit's own ``e2e_playwright/conftest.py``: one server per test
module on a free port, started headless and polled on ``/_stcore/health``; one
Chromium per module; tests wait for what a person would see, not for time.

One process serves two kinds of screen (``app.py``): the Streamlit pages (start,
console, projector, results, task force; ``settle`` and ``screenshot_whole_page``
are for those) and the light participant client of ``werkstatt.web`` (``/teilnehmen``,
``/p/<token>``; ``join``, ``open_participant``, ``mark_not_reloaded`` and
``phone_screenshot`` are for that one, on a ``PHONE`` with or without JavaScript).

Playwright cannot download its own browser here, so it always launches
Debian's chromium (``make system`` installs it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from deploy.serve_multi import free_port, terminate
from tests.conftest import CHEAP_HASHER
from werkstatt.service import Werkstatt

REPO = Path(__file__).resolve().parents[2]
E2E_DIR = Path(__file__).resolve().parent
ARTIFACTS = E2E_DIR / "artifacts"  # git-ignored
README_SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
STARTUP_SECONDS = 60
TIMEOUT_MS = 30_000  # for every wait on the page; a first render with plotly takes ~4 s

TABLET = {"width": 820, "height": 1180}  # a 10-inch tablet in portrait
PHONE = {"width": 360, "height": 740}  # a small phone in portrait: the narrowest screen in the hall
PROJECTOR = {"width": 1920, "height": 1080}
DESKTOP = {"width": 1280, "height": 900}

expect.set_options(timeout=TIMEOUT_MS)


def pytest_collection_modifyitems(items):
    """Everything in tests/e2e needs a server and a browser: ``-m "not browser"`` skips it."""
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class StreamlitServer:
    base_url: str
    db_path: Path
    process: subprocess.Popen
    stdout_path: Path
    stderr_path: Path
    port: int = 0

    def output(self) -> str:
        """What the server printed so far (stdout, then stderr)."""
        return (f"--- stdout ---\n{self.stdout_path.read_text(errors='replace')}"
                f"\n--- stderr ---\n{self.stderr_path.read_text(errors='replace')}")

    def is_healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/_stcore/health", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False


def _wait_until_healthy(server: StreamlitServer) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"streamlit exited with code {server.process.returncode} before it was healthy\n"
                        + server.output(), pytrace=False)
        if server.is_healthy():
            return
        time.sleep(0.25)
    pytest.fail(f"streamlit was not healthy after {STARTUP_SECONDS} s\n" + server.output(), pytrace=False)


def _launch(home: Path, port: int) -> subprocess.Popen:
    """Start the server; its output is appended to the logs in ``home`` (a restart keeps the earlier part)."""
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "WERKSTATT_DB": str(home / "werkstatt.db"), "WERKSTATT_BASE_URL": base_url}
    with (home / "stdout.log").open("ab") as stdout, (home / "stderr.log").open("ab") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             # The code under test must not change mid-run: with the watcher on, an edit to
             # werkstatt/*.py evicts modules while other sessions import them (KeyError).
             "--server.fileWatcherType", "none"],
            cwd=REPO, env=env, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
        )


def crash_and_restart(server: StreamlitServer) -> None:
    """Kill the server with SIGKILL, as a power cut of the process would, and start it again."""
    server.process.kill()
    server.process.wait(timeout=15)
    server.process = _launch(server.db_path.parent, server.port)
    _wait_until_healthy(server)


@pytest.fixture(scope="module")
def app_server(tmp_path_factory) -> StreamlitServer:
    """``streamlit run app.py`` from the repository root on a free port and a fresh database."""
    home = tmp_path_factory.mktemp("streamlit")
    port = free_port()
    server = StreamlitServer(f"http://127.0.0.1:{port}", home / "werkstatt.db", _launch(home, port),
                             home / "stdout.log", home / "stderr.log", port)
    try:
        _wait_until_healthy(server)
        yield server
    finally:
        terminate([server.process])


@pytest.fixture(scope="module")
def base_url(app_server) -> str:
    return app_server.base_url


@pytest.fixture(scope="module")
def werkstatt(app_server) -> Werkstatt:
    """The service on the server's database, to arrange a workshop without clicking through it."""
    service = Werkstatt(app_server.db_path, password_hasher=CHEAP_HASHER)
    yield service
    service.store.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test carries what the server printed (tracebacks land there, not on the page)."""
    report = yield
    server = getattr(item, "funcargs", {}).get("app_server")
    if report.failed and server is not None:
        report.sections.append(("streamlit server output", server.output()))
    return report


@pytest.fixture(scope="module")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; the browser tests need Debian's chromium (run `make system`)",
                    pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, base_url):
    """Open a browser context, i.e. one person's device; all are closed after the test.

    ``new_context(PHONE)`` is a phone; ``java_script_enabled=False`` one whose browser runs
    no script (every action then is a plain form POST and a redirect)."""
    opened: list[BrowserContext] = []

    def open_context(viewport: dict[str, int] = DESKTOP, *, java_script_enabled: bool = True) -> BrowserContext:
        context = browser.new_context(base_url=base_url, viewport=viewport, locale="de-DE",
                                      timezone_id="Europe/Berlin", java_script_enabled=java_script_enabled,
                                      has_touch=viewport["width"] <= PHONE["width"])
        context.set_default_timeout(TIMEOUT_MS)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def phone_context(new_context) -> BrowserContext:
    """A 360 × 740 phone with JavaScript on: the participant client's script follows the room."""
    return new_context(PHONE)


@pytest.fixture
def no_js_context(new_context) -> BrowserContext:
    """A 360 × 740 phone whose browser runs no script: the plain forms must do everything."""
    return new_context(PHONE, java_script_enabled=False)


@pytest.fixture(autouse=True)
def server_logs_no_traceback(app_server):
    """An exception the page only shows as a redacted error box must still fail the test."""
    before = len(app_server.stderr_path.read_text(errors="replace"))
    yield
    logged = app_server.stderr_path.read_text(errors="replace")[before:]
    assert "Traceback" not in logged, f"the server logged an exception during the test:\n{logged}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots of this run only (old ones removed, so none is mistaken for today's)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    return ARTIFACTS


@pytest.fixture(scope="module")
def readme_screenshots(artifacts) -> Path:
    """Where the README's two screenshots go: ``docs/screenshots`` when
    ``WERKSTATT_README_SCREENSHOTS=1`` (``make screenshots``), else the artifacts,
    so an ordinary test run leaves the working tree clean."""
    if os.environ.get("WERKSTATT_README_SCREENSHOTS") != "1":
        return artifacts
    README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return README_SCREENSHOTS


# A Streamlit page whose script run has finished.
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def settle(page: Page) -> None:
    """The last render is painted and the script run has finished (a debounce, not a sleep)."""
    page.locator(APP_IDLE).wait_for()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def screenshot_whole_page(page: Page, path) -> None:
    """Streamlit scrolls inside ``stMain``: make the window as tall as the content for one picture."""
    size = page.viewport_size
    height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    settle(page)
    page.screenshot(path=path)
    page.set_viewport_size(size)


# --- the participant client (werkstatt.web) ----------------------------------------------

# The participant's screen; the step it shows is in ``data-step``.
PARTICIPANT_MAIN = "main#main[data-step]"
TOKEN_URL = re.compile(r"/p/([\w-]+)(?:[?#].*)?$")  # a JS-compatible pattern (expect runs it in the page)

# Set in a page before a live change; a page load would wipe it.
MARK = "() => { window.__marker = 1; }"
MARKED = "() => window.__marker === 1"


def token_of(page: Page) -> str:
    """The participant token in the page's URL (``/p/<token>``)."""
    match = TOKEN_URL.search(page.url)
    assert match, f"not a participant's screen: {page.url}"
    return match.group(1)


def join(page: Page, code: str, sector: str | None = None, *, typed: bool = True) -> str:
    """Join as a person does: type the code from the projector (``typed``) or open the QR
    link ``/teilnehmen?code=…``, pick a sector (its label, if given), tap "Mitmachen".
    Waits for the participant's screen and returns its token."""
    if typed:
        page.goto("/teilnehmen")
        expect(page.get_by_role("heading", name="Willkommen!")).to_be_visible()
        page.get_by_label("Code vom Beamer").fill(code)
        page.get_by_role("button", name="Weiter").click()
    else:
        page.goto(f"/teilnehmen?code={code}")
    take_part = page.get_by_role("button", name="Mitmachen")
    expect(take_part).to_be_visible()
    if sector:
        page.get_by_role("group", name="Aus welchem Bereich kommen Sie? (freiwillig)") \
            .get_by_label(sector, exact=True).check()
    take_part.click()
    expect(page).to_have_url(TOKEN_URL)
    expect(page.locator(PARTICIPANT_MAIN)).to_be_attached()
    return token_of(page)


def open_participant(context: BrowserContext, token: str, query: str = "") -> Page:
    """A new tab on the participant's screen (a bookmark, the browser's history, a second tab)."""
    page = context.new_page()
    page.goto(f"/p/{token}{query}")
    expect(page.locator(PARTICIPANT_MAIN)).to_be_attached()
    return page


def step_heading(page: Page, name: str):
    """The screen's one ``<h1>``: the live step as the participant reads it."""
    return page.get_by_role("heading", level=1, name=name, exact=True)


def mark_not_reloaded(page: Page) -> None:
    """Mark the page (``window.__marker = 1``); ``assert_not_reloaded`` checks it is still there."""
    page.evaluate(MARK)


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate(MARKED), f"{page.url} was loaded again (the marker is gone)"


def phone_screenshot(page: Page, path) -> None:
    """The whole participant page once loaded (Playwright's screenshot waits for a painted frame
    itself; an animation-frame promise would never settle on a page with JavaScript off)."""
    page.wait_for_load_state("load")
    page.screenshot(path=path, full_page=True)


def no_horizontal_scroll(page: Page) -> None:
    """Nothing sticks out of the phone's width (no sideways scrolling)."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px at {page.viewport_size}"
