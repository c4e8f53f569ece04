"""The metadata in every page's head (hooks/pages/head_meta.py), read back from the built site
and checked field by field against source/, read here without hooks/: the titles from the text
files, the date from edition.yml, the bodies and locales from the interface strings, the URLs
from mkdocs.yml's site_url and the contract's URL scheme. Then the JSON-LD is expanded by a
JSON-LD processor (PyLD) with a local document loader and a vendored schema.org context
(tests/pages/data/): no network, and no term it does not know survives.
"""

from __future__ import annotations

import dataclasses
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pyld import jsonld

from hooks.pages import head_meta
from scripts.build_site import site_url
from tests.pages.contexts import context

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source"
SITE_URL = site_url(ROOT / "mkdocs.yml")
LANGUAGES = [entry["code"] for entry in yaml.safe_load((SOURCE / "languages.yml").read_text(encoding="utf-8"))["languages"]]
SOURCE_LANGUAGE = LANGUAGES[0]
STRINGS = {code: yaml.safe_load((SOURCE / "i18n" / f"{code}.yml").read_text(encoding="utf-8")) for code in LANGUAGES}
FACTS = yaml.safe_load((SOURCE / "edition.yml").read_text(encoding="utf-8"))
MARKED = FACTS["declaration"]["marked"]
EDITION_ID = FACTS["edition"]["id"]
SLUGS = [page["slug"] for page in yaml.safe_load((SOURCE / "structure.yml").read_text(encoding="utf-8"))["pages"]]
CONTEXT_FILE = Path(__file__).with_name("data") / "schema.org.context.jsonld"
SCHEMA = "http://schema.org/"
# the page kinds besides the text pages (folders of the built site); "" is the home page
OTHER_PAGES = ["", "full-text", "timeline", "glossary", "about", "downloads", "accessibility", "parallel"]
DESCRIBED = ["", "full-text", *SLUGS]  # the pages that carry citation metadata and JSON-LD
HIGHWIRE = ["citation_title", "citation_publication_date", "citation_language", "citation_publisher",
            "citation_public_url", "citation_fulltext_html_url", "citation_pdf_url"]
DUBLIN_CORE = ["DC.title", "DC.date", "DC.language", "DC.identifier", "DC.creator", "DC.publisher", "DC.type"]


def text_line(code: str, key: str) -> str:
    for line in (SOURCE / "text" / f"{code}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{key}: "):
            return line.removeprefix(f"{key}: ")
    raise AssertionError(f"{code}: no {key}")


def url(code: str, page: str) -> str:
    prefix = "" if code == SOURCE_LANGUAGE else f"{code}/"
    return f"{SITE_URL}{prefix}{page}/" if page else f"{SITE_URL}{prefix}"


