"""One language's text of the declaration: title, subtitle, page headings, paragraphs.

The format is line-oriented so that every error can name its line::

    # a comment
    title: 以行动促维和
    subtitle: 联合国维和行动共同承诺宣言

    [preamble] 序言
    1. 我们联合国会员国……

A heading line is ``[slug] text``; a paragraph is ``N. text`` on one line; blank lines and
``#`` comments are ignored. The same parser reads every language; :func:`validate` checks a
text against the structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks.errors import SourceError
from hooks.structure import Structure

FIELD = re.compile(r"^(title|subtitle):(.*)$")
HEADING = re.compile(r"^\[([^\]]*)\](.*)$")
PARAGRAPH = re.compile(r"^(\d+)\.(.*)$")


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
    paragraph_page: dict[int, str] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)  # title, subtitle
    last_line: int = 0


def parse(source: str, path: Path) -> LanguageText:
    """Parse ``source``; syntax errors (not structure errors) raise :class:`SourceError`."""
    text = LanguageText(path)
    current_heading: str | None = None
    previous = 0
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    text.last_line = len(lines)
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if line != line.strip():
            raise SourceError(path, number, "white space at the start or end of the line",
                              "no leading or trailing white space")
        if not line or line.startswith("#"):
            continue
        if match := FIELD.match(line):
            key, value = match.group(1), match.group(2).strip()
            if getattr(text, key):
                raise SourceError(path, number, f"a second '{key}:' line", f"one '{key}:' line")
            if text.headings or text.paragraphs:
                raise SourceError(path, number, f"'{key}:' after the text began",
                                  "title and subtitle before the first heading")
            if not value:
                raise SourceError(path, number, f"an empty {key}", f"'{key}: ' followed by the {key}")
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
            text.headings[slug] = value
            text.heading_lines[slug] = number
            current_heading = slug
        elif match := PARAGRAPH.match(line):
            n, value = int(match.group(1)), match.group(2).strip()
            if n in text.paragraphs:
                raise SourceError(path, number, f"paragraph {n} a second time",
                                  f"each paragraph once (the first is on line {text.paragraph_lines[n]})")
            if n != previous + 1:
                expected = f"paragraph {previous + 1}"
                raise SourceError(path, number, f"paragraph {n}",
                                  f"{expected} (paragraphs numbered in order, without gaps)")
            if not value:
                raise SourceError(path, number, f"paragraph {n} empty", f"the words of paragraph {n}")
            if current_heading is None:
                raise SourceError(path, number, f"paragraph {n} before any heading",
                                  "a '[slug] heading' line first")
            text.paragraphs[n] = value
            text.paragraph_lines[n] = number
            text.paragraph_page[n] = current_heading
            previous = n
        else:
            shown = line if len(line) <= 40 else line[:40] + "…"
            raise SourceError(path, number, f"{shown!r}",
                              "'title: …', 'subtitle: …', '[slug] heading', 'N. paragraph', "
                              "a '#' comment or a blank line")
    for key in ("title", "subtitle"):
        if not getattr(text, key):
            raise SourceError(path, 1, f"no '{key}:' line", f"a '{key}: …' line at the top")
    return text


def read(path: Path, shown_as: Path | None = None) -> LanguageText:
    shown = shown_as or path
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(shown, None, "no such file", "one text file per language") from None
    except UnicodeDecodeError as exc:
        raise SourceError(shown, None, f"bytes that are not UTF-8 ({exc.reason})", "UTF-8 text") from None
    return parse(source, shown)


def validate(text: LanguageText, structure: Structure) -> None:
    """``text`` has exactly the structure's pages and paragraphs, each where it belongs."""
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
