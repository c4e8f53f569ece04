"""Derived links: where each glossary term is used, and related paragraphs.

Related paragraphs are derived, never hand-written: two paragraphs are related by the
glossary terms they share, each term weighted by how rare it is in the declaration (a term
in every paragraph relates nothing). Computed on the source language, so every language
offers the same related paragraphs.
"""

from __future__ import annotations

import math

from hooks.edition.glossary import Glossary

RELATED_LIMIT = 3


def usage(glossary: Glossary, paragraphs: dict[int, str], word_boundaries: bool) -> dict[str, list[int]]:
    """For each term id, the paragraphs in which it is marked, in order."""
    matcher = glossary.matcher(word_boundaries)
    used: dict[str, list[int]] = {term_id: [] for term_id in glossary.terms}
    for number in sorted(paragraphs):
        for term_id in {match.term_id for match in matcher.find(paragraphs[number])}:
            used[term_id].append(number)
    for numbers in used.values():
        numbers.sort()
    return used


def related(used: dict[str, list[int]], page_of: dict[int, str], limit: int = RELATED_LIMIT) -> dict[int, tuple[int, ...]]:
    """Up to ``limit`` paragraphs on other pages sharing the rarest terms with each paragraph.

    Score of a pair = sum over shared terms of log(N / paragraphs using the term); ties go
    to the lower paragraph number, so the result is deterministic.
    """
    count = len(page_of)
    terms_of: dict[int, set[str]] = {n: set() for n in page_of}
    for term_id, numbers in used.items():
        for n in numbers:
            terms_of[n].add(term_id)
    weight = {term_id: math.log(count / len(numbers)) for term_id, numbers in used.items() if numbers}
    result: dict[int, tuple[int, ...]] = {}
    for n in sorted(page_of):
        scored = []
        for other in sorted(page_of):
            if page_of[other] == page_of[n]:
                continue
            score = sum(weight[t] for t in terms_of[n] & terms_of[other])
            if score > 0:
                scored.append((-round(score, 9), other))
        result[n] = tuple(other for _, other in sorted(scored)[:limit])
    return result


class Derived:
    """Everything derived from the glossary for one build: matchers and usage per language,
    related paragraphs."""

    def __init__(self, edition):
        self.usage = {
            lang.code: usage(edition.glossaries[lang.code], edition.texts[lang.code].paragraphs,
                             lang.word_boundaries)
            for lang in edition.languages
        }
        self.matchers = {lang.code: edition.glossaries[lang.code].matcher(lang.word_boundaries)
                         for lang in edition.languages}
        page_of = {n: edition.structure.page_of(n).slug for n in range(1, edition.structure.paragraph_count + 1)}
        self.related = related(self.usage[edition.source.code], page_of)
