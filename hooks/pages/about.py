"""The About page: its title, then the prose of ``docs/about.{lang}.md`` with its generated
parts: the table of normalizations, the list of editorial notes, the languages (source or
unofficial translation, when each text last changed) with the edition's version, and the
changelog (``CHANGELOG.md``, checked as prose is and rendered from Markdown). A prose page
(:class:`hooks.pages.registry.Prose`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import markdown

from hooks.edition import sourcefile
from hooks.errors import SourceError
from hooks.pages import prose
from hooks.pages.elements import (Context, append_text, classed, el, fill, foreign_span, isolated, online_only,
                                  translation_notice)
from hooks.urls import ABOUT

ROOT_CLASS = "a4p-about"
MARKERS = ("endorsements", "normalizations", "notes", "languages", "changelog")
CHANGELOG = Path(__file__).resolve().parents[2] / "CHANGELOG.md"
CHANGELOG_SHOWN = Path("CHANGELOG.md")  # as messages name it
CHANGELOG_LANGUAGE = "en"
COLUMNS = ("kind", "where", "original", "result", "reason")
ENDORSEMENT_COLUMNS = ("by", "states", "organizations", "source")


def head(ctx: Context, root: ET.Element) -> None:
    """The page's title and the translation notice."""
    el(root, "h1", ctx.t("about.title"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, ABOUT))


def parts(ctx: Context) -> dict[str, list[ET.Element]]:
    """The endorsements, the normalizations, the editorial notes, the languages and the changelog."""
    return {"endorsements": [_endorsements(ctx)], "normalizations": [_normalizations(ctx)], "notes": [_notes(ctx)],
            "languages": _languages(ctx), "changelog": _changelog(ctx)}


def _endorsements(ctx: Context) -> ET.Element:
    """Who had endorsed the declaration by each date (source/edition.yml), as the UN page given
    said: Member States and organizations apart, or together where the page gives no more."""
    box, body = _table(ctx, "endorsements", "a4p-endorsements",
                       [f"about.endorsements_{key}" for key in ENDORSEMENT_COLUMNS])
    for item in ctx.edition.facts.endorsements:
        row = el(body, "tr")
        isolated(el(row, "th", scope="row"), item.by, "time", datetime=item.by)
        if item.more_than is not None:
            el(row, "td", ctx.t("about.endorsements_more_than", count=item.more_than), colspan="2")
        else:
            el(row, "td", str(item.member_states))
            el(row, "td", str(item.organizations))
        source = el(row, "td")
        el(source, "a", ctx.t("about.endorsements_link"), href=item.evidence)
        online_only(ctx, source)
    return box


def _languages(ctx: Context) -> list[ET.Element]:
    """The edition's version, then a table: each language, source or unofficial translation,
    and when its text last changed (from git; said to be unknown without it)."""
    prov = ctx.provenance
    version = classed(el(None, "p"), "a4p-version")
    if prov.version:
        fill(ctx, version, "provenance.version", {
            "version": lambda p: isolated(p, prov.version, "code"),
            "date": lambda p: isolated(p, prov.date or "", "time", datetime=prov.date or ""),
        })
    else:
        version.text = ctx.t("provenance.unversioned")
    box = _scroll_box("languages")  # a box of its own, as the normalizations' table
    table = classed(el(box, "table"), "a4p-languages")
    head = el(el(table, "thead"), "tr")
    for key in ("language", "status", "changed"):
        el(head, "th", ctx.t(f"provenance.column_{key}"), scope="col")
    body = el(table, "tbody")
    for language in ctx.edition.languages:
        row = el(body, "tr", id=f"language-{language.code}")
        ctx.foreign(el(el(row, "th", scope="row"), "span", language.name), language.code)
        el(row, "td", ctx.t("provenance.status_source" if language.is_source else "provenance.status_translation"))
        changed = prov.changed(language.code)
        cell = el(row, "td")
        if changed:
            isolated(cell, changed, "time", datetime=changed)
        else:
            cell.text = ctx.t("provenance.changed_unknown")
    return [version, box]


def changelog_html(text: str) -> ET.Element:
    """``CHANGELOG.md`` as an element: checked as prose is (hooks/pages/prose.py), its title left out
    (the About page names the section) and its headings one level down, under the page's."""
    prose.check(text, CHANGELOG_SHOWN)
    html = markdown.markdown(text, output_format="xhtml")
    try:
        root = ET.fromstring(f"<div>{html}</div>")
    except ET.ParseError as exc:
        raise SourceError(CHANGELOG_SHOWN, None, f"Markdown that does not make well-formed HTML ({exc})",
                          "Markdown and the inline tags of the prose pages, each closed") from None
    for title in root.findall("h1"):
        root.remove(title)
    for level in range(5, 1, -1):
        for heading in root.iter(f"h{level}"):
            heading.tag = f"h{level + 1}"
    return root


def _changelog(ctx: Context) -> list[ET.Element]:
    text = sourcefile.read(CHANGELOG, CHANGELOG_SHOWN, "the edition's changelog, shown on the About page")
    box = classed(changelog_html(text), "a4p-changelog")
    parts = []
    if ctx.language.code != CHANGELOG_LANGUAGE:
        parts.append(classed(el(None, "p", ctx.t("provenance.changelog_note")), "a4p-changelog__note"))
        box.set("lang", CHANGELOG_LANGUAGE)
        if ctx.language.dir != "ltr":
            box.set("dir", "ltr")
    return parts + [box]


def _scroll_box(heading: str) -> ET.Element:
    """A box for a table, which scrolls sideways where the table is wider than the screen (a
    phone at 320 px) instead of widening the page: the keyboard reaches it (tabindex), and the
    heading of its section (the prose's ``{#heading}``) names it."""
    box = classed(el(None, "div", tabindex="0", role="region"), "a4p-table-scroll")
    box.set("aria-labelledby", heading)
    return box


def _table(ctx: Context, heading: str, cls: str, columns: list[str]) -> tuple[ET.Element, ET.Element]:
    """A table of class ``cls`` in its scrolling box (named by the section's ``heading``), with a
    header row of the strings ``columns``: the box, and the table's empty body."""
    box = _scroll_box(heading)
    table = classed(el(box, "table"), cls)
    head_row = el(el(table, "thead"), "tr")
    for key in columns:
        el(head_row, "th", ctx.t(key), scope="col")
    return box, el(table, "tbody")


def _normalizations(ctx: Context) -> ET.Element:
    edition = ctx.edition
    source = edition.source.code
    box, body = _table(ctx, "normalizations", "a4p-normalizations", [f"about.column_{key}" for key in COLUMNS])
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
    return box


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
