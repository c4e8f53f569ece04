"""The shared tab behind the fixture ``page`` (tests/browser/conftest.py): what one test leaves
in it is gone for the next, and what cannot be undone is refused."""

from __future__ import annotations

import pytest

from tests.browser._support import page_path
from tests.browser.conftest import LASTING

pytestmark = pytest.mark.browser

DIRTY = """() => {
  localStorage.setItem('a4p-left', '1');
  sessionStorage.setItem('a4p-left', '1');
  document.cookie = 'a4p-left=1; path=/';
}"""
LEFT = "() => [localStorage.getItem('a4p-left'), sessionStorage.getItem('a4p-left'), document.cookie]"


def test_a_test_leaves_nothing_for_the_next(shared_tab, site_server):
    url = site_server + page_path("en", "protection")
    try:
        tab = shared_tab.get()
        tab.goto(url)
        tab.evaluate(DIRTY)
        tab.route("**/assets/a4p.js", lambda route: route.abort())
        tab.set_viewport_size({"width": 390, "height": 844})
        assert tab.evaluate(LEFT) == ["1", "1", "a4p-left=1"]
        shared_tab.reset()

        tab = shared_tab.get()
        assert tab.url == "about:blank"  # the next address is a new document, never a fragment change
        assert tab.viewport_size == {"width": 1280, "height": 800}
        with tab.expect_response("**/assets/a4p.js") as answer:  # the route is gone
            tab.goto(url)
        assert answer.value.ok
        assert tab.evaluate(LEFT) == [None, None, ""]
    finally:  # clean for the next test, whatever failed here
        shared_tab.reset()


@pytest.mark.parametrize("name", LASTING)
def test_what_would_outlive_the_test_is_refused(page, name):
    with pytest.raises(AssertionError, match=f"page.{name}\\(\\) lasts beyond the test .* take the fixture 'fresh_page'"):
        getattr(page, name)("pageerror", print)
