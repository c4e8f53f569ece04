"""Fixtures of the browser tests: headless Chromium, a tab on the served site, and the check,
after every test, that no tab left the site or asked it for something missing."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ModuleNotFoundError as missing:  # fail, never skip: a skipped browser test passes nothing
    raise ModuleNotFoundError(
        f"{missing.name} is not installed; the browser tests need Playwright: run 'make test'"
    ) from missing

from tests.browser._support import Requests, open_tab

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test', which installs Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_server):
    """A fresh tab on the served site (see ``open_tab``)."""
    context, tab = open_tab(browser, site_server, viewport={"width": 1280, "height": 800})
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
