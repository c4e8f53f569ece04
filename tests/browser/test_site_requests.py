"""Loading a page asks the site only for what exists, and nothing leaves the machine.

Any request of the site that fails (status >= 400) fails the test: the autouse fixture
``stays_home`` (conftest.py) checks that after every browser test. Here each kind of page is
loaded until the network is idle, so that late requests are counted too.
"""

from __future__ import annotations

import pytest

from tests.browser._support import LANGS, prefix, site_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("where", ["", "protection/", "about/"], ids=["home", "protection", "about"])
@pytest.mark.parametrize("lang", LANGS)
def test_page_load_requests_nothing_missing(page, site_server, lang, where):
    page.goto(f"{site_server}{prefix(lang)}{where}", wait_until="networkidle")
    failed = page.local_failures.failed
    assert failed == [], f"loading /{prefix(lang)}{where} asked for missing files: {failed}"


@pytest.mark.parametrize("probe", [f"{site_url()}probe.png", "http://192.0.2.1/probe.png"], ids=["name", "address"])
def test_a_request_to_another_host_fails_and_is_counted(page, site_server, probe):
    """What ``stays_home`` counts is real: a request for another host, by name or by address,
    is recorded, and the browser never sends it (conftest.py's ``browser``)."""
    page.goto(site_server)
    with page.expect_event("requestfailed", lambda request: request.url == probe) as failed:
        page.evaluate("(url) => { new Image().src = url; }", probe)
    assert failed.value.failure == "net::ERR_PROXY_CONNECTION_FAILED"
    assert page.outside.blocked == [probe]
    page.outside.blocked.clear()
