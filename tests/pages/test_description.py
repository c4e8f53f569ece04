"""hooks.pages.description: every page's <meta name="description">, in the page's language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hooks.pages import description
from hooks.urls import ABOUT, GLOSSARY, HOME


def test_shorten_cuts_between_words_within_the_limit():
    text = "alpha beta gamma delta"
    assert description.shorten(text, len(text), True) == text
    # 15 characters: "alpha beta gam" + "…" would cut a word; the cut goes back to a space
    assert description.shorten(text, 15, True) == "alpha beta…"
    assert description.shorten("甲乙丙丁戊己", 4, False) == "甲乙丙…"
    assert description.shorten("甲乙，丙丁戊己", 4, False) == "甲乙…"  # no comma before "…"


def test_a_text_page_is_described_by_its_heading_and_first_words(edition):
    first = edition.texts["en"].paragraphs[1]  # preamble starts with paragraph 1 (CONTRACT.md)
    got = description.description(edition, "en", "preamble")
    assert got.startswith("Preamble: " + first[:40])
    assert got.endswith("…") and len(got) <= description.LIMIT
    assert got[:-1] in "Preamble: " + first
    zh = description.description(edition, "zh", "politics")
    assert zh.startswith("推动冲突政治解决，增强维和政治影响：" + edition.texts["zh"].paragraphs[4][:10])
    assert len(zh) <= description.LIMIT_WITHOUT_SPACES


def test_home_glossary_and_about_have_their_own_description_in_every_language(edition):
    for key in (HOME, GLOSSARY, ABOUT):
        seen = {}
        for language in edition.languages:
            got = description.description(edition, language.code, key)
            assert got == edition.strings[language.code][f"meta.{key}"]
            assert 0 < len(got) <= description.LIMIT, (language.code, key, got)
            seen[language.code] = got
        assert len(set(seen.values())) == len(seen), f"{key}: a description is not translated: {seen}"


def test_every_page_has_a_description_in_its_language(edition):
    for language in edition.languages:
        for key in edition.page_keys:
            got = description.description(edition, language.code, key)
            assert got.strip(), (language.code, key)
        # the texts are in the language: the Arabic descriptions are in Arabic script
    assert all(re.search(r"[\u0600-\u06FF]", description.description(edition, "ar", key))
               for key in edition.page_keys)


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "meta" and attrs.get("name") == "description":
            self.found.append(attrs.get("content") or "")


@pytest.mark.parametrize("lang", ["zh", "en", "ar"])
def test_the_built_pages_carry_the_description(built_site, edition, lang):
    from hooks.urls import Scheme
    scheme = Scheme("https://example.org/", edition.source.code, True)
    for key in edition.page_keys:
        path = built_site / scheme.file_of(scheme.page(lang, key))
        parser = _Meta()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.lang == lang, path
        assert parser.found == [description.description(edition, lang, key)], path
