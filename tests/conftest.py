"""Shared fixtures: the sources, one strict build of the site, a static server, Chromium."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from hooks import sources
from scripts import build_site, release as releases, serve

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


def pytest_addoption(parser):
    parser.addoption("--update", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update")


@pytest.fixture(scope="session")
def layout() -> sources.Layout:
    return sources.Layout(SOURCE)


@pytest.fixture(scope="session")
def edition(layout):
    return sources.load_edition(layout)


@pytest.fixture
def src(tmp_path) -> Path:
    """A private copy of source/, to break one thing in."""
    return Path(shutil.copytree(SOURCE, tmp_path / "source"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The online site, built once per session with the real config (strict)."""
    out = tmp_path_factory.mktemp("build") / "site"
    assert build_site.build(ROOT / "mkdocs.yml", out, releases.release(ROOT)) == 0, "the strict build failed"
    return out


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site over HTTP, served as a static host does (404 pages included)."""
    server = serve.make_server(built_site, port=0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test', which installs Debian's chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Requests:
    """Every request a page made that left the site under test (blocked, and counted)."""

    def __init__(self, allowed_prefix: str):
        self.allowed_prefix = allowed_prefix
        self.blocked: list[str] = []

    def route(self, route):
        url = route.request.url
        if url.startswith(self.allowed_prefix) or url.startswith("data:") or url.startswith("about:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def open_tab(browser, allowed_prefix: str, **options):
    """A new context and page in it; requests outside ``allowed_prefix`` are blocked and
    recorded in ``page.outside``. Close the returned context when done."""
    context = browser.new_context(**options)
    requests = Requests(allowed_prefix)
    context.route("**/*", requests.route)
    tab = context.new_page()
    tab.outside = requests
    return context, tab


@pytest.fixture
def page(browser, site_server):
    """A fresh page; any request to another host is blocked and recorded in ``page.outside``."""
    context, tab = open_tab(browser, site_server, viewport={"width": 1280, "height": 800})
    yield tab
    context.close()
