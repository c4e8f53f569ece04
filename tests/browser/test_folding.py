"""One folding, two implementations: hooks/edition/folding.py (the glossary's marks, at build time) and
docs/assets/search.js (search, in the browser) give the same results for the same words.

search.js is run in headless Chromium on an empty page (it needs no site for this); the rules
are the real ones of source/search.yml, handed to the browser as the records files hand them
(Folding.as_json()). The expected words themselves are checked by hand in tests/test_folding.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.edition import folding, yamlsource
from hooks.outputs import search
from tests.browser._support import EDITION

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "source" / "search.yml"
# the search's three classic scripts, after the one that declares window.a4p, in the order the
# pages load them (mkdocs.yml)
SEARCH_JS = [ROOT / "docs" / "assets" / name for name in ("a4p.js", "search-text.js", "search-highlight.js", "search-index.js", "search.js")]
# every folding of source/search.yml, as the languages use it: a stemming folding kept off its
# language's stop words (hooks.outputs.search.load_settings), as the records files hand it over
FOLDINGS = folding.parse(yamlsource.load(SETTINGS).get("foldings"), SETTINGS) | {
    settings.folding.name: settings.folding for settings in search.load_settings(SETTINGS, EDITION).values()
    if settings.folding is not None}

WORDS = [
    # Arabic: hamza forms, alef maqsura, ta marbuta, tashkeel, tatweel, clitics, suffixes
    "الأفريقي", "الإفريقي", "الافريقي", "إلى", "آمن", "ٱلسلام", "مُدَرِّسَة", "سـلام", "والمدنيين",
    "للمدنيين", "وللمدنيين", "بالمدنيين", "فالمدنيين", "كالمدنيين", "المدنيين", "لحماية", "حماية",
    "بلد", "بلاد", "والدول", "ولاية", "الولاية", "قوات", "القوات", "وبالاتحادِ", "مسؤولية", "شؤون", "هيئة", "ا\u0654من",
    # issue 13 §4: آ before ل, function words, two-letter prefixes, the seats of hamza, digits,
    # Persian-keyboard letters, ة written ت before a pronoun, plurals
    "آلية", "آليات", "إليه", "ولا", "وفي", "الوفيات", "الإعلان", "إعلان", "فاعلة", "أعلى", "وبإدماج", "فللمدنيين",
    "مسئولية", "المسؤولية", "٢٠١٨", "۲۰۱۸", "حمایة", "الشراکات", "ولايته", "ولاياتها", "وولاياتها", "مساهماتها",
    # Latin, composed and decomposed
    "explotación", "explotacion", "Économie", "niño", "français", "e\u0301te\u0301", "Ångström", "œuvre",
    # Cyrillic: ё, the stress mark, й
    "ёлка", "Ёж", "район", "приве\u0301т", "миротворцев",
    # others pass through
    "保护平民", "peacekeeping", "A4P", "",
]


@pytest.fixture(scope="module")
def blank(browser):
    """An empty page with the search's scripts (they find no search box there, and only define
    their helpers)."""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_content("<!doctype html><html><head></head><body></body></html>")
    for script in SEARCH_JS:
        tab.add_script_tag(content=script.read_text(encoding="utf-8"))
    yield tab
    context.close()


@pytest.mark.parametrize("name", sorted(FOLDINGS))
def test_fold_is_the_same_in_python_and_in_the_browser(blank, name):
    rules = FOLDINGS[name]
    browser = blank.evaluate("([rules, words]) => words.map((w) => window.a4p.search.fold(rules, w))",
                             [rules.as_json(), WORDS])
    assert browser == [rules.fold(word) for word in WORDS]


@pytest.mark.parametrize("name", sorted(name for name, rules in FOLDINGS.items() if rules.stems))
def test_light_stems_are_the_same_in_python_and_in_the_browser(blank, name):
    rules = FOLDINGS[name]
    browser = blank.evaluate("([rules, words]) => words.map((w) => window.a4p.search.lightStem(rules, w))",
                             [rules.as_json(), WORDS])
    assert browser == [list(rules.light_stems(word)) for word in WORDS]


def test_the_agreement_is_not_vacuous():
    """The words above exercise every rule: each folding changes some of them, and light
    stemming strips a clitic and a suffix somewhere."""
    for name, rules in FOLDINGS.items():
        assert any(rules.fold(word) != word for word in WORDS), name
    arabic = [rules for rules in FOLDINGS.values() if rules.stems]
    assert arabic and all(any(len(r.light_stems(w)) == 2 for w in WORDS) for r in arabic)
