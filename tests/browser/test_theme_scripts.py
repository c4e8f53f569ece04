"""Material's two inline scripts, moved to files by overrides/base.html (assets/a4p-theme-scope.js
and a4p-theme-target.js): the scope Material keeps its state under is the site's root from any
page's depth, a 404 page and the offline bundle alike, as Material's inline script made it; and
Material's bundle runs after it with no error."""

from __future__ import annotations

import pytest

from tests.browser._support import page_path
from tests.browser.test_offline import disk, file_page  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser


@pytest.fixture
def page(fresh_page):
    """A tab of its own for every test here: they listen to the page (errors, dialogs), which
    the shared tab refuses."""
    return fresh_page


STATE = "() => [String(__md_scope), document.documentElement.classList.contains('js'), typeof __md_get]"


@pytest.mark.parametrize("path", ["", page_path("ar", "protection"), page_path("en", "glossary"),
                                  "en/para/99/", "no/such/page/"])
def test_the_scope_is_the_site_root_at_any_depth(page, site_server, path):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server + path)
    page.wait_for_function("() => document.readyState === 'complete'")
    assert page.evaluate(STATE) == [site_server, True, "function"]
    assert errors == []


def test_material_keeps_state_under_the_scope(page, site_server):
    """__md_set/__md_get, as Material's bundle calls them, store under the site's path."""
    page.goto(site_server + page_path("fr", "protection"))
    page.evaluate("() => __md_set('a4p-test', {x: 1})")
    assert page.evaluate("() => localStorage.getItem('/.a4p-test')") == '{"x":1}'
    page.goto(site_server)
    assert page.evaluate("() => __md_get('a4p-test')") == {"x": 1}


@pytest.mark.parametrize("lang", ["zh", "ar"])
def test_the_scope_is_the_bundle_root_on_disk(disk, lang):
    disk.goto(disk.root + file_page(lang, "protection"))
    disk.wait_for_function("() => document.readyState === 'complete'")
    assert disk.evaluate(STATE) == [disk.root, True, "function"]
