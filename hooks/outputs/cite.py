"""Citations of the declaration, of one paragraph or of the whole, in every format.

From the model and the release, for a language and a paragraph number (``None``: the whole
declaration), :func:`formats` gives

- ``reference``: a reference in the language and its conventions (the patterns are the
  ``cite.*`` interface strings), with the text cited identified (a translation says it is
  this edition's unofficial translation, with its version), then the canonical URL;
- ``bibtex``: a ``@misc`` entry (BibTeX and biblatex), its values brace-delimited, LaTeX's
  specials escaped, the title's capitals protected;
- ``ris``: RIS records, one ``TAG  - value`` a line, ``TY`` first and ``ER`` last, no value
  spanning lines;
- ``csl``: CSL-JSON, a list holding one item.

Each carries the title (the language's subtitle line of ``source/text/{lang}.txt``), the date
the declaration was marked (``source/edition.yml``), the paragraph, the language, the edition
with its version, and the canonical URL (``site_url`` + the text page + ``#para-N``).

A page builds its paragraphs' citations from one :func:`template` whose paragraph number and
URL are the :data:`NUMBER` and :data:`URL` tokens: a number and a URL need no escaping in any
format, so filling them in (the page's script does) gives what :func:`formats` gives.

Plain Python, no MkDocs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from hooks.edition.model import Edition
from hooks.urls import FULL_TEXT, Scheme

FORMATS = ("reference", "bibtex", "ris", "csl")
NUMBER = "@@N@@"  # in a template: the paragraph's number
URL = "@@URL@@"  # in a template: the paragraph's canonical URL
# What a canonical URL may hold: filled into every format as it is, it must need no escaping.
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


@dataclass(frozen=True)
class Cited:
    """What every citation in one language says, whatever the paragraph."""

    code: str
    title: str
    marked: str  # YYYY-MM-DD
    key: str  # the citation key's stem: the edition's id and the language
    edition: str  # the edition's name and version, in the language
    version: str
    translation: str | None  # the translation clause; None in the source language
    patterns: dict[str, str]  # cite.reference_paragraph, cite.reference_whole, cite.pinpoint, cite.line …

    @property
    def year(self) -> str:
        return self.marked[:4]


def cited(edition: Edition, code: str, version: str | None, date: str | None) -> Cited:
    """What citations in language ``code`` say; ``version`` and ``date`` are the release's
    (:class:`hooks.provenance.Provenance`), ``None`` for a build given none."""
    strings = edition.strings[code]
    name = strings["cite.edition"]
    if version:
        name = strings.format("cite.edition_version", edition=name, version=version, date=date or "")
    translation = None
    if not edition.language(code).is_source:
        translation = strings.format("cite.translated", edition=name)
    patterns = {key: strings[f"cite.{key}"] for key in ("reference_paragraph", "reference_whole", "pinpoint", "line", "translated_line")}
    return Cited(code, edition.texts[code].subtitle, edition.facts.marked.isoformat(),
                 f"{edition.facts.edition_id}-{code}", name, version or "", translation, patterns)


def url(edition: Edition, scheme: Scheme, code: str, number: int | None) -> str:
    """The canonical URL of paragraph ``number`` (its text page and ``#para-N``), or of the
    declaration (the language's full text): online, whatever ``scheme`` builds."""
    online = scheme.online()
    if number is None:
        return online.canonical(online.page(code, FULL_TEXT))
    return online.canonical(online.paragraph(code, edition.structure.page_of(number).slug, number))


def formats(c: Cited, number: int | str | None, link: str) -> dict[str, str]:
    """Every format for paragraph ``number`` (``None``: the whole declaration) at ``link``."""
    if link != URL and not _SAFE_URL.match(link):
        raise ValueError(f"not a URL that every format can hold as it is: {link!r}")
    return {"reference": reference(c, number, link), "bibtex": bibtex(c, number, link),
            "ris": ris(c, number, link), "csl": csl(c, number, link)}


def template(c: Cited) -> dict[str, str]:
    """Every format of a paragraph, with :data:`NUMBER` and :data:`URL` to fill in."""
    for value in (c.title, c.edition, c.translation or "", *c.patterns.values()):
        if NUMBER in value or URL in value:
            raise ValueError(f"a citation's words hold a template token: {value!r}")
    return formats(c, NUMBER, URL)


def fill(template_: dict[str, str], number: int, link: str) -> dict[str, str]:
    """What the page's script does with a template."""
    return {name: text.replace(NUMBER, str(number)).replace(URL, link) for name, text in template_.items()}


def _pinpoint(c: Cited, number) -> str | None:
    return None if number is None else c.patterns["pinpoint"].format(number=number)


def _key(c: Cited, number) -> str:
    return c.key if number is None else f"{c.key}-para-{number}"


# --- the reference -------------------------------------------------------------------------

def reference(c: Cited, number, link: str) -> str:
    if number is None:
        ref = c.patterns["reference_whole"].format(title=c.title, year=c.year)
    else:
        ref = c.patterns["reference_paragraph"].format(title=c.title, year=c.year, number=number)
    if c.translation is None:
        return c.patterns["line"].format(reference=ref, url=link)
    return c.patterns["translated_line"].format(reference=ref, translation=c.translation, url=link)


# --- BibTeX --------------------------------------------------------------------------------

_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%",
    "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
}


def bibtex_escape(text: str) -> str:
    """``text`` as a brace-delimited BibTeX value: LaTeX's specials escaped (braces stay
    balanced), lines joined."""
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in _one_line(text))


