"""hooks/pages/parallel.py: the parallel page's shell, its URL scheme and the text pages' link."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from hooks.pages import parallel, parallel_link, registry, text
from tests.htmltext import Page
from tests.pages.contexts import context

ROOT = Path(__file__).resolve().parents[2]
LANGS = [entry["code"] for entry in yaml.safe_load((ROOT / "source" / "languages.yml").read_text("utf-8"))["languages"]]


def strings(code: str) -> dict:
    return yaml.safe_load((ROOT / "source" / "i18n" / f"{code}.yml").read_text("utf-8"))


@pytest.mark.parametrize("code, expected", [("zh", "en"), ("en", "zh"), ("fr", "zh"), ("ar", "zh")])
def test_partner_is_the_source_or_english_beside_it(edition, code, expected):
    assert parallel_link.partner(edition, code) == expected


def test_partner_of_the_source_without_english_is_the_second_language(edition):
    without = dataclasses.replace(edition, languages=tuple(l for l in edition.languages if l.code != "en"))
    assert parallel_link.partner(without, "zh") == without.languages[1].code != "en"


@pytest.mark.parametrize("code, slug, directory_urls, href", [
    ("zh", "protection", True, "../parallel/?a=zh&b=en#para-9"),
    ("en", "protection", True, "../parallel/?a=en&b=zh#para-9"),
    ("ar", "preamble", True, "../parallel/?a=ar&b=zh#para-1"),
    ("en", "protection", False, "parallel.html?a=en&b=zh#para-9"),
    ("zh", "politics", False, "parallel.html?a=zh&b=en#para-4"),
])
def test_every_text_page_links_the_view_at_its_first_paragraph(edition, derived, code, slug, directory_urls, href):
    ctx = context(edition, derived, code, slug, directory_urls=directory_urls)
    page = Page(text.render(ctx))
    links = [attrs for tag, attrs in page.tags if tag == "a" and attrs.get("href") == href]
    assert len(links) == 1, f"no single link {href} on {slug} ({code})"
    html = text.render(ctx)
    name = strings(code)["parallel"]["name"]
    assert f'href="{href.replace("&", "&amp;")}">{name}</a>' in html


def test_the_link_names_the_view_in_each_language(edition, derived):
    names = {code: strings(code)["parallel"]["name"] for code in LANGS}
    assert names["zh"] == "对照阅读" and names["en"] == "Parallel view"
    assert len(set(names.values())) == len(names)  # each language its own words
    for code in LANGS:
        assert names[code] in text.render(context(edition, derived, code, "conduct"))


@pytest.mark.parametrize("code", LANGS)
def test_shell_pickers_defaults_and_files(edition, derived, code):
    ctx = context(edition, derived, code, "parallel")
    page = Page(parallel.render(ctx))
    own = strings(code)["parallel"]
    partner = "zh" if code != "zh" else "en"
    labels = {attrs["for"]: attrs for tag, attrs in page.tags if tag == "label"}
    assert set(labels) == {"a4p-parallel-a", "a4p-parallel-b"}
    selects = [attrs for tag, attrs in page.tags if tag == "select"]
    assert [(s["id"], s["name"]) for s in selects] == [("a4p-parallel-a", "a"), ("a4p-parallel-b", "b")]
    options = [attrs for tag, attrs in page.tags if tag == "option"]
    assert [o["value"] for o in options] == LANGS * 2
    assert [o["value"] for o in options if "selected" in o] == [code, partner]
    # each language's name carries its lang when it is not the page's
    assert all(o.get("lang") == o["value"] for o in options if o["value"] != code)
    root = next(attrs for tag, attrs in page.tags if "data-a4p-parallel" in attrs)
    assert (root["data-lang"], root["data-source"], root["data-fallback"]) == (code, "zh", "en")
    depth = "../" if code == "zh" else "../../"
    assert root["data-base"] == depth
    assert [o["data-src"] for o in options] == [f"{depth}assets/parallel/{c}.js" for c in LANGS] * 2
    assert root["data-unavailable"] == own["unavailable"]
    assert [a for t, a in page.tags if t == "script"] == []  # its scripts load after its words
    assert registry.scripts("parallel") == ("assets/a4p-after.js", "assets/a4p-parallel.js")
    assert [a["href"] for t, a in page.tags if t == "link"] == [depth + "assets/a4p-parallel.css"]
    assert not [i for i in page.ids if i.startswith("para-")]  # the rows are the browser's
    assert own["name"] in parallel.render(ctx)


def test_shell_offline_paths_are_files(edition, derived):
    page = Page(parallel.render(context(edition, derived, "en", "parallel", directory_urls=False)))
    root = next(attrs for tag, attrs in page.tags if "data-a4p-parallel" in attrs)
    assert root["data-base"] == "../"
    assert next(a for t, a in page.tags if t == "option")["data-src"] == "../assets/parallel/zh.js"
    zh = Page(parallel.render(context(edition, derived, "zh", "parallel", directory_urls=False)))
    root = next(attrs for tag, attrs in zh.tags if "data-a4p-parallel" in attrs)
    assert root["data-base"] == "./"
    assert next(a for t, a in zh.tags if t == "option")["data-src"] == "assets/parallel/zh.js"


def test_query_is_the_pair():
    assert parallel_link.query("zh", "en") == "a=zh&b=en"
