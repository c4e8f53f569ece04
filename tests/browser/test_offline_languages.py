"""Every language of the offline bundle from disk (file://), with every other request blocked
and counted (0, checked after each test by ``stays_home``): the home page, a text page with a
tooltip, a search in the page's language and the glossary filter. And the Chinese home page's
offer to read in English, which links to the English file and stays dismissed on disk too.
"""

from __future__ import annotations

import pytest

from tests.browser._support import LANGS, SOURCE_LANG
from tests.browser.test_offline import disk, file_page  # noqa: F401 (the fixture)
from tests.browser.test_search import paragraphs, search

pytestmark = pytest.mark.browser

SLUG = "protection"


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_works_from_disk(disk, edition, lang):
    failures = []
    disk.on("pageerror", lambda error: failures.append(str(error)))
    language = edition.language(lang)
    # the home page
    disk.goto(disk.root + file_page(lang, "index"))
    assert disk.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [lang, language.dir]
    assert disk.locator(".md-content h1").first.is_visible()
    # a text page, a tooltip
    disk.goto(disk.root + file_page(lang, SLUG))
    term = disk.locator(".a4p-para a.a4p-term").first
    term.focus()
    tip = disk.locator(f"#{term.get_attribute('aria-describedby')}")
    tip.wait_for(state="visible")
    assert tip.inner_text().strip()
    # a search, for the word the page marks first: found in this language's paragraphs
    word = term.inner_text().strip()
    found = paragraphs(search(disk, word))
    assert found, f"{lang}: no result for {word!r}"
    assert all(r["url"].startswith(disk.root + (f"{lang}/" if lang != SOURCE_LANG else "")) for r in found)
    # the glossary, filtered
    disk.goto(disk.root + file_page(lang, "glossary"))
    entries = disk.locator(".a4p-entry")
    total = entries.count()
    assert total > 1
    disk.fill("#a4p-filter", word)
    disk.wait_for_function("(n) => document.querySelectorAll('.a4p-entry:not([hidden])').length < n", arg=total)
    assert disk.locator(".a4p-entry:not([hidden])").count() >= 1
    assert failures == [], failures


def test_the_offer_works_from_disk(disk, edition):
    home = disk.root + file_page(SOURCE_LANG, "index")
    disk.goto(home)
    offer = disk.locator(".a4p-offer")
    offer.wait_for(state="visible")
    link = offer.locator("a")
    assert link.evaluate("a => a.href") == disk.root + file_page("en", "index")
    offer.locator("button").click()
    offer.wait_for(state="hidden")
    disk.reload()
    disk.wait_for_function("() => document.readyState === 'complete'")
    assert offer.is_hidden(), "dismissed on disk, the offer came back"
