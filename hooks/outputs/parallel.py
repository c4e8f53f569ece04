"""The parallel view's data: one file per language, for the browser to put two side by side.

The parallel page (:mod:`hooks.pages.parallel`) is one shell per language; the two texts it
shows are built in the browser (``docs/assets/a4p-parallel.js``) from the data files of the
two languages of the pair, ``assets/parallel/{lang}.js``. Like the search records
(:mod:`hooks.outputs.search`), a data file is a classic script that adds its language to a global, so
that it loads with a ``<script>`` tag from ``file://`` as well as online; no page is generated
per pair of languages.

A language's data: its name, direction and status (source or unofficial translation) and the
labels of its apparatus, all in its own words; then every text page in order with its heading
and its paragraphs. A paragraph carries its words, its notes (the edition's editorial notes
and the language's translator's notes, as runs of text, each run with the language it is in),
where its canonical home is (the online URL its ¶ mark links to, and the site path a click
follows, in the site or the offline bundle), and what came after it: the instruments that bear
on it, in date order, which the view shows in the same closed block as the text pages
(:mod:`hooks.pages.after`). ``offline`` says that the data is the offline bundle's, whose links
to UN sites are marked as needing the network.

The page is :mod:`hooks.pages.parallel`'s, its URL (the pair in the query,
``parallel/?a={lang}&b={lang}#para-N``) :mod:`hooks.pages.parallel_link`'s.
"""

from __future__ import annotations

import json
import string
from pathlib import Path

from hooks.edition.model import Edition, Paragraph
from hooks.edition.text import HAN_RUN
from hooks.urls import Scheme

DATA_DIR = "assets/parallel"  # site path of the per-language data files
GLOBAL = "a4p.parallelData"  # the browser global the data files add their language to
# The labels of a cell's apparatus, in the cell's language (source/i18n/{lang}.yml).
LABELS = {
    "paragraph": "labels.paragraph",
    "permalink": "labels.permalink",
    "editorial_heading": "labels.editorial_heading",
    "editorial_heading_hint": "labels.editorial_heading_hint",
    "after": "after.title",
    "online_only": "after.online_only",
}


def data_path(code: str) -> str:
    """Site path of language ``code``'s data file."""
    return f"{DATA_DIR}/{code}.js"


def _runs_of_template(template: str, fillers: dict[str, tuple[str, str]]) -> list[list[str]]:
    """A string with ``{placeholders}`` as runs: its literal text, and each placeholder's
    ``(text, lang)``."""
    runs: list[list[str]] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            runs.append([literal])
        if name:
            text, lang = fillers[name]
            runs.append([text, lang])
    return runs


def _runs_quoting(words: str, source: str) -> list[list[str]]:
    """A translator's note as runs; the source-language words it quotes carry their language."""
    runs: list[list[str]] = []
    cursor = 0
    for match in HAN_RUN.finditer(words):
        if match.start() > cursor:
            runs.append([words[cursor:match.start()]])
        runs.append([match.group(0), source])
        cursor = match.end()
    if cursor < len(words):
        runs.append([words[cursor:]])
    return runs


def _notes(edition: Edition, code: str, para: Paragraph) -> list[dict]:
    strings = edition.strings[code]
    source = edition.source.code
    notes = [{"label": strings["labels.editorial_note"], "kind": "editorial",
              "runs": _runs_of_template(strings["labels.note"], {"found": (note.find, source),
                                                                  "probable": (note.probable, source)})}
             for note in para.notes]
    notes += [{"label": strings["translation.translator_note"], "kind": "translator",
               "runs": _runs_quoting(words, source)}
              for words in para.translator_notes]
    return notes


def _after(edition: Edition, code: str, number: int) -> list[dict]:
    """The instruments that bear on paragraph ``number``, as the block under it shows them."""
    labels = edition.instruments.labels[code]
    return [{"name": labels[item.id].name, "href": item.link(code), "symbol": item.symbol,
             "date": item.date, "end": item.end, "relation": labels[item.id].relations[number]}
            for item in edition.instruments.of_paragraph(number)]


def document(edition: Edition, code: str, scheme: Scheme) -> dict:
    """Everything the browser needs to show language ``code`` in one column of the view."""
    language = edition.language(code)
    strings = edition.strings[code]
    online = scheme.online()
    sections = []
    for spec in edition.structure.pages:
        sections.append({
            "slug": spec.slug,
            "page": strings[f"pages.{spec.slug}"],
            "heading": edition.heading(code, spec.slug),
            "editorial": spec.editorial_heading,
            "path": scheme.page(code, spec.slug),
            "paragraphs": [{
                "n": para.number,
                "text": para.words,
                "url": online.canonical(online.paragraph(code, spec.slug, para.number)),
                "path": scheme.paragraph(code, spec.slug, para.number),
                "notes": _notes(edition, code, para),
                "after": _after(edition, code, para.number),
            } for para in edition.paragraphs(code, spec)],
        })
    return {
        "lang": code,
        "name": language.name,
        "dir": language.dir,
        "status": strings["parallel.source" if language.is_source else "parallel.translation"],
        "labels": {name: strings[key] for name, key in LABELS.items()},
        "offline": not scheme.directory_urls,
        "sections": sections,
    }


def script(data: dict) -> str:
    """The data file: a classic script that adds ``data`` to the page's global."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    key = json.dumps(data["lang"])
    return (f"/* Parallel view data, generated by hooks/outputs/parallel.py. */\n"
            f"(window.{GLOBAL} = window.{GLOBAL} || {{}})[{key}] = {payload};\n")


def write(edition: Edition, code: str, scheme: Scheme, site: Path) -> Path:
    """Write language ``code``'s data file into the built site ``site``."""
    target = site / data_path(code)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script(document(edition, code, scheme)), encoding="utf-8")
    return target
