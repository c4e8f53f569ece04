"""Search records: every paragraph of a language is its own record, for the browser's index.

The browser's search (``docs/assets/search.js``, on MiniSearch) loads one language's records
with a ``<script>`` tag, so that it works from ``file://`` as well as online: the records file
``assets/search/{lang}.js`` assigns them to a global instead of being fetched. A page's
search therefore only ever sees its own language.

A record is what a result shows and where it leads: the paragraph's number and page name,
its words, and the site path of its canonical home with ``#para-N``. Glossary entries are
records too (kind ``term``), listed after the paragraphs. How words become index terms (Han as character bigrams, other words stemmed) is
the browser's job, in one place: ``search.js`` tokenizes the records and the queries alike.

Language-specific search settings (a stemmer, stop words) are data, in ``source/search.yml``;
a language that it does not list is searched without them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from hooks import yamlsource
from hooks.errors import SourceError
from hooks.model import Edition
from hooks.urls import Scheme

RECORDS_DIR = "assets/search"  # site path of the per-language records files
ENGINE = "assets/vendor/minisearch/index.js"  # the search engine, vendored from npm
SETTINGS_FILE = "search.yml"  # in source/
GLOBAL = "a4pSearchData"  # the browser global the records files add their language to
# The interface strings of the search box (source/i18n/{lang}.yml, "search:").
STRING_PREFIX = "search."


@dataclass(frozen=True)
class Record:
    """One search result: a paragraph, or a glossary term."""

    kind: str  # "paragraph" or "term", listed in that order
    anchor: str  # the fragment id at the target: "para-9", "term-protection-of-civilians"
    url: str  # site path of the target page + "#" + anchor
    label: str  # the result's heading: "Paragraph 9", or the term itself
    page: str  # the name of the page it is on
    words: str  # the text that is searched and shown
    number: int | None = None  # a paragraph's number
    name: str | None = None  # a term's name: searched too, with a boost

    def as_json(self) -> dict:
        data = {"kind": self.kind, "id": self.anchor, "url": self.url, "label": self.label,
                "page": self.page, "text": self.words}
        if self.number is not None:
            data["n"] = self.number
        if self.name is not None:
            data["name"] = self.name
        return data


def glossary_records(edition: Edition, code: str, scheme: Scheme) -> list[Record]:
    """Every glossary entry of language ``code``, in the glossary's order: the term (and its
    variants) as the name, the variants and definition as the words."""
    from hooks.glossary import ordered

    strings = edition.strings[code]
    page = scheme.page(code, "glossary")
    return [
        Record(kind="term", anchor=f"term-{term.id}", url=f"{page}#term-{term.id}", label=term.term,
               page=strings["nav.glossary"], words=" · ".join((*term.variants, term.definition)),
               name=term.term)
        for term in ordered(edition.glossaries[code], edition.language(code).collation)
    ]


def paragraph_records(edition: Edition, code: str, scheme: Scheme) -> list[Record]:
    """Every paragraph of language ``code``, in order, linking to its canonical home."""
    strings = edition.strings[code]
    result = []
    for spec in edition.structure.pages:
        for para in edition.paragraphs(code, spec):
            result.append(Record(
                kind="paragraph",
                anchor=f"para-{para.number}",
                url=scheme.paragraph(code, spec.slug, para.number),
                label=strings.format("labels.paragraph", number=str(para.number)),
                page=strings[f"pages.{spec.slug}"],
                words=para.words,
                number=para.number,
            ))
    return result


def records(edition: Edition, code: str, scheme: Scheme) -> list[Record]:
    """The paragraphs, then the glossary entries: the order results are listed in."""
    return paragraph_records(edition, code, scheme) + glossary_records(edition, code, scheme)


@dataclass(frozen=True)
class Stemmer:
    name: str
    script: str  # site path of the vendored script
    export: str  # how the script hands over its stem(word) function: "commonjs" or a global


@dataclass(frozen=True)
class Settings:
    """A language's search settings. The default: no stemmer, no stop words."""

    stemmer: Stemmer | None = None
    stopwords: tuple[str, ...] = ()


