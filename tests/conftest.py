"""Shared fixtures: the sources, one strict build of the site, a static server, the offline bundle.

The browser and its tabs are fixtures of the browser tests only (tests/browser/conftest.py).
"""

from __future__ import annotations

import re
import select
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from hooks.edition import load
from scripts import build_site, offline, processes, release as releases

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"


# The slow kinds of test, by the fixture that does the slow work and the marker of pytest.ini
# that `make check` leaves out with -m: a test using the fixture must carry the marker, and every
# test under tests/browser is a browser test, or `make check` would start Chromium, the checker
# or ProperDocs through a forgotten marker.
SLOW_FIXTURES = {"browser": "browser", "report": "htmlcheck", "builds": "properdocs"}
BROWSER_TESTS = ROOT / "tests" / "browser"


def pytest_addoption(parser):
    parser.addoption("--update", action="store_true", help="rewrite golden files from the current output")


UNMARKED = pytest.StashKey[str]()  # on a test that lacks a marker it needs: the message


@pytest.hookimpl(tryfirst=True)  # before -m deselects: an unmarked test is kept in make check too
def pytest_collection_modifyitems(items):
    for item in items:
        reasons = {marker: f"it uses the fixture '{fixture}'"
                   for fixture, marker in SLOW_FIXTURES.items() if fixture in item.fixturenames}
        if item.path.resolve().is_relative_to(BROWSER_TESTS):
            reasons["browser"] = "it lies in tests/browser"
        unmarked = [f"{item.nodeid}: found no marker '{marker}'; expected pytest.mark.{marker}, as {reason}"
                    for marker, reason in sorted(reasons.items()) if item.get_closest_marker(marker) is None]
        if unmarked:
            item.stash[UNMARKED] = "\n".join(unmarked)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A test that lacks its marker fails before any fixture is made (no browser is started),
    with the message. Not a stop of the collection: a worker process (make test's -n) cannot
    pass that on, and would fail with an internal error that names nothing."""
    if UNMARKED in item.stash:
        pytest.fail(item.stash[UNMARKED], pytrace=False)


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update")


@pytest.fixture(scope="session")
def layout() -> load.Layout:
    return load.Layout(SOURCE)


@pytest.fixture(scope="session")
def edition(layout):
    return load.load_edition(layout)


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


START_WAIT = 60  # seconds for scripts/serve.py to say where it serves
SERVING = re.compile(r"^Serving .* at (http://127\.0\.0\.1:\d+/) ")  # the line scripts/serve.py prints


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site over HTTP, served as a static host does (404 pages included), by
    scripts/serve.py in a process of its own: in a thread of the tests' process it took turns
    with them for the interpreter, and every page of the browser tests waited on that."""
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(built_site),
                                "--port", "0", "--quiet"], stdout=subprocess.PIPE, text=True)
    ready, _, _ = select.select([process.stdout], [], [], START_WAIT)  # never wait for ever
    line = process.stdout.readline() if ready else ""
    started = SERVING.match(line)
    if started is None:
        processes.stop(process)
        process.stdout.close()
        pytest.fail(f"scripts/serve.py did not start within {START_WAIT} s: found {line!r}; "
                    "expected 'Serving … at http://127.0.0.1:PORT/'")
    yield started.group(1)
    processes.stop(process)
    process.stdout.close()


@dataclass(frozen=True)
class Bundle:
    dist: Path  # what `make offline` writes: the zip and SHA256SUMS
    zip: Path
    folder: Path  # the zip, unzipped
    release: releases.Release


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Bundle:
    """The offline bundle (scripts/offline.py), made once per session and unzipped."""
    where = tmp_path_factory.mktemp("offline")
    target = offline.make(where / "dist")
    folder = where / "unzipped"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(folder)
    return Bundle(where / "dist", target, folder, releases.release())
