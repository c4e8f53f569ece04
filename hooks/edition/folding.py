"""Folding: which differences in writing do not count when words are compared.

One definition, as data (``foldings:`` in ``source/search.yml``), used in two places:

- the glossary's term matcher (:mod:`hooks.edition.terms`, the tooltips), in Python, at build time;
- the browser's search (``docs/assets/search-text.js``), which receives the same rules as JSON
  (:meth:`Folding.as_json`) in the language's records file and applies them the same way.

``tests/browser/test_folding.py`` runs both on the same words and requires the same results.

A folding is, all optional:

- ``map``: single characters replaced by one character or removed (``""``): hamza forms of
  alef to bare alef, tashkeel and tatweel removed, ``ё`` to ``е``;
- ``marks: true``: letters lose their accents (the nonspacing marks of their canonical
  decomposition): ``é`` to ``e``, ``ñ`` to ``n``;
- ``clitics``: prefixes written on the front of a word, each with the article it holds
  (``وال`` holds ``ال``; ``لل`` is ``ل`` + ``ال`` with the alef dropped). A glossary term is
  found behind them (``والمدنيين``, ``للمدنيين``); search strips one of them (light stemming);
- ``suffixes``: endings that search's light stemming strips, in the order listed, each once;
- ``clitic_keep``, ``suffix_keep``: the fewest letters light stemming leaves (both 3 unless
  set); a prefix of two clitics without an article (``وب``) leaves the larger of the two;
- ``plurals``: endings that stand for another before the suffixes are stripped (``ات`` for
  ``ة``: ``آليات`` meets ``آلية``);
- ``pronouns``, ``marbuta``: after one of the pronoun suffixes is stripped, a final ``marbuta``
  letter (``ت``, the ta marbuta before a pronoun) is stripped too: ``ولايته`` meets ``ولاية``;
and, not written in the folding but given by the language that stems with it, its stop words
as ``function_words`` (:meth:`Folding.with_function_words`, from
:func:`hooks.outputs.search.load_settings`): a strip that would leave one of them, alone or
behind a clitic, is not made: ``ولاية`` never stems to ``ولا`` (``ولا سيما``), nor ``آلية`` to
``الي`` (``إلى``).

Folding works character by character, so that every folded character knows where it stood
in the original text: a glossary mark covers the original words, accents and tashkeel included.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from hooks.edition import yamlsource
from hooks.errors import SourceError

KEYS = ("map", "marks", "clitics", "suffixes", "clitic_keep", "suffix_keep", "plurals", "pronouns", "marbuta")
DEFAULT_CLITIC_KEEP = 3
DEFAULT_SUFFIX_KEEP = 3


@dataclass(frozen=True)
class Folding:
    name: str
    map: dict[str, str] = field(default_factory=dict)  # one character -> one character or ""
    marks: bool = False
    clitics: tuple[tuple[str, str], ...] = ()  # (prefix, the article it holds), folded, longest first
    suffixes: tuple[str, ...] = ()  # folded, in the order they are tried
    clitic_keep: int = DEFAULT_CLITIC_KEEP
    suffix_keep: int = DEFAULT_SUFFIX_KEEP
    plurals: tuple[tuple[str, str], ...] = ()  # (ending, what it stands for), folded
    pronouns: tuple[str, ...] = ()  # folded, among the suffixes
    marbuta: str = ""
    function_words: frozenset[str] = frozenset()  # folded: the stop words of the language that stems with it

    def char(self, ch: str) -> str:
        """One character, folded: the same rule as ``folder`` in search-text.js."""
        if ch in self.map:
            return self.map[ch]
        if self.marks:
            decomposed = unicodedata.normalize("NFD", ch)
            kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
            if kept != decomposed:
                return unicodedata.normalize("NFC", kept)
        return ch

    def fold(self, text: str) -> str:
        return "".join(self.char(ch) for ch in text)

    def fold_with_origins(self, text: str) -> tuple[str, list[int]]:
        """``text`` folded, and for each folded character the index of the original character
        it comes from (one original character may give none, one or several)."""
        folded: list[str] = []
        origins: list[int] = []
        for index, ch in enumerate(text):
            out = self.char(ch)
            folded.append(out)
            origins.extend([index] * len(out))
        return "".join(folded), origins

    def strip_clitic(self, word: str) -> str:
        """A folded word without the longest clitic it begins with, if enough letters remain:
        ``clitic_keep``, or after two clitics without an article (``وب``) the larger of
        ``clitic_keep`` and ``suffix_keep`` (``ولاية`` is not ``ول`` + ``اية``)."""
        for prefix, article in self.clitics:
            keep = self.clitic_keep if len(prefix) == 1 or article else max(self.clitic_keep, self.suffix_keep)
            if word.startswith(prefix) and len(word) - len(prefix) >= keep:
                return word[len(prefix):]
        return word

    def blocked(self, stem: str) -> bool:
        """Whether ``stem`` is a function word, alone or behind a clitic."""
        return stem in self.function_words or any(
            stem.startswith(prefix) and stem[len(prefix):] in self.function_words for prefix, _ in self.clitics)

    def rewrite_plural(self, word: str) -> str:
        """A folded word with its plural ending (the first listed that it ends with) rewritten
        as the ending it stands for, if the word keeps ``suffix_keep`` letters."""
        for ending, instead in self.plurals:
            if word.endswith(ending) and len(word) - len(ending) + len(instead) >= self.suffix_keep:
                return word[: -len(ending)] + instead
        return word

    def strip_suffixes(self, word: str) -> str:
        """A folded word with its plural ending rewritten, then without each listed suffix found
        at its end, tried in order, each once, as long as enough letters remain and no function
        word is left. After a pronoun, a plural ending is rewritten, or else the ``marbuta``
        letter stripped: ``ولاياتها`` and ``ولايته`` stem as ``ولاية``."""
        keep = self.suffix_keep
        word = self.rewrite_plural(word)
        for suffix in self.suffixes:
            shorter = word[: -len(suffix)]
            if word.endswith(suffix) and len(shorter) >= keep and not self.blocked(shorter):
                word = shorter
                if suffix in self.pronouns:
                    plural = self.rewrite_plural(word)
                    if plural != word:
                        word = plural
                    elif self.marbuta and word.endswith(self.marbuta) and len(word) - 1 >= keep \
                            and not self.blocked(word[:-1]):
                        word = word[:-1]
        return word

    def light_stems(self, word: str) -> tuple[str, ...]:
        """Light stemming, for search: the word folded, read once as it is and once without
        the clitic it begins with (``ولاية`` is a word, ``والولاية`` و + ال + a word: letters
        alone cannot tell), each without its suffixes. One or two stems, in that order."""
        folded = self.fold(word)
        return tuple(dict.fromkeys(self.strip_suffixes(w) for w in (folded, self.strip_clitic(folded))))

    def with_function_words(self, words: Iterable[str]) -> Folding:
        """This folding, keeping light stemming off ``words`` (a language's stop words), folded."""
        return replace(self, function_words=frozenset(self.fold(word) for word in words))

    @property
    def stems(self) -> bool:
        """Whether this folding has light stemming to offer (clitics or suffixes)."""
        return bool(self.clitics or self.suffixes)

    def as_json(self) -> dict[str, Any]:
        """The rules as the browser's search reads them (search-text.js, ``folder`` and
        ``lightStemmer``); the rules of issue 13 only where the folding sets them."""
        data = {"map": self.map, "marks": self.marks, "clitics": [list(c) for c in self.clitics],
                "suffixes": list(self.suffixes), "clitic_keep": self.clitic_keep,
                "suffix_keep": self.suffix_keep}
        more = {"plurals": [list(p) for p in self.plurals],
                "pronouns": list(self.pronouns), "marbuta": self.marbuta,
                "function_words": sorted(self.function_words)}
        return data | {key: value for key, value in more.items() if value}


def parse(data: Any, where: Path) -> dict[str, Folding]:
    """The ``foldings:`` section of search.yml: named foldings."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(where, getattr(data, "line", None), f"foldings: {yamlsource.describe(data)}",
                          "a mapping of folding names to their rules")
    return {name: _parse_one(name, spec, data.lines[name], where) for name, spec in data.items()}


def _parse_one(name: str, spec: Any, line: int, where: Path) -> Folding:
    if not isinstance(spec, dict):
        raise SourceError(where, line, f"{yamlsource.describe(spec)} for folding '{name}'",
                          f"a mapping with some of {', '.join(KEYS)}")
    for key in spec:
        if key not in KEYS:
            raise SourceError(where, spec.lines[key], f"key '{key}' in folding '{name}'", f"only {', '.join(KEYS)}")
    marks = spec.get("marks", False)
    if not isinstance(marks, bool):
        raise SourceError(where, spec.lines["marks"], f"marks: {yamlsource.describe(marks)}", "marks: true or false")
    mapping = _char_map(spec.get("map") or {}, spec.lines.get("map", line), name, where)
    plain = Folding(name, mapping, marks)
    clitics = _clitics(spec.get("clitics") or {}, spec.lines.get("clitics", line), plain, name, where)
    suffixes = _suffixes(spec.get("suffixes") or [], spec.lines.get("suffixes", line), plain, name, where)
    keeps = {key: _count(spec, key, default, where, name)
             for key, default in (("clitic_keep", DEFAULT_CLITIC_KEEP), ("suffix_keep", DEFAULT_SUFFIX_KEEP))}
    plurals = _clitics(spec.get("plurals") or {}, spec.lines.get("plurals", line), plain, name, where, "plural ending")
    pronouns = _suffixes(spec.get("pronouns") or [], spec.lines.get("pronouns", line), plain, name, where)
    for pronoun in pronouns:
        if pronoun not in suffixes:
            raise SourceError(where, spec.lines["pronouns"], f"pronoun suffix {pronoun!r} in folding '{name}'",
                              "one of the folding's suffixes")
    marbuta = spec.get("marbuta", "")
    if not isinstance(marbuta, str) or len(marbuta) > 1:
        raise SourceError(where, spec.lines["marbuta"], f"marbuta: {_shown(marbuta)} in folding '{name}'",
                          "the one letter the ta marbuta is written as before a pronoun")
    return Folding(name, mapping, marks, clitics, suffixes, **keeps, plurals=plurals, pronouns=pronouns,
                   marbuta=plain.fold(marbuta))


def _char_map(mapping: Any, line: int, name: str, where: Path) -> dict[str, str]:
    if not isinstance(mapping, dict):
        raise SourceError(where, line, f"map: {yamlsource.describe(mapping)}",
                          f"a mapping of single characters to what they become in folding '{name}'")
    result = {}
    for key, value in mapping.items():
        at = mapping.lines[key]
        if not isinstance(key, str) or len(key) != 1:
            raise SourceError(where, at, f"{_shown(key)} in the map of folding '{name}'", "a single character")
        if value is None:
            value = ""
        if not isinstance(value, str) or len(value) > 1:
            raise SourceError(where, at, f"{_shown(key)}: {_shown(value)} in folding '{name}'",
                              'one character, or "" to remove it')
        result[key] = value
    return result


def _clitics(mapping: Any, line: int, plain: Folding, name: str, where: Path,
             what: str = "clitic") -> tuple[tuple[str, str], ...]:
    """Clitics (each with the article it holds) or plural endings (each with what it stands
    for): a mapping of letters to letters, folded, longest first."""
    key = "clitics" if what == "clitic" else "plurals"
    if not isinstance(mapping, dict):
        raise SourceError(where, line, f"{key}: {yamlsource.describe(mapping)}",
                          f"a mapping of prefixes to the article each holds (\"\" for none) in folding '{name}'"
                          if what == "clitic" else f"a mapping of endings to the ending each stands for in folding '{name}'")
    result = []
    for prefix, article in mapping.items():
        at = mapping.lines[prefix]
        if not isinstance(prefix, str) or not prefix.strip():
            raise SourceError(where, at, f"{what} {_shown(prefix)} in folding '{name}'",
                              "a prefix of letters" if what == "clitic" else "an ending of letters")
        article = "" if article is None else article
        if not isinstance(article, str):
            raise SourceError(where, at, f"{prefix}: {_shown(article)} in folding '{name}'",
                              'the article the prefix holds, or "" for none')
        result.append((plain.fold(prefix), plain.fold(article)))
    result.sort(key=lambda item: (-len(item[0]), item[0]))
    return tuple(result)


def _suffixes(items: Any, line: int, plain: Folding, name: str, where: Path) -> tuple[str, ...]:
    if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
        raise SourceError(where, line, f"suffixes: {yamlsource.describe(items)}",
                          f"a list of endings in folding '{name}'")
    folded = [plain.fold(item) for item in items]
    return tuple(item for index, item in enumerate(folded) if item and item not in folded[:index])


def _count(spec: dict, key: str, default: int, where: Path, name: str) -> int:
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SourceError(where, spec.lines[key], f"{key}: {yamlsource.describe(value)} in folding '{name}'",
                          "a whole number of letters, 1 or more")
    return value


def _shown(value: Any) -> str:
    """A value in a message; an invisible mark is named by its code point."""
    if isinstance(value, str) and value and all(unicodedata.category(c).startswith(("M", "C", "Z")) for c in value):
        return " ".join(f"U+{ord(c):04X}" for c in value)
    return yamlsource.describe(value)


def load(path: Path, shown: Callable[[Path], Path] = lambda p: p) -> dict[str, Folding]:
    """Each language's folding, by language code, as ``source/search.yml`` assigns them
    (``languages: {code: {folding: name}}``). Only the folding parts are checked here; the
    rest of the file is :func:`hooks.outputs.search.load_settings`'s."""
    where = shown(path)
    data = yamlsource.load(path, where)
    if not isinstance(data, dict):
        return {}
    foldings = parse(data.get("foldings"), where)
    return assigned(data.get("languages"), foldings, where)


def assigned(languages: Any, foldings: dict[str, Folding], where: Path) -> dict[str, Folding]:
    """``{code: Folding}`` for the languages that name a folding."""
    result = {}
    if not isinstance(languages, dict):
        return result
    for code, spec in languages.items():
        if isinstance(spec, dict) and "folding" in spec:
            name = spec["folding"]
            if name not in foldings:
                raise SourceError(where, spec.lines["folding"], f"folding {_shown(name)}",
                                  f"one of the foldings listed above ({', '.join(foldings) or 'none'})")
            result[code] = foldings[name]
    return result
