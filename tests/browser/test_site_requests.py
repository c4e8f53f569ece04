"""Loading a page asks the site only for what exists.

Material's language integration fetches ``sitemap.xml`` next to every ``<link rel=alternate>``
of the page; those fetches must not fail (or must not be made). A failed fetch is also what
later hijacks clicks on links into the other language (see test_permalinks.py).
"""

from __future__ import annotations

import pytest

from tests.browser._support import (
    LANGS,
    prefix,
    stays_home,  # noqa: F401 - autouse fixture: no request leaves the site
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("where", ["", "protection/", "about/"], ids=["home", "protection", "about"])
@pytest.mark.parametrize("lang", LANGS)
def test_page_load_requests_nothing_missing(page, site_server, lang, where):
    page.goto(f"{site_server}{prefix(lang)}{where}", wait_until="networkidle")
    failed = page.local_failures.failed + page.local_failures.sitemaps
    assert failed == [], f"loading /{prefix(lang)}{where} asked for missing files: {failed}"
