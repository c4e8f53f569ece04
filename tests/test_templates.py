"""The theme overrides (overrides/**) escape everything that comes from source/.

A copy of the repository whose interface strings and a language's name hold markup, quotes
and entities is built, and every page is parsed: they appear as text, never as elements or
attributes. What the overrides print from source/: the site and page names (base.html,
header, navigation), each language's name (partials/alternate.html), the 404 page's text
(404.html, built by hooks/pages/not_found.py), the footer's notice, link and release line
(partials/copyright.html, whose right-to-left branch marks up the version and date), and the
search box's strings (partials/search.html, as JSON in an attribute). The page title that
partials/content.html prints when a page has no heading of its own (no page of the edition is
so) is rendered alone in the theme's own Jinja environment, as is the footer's link with a URL
the build's own check would refuse, to show the template never makes a link of it.
"""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from scripts.bench import copy_tree
from tests.htmltext import Page
from tests.sourcecopy import edit

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_NAME = "A4P <img src=x onerror=alert(1)>"
QUOTED_NAME = 'The "A4P" Declaration'
HOSTILE_PAGE = "Protection <script>alert(2)</script><b>bold</b>"
# a language's name (source/languages.yml), the 404 page's heading, a search string, the
# right-to-left footer's release line: markup, a quote that closes an attribute, an entity
HOSTILE_LANGUAGE = 'English <img src=x onerror=alert(3)>"><script>alert(3)</script> &amp;'
HOSTILE_NOT_FOUND = 'Page not found "><script>alert(4)</script><img src=x onerror=alert(4)> &amp;'
HOSTILE_SEARCH = "Search ' \"</script><img src=x onerror=alert(5)> &amp;"
HOSTILE_RELEASE = '<b>الإصدار</b> {version} "({date})" &amp; <img src=x onerror=alert(6)>'
# a stemmer's script (source/search.yml), named on the search form: a quote, markup, an entity
STEMMER = "assets/vendor/wink-porter2-stemmer/wink-porter2-stemmer.js"
HOSTILE_STEMMER = 'assets/vendor/x" onmouseover="alert(7)"><img src=x onerror=alert(7)> &amp;.js'
RELEASE = {"A4P_VERSION": "1.2-3-gab12cd", "A4P_BUILD_DATE": "2026-01-02"}
# what an HTML attribute name of these pages may look like; a name made of the pieces of a
# broken quoted value ('a4p"', 'declaration"') is not one
ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9_:.-]*")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, edition) -> Path:
    """The site built from source/ with markup in the English site name and page name,
    and double quotes in the source language's site name."""
    repo = copy_tree(tmp_path_factory.mktemp("hostile") / "repo")
    i18n = repo / "source" / "i18n"
    source = edition.source.code
    edit(i18n / "en.yml", f'site_name: "{edition.strings["en"]["site_name"]}"',
         f"site_name: '{HOSTILE_NAME}'")
    edit(i18n / "en.yml", f"  protection: {edition.strings['en']['pages.protection']}\n",
         f"  protection: '{HOSTILE_PAGE}'\n")
    edit(i18n / f"{source}.yml", f"site_name: {edition.strings[source]['site_name']}\n", f"site_name: '{QUOTED_NAME}'\n")
    edit(repo / "source" / "languages.yml", "  - code: en\n    name: English\n",
         f"  - code: en\n    name: {json.dumps(HOSTILE_LANGUAGE)}\n")
    edit(i18n / "en.yml", f"  title: {edition.strings['en']['not_found.title']}\n",
         f"  title: {json.dumps(HOSTILE_NOT_FOUND)}\n")
    edit(i18n / "en.yml", f"  placeholder: {edition.strings['en']['search.placeholder']}\n",
         f"  placeholder: {json.dumps(HOSTILE_SEARCH)}\n")
    edit(i18n / "ar.yml", f"  release: {edition.strings['ar']['footer.release']}\n",
         f"  release: {json.dumps(HOSTILE_RELEASE, ensure_ascii=False)}\n")
    edit(repo / "source" / "search.yml", f"script: {STEMMER}\n", f"script: {json.dumps(HOSTILE_STEMMER)}\n")
    result = subprocess.run([sys.executable, "scripts/build_site.py", "--out", str(repo / "site")], cwd=repo,
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **RELEASE))
    assert result.returncode == 0, result.stderr
    return repo / "site"


def _pages(site: Path) -> list[tuple[str, str]]:
    return [(p.relative_to(site).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))]


def test_markup_from_the_strings_never_becomes_markup(hostile_site):
    pages = _pages(hostile_site)
    assert len(pages) > 2
    for name, html in pages:
        page = Page(html)
        assert [a for t, a in page.tags if t == "img" and "onerror" in a] == [], name
        assert [t for t, _ in page.tags if t == "b"] == [], name
        assert "<script>alert(" not in html, name
        odd = sorted({k for _, a in page.tags for k in a if not ATTRIBUTE_NAME.fullmatch(k)})
        assert odd == [], f"{name}: attributes broken by a quote: {odd}"


