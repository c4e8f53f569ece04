"""The About page: the edition's source, its normalizations and editorial notes, the licence."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.elements import Context, append_text, classed, el, fill, foreign_span, to_html, translation_notice
from hooks.urls import ABOUT


def about_page(ctx: Context) -> str:
    edition = ctx.edition
    source = edition.source.code
    root = classed(el(None, "div"), "a4p-about")
    el(root, "h1", ctx.t("about.title"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(source, ABOUT))
    el(root, "p", ctx.t("about.intro"))
    el(root, "h2", ctx.t("about.normalizations_title"), id="normalizations")
    el(root, "p", ctx.t("about.normalizations_intro"))
    table = classed(el(root, "table"), "a4p-normalizations")
    head = el(el(table, "thead"), "tr")
    for key in ("kind", "where", "original", "result", "reason"):
        el(head, "th", ctx.t(f"about.column_{key}"), scope="col")
    body = el(table, "tbody")
    for entry in edition.normalizations.entries:
        row = el(body, "tr", id=f"normalization-{entry.id}")
        el(row, "td", ctx.t(f"about.kinds.{entry.kind}"))
        where = el(row, "td")
        if entry.paragraph is not None:
            spec = edition.structure.page_of(entry.paragraph)
            el(where, "a", ctx.t("labels.paragraph", number=entry.paragraph),
               href=ctx.link(ctx.scheme.paragraph(ctx.language.code, spec.slug, entry.paragraph)))
        else:
            el(where, "a", ctx.t(f"pages.{entry.page}"),
               href=ctx.link(ctx.scheme.page(ctx.language.code, entry.page)))
        _shown_text(ctx, el(row, "td"), entry.find, source)
        _shown_text(ctx, el(row, "td"), entry.replace, source)
        el(row, "td", ctx.t(f"normalizations.{entry.id}"))
    el(root, "h2", ctx.t("about.notes_title"), id="notes")
    el(root, "p", ctx.t("about.notes_intro"))
    notes = el(root, "ul")
    for note in edition.normalizations.notes:
        item = el(notes, "li", id=f"normalization-{note.id}")
        spec = edition.structure.page_of(note.paragraph)
        target = ctx.link(ctx.scheme.paragraph(ctx.language.code, spec.slug, note.paragraph))
        fill(ctx, item, "about.note_item", {
            "paragraph": lambda p: el(p, "a", ctx.t("labels.paragraph", number=note.paragraph), href=target),
            "found": foreign_span(ctx, note.find, source, "a4p-sic"),
            "probable": foreign_span(ctx, note.probable, source),
            "reason": lambda p: append_text(p, ctx.t(f"normalizations.{note.id}")),
        })
    el(root, "h2", ctx.t("about.licence_title"), id="licence")
    el(root, "p", ctx.t("about.licence_text"))
    return to_html(root)


def _shown_text(ctx: Context, cell: ET.Element, value: str, code: str) -> None:
    """Supplied or edited text in a table cell, with line breaks shown as ⏎."""
    if not value:
        cell.text = ctx.t("about.none")
        return
    code_el = ctx.foreign(el(cell, "code"), code)
    code_el.text = value.replace("\n", "⏎")
