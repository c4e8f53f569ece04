"""Where the sources live, and loading all of them into one validated :class:`Edition`.

    source/
      seed/a4p-declaration.zh.txt   the Chinese text as supplied, byte for byte
      normalizations.yml            how the canonical Chinese source is derived from it
      structure.yml                 pages and their paragraphs (language-neutral)
      languages.yml                 the languages, the source language first
      text/{lang}.txt               title, headings, paragraphs (hooks.edition.text format)
      i18n/{lang}.yml               interface strings, reasons, notes (hooks.edition.strings)
      glossary/{lang}.yml           glossary terms (hooks.edition.glossary)
      instruments.yml               what came after: facts (language-neutral; hooks.edition.instruments)
      instruments/{lang}.yml        their names and a sentence per paragraph, per language

Every file is read through :mod:`hooks.edition.sourcefile` (no symbolic link, size, UTF-8, no
byte-order mark, only characters an editor can see); before anything is read, no entry of
source/ may be a symbolic link (:func:`hooks.edition.sourcefile.refuse_links`), whether a source names
it or not. :func:`check_i18n` checks that mkdocs.yml's i18n languages are these.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from hooks.edition import (folding, glossary, instruments, meta, normalize, sourcefile, strings, structure, text,
                           yamlsource)
from hooks.edition.model import Edition, Language
from hooks.errors import SourceError

CODE = re.compile(r"^[a-z]{2}$")
DIRECTIONS = ("ltr", "rtl")
COLLATIONS = ("pinyin", "alphabetical")


@dataclass(frozen=True)
class Layout:
    root: Path  # the source/ folder

    @property
    def structure_file(self) -> Path:
        return self.root / "structure.yml"

    @property
    def normalizations_file(self) -> Path:
        return self.root / "normalizations.yml"

    @property
    def languages_file(self) -> Path:
        return self.root / "languages.yml"

    def text_file(self, code: str) -> Path:
        return self.root / "text" / f"{code}.txt"

    def strings_file(self, code: str) -> Path:
        return self.root / "i18n" / f"{code}.yml"

    def glossary_file(self, code: str) -> Path:
        return self.root / "glossary" / f"{code}.yml"

    @property
    def instruments_file(self) -> Path:
        return self.root / "instruments.yml"

    def instrument_labels_file(self, code: str) -> Path:
        return self.root / "instruments" / f"{code}.yml"

    @property
    def search_file(self) -> Path:
        return self.root / "search.yml"

    @property
    def facts_file(self) -> Path:
        return self.root / meta.FILE

    def shown(self, path: Path) -> Path:
        """``path`` as messages show it: relative to the repository."""
        try:
            return path.relative_to(self.root.parent)
        except ValueError:
            return path


def load_languages(layout: Layout) -> tuple[Language, ...]:
    path = layout.languages_file
    shown = layout.shown(path)
    data = yamlsource.load(path, shown)
    items = yamlsource.require(data, "languages", list, shown, "the languages")
    languages: list[Language] = []
    for index, item in enumerate(items):
        code = yamlsource.require(item, "code", str, shown, "a language")
        if not CODE.match(code):
            raise SourceError(shown, item.lines["code"], f"code {code!r}", "a two-letter ISO 639-1 code")
        if code in (lang.code for lang in languages):
            raise SourceError(shown, item.lines["code"], f"language '{code}' a second time", "each language once")
        name = yamlsource.require(item, "name", str, shown, f"language '{code}'")
        direction = item.get("dir", "ltr")
        if direction not in DIRECTIONS:
            raise SourceError(shown, item.lines.get("dir", item.line), f"dir {direction!r}", "dir: ltr or dir: rtl")
        is_source = item.get("source", False) is True
        if is_source != (index == 0):
            raise SourceError(shown, items.lines[index],
                              f"language '{code}' {'marked' if is_source else 'not marked'} source: true",
                              "exactly the first language marked source: true")
        boundaries = item.get("word_boundaries", True)
        if not isinstance(boundaries, bool):
            raise SourceError(shown, item.lines["word_boundaries"], f"word_boundaries {boundaries!r}",
                              "word_boundaries: true or false")
        collation = item.get("collation", "alphabetical")
        if collation not in COLLATIONS:
            raise SourceError(shown, item.lines["collation"], f"collation {collation!r}",
                              f"one of {', '.join(COLLATIONS)}")
        languages.append(Language(code, name, direction, is_source, boundaries, collation))
    return tuple(languages)


def source_language(layout: Layout) -> str:
    return load_languages(layout)[0].code


def _replay(layout: Layout) -> tuple[structure.Structure, normalize.Normalizations, str]:
    """The structure, the normalizations, and the supplied text replayed through them."""
    pages = structure.load(layout.structure_file, layout.shown(layout.structure_file))
    norms = normalize.load(layout.normalizations_file, pages, layout.shown(layout.normalizations_file))
    supplied = sourcefile.read(norms.seed, norms.seed_shown, "the supplied text")
    return pages, norms, normalize.replay(supplied, norms, pages)


def canonical_source_text(layout: Layout) -> str:
    """The canonical source-language text: the supplied text replayed through the list."""
    return _replay(layout)[2]


def load_edition(layout: Layout) -> Edition:
    """Every source, parsed and cross-checked; the first error stops with file and line."""
    sourcefile.refuse_links(layout.root, layout.shown(layout.root))
    pages, norms, replayed = _replay(layout)
    languages = load_languages(layout)
    source_code = languages[0].code
    texts = {}
    for language in languages:
        path = layout.text_file(language.code)
        parsed = text.read(path, layout.shown(path))
        text.validate(parsed, pages, source_language=language.is_source)
        texts[language.code] = parsed
    expected = text.parse(replayed, layout.shown(layout.text_file(source_code)))
    _check_is_replay(texts[source_code], expected)
    for note in norms.notes:
        words = texts[source_code].paragraphs[note.paragraph]
        if words.count(note.find) != 1:
            raise SourceError(norms.path, note.line,
                              f"'{note.find}' {words.count(note.find)} times in paragraph {note.paragraph}",
                              "exactly once")
    table = strings.load_all(
        {lang.code: layout.strings_file(lang.code) for lang in languages},
        source_code, pages, norms, layout.shown, layout.shown(layout.structure_file),
    )
    glossaries = {}
    foldings = folding.load(layout.search_file, layout.shown)  # how terms are found in the text
    for language in languages:
        path = layout.glossary_file(language.code)
        glossaries[language.code] = replace(glossary.load(path, layout.shown(path)),
                                            folding=foldings.get(language.code))
    glossary.check_aligned(glossaries, source_code)
    for language in languages:
        glossary.check_used(glossaries[language.code], texts[language.code].paragraphs,
                            language.word_boundaries, texts[language.code].path)
    after = instruments.load_all(layout.instruments_file, layout.instrument_labels_file,
                                 [language.code for language in languages], layout.shown, pages.paragraph_count)
    # the endorsements' sources: on the UN hosts the instruments' file lists
    facts = meta.load(layout.facts_file, layout.shown(layout.facts_file), after.hosts,
                      f"'hosts' of {layout.shown(layout.instruments_file)}")
    return Edition(pages, norms, languages, texts, table, glossaries, facts, after)


_loaded: tuple[tuple[str, str], Edition] | None = None  # (folder, fingerprint), its edition


def fingerprint(layout: Layout) -> str:
    """A hash of every file under source/: its path and its bytes; of a symbolic link, its path
    and where it points (never what it points to, which is not read)."""
    digest = hashlib.sha256()
    for path in sorted(layout.root.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            kind, data = b"link", os.fsencode(os.readlink(path))
        elif stat.S_ISREG(mode):
            kind, data = b"file", path.read_bytes()
        else:
            continue
        name = path.relative_to(layout.root).as_posix().encode("utf-8")
        digest.update(b"%s:%d:%s%d:" % (kind, len(name), name, len(data)))
        digest.update(data)
    return digest.hexdigest()


def load_edition_once(layout: Layout) -> Edition:
    """:func:`load_edition`, once per content of source/ in this process: the per-language
    builds of one run (mkdocs-static-i18n runs each in the same process) share one load, and
    an edited source (the preview's rebuild) loads again. A failed load is never kept."""
    global _loaded
    try:
        key = (str(layout.root.resolve()), fingerprint(layout))
    except OSError:  # an unreadable file: load_edition says which, in a translator's words
        return load_edition(layout)
    if _loaded is not None and _loaded[0] == key:
        return _loaded[1]
    edition = load_edition(layout)
    _loaded = (key, edition)
    return edition


def _check_is_replay(found: text.LanguageText, expected: text.LanguageText) -> None:
    """The source-language text file must be exactly the replayed supplied text."""
    checks = [(key, getattr(found, key), getattr(expected, key), found.field_lines.get(key))
              for key in ("title", "subtitle")]
    checks += [(f"heading '{slug}'", found.headings.get(slug), value, found.heading_lines.get(slug))
               for slug, value in expected.headings.items()]
    checks += [(f"paragraph {n}", found.paragraphs.get(n), value, found.paragraph_lines.get(n))
               for n, value in expected.paragraphs.items()]
    for what, have, want, line in checks:
        if have != want:
            raise SourceError(found.path, line, f"{what} differing from the supplied text",
                              "the supplied text plus the listed normalizations "
                              "(edit normalizations.yml, then run scripts/normalize.py)")


def check_i18n(configured: list[tuple[str, bool]], edition: Edition, config_file: Path, shown: Path) -> None:
    """The i18n plugin's languages in ``config_file`` (``configured``: ``(locale, default)`` in
    its order) must be those of source/languages.yml, in the same order, the source language
    the default. The message names the line of the first entry that differs."""
    expected = [(lang.code, lang.is_source) for lang in edition.languages]
    if configured == expected:
        return
    index = next((i for i, (have, want) in enumerate(zip(configured, expected)) if have != want),
                 min(len(configured), len(expected)))
    entries, languages_line, shown = _i18n_lines(config_file, shown)
    rule = "as in source/languages.yml, in the same order"
    if index >= len(configured):
        code = expected[index][0]
        line = entries[-1] if entries else languages_line
        raise SourceError(shown, line, f"no i18n language '{code}'",
                          f"'{code}'{' (the default)' if expected[index][1] else ''}, {rule}")
    line = entries[index] if index < len(entries) else languages_line
    code, default = configured[index]
    found = f"i18n language '{code}' ({'the default' if default else 'not the default'})"
    if index >= len(expected):
        raise SourceError(shown, line, found, "only the languages of source/languages.yml")
    want, want_default = expected[index]
    if want == code:
        shown_want = f"'{want}' ({'the default' if want_default else 'not the default'})"
    else:
        shown_want = f"'{want}'" + (" (the default)" if want_default else "")
    raise SourceError(shown, line, found, f"{shown_want}, {rule}")


def _i18n_lines(config_file: Path, shown: Path) -> tuple[list[int], int | None, Path]:
    """The lines of the i18n plugin's language entries, and of its 'languages:', and the file
    that has them: ``config_file`` or the one it inherits from (``INHERIT: mkdocs.yml``)."""
    data = yamlsource.load_config(config_file, shown)
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if plugins is None and isinstance(data, dict) and isinstance(data.get("INHERIT"), str):
        parent = data["INHERIT"]
        return _i18n_lines(config_file.parent / parent, shown.parent / parent)
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            settings = plugin["i18n"]
            languages = settings.get("languages")
            if isinstance(languages, list):
                return list(languages.lines), settings.lines["languages"], shown
            return [], settings.line, shown
    return [], None, shown
