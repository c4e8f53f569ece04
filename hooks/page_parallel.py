"""The parallel view: any two languages side by side, paragraph by paragraph.

One page per language, ``parallel/`` and ``{lang}/parallel/``, in that language's interface.
It is a shell: its title, two language pickers, and the script that builds the two texts in
the browser (``assets/a4p-parallel.js``) from the two languages' data files (written by
:mod:`hooks.outputs.parallel`), loaded with ``<script>`` tags so that it works from ``file://``.

The URL scheme: the pair is the query, ``?a={lang}&b={lang}``, first and second language; a
fragment ``#para-N`` lands on the row holding paragraph N in both. Without a (valid) pair the
view shows the page's language beside its :func:`partner`. Every text page links here
(:func:`parallel_link`), at its first paragraph, with its language and that partner.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlencode

from hooks.edition.model import Edition
from hooks.elements import Context, classed, el, to_html, translation_notice
from hooks.outputs import parallel
from hooks.urls import PARALLEL

SCRIPT = "assets/a4p-parallel.js"
STYLE = "assets/a4p-parallel.css"
FALLBACK = "en"  # the partner of the source language, when the edition has it
PICKERS = (("a", "parallel.first"), ("b", "parallel.second"))


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
    """On a text page: the link to the parallel view, opening at paragraph ``number``."""
    box = classed(el(parent, "p"), "a4p-parallel-link")
    return el(box, "a", ctx.t("parallel.name"), href=link(ctx, number))


def page(ctx: Context) -> str:
    """The page's shell; ``assets/a4p-parallel.js`` fills ``[data-a4p-parallel-view]``."""
    edition = ctx.edition
    code = ctx.language.code
    root = classed(el(None, "div"), "a4p-parallel")
    root.set("data-a4p-parallel", "")
    root.set("data-lang", code)
    root.set("data-source", edition.source.code)
    root.set("data-fallback", partner(edition, edition.source.code))
    root.set("data-base", ctx.link(""))
    root.set("data-unavailable", ctx.t("parallel.unavailable"))
    el(root, "link", rel="stylesheet", href=ctx.link(STYLE))
    el(root, "h1", ctx.t("parallel.name"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(edition.source.code, PARALLEL))
    classed(el(root, "p", ctx.t("parallel.intro")), "a4p-parallel__intro")
    pickers = classed(el(root, "div"), "a4p-parallel__pair")
    chosen = {"a": code, "b": partner(edition, code)}
    for name, label in PICKERS:
        field = classed(el(pickers, "span"), "a4p-parallel__picker")
        el(field, "label", ctx.t(label), for_=f"a4p-parallel-{name}")
        select = el(field, "select", id=f"a4p-parallel-{name}", name=name)
        for language in edition.languages:
            option = ctx.foreign(el(select, "option", language.name, value=language.code), language.code)
            option.set("data-src", ctx.link(parallel.data_path(language.code)))  # its data file
            if language.code == chosen[name]:
                option.set("selected", "selected")
    status = classed(el(root, "p", ctx.t("parallel.loading"), role="status"), "a4p-parallel__status")
    status.set("data-a4p-parallel-status", "")
    view = classed(el(root, "div"), "a4p-parallel__view")
    view.set("data-a4p-parallel-view", "")
    el(root, "script", "", src=ctx.link(SCRIPT))
    return to_html(root)
