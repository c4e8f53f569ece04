"""hooks/outputs/offline_cache.py: each language's offline list, the manifests, the worker, the icons,
and how scripts/serve.py sends the worker and the manifests.

The lists are checked against the built site, walked here on its own: every HTML file of a
language's folder (for the source language, the root without the other languages' folders)
must be in that language's list, and nothing in a list may belong to another language.
"""

from __future__ import annotations

import html as htmllib
import html.parser as htmllib_parser
import json
import re
import struct
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hooks.outputs import offline_cache, redirects
from hooks.urls import Scheme
from scripts import icons, offline
from tests.htmltext import Page
from tests.mkdocs_yml import extra_javascript

ROOT = Path(__file__).resolve().parents[2]


def load_list(site: Path, code: str) -> dict:
    return json.loads((site / "assets" / "offline" / f"{code}.json").read_text(encoding="utf-8"))


def folder(edition, code: str) -> str:
    return "" if code == edition.source.code else f"{code}/"


def html_pages_of(site: Path, edition, code: str) -> set[str]:
    """Site paths of every HTML file of language ``code`` in the built site: ``x/index.html``
    as ``x/``, other HTML files as themselves."""
    others = {lang.code for lang in edition.languages if lang.code != code and not lang.is_source}
    base = site / folder(edition, code)
    found = set()
    for file in base.rglob("*.html"):
        rel = file.relative_to(site).as_posix()
        first = rel.split("/")[0]
        if code == edition.source.code and (first in others or first == "assets"):
            continue
        if first == "assets":
            continue
        found.add(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return found


def names_in(path: str) -> set[str]:
    """The folder names of a site path and its file name up to the first dot
    (``assets/vendor/orama-stemmers/fr.cjs.js`` → … ``fr``)."""
    parts = [p for p in path.split("/") if p]
    if parts and not path.endswith("/"):
        parts[-1] = parts[-1].split(".")[0]
    return set(parts)


def test_every_page_and_short_link_of_the_language_is_listed(built_site, edition):
    for lang in edition.languages:
        files = set(load_list(built_site, lang.code)["files"])
        pages = html_pages_of(built_site, edition, lang.code)
        # by hand, from CONTRACT.md: the glossary, the short links of all 24 paragraphs, the 404 page
        prefix = folder(edition, lang.code)
        assert f"{prefix}glossary/" in pages and f"{prefix}404.html" in pages
        shorts = {f"{prefix}para/{n}/" for n in range(1, edition.structure.paragraph_count + 1)}
        assert shorts <= pages, "the walk missed short links"
        assert pages - files == set(), f"{lang.code}: pages of the language not in its list"


def test_nothing_of_another_language_is_listed(built_site, edition):
    codes = {lang.code for lang in edition.languages}
    for lang in edition.languages:
        files = load_list(built_site, lang.code)["files"]
        foreign = [f for f in files if names_in(f) & (codes - {lang.code})]
        assert foreign == [], f"{lang.code}'s list holds other languages' files"


def test_every_listed_file_exists_and_search_and_styles_are_there(built_site, edition):
    for lang in edition.languages:
        files = load_list(built_site, lang.code)["files"]
        missing = [f for f in files if not (built_site / Scheme("https://x/", edition.source.code).file_of(f)).is_file()]
        assert missing == []
        assert f"assets/search/{lang.code}.js" in files
        assert any(re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", f) for f in files)
        assert any(re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css", f) for f in files)
        assert "assets/a4p.css" in files and "assets/a4p-sw-register.js" in files
    # the stemmers: English's Porter2, French's Snowball; Chinese none
    assert "assets/vendor/wink-porter2-stemmer/wink-porter2-stemmer.js" in load_list(built_site, "en")["files"]
    assert "assets/vendor/orama-stemmers/fr.cjs.js" in load_list(built_site, "fr")["files"]
    assert not [f for f in load_list(built_site, "zh")["files"] if "stemmer" in f]


def test_the_source_language_keeps_its_zh_aliases(built_site, edition):
    source = edition.source.code
    files = set(load_list(built_site, source)["files"])
    scheme = Scheme("https://x/", source)
    aliases = {r.path for r in redirects.source_aliases(edition, scheme)}
    assert f"{source}/protection/" in aliases and f"{source}/para/10/" in aliases
    assert aliases <= files


def footer_version(site: Path) -> str:
    """The version label the built pages' footers show."""
    page = (site / "en" / "index.html").read_text(encoding="utf-8")
    return re.search(r'class="a4p-release" data-version="([^"]+)"', page).group(1)


def test_the_list_carries_the_version_and_the_control_strings(built_site, edition):
    version = footer_version(built_site)
    for lang in edition.languages:
        data = load_list(built_site, lang.code)
        assert data["version"] == version
        assert data["strings"]["keep_all"] == edition.strings[lang.code]["phone.keep_all"]
        assert "{languages}" in data["strings"]["kept"]
        assert [(x["code"], x["name"]) for x in data["languages"]] == [(x.code, x.name) for x in edition.languages]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_manifests_name_the_language_and_their_icons_exist(built_site, edition):
    for lang in edition.languages:
        where = built_site / folder(edition, lang.code) / "manifest.webmanifest"
        data = json.loads(where.read_text(encoding="utf-8"))
        assert data["name"] == edition.strings[lang.code]["site_name"]
        assert data["short_name"] == edition.strings[lang.code]["phone.short_name"]
        assert (data["lang"], data["dir"]) == (lang.code, lang.dir)
        assert (where.parent / data["start_url"]).resolve() == (built_site / folder(edition, lang.code)).resolve()
        assert data["scope"] == data["start_url"] and data["display"] == "standalone"
        purposes = set()
        for icon in data["icons"]:
            file = (where.parent / icon["src"]).resolve()
            assert file.is_file(), icon
            if icon["type"] == "image/png":
                w, h = png_size(file)
                assert icon["sizes"] == f"{w}x{h}"
            purposes.add(icon["purpose"])
        sizes = {icon["sizes"] for icon in data["icons"]}
        assert {"192x192", "512x512", "any"} <= sizes and purposes == {"any", "maskable"}


def test_every_page_links_its_language_manifest(built_site, edition):
    for lang in edition.languages:
        page = built_site / folder(edition, lang.code) / "protection" / "index.html"
        links = re.findall(r'<link rel="manifest" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert links == ["../manifest.webmanifest"]


def test_the_worker_is_named_by_the_version_and_lists_every_language(built_site, edition):
    text = (built_site / "sw.js").read_text(encoding="utf-8")
    settings = json.loads(re.search(r"^self\.A4P_OFFLINE = (\{.*\});$", text, re.M).group(1))
    version = footer_version(built_site)
    assert settings["cache"] == f"a4p-offline-{version}"
    assert sorted(settings["languages"]) == sorted(lang.code for lang in edition.languages)
    for code, spec in settings["languages"].items():
        assert (built_site / spec["list"]).is_file() and (built_site / spec["fallback"]).is_file()
        assert spec["prefix"] == folder(edition, code)
    assert offline_cache.WORKER_SOURCE.read_text(encoding="utf-8") in text


def test_no_version_label_gives_a_named_cache(edition):
    scheme = Scheme("https://x/", edition.source.code)
    assert offline_cache.worker_settings(edition, scheme, "")["cache"] == "a4p-offline-unversioned"
    assert offline_cache.worker_settings(edition, scheme, "v1.2")["cache"] == "a4p-offline-v1.2"


def test_the_fallback_page_speaks_the_language_and_escapes_its_words(edition):
    scheme = Scheme("https://a4p.example.org/sub/", edition.source.code)
    for lang in edition.languages:
        html = offline_cache.fallback_html(edition, lang.code, scheme)
        page = Page(html)
        assert page.find("html") == [{"lang": lang.code, "dir": lang.dir}]
        title = htmllib.escape(edition.strings[lang.code]["phone.unavailable_title"], quote=False)
        assert f"<h1>{title}</h1>" in html and f"<title>{title}</title>" in html
        assert [a["href"] for a in page.find("a")] == ["/sub/" + folder(edition, lang.code)]
        assert page.find("script") == []
    hostile = dict(edition.strings["en"])
    hostile["phone.unavailable"] = "<script>alert(1)</script> & more"
    edition.strings["en"], saved = type(edition.strings["en"])(hostile), edition.strings["en"]
    try:
        html = offline_cache.fallback_html(edition, "en", scheme)
    finally:
        edition.strings["en"] = saved
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_icons_are_the_headers_logo(built_site):
    page = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    logo = re.search(r'class="md-header__button md-logo".*?<path d="([^"]+)"', page, re.S).group(1)
    svg = ET.parse(ROOT / "docs" / "assets" / "icons" / "a4p.svg").getroot()
    assert svg.find("{http://www.w3.org/2000/svg}path").get("d") == logo
    assert icons.main(["--check"]) == 0
    for name, size, _ in icons.PNGS:
        assert png_size(ROOT / "docs" / "assets" / "icons" / name) == (size, size)


def test_the_offline_bundle_leaves_the_icons_out():
    assert offline.excluded("assets/icons/a4p-192.png")
    assert offline.excluded("assets/a4p-sw-register.js") is None  # its pages load it (and it does nothing)


def headers(url: str):
    with urllib.request.urlopen(url) as response:
        return response.headers


def test_serve_keeps_the_worker_and_manifests_out_of_the_http_cache(site_server):
    served = site_server  # tests/conftest.py: the built site behind scripts/serve.py
    assert headers(served + "sw.js")["Cache-Control"] == "no-cache"
    for path in ("manifest.webmanifest", "en/manifest.webmanifest"):
        found = headers(served + path)
        assert found["Cache-Control"] == "no-cache"
        assert found["Content-Type"] == "application/manifest+json"
    assert headers(served + "assets/a4p.css")["Cache-Control"] is None
    assert headers(served + "en/protection/")["Cache-Control"] is None


class _EveryTag(htmllib_parser.HTMLParser):
    """The reference reading: html.parser over the whole page, every tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = set((a.get("rel") or "").lower().split())
        if tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href") and rel & offline_cache.LOADED_LINKS:
            self.urls.append(a["href"])
        if tag == "script" and "data-a4p-later" in a:  # what assets/a4p-load.js loads after the words
            self.urls += [url for group in json.loads(a["data-a4p-later"]) for url in group]


def read_every_tag(page: str) -> list[str]:
    parser = _EveryTag()
    parser.feed(page)
    parser.close()
    return parser.urls


def test_what_a_page_loads_is_what_html_parser_reads_in_the_whole_page(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert offline_cache.loaded_urls(text) == read_every_tag(text), page


def test_what_a_page_loads_skips_comments_script_bodies_and_attribute_values():
    page = ("<!doctype html><HTML><head><!-- <script src=\"in-comment.js\"></script> -->"
            "<LINK REL=\"Stylesheet\" HREF=\"a.css\"><link rel=\"canonical\" href=\"elsewhere/\">"
            "<style>p::before { content: '<img src=\"in-style.png\">' }</style>"
            "<script>if (a < b) document.write('<img src=\"in-script.png\">')</script>"
            "<script src=\"b.js\"></script></head><body>"
            "<a title='<img src=\"in-attribute.png\"> > <' data-x=\"it's\">x &lt;img src=no.png&gt;</a>"
            "<IMG alt=\"1 > 0\" SRC=\"c.png\"><img alt=\"no source\">"
            "<link rel=\"preload icon\" href=\"d.svg\"/></body></HTML>")
    expected = ["a.css", "b.js", "c.png", "d.svg"]
    assert read_every_tag(page) == expected  # the reference agrees with the hand-written list
    assert offline_cache.loaded_urls(page) == expected


def test_the_scripts_loaded_after_the_words_are_what_a_page_loads():
    page = ('<head><script src="load.js" data-a4p-later="[[&#34;x/late.js&#34;], [&#34;y.js&#34;]]"></script>'
            '<link rel="stylesheet" href="a.css"></head>')
    expected = ["load.js", "x/late.js", "y.js", "a.css"]
    assert read_every_tag(page) == expected
    assert offline_cache.loaded_urls(page) == expected


def test_every_script_a_page_loads_after_its_words_is_kept_offline(built_site, edition):
    """The scripts assets/a4p-load.js loads once the page has loaded (Material's bundle, the
    edition's scripts of mkdocs.yml) are in every language's offline list: read from mkdocs.yml
    and the theme's bundle name, not from the pages."""
    scripts = extra_javascript()
    bundle = re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", (ROOT / "overrides" / "base.html")
                       .read_text(encoding="utf-8")).group(0)
    expected = {"assets/a4p-load.js", "assets/a4p-theme-scope.js", "assets/a4p-theme-target.js", bundle, *scripts}
    assert len(scripts) >= 5
    for lang in edition.languages:
        files = set(json.loads((built_site / offline_cache.list_path(lang.code)).read_text(encoding="utf-8"))["files"])
        assert expected <= files, (lang.code, expected - files)
