"""Fixtures of the browser tests: headless Chromium, a tab on the served site, and the check,
after every test, that no tab left the site or asked it for something missing."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ModuleNotFoundError as missing:  # fail, never skip: a skipped browser test passes nothing
    raise ModuleNotFoundError(
        f"{missing.name} is not installed; the browser tests need Playwright: run 'make test'"
    ) from missing

from tests.browser._support import CLIPBOARD, Requests, open_tab

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, which reaches this machine only: every other address goes through a
    proxy on a port of this machine that is taken and never answers (a socket bound, not
    listening), so the request fails at once; loopback addresses never go through a proxy.
    ``open_tab`` counts such requests."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test', which installs Debian's chromium")
    with socket.socket() as closed, sync_playwright() as playwright:
        closed.bind(("127.0.0.1", 0))
        proxy = f"--proxy-server=http://127.0.0.1:{closed.getsockname()[1]}"
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, proxy])
        yield chromium
        chromium.close()


DESKTOP = {"width": 1280, "height": 800}
# What a test may not do to the shared tab of ``page``, as the reset does not undo it for the
# next test: listeners, scripts run at every load, functions exposed to the page, handlers,
# emulated media, extra headers. Such a test takes ``fresh_page``, a tab of its own.
LASTING = ("on", "once", "add_init_script", "expose_function", "expose_binding", "add_locator_handler",
           "emulate_media", "set_extra_http_headers")


class SharedTab:
    """One tab on the served site for the tests that take ``page``: opening a browser context
    for each of them (a new renderer) took more time than most of them. Between two tests it is
    made as new (``reset``), but for the browser's HTTP cache: the site's files do not change
    during a session. If the reset fails, the next test gets a new tab."""

    def __init__(self, browser, site: str):
        self.browser, self.site = browser, site
        self.context = self.tab = None

    def get(self):
        if self.tab is None:
            self.context, self.tab = open_tab(self.browser, self.site, viewport=DESKTOP)
            for name in LASTING:
                setattr(self.tab, name, _refused(name))
            self.cdp = self.tab.cdp or self.context.new_cdp_session(self.tab)
        self.tab.outside.blocked.clear()
        self.tab.local_failures.failed.clear()
        return self.tab

    def reset(self) -> None:
        """Routes the test set removed; about:blank, so that the next test's first address is a
        new document, as in a new tab; the site's storage (local, session, cookies, caches, a
        worker) cleared; the viewport back to 1280×800."""
        tab = self.tab
        try:
            tab.unroute_all(behavior="ignoreErrors")
            tab.goto("about:blank")
            self.cdp.send("Storage.clearDataForOrigin", {"origin": self.site.rstrip("/"), "storageTypes": "all"})
            self.context.clear_cookies()
            if tab.viewport_size != DESKTOP:
                tab.set_viewport_size(DESKTOP)
        except Exception:  # a test left the tab unusable (a dialog open, a crash): the next gets a new one
            self.close()
            raise

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        self.context = self.tab = None


def _refused(name: str):
    def refuse(*args, **kwargs):
        raise AssertionError(f"page.{name}() lasts beyond the test on the shared tab of 'page'; "
                             f"take the fixture 'fresh_page' (a tab of its own) instead")
    return refuse


@pytest.fixture(scope="session")
def shared_tab(browser, site_server):
    shared = SharedTab(browser, site_server)
    yield shared
    shared.close()


@pytest.fixture
def page(shared_tab):
    """A tab on the served site at 1280×800, as new: shared by the tests and reset after each
    (``SharedTab``). What the reset cannot undo (``LASTING``) is refused on it."""
    yield shared_tab.get()
    shared_tab.reset()


@pytest.fixture
def fresh_page(browser, site_server):
    """A new tab in a context of its own on the served site (see ``open_tab``), at 1280×800."""
    context, tab = open_tab(browser, site_server, viewport=DESKTOP)
    yield tab
    context.close()


@pytest.fixture
def clipboard_page(browser, site_server):
    """As ``fresh_page``, and the page may read and write the clipboard; ``.root`` is the site."""
    context, tab = open_tab(browser, site_server, viewport=DESKTOP, permissions=CLIPBOARD)
    tab.root = site_server
    yield tab
    context.close()


def _tabs(request) -> dict[str, object]:
    """The tabs among the test's fixtures: whatever ``open_tab`` made (``page``, ``touch_page``,
    ``disk`` ...), found by what it carries, so a new tab fixture is checked without a list."""
    return {name: value for name, value in request.node.funcargs.items()
            if isinstance(getattr(value, "outside", None), Requests)}


@pytest.fixture(autouse=True)
def stays_home(request):
    """Every browser test, every tab: no request to any other host, and no broken request of
    the site itself."""
    yield
    for name, tab in _tabs(request).items():
        assert tab.outside.blocked == [], f"{name}: requests to other hosts: {tab.outside.blocked}"
        assert tab.local_failures.failed == [], f"{name}: site resources that failed: {tab.local_failures.failed}"
