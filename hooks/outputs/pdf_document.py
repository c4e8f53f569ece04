"""The document a language's PDF is typeset from (``hooks/outputs/pdf.py``): one HTML page,
built with ``xml.etree`` from the model, so every word from ``source/`` is escaped.

It holds, in the language's own words: the title and subtitle; on a translation, the notice
that it is unofficial; every part's heading (an editorial one marked) and every paragraph, its
number a link to the paragraph's canonical page (``…/protection/#para-3``); the editorial and
translator's notes under their paragraph; and a colophon (version and date, the canonical URL
of the full text with its QR code, the licence, and that this is not an official United Nations
publication). The running headers (the short title) and page numbers come from the style sheet
(``hooks/outputs/pdf.css``), the bookmarks from the parts' ``h2``.

Chinese quoted in a translation's notes is marked ``lang="zh"`` (its font, one weight). The
PDF's metadata comes from the head: ``<title>``, the description, and the release's date as
both creation and change date, the only date the file carries. Plain Python, no MkDocs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.edition.model import Edition, Paragraph
from hooks.edition.text import HAN_RUN
from hooks.html import append_text, classed, el, fill, isolated
from hooks.outputs import qr
from hooks.provenance import Provenance
from hooks.urls import FULL_TEXT, Scheme

ROOT_CLASS = "a4p-pdf"


def document(edition: Edition, code: str, online: Scheme, provenance: Provenance) -> ET.Element:
    """The ``<html>`` element of language ``code``'s PDF."""
    language = edition.language(code)
    strings = edition.strings[code]
    text = edition.texts[code]
    root = ET.Element("html", {"lang": code, "dir": language.dir})
    head = el(root, "head")
    el(head, "meta", charset="utf-8")
    el(head, "title", strings["site_name"])
    el(head, "meta", name="description", content=strings["meta.index"])
    if provenance.date:  # the release's day; a build without a release carries no date at all
        el(head, "meta", name="dcterms.created", content=provenance.date)
        el(head, "meta", name="dcterms.modified", content=provenance.date)
    body = classed(el(root, "body"), ROOT_CLASS)

    top = classed(el(body, "header"), f"{ROOT_CLASS}__top")
    status = strings["full-text.source" if language.is_source else "full-text.translation"]
    classed(el(top, "p", f"{language.name} · {status}"), f"{ROOT_CLASS}__status")
    h1 = el(top, "h1")
    classed(el(h1, "span", text.title), f"{ROOT_CLASS}__title")
    classed(el(h1, "span", text.subtitle), f"{ROOT_CLASS}__subtitle")
    if not language.is_source:
        classed(el(top, "p", strings["translation.notice"]), f"{ROOT_CLASS}__notice")

    for spec in edition.structure.pages:
        part = classed(el(body, "section"), f"{ROOT_CLASS}__part")
        h2 = el(part, "h2", edition.heading(code, spec.slug), id=spec.slug)
        if spec.editorial_heading:
            append_text(h2, " " if language.word_boundaries else "")  # no space in Chinese
            label = strings.format("pdf.editorial", label=strings["labels.editorial_heading"])
            classed(el(h2, "span", label), f"{ROOT_CLASS}__editorial")
        for para in edition.paragraphs(code, spec):
            part.append(_paragraph(edition, code, online, para))

    body.append(colophon(edition, code, online, provenance))
    return root


def _paragraph(edition: Edition, code: str, online: Scheme, para: Paragraph) -> ET.Element:
    strings = edition.strings[code]
    source = edition.source.code
    box = classed(el(None, "div", id=f"para-{para.number}"), f"{ROOT_CLASS}__para")
    url = online.canonical(online.paragraph(code, para.page.slug, para.number))
    words = el(box, "p")  # the number inside: it never parts from the paragraph's first line
    number = classed(isolated(words, str(para.number), tag="a", href=url), f"{ROOT_CLASS}__num")
    number.set("title", strings.format("labels.permalink", number=str(para.number)))
    append_text(words, para.words)
    for note in para.notes:
        aside = classed(el(box, "p"), f"{ROOT_CLASS}__note")
        el(aside, "strong", strings["labels.editorial_note"])
        append_text(aside, " ")
        fill(aside, strings["labels.note"], {"found": lambda p, w=note.find: _foreign(p, w, source, code),
                                             "probable": lambda p, w=note.probable: _foreign(p, w, source, code)})
    for words in para.translator_notes:
        aside = classed(el(box, "p"), f"{ROOT_CLASS}__note")
        el(aside, "strong", strings["translation.translator_note"])
        append_text(aside, " ")
        cursor = 0
        for match in HAN_RUN.finditer(words):
            append_text(aside, words[cursor:match.start()])
            _foreign(aside, match.group(0), source, code)
            cursor = match.end()
        append_text(aside, words[cursor:])
    return box


def _foreign(parent: ET.Element, words: str, language: str, page: str) -> None:
    """``words`` in ``language``, marked as such when that is not the document's."""
    span = el(parent, "span", words)
    if language != page:
        span.set("lang", language)


def colophon(edition: Edition, code: str, online: Scheme, provenance: Provenance) -> ET.Element:
    """What identifies the file: title, language and status, version and date, where it is
    online (with a QR code), its licence, and that it is not an official UN publication."""
    strings = edition.strings[code]
    language = edition.language(code)
    box = classed(el(None, "footer"), f"{ROOT_CLASS}__colophon")
    el(box, "p", strings["site_name"])
    status = strings["full-text.source" if language.is_source else "full-text.translation"]
    line = f"{language.name} · {status}"
    if provenance.version:
        line += " · " + strings.format("footer.release", version=provenance.version, date=provenance.date or "")
    el(box, "p", line)
    url = online.canonical(online.page(code, FULL_TEXT))
    where = el(box, "p")
    fill(where, strings["pdf.online"], {"url": lambda p: isolated(p, url, tag="a", href=url)})
    el(box, "p", strings["pdf.licence"])
    el(box, "p", strings["pdf.notice"])
    authentic = el(box, "p", strings["footer.authentic"])
    address = strings["footer.authentic_url"]
    if address.startswith("https://"):  # as the footer: only an https address is shown as one
        classed(isolated(authentic, address, tag="a", href=address), f"{ROOT_CLASS}__address")
    box.append(qr.svg(url, strings.format("pdf.qr", url=url)))
    return box


def html(edition: Edition, code: str, online: Scheme, provenance: Provenance) -> bytes:
    """The document as bytes, what the PDF's cache key is made of."""
    return b"<!DOCTYPE html>\n" + ET.tostring(document(edition, code, online, provenance),
                                               encoding="unicode", method="html").encode("utf-8")