def bibtex(c: Cited, number, link: str) -> str:
    fields = [
        ("title", "{" + bibtex_escape(c.title) + "}"),  # double braces: keep its capitals
        ("date", c.marked),
        ("year", c.year),
        ("language", c.code),
        ("edition", bibtex_escape(c.edition)),
    ]
    if c.version:
        fields.append(("version", bibtex_escape(c.version)))
    if c.translation:
        fields.append(("howpublished", bibtex_escape(c.translation)))
    pinpoint = _pinpoint(c, number)
    if pinpoint:
        fields.append(("note", bibtex_escape(pinpoint)))
    fields.append(("url", link))  # a verbatim field: checked to need no escaping (formats)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{_key(c, number)},\n{body},\n}}\n"


# --- RIS -----------------------------------------------------------------------------------

def _one_line(text: str) -> str:
    """No line breaks or control characters: each becomes a space, runs of spaces one."""
    return re.sub(r"\s+", " ", re.sub(r"[\x00-\x1f\x7f\u2028\u2029\x85]", " ", text)).strip()


def ris(c: Cited, number, link: str) -> str:
    year, month, day = c.marked.split("-")
    tags = [("TY", "GEN"), ("TI", c.title), ("PY", year), ("DA", f"{year}/{month}/{day}/"),
            ("LA", c.code), ("ET", c.edition)]
    pinpoint = _pinpoint(c, number)
    if pinpoint:
        tags.append(("SE", pinpoint))
    if c.translation:
        tags.append(("N1", c.translation))
    tags += [("UR", link), ("ID", _key(c, number))]
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags]
    return "\n".join(lines) + "\nER  - \n"


# --- CSL-JSON ------------------------------------------------------------------------------

def csl_item(c: Cited, number, link: str) -> dict:
    year, month, day = (int(part) for part in c.marked.split("-"))
    item = {"id": _key(c, number), "type": "document", "title": c.title,
            "issued": {"date-parts": [[year, month, day]]}, "language": c.code, "edition": c.edition}
    if c.version:
        item["version"] = c.version
    pinpoint = _pinpoint(c, number)
    if pinpoint:
        item["section"] = pinpoint
    if c.translation:
        item["note"] = c.translation
    item["URL"] = link
    return item


def csl(c: Cited, number, link: str) -> str:
    """A list holding the one item, a field a line (each value JSON-encoded as it is)."""
    fields = [f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
              for key, value in csl_item(c, number, link).items()]
    return "[\n  {\n" + ",\n".join(fields) + "\n  }\n]\n"
