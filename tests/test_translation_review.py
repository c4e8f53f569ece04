"""The must-fixes of the translation and terminology review (issue 7 §1), held in the sources.

Each test reads the real sources through the model, so that a later edit which brings back a
rejected rendering fails here. The glossary checks go through the real term matcher.
"""

from __future__ import annotations

import pytest

LIGHT = "light-coordination-mechanisms"


def _marks(edition, code: str, number: int) -> list[tuple[str, str]]:
    """(term id, matched form) of every glossary mark in paragraph ``number``."""
    language = edition.language(code)
    matcher = edition.glossaries[code].matcher(language.word_boundaries)
    return [(m.term_id, m.form) for m in matcher.find(edition.texts[code].paragraphs[number])]


def test_para_14_says_light_coordination_mechanisms(edition):
    words = edition.texts["en"].paragraphs[14]
    assert "light coordination mechanisms" in words
    assert "small-scale" not in words


def test_light_coordination_mechanisms_is_a_term_in_every_language_and_marked_in_para_14(edition):
    for language in edition.languages:
        assert LIGHT in edition.glossaries[language.code].terms, language.code
        assert LIGHT in {term_id for term_id, _ in _marks(edition, language.code, 14)}, language.code


def test_para_3_uses_the_doctrinal_wording_and_collectively(edition):
    words = edition.texts["en"].paragraphs[3]
    assert "non-use of force except in self-defence and defence of the mandate" in words
    assert "We collectively reaffirm" in words
    assert "carrying out the mandate" not in words


@pytest.mark.parametrize("number, verb", [
    (18, "由安全理事会授权"),  # "authorized by the Security Council": a verb, not the noun
    (9, "经授权的"),  # "mandated / authorized": an adjective
])
def test_the_verb_authorize_is_not_marked_as_mandate(edition, number, verb):
    words = edition.texts["zh"].paragraphs[number]
    start = words.index(verb)  # the sentence the review names is really there
    verb_span = range(start, start + len(verb))
    language = edition.language("zh")
    matcher = edition.glossaries["zh"].matcher(language.word_boundaries)
    for match in matcher.find(words):
        if match.term_id == "mandates":
            assert match.start not in verb_span and match.end - 1 not in verb_span, (match, verb)
    assert "授权" not in edition.glossaries["zh"].terms["mandates"].variants


def test_impartiality_keeps_the_text_headword_and_adds_the_un_term(edition):
    entry = edition.glossaries["zh"].terms["impartiality"]
    assert entry.term == "中立"
    assert "公正" in entry.variants
    assert "中立" in edition.texts["zh"].paragraphs[3]
    assert ("impartiality", "中立") in _marks(edition, "zh", 3)
