"""Search records: every paragraph of a language is its own record, for the browser's index.

The browser's search (``docs/assets/search.js``, on MiniSearch) loads one language's records
with a ``<script>`` tag, so that it works from ``file://`` as well as online: the records file
``assets/search/{lang}.js`` assigns them to a global instead of being fetched. A page's
search therefore only ever sees its own language.

A record is what a result shows and where it leads: the paragraph's number and page name,
its words, and the site path of its canonical home with ``#para-N``. Glossary entries are
records too (kind ``term``), listed after the paragraphs, and so are the instruments of what came
after (kind ``instrument``, :mod:`hooks.edition.instruments`), last, each leading to its entry
on the timeline: a query for a symbol (``2436``) or an abbreviation (``CPAS``) finds it. How words become index terms (Han as character bigrams, other words stemmed) is
the browser's job, in one place: ``search.js`` tokenizes the records and the queries alike.

Language-specific search settings (a stemmer, stop words, a folding) are data, in
``source/search.yml``; a language that it does not list is searched without them. The folding
rules (:mod:`hooks.edition.folding`) go to the browser as JSON, so that search and the glossary marks
fold alike.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from hooks.edition import folding as foldings, yamlsource
from hooks.edition.folding import Folding
from hooks.edition.glossary import ordered
from hooks.edition.model import Edition
from hooks.errors import SourceError
from hooks.urls import TIMELINE, Scheme, instrument_anchor

RECORDS_DIR = "assets/search"  # site path of the per-language records files
ENGINE = "assets/vendor/minisearch/index.js"  # the search engine, vendored from npm
# What a reader needs to reach the search box and use it (of mkdocs.yml's extra_javascript), which
# assets/a4p-load.js runs before the page's other scripts: a4p.js declares window.a4p, which the
# rest meet in; a4p-header.js binds the header's buttons, a phone's way into the box.
BOX_SCRIPTS = ("assets/a4p.js", "assets/a4p-header.js", "assets/search-text.js", "assets/search-highlight.js",
               "assets/search-index.js", "assets/search-results.js", "assets/search.js")
SETTINGS_FILE = "search.yml"  # in source/
GLOBAL = "a4p.searchData"  # the browser global the records files add their language to
# The interface strings of the search box (source/i18n/{lang}.yml, "search:").
STRING_PREFIX = "search."
LIGHT = "light"  # the stemmer name meaning: the light stemming of the language's folding
LANGUAGE_KEYS = ("stemmer", "stopwords", "folding")
CODE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True)
class Record:
    """One search result: a paragraph, or a glossary term."""

    kind: str  # "paragraph", "term" or "instrument", listed in that order
    anchor: str  # the fragment id at the target: "para-9", "term-protection-of-civilians", "instrument-cpas"
    url: str  # site path of the target page + "#" + anchor
    label: str  # the result's heading: "Paragraph 9", the term, the instrument's name
    page: str  # the name of the page it is on
    words: str  # the text that is searched and shown
    number: int | None = None  # a paragraph's number
    name: str | None = None  # a term's or an instrument's name: searched too, with a boost

    def as_json(self) -> dict:
        """What the browser reads. A term's or an instrument's result is headed by its name
        (search.js shows ``label`` only for a record without one): its label, the same words, is
        left out; so is the anchor, which ends the URL (``url``'s fragment)."""
        data = {"kind": self.kind, "url": self.url, "page": self.page, "text": self.words}
        if self.name is None:
            data["label"] = self.label
        if self.number is not None:
            data["n"] = self.number
        if self.name is not None:
            data["name"] = self.name
        return data


def glossary_records(edition: Edition, code: str, scheme: Scheme) -> list[Record]:
    """Every glossary entry of language ``code``, in the glossary's order: the term (and its
    variants) as the name, the variants and definition as the words."""
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


def instrument_records(edition: Edition, code: str, scheme: Scheme) -> list[Record]:
    """Every instrument, in the timeline's order, leading to its entry there: its name in
    language ``code`` as the name; as the words, its kind, its symbol, its date as far as it is
    known, and the paragraphs it bears on. The sentences on how it bears on each stay on the
    timeline: the result is found by what names the instrument, and the records stay small."""
    strings = edition.strings[code]
    page = edition.page_name(code, TIMELINE)
    result = []
    for item in edition.instruments.items.values():
        label = edition.instruments.labels[code][item.id]
        facts = [strings[f"timeline.kind_{item.kind}"]]
        if item.symbol is not None:
            facts.append(item.symbol)
        facts.append(item.date if item.end is None else f"{item.date} – {item.end}")
        facts += [strings.format("labels.paragraph", number=str(number)) for number in item.paragraphs]
        result.append(Record(kind="instrument", anchor=instrument_anchor(item.id),
                             url=scheme.instrument(code, item.id), label=label.name, page=page,
                             words=" · ".join(facts), name=label.name))
    return result


def records(edition: Edition, code: str, scheme: Scheme) -> list[Record]:
    """The paragraphs, then the glossary entries, then the instruments: the order results are
    listed in."""
    return (paragraph_records(edition, code, scheme) + glossary_records(edition, code, scheme)
            + instrument_records(edition, code, scheme))


@dataclass(frozen=True)
class Stemmer:
    name: str
    script: str  # site path of the vendored script ("" for the light stemmer)
    export: str  # how the script hands over its stem(word) function: "commonjs" or a global
    member: str | None = None  # for "commonjs": the property of module.exports that is stem()

    def as_json(self) -> dict:
        if self.name == LIGHT:
            return {"light": True}
        return {"script": self.script, "export": self.export, "member": self.member}


LIGHT_STEMMER = Stemmer(LIGHT, "", LIGHT)


@dataclass(frozen=True)
class Settings:
    """A language's search settings. The default: no stemmer, no stop words, no folding."""

    stemmer: Stemmer | None = None
    stopwords: tuple[str, ...] = ()
    folding: Folding | None = None


def load_settings(path: Path, edition: Edition, shown: Callable[[Path], Path] = lambda p: p) -> dict[str, Settings]:
    """``source/search.yml``: the stemmers and foldings on offer and each listed language's
    settings, for every language of the edition (and for the languages listed there that the
    edition does not have yet, checked all the same)."""
    where = shown(path)
    data = yamlsource.load(path, where)
    if not isinstance(data, dict):
        raise SourceError(where, getattr(data, "line", 1), yamlsource.describe(data),
                          "a mapping with 'stemmers', 'foldings' and 'languages'")
    for key in data:
        if key not in ("stemmers", "foldings", "languages"):
            raise SourceError(where, data.lines[key], f"key '{key}'", "only 'stemmers', 'foldings' and 'languages'")
    stemmers = _stemmers(data.get("stemmers") or {}, where)
    folds = foldings.parse(data.get("foldings"), where)
    languages = data.get("languages") or {}
    assigned = foldings.assigned(languages, folds, where)
    settings = {lang.code: Settings() for lang in edition.languages}
    for code, spec in languages.items():
        line = languages.lines[code]
        if not isinstance(code, str) or not CODE.match(code):
            raise SourceError(where, line, f"language {code!r}", "a two-letter ISO 639-1 code, as in languages.yml")
        if not isinstance(spec, dict):
            raise SourceError(where, line, f"{yamlsource.describe(spec)} for '{code}'",
                              "a mapping with some of 'stemmer', 'stopwords' and 'folding'")
        for key in spec:
            if key not in LANGUAGE_KEYS:
                raise SourceError(where, spec.lines[key], f"key '{key}'", "only 'stemmer', 'stopwords' and 'folding'")
        stemmer = None
        if "stemmer" in spec:
            name = spec["stemmer"]
            if name == LIGHT:
                if code not in assigned or not assigned[code].stems:
                    raise SourceError(where, spec.lines["stemmer"], f"stemmer '{LIGHT}' for '{code}'",
                                      "a folding with clitics or suffixes for the language, to stem with")
                stemmer = LIGHT_STEMMER
            elif name not in stemmers:
                raise SourceError(where, spec.lines["stemmer"], f"stemmer {name!r}",
                                  f"one of the stemmers listed above ({', '.join(stemmers) or 'none'}) or '{LIGHT}'")
            else:
                stemmer = stemmers[name]
        words = spec.get("stopwords", "")
        if not isinstance(words, str):
            raise SourceError(where, spec.lines["stopwords"], f"stopwords: {words!r}",
                              "the stop words as one line of words separated by spaces")
        folding = assigned.get(code)
        if folding is not None and folding.stems:  # light stemming never leaves a stop word
            folding = folding.with_function_words(words.split())
        settings[code] = Settings(stemmer, tuple(words.split()), folding)
    return settings


def _stemmers(section, where: Path) -> dict[str, Stemmer]:
    stemmers: dict[str, Stemmer] = {}
    for name, spec in section.items():
        if name == LIGHT:
            raise SourceError(where, section.lines[name], f"a stemmer named '{LIGHT}'",
                              f"another name ('{LIGHT}' is the light stemming of a folding)")
        script = yamlsource.require(spec, "script", str, where, f"stemmer '{name}'")
        export = yamlsource.require(spec, "export", str, where, f"stemmer '{name}'")
        if not script.startswith("assets/vendor/") or not script.endswith(".js"):
            raise SourceError(where, spec.lines["script"], f"script {script!r}", "a .js file under assets/vendor/")
        member = spec.get("member")
        if member is not None and (not isinstance(member, str) or export != "commonjs"):
            raise SourceError(where, spec.lines["member"], f"member: {yamlsource.describe(member)}",
                              "the name of a property of module.exports, with export: commonjs")
        stemmers[name] = Stemmer(name, script, export, member)
    return stemmers


def records_path(code: str) -> str:
    """Site path of language ``code``'s records file."""
    return f"{RECORDS_DIR}/{code}.js"


def page_config(edition: Edition, code: str, settings: Settings) -> dict:
    """What the page template needs for language ``code``'s search box (``settings``: the
    language's, whose stemmer's script, if any, the page asks for with the records)."""
    stemmer = settings.stemmer.script if settings.stemmer is not None else ""
    return {"lang": code, "records": records_path(code), "engine": ENGINE, "stemmer": stemmer,
            "scripts": list(BOX_SCRIPTS), "strings": browser_strings(edition, code)}


def browser_strings(edition: Edition, code: str) -> dict[str, str]:
    """The ``search.*`` interface strings, without the prefix, for the browser."""
    return edition.strings[code].section(STRING_PREFIX)


def document(edition: Edition, code: str, scheme: Scheme, settings: Settings) -> dict:
    """Everything the browser needs for one language's search, besides the page's strings."""
    return {
        "lang": code,
        "stemmer": None if settings.stemmer is None else settings.stemmer.as_json(),
        "stopwords": list(settings.stopwords),
        "folding": None if settings.folding is None else settings.folding.as_json(),
        "records": [record.as_json() for record in records(edition, code, scheme)],
    }


def script(data: dict) -> str:
    """The records file: a classic script that adds ``data`` to the page's global."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    key = json.dumps(data["lang"])
    return (f"/* Search records, generated by hooks/outputs/search.py. */\n"
            f"(window.{GLOBAL} = window.{GLOBAL} || {{}})[{key}] = {payload};\n")


def write(site: Path, edition: Edition, code: str, scheme: Scheme, settings: Settings) -> Path:
    """Write language ``code``'s records file (the paragraphs, then the glossary entries),
    which its pages' search box loads, into the built site ``site``."""
    target = site / records_path(code)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script(document(edition, code, scheme, settings)), encoding="utf-8")
    return target
