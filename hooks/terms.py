"""Marking glossary terms in rendered text: longest match first, never overlapping.

Plain Python on ``xml.etree`` elements. :class:`Matcher` finds the terms of one language in
a string; :func:`mark` walks an element's text and wraps each match, skipping what must
never be marked: headings, links, code and the apparatus (``data-apparatus``). Chinese
matching needs no word boundaries; languages that have them (``word_boundaries`` in
``source/languages.yml``) only match whole words.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable, Iterable

SKIPPED_TAGS = frozenset({"a", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"})
APPARATUS = "data-apparatus"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term_id: str
    form: str


class Matcher:
    """Leftmost-longest matching of a language's terms and variants."""

    def __init__(self, forms: Iterable[tuple[str, str]], word_boundaries: bool):
        self.word_boundaries = word_boundaries
        by_first: dict[str, list[tuple[str, str]]] = {}
        for form, term_id in forms:
            by_first.setdefault(form[0], []).append((form, term_id))
        for candidates in by_first.values():
            candidates.sort(key=lambda item: (-len(item[0]), item[0]))
        self._by_first = by_first

    def _bounded(self, text: str, start: int, end: int) -> bool:
        if not self.word_boundaries:
            return True
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        return not (before.isalnum() or after.isalnum())

    def find(self, text: str) -> list[Match]:
        matches: list[Match] = []
        index = 0
        while index < len(text):
            for form, term_id in self._by_first.get(text[index], ()):
                end = index + len(form)
                if text.startswith(form, index) and self._bounded(text, index, end):
                    matches.append(Match(index, end, term_id, form))
                    index = end
                    break
            else:
                index += 1
        return matches


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
