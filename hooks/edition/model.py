"""The edition as one model: every page of every language is derived from it."""

from __future__ import annotations

from dataclasses import dataclass

from hooks.edition.glossary import Glossary
from hooks.edition.instruments import Instruments
from hooks.edition.meta import Facts
from hooks.edition.normalize import Note, Normalizations
from hooks.edition.strings import Strings
from hooks.edition.structure import PageSpec, Structure
from hooks.edition.text import LanguageText
from hooks.urls import AFTER_TEXT, HOME

# The pages besides the text pages, each named by the interface string nav.{key}.
OTHER_PAGES = (HOME, *AFTER_TEXT)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    dir: str
    is_source: bool
    word_boundaries: bool
    collation: str


@dataclass(frozen=True)
class Paragraph:
    number: int
    words: str
    page: PageSpec
    notes: tuple[Note, ...]  # the edition's notes on the source text (every language shows them)
    translator_notes: tuple[str, ...] = ()  # this language's notes on its translation


@dataclass(frozen=True)
class Edition:
    structure: Structure
    normalizations: Normalizations
    languages: tuple[Language, ...]
    texts: dict[str, LanguageText]
    strings: dict[str, Strings]
    glossaries: dict[str, Glossary]
    facts: Facts  # source/edition.yml: dates of the declaration, the edition's id
    instruments: Instruments  # source/instruments.yml and its labels: what came after

    @property
    def source(self) -> Language:
        return self.languages[0]

    def language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    def paragraphs(self, code: str, page: PageSpec) -> list[Paragraph]:
        text = self.texts[code]
        return [
            Paragraph(n, text.paragraphs[n], page, tuple(x for x in self.normalizations.notes if x.paragraph == n),
                      text.translator_notes.get(n, ()))
            for n in page.numbers
        ]

    @property
    def page_keys(self) -> tuple[str, ...]:
        """Every page, in reading order: home, the text pages, then the pages of
        :data:`hooks.urls.AFTER_TEXT` (glossary, about …)."""
        return (HOME, *self.structure.slugs, *AFTER_TEXT)

    def page_name(self, code: str, key: str) -> str:
        """A page's name in language ``code`` (navigation, links, search results)."""
        strings = self.strings[code]
        if key in OTHER_PAGES:
            # home, glossary, about: nav.{key}; a later page kind names itself in its own
            # block of interface strings: {key}.name
            nav = f"nav.{'home' if key == HOME else key}"
            return strings[nav] if nav in strings else strings[f"{key}.name"]
        return strings[f"pages.{key}"]

    def heading(self, code: str, slug: str) -> str:
        return self.texts[code].headings[slug]
