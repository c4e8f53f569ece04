"""Marking glossary terms in rendered text: longest match first, never overlapping.

Plain Python on ``xml.etree`` elements. :class:`Matcher` finds the terms of one language in
a string; :func:`mark` walks an element's text and wraps each match, skipping what must
never be marked: headings, links, code and the apparatus (``data-apparatus``). Chinese
matching needs no word boundaries; languages that have them (``word_boundaries`` in
``source/languages.yml``) only match whole words.

A language may have a folding (:mod:`hooks.edition.folding`, from ``source/search.yml``): the text and
the terms are then compared folded (accents, hamza forms, tashkeel do not count), and a term
is also found behind a clitic prefix (``والمدنيين``, ``للمدنيين`` for ``المدنيين``). A match
always covers whole original words: the clitic and the term, with every mark and tatweel of
the original. Its ``form`` is the text as written there, never the glossary's spelling.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable, Iterable

from hooks.edition.folding import Folding

SKIPPED_TAGS = frozenset({"a", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"})
APPARATUS = "data-apparatus"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term_id: str
    form: str  # the matched text as it stands in the text: text[start:end]


Table = dict[str, list[tuple[str, str]]]  # first character -> (folded form, term id), longest first


def _table(forms: Iterable[tuple[str, str]]) -> Table:
    table: Table = {}
    for form, term_id in sorted(set(forms), key=lambda item: (-len(item[0]), item[0], item[1])):
        if form:
            table.setdefault(form[0], []).append((form, term_id))
    return table


class Matcher:
    """Leftmost-longest matching of a language's terms and variants."""

    def __init__(self, forms: Iterable[tuple[str, str]], word_boundaries: bool, folding: Folding | None = None):
        self.word_boundaries = word_boundaries
        self.folding = folding
        self._found: dict[str, tuple[Match, ...]] = {}  # text → its matches (see find)
        fold = folding.fold if folding else (lambda text: text)
        folded = [(fold(form), term_id) for form, term_id in forms]
        self._by_first = _table(folded)
        # behind a clitic that holds an article, the terms that begin with it match without it
        self._behind: dict[str, Table] = {}
        for _prefix, article in (folding.clitics if folding else ()):
            if article not in self._behind:
                self._behind[article] = _table(
                    (form[len(article):] if article and form.startswith(article) else form, term_id)
                    for form, term_id in folded)

    def _letter(self, text: str, index: int) -> bool:
        return 0 <= index < len(text) and text[index].isalnum()

    def _longest(self, text: str, start: int, table: Table) -> tuple[int, str] | None:
        for form, term_id in table.get(text[start], ()) if start < len(text) else ():
            end = start + len(form)
            if text.startswith(form, start) and not (self.word_boundaries and self._letter(text, end)):
                return end, term_id
        return None

    def _at(self, text: str, index: int) -> tuple[int, str] | None:
        """The longest match starting at ``index`` of the (folded) text: (end, term id)."""
        if self.word_boundaries and self._letter(text, index - 1):
            return None
        best = self._longest(text, index, self._by_first)
        for prefix, article in self.folding.clitics if self.folding else ():
            if text.startswith(prefix, index):
                found = self._longest(text, index + len(prefix), self._behind[article])
                if found and (best is None or found[0] > best[0]):
                    best = found
        return best

    def find(self, text: str) -> list[Match]:
        """The matches in ``text``, leftmost-longest. The same paragraph is searched by the
        glossary's check, the crosslinks and each page that shows it: each text once."""
        if text not in self._found:
            self._found[text] = tuple(self._find(text))
        return list(self._found[text])

    def _find(self, text: str) -> list[Match]:
        if self.folding:
            folded, origins = self.folding.fold_with_origins(text)
        else:
            folded, origins = text, list(range(len(text)))
        matches: list[Match] = []
        index = 0
        while index < len(folded):
            found = self._at(folded, index)
            if found:
                end, term_id = found
                span = self._span(text, folded, origins, index, end)
                if span:
                    start, stop = span
                    matches.append(Match(start, stop, term_id, text[start:stop]))
                    index = end
                    continue
            index += 1
        return matches

    def _span(self, text: str, folded: str, origins: list[int], start: int, end: int) -> tuple[int, int] | None:
        """The original text's span of folded ``[start, end)``: whole original characters, and
        the characters that fold to nothing (marks, tatweel) right after it; None when the
        match would cut an original character in two."""
        first, last = origins[start], origins[end - 1]
        if (start > 0 and origins[start - 1] == first) or (end < len(folded) and origins[end] == last):
            return None
        stop = last + 1
        following = origins[end] if end < len(folded) else len(text)
        if self.folding:
            while stop < following and self.folding.char(text[stop]) == "":
                stop += 1
        return first, stop


MakeMark = Callable[[Match], list[ET.Element]]


def mark(element: ET.Element, matcher: Matcher, make_mark: MakeMark) -> list[Match]:
    """Wrap every match in ``element``'s own text and its children's, in document order.

    ``make_mark(match)`` returns the elements that replace the matched words (for example
    the term link and its tooltip); their tails are set here. Returns the matches made.
    """
    made: list[Match] = []
    _mark_inside(element, matcher, make_mark, made)
    return made


def _skipped(node: ET.Element) -> bool:
    return node.tag in SKIPPED_TAGS or APPARATUS in node.attrib


def _mark_inside(node: ET.Element, matcher: Matcher, make_mark: MakeMark, made: list[Match]) -> None:
    if _skipped(node):
        return
    children = list(node)
    if node.text:
        marks = _split(node.text, matcher, make_mark, made)
        if marks is not None:
            node.text, new = marks
            for offset, child in enumerate(new):
                node.insert(offset, child)
    for child in children:
        _mark_inside(child, matcher, make_mark, made)
        if child.tail:
            marks = _split(child.tail, matcher, make_mark, made)
            if marks is not None:
                child.tail, new = marks
                position = list(node).index(child) + 1
                for offset, new_child in enumerate(new):
                    node.insert(position + offset, new_child)


def _split(text: str, matcher: Matcher, make_mark: MakeMark, made: list[Match]):
    """``text`` cut at its matches: (leading text, [elements with tails]) or None."""
    matches = matcher.find(text)
    if not matches:
        return None
    lead = text[: matches[0].start]
    elements: list[ET.Element] = []
    for number, match in enumerate(matches):
        following = matches[number + 1].start if number + 1 < len(matches) else len(text)
        parts = make_mark(match)
        parts[-1].tail = text[match.end : following] or None
        elements.extend(parts)
        made.append(match)
    return lead or None, elements
