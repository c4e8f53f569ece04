"""hooks/pages/colophon.py: what identifies a printout, in the page's language."""

from __future__ import annotations

import pytest

from hooks.pages.colophon import colophon_html
from hooks.provenance import Provenance
from tests.browser._support import LANGS
from tests.htmltext import Page
from tests.pages.contexts import SITE, context

RELEASE = Provenance("v9.8", "2031-02-03")


def render(edition, derived, code: str, key: str, provenance=RELEASE, directory_urls=True) -> str:
    ctx = context(edition, derived, code, key, directory_urls=directory_urls, provenance=provenance)
    # an id around it, to read its text with the contract's reader
    return f'<div id="c">{colophon_html(ctx, key)}</div>'


def text(html: str) -> str:
    return Page(html).words("c")


@pytest.mark.parametrize("code", LANGS)
def test_title_language_status_version_url_and_notice(edition, derived, code):
    strings = edition.strings[code]
    words = text(render(edition, derived, code, "protection"))
    status = strings["full-text.source"] if code == edition.source.code else strings["full-text.translation"]
    other = strings["full-text.translation"] if code == edition.source.code else strings["full-text.source"]
    folder = "" if code == edition.source.code else f"{code}/"
    for expected in (strings["site_name"], edition.language(code).name, status, "v9.8", "2031-02-03",
                     f"{SITE}{folder}protection/", strings["footer.notice"], strings["footer.authentic"],
                     strings["footer.authentic_url"]):
        assert expected in words, f"{code}: {expected!r} missing from {words!r}"
    assert other not in words


@pytest.mark.parametrize("key", ["index", "full-text", "glossary"])
def test_the_url_is_the_pages_online_one_in_the_bundle_too(edition, derived, key):
    words = text(render(edition, derived, "fr", key, directory_urls=False))
    expected = f"{SITE}fr/" if key == "index" else f"{SITE}fr/{key}/"
    assert expected in words and ".html" not in words


def test_no_version_when_the_build_was_given_none(edition, derived):
    html = render(edition, derived, "en", "about", provenance=Provenance())
    release = edition.strings["en"]["footer.release"].split("{", 1)[0].strip()
    assert release not in text(html)
    assert "None" not in html


def test_urls_keep_their_direction_in_arabic(edition, derived):
    page = Page(render(edition, derived, "ar", "protection"))
    spans = [tag for tag in page.find("span", dir="ltr")]
    assert len(spans) == 2  # the page's URL and the authentic texts' URL


def test_words_from_the_strings_stay_text(edition, derived):
    strings = dict(edition.strings["en"])
    strings["site_name"] = "<b>Bold</b> & co"
    changed = type(edition.strings["en"])(strings)
    patched = edition.__class__(**{**edition.__dict__, "strings": {**edition.strings, "en": changed}})
    html = render(patched, derived, "en", "protection")
    assert "<b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html
