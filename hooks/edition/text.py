"""One language's text of the declaration: title, subtitle, page headings, paragraphs.

The format is line-oriented so that every error can name its line::

    # a comment
    title: 以行动促维和
    subtitle: 联合国维和行动共同承诺宣言

    [preamble] 序言
    1. 我们联合国会员国……

    1. We, the Member States of the United Nations…
    > A translator's note on paragraph 1, in the translation's language.

A heading line is ``[slug] text``; a paragraph is ``N. text`` on one line, ``N`` in the digits
0-9 without a leading zero (not ``013.``, ``１３.`` or ``١٣.``); blank lines and ``#`` comments
are ignored. One or more lines ``> text`` right below a paragraph are that paragraph's
translator's notes (a translation only: the source language's text is the supplied text).
No line has white space at its start or end; no paragraph, heading or title is longer than
:data:`MAX_CHARACTERS`, and no translator's note longer than :data:`MAX_NOTE`. The file itself
is read by :mod:`hooks.edition.sourcefile` (UTF-8, no byte-order mark, only characters an editor can
see, tabs excluded, in composed form), and :func:`parse` checks the same of any text it gets
(the replayed supplied text). The same parser reads every language; :func:`validate` checks a
text against the structure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hooks.edition import sourcefile
from hooks.edition.structure import Structure
from hooks.errors import SourceError

FIELD = re.compile(r"^(title|subtitle):(.*)$")
HEADING = re.compile(r"^\[([^\]]*)\](.*)$")
PARAGRAPH = re.compile(r"^(0|[1-9][0-9]*)\.(.*)$")
# Any line that starts like a paragraph: digits of any script, an ASCII or full-width full stop.
NUMBERED = re.compile(r"^(\d+)\s*([.．])")
NOTE = re.compile(r"^>(.*)$")
MAX_CHARACTERS = 10_000  # of a paragraph, a heading, a title: the longest paragraph has 1,150
MAX_NOTE = 2_000  # of a translator's note: a remark on a term; the longest has about 200
# Han characters and their punctuation: the source text's script, where a translator's note
# quotes it (the text pages and the parallel view's data mark such a run as the source language).
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]+")


@dataclass
class LanguageText:
    path: Path
    title: str = ""
    subtitle: str = ""
    headings: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[int, str] = field(default_factory=dict)
    heading_lines: dict[str, int] = field(default_factory=dict)
    paragraph_lines: dict[int, int] = field(default_factory=dict)
    # slug of the heading each paragraph stands under
    # (None for a paragraph above every heading: validate() names the heading it needs)
    paragraph_page: dict[int, str | None] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)  # title, subtitle
    # the translator's notes below a paragraph ('> ' lines), in file order, and their lines
    translator_notes: dict[int, tuple[str, ...]] = field(default_factory=dict)
    translator_note_lines: dict[int, tuple[int, ...]] = field(default_factory=dict)
    last_line: int = 0


def parse(source: str, path: Path) -> LanguageText:
    """Parse ``source``; syntax errors (not structure errors) raise :class:`SourceError`."""
    sourcefile.check_text(source, path, tabs=False)  # read() did already; parse() may get any string
    text = LanguageText(path)
    current_heading: str | None = None
    previous = 0
    notes: dict[int, list[tuple[str, int]]] = {}
    noting: int | None = None  # the paragraph the line above belongs to (itself or a note)
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    text.last_line = len(lines)
    for number, raw in enumerate(lines, start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        if line != line.strip():
            raise SourceError(path, number, "white space at the start or end of the line",
                              "no leading or trailing white space")
        above, noting = noting, None
        if not line or line.startswith("#"):
            continue
        if match := NOTE.match(line):
            note = match.group(1)
            if not note.startswith(" ") or not note.strip():
                raise SourceError(path, number, f"{_short(line)!r}", "'> ' followed by the translator's note")
            if above is None:
                raise SourceError(path, number, "a translator's note ('> …') that is not right below a paragraph",
                                  "the note on the line below its paragraph (or below another note)")
            sourcefile.check_length(path, number, "the translator's note", note.strip(), MAX_NOTE)
            notes.setdefault(above, []).append((note.strip(), number))
            noting = above
        elif match := FIELD.match(line):
            key, value = match.group(1), match.group(2).strip()
            if getattr(text, key):
                raise SourceError(path, number, f"a second '{key}:' line", f"one '{key}:' line")
            if text.headings or text.paragraphs:
                raise SourceError(path, number, f"'{key}:' after the text began",
                                  "title and subtitle before the first heading")
            if not value:
                raise SourceError(path, number, f"an empty {key}", f"'{key}: ' followed by the {key}")
            _check_length(path, number, f"the {key}", value)
            setattr(text, key, value)
            text.field_lines[key] = number
        elif match := HEADING.match(line):
            slug, value = match.group(1), match.group(2).strip()
            if slug in text.headings:
                raise SourceError(path, number, f"a second heading for '{slug}'",
                                  f"one heading per page (the first is on line {text.heading_lines[slug]})")
            if not value:
                raise SourceError(path, number, f"an empty heading for '{slug}'",
                                  f"'[{slug}] ' followed by the heading")
            _check_length(path, number, f"the heading for '{slug}'", value)
            text.headings[slug] = value
            text.heading_lines[slug] = number
            current_heading = slug
        elif match := PARAGRAPH.match(line):
            digits, value = match.group(1), match.group(2).strip()
            if len(digits) > 9:
                raise SourceError(path, number, f"paragraph {digits[:9]}… ({len(digits)} digits)",
                                  f"paragraph {previous + 1} (paragraphs numbered in order, without gaps)")
            n = int(digits)
            if n in text.paragraphs:
                raise SourceError(path, number, f"paragraph {n} a second time",
                                  f"each paragraph once (the first is on line {text.paragraph_lines[n]})")
            if n != previous + 1:
                expected = f"paragraph {previous + 1}"
                raise SourceError(path, number, f"paragraph {n}",
                                  f"{expected} (paragraphs numbered in order, without gaps)")
            if not value:
                raise SourceError(path, number, f"paragraph {n} empty", f"the words of paragraph {n}")
            _check_length(path, number, f"paragraph {n}", value)
            text.paragraphs[n] = value
            text.paragraph_lines[n] = number
            text.paragraph_page[n] = current_heading
            previous = n
            noting = n
        elif match := NUMBERED.match(line):
            written = match.group(1) + match.group(2)
            canonical = "".join(str(unicodedata.digit(c)) for c in match.group(1)).lstrip("0") or "0"
            raise SourceError(path, number, f"the paragraph number {written!r}",
                              f"'{canonical}.': the digits 0-9, without a leading zero, and a full stop")
        else:
            raise SourceError(path, number, f"{_short(line)!r}",
                              "'title: …', 'subtitle: …', '[slug] heading', 'N. paragraph', "
                              "'> translator's note', a '#' comment or a blank line")
    for key in ("title", "subtitle"):
        if not getattr(text, key):
            raise SourceError(path, 1, f"no '{key}:' line", f"a '{key}: …' line at the top")
    text.translator_notes = {n: tuple(note for note, _ in found) for n, found in notes.items()}
    text.translator_note_lines = {n: tuple(line for _, line in found) for n, found in notes.items()}
    return text


def _short(line: str) -> str:
    return line if len(line) <= 40 else line[:40] + "…"


def _check_length(path: Path, number: int, what: str, value: str) -> None:
    sourcefile.check_length(path, number, what, value, MAX_CHARACTERS)


def read(path: Path, shown_as: Path | None = None) -> LanguageText:
    shown = shown_as or path
    return parse(sourcefile.read(path, shown, "one text file per language"), shown)


def validate(text: LanguageText, structure: Structure, source_language: bool = False) -> None:
    """``text`` has exactly the structure's pages and paragraphs, each where it belongs; the
    source language's text has no translator's notes."""
    for n, slug in text.paragraph_page.items():
        if slug is None:  # paragraph 1: numbering in order comes first
            first = structure.pages[0].slug
            raise SourceError(text.path, text.paragraph_lines[n], f"paragraph {n} before any heading",
                              f"the line '[{first}] …' (the heading of page '{first}') above paragraph {n}")
    if source_language and text.translator_note_lines:
        line = min(line for lines in text.translator_note_lines.values() for line in lines)
        raise SourceError(text.path, line, "a translator's note in the source language's text",
                          "notes only in a translation (the source language's text is the supplied text)")
    for slug, line in text.heading_lines.items():
        if slug not in structure.slugs:
            raise SourceError(text.path, line, f"unknown slug '{slug}'",
                              f"one of {', '.join(structure.slugs)}")
    end = text.last_line or 1
    for page in structure.pages:
        if page.slug not in text.headings:
            before = text.paragraph_lines.get(page.first, end)
            raise SourceError(text.path, before, f"no heading for '{page.slug}'",
                              f"a line '[{page.slug}] …' before paragraph {page.first}")
        for n in page.numbers:
            if n not in text.paragraphs:
                raise SourceError(text.path, end, f"{len(text.paragraphs)} paragraphs",
                                  f"{structure.paragraph_count} paragraphs (paragraph {n} is missing)")
            if text.paragraph_page[n] != page.slug:
                raise SourceError(text.path, text.paragraph_lines[n],
                                  f"paragraph {n} under '[{text.paragraph_page[n]}]'",
                                  f"paragraph {n} under '[{page.slug}]'")
    extra = [n for n in text.paragraphs if n > structure.paragraph_count]
    if extra:
        raise SourceError(text.path, text.paragraph_lines[extra[0]], f"paragraph {extra[0]}",
                          f"{structure.paragraph_count} paragraphs")
