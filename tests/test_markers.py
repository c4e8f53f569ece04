"""The marker guard of tests/conftest.py: a test that needs a slow marker (``make check`` leaves
those out with -m) and lacks it fails before any fixture is made, naming the marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import conftest


class Item:
    """What the guard reads of a collected test."""

    def __init__(self, path: Path, fixtures: list[str], markers: list[str]):
        self.path, self.fixturenames, self.markers = path, fixtures, markers
        self.nodeid = f"{path.name}::test_x"
        self.stash = pytest.Stash()

    def get_closest_marker(self, name: str):
        return name if name in self.markers else None


HERE = Path(__file__)
IN_BROWSER = conftest.BROWSER_TESTS / "test_x.py"


@pytest.mark.parametrize("path, fixtures, markers, expected", [
    (IN_BROWSER, [], [], "test_x.py::test_x: found no marker 'browser'; expected pytest.mark.browser, "
                         "as it lies in tests/browser"),
    (HERE, ["browser"], [], "test_markers.py::test_x: found no marker 'browser'; expected pytest.mark.browser, "
                            "as it uses the fixture 'browser'"),
    (HERE, ["report"], ["browser"], "test_markers.py::test_x: found no marker 'htmlcheck'; expected "
                                    "pytest.mark.htmlcheck, as it uses the fixture 'report'"),
    (HERE, ["builds"], [], "test_markers.py::test_x: found no marker 'properdocs'; expected "
                           "pytest.mark.properdocs, as it uses the fixture 'builds'"),
], ids=["in-tests/browser", "browser", "report", "builds"])
def test_an_unmarked_test_fails_before_its_fixtures_naming_the_marker(path, fixtures, markers, expected):
    item = Item(path, fixtures, markers)
    conftest.pytest_collection_modifyitems([item])
    with pytest.raises(pytest.fail.Exception) as failed:
        conftest.pytest_runtest_setup(item)
    assert str(failed.value) == expected


@pytest.mark.parametrize("path, fixtures, markers", [
    (IN_BROWSER, ["browser"], ["browser"]),
    (HERE, ["report", "builds"], ["htmlcheck", "properdocs"]),
    (HERE, ["edition"], []),
], ids=["browser", "checker-and-properdocs", "fast"])
def test_a_marked_or_fast_test_runs(path, fixtures, markers):
    item = Item(path, fixtures, markers)
    conftest.pytest_collection_modifyitems([item])
    assert conftest.pytest_runtest_setup(item) is None


def test_in_a_real_session_the_unmarked_test_fails_before_its_fixture_is_made(pytester):
    """The guard's hooks in a session of their own: the fixture behind the marker is never
    set up, and the message names the test and the marker."""
    pytester.makeconftest('''
import pytest
from tests.conftest import pytest_collection_modifyitems, pytest_runtest_setup  # the guard as it is

@pytest.fixture
def browser():
    print("THE FIXTURE WAS MADE")
    yield
''')
    pytester.makepyfile(test_x="def test_x(browser):\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-s")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*test_x.py::test_x: found no marker 'browser'; expected pytest.mark.browser, "
                                 "as it uses the fixture 'browser'*"])
    result.stdout.no_fnmatch_line("*THE FIXTURE WAS MADE*")
