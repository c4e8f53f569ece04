"""The unzipped offline bundle (the session's ``bundle`` fixture), opened from disk (file://)
with every other request blocked.

Each test counts the requests that tried to leave the disk: the count must be 0 (checked after
every test by ``stays_home``, conftest.py). The search cases are those of test_search.py,
checked by hand against source/text.
"""

from __future__ import annotations

import pytest

from tests.browser._support import (
    assert_highlighted,
    assert_in_view,
    open_tab,
    prefix,
    site_url,
    switch_language,
)
from tests.browser.test_search import CASES, RESULT, case, check, paragraphs, search

pytestmark = pytest.mark.browser


@pytest.fixture
def disk(browser, bundle):
    """A fresh tab for the bundle; any request that is not for a file is blocked and counted."""
    context, tab = open_tab(browser, "file://", viewport={"width": 1280, "height": 800})
    tab.root = bundle.folder.as_uri() + "/"
    missing = []  # files of the bundle that a page asked for and could not get (not: cancelled)

    def failed(request):
        if request.url.startswith("file://") and request.failure != "net::ERR_ABORTED":
            missing.append(f"{request.url} ({request.failure})")

    tab.on("requestfailed", failed)
    yield tab
    context.close()
    assert missing == [], f"files the pages asked for in vain: {missing}"


def file_page(lang: str, slug: str) -> str:
    return f"{prefix(lang)}{slug}.html"


def test_the_counter_counts(disk):
    """A request to another host from a bundle page is blocked and counted (so 0 means 0)."""
    disk.goto(disk.root + "index.html")
    probe = f"{site_url()}probe.png"
    with disk.expect_event("requestfailed", lambda request: request.url == probe):
        disk.evaluate("(url) => { new Image().src = url; }", probe)
    assert disk.outside.blocked == [probe]
    disk.outside.blocked.clear()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_query_finds_the_paragraphs_offline(disk, case):
    disk.goto(disk.root + file_page(case.lang, "protection"))
    results = search(disk, case.query)
    check(case, results)
    for result in results:
        assert result["url"].startswith(disk.root) and ".html#" in result["url"]
    assert disk.outside.blocked == []


@pytest.mark.parametrize("lang, query", [("en", "保护平民"), ("zh", "protection")])
def test_results_come_only_from_the_page_language_offline(disk, lang, query):
    disk.goto(disk.root + file_page(lang, "index"))
    assert search(disk, query) == []


@pytest.mark.parametrize("lang, query", [("zh", "安全理事会"), ("en", "peacekeepers")])
def test_every_result_link_lands_on_its_paragraph_offline(disk, lang, query):
    disk.goto(disk.root + file_page(lang, "politics"))
    results = paragraphs(search(disk, query))
    # every paragraph the query finds (CASES, read off source/text by hand), none left out
    assert {r["n"] for r in results} == case(lang, query).exactly
    disk.locator(RESULT).first.click()
    disk.wait_for_url(results[0]["url"])
    assert_in_view(disk, results[0]["n"], whole=False)
    for expected in results[1:]:  # the others opened as a click would
        disk.goto(expected["url"])
        assert_in_view(disk, expected["n"], whole=False)
    assert disk.outside.blocked == []


@pytest.mark.parametrize("source, to", [("zh", "en"), ("en", "zh")])
def test_language_switch_keeps_the_paragraph_offline(disk, source, to):
    disk.goto(disk.root + file_page(source, "protection") + "#para-10")
    assert_in_view(disk, 10)
    switch_language(disk, to)
    disk.wait_for_url(disk.root + file_page(to, "protection") + "#para-10")
    m = assert_in_view(disk, 10)
    assert m["lang"] == to
    assert_highlighted(m)


def test_navigation_between_pages_offline(disk, edition):
    disk.goto(disk.root + "index.html")
    disk.locator(".md-sidebar--primary .md-nav__link", has_text=edition.strings["zh"]["pages.protection"]).first.click()
    disk.wait_for_url(disk.root + "protection.html")
    disk.locator(".md-footer__link--next").click()
    disk.wait_for_url(disk.root + "safety-security.html")
    disk.locator(".md-header a.md-logo").click()
    disk.wait_for_url(disk.root + "index.html")
    disk.goto(disk.root + "en/index.html")
    disk.locator(".md-content a", has_text=edition.strings["en"]["pages.conduct"]).first.click()
    disk.wait_for_url(disk.root + "en/conduct.html")
    assert disk.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("lang, n, slug", [("zh", 21, "conduct"), ("en", 9, "protection")])
def test_short_links_lead_to_the_paragraph_offline(disk, lang, n, slug):
    disk.goto(disk.root + prefix(lang) + f"para/{n}.html")
    disk.wait_for_url(disk.root + file_page(lang, slug) + f"#para-{n}")
    assert_in_view(disk, n)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_permalink_mark_gives_the_online_url_and_a_click_stays_on_disk(disk, lang):
    local = disk.root + file_page(lang, "performance")
    disk.goto(local)
    mark = disk.locator("#para-15 a.a4p-permalink")
    assert mark.get_attribute("href") == f"{site_url()}{prefix(lang)}performance/#para-15"
    mark.click()
    disk.wait_for_url(f"{local}#para-15")
    assert_in_view(disk, 15)


def test_glossary_tooltips_and_filter_offline(disk):
    disk.goto(disk.root + "en/protection.html")
    term = disk.locator("#para-9 a.a4p-term").first
    tip = disk.locator(f"#{term.get_attribute('aria-describedby')}")
    assert not tip.is_visible()
    term.hover()
    tip.wait_for(state="visible")
    href = term.get_attribute("href")
    assert href.startswith("glossary.html#term-")
    term.click()
    disk.wait_for_url(disk.root + "en/" + href)
    target = disk.locator(f"#{href.split('#')[1]}")
    assert target.is_visible()
    entries = disk.locator(".a4p-entry")
    total = entries.count()
    disk.fill("#a4p-filter", "caveat")
    disk.wait_for_function("document.querySelectorAll('.a4p-entry:not([hidden])').length < %d" % total)
    assert 0 < disk.locator(".a4p-entry:not([hidden])").count() < total


@pytest.mark.parametrize("lang, label", [("zh", "版本 {v}（{d}）"), ("en", "Version {v} ({d})")])
def test_footer_shows_the_version_offline(disk, bundle, lang, label):
    disk.goto(disk.root + file_page(lang, "index"))
    footer = disk.locator(".a4p-release")
    assert footer.is_visible()
    assert footer.inner_text() == label.format(v=bundle.release.version, d=bundle.release.date)
