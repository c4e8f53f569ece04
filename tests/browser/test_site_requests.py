"""Loading a page asks the site only for what exists.

Any request of the site that fails (status >= 400) fails the test: the autouse fixture
``stays_home`` (conftest.py) checks that after every browser test. Here each kind of page is
loaded until the network is idle, so that late requests are counted too.
"""

from __future__ import annotations

import pytest

from tests.browser._support import LANGS, prefix

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("where", ["", "protection/", "about/"], ids=["home", "protection", "about"])
@pytest.mark.parametrize("lang", LANGS)
def test_page_load_requests_nothing_missing(page, site_server, lang, where):
    page.goto(f"{site_server}{prefix(lang)}{where}", wait_until="networkidle")
    failed = page.local_failures.failed
    assert failed == [], f"loading /{prefix(lang)}{where} asked for missing files: {failed}"
