"""Prose pages in Markdown (``docs/{key}.{lang}.md``) and the stubs of generated pages.

Plain Python, no MkDocs. Three jobs:

- :func:`check` refuses what Markdown would pass through unchecked: raw ``<script>``, event
  attributes (``onclick=``…), links with a scheme other than ``https:`` (``javascript:``,
  ``data:``, ``http:``), and raw HTML beyond a few harmless inline tags. Prose follows the rule
  of every source: a malformed file stops the build with ``FILE:LINE: found …; expected …``.
  These patterns only name a problem in a translator's words; what Markdown makes of the file
  is checked again, against an allowlist, by :mod:`hooks.pages.prose_html`.
- :func:`check_markers` and :func:`fill`: a prose page gets its generated parts (area cards, the
  normalization table…) at markers, each a line ``<!-- a4p:NAME -->`` standing alone. Markdown
  keeps such a comment as it is; after Markdown, :func:`fill` splits the HTML at the markers
  and puts the rendered parts between the pieces, so generated HTML is never read as Markdown.
- :func:`check_stub`: a generated page's stub holds exactly the line :data:`STUB`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from hooks.errors import SourceError

STUB = "<!-- a4p:generated -->"
MARKER = re.compile(r"^<!-- a4p:([a-z][a-z0-9-]*) -->$", re.M)
_MARKER_LIKE = re.compile(r"a4p:")

# Raw HTML a translator may need inside prose: inline tags without behaviour, with attributes
# for language, direction and a title (an <abbr>'s expansion, a <bdi> around Latin in Arabic).
INLINE_TAGS = ("abbr", "b", "bdi", "bdo", "br", "cite", "code", "em", "i", "kbd", "q", "s", "small",
               "span", "strong", "sub", "sup", "u", "wbr")
ATTRIBUTES = ("class", "dir", "id", "lang", "title")
URL_ATTRIBUTES = ("action", "background", "cite", "data", "formaction", "href", "poster", "src", "srcset",
                  "xlink:href")
LINK_EXPECTED = "an https: link or a link within the edition (a path or #fragment)"
EVENTS_EXPECTED = "no event attributes (on…=) in prose; the site's scripts live in docs/assets/"

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>?")
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
# a reference definition, also inside a blockquote or a list item, at any depth
_REFERENCE = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*\[[^\]\n]+\]:\s*<?([^\s>]+)", re.M)
# attr_list reads ``{: …}`` (or ``{#id …}``, ``{.class …}``, ``{key=…}``) to the LAST '}' of the line
_ATTR_LIST = re.compile(r"\{(?::[ \t]*([^}\s][^\n]*)|[ \t]*((?:[#.]|[^\s=}]+=)[^\n]*))\}")
_ATTR_LIST_ITEM = re.compile(r"([^\s=}]+)=(\"[^\"]*\"|'[^']*'|[^\s=}]+)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _blank_comments(text: str) -> str:
    """``text`` with every HTML comment turned into spaces (line breaks kept), so that offsets
    and lines stay those of the file."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be a link target, or None. Entities and the blanks a browser drops
    (``java&#115;cript:``, ``java\\tscript:``) are undone first."""
    plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url))
    if plain.startswith(("//", "\\", "/\\")):
        return "a link without a scheme to another host ('//…')"
    scheme = _SCHEME.match(plain)
    if scheme and scheme.group(1).lower() != "https":
        return f"a {scheme.group(1).lower()}: link"
    return None


def _quoted(value: str | None) -> str:
    if value and value[0] in "\"'":
        return value[1:-1]
    return value or ""


def check(text: str, shown: Path | str) -> None:
    """Refuse unsafe or unexpected markup in a prose file; the first problem stops."""
    shown = Path(shown)
    if text.startswith("\ufeff"):
        raise SourceError(shown, 1, "a byte-order mark", "UTF-8 text without one")
    if text.startswith("---"):
        raise SourceError(shown, 1, "front matter ('---')", "the page's prose only; its title comes from source/i18n")
    opened = text.find("<!--")
    while opened != -1:
        closed = text.find("-->", opened + 4)
        if closed == -1:
            raise SourceError(shown, _line(text, opened), "'<!--' with no closing '-->'", "every comment closed")
        opened = text.find("<!--", closed + 3)
    plain = _blank_comments(text)
    problems: list[tuple[int, str, str]] = []  # offset, found, expected
    for match in _AUTOLINK.finditer(plain):
        problem = url_problem(match.group(1))
        if problem:
            problems.append((match.start(), problem, LINK_EXPECTED))
    autolinks = {m.start() for m in _AUTOLINK.finditer(plain)}
    for match in _TAG.finditer(plain):
        if match.start() in autolinks:
            continue
        problem = _tag_problem(match)
        if problem:
            problems.append((match.start(), *problem))
    for pattern in (_INLINE_LINK, _REFERENCE):
        for match in pattern.finditer(plain):
            problem = url_problem(match.group(1))
            if problem:
                problems.append((match.start(1), problem, LINK_EXPECTED))
    for match in _ATTR_LIST.finditer(plain):
        for item in _ATTR_LIST_ITEM.finditer(match.group(1) or match.group(2)):
            problem = _attribute_problem(item.group(1), _quoted(item.group(2)), "{: … }")
            if problem:
                problems.append((match.start(), *problem))
    if problems:
        offset, found, expected = min(problems)
        raise SourceError(shown, _line(text, offset), found, expected)


