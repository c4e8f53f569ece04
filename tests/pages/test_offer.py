"""hooks/pages/offer.py: what the source language's home page carries for the offer to read in the
reader's own language (issue 7 §6). The browser side is tests/browser/test_offer.py."""

from __future__ import annotations

import json

import pytest

from hooks.pages import offer
from hooks.urls import HOME, Scheme

ONLINE = Scheme("https://a4p.example.org/", "zh")
FILES = Scheme("https://a4p.example.org/", "zh", directory_urls=False)


def test_only_the_source_language_home_page_offers(edition):
    source = edition.source.code
    assert offer.offers(edition, ONLINE, source, HOME) != ""
    others = [lang.code for lang in edition.languages if lang.code != source]
    assert others
    for code in others:
        assert offer.offers(edition, ONLINE, code, HOME) == "", code
    for key in edition.page_keys:
        if key != HOME:
            assert offer.offers(edition, ONLINE, source, key) == "", key


@pytest.mark.parametrize("scheme,home", [(ONLINE, "{code}/"), (FILES, "{code}/index.html")],
                         ids=["online", "offline"])
def test_each_other_language_is_offered_in_its_own_words(edition, scheme, home):
    found = json.loads(offer.offers(edition, scheme, edition.source.code, HOME))
    others = [lang for lang in edition.languages if not lang.is_source]
    assert [o["lang"] for o in found] == [lang.code for lang in others]
    for entry, lang in zip(found, others):
        strings = edition.strings[lang.code]
        assert entry == {"lang": lang.code, "dir": lang.dir, "href": home.format(code=lang.code),
                         "text": strings["offer.text"], "read": strings["offer.read"],
                         "dismiss": strings["offer.dismiss"]}


def test_the_offers_differ_by_language(edition):
    """Each language has its own words (no copy of another's block left untranslated)."""
    found = json.loads(offer.offers(edition, ONLINE, edition.source.code, HOME))
    for key in offer.KEYS:
        words = [o[key] for o in found]
        assert len(set(words)) == len(words), key
