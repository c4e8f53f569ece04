"""The HTML Markdown made of a prose file, checked before it is published.

Plain Python (``html.parser``), no MkDocs. :func:`hooks.pages.prose.check` reads the Markdown and
names a problem in a translator's words; but Markdown is read by Python-Markdown and its
extensions, not by those patterns, and whatever they miss (an ``{: … }`` read further than the
pattern reads, a reference definition in a quote) would be published. So the HTML Markdown
made of every prose page is checked too, after Markdown and before the generated parts are put
at the markers (``hooks/pages/registry.py``), against an allowlist:

- **Tags** are read only in the plain form Markdown writes (``<name attribute="value">``,
  ``</name>``, the markers ``<!-- a4p:NAME -->``): markup a browser could read otherwise than
  ``html.parser`` does (``<a title="x"/onclick=…>``, comments, ``<!…>``) is refused.
- **Elements** (:data:`ELEMENTS`): those Markdown and the extensions of ``mkdocs.yml`` make of
  prose, and the inline tags :data:`hooks.pages.prose.INLINE_TAGS`. No ``<script>``, ``<svg>``,
  ``<math>``, ``<iframe>``, forms.
- **Attributes**: ``class dir id lang title`` everywhere, and a few per element (``href`` of
  ``<a>``…). No ``on…``, no ``style`` (the CSP refuses it; a table column aligned with ``:``
  makes one), no ``srcdoc``, no ``formaction``.
- **URLs** (``href src cite``), after entity decoding: ``https:``, relative, or ``#fragment``
  (:func:`hooks.pages.prose.url_problem`).
- **Ids**: never one of the edition's (:func:`reserved`: its permalinks ``para-N`` and
  ``term-…``, its generated parts, the theme's ``__…``, the ``a4p…`` globals of its scripts, a
  browser making every id a window global), nor one the page's generated parts use, nor twice.

A problem stops the build with ``FILE:LINE: found …; expected …``. The HTML does not say which
line of the file it came from, so the line is found by looking in the file (:func:`_line_of`)
for what the HTML holds: the attribute's value as written, then decoded, then its name, then
the tag, then the element's text; the first of these the file holds gives the line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

from hooks.errors import SourceError
from hooks.pages import prose

GLOBAL = prose.ATTRIBUTES  # class dir id lang title, on every element
# Element -> its own attributes, beside GLOBAL: what Markdown, toc, tables, fenced_code,
# attr_list, md_in_html, admonition and pymdownx.details make of prose, and prose's inline tags.
ELEMENTS: dict[str, tuple[str, ...]] = {
    **{tag: () for tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "li", "pre", "hr", "div", "summary",
                           "table", "thead", "tbody", "tr", "th", "td", "em", "strong")},
    "a": ("href",), "blockquote": ("cite",), "details": ("open",), "img": ("alt", "src"), "ol": ("start",),
    **{tag: () for tag in prose.INLINE_TAGS}, "q": ("cite",),
}
ELEMENTS = dict(sorted(ELEMENTS.items()))
URLS = ("cite", "href", "src")

# The edition's ids: prefixes of its permalinks (para-N, term-…, instrument-…), of its
# generated parts (tip-, note-, normalization-, language-, file-), of its theme's ids and its
# scripts' globals (a4p-content, a4pSearch…; Material's __drawer, __md_scope…); and whole ids:
# every page's title, and globals that the scripts read (MiniSearch) or that the vendored
# libraries test (module, exports, define): a browser makes every id a window global.
RESERVED_PREFIXES = ("para-", "term-", "instrument-", "tip-", "note-", "normalization-", "language-", "file-",
                     "a4p", "__")
RESERVED_IDS = ("heading", "MiniSearch", "module", "exports", "define")
RESERVED_EXPECTED = (f"an id of the prose's own: ids starting with {', '.join(RESERVED_PREFIXES)} and the ids "
                     f"{', '.join(RESERVED_IDS)} are the edition's (its permalinks, generated parts, theme and "
                     "scripts); give a heading its own {#id}")
ELEMENTS_EXPECTED = f"Markdown, and only the elements it makes of prose: {', '.join(f'<{t}>' for t in ELEMENTS)}"
ONCE = "an id used once on the page"
STYLE = "no style attributes: the site's styles live in docs/assets/ (a table column aligned with ':' makes one)"
PLAIN = 'tags as Markdown writes them (<name attribute="value">) and markers alone on their lines'

_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_VALUE = r"\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+"
_ATTRIBUTE = rf"\s+([A-Za-z_:][A-Za-z0-9_:.-]*)(?:\s*=\s*({_VALUE}))?"
_ATTRIBUTES = re.compile(_ATTRIBUTE)
_PLAIN = re.compile(rf"<(?:{_NAME}(?:{_ATTRIBUTE})*\s*/?>|/{_NAME}\s*>|!-- a4p:[a-z][a-z0-9-]* -->)")
_VOID = ("br", "hr", "img", "wbr")


def allowed(tag: str) -> tuple[str, ...]:
    """The attributes element ``tag`` may carry."""
    return ELEMENTS.get(tag, ()) + GLOBAL


def reserved(name: str) -> bool:
    """Whether ``name`` is one of the edition's ids (:data:`RESERVED_PREFIXES`, :data:`RESERVED_IDS`)."""
    return name in RESERVED_IDS or name.casefold().startswith(RESERVED_PREFIXES)