def _attribute_problem(name: str, value: str, where: str) -> tuple[str, str] | None:
    """What is wrong with attribute ``name="value"`` on ``where`` (a tag or ``{: … }``)."""
    lower = name.lower()
    if lower.startswith("on"):
        return f"the event attribute '{name}'", EVENTS_EXPECTED
    if lower in URL_ATTRIBUTES:
        problem = url_problem(value)
        if problem:
            return problem, LINK_EXPECTED
    if lower not in ATTRIBUTES:
        return f"the attribute '{name}' on {where}", f"only the attributes {', '.join(ATTRIBUTES)}"
    return None


def _tag_problem(match: re.Match) -> tuple[str, str] | None:
    name = match.group(2).lower()
    if name == "script":
        return "a <script> element", "no scripts in prose; the site's scripts live in docs/assets/"
    problems = [_attribute_problem(attr, _quoted(value), f"<{name}>")
                for attr, value in _ATTR.findall(match.group(3))]
    problems = [p for p in problems if p]
    # an event attribute or a bad link says what it is, whatever the tag
    for problem in problems:
        if not problem[0].startswith("the attribute"):
            return problem
    if name not in INLINE_TAGS:
        return (f"the HTML tag <{name}>",
                f"Markdown, or one of the inline tags {', '.join(f'<{t}>' for t in INLINE_TAGS)}")
    return problems[0] if problems else None


def check_markers(text: str, shown: Path | str, expected: tuple[str, ...]) -> None:
    """Each marker of ``expected`` on a line of its own, once; no other ``a4p:`` marker."""
    shown = Path(shown)
    seen: dict[str, int] = {}
    wanted = ", ".join(f"<!-- a4p:{name} -->" for name in expected)
    for number, line in enumerate(text.split("\n"), 1):
        if not _MARKER_LIKE.search(line):
            continue
        match = MARKER.match(line)
        if not match:
            raise SourceError(shown, number, f"'{line.strip()}'",
                              f"a marker alone on its line, exactly as in: {wanted}")
        name = match.group(1)
        if name not in expected:
            raise SourceError(shown, number, f"the marker '{line}'", f"only the markers {wanted}")
        if name in seen:
            raise SourceError(shown, number, f"the marker '{line}' a second time (first on line {seen[name]})",
                              "each marker once")
        seen[name] = number
    missing = [name for name in expected if name not in seen]
    if missing:
        lines = text.split("\n")
        raise SourceError(shown, len(lines) - (lines[-1] == ""), f"no marker <!-- a4p:{missing[0]} -->",
                          f"each of the markers {wanted} on a line of its own, where that part goes")


def without_comments(text: str) -> str:
    """The Markdown with its comments taken out, the markers kept: comments are notes for
    translators, not part of the page."""
    return _COMMENT.sub(lambda m: m.group(0) if MARKER.fullmatch(m.group(0)) else "", text)


def _marker_line(source: str | None, name: str) -> int | None:
    """The line of ``source`` that is the marker ``name``, or None."""
    for match in MARKER.finditer(source or ""):
        if match.group(1) == name:
            return _line(source, match.start())
    return None


def fill(rendered: str, parts: dict[str, str], shown: Path | str, source: str | None = None) -> str:
    """The HTML Markdown made of a prose file, with each marker replaced by its part.

    ``rendered`` is split at the marker comments and the parts are put between the pieces; a
    marker that Markdown did not keep as a line of its own (in a list, a code block…) is an
    error, as is one left without a part; ``source``, the prose file's text, gives the line.
    """
    shown = Path(shown)
    pieces = MARKER.split(rendered)
    found = pieces[1::2]
    for name in parts:
        if found.count(name) != 1:
            raise SourceError(shown, _marker_line(source, name),
                              f"the marker <!-- a4p:{name} --> {found.count(name)} times after Markdown",
                              "each marker once, on a line of its own between paragraphs")
    for name in found:
        if name not in parts:
            raise SourceError(shown, _marker_line(source, name), f"the marker <!-- a4p:{name} --> left unreplaced",
                              f"only the markers {', '.join(parts)}")
    out = [pieces[0]]
    for name, after in zip(pieces[1::2], pieces[2::2]):
        out += [parts[name], after]
    return "".join(out)


def check_stub(text: str, shown: Path | str) -> None:
    """A generated page's stub: exactly the line :data:`STUB`, nothing else (its body is
    rendered from source/, so anything added here would be lost or, worse, published)."""
    shown = Path(shown)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if number == 1 and line == STUB:
            continue
        found = f"'{line}'" if line.strip() else "an empty line"
        raise SourceError(shown, number, found, f"only the line {STUB} (this page is rendered from source/)")
    if not lines:
        raise SourceError(shown, 1, "an empty file", f"the line {STUB} (this page is rendered from source/)")
