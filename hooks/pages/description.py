"""Each page's description (``<meta name="description">``), in the page's language.

A text page is described by its lead: its heading, then the first words of its first
paragraph, cut between words (or, in a language written without spaces, between characters)
and marked "…" where cut. Every other page has a short description of its own in the
interface strings (``meta.{key}`` of source/i18n/{lang}.yml); a page kind without one is
described by its name and the edition's description (``meta.index``).
"""

from __future__ import annotations

from hooks.edition.model import Edition
from hooks.urls import HOME

# The longest description, in characters: search engines show about 155 Latin characters,
# about half as many Chinese ones.
LIMIT = 155
LIMIT_WITHOUT_SPACES = 80
SEPARATOR = {True: ": ", False: "："}  # after the heading: word-spaced languages, the others
ELLIPSIS = "…"


def description(edition: Edition, code: str, key: str) -> str:
    strings = edition.strings[code]
    if key in edition.structure.slugs:
        return lead(edition, code, key)
    own = f"meta.{key}"
    if own in strings:
        return strings[own]
    return f"{edition.page_name(code, key)} · {strings[f'meta.{HOME}']}"


def lead(edition: Edition, code: str, slug: str) -> str:
    """The heading of text page ``slug`` and the first words of its first paragraph."""
    language = edition.language(code)
    spaced = language.word_boundaries
    first = edition.paragraphs(code, edition.structure.page(slug))[0].words
    return shorten(edition.heading(code, slug) + SEPARATOR[spaced] + " ".join(first.split()),
                   LIMIT if spaced else LIMIT_WITHOUT_SPACES, spaced)


def shorten(text: str, limit: int, spaced: bool) -> str:
    """``text`` if it has at most ``limit`` characters; otherwise its start, cut at the last
    space within the limit where the language has spaces, followed by "…" (within the limit)."""
    if len(text) <= limit:
        return text
    cut = text[:limit - len(ELLIPSIS)]
    if spaced and " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:，、；：") + ELLIPSIS