class _Problem:
    """What is wrong, and what to look for in the prose file to find its line."""

    def __init__(self, found: str, expected: str, clues: list[str], nth: int = 1):
        self.found, self.expected, self.clues = found, expected, clues
        self.nth = nth  # the clues' nth occurrence in the file (an id's second use)
        self.text: list[str] = []  # the element's text, the last clue


class _Checker(HTMLParser):
    def __init__(self, taken: set[str]):
        super().__init__(convert_charrefs=True)
        self.taken = taken
        self.ids: set[str] = set()
        self.open: list[tuple[str, _Problem | None]] = []
        self.problems: list[_Problem] = []

    def handle_starttag(self, tag, attrs):
        problem = self.handle_startendtag(tag, attrs)
        if tag not in _VOID:
            self.open.append((tag, problem))

    def handle_startendtag(self, tag, attrs):
        # the values as written in the tag (entities and all), to find them in the prose file
        raw = {name.lower(): value for name, value in _ATTRIBUTES.findall(self.get_starttag_text() or "")}
        problem = self._problem(tag, attrs, raw)
        if problem:
            self.problems.append(problem)
        return problem

    def handle_endtag(self, tag):
        names = [name for name, _ in self.open]
        if tag in names:
            del self.open[len(names) - 1 - names[::-1].index(tag):]

    def handle_data(self, data):
        for _, problem in self.open:
            if problem:
                problem.text.append(data)

    def _problem(self, tag: str, attrs: list[tuple[str, str | None]], raw: dict[str, str]) -> _Problem | None:
        if tag not in ELEMENTS:
            return _Problem(f"the element <{tag}>", ELEMENTS_EXPECTED, [f"<{tag}"])
        for name, value in attrs:
            value = value or ""
            written = [_unquoted(raw.get(name, "")), value]
            if name.startswith("on"):
                return _Problem(f"the event attribute '{name}' on <{tag}>", prose.EVENTS_EXPECTED, [name, *written])
            if name == "style":
                return _Problem(f"the attribute 'style' on <{tag}>", STYLE, [*written, "style"])
            if name not in allowed(tag):
                return _Problem(f"the attribute '{name}' on <{tag}>",
                                f"only the attributes {', '.join(allowed(tag))} on <{tag}>", [name, *written])
            if name in URLS:
                problem = prose.url_problem(value)
                if problem:
                    return _Problem(f"{problem} ({name} on <{tag}>)", prose.LINK_EXPECTED, written)
            if name == "id":
                problem = self._id_problem(tag, value)
                if problem:
                    return _Problem(*problem, [f"#{value}", *written], nth=1 + (value in self.ids))
        return None

    def _id_problem(self, tag: str, value: str) -> tuple[str, str] | None:
        if reserved(value):
            return f"the id '{value}' on <{tag}>", RESERVED_EXPECTED
        if value in self.taken:
            return f"the id '{value}' on <{tag}>, which this page's generated parts use", ONCE
        if value in self.ids:
            return f"the id '{value}' on <{tag}> a second time", ONCE
        self.ids.add(value)
        return None


def _unquoted(value: str) -> str:
    return value[1:-1] if value[:1] in "\"'" else value


def _not_plain(rendered: str) -> str | None:
    """The first markup of ``rendered`` that is not a plain tag or a marker, or None."""
    start = rendered.find("<")
    while start != -1:
        match = _PLAIN.match(rendered, start)
        if not match:
            end = rendered.find(">", start)
            return rendered[start:end + 1 if 0 <= end - start < 80 else start + 80]
        start = rendered.find("<", match.end())
    return None


def _line_of(source: str | None, clues: Iterable[str], nth: int = 1) -> int | None:
    """The line of ``source`` that holds the first clue found in it (ignoring case; its
    ``nth`` occurrence, or its last), or None."""
    if source is None:
        return None
    folded = source.casefold()
    for clue in clues:
        clue = clue.strip().split("\n")[0].strip().casefold()
        places = [m.start() for m in re.finditer(re.escape(clue), folded)] if clue else []
        if places:
            return folded.count("\n", 0, places[min(nth, len(places)) - 1]) + 1
    return None


def check(rendered: str, shown: Path | str, source: str | None = None, taken: Iterable[str] = ()) -> None:
    """Refuse the HTML ``rendered`` that Markdown made of the prose file ``shown`` (whose text
    is ``source``, for the line) if it holds anything beyond the allowlist, or an id of the
    edition's or of ``taken`` (the ids of the page's title and generated parts)."""
    odd = _not_plain(rendered)
    if odd is not None:
        tag = re.match(r"</?[A-Za-z][A-Za-z0-9-]*", odd)  # what Markdown left of the tag as written
        raise SourceError(shown, _line_of(source, [odd, tag.group(0) if tag else ""]),
                          f"markup that is not a plain tag: '{odd}'", PLAIN)
    checker = _Checker(set(taken))
    checker.feed(rendered)
    checker.close()
    if checker.problems:
        first = checker.problems[0]
        raise SourceError(shown, _line_of(source, [*first.clues, "".join(first.text)], first.nth),
                          first.found, first.expected)