def load_settings(path: Path, edition: Edition, shown: Callable[[Path], Path] = lambda p: p) -> dict[str, Settings]:
    """``source/search.yml``: the stemmers on offer and each listed language's settings."""
    where = shown(path)
    data = yamlsource.load(path, where)
    if not isinstance(data, dict):
        raise SourceError(where, getattr(data, "line", 1), type(data).__name__, "a mapping with 'stemmers' and 'languages'")
    for key in data:
        if key not in ("stemmers", "languages"):
            raise SourceError(where, data.lines[key], f"key '{key}'", "only 'stemmers' and 'languages'")
    stemmers: dict[str, Stemmer] = {}
    for name, spec in (data.get("stemmers") or {}).items():
        script = yamlsource.require(spec, "script", str, where, f"stemmer '{name}'")
        export = yamlsource.require(spec, "export", str, where, f"stemmer '{name}'")
        if not script.startswith("assets/vendor/") or not script.endswith(".js"):
            raise SourceError(where, spec.lines["script"], f"script {script!r}", "a .js file under assets/vendor/")
        stemmers[name] = Stemmer(name, script, export)
    codes = [lang.code for lang in edition.languages]
    languages = data.get("languages") or {}
    settings = {code: Settings() for code in codes}
    for code, spec in languages.items():
        line = languages.lines[code]
        if code not in codes:
            raise SourceError(where, line, f"language '{code}'", f"one of the edition's languages ({', '.join(codes)})")
        if not isinstance(spec, dict):
            raise SourceError(where, line, f"{type(spec).__name__} for '{code}'", "a mapping with 'stemmer' and/or 'stopwords'")
        for key in spec:
            if key not in ("stemmer", "stopwords"):
                raise SourceError(where, spec.lines[key], f"key '{key}'", "only 'stemmer' and 'stopwords'")
        stemmer = None
        if "stemmer" in spec:
            name = spec["stemmer"]
            if name not in stemmers:
                raise SourceError(where, spec.lines["stemmer"], f"stemmer {name!r}",
                                  f"one of the stemmers listed above ({', '.join(stemmers) or 'none'})")
            stemmer = stemmers[name]
        words = spec.get("stopwords", "")
        if not isinstance(words, str):
            raise SourceError(where, spec.lines["stopwords"], f"stopwords: {words!r}",
                              "the stop words as one line of words separated by spaces")
        settings[code] = Settings(stemmer, tuple(words.split()))
    return settings


def records_path(code: str) -> str:
    """Site path of language ``code``'s records file."""
    return f"{RECORDS_DIR}/{code}.js"


def page_config(edition: Edition, code: str) -> dict:
    """What the page template needs for language ``code``'s search box."""
    return {"lang": code, "records": records_path(code), "engine": ENGINE,
            "strings": browser_strings(edition, code)}


def browser_strings(edition: Edition, code: str) -> dict[str, str]:
    """The ``search.*`` interface strings, without the prefix, for the browser."""
    return edition.strings[code].section(STRING_PREFIX)


def document(edition: Edition, code: str, scheme: Scheme, settings: Settings) -> dict:
    """Everything the browser needs for one language's search, besides the page's strings."""
    return {
        "lang": code,
        "stemmer": None if settings.stemmer is None else
        {"script": settings.stemmer.script, "export": settings.stemmer.export},
        "stopwords": list(settings.stopwords),
        "records": [record.as_json() for record in records(edition, code, scheme)],
    }


def script(data: dict) -> str:
    """The records file: a classic script that adds ``data`` to the page's global."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    key = json.dumps(data["lang"])
    return (f"/* Search records, generated by hooks/search.py. */\n"
            f"(window.{GLOBAL} = window.{GLOBAL} || {{}})[{key}] = {payload};\n")
