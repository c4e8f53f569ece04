"""The declaration in one language as Akoma Ntoso 3.0 (OASIS LegalDocML), built with ``xml.etree``.

One ``<statement name="declaration">`` (Akoma Ntoso's document type for collective statements
such as declarations and resolutions)::

    <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
      <statement name="declaration">
        <meta>
          <identification>  FRBRWork (the declaration, marked 2018-09-25),
                            FRBRExpression (this language, this edition, translated from zho),
                            FRBRManifestation (this XML file)
          <references>      the edition, the UN Member States, and each instrument that came after
                            (<TLCReference eId="instrument_{id}" name="{kind}" href showAs>)
          <notes>           editorial notes and translator's notes, each a <note eId class>; for a
                            paragraph with instruments, a note class="after" with a <ref> to each
        </meta>
        <preface>           the title
        <mainBody>
          <hcontainer name="{slug}" eId="hcontainer_{slug}">
            <heading>       (class="editorial" where the supplied text has none)
            <paragraph eId="para_N"><num>N</num><content><p>words<noteRef href="#…"/></p></content></paragraph>

What came after (source/instruments.yml) is in the notes, never in the words: a paragraph's
"after" note holds one ``<p>`` per instrument, ``<ref href refersTo="#instrument_{id}">name</ref>``,
its symbol, its date (in ``<date date>`` only where the day is known, as text otherwise) and the
sentence on this paragraph.

Languages are named by ISO 639-2 codes in FRBR (zho, eng …), as the Akoma Ntoso naming
convention asks. Plain Python, no MkDocs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.edition.model import Edition
from hooks.edition.text import HAN_RUN
from hooks.provenance import Provenance
from hooks.urls import HOME, Scheme

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"  # written xml:lang
# ISO 639-1 -> ISO 639-2/T, for FRBRlanguage and the FRBR URIs; another code is used as it is
# (xsd:language accepts it too).
ISO_639_2 = {"ar": "ara", "en": "eng", "es": "spa", "fr": "fra", "ru": "rus", "zh": "zho"}
WORK = "/akn/un/statement/declaration/2018-09-25/a4p"  # the Work: the declaration itself
EDITION_REF = "edition"  # eId of the edition in <references>
AUTHOR_REF = "memberStates"
AFTER = "after"  # the class of the notes on what came after a paragraph
# elements whose content is text (with inline elements): never indented inside
_INLINE = {"p", "num", "heading", "docTitle"}


def _q(tag: str) -> str:
    """Tags are written plain, the namespace declared once on the root: ElementTree's
    ``default_namespace`` refuses attributes without a namespace, as Akoma Ntoso's are."""
    return tag


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.Element(_q(tag), attrs) if parent is None else ET.SubElement(parent, _q(tag), attrs)
    if text is not None:
        node.text = text
    return node


def _words(parent: ET.Element, words: str, code: str, source: str) -> None:
    """``words`` as the text of ``parent``; in a translation, each run of Chinese (quoted in a
    note) in a ``<span xml:lang="zh">``, as the pages mark it with ``lang``."""
    if code == source:
        parent.text = words
        return
    last = None
    position = 0
    for match in HAN_RUN.finditer(words):
        between = words[position:match.start()]
        if last is None:
            parent.text = between
        else:
            last.tail = between
        last = _el(parent, "span", match.group(0), **{XML_LANG: source})
        position = match.end()
    if last is None:
        parent.text = words
    else:
        last.tail = words[position:]


def language_code(code: str) -> str:
    return ISO_639_2.get(code, code)


def expression_uri(code: str, provenance: Provenance) -> str:
    version = f"@{provenance.date}" if provenance.date else ""
    return f"{WORK}/{language_code(code)}{version}"


def note_id(note_id: str) -> str:
    """The eId of an editorial note in ``<notes>``."""
    return f"note_{note_id}"


def translator_note_id(number: int, index: int) -> str:
    return f"note_translator_{number}_{index}"


def instrument_id(item_id: str) -> str:
    """The eId of an instrument in ``<references>``."""
    return f"instrument_{item_id}"


def after_note_id(number: int) -> str:
    return f"note_after_{number}"


def _after_note(notes: ET.Element, edition: Edition, code: str, number: int) -> None:
    """What came after paragraph ``number``: a ``<p>`` per instrument, in date order, its parts
    in elements and spaces between them (no punctuation of one language)."""
    note = _el(notes, "note", eId=after_note_id(number), **{"class": AFTER})
    labels = edition.instruments.labels[code]
    for item in edition.instruments.of_paragraph(number):
        line = _el(note, "p")
        parts = [_el(line, "ref", labels[item.id].name, href=item.link(code), refersTo=f"#{instrument_id(item.id)}")]
        if item.symbol is not None:
            parts.append(_el(line, "span", item.symbol, **{"class": "symbol"}))
        for day in (item.date, item.end):
            if day is None:
                continue
            if item.full_date is not None:  # a known day: a date; else the date as far as known, as text
                parts.append(_el(line, "date", day, date=day))
            else:
                parts.append(_el(line, "span", day, **{"class": "date"}))
        parts.append(_el(line, "span", labels[item.id].relations[number], **{"class": "relation"}))
        for part in parts[:-1]:
            part.tail = " "


def _indent(node: ET.Element, level: int = 0) -> None:
    """Two spaces a level, never inside an element holding text (so words stay as they are)."""
    if node.tag in {_q(t) for t in _INLINE} or not len(node):
        return
    pad = "\n" + "  " * (level + 1)
    node.text = pad
    for child in node:
        _indent(child, level + 1)
        child.tail = pad
    node[-1].tail = "\n" + "  " * level


