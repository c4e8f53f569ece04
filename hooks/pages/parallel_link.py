"""The parallel view's address, and the link to it from a text page.

The pair is the query, ``?a={lang}&b={lang}``, first and second language; a fragment ``#para-N``
lands on the row holding paragraph N in both. Without a (valid) pair the view shows the page's
language beside its :func:`partner`. Every text page links to the view (:func:`parallel_link`),
at its first paragraph, with its language and that partner. The page itself is
:mod:`hooks.pages.parallel`; its data files, :mod:`hooks.outputs.parallel`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlencode

from hooks.edition.model import Edition
from hooks.pages.elements import Context, classed, el
from hooks.urls import PARALLEL

FALLBACK = "en"  # the partner of the source language, when the edition has it


def partner(edition: Edition, code: str) -> str:
    """The language shown beside ``code`` when the URL names no pair: the source language;
    beside the source, English (the edition's second language if it has no English)."""
    if code != edition.source.code:
        return edition.source.code
    codes = [language.code for language in edition.languages]
    return FALLBACK if FALLBACK in codes else codes[1]


def query(first: str, second: str) -> str:
    """The pair as the parallel page's query string, without the ``?``."""
    return urlencode({"a": first, "b": second})


def link(ctx: Context, number: int | None = None) -> str:
    """A relative link from the page being rendered to its language's parallel page, with the
    pair language | :func:`partner`, at paragraph ``number`` if given."""
    code = ctx.language.code
    rel = ctx.link(ctx.scheme.page(code, PARALLEL))
    fragment = "" if number is None else f"#para-{number}"
    return f"{rel}?{query(code, partner(ctx.edition, code))}{fragment}"


def parallel_link(ctx: Context, parent: ET.Element, number: int) -> ET.Element:
    """On a text page: the link to the parallel view, opening at paragraph ``number``, at the
    end of the line ``parent`` (the kicker above the heading), after a " · ". A link within a
    line of text, at the top of the page: no target a sticky header half covers as the page
    scrolls to a paragraph (WCAG 2.5.8), and print leaves the whole span out."""
    box = classed(el(parent, "span"), "a4p-parallel-link")
    box.text = " · "
    return el(box, "a", ctx.t("parallel.name"), href=link(ctx, number))
