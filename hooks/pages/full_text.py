"""The full text: all paragraphs of a language on one page, in order, under their headings.

For reading straight through and for print (``docs/assets/a4p.css``'s print section). Its paragraphs are
the text pages' (:func:`hooks.pages.paragraphs.paragraph`): they answer to ``#para-N`` here, while
their permalink marks (and citations) give each paragraph's canonical text page (CONTRACT.md).
Each part's heading carries the part's slug as its id (``full-text/#protection``); editorial
headings are marked as on the text pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.pages import cite_panel, share
from hooks.pages.elements import Context, append_text, classed, el, labelled, range_label, to_html, translation_notice
from hooks.pages.paragraphs import heading, paragraph
from hooks.urls import FULL_TEXT

ROOT_CLASS = "a4p-full-text"


def render(ctx: Context) -> str:
    """The full text of the page's language."""
    code = ctx.language.code
    structure = ctx.edition.structure
    root = classed(el(None, "div"), ROOT_CLASS)
    kicker = classed(el(root, "p"), "a4p-kicker")
    labelled(ctx, kicker, "span", ctx.t("full-text.name"))
    append_text(kicker, " · ")
    labelled(ctx, kicker, "span", range_label(ctx, 1, structure.paragraph_count))
    text = ctx.edition.texts[code]
    h1 = el(root, "h1", text.title, id="heading")
    classed(el(h1, "span", text.subtitle), "a4p-subtitle")
    cite_panel.controls(ctx, root)  # cite the whole declaration; the panel its paragraphs' cite buttons open
    share.status(ctx, root)  # what a share button did, announced
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, FULL_TEXT))
    _contents(ctx, root)
    for spec in structure.pages:
        part = classed(el(root, "section"), "a4p-full-text__part")
        part.set("aria-labelledby", spec.slug)
        heading(ctx, part, spec.slug, tag="h2", id=spec.slug)
        body = classed(el(part, "div"), "a4p-paragraphs")
        for para in ctx.edition.paragraphs(code, spec):
            body.append(paragraph(ctx, para))
    return to_html(root)


def _contents(ctx: Context, root: ET.Element) -> None:
    """The parts, each a link to its heading on this page, with its paragraphs."""
    nav = classed(el(root, "nav"), "a4p-contents")
    nav.set("aria-label", ctx.t("full-text.contents"))
    items = el(nav, "ol")
    for spec in ctx.edition.structure.pages:
        item = el(items, "li")
        el(item, "a", ctx.t(f"pages.{spec.slug}"), href=f"#{spec.slug}")
        append_text(item, " · ")
        labelled(ctx, item, "span", range_label(ctx, spec.first, spec.last))
