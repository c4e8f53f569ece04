"""Permalinks in the browser: #para-N lands on the paragraph, the ¶ mark, the language switch.

Both languages: Chinese (the source) at the site root, English under /en/ (CONTRACT.md).
"""

from __future__ import annotations

import pytest

from tests.browser._support import (
    LANGS,
    assert_highlighted,
    arrive,
    assert_in_view,
    canonical,
    page_path,
    switch_language,
)

pytestmark = pytest.mark.browser

# Paragraphs far down their page (the last one of a multi-paragraph page).
FAR_DOWN = [("protection", 10), ("performance", 15)]

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    # small enough that every one of FAR_DOWN needs scrolling to be seen
    "short": {"width": 1280, "height": 450},
    "phone": {"width": 375, "height": 667},
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("slug,n", FAR_DOWN)
@pytest.mark.parametrize("lang", LANGS)
def test_fragment_scrolls_to_paragraph_and_highlights_it(page, site_server, lang, slug, n, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{site_server}{page_path(lang, slug)}#para-{n}")
    m = assert_in_view(page, n, whole=viewport != "phone")
    assert m["lang"] == lang
    if viewport != "desktop":
        assert m["scrollY"] > 0, f"the page did not scroll to #para-{n}: {m}"
    assert_highlighted(m)


@pytest.mark.parametrize("lang", LANGS)
def test_no_fragment_no_highlight(page, site_server, lang):
    page.goto(f"{site_server}{page_path(lang, 'protection')}")
    assert page.evaluate("document.querySelectorAll('.a4p-para:target').length") == 0
    assert page.evaluate("window.scrollY") == 0


@pytest.mark.parametrize("slug,n", FAR_DOWN)
@pytest.mark.parametrize("lang", LANGS)
def test_clicking_permalink_mark_stays_on_site(page, site_server, lang, slug, n):
    local = f"{site_server}{page_path(lang, slug)}"
    page.goto(local)
    mark = page.locator(f"#para-{n} a.a4p-permalink")
    assert mark.count() == 1
    # "copy link address" gives the canonical online URL ...
    assert mark.get_attribute("href") == canonical(lang, slug, n)
    # ... while a click stays here, on the same paragraph.
    mark.click()
    page.wait_for_url(f"{local}#para-{n}")
    assert page.url == f"{local}#para-{n}"
    m = assert_in_view(page, n)
    assert_highlighted(m)


@pytest.mark.parametrize("lang", LANGS)
def test_clicking_permalink_mark_of_another_paragraph_moves_the_target(page, site_server, lang):
    local = f"{site_server}{page_path(lang, 'performance')}"
    page.goto(f"{local}#para-15")
    assert_in_view(page, 15)
    page.locator("#para-13 a.a4p-permalink").click()
    page.wait_for_url(f"{local}#para-13")
    assert_in_view(page, 13)
    assert page.evaluate("[...document.querySelectorAll('.a4p-para:target')].map(e => e.id)") == ["para-13"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_permalink_mark_on_every_text_page(page, site_server, edition, lang):
    """Each ¶ mark: href is the canonical URL, the click target (data-local) is this page + #para-N."""
    for spec in edition.structure.pages:
        local = f"{site_server}{page_path(lang, spec.slug)}"
        page.goto(local)
        marks = page.evaluate(
            """() => [...document.querySelectorAll('.a4p-para')].map((p) => {
                const m = p.querySelectorAll('a.a4p-permalink');
                return {id: p.id, count: m.length,
                        href: m.length ? m[0].getAttribute('href') : null,
                        local: m.length ? new URL(m[0].getAttribute('data-local'), location.href).href : null};
            })"""
        )
        assert [m["id"] for m in marks] == [f"para-{n}" for n in spec.numbers], spec.slug
        for m, n in zip(marks, spec.numbers):
            assert m["count"] == 1, f"{spec.slug} #para-{n}: {m['count']} permalink marks"
            assert m["href"] == canonical(lang, spec.slug, n), f"{spec.slug} #para-{n}"
            assert m["local"] == f"{local}#para-{n}", f"{spec.slug} #para-{n}"


SWITCHES = [("en", "zh"), ("zh", "en")]


@pytest.mark.parametrize("source,to", SWITCHES, ids=[f"{a}-to-{b}" for a, b in SWITCHES])
def test_language_switch_keeps_the_paragraph(page, site_server, source, to):
    page.goto(f"{site_server}{page_path(source, 'protection')}#para-10")
    assert_in_view(page, 10)
    switch_language(page, to)
    arrive(page, f"{site_server}{page_path(to, 'protection')}#para-10")
    m = assert_in_view(page, 10)
    assert m["lang"] == to
    assert_highlighted(m)


@pytest.mark.parametrize("source,to", SWITCHES, ids=[f"{a}-to-{b}" for a, b in SWITCHES])
def test_language_switch_after_clicking_a_permalink_mark(page, site_server, source, to):
    """The place a reader reached by clicking ¶ (not by opening a URL) is carried across too."""
    page.set_viewport_size(VIEWPORTS["short"])
    page.goto(f"{site_server}{page_path(source, 'performance')}")
    page.locator("#para-15 a.a4p-permalink").click()
    page.wait_for_url(f"{site_server}{page_path(source, 'performance')}#para-15")
    switch_language(page, to)
    arrive(page, f"{site_server}{page_path(to, 'performance')}#para-15")
    assert_in_view(page, 15)


@pytest.mark.parametrize("lang", LANGS)
def test_language_links_carry_the_fragment_before_any_click(page, site_server, lang):
    """Opened in a new tab or copied, a language link already names the paragraph: the links'
    addresses carry the fragment on arrival, and follow it when it changes (a permalink mark)."""
    local = f"{site_server}{page_path(lang, 'protection')}"
    page.goto(f"{local}#para-10")
    expected = {code: f"{site_server}{page_path(code, 'protection')}" for code in LANGS}
    read = "as => Object.fromEntries(as.map(a => [a.hreflang, a.href]))"
    page.wait_for_function("() => document.readyState === 'complete'")
    assert page.eval_on_selector_all("a.a4p-alternate", read) == {c: f"{u}#para-10" for c, u in expected.items()}
    page.locator("#para-9 a.a4p-permalink").click()
    page.wait_for_url(f"{local}#para-9")
    page.wait_for_function("() => [...document.querySelectorAll('a.a4p-alternate')].every("
                           "a => a.href.endsWith('#para-9'))", timeout=2000)
    assert page.eval_on_selector_all("a.a4p-alternate", read) == {c: f"{u}#para-9" for c, u in expected.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_without_fragment(page, site_server, lang):
    to = "en" if lang == "zh" else "zh"
    page.goto(f"{site_server}{page_path(lang, 'protection')}")
    switch_language(page, to)
    arrive(page, f"{site_server}{page_path(to, 'protection')}")
    assert page.evaluate("document.documentElement.lang") == to


def test_original_link_of_a_translated_paragraph_keeps_the_place(page, site_server):
    """The '中文原文' link beside an English paragraph leads to the Chinese paragraph."""
    page.goto(f"{site_server}{page_path('en', 'protection')}#para-10")
    link = page.locator("#para-10 a.a4p-para__original")
    assert link.get_attribute("hreflang") == "zh"
    link.click()
    arrive(page, f"{site_server}{page_path('zh', 'protection')}#para-10")
    assert_in_view(page, 10)
