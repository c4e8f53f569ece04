"""The home page: title, introduction, the eight area cards, the other parts, how to cite."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.elements import Context, append_text, classed, el, fill, range_label, to_html, translation_notice
from hooks.urls import ABOUT, GLOSSARY, HOME


def home_page(ctx: Context) -> str:
    code = ctx.language.code
    text = ctx.edition.texts[code]
    root = classed(el(None, "div"), "a4p-home")
    h1 = el(root, "h1", text.title, id="heading")
    classed(el(h1, "span", text.subtitle), "a4p-subtitle")
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, HOME))
    el(root, "p", ctx.t("home.lead"))
    el(root, "h2", ctx.t("home.areas_title"), id="areas")
    grid = classed(el(root, "div"), "grid cards a4p-cards")
    items = el(grid, "ul")
    for spec in ctx.edition.structure.areas:
        _card(ctx, items, spec)
    el(root, "h2", ctx.t("home.more_title"), id="more")
    more = el(root, "ul")
    for spec in ctx.edition.structure.pages:
        if not spec.area:
            item = el(more, "li")
            el(item, "a", ctx.t(f"pages.{spec.slug}"), href=ctx.link(ctx.scheme.page(code, spec.slug)))
            append_text(item, f" · {range_label(ctx, spec.first, spec.last)}")
    for key in (GLOSSARY, ABOUT):
        el(el(more, "li"), "a", ctx.edition.page_name(code, key), href=ctx.link(ctx.scheme.page(code, key)))
    el(root, "h2", ctx.t("home.cite_title"), id="cite")
    example_spec = ctx.edition.structure.areas[0]
    online = ctx.scheme.online()
    example = ctx.canonical(online.paragraph(code, example_spec.slug, example_spec.first))
    short = ctx.canonical(online.short(code, example_spec.first))
    fill(ctx, el(root, "p"), "home.cite_text", {"example": lambda p: el(p, "code", example),
                                                "short": lambda p: el(p, "code", short)})
    return to_html(root)


def _card(ctx: Context, items: ET.Element, spec) -> None:
    code = ctx.language.code
    item = el(items, "li")
    title = el(item, "p")
    el(title, "a", ctx.t(f"pages.{spec.slug}"), href=ctx.link(ctx.scheme.page(code, spec.slug)))
    if not spec.editorial_heading:  # an editorial heading only repeats the name
        classed(el(item, "p", ctx.edition.heading(code, spec.slug)), "a4p-card__heading")
    classed(el(item, "p", range_label(ctx, spec.first, spec.last)), "a4p-card__range")
