"""Short links (/para/N/, /{lang}/para/N/), the 404 pages and the guessed /zh/ aliases.

Short links and aliases are plain redirect pages (hooks/outputs/redirects.py); a missing path gets the
404 page of its language (scripts/serve.py, as a static host does).
"""

from __future__ import annotations

import pytest

from hooks.urls import HOME

from tests.browser._support import (
    LANGS,
    assert_highlighted,
    arrive,
    assert_in_view,
    page_path,
    prefix,
    switch_language,
)

pytestmark = pytest.mark.browser

PARAGRAPHS = 24  # CONTRACT.md: 24 numbered paragraphs (checked against structure.yml below)


def test_the_structure_has_the_paragraphs_tested_here(edition):
    assert edition.structure.paragraph_count == PARAGRAPHS


# Every short link of a language in one test, one after another in the same tab: each is a new
# document (a redirect, then the text page), so nothing carries over, and the tab's reset
# between tests, which cost more than a short link itself, happens once per language.
@pytest.mark.parametrize("lang", LANGS)
def test_every_short_link_arrives_at_its_canonical_paragraph(page, site_server, edition, lang):
    for n in range(1, PARAGRAPHS + 1):
        slug = edition.structure.page_of(n).slug
        page.goto(f"{site_server}{prefix(lang)}para/{n}/")
        arrive(page, f"{site_server}{page_path(lang, slug)}#para-{n}")
        m = assert_in_view(page, n)
        assert m["lang"] == lang, f"para/{n}/"
        if len(edition.structure.page_of(n).numbers) > 1:
            assert_highlighted(m)


def _not_found_checks(page, edition, lang, response):
    assert response is not None
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").first.inner_text().strip() == edition.strings[lang]["not_found.title"]
    # served at any depth, it is still styled (its assets load: see stays_home in conftest.py)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


@pytest.mark.parametrize("lang", LANGS)
def test_short_link_past_the_last_paragraph_is_404(page, site_server, edition, lang):
    response = page.goto(f"{site_server}{prefix(lang)}para/{PARAGRAPHS + 1}/")
    _not_found_checks(page, edition, lang, response)


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_links_lead_to_its_language(page, site_server, edition, lang):
    page.goto(f"{site_server}{prefix(lang)}para/{PARAGRAPHS + 1}/")
    hrefs = page.eval_on_selector_all(".a4p-not-found a", "as => as.map(a => a.href)")
    expected = [f"{site_server}{prefix(lang)}" if key == HOME else f"{site_server}{page_path(lang, key)}"
                for key in edition.page_keys]
    assert hrefs == expected
    page.locator(".a4p-not-found a").nth(4).click()  # a text page, from a deep 404
    page.wait_for_url(expected[4])
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_language_links_lead_to_each_language_home(page, site_server, edition, lang):
    """The header's language links (a.a4p-alternate) of a deep 404 page: one per language, each
    to that language's home (the missing page has no equivalent), this language's marked
    current; a click lands there."""
    page.goto(f"{site_server}{prefix(lang)}para/{PARAGRAPHS + 1}/")
    links = page.eval_on_selector_all(
        ".md-header a.a4p-alternate",
        "as => as.map(a => [a.hreflang, a.href, a.getAttribute('aria-current')])")
    assert links == [[code, f"{site_server}{prefix(code)}", "true" if code == lang else None] for code in LANGS]
    other = next(code for code in LANGS if code != lang)
    switch_language(page, other)
    page.wait_for_url(f"{site_server}{prefix(other)}")
    assert page.evaluate("document.documentElement.lang") == other


def test_unknown_path_under_zh_is_the_chinese_404(page, site_server, edition):
    response = page.goto(f"{site_server}zh/para/{PARAGRAPHS + 1}/")
    _not_found_checks(page, edition, "zh", response)


def test_zh_home_alias(page, site_server):
    page.goto(f"{site_server}zh/")
    page.wait_for_url(site_server)
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert page.locator(".a4p-home").count() == 1


def test_zh_page_alias(page, site_server):
    page.goto(f"{site_server}zh/protection/")
    page.wait_for_url(f"{site_server}protection/")
    assert page.locator("#para-10").count() == 1


@pytest.mark.parametrize("path,fragment", [("protection/", "#para-10"), ("glossary/", "#term-mandates"),
                                           ("", "#main")])
def test_zh_page_alias_keeps_the_fragment(page, site_server, path, fragment):
    """A guessed /zh/ address with a fragment lands on the same place at the root, as a short
    link does (the alias's script, assets/a4p-redirect.js)."""
    page.goto(f"{site_server}zh/{path}{fragment}")
    arrive(page, f"{site_server}{path}{fragment}")
    if fragment.startswith("#para-"):
        assert_highlighted(assert_in_view(page, int(fragment.removeprefix("#para-"))))


def test_zh_short_link_alias(page, site_server, edition):
    slug = edition.structure.page_of(10).slug
    page.goto(f"{site_server}zh/para/10/")
    arrive(page, f"{site_server}{slug}/#para-10")
    assert_highlighted(assert_in_view(page, 10))


def test_every_zh_page_alias(page, site_server, edition):
    for slug in list(edition.structure.slugs) + ["about"]:
        page.goto(f"{site_server}zh/{slug}/")
        page.wait_for_url(f"{site_server}{slug}/")
        assert page.evaluate("document.documentElement.lang") == "zh"


def test_every_zh_short_link_alias(page, site_server, edition):
    for n in range(1, PARAGRAPHS + 1):
        slug = edition.structure.page_of(n).slug
        page.goto(f"{site_server}zh/para/{n}/")
        arrive(page, f"{site_server}{slug}/#para-{n}")
        assert_in_view(page, n)
