"""``a4p-instruments.json`` and its schema: what came after the declaration, as data.

One file for every language: each instrument's facts (kind, symbol, date and its precision,
a meeting's last day, evidence), its link and name in each language, and the paragraphs it
bears on with a sentence on each in each language. A date goes into a date field
(``format: date``) only where the day is known; the date as written, with its precision, is
always there as text. Plain Python, no MkDocs.
"""

from __future__ import annotations

from hooks.edition.instruments import KINDS, PRECISIONS, Instrument
from hooks.edition.yamlsource import ASCII_ID
from hooks.edition.model import Edition
from hooks.provenance import Provenance
from hooks.urls import Scheme

BASE = "a4p-instruments"  # the file names: a4p-instruments.json, a4p-instruments.schema.json
SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_TEXT = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def file_name(kind: str) -> str:
    return {"instruments": f"{BASE}.json", "instruments_schema": f"{BASE}.schema.json"}[kind]


def related(edition: Edition, number: int) -> list[str]:
    """The ids of the instruments that bear on paragraph ``number``, in date order."""
    return [item.id for item in edition.instruments.of_paragraph(number)]


def _item(edition: Edition, item: Instrument, online: Scheme) -> dict:
    codes = [language.code for language in edition.languages]
    labels = edition.instruments.labels
    out: dict = {"id": item.id, "kind": item.kind}
    if item.symbol is not None:
        out["symbol"] = item.symbol
    out["date_text"] = item.date
    out["precision"] = item.precision
    if item.full_date is not None:
        out["date"] = item.full_date
    if item.end is not None:
        out["end_date"] = item.end
    out["name"] = {code: labels[code][item.id].name for code in codes}
    out["link"] = {code: item.link(code) for code in codes}
    out["paragraphs"] = [
        {"number": number,
         "url": {code: online.canonical(online.paragraph(code, edition.structure.page_of(number).slug, number))
                 for code in codes},
         "relation": {code: labels[code][item.id].relations[number] for code in codes}}
        for number in item.paragraphs
    ]
    out["evidence"] = [{"url": entry.url, "checked": entry.checked.isoformat()} for entry in item.evidence]
    return out


def document(edition: Edition, online: Scheme, provenance: Provenance) -> dict:
    return {
        "$schema": file_name("instruments_schema"),
        "edition": edition.facts.edition_id,
        "version": provenance.version,
        "date": provenance.date,
        "languages": [language.code for language in edition.languages],
        "instruments": [_item(edition, item, online) for item in edition.instruments.items.values()],
    }


def schema(edition: Edition, online: Scheme) -> dict:
    """JSON Schema (2020-12) of :func:`document`."""
    codes = [language.code for language in edition.languages]

    def per_language(value: dict) -> dict:
        return {"type": "object", "required": codes, "properties": {code: value for code in codes},
                "additionalProperties": False}

    text = {"type": "string", "minLength": 1}
    url = {"type": "string", "format": "uri", "pattern": "^https://"}
    date = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    count = edition.structure.paragraph_count
    instrument = {
        "type": "object",
        "required": ["id", "kind", "date_text", "precision", "name", "link", "paragraphs", "evidence"],
        "properties": {
            "id": {"type": "string", "pattern": ASCII_ID.pattern,
                   "description": "the same in every language; the timeline's #instrument-{id}"},
            "kind": {"enum": list(KINDS)},
            "symbol": {"type": "string", "minLength": 1, "description": "the UN document symbol, where it has one"},
            "date_text": {"type": "string", "pattern": DATE_TEXT,
                          "description": "the date as far as it is known: YYYY-MM-DD, YYYY-MM or YYYY"},
            "precision": {"enum": list(PRECISIONS)},
            "date": {**date, "description": "only where the day is known (precision: day)"},
            "end_date": {**date, "description": "a meeting's last day"},
            "name": per_language(text),
            "link": per_language(url),
            "paragraphs": {"type": "array", "minItems": 1, "items": {
                "type": "object",
                "required": ["number", "url", "relation"],
                "properties": {"number": {"type": "integer", "minimum": 1, "maximum": count},
                               "url": per_language(url), "relation": per_language(text)},
                "additionalProperties": False}},
            "evidence": {"type": "array", "minItems": 1, "items": {
                "type": "object", "required": ["url", "checked"],
                "properties": {"url": url, "checked": date}, "additionalProperties": False}},
        },
        # a date field only where the day is known, and an end only after a known first day
        "if": {"properties": {"precision": {"const": "day"}}},
        "then": {"required": ["date"]},
        "else": {"not": {"anyOf": [{"required": ["date"]}, {"required": ["end_date"]}]}},
        "dependentRequired": {"end_date": ["date"]},
        "additionalProperties": False,
    }
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": online.canonical(f"downloads/{file_name('instruments_schema')}"),
        "title": f"{edition.facts.edition_id}: the instruments that came after the declaration",
        "type": "object",
        "required": ["edition", "version", "date", "languages", "instruments"],
        "properties": {
            "$schema": {"type": "string"},
            "edition": {"const": edition.facts.edition_id},
            "version": {"type": ["string", "null"]},
            "date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "languages": {"const": codes},
            "instruments": {"type": "array", "items": instrument},
        },
        "additionalProperties": False,
    }
