"""The relevance tables (tests/relevance/{lang}.yml) in Chromium: each query typed into the
real search box of its language's page, on the built site. For every query, its ``first``
paragraphs are shown above every other paragraph, and no ``absent`` paragraph is shown. The
same tables under Node, through the same scripts: tests/js/relevance.test.js."""

from __future__ import annotations

import pytest

from tests.browser._support import open_tab, page_path
from tests.browser.test_search import paragraphs, search
from tests.js.relevance import tables

pytestmark = pytest.mark.browser

ROWS = [(lang, row) for lang, queries in tables().items() for row in queries]


@pytest.fixture(scope="module")
def tabs(browser, site_server):
    """One tab per language, opened on its first query and kept for the others: typing a new
    query replaces the last one's results."""
    opened: dict[str, object] = {}
    contexts = []

    def tab(lang: str):
        if lang not in opened:
            context, page = open_tab(browser, site_server, viewport={"width": 1280, "height": 800})
            contexts.append(context)
            page.goto(site_server + page_path(lang, "protection"))
            opened[lang] = page
        return opened[lang]

    yield tab
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang, row", ROWS, ids=[f"{lang}:{row['query']}" for lang, row in ROWS])
def test_query_ranks_its_paragraphs_first_and_never_shows_the_absent(tabs, lang, row):
    page = tabs(lang)
    found = [result["n"] for result in paragraphs(search(page, row["query"]))]
    first = row.get("first") or []
    said = f"{lang} «{row['query']}» shows {found}; first {first} ({row['why']})"
    assert sorted(found[:len(first)]) == sorted(first), said
    assert [n for n in row.get("absent") or [] if n in found] == [], said
    assert page.outside.blocked == [] and page.local_failures.failed == []
