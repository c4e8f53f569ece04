"""The glossary: per language, each term's form, variants, definition and related terms.

``source/glossary/{lang}.yml``::

    terms:
      protection-of-civilians:          # ASCII id, the same in every language (#term-{id})
        term: 保护平民
        variants: []                    # abbreviations, short forms; plurals and case in English
        definition: 一两句话的定义。
        related: [peacekeeping-operations]   # optional, ids

The source language's file sets the ids; every language must have exactly those ids. A
term or variant may stand only once in a language, and every term must occur in its
language's text. ``related`` names other terms of the glossary, each once (never the term
itself). A definition has at most :data:`MAX_DEFINITION` characters, a term or variant at most
:data:`MAX_FORM`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hooks import kept
from hooks.edition import sourcefile, yamlsource
from hooks.edition.folding import Folding
from hooks.edition.terms import Matcher
from hooks.errors import SourceError

TERM_KEYS = {"term", "variants", "definition", "related"}
MAX_DEFINITION = 2_000  # one or two sentences, shown in a tooltip: the longest has 528 (ru)
MAX_FORM = 200  # a term or variant, matched in the text: the longest has 94 (es)


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    variants: tuple[str, ...]
    definition: str
    related: tuple[str, ...]
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Glossary:
    path: Path
    terms: dict[str, Term]  # in file order
    line: int
    folding: Folding | None = None  # how its terms are found in text (source/search.yml, foldings)
    # one matcher per word_boundaries, made once: the check, the crosslinks and every page use it
    _matchers: dict[bool, Matcher] = field(default_factory=dict, init=False, repr=False, compare=False)

    def matcher(self, word_boundaries: bool) -> Matcher:
        if word_boundaries not in self._matchers:
            self._matchers[word_boundaries] = Matcher(
                ((form, term.id) for term in self.terms.values() for form in term.forms), word_boundaries, self.folding)
        return self._matchers[word_boundaries]


def load(path: Path, shown_as: Path | None = None) -> Glossary:
    shown = shown_as or path
    data = yamlsource.load(path, shown)
    items = yamlsource.require(data, "terms", dict, shown, "the glossary")
    terms: dict[str, Term] = {}
    seen: dict[str, tuple[str, int]] = {}
    for term_id, item in items.items():
        line = items.lines[term_id]
        yamlsource.check_entry(term_id, item, line, shown, "term", TERM_KEYS)
        term = yamlsource.require(item, "term", str, shown, f"term '{term_id}'").strip()
        definition = yamlsource.require(item, "definition", str, shown, f"term '{term_id}'").strip()
        variants = _list(item, "variants", shown, term_id)
        related = _list(item, "related", shown, term_id)
        sourcefile.check_length(shown, item.lines["term"], "a term", term, MAX_FORM)
        for index, variant in enumerate(variants):
            sourcefile.check_length(shown, item["variants"].lines[index], "a variant", variant, MAX_FORM)
        sourcefile.check_length(shown, item.lines["definition"], "a definition", definition, MAX_DEFINITION)
        forms = [(term, item.lines["term"])] + [(variant, item.lines["variants"]) for variant in variants]
        for form, form_line in forms:
            if form in seen:
                other, other_line = seen[form]
                raise SourceError(shown, form_line, f"'{form}' a second time (in '{term_id}'; "
                                  f"first in '{other}' on line {other_line})", "each term and variant once")
            seen[form] = (term_id, form_line)
        terms[term_id] = Term(term_id, term, tuple(variants), definition, tuple(related), line)
    for term in terms.values():
        lines = items[term.id].get("related") or []
        for index, other in enumerate(term.related):
            line = lines.lines[index]
            if other not in terms:
                raise SourceError(shown, line, f"related id '{other}' in '{term.id}'",
                                  "the id of a term in this glossary")
            if other == term.id:
                raise SourceError(shown, line, f"'{term.id}' related to itself",
                                  "the ids of other terms in 'related'")
            if other in term.related[:index]:
                raise SourceError(shown, line, f"related id '{other}' a second time in '{term.id}'",
                                  "each related term once")
    return Glossary(shown, terms, items.line)


def _list(item, key: str, shown: Path, term_id: str) -> list[str]:
    value = item.get(key) or []
    line = item.lines.get(key, item.line)
    expected = f"'{key}' to be a list of non-empty texts, like [a, b]"
    if not isinstance(value, list):
        raise SourceError(shown, line, f"'{key}' of '{term_id}': {yamlsource.describe(value)}", expected)
    for index, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            raise SourceError(shown, value.lines[index], f"{yamlsource.describe(v)} in '{key}' of '{term_id}'",
                              expected)
    return [v.strip() for v in value]


def check_aligned(glossaries: dict[str, Glossary], source: str) -> None:
    """Every language has exactly the source language's term ids."""
    wanted = glossaries[source]
    for code, glossary in glossaries.items():
        for term_id in wanted.terms:
            if term_id not in glossary.terms:
                raise SourceError(glossary.path, glossary.line, f"no term '{term_id}'",
                                  f"every term id of {wanted.path.as_posix()}")
        for term_id, term in glossary.terms.items():
            if term_id not in wanted.terms:
                raise SourceError(glossary.path, term.line, f"term '{term_id}'",
                                  f"only the term ids of {wanted.path.as_posix()}")


def check_used(glossary: Glossary, paragraphs: dict[int, str], word_boundaries: bool, text_path: Path) -> None:
    """Every term occurs in at least one paragraph of its language."""
    matcher = glossary.matcher(word_boundaries)
    used = {match.term_id for words in paragraphs.values() for match in matcher.find(words)}
    for term in glossary.terms.values():
        if term.id not in used:
            raise SourceError(glossary.path, term.line,
                              f"term '{term.id}' ({' / '.join(term.forms)}) in no paragraph of {text_path.as_posix()}",
                              "every term to occur in its language's text")


PINYIN_CACHE = kept.ROOT / "pinyin"  # each glossary's pinyin, between builds (pinyin())
PINYIN_KEEP = 16


def pinyin(words: list[str]) -> dict[str, list[str]]:
    """Each of ``words`` in pinyin, tones as numbers (pypinyin's TONE3), one list item a
    character or word. Kept on disk by the words and pypinyin's version: importing pypinyin
    (its phrase dictionary) took 0.15 s of every build's CPU time."""
    version = importlib.metadata.version("pypinyin")
    name = hashlib.sha256(json.dumps([version, "TONE3", sorted(words)], ensure_ascii=False).encode("utf-8")).hexdigest()
    data = kept.get(PINYIN_CACHE, f"{name}.json")
    if data is not None:
        return json.loads(data)
    from pypinyin import Style, lazy_pinyin

    found = {word: lazy_pinyin(word, style=Style.TONE3) for word in words}
    kept.put(PINYIN_CACHE, f"{name}.json", json.dumps(found, ensure_ascii=False).encode("utf-8"), PINYIN_KEEP)
    return found


def ordered(glossary: Glossary, collation: str) -> list[Term]:
    """The terms in the language's order: by pinyin (tones as numbers), or alphabetically."""
    if collation == "pinyin":
        spelled = pinyin([term.term for term in glossary.terms.values()])

        def key(term: Term):
            return (spelled[term.term], term.term)
    else:
        def key(term: Term):
            # letters before their accents: "État" files under E, not after "z"
            bare = "".join(c for c in unicodedata.normalize("NFKD", term.term) if not unicodedata.combining(c))
            return (bare.casefold(), term.term.casefold(), term.term)
    return sorted(glossary.terms.values(), key=key)
