"""The files under ``/downloads/``: the edition as data, made from the same model as the pages.

========================================  ===================================================
``a4p-declaration.{lang}.json``           one language: metadata, then every paragraph
``a4p-declaration.{lang}.akn.xml``        one language in Akoma Ntoso 3.0 (hooks/outputs/akn.py)
``a4p-declaration.{lang}.pdf``            one language typeset, tagged (hooks/outputs/pdf.py)
``a4p-declaration.aligned.json``          every language, paragraph by paragraph
``a4p-declaration.aligned.csv``           the same as a table, UTF-8 with a byte-order mark;
                                          a cell that starts as a formula opens as text
``a4p-declaration.schema.json``           JSON Schema of the per-language JSON
``a4p-instruments.json``                  what came after, every language (hooks/outputs/instruments.py)
``a4p-instruments.schema.json``           its JSON Schema
``SHA256SUMS``                            the SHA-256 of each file above
========================================  ===================================================

The names start with the edition's id (``source/edition.yml``) and are part of the contract.
The bytes depend only on the sources and the release (version and date from git): the same
commit gives the same files, so every language's build writes them, identically, and no build
order matters. Plain Python, no MkDocs.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from hooks.edition.model import Edition
from hooks.outputs import akn, instruments, pdf
from hooks.provenance import Provenance
from hooks.urls import HOME, Scheme

DIR = "downloads"  # site path of the folder
SUMS = "SHA256SUMS"
SOURCE = "source"
TRANSLATION = "unofficial translation"
SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
# kinds of file, in the order the Downloads page lists them (per language first)
LANGUAGE_KINDS = ("json", "akn", "pdf")
SHARED_KINDS = ("aligned_json", "aligned_csv", "schema", "instruments", "instruments_schema", "sums")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs such a cell (OWASP)
CSV_SPECIAL = ',"\r\n'  # a field with one of these is quoted


@dataclass(frozen=True)
class Download:
    name: str  # file name under downloads/
    kind: str  # one of LANGUAGE_KINDS + SHARED_KINDS
    language: str | None  # for a per-language file
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def name(edition: Edition, kind: str, code: str | None = None) -> str:
    base = edition.facts.edition_id
    return {
        "json": f"{base}.{code}.json",
        "akn": f"{base}.{code}.akn.xml",
        "pdf": f"{base}.{code}.pdf",
        "aligned_json": f"{base}.aligned.json",
        "aligned_csv": f"{base}.aligned.csv",
        "schema": f"{base}.schema.json",
        "instruments": instruments.file_name("instruments"),
        "instruments_schema": instruments.file_name("instruments_schema"),
        "sums": SUMS,
    }[kind]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def status(edition: Edition, code: str) -> str:
    return SOURCE if edition.language(code).is_source else TRANSLATION


def notes(edition: Edition, code: str, number: int) -> list[dict]:
    """The notes on paragraph ``number`` in language ``code``: the edition's editorial notes
    (in that language's words), then the translator's notes."""
    spec = edition.structure.page_of(number)
    para = next(p for p in edition.paragraphs(code, spec) if p.number == number)
    strings = edition.strings[code]
    out: list[dict] = [
        {"type": "editorial", "id": note.id, "found": note.find, "probable": note.probable,
         "text": strings.format("labels.note", found=note.find, probable=note.probable)}
        for note in para.notes
    ]
    out += [{"type": "translator", "text": words} for words in para.translator_notes]
    return out


def language_document(edition: Edition, code: str, online: Scheme, provenance: Provenance) -> dict:
    """The per-language JSON, as data."""
    language = edition.language(code)
    paragraphs = []
    for spec in edition.structure.pages:
        for para in edition.paragraphs(code, spec):
            paragraphs.append({
                "number": para.number,
                "text": para.words,
                "page": spec.slug,
                "heading": edition.heading(code, spec.slug),
                "heading_editorial": spec.editorial_heading,
                "url": online.canonical(online.paragraph(code, spec.slug, para.number)),
                "notes": notes(edition, code, para.number),
                "related_instruments": instruments.related(edition, para.number),
                "sha256": sha256_text(para.words),
            })
    return {
        "$schema": name(edition, "schema"),
        "edition": edition.facts.edition_id,
        "title": edition.texts[code].title,
        "subtitle": edition.texts[code].subtitle,
        "language": code,
        "language_name": language.name,
        "dir": language.dir,
        "status": status(edition, code),
        "source_language": edition.source.code,
        "version": provenance.version,
        "date": provenance.date,
        "text_changed": provenance.changed(code),
        "declaration": {"circulated": edition.facts.circulated, "marked": edition.facts.marked.isoformat()},
        "url": online.canonical(online.page(code, HOME)),
        "notice": edition.strings[code]["footer.notice"],
        "paragraphs": paragraphs,
    }


def aligned_document(edition: Edition, online: Scheme, provenance: Provenance) -> dict:
    codes = [lang.code for lang in edition.languages]
    return {
        "edition": edition.facts.edition_id,
        "version": provenance.version,
        "date": provenance.date,
        "source_language": edition.source.code,
        "declaration": {"circulated": edition.facts.circulated, "marked": edition.facts.marked.isoformat()},
        "languages": [
            {"code": lang.code, "name": lang.name, "dir": lang.dir, "status": status(edition, lang.code),
             "title": edition.texts[lang.code].title, "text_changed": provenance.changed(lang.code)}
            for lang in edition.languages
        ],
        "pages": [
            {"slug": spec.slug, "first": spec.first, "last": spec.last, "editorial_heading": spec.editorial_heading,
             "heading": {code: edition.heading(code, spec.slug) for code in codes}}
            for spec in edition.structure.pages
        ],
        "paragraphs": [
            {"number": number, "page": spec.slug,
             "text": {code: edition.texts[code].paragraphs[number] for code in codes},
             "related_instruments": instruments.related(edition, number)}
            for spec in edition.structure.pages for number in spec.numbers
        ],
    }


def csv_field(value: object) -> str:
    """One field of the CSV (RFC 4180): quoted when it holds a comma, a quote or a line
    break, as Python's csv module does. A cell that a spreadsheet would run as a formula (it
    starts with = + - @, a tab or a carriage return: OWASP's list for CSV injection) gets a
    leading apostrophe and is quoted, so that it opens as text."""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "\"'" + text.replace('"', '""') + '"'
    if any(c in text for c in CSV_SPECIAL):
        return '"' + text.replace('"', '""') + '"'
    return text


def aligned_csv(edition: Edition) -> bytes:
    """One row per paragraph: number, page, then one column per language. UTF-8 with a
    byte-order mark, which spreadsheets take as the sign of UTF-8; rows end in CRLF (RFC 4180).
    Cells that start as a formula open as text (:func:`csv_field`); the JSON keeps the words."""
    codes = [lang.code for lang in edition.languages]
    rows = [["number", "page", *codes]]
    for spec in edition.structure.pages:
        for number in spec.numbers:
            rows.append([number, spec.slug, *(edition.texts[code].paragraphs[number] for code in codes)])
    return ("\ufeff" + "".join(",".join(map(csv_field, row)) + "\r\n" for row in rows)).encode("utf-8")


def schema(edition: Edition, online: Scheme) -> dict:
    """JSON Schema (2020-12) of :func:`language_document`."""
    nullable_date = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    note = {
        "type": "object",
        "required": ["type", "text"],
        "properties": {
            "type": {"enum": ["editorial", "translator"]},
            "text": {"type": "string", "minLength": 1},
            "id": {"type": "string"},
            "found": {"type": "string"},
            "probable": {"type": "string"},
        },
        "additionalProperties": False,
    }
    paragraph = {
        "type": "object",
        "required": ["number", "text", "page", "heading", "notes", "related_instruments", "sha256"],
        "properties": {
            "number": {"type": "integer", "minimum": 1},
            "text": {"type": "string", "minLength": 1},
            "page": {"enum": list(edition.structure.slugs)},
            "heading": {"type": "string", "minLength": 1},
            "heading_editorial": {"type": "boolean"},
            "url": {"type": "string", "format": "uri"},
            "notes": {"type": "array", "items": note},
            "related_instruments": {"type": "array", "uniqueItems": True,
                                    "items": {"enum": list(edition.instruments.items)},
                                    "description": "ids of the instruments that bear on the paragraph, in date "
                                                   "order (a4p-instruments.json)"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                       "description": "SHA-256 of text, encoded in UTF-8"},
        },
        "additionalProperties": False,
    }
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": online.canonical(f"{DIR}/{name(edition, 'schema')}"),
        "title": f"{edition.facts.edition_id}: one language of the edition",
        "type": "object",
        "required": ["edition", "title", "language", "status", "source_language", "version", "date",
                     "paragraphs"],
        "properties": {
            "$schema": {"type": "string"},
            "edition": {"const": edition.facts.edition_id},
            "title": {"type": "string", "minLength": 1},
            "subtitle": {"type": "string"},
            "language": {"enum": [lang.code for lang in edition.languages]},
            "language_name": {"type": "string"},
            "dir": {"enum": ["ltr", "rtl"]},
            "status": {"enum": [SOURCE, TRANSLATION]},
            "source_language": {"const": edition.source.code},
            "version": {"type": ["string", "null"],
                        "description": "the edition's version (git describe); null when built without one"},
            "date": {**nullable_date, "description": "the edition's date"},
            "text_changed": {**nullable_date, "description": "when this language's text last changed"},
            "declaration": {
                "type": "object",
                "required": ["circulated", "marked"],
                "properties": {"circulated": {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
                               "marked": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}},
            },
            "url": {"type": "string", "format": "uri"},
            "notice": {"type": "string"},
            "paragraphs": {"type": "array", "items": paragraph,
                           "minItems": edition.structure.paragraph_count,
                           "maxItems": edition.structure.paragraph_count},
        },
        "additionalProperties": False,
    }


# The last answer of files(): every language's build asks twice (its Downloads page and its
# writing of the files) for the same bytes of the same edition.
_made: list[tuple[Edition, Scheme, Provenance, tuple[Download, ...]]] = []


def files(edition: Edition, online: Scheme, provenance: Provenance) -> list[Download]:
    """Every file of ``downloads/``, in the Downloads page's order, ``SHA256SUMS`` last; made
    once for the same edition (the same object), scheme and provenance."""
    for made_edition, made_scheme, made_provenance, made in _made:
        if made_edition is edition and made_scheme == online and made_provenance == provenance:
            return list(made)
    out = _files(edition, online, provenance)
    _made[:] = [(edition, online, provenance, tuple(out))]
    return out


def _files(edition: Edition, online: Scheme, provenance: Provenance) -> list[Download]:
    out = []
    for language in edition.languages:
        code = language.code
        out.append(Download(name(edition, "json", code), "json", code,
                            _json(language_document(edition, code, online, provenance))))
        out.append(Download(name(edition, "akn", code), "akn", code,
                            akn.document(edition, code, online, provenance)))
        out.append(Download(name(edition, "pdf", code), "pdf", code,
                            pdf.make(edition, code, online, provenance)))
    out.append(Download(name(edition, "aligned_json"), "aligned_json", None,
                        _json(aligned_document(edition, online, provenance))))
    out.append(Download(name(edition, "aligned_csv"), "aligned_csv", None, aligned_csv(edition)))
    out.append(Download(name(edition, "schema"), "schema", None, _json(schema(edition, online))))
    out.append(Download(name(edition, "instruments"), "instruments", None,
                        _json(instruments.document(edition, online, provenance))))
    out.append(Download(name(edition, "instruments_schema"), "instruments_schema", None,
                        _json(instruments.schema(edition, online))))
    sums = "".join(f"{item.sha256}  {item.name}\n" for item in sorted(out, key=lambda d: d.name))
    out.append(Download(SUMS, "sums", None, sums.encode("ascii")))
    return out


def write(site: Path, edition: Edition, online: Scheme, provenance: Provenance) -> None:
    """Write every file under ``site/downloads/``; a file already holding the same bytes (from
    another language's build) is left as it is."""
    folder = site / DIR
    folder.mkdir(parents=True, exist_ok=True)
    for item in files(edition, online, provenance):
        target = folder / item.name
        if not target.is_file() or target.read_bytes() != item.data:
            target.write_bytes(item.data)
