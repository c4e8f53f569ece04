"""The home page: the declaration's title, then the prose of ``docs/index.{lang}.md`` with its
generated parts: the eight area cards, the other parts, and the example links of how to cite.
A prose page (:class:`hooks.pages.registry.Prose`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.pages.elements import Context, append_text, classed, el, isolated, labelled, range_label, translation_notice
from hooks.urls import AFTER_TEXT, HOME

ROOT_CLASS = "a4p-home"
MARKERS = ("areas", "more", "cite-example", "cite-short")


def head(ctx: Context, root: ET.Element) -> None:
    """The declaration's title and subtitle, and the translation notice."""
    text = ctx.edition.texts[ctx.language.code]
    h1 = el(root, "h1", text.title, id="heading")
    classed(el(h1, "span", text.subtitle), "a4p-subtitle")
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, HOME))


def parts(ctx: Context) -> dict[str, list[ET.Element]]:
    """The area cards, the other parts, and the two example URLs of how to cite."""
    code = ctx.language.code
    example_spec = ctx.edition.structure.areas[0]
    online = ctx.scheme.online()
    example = ctx.canonical(online.paragraph(code, example_spec.slug, example_spec.first))
    short = ctx.canonical(online.short(code, example_spec.first))
    return {
        "areas": _areas(ctx),
        "more": _more(ctx),
        "cite-example": [_url(example)],
        "cite-short": [_url(short)],
    }


def _url(url: str) -> ET.Element:
    """An example URL on a line of its own, left to right in every language."""
    para = classed(el(None, "p"), "a4p-example-url")
    isolated(para, url, tag="code")
    return para


def _areas(ctx: Context) -> list[ET.Element]:
    title = el(None, "h2", ctx.t("home.areas_title"), id="areas")
    grid = classed(el(None, "div"), "grid cards a4p-cards")
    items = el(grid, "ul")
    for spec in ctx.edition.structure.areas:
        _card(ctx, items, spec)
    return [title, grid]


def _more(ctx: Context) -> list[ET.Element]:
    code = ctx.language.code
    title = el(None, "h2", ctx.t("home.more_title"), id="more")
    more = el(None, "ul")
    for spec in ctx.edition.structure.pages:
        if not spec.area:
            item = el(more, "li")
            el(item, "a", ctx.t(f"pages.{spec.slug}"), href=ctx.link(ctx.scheme.page(code, spec.slug)))
            append_text(item, " · ")
            labelled(ctx, item, "span", range_label(ctx, spec.first, spec.last))
    for key in AFTER_TEXT:
        el(el(more, "li"), "a", ctx.edition.page_name(code, key), href=ctx.link(ctx.scheme.page(code, key)))
    return [title, more]


def _card(ctx: Context, items: ET.Element, spec) -> None:
    code = ctx.language.code
    item = el(items, "li")
    title = el(item, "p")
    el(title, "a", ctx.t(f"pages.{spec.slug}"), href=ctx.link(ctx.scheme.page(code, spec.slug)))
    if not spec.editorial_heading:  # an editorial heading only repeats the name
        classed(el(item, "p", ctx.edition.heading(code, spec.slug)), "a4p-card__heading")
    classed(labelled(ctx, item, "p", range_label(ctx, spec.first, spec.last)), "a4p-card__range")
