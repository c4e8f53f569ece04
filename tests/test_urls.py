"""hooks.urls: the URL scheme of CONTRACT.md ("URLs") and relative links between site paths."""

from __future__ import annotations

import pytest

from hooks.urls import HOME, Scheme, relative

SITE = "https://example.org/a4p/"
ONLINE = Scheme(SITE, "zh")
OFFLINE = Scheme(SITE, "zh", directory_urls=False)


@pytest.mark.parametrize("scheme, language, key, path", [
    (ONLINE, "zh", HOME, ""),
    (ONLINE, "en", HOME, "en/"),
    (ONLINE, "zh", "politics", "politics/"),
    (ONLINE, "en", "politics", "en/politics/"),
    (ONLINE, "en", "about", "en/about/"),
    (OFFLINE, "zh", HOME, "index.html"),
    (OFFLINE, "en", HOME, "en/index.html"),
    (OFFLINE, "zh", "politics", "politics.html"),
    (OFFLINE, "en", "politics", "en/politics.html"),
])
def test_page(scheme, language, key, path):
    assert scheme.page(language, key) == path


@pytest.mark.parametrize("scheme, language, path", [
    (ONLINE, "zh", "women-peace-security/#para-8"),
    (ONLINE, "en", "en/women-peace-security/#para-8"),
    (OFFLINE, "zh", "women-peace-security.html#para-8"),
    (OFFLINE, "en", "en/women-peace-security.html#para-8"),
])
def test_paragraph(scheme, language, path):
    assert scheme.paragraph(language, "women-peace-security", 8) == path


@pytest.mark.parametrize("scheme, language, path", [
    (ONLINE, "zh", "para/24/"),
    (ONLINE, "en", "en/para/24/"),
    (OFFLINE, "zh", "para/24.html"),
    (OFFLINE, "en", "en/para/24.html"),
])
def test_short(scheme, language, path):
    assert scheme.short(language, 24) == path


@pytest.mark.parametrize("language, url", [
    ("zh", "https://example.org/a4p/politics/#para-4"),
    ("en", "https://example.org/a4p/en/politics/#para-4"),
])
def test_canonical_paragraph(language, url):
    assert ONLINE.canonical(ONLINE.paragraph(language, "politics", 4)) == url
    # the offline bundle cites the same online URL (CONTRACT.md)
    assert OFFLINE.canonical(OFFLINE.online().paragraph(language, "politics", 4)) == url


def test_offline_short_links_give_the_online_canonical_url(edition):
    """A short link in the offline bundle is a file, but its rel=canonical is the online URL."""
    from hooks.outputs import redirects

    link = next(r for r in redirects.short_links(edition, "en", OFFLINE) if r.path == "en/para/4.html")
    assert link.target == "en/politics.html#para-4"
    assert '<link rel="canonical" href="https://example.org/a4p/en/politics/#para-4">' in \
        redirects.page_html(link, OFFLINE)


@pytest.mark.parametrize("language, url", [("zh", SITE), ("en", SITE + "en/")])
def test_canonical_home(language, url):
    assert ONLINE.canonical(ONLINE.page(language, HOME)) == url


@pytest.mark.parametrize("path, file", [
    ("", "index.html"),
    ("en/", "en/index.html"),
    ("politics/#para-4", "politics/index.html"),
    ("en/politics.html#para-4", "en/politics.html"),
])
def test_file_of(path, file):
    assert ONLINE.file_of(path) == file


@pytest.mark.parametrize("here, there, link", [
    # directory URLs
    ("politics/", "protection/", "../protection/"),
    ("politics/", "politics/#para-4", "./#para-4"),
    ("politics/", "", "../"),
    ("", "politics/", "politics/"),
    ("", "en/", "en/"),
    ("en/", "", "../"),
    ("en/politics/", "politics/#para-4", "../../politics/#para-4"),
    ("politics/", "en/politics/#para-4", "../en/politics/#para-4"),
    ("en/para/4/", "en/politics/#para-4", "../../politics/#para-4"),
    ("en/politics/", "assets/a4p.css", "../../assets/a4p.css"),
    # .html files (the offline bundle)
    ("politics.html", "protection.html", "protection.html"),
    ("politics.html", "politics.html#para-4", "politics.html#para-4"),
    ("index.html", "en/index.html", "en/index.html"),
    ("en/index.html", "index.html", "../index.html"),
    ("en/politics.html", "politics.html#para-4", "../politics.html#para-4"),
    ("en/para/4.html", "en/politics.html#para-4", "../politics.html#para-4"),
    ("en/politics.html", "assets/a4p.css", "../assets/a4p.css"),
])
def test_relative(here, there, link):
    assert relative(here, there) == link


def test_relative_paths_are_what_posixpath_relpath_makes():
    """urls._relpath against the standard library, for every pair of a set of site paths."""
    import itertools
    import posixpath

    from hooks.urls import _relpath

    paths = [".", "en", "en/protection", "en/protection/x.html", "protection", "assets/search", "a/b/c",
             "a/b", "a/bc", "en/para/3", "fr/glossary", "en/protection/"]
    for target, start in itertools.product(paths, paths):
        assert _relpath(target, start) == posixpath.relpath(target, start.rstrip("/") or "."), (target, start)
