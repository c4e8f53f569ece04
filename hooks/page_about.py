"""The About page: its title, then the prose of ``docs/about.{lang}.md`` with its generated
parts: the table of normalizations and the list of editorial notes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.elements import Context, append_text, classed, el, fill, foreign_span, translation_notice
from hooks.urls import ABOUT

ROOT_CLASS = "a4p-about"
MARKERS = ("normalizations", "notes")
COLUMNS = ("kind", "where", "original", "result", "reason")


def head(ctx: Context, root: ET.Element) -> None:
    el(root, "h1", ctx.t("about.title"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, ABOUT))


def parts(ctx: Context) -> dict[str, list[ET.Element]]:
    return {"normalizations": [_normalizations(ctx)], "notes": [_notes(ctx)]}


def _normalizations(ctx: Context) -> ET.Element:
    edition = ctx.edition
    source = edition.source.code
    table = classed(el(None, "table"), "a4p-normalizations")
    head_row = el(el(table, "thead"), "tr")
    for key in COLUMNS:
        el(head_row, "th", ctx.t(f"about.column_{key}"), scope="col")
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
    return table


def _notes(ctx: Context) -> ET.Element:
    edition = ctx.edition
    source = edition.source.code
    notes = classed(el(None, "ul"), "a4p-notes")
    for note in edition.normalizations.notes:
        item = el(notes, "li", id=f"normalization-{note.id}")
        spec = edition.structure.page_of(note.paragraph)
        target = ctx.link(ctx.scheme.paragraph(ctx.language.code, spec.slug, note.paragraph))
        fill(ctx, item, "about.note_item", {
            "paragraph": lambda p, n=note.paragraph, t=target: el(p, "a", ctx.t("labels.paragraph", number=n), href=t),
            "found": foreign_span(ctx, note.find, source, "a4p-sic"),
            "probable": foreign_span(ctx, note.probable, source),
            "reason": lambda p, i=note.id: append_text(p, ctx.t(f"normalizations.{i}")),
        })
    return notes


def _shown_text(ctx: Context, cell: ET.Element, value: str, code: str) -> None:
    """Supplied or edited text in a table cell, with line breaks shown as ⏎."""
    if not value:
        cell.text = ctx.t("about.none")
        return
    code_el = ctx.foreign(el(cell, "code"), code)
    code_el.text = value.replace("\n", "⏎")