def document(edition: Edition, code: str, online: Scheme, provenance: Provenance) -> bytes:
    """The Akoma Ntoso XML of language ``code``, UTF-8, deterministic."""
    strings = edition.strings[code]
    text = edition.texts[code]
    root = ET.Element(_q("akomaNtoso"), xmlns=NS)
    statement = _el(root, "statement", name="declaration")
    meta = _el(statement, "meta")
    _identification(meta, edition, code, online, provenance)
    references = _el(meta, "references", source=f"#{EDITION_REF}")
    _el(references, "TLCOrganization", eId=EDITION_REF, href=online.canonical(online.page(code, HOME)),
        showAs=f"{edition.facts.edition_id}: {strings['site_name']}")
    _el(references, "TLCOrganization", eId=AUTHOR_REF, href="/akn/ontology/organization/un/memberStates",
        showAs="UN Member States")
    labels = edition.instruments.labels[code]
    for item in edition.instruments.items.values():
        _el(references, "TLCReference", eId=instrument_id(item.id), name=item.kind, href=item.link(code),
            showAs=labels[item.id].name)
    notes = None
    body_paragraphs = []
    for spec in edition.structure.pages:
        for para in edition.paragraphs(code, spec):
            refs = []
            for note in para.notes:
                notes = notes if notes is not None else _el(meta, "notes", source=f"#{EDITION_REF}")
                item = _el(notes, "note", eId=note_id(note.id), **{"class": "editorial"})
                _words(_el(item, "p"), strings.format("labels.note", found=note.find, probable=note.probable),
                       code, edition.source.code)
                refs.append((note_id(note.id), "editorial"))
            for index, words in enumerate(para.translator_notes, 1):
                notes = notes if notes is not None else _el(meta, "notes", source=f"#{EDITION_REF}")
                eid = translator_note_id(para.number, index)
                _words(_el(_el(notes, "note", eId=eid, **{"class": "translator"}), "p"), words, code,
                       edition.source.code)
                refs.append((eid, "translator"))
            after = edition.instruments.of_paragraph(para.number)
            if after:
                notes = notes if notes is not None else _el(meta, "notes", source=f"#{EDITION_REF}")
                _after_note(notes, edition, code, para.number)
                refs.append((after_note_id(para.number), AFTER))
            body_paragraphs.append((spec, para, refs))
    preface = _el(statement, "preface")
    _el(_el(preface, "p", **{"class": "title"}), "docTitle", text.title)
    if text.subtitle:
        _el(preface, "p", text.subtitle, **{"class": "subtitle"})
    body = _el(statement, "mainBody")
    containers: dict[str, ET.Element] = {}
    for spec, para, refs in body_paragraphs:
        if spec.slug not in containers:
            box = containers[spec.slug] = _el(body, "hcontainer", name=spec.slug, eId=f"hcontainer_{spec.slug}")
            heading = _el(box, "heading", edition.heading(code, spec.slug))
            if spec.editorial_heading:
                heading.set("class", "editorial")
        paragraph = _el(containers[spec.slug], "paragraph", eId=f"para_{para.number}")
        _el(paragraph, "num", str(para.number))
        words = _el(_el(paragraph, "content"), "p", para.words)
        for eid, kind in refs:
            _el(words, "noteRef", href=f"#{eid}", marker="*", **{"class": kind})
    _indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode("utf-8")


def _identification(meta: ET.Element, edition: Edition, code: str, online: Scheme, provenance: Provenance) -> None:
    language = edition.language(code)
    ident = _el(meta, "identification", source=f"#{EDITION_REF}")
    marked = edition.facts.marked.isoformat()
    work = _el(ident, "FRBRWork")
    _el(work, "FRBRthis", value=f"{WORK}/!main")
    _el(work, "FRBRuri", value=WORK)
    _el(work, "FRBRdate", date=marked, name="marked")
    _el(work, "FRBRauthor", href=f"#{AUTHOR_REF}")
    _el(work, "FRBRcountry", value="un")
    _el(work, "FRBRname", value=edition.strings[edition.source.code]["site_name"])
    expression = _el(ident, "FRBRExpression")
    uri = expression_uri(code, provenance)
    _el(expression, "FRBRthis", value=f"{uri}/!main")
    _el(expression, "FRBRuri", value=uri)
    _el(expression, "FRBRalias", value=f"{edition.facts.edition_id}.{code}", name="edition")
    changed = provenance.changed(code)
    if changed:
        _el(expression, "FRBRdate", date=changed, name="textChanged")
    elif provenance.date:
        _el(expression, "FRBRdate", date=provenance.date, name="release")
    else:
        _el(expression, "FRBRdate", date=marked, name="marked")
    _el(expression, "FRBRauthor", href=f"#{EDITION_REF}")
    if provenance.version:  # the schema's order: versionNumber, authoritative, language
        _el(expression, "FRBRversionNumber", value=provenance.version)
    _el(expression, "FRBRauthoritative", value="false")
    _el(expression, "FRBRlanguage", language=language_code(code))
    if not language.is_source:
        source = edition.source.code
        _el(expression, "FRBRtranslation", href=expression_uri(source, provenance),
            fromLanguage=language_code(source), authoritative="false", by=f"#{EDITION_REF}")
    manifestation = _el(ident, "FRBRManifestation")
    _el(manifestation, "FRBRthis", value=f"{uri}/!main.xml")
    _el(manifestation, "FRBRuri", value=f"{uri}.akn.xml")
    _el(manifestation, "FRBRdate", date=provenance.date or changed or marked, name="generation")
    _el(manifestation, "FRBRauthor", href=f"#{EDITION_REF}")
    _el(manifestation, "FRBRformat", value="application/akn+xml")