def test_the_strings_are_shown_as_text(hostile_site):
    """Escaped, not dropped: the header of an English page shows the site name as written,
    its title and navigation the page's name; the quoted name is whole in its attributes."""
    html = (hostile_site / "en" / "protection" / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    assert HOSTILE_NAME in html.replace("&lt;", "<").replace("&gt;", ">")
    logo = [a for t, a in page.tags if t == "a" and "md-logo" in a.get("class", "")]
    assert logo and {a["aria-label"] for a in logo} == {HOSTILE_NAME}
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "&lt;script&gt;" in title
    home = Page((hostile_site / "index.html").read_text(encoding="utf-8"))
    labels = [a.get("aria-label") for t, a in home.tags if t == "a" and "md-logo" in a.get("class", "")]
    assert labels and set(labels) == {QUOTED_NAME}


def _texts(html: str, pattern: str) -> list[str]:
    """The text of each element whose start tag matches ``pattern`` (up to its end tag, no
    nested element of the same name), entities decoded."""
    return [htmllib.unescape(inner).strip() for inner in re.findall(pattern, html, re.S)]


def test_a_language_name_is_text_in_the_language_switch(hostile_site):
    """partials/alternate.html: the English name as written, on every page of every language."""
    for name, html in _pages(hostile_site):
        if "a4p-alternate" not in html:
            continue
        names = _texts(html, r'<a [^>]*hreflang="en"[^>]*class="md-select__link a4p-alternate"[^>]*>(.*?)</a>')
        assert names == [HOSTILE_LANGUAGE], (name, names)


def test_the_404_heading_is_text(hostile_site):
    html = (hostile_site / "en" / "404.html").read_text(encoding="utf-8")
    assert _texts(html, r'<h1 id="heading">(.*?)</h1>') == [HOSTILE_NOT_FOUND]


def test_the_search_strings_are_whole_json_in_their_attribute(hostile_site):
    page = Page((hostile_site / "en" / "protection" / "index.html").read_text(encoding="utf-8"))
    [form] = [a for t, a in page.tags if t == "form" and "data-a4p-search" in a]
    assert json.loads(form["data-strings"])["placeholder"] == HOSTILE_SEARCH
    [search] = [a for t, a in page.tags if t == "input" and "md-search__input" in a.get("class", "")]
    assert search["placeholder"] == HOSTILE_SEARCH


def test_the_right_to_left_release_line_marks_up_only_its_version_and_date(hostile_site):
    """partials/copyright.html in Arabic: the string escaped, the version and date in <bdi>."""
    html = (hostile_site / "ar" / "protection" / "index.html").read_text(encoding="utf-8")
    [line] = re.findall(r'<p class="a4p-release"[^>]*>(.*?)</p>', html, re.S)
    assert re.sub(r"</?bdi[^>]*>", "", htmllib.unescape(line)) == HOSTILE_RELEASE.format(
        version=RELEASE["A4P_VERSION"], date=RELEASE["A4P_BUILD_DATE"])
    assert {t for t, _ in Page(line).tags} == {"bdi"}


@pytest.mark.parametrize("title", [HOSTILE_PAGE, HOSTILE_LANGUAGE, HOSTILE_NOT_FOUND])
def test_a_page_without_a_heading_gets_its_title_as_text(title):
    """partials/content.html prints the page's title as its heading when the content has none,
    rendered in the environment MkDocs gives the theme (Material with the overrides)."""
    from mkdocs.theme import Theme

    env = Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env()
    page = type("Page", (), {"title": title, "content": "<p>Body.</p>", "meta": {}, "edit_url": None})()
    html = env.get_template("partials/content.html").render(page=page, config={"theme": {"features": []}, "extra": {}})
    assert _texts(html, r"<h1>(.*?)</h1>") == [title]
    assert {t for t, _ in Page(html).tags} == {"h1", "p"}


def _render_footer(url: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    strings = {"footer.notice": "Not official.", "footer.authentic": "The authentic texts", "footer.authentic_url": url,
               "footer.release": "Version {version} ({date})"}
    config = {"extra": {"a4p": {"strings": strings}, "release": {"version": "", "date": ""}}}
    return env.get_template("partials/copyright.html").render(config=config)


@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "JAVASCRIPT:alert(1)",
                                 "data:text/html,x", "http://example.org/", "//example.org/"])
def test_the_footer_links_only_https(url):
    html = _render_footer(url)
    assert [a for t, a in Page(html).tags if t == "a"] == []
    assert "The authentic texts" in html


def test_the_footer_links_an_https_url():
    html = _render_footer("https://peacekeeping.un.org/a4p?x=1&y=2")
    assert [a["href"] for t, a in Page(html).tags if t == "a"] == ["https://peacekeeping.un.org/a4p?x=1&y=2"]


def test_a_stemmer_script_is_whole_in_its_attribute(hostile_site):
    """The search form names the stemmer's script (source/search.yml) as written, escaped."""
    page = Page((hostile_site / "en" / "protection" / "index.html").read_text(encoding="utf-8"))
    [form] = [a for t, a in page.tags if t == "form" and "data-a4p-search" in a]
    assert form["data-stemmer"] == f"../../{HOSTILE_STEMMER}"
    assert "onmouseover" not in form
