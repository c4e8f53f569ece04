"""The language switch (overrides/partials/alternate.html, assets/a4p-links.js) between any two of
the six languages (issue 7 §3): it offers all six, each named in its own language and script,
and keeps the page and #para-N both ways.

Every ordered pair is checked by its link's address (one page load per language: the link
carries the fragment before any click); one real click per direction shows a link is followed
as addressed, to and from right-to-left Arabic.
"""

from __future__ import annotations

import unicodedata

import pytest

from tests.browser._support import LANGS, arrive, assert_in_view, page_path, switch_language

pytestmark = pytest.mark.browser

SLUG, N = "protection", 10
# The script each language's name is written in, as Unicode names its letters.
SCRIPTS = {"zh": "CJK", "en": "LATIN", "fr": "LATIN", "es": "LATIN", "ru": "CYRILLIC", "ar": "ARABIC"}
READ = """as => as.map(a => ({code: a.hreflang, href: a.href, name: a.textContent.trim(),
                              lang: a.lang, dir: a.dir, current: a.getAttribute('aria-current')}))"""


def script_of(name: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in name if ch.isalpha()}


def test_the_scripts_cover_every_language():
    assert set(SCRIPTS) == set(LANGS)
    assert script_of("Русский") == {"CYRILLIC"} and script_of("中文") == {"CJK"}


@pytest.mark.parametrize("source", LANGS)
def test_every_language_link_keeps_page_and_paragraph(page, site_server, edition, source):
    page.goto(f"{site_server}{page_path(source, SLUG)}#para-{N}")
    page.wait_for_function("() => document.readyState === 'complete'")
    links = page.eval_on_selector_all(".md-header a.a4p-alternate", READ)
    assert [link["code"] for link in links] == LANGS, "the switch offers every language, in order"
    for link in links:
        lang = edition.language(link["code"])
        assert link["href"] == f"{site_server}{page_path(lang.code, SLUG)}#para-{N}", f"{source} -> {lang.code}"
        assert link["name"] == lang.name, f"{source}: the name of {lang.code}"
        assert script_of(link["name"]) == {SCRIPTS[lang.code]}, f"{lang.code}: {link['name']}"
        assert (link["lang"], link["dir"]) == (lang.code, lang.dir), f"{source} -> {lang.code}"
        assert link["current"] == ("true" if lang.code == source else None), f"{source} -> {lang.code}"


@pytest.mark.parametrize("source,to", [("zh", "ar"), ("ar", "en")], ids=["zh-to-ar", "ar-to-en"])
def test_a_click_on_the_switch_arrives_at_the_same_paragraph(page, site_server, source, to):
    page.goto(f"{site_server}{page_path(source, SLUG)}#para-{N}")
    assert_in_view(page, N)
    switch_language(page, to)
    arrive(page, f"{site_server}{page_path(to, SLUG)}#para-{N}")
    m = assert_in_view(page, N)
    assert m["lang"] == to
    assert page.evaluate("document.documentElement.dir") == ("rtl" if to == "ar" else "ltr")
