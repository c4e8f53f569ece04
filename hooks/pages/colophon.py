"""The printed colophon: what identifies a printout of any page of the edition.

Every page ends with it; it shows only in print (``docs/assets/a4p.css``'s print section), where the
theme's header and footer drop out. It says, in the page's language: the declaration's title;
the language and its status (the source text, or an unofficial translation); the edition's
version and date; the page's canonical URL; where what came after its paragraphs is (print
leaves those blocks out), on a page of the text; that this is not an official United Nations
publication, with where the authentic texts are; and a QR code of the canonical URL
(:mod:`hooks.outputs.qr`), to reach the page online from the paper. The offline bundle's pages
print without the QR code (about 0.5 KB a page, which the bundle's size limit has no room for);
their colophon still gives the URL, and the bundle's PDFs carry theirs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.outputs import instruments, qr
from hooks.pages.elements import Context, append_text, classed, el, fill, isolated, to_html
from hooks.urls import FULL_TEXT

ROOT_CLASS = "a4p-colophon"


def colophon(ctx: Context, key: str) -> ET.Element:
    """The colophon of page ``key`` (a slug or a key of :mod:`hooks.urls`)."""
    box = classed(el(None, "div"), ROOT_CLASS)
    classed(el(box, "p", ctx.t("site_name")), f"{ROOT_CLASS}__title")
    status = ctx.t("full-text.source" if ctx.language.is_source else "full-text.translation")
    parts = [ctx.language.name, status]
    if ctx.provenance.version:
        parts.append(ctx.t("footer.release", version=ctx.provenance.version, date=ctx.provenance.date or ""))
    line = classed(el(box, "p"), f"{ROOT_CLASS}__edition")
    for index, part in enumerate(parts):
        if index:
            append_text(line, " · ")
        el(line, "span", part)
    online = ctx.scheme.online()
    url = ctx.canonical(online.page(ctx.language.code, key))
    where = classed(el(box, "p"), f"{ROOT_CLASS}__url")
    fill(ctx, where, "full-text.online", {"url": lambda parent: isolated(parent, url, tag="span")})
    if _has_after(ctx, key):
        after = classed(el(box, "p"), f"{ROOT_CLASS}__after")
        name = instruments.file_name("instruments")
        fill(ctx, after, "after.print", {"file": lambda parent: isolated(parent, name, tag="span")})
    # sentences follow each other with a space, except in a language written without them
    space = " " if ctx.language.word_boundaries else ""
    notice = classed(el(box, "p"), f"{ROOT_CLASS}__notice")
    append_text(notice, ctx.t("footer.notice") + space + ctx.t("footer.authentic"))
    authentic = ctx.strings["footer.authentic_url"]
    if authentic.startswith("https://"):  # as the footer: only an https address is shown as one
        append_text(notice, " ")
        isolated(notice, authentic, tag="span")
    if ctx.online_site:  # the offline bundle's pages leave it out: the bundle's size limit
        box.append(qr.svg(url, ctx.t("pdf.qr", url=url)))  # the page's canonical URL, to scan from paper
    return box


def _has_after(ctx: Context, key: str) -> bool:
    """Page ``key`` shows paragraphs, and an instrument bears on one of them."""
    structure = ctx.edition.structure
    if key == FULL_TEXT:
        numbers = range(1, structure.paragraph_count + 1)
    elif key in structure.slugs:
        numbers = structure.page(key).numbers
    else:
        return False
    return any(ctx.edition.instruments.of_paragraph(n) for n in numbers)


def colophon_html(ctx: Context, key: str) -> str:
    return to_html(colophon(ctx, key))
