"""A paragraph with its apparatus, and a part's heading, as the text pages and the full text
show them (:mod:`hooks.pages.text`, :mod:`hooks.pages.full_text`).

A paragraph is ``id="para-N"`` with its words; everything in it that is not the declaration's
words carries ``data-apparatus`` (CONTRACT.md, HTML markers): its number, its ¶ mark (the
canonical URL), its cite and share buttons, the link to the original, the glossary marks with their
tooltips, related paragraphs, what came after (:mod:`hooks.pages.after`), editorial and
translator's notes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.edition import terms
from hooks.edition.model import Paragraph
from hooks.edition.text import HAN_RUN
from hooks.pages import after, cite_panel, share
from hooks.pages.elements import APPARATUS, Context, append_text, classed, el, fill, foreign_span, isolated
from hooks.urls import GLOSSARY


def heading(ctx: Context, parent: ET.Element, slug: str, tag: str = "h1", id: str = "heading") -> ET.Element:
    """A part's heading, an editorial one marked as such (also the full text's, as h2)."""
    spec = ctx.edition.structure.page(slug)
    h1 = el(parent, tag, ctx.edition.heading(ctx.language.code, slug), id=id)
    if spec.editorial_heading:
        badge = classed(el(h1, "span", ctx.t("labels.editorial_heading")), "a4p-editorial")
        badge.set("title", ctx.t("labels.editorial_heading_hint"))
        h1.text += " "
    return h1


def paragraph(ctx: Context, para: Paragraph) -> ET.Element:
    """One paragraph: ``id="para-N"``, its words, and apparatus marked as such."""
    path = ctx.scheme.paragraph(ctx.language.code, para.page.slug, para.number)
    online = ctx.canonical(ctx.scheme.online().paragraph(ctx.language.code, para.page.slug, para.number))
    box = classed(el(None, "div", id=f"para-{para.number}"), "a4p-para")
    # the number and the ¶ mark keep their own direction beside right-to-left words
    isolated(classed(el(box, "span", **APPARATUS), "a4p-para__num"), str(para.number))
    text = classed(el(box, "p"), "a4p-para__text")
    _words(ctx, text, para)
    mark = classed(el(text, "a", href=online, **APPARATUS), "a4p-permalink")
    isolated(mark, "¶")
    mark.set("aria-label", ctx.t("labels.permalink", number=para.number))
    mark.set("data-local", ctx.link(path))
    cite_panel.button(ctx, text, para.number)
    share.button(ctx, text, para.number)
    if not ctx.language.is_source:
        source = ctx.edition.source
        original = ctx.scheme.paragraph(source.code, para.page.slug, para.number)
        link = classed(el(text, "a", ctx.t("translation.original"), href=ctx.link(original),
                          hreflang=source.code, **APPARATUS), "a4p-para__original")
        ctx.foreign(link, source.code)
    _mark_terms(ctx, text, para.number)
    _related(ctx, box, para.number)
    after.block(ctx, box, para.number)
    for note in para.notes:
        aside = classed(el(box, "aside", id=f"note-{note.id}", **APPARATUS), "a4p-note")
        el(aside, "strong", ctx.t("labels.editorial_note"))
        append_text(aside, " ")
        source = ctx.edition.source.code
        fill(ctx, aside, "labels.note", {"found": foreign_span(ctx, note.find, source),
                                         "probable": foreign_span(ctx, note.probable, source)})
    for words in para.translator_notes:  # shown as the editorial notes are, in the page's language
        aside = classed(el(box, "aside", **APPARATUS), "a4p-note a4p-note--translator")
        el(aside, "strong", ctx.t("translation.translator_note"))
        append_text(aside, " ")
        _quoting_source(ctx, aside, words)
    return box


def _quoting_source(ctx: Context, parent: ET.Element, words: str) -> None:
    """A translator's note; the source-language words it quotes carry their ``lang``."""
    cursor = 0
    for match in HAN_RUN.finditer(words):
        append_text(parent, words[cursor:match.start()])
        ctx.foreign(el(parent, "span", match.group(0)), ctx.edition.source.code)
        cursor = match.end()
    append_text(parent, words[cursor:])


def _mark_terms(ctx: Context, text: ET.Element, number: int) -> None:
    """Glossary terms in the words: a link to the entry plus a tooltip (apparatus)."""
    glossary = ctx.edition.glossaries[ctx.language.code]
    glossary_page = ctx.scheme.page(ctx.language.code, GLOSSARY)
    count = 0

    def make_mark(match: terms.Match) -> list[ET.Element]:
        nonlocal count
        count += 1
        tip_id = f"tip-{number}-{count}"
        link = classed(el(None, "a", match.form, href=ctx.link(f"{glossary_page}#term-{match.term_id}")),
                       "a4p-term")
        link.set("aria-describedby", tip_id)
        tip = classed(el(None, "span", glossary.terms[match.term_id].definition, id=tip_id, role="tooltip",
                         **APPARATUS), "a4p-tip")
        return [link, tip]

    terms.mark(text, ctx.derived.matchers[ctx.language.code], make_mark)


def _related(ctx: Context, box: ET.Element, number: int) -> None:
    """Up to three related paragraphs elsewhere, derived from shared glossary terms."""
    others = ctx.derived.related.get(number, ())
    if not others:
        return
    # not a <nav>: one landmark per paragraph, all of the same name, would crowd a screen
    # reader's list of landmarks; the visible words say what the links are
    nav = classed(el(box, "div", **APPARATUS), "a4p-related")
    el(nav, "span", ctx.t("labels.related"))
    for other in others:
        append_text(nav, " ")
        spec = ctx.edition.structure.page_of(other)
        link = el(nav, "a", ctx.t("labels.paragraph", number=other),
                  href=ctx.link(ctx.scheme.paragraph(ctx.language.code, spec.slug, other)))
        link.set("title", ctx.t(f"pages.{spec.slug}"))


def _words(ctx: Context, parent: ET.Element, para: Paragraph) -> None:
    """The words; in the source language a suspected typo is marked where it stands."""
    words = para.words
    if not ctx.language.is_source or not para.notes:
        parent.text = words
        return
    cursor = 0
    for note in sorted(para.notes, key=lambda n: words.index(n.find)):
        start = words.index(note.find)
        append_text(parent, words[cursor:start])
        classed(el(parent, "span", note.find), "a4p-sic")
        ref = el(parent, "sup", **APPARATUS)
        el(ref, "a", "*", href=f"#note-{note.id}").set("aria-label", ctx.t("labels.editorial_note"))
        cursor = start + len(note.find)
    append_text(parent, words[cursor:])
