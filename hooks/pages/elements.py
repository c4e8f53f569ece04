"""Small HTML helpers shared by the page modules (``hooks/pages/``), and the :class:`Context`
every fragment is rendered in.

HTML is built with ``xml.etree`` and serialized once: text from ``source/`` is always an
element's text or an attribute value, so it is escaped wherever it lands. Everything inside a
paragraph element that is not the declaration's words carries ``data-apparatus`` (CONTRACT.md,
HTML markers).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable

from hooks.edition.crosslinks import Derived
from hooks.edition.model import Edition, Language
from hooks import html
from hooks.html import append_text, classed, el, isolated, to_html  # noqa: F401 (the pages' helpers)
from hooks.provenance import Provenance
from hooks.urls import Scheme, relative

APPARATUS = {"data-apparatus": ""}


@dataclass(frozen=True)
class Context:
    """What every fragment needs: the model, the language, the URL scheme and where it is."""

    edition: Edition
    language: Language
    scheme: Scheme
    here: str  # site path of the page being rendered
    derived: Derived  # glossary usage, related paragraphs and matchers, once per build
    provenance: Provenance = Provenance()  # version, date, when each text changed (hooks/provenance.py)
    key: str = ""  # the page's key: a slug of structure.yml or a key of hooks/urls.py ("" for the 404 page)

    @property
    def online_site(self) -> bool:
        """The page is built for the online site, not for the offline bundle (pages as files)."""
        return self.scheme.directory_urls

    @property
    def strings(self):
        return self.edition.strings[self.language.code]

    def t(self, key: str, **values) -> str:
        return self.strings.format(key, **{k: str(v) for k, v in values.items()})

    def link(self, path: str) -> str:
        return relative(self.here, path)

    def canonical(self, path: str) -> str:
        return self.scheme.online().canonical(path)

    def foreign(self, element: ET.Element, code: str) -> ET.Element:
        """Mark ``element`` as being in language ``code`` when that is not the page's."""
        if code != self.language.code:
            element.set("lang", code)
            direction = self.edition.language(code).dir
            if direction != self.language.dir:
                element.set("dir", direction)
        return element


# A run of Latin letters and digits ("A4P", "UN", "4–7"), with the spaces and marks inside it.
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,/\-–]*(?: [A-Za-z0-9][A-Za-z0-9.,/\-–]*)*")


def labelled(ctx: Context, parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """An element holding a short label; in a right-to-left page each Latin or number run of
    it sits in its own ``<bdi>`` so that it keeps its order (decided by the language's ``dir``)."""
    node = el(parent, tag, **attrs)
    if ctx.language.dir != "rtl":
        node.text = text
        return node
    cursor = 0
    for match in _LATIN_RUN.finditer(text):
        append_text(node, text[cursor:match.start()])
        el(node, "bdi", match.group(0))
        cursor = match.end()
    append_text(node, text[cursor:])
    return node


def range_label(ctx: Context, first: int, last: int) -> str:
    if first == last:
        return ctx.t("labels.paragraph", number=first)
    return ctx.t("labels.paragraphs", first=first, last=last)


def translation_notice(ctx: Context, parent: ET.Element, original_path: str) -> None:
    """In a translation: says so, with a link to the page in the source language."""
    if ctx.language.is_source:
        return
    aside = classed(el(parent, "aside", role="note"), "a4p-translation-notice")
    el(aside, "span", ctx.t("translation.notice"))
    append_text(aside, " ")
    source = ctx.edition.source
    el(aside, "a", ctx.t("translation.original_page"), href=ctx.link(original_path), hreflang=source.code)


def fill(ctx: Context, parent: ET.Element, key: str, fillers: dict[str, Callable[[ET.Element], object]]) -> None:
    """``key``'s string into ``parent`` (:func:`hooks.html.fill`)."""
    html.fill(parent, ctx.strings[key], fillers)


def foreign_span(ctx: Context, text: str, code: str, cls: str | None = None) -> Callable[[ET.Element], object]:
    """A filler for :func:`fill`: ``text`` in language ``code``, marked as such."""
    def make(parent: ET.Element) -> None:
        span = ctx.foreign(el(parent, "span", text), code)
        if cls:
            span.set("class", cls)
    return make


def online_only(ctx: Context, parent: ET.Element) -> None:
    """In the offline bundle (pages as files), after a link to a UN site: the mark that it
    needs the network, an icon whose text alternative says so. Online, nothing."""
    if not ctx.scheme.directory_urls:
        mark = classed(el(parent, "span", "↗", role="img"), "a4p-online-only")
        mark.set("aria-label", ctx.t("after.online_only"))
        mark.set("title", ctx.t("after.online_only"))
