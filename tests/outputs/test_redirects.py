"""hooks/outputs/redirects.py: short links and /zh/ aliases as static redirect pages.

Each page's three ways of leading on must agree: the meta refresh, the fallback link in the
body (for a browser that does not refresh) and, for an alias of a page, the script that keeps
the visitor's fragment. Expected paths are written out here by hand.
"""

from __future__ import annotations

import re

import pytest

from hooks.outputs import redirects
from hooks.urls import Scheme
from tests.htmltext import Page

REFRESH = re.compile(r"^0; url=(.+)$")
SCHEME = Scheme("https://a4p.example.org/", "zh")


def parts(html: str) -> dict:
    page = Page(html)
    refresh = page.find("meta", **{"http-equiv": "refresh"})
    links = [a for t, a in page.tags if t == "a"]
    scripts = page.find("script")
    return {
        "refresh": [REFRESH.match(m["content"]).group(1) for m in refresh],
        "links": [a["href"] for a in links],
        "scripts": [(s.get("src"), s.get("data-target")) for s in scripts],
        "canonical": [a["href"] for a in page.find("link", rel="canonical")],
        "lang": page.lang,
    }


def test_short_link_page():
    redirect = redirects.Redirect("en/para/10/", "en/protection/#para-10", "en/protection/#para-10", "en",
                                  "Paragraph 10")
    found = parts(redirects.page_html(redirect, SCHEME))
    assert found == {"refresh": ["../../protection/#para-10"], "links": ["../../protection/#para-10"],
                     "scripts": [], "canonical": ["https://a4p.example.org/en/protection/#para-10"], "lang": "en"}


def test_alias_of_a_page_keeps_the_fragment_by_script():
    redirect = redirects.Redirect("zh/protection/", "protection/", "protection/", "zh", "保护", keep_fragment=True)
    found = parts(redirects.page_html(redirect, SCHEME))
    assert found["refresh"] == ["../../protection/"]
    assert found["links"] == ["../../protection/"]
    assert found["scripts"] == [("../../assets/a4p-redirect.js", "../../protection/")]


def test_no_inline_script():
    redirect = redirects.Redirect("zh/", "", "", "zh", "首页", keep_fragment=True)
    html = redirects.page_html(redirect, SCHEME)
    assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html) == []
    assert parts(html)["scripts"] == [("../assets/a4p-redirect.js", "../")]


def test_the_source_aliases_keep_the_visitors_fragment_only_when_they_lead_to_a_page(edition):
    aliases = redirects.source_aliases(edition, SCHEME)
    pages = [a for a in aliases if "#" not in a.target]
    shorts = [a for a in aliases if "#" in a.target]
    assert pages and shorts
    assert all(a.keep_fragment for a in pages)
    assert not any(a.keep_fragment for a in shorts)


def _redirect_pages(site):
    for file in sorted(site.rglob("index.html")):
        html = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            yield file.relative_to(site).as_posix(), parts(html)


def test_every_redirect_page_of_the_site_leads_the_same_way_three_times(built_site):
    """The fallback link is the refresh's target, and so is the script's; every target is a
    file of the site."""
    pages = list(_redirect_pages(built_site))
    assert len(pages) > 0
    for name, found in pages:
        assert len(found["refresh"]) == 1, name
        assert found["links"] == found["refresh"], name
        for src, target in found["scripts"]:
            assert target == found["refresh"][0], name
            assert (built_site / name).parent.joinpath(src).resolve().is_file(), name
        folder = (built_site / name).parent
        target = folder.joinpath(found["refresh"][0].split("#")[0]).resolve()
        assert (target / "index.html").is_file(), f"{name} leads to {found['refresh'][0]}, which is no page"


@pytest.mark.parametrize("alias,target", [("zh/", ""), ("zh/protection/", "protection/"),
                                          ("zh/glossary/", "glossary/")])
def test_built_aliases_of_pages_carry_the_script(built_site, alias, target):
    found = parts((built_site / alias / "index.html").read_text(encoding="utf-8"))
    depth = "../" * alias.count("/")
    assert found["scripts"] == [(f"{depth}assets/a4p-redirect.js", f"{depth}{target}")]
