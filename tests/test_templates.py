"""The theme overrides (overrides/**) escape everything that comes from source/.

A copy of the repository whose interface strings hold markup and quotes is built, and every
page is parsed: the strings appear as text, never as elements or attributes. The footer's
link is also rendered alone, with a URL the build's own check would refuse, to show the
template never makes a link of it on its own account.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from tests.htmltext import Page
from tests.sourcecopy import edit

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_NAME = "A4P <img src=x onerror=alert(1)>"
QUOTED_NAME = 'The "A4P" Declaration'
HOSTILE_PAGE = "Protection <script>alert(2)</script><b>bold</b>"
# what an HTML attribute name of these pages may look like; a name made of the pieces of a
# broken quoted value ('a4p"', 'declaration"') is not one
ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9_:.-]*")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, edition) -> Path:
    """The site built from source/ with markup in the English site name and page name,
    and double quotes in the source language's site name."""
    repo = tmp_path_factory.mktemp("hostile") / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", ".git", "site", ".site*", "dist", ".*cache*"))
    i18n = repo / "source" / "i18n"
    source = edition.source.code
    edit(i18n / "en.yml", f'site_name: "{edition.strings["en"]["site_name"]}"',
         f"site_name: '{HOSTILE_NAME}'")
    edit(i18n / "en.yml", f"  protection: {edition.strings['en']['pages.protection']}\n",
         f"  protection: '{HOSTILE_PAGE}'\n")
    edit(i18n / f"{source}.yml", f"site_name: {edition.strings[source]['site_name']}\n", f"site_name: '{QUOTED_NAME}'\n")
    result = subprocess.run([sys.executable, "scripts/build_site.py", "--out", str(repo / "site")], cwd=repo,
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
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
        assert "<script>alert(2)" not in html, name
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