class Head(HTMLParser):
    """The ``<meta>`` tags of a page (name or property → every content, in order) and the text
    of its JSON-LD blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a.get("property"), []).append(a.get("content"))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"
        if self._in_ld:
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def head(site: Path, code: str, page: str) -> Head:
    folder = site if code == SOURCE_LANGUAGE else site / code
    parser = Head()
    parser.feed((folder / page / "index.html").read_text(encoding="utf-8"))
    return parser


PAGES = [(code, page) for code in LANGUAGES for page in [*OTHER_PAGES, *SLUGS]]


@pytest.mark.parametrize("code,page", PAGES)
def test_open_graph_and_twitter_on_every_page(built_site, code, page):
    meta = head(built_site, code, page).meta
    strings = STRINGS[code]
    locales = [STRINGS[c]["meta"]["locale"] for c in LANGUAGES]
    card = f"{SITE_URL}assets/cards/{code}.png"
    expected = {
        "og:type": ["website"],
        "og:site_name": [strings["site_name"]],
        "og:url": [url(code, page)],
        "og:locale": [strings["meta"]["locale"]],
        "og:locale:alternate": [locale for locale in locales if locale != strings["meta"]["locale"]],
        "og:image": [card], "og:image:type": ["image/png"],
        "og:image:width": ["1200"], "og:image:height": ["630"],
        "og:image:alt": [strings["site_name"]],
        "og:description": meta["description"],  # as the page describes itself
        "twitter:card": ["summary_large_image"], "twitter:image": [card],
        "twitter:image:alt": [strings["site_name"]], "twitter:description": meta["description"],
    }
    for key, value in expected.items():
        assert meta.get(key) == value, f"{code}/{page}: {key}"
    assert meta["og:title"] == meta["twitter:title"]
    name = meta["og:title"][0]
    if page:
        assert name.endswith(f" · {strings['phone']['short_name']}"), name
    else:
        assert name == strings["site_name"]
    assert (built_site / "assets" / "cards" / f"{code}.png").is_file()


@pytest.mark.parametrize("code,page", PAGES)
def test_citation_metadata_on_home_text_and_full_text_only(built_site, code, page):
    meta = head(built_site, code, page).meta
    if page not in DESCRIBED:
        assert not [k for k in meta if k.startswith(("citation_", "DC."))], f"{code}/{page}"
        return
    strings = STRINGS[code]
    name = text_line(code, "subtitle")
    year, month, day = MARKED.split("-")
    expected = {
        "citation_title": [name],
        "citation_publication_date": [f"{year}/{month}/{day}"],
        "citation_language": [code],
        "citation_publisher": [strings["meta"]["publisher"]],
        "citation_public_url": [url(code, page)],
        "citation_fulltext_html_url": [url(code, "full-text")],
        "citation_pdf_url": [f"{SITE_URL}downloads/{EDITION_ID}.{code}.pdf"],
        "DC.title": [name],
        "DC.date": [MARKED],
        "DC.language": [code],
        "DC.identifier": [url(code, page)],
        "DC.creator": [strings["meta"]["creator"], strings["meta"]["creator_with"]],
        "DC.publisher": [strings["meta"]["publisher"]],
        "DC.type": ["Text"],
    }
    assert sorted(expected) == sorted(HIGHWIRE + DUBLIN_CORE)
    for key, value in expected.items():
        assert meta.get(key) == value, f"{code}/{page}: {key}"
    assert "citation_author" not in meta, "the citations name no person"
    assert (built_site / "downloads" / f"{EDITION_ID}.{code}.pdf").is_file()


def local_loader(url_: str, options=None):
    """The document loader: the vendored schema.org context for schema.org's addresses, and
    nothing else at all (no network)."""
    if url_.rstrip("/") in ("https://schema.org", "http://schema.org",
                            "https://schema.org/docs/jsonldcontext.jsonld"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url_,
                "document": json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))}
    raise AssertionError(f"the JSON-LD test fetches nothing; asked for {url_}")


def keys(node, out: set[str] | None = None) -> set[str]:
    """Every key but JSON-LD's own (``@…``): the terms of a compact document, or the property
    IRIs of an expanded one."""
    out = set() if out is None else out
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                out.add(key)
            keys(value, out)
    elif isinstance(node, list):
        for item in node:
            keys(item, out)
    return out


def expand(data: dict) -> list:
    return jsonld.expand(data, {"documentLoader": local_loader})


@pytest.mark.parametrize("code,page", [(code, page) for code in LANGUAGES for page in [*OTHER_PAGES, *SLUGS]])
def test_json_ld_describes_the_work_the_version_and_the_page(built_site, code, page):
    blocks = head(built_site, code, page).json_ld
    if page not in DESCRIBED:
        assert blocks == [], f"{code}/{page}"
        return
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    expanded = expand(data)
    used = keys(data)
    assert keys(expanded) == {SCHEMA + key for key in used}, "a term the context does not define"
    nodes = {node["@id"]: node for node in expanded}
    work_id = url(SOURCE_LANGUAGE, "") + "#declaration"
    work = nodes[work_id]
    assert work["@type"] == [SCHEMA + "CreativeWork"]
    assert work[SCHEMA + "name"] == [{"@value": text_line(SOURCE_LANGUAGE, "subtitle")}]
    assert work[SCHEMA + "inLanguage"] == [{"@value": SOURCE_LANGUAGE}]
    assert work[SCHEMA + "dateCreated"] == [{"@type": SCHEMA + "Date", "@value": MARKED}]
    creators = work[SCHEMA + "creator"]
    source_meta = STRINGS[SOURCE_LANGUAGE]["meta"]
    assert creators[0][SCHEMA + "name"] == [{"@value": source_meta["creator"]}]
    assert creators[1][SCHEMA + "jobTitle"] == [{"@value": source_meta["creator_with"]}]
    version_id = work_id if code == SOURCE_LANGUAGE else url(code, "") + "#translation"
    version = nodes[version_id]
    if code != SOURCE_LANGUAGE:
        assert version[SCHEMA + "inLanguage"] == [{"@value": code}]
        assert version[SCHEMA + "translationOfWork"] == [{"@id": work_id}]
        assert version[SCHEMA + "name"] == [{"@value": text_line(code, "subtitle")}]
    assert [part["@id"] for part in version[SCHEMA + "hasPart"]] == [url(code, slug) for slug in SLUGS]
    encoding = version[SCHEMA + "encoding"][0]
    assert encoding[SCHEMA + "contentUrl"] == [{"@id": f"{SITE_URL}downloads/{EDITION_ID}.{code}.pdf"}]
    here = nodes[url(code, page)]
    assert here["@type"] == [SCHEMA + "WebPage"]
    assert here[SCHEMA + "isPartOf"] == [{"@id": version_id}]
    assert here[SCHEMA + "inLanguage"] == [{"@value": code}]
    if page in SLUGS:
        assert here[SCHEMA + "position"] == [{"@value": SLUGS.index(page) + 1}]


def test_a_term_the_context_does_not_know_is_seen():
    data = {"@context": "https://schema.org", "@type": "CreativeWork", "name": "x", "translatonOfWork": "y"}
    assert keys(expand(data)) != {SCHEMA + key for key in keys(data)}


def test_json_ld_cannot_end_its_script_early(edition, derived):
    hostile = "</script><script>alert(1)</script> & <!--"
    text = dataclasses.replace(edition.texts["en"], subtitle=hostile)
    changed = dataclasses.replace(edition, texts={**edition.texts, "en": text})
    ctx = context(changed, derived, "en", "protection")
    block = head_meta.json_ld(ctx, "protection")
    assert "<" not in block and ">" not in block and "&" not in block
    names = [node.get("name") for node in json.loads(block)["@graph"]]
    assert hostile in names, "the words themselves are kept"


def test_offline_pages_carry_no_metadata_for_the_web(bundle):
    """A page opened from disk: none of the head's metadata (hooks/pages/head_meta.py), which the
    bundle's size limit has no room for; its canonical link stays."""
    for code in LANGUAGES:
        prefix = "" if code == SOURCE_LANGUAGE else f"{code}/"
        html = (bundle.folder / f"{prefix}protection.html").read_text(encoding="utf-8")
        parser = Head()
        parser.feed(html)
        assert parser.json_ld == []
        assert not [key for key in parser.meta if key.startswith(("og:", "twitter:", "DC.", "citation_"))], code
        assert f'<link rel="canonical" href="{url(code, "protection")}">' in html
