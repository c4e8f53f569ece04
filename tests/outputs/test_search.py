"""hooks.outputs.search: the records the browser's search indexes, its settings, the records file.

Expected values are read off source/text/{lang}.txt and source/i18n/{lang}.yml by hand; the
source texts are re-read here independently of hooks/.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from hooks.edition.glossary import ordered
from hooks.errors import SourceError
from hooks.outputs import search
from hooks.urls import Scheme
from tests.mkdocs_yml import extra_javascript
from tests.pages.test_timeline import as_text

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/a4p/"
ONLINE = Scheme(SITE, "zh")
OFFLINE = Scheme(SITE, "zh", directory_urls=False)
SETTINGS = ROOT / "source" / "search.yml"
DOCS = ROOT / "docs"
INSTRUMENTS = yaml.safe_load((ROOT / "source" / "instruments.yml").read_text(encoding="utf-8"))

# The vendored files, byte for byte as in the npm packages (docs/decisions/search.md).
VENDORED = {
    "assets/vendor/minisearch/index.js":  # minisearch 7.2.0, dist/umd/index.js
        "03c27931eb603af1d3358579e9885eafdb6a2f5fa9929557b3e77d7e99d06d03",
    "assets/vendor/minisearch/LICENSE.txt":
        "70d37354d6395629fb99edb28cb37a5d356ffa24a48cd02a5def5b83a300a899",
    "assets/vendor/wink-porter2-stemmer/wink-porter2-stemmer.js":  # 2.0.1, src/
        "6733ee4ecec73513b8717fbc7da02ea5fd0adfd6731c1d93a5606790ace76ead",
    "assets/vendor/wink-porter2-stemmer/LICENSE":
        "4e7b73bec5f5230f10d3543b9560d5a674666e99f8db80c100a437638e569d44",
    # @orama/stemmers 3.1.18, dist/{fr,es,ru}.cjs saved as .cjs.js, and LICENSE.md
    "assets/vendor/orama-stemmers/fr.cjs.js":
        "c14ca5235101ab9124f0da62c8de58a9edf195e7d5abe691e15b66cd1eb126cc",
    "assets/vendor/orama-stemmers/es.cjs.js":
        "6501d725ccaf4399df0bf67f732c83e9b6dbd260bec007080d95ec499385c7d1",
    "assets/vendor/orama-stemmers/ru.cjs.js":
        "c17a5096b7d6f5653e87eabe0ae9a117979bcba687c1574243a994525067b03f",
    "assets/vendor/orama-stemmers/LICENSE":  # the package's LICENSE.md: docs/ reads .md as pages
        "27ae9e365c876919b2b1fca32bfa820cee62e24769ae3a0b87c9a2b96694031c",
}


def source_paragraphs(code: str) -> dict[int, str]:
    text = (ROOT / "source" / "text" / f"{code}.txt").read_text(encoding="utf-8")
    return {int(n): words for n, words in re.findall(r"^(\d+)\. (.+)$", text, re.M)}


@pytest.fixture(scope="module")
def settings(edition):
    return search.load_settings(SETTINGS, edition)


# -- paragraph records ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["zh", "en"])
def test_one_record_per_paragraph_in_order_with_its_words(edition, code):
    records = search.paragraph_records(edition, code, ONLINE)
    words = source_paragraphs(code)
    assert [r.number for r in records] == list(range(1, 25))
    assert [r.anchor for r in records] == [f"para-{n}" for n in range(1, 25)]
    assert all(r.kind == "paragraph" for r in records)
    assert {r.number: r.words for r in records} == words


@pytest.mark.parametrize("scheme, code, number, url, label, page", [
    (ONLINE, "zh", 9, "protection/#para-9", "第9段", "保护"),
    (ONLINE, "zh", 21, "conduct/#para-21", "第21段", "维和人员和维和行动的行为操守"),
    (ONLINE, "en", 8, "en/women-peace-security/#para-8", "Paragraph 8", "Women, peace and security"),
    (ONLINE, "en", 24, "en/follow-up/#para-24", "Paragraph 24", "Follow-up"),
    (OFFLINE, "zh", 1, "preamble.html#para-1", "第1段", "序言"),
    (OFFLINE, "en", 15, "en/performance.html#para-15", "Paragraph 15", "Performance and accountability"),
])
def test_record_links_to_the_canonical_home_and_names_number_and_page(edition, scheme, code, number, url,
                                                                      label, page):
    record = search.paragraph_records(edition, code, scheme)[number - 1]
    assert (record.number, record.url, record.label, record.page) == (number, url, label, page)


def test_record_as_json_is_what_the_browser_reads(edition):
    record = search.paragraph_records(edition, "zh", ONLINE)[8]
    assert record.as_json() == {
        "kind": "paragraph", "n": 9, "url": "protection/#para-9", "label": "第9段",
        "page": "保护", "text": source_paragraphs("zh")[9],
    }


# -- glossary records ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["zh", "en"])
def test_terms_are_listed_after_the_paragraphs_and_instruments_last(edition, code):
    kinds = [r.kind for r in search.records(edition, code, ONLINE)]
    paragraphs, terms = edition.structure.paragraph_count, len(edition.glossaries[code].terms)
    instruments = len(INSTRUMENTS["instruments"])
    assert kinds == ["paragraph"] * paragraphs + ["term"] * terms + ["instrument"] * instruments


@pytest.mark.parametrize("scheme, code, glossary, name", [
    (ONLINE, "zh", "glossary/", "术语表"),  # nav.glossary in source/i18n/zh.yml
    (ONLINE, "en", "en/glossary/", "Glossary"),
    (OFFLINE, "zh", "glossary.html", "术语表"),
    (OFFLINE, "en", "en/glossary.html", "Glossary"),
])
def test_glossary_records_are_the_terms_in_the_glossarys_order(edition, scheme, code, glossary, name):
    terms = ordered(edition.glossaries[code], edition.language(code).collation)
    records = search.glossary_records(edition, code, scheme)
    assert len(records) == len(terms) == len(edition.glossaries[code].terms)  # one record per term
    assert [r.anchor for r in records] == [f"term-{t.id}" for t in terms]
    for record, term in zip(records, terms):
        assert record.kind == "term"
        assert record.url == f"{glossary}#term-{term.id}"
        assert record.label == record.name == term.term
        assert record.page == name
        assert term.definition in record.words
        assert all(variant in record.words for variant in term.variants)
    # and the records file lists them after the paragraphs
    after = edition.structure.paragraph_count
    assert search.records(edition, code, scheme)[after:after + len(records)] == records


@pytest.mark.parametrize("code, term, variants, url", [
    # source/glossary/{code}.yml, protection-of-civilians
    ("zh", "保护平民", (), "glossary/#term-protection-of-civilians"),
    ("en", "protection of civilians", ("protecting civilians", "protect civilians"),
     "en/glossary/#term-protection-of-civilians"),
])
def test_glossary_record_of_a_term(edition, code, term, variants, url):
    [record] = [r for r in search.glossary_records(edition, code, ONLINE)
                if r.anchor == "term-protection-of-civilians"]
    assert (record.label, record.name, record.url) == (term, term, url)
    assert all(variant in record.words for variant in variants)
    assert record.as_json()["kind"] == "term" and record.as_json()["name"] == term


# -- instrument records (source/instruments.yml) -------------------------------------------


@pytest.mark.parametrize("scheme, code, timeline, page", [
    (ONLINE, "zh", "timeline/", "宣言之后"),  # timeline.name in source/i18n/zh.yml
    (ONLINE, "en", "en/timeline/", "What came after"),
    (OFFLINE, "ar", "ar/timeline.html", "ما تلا الإعلان"),
])
def test_instrument_records_lead_to_the_timeline_in_its_order(edition, scheme, code, timeline, page):
    facts = INSTRUMENTS["instruments"]
    labels = yaml.safe_load((ROOT / "source" / "instruments" / f"{code}.yml").read_text(encoding="utf-8"))["instruments"]
    strings = yaml.safe_load((ROOT / "source" / "i18n" / f"{code}.yml").read_text(encoding="utf-8"))
    order = sorted(facts, key=lambda i: as_text(facts[i]["date"]))  # stable: the file's order on a tie
    records = search.instrument_records(edition, code, scheme)
    assert [r.anchor for r in records] == [f"instrument-{i}" for i in order]
    for record, item_id in zip(records, order):
        fact, label = facts[item_id], labels[item_id]
        assert record.kind == "instrument" and record.url == f"{timeline}#instrument-{item_id}"
        assert record.label == record.name == label["name"].strip() and record.page == page
        # its kind, symbol and date, and the paragraphs it bears on; the sentences stay on the timeline
        dates = as_text(fact["date"]) + (f" – {as_text(fact['end'])}" if "end" in fact else "")
        assert record.words.split(" · ") == [
            strings["timeline"][f"kind_{fact['kind']}"], *([fact["symbol"]] if "symbol" in fact else []), dates,
            *(strings["labels"]["paragraph"].format(number=n) for n in fact["paragraphs"])]
        assert set(label["paragraphs"]) == set(fact["paragraphs"])
    assert search.records(edition, code, scheme)[-len(records):] == records


# -- settings (source/search.yml) ----------------------------------------------------------


def test_settings_of_the_edition(settings):
    assert settings["zh"] == search.Settings()
    english = settings["en"]
    assert english.stemmer.name == "porter2"
    assert english.stemmer.export == "commonjs"
    assert (DOCS / english.stemmer.script).is_file()
    assert {"the", "of", "and"} <= set(english.stopwords)


# The languages being added (issue 7): ready in source/search.yml before languages.yml has them.
@pytest.mark.parametrize("code, stemmer, folding, stopwords", [
    ("fr", "french", "accents", {"de", "la", "les"}),
    ("es", "spanish", "accents", {"de", "la", "los"}),
    ("ru", "russian", "cyrillic", {"и", "в", "на"}),
    ("ar", "light", "arabic", {"في", "من", "على"}),
])
def test_settings_of_the_languages_being_added(edition, code, stemmer, folding, stopwords):
    settings = search.load_settings(SETTINGS, edition)[code]
    assert settings.stemmer.name == stemmer
    assert settings.folding.name == folding
    assert stopwords <= set(settings.stopwords)
    if stemmer == "light":
        assert settings.stemmer.as_json() == {"light": True} and settings.folding.stems
    else:  # a Snowball stemmer of @orama/stemmers, whose CommonJS file exports {stemmer, language}
        assert settings.stemmer.as_json() == {"script": f"assets/vendor/orama-stemmers/{code}.cjs.js",
                                              "export": "commonjs", "member": "stemmer"}
        assert (DOCS / settings.stemmer.script).is_file()


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "search.yml"
    path.write_text(text, encoding="utf-8")
    return path


STEMMERS = """stemmers:
  porter2:
    script: assets/vendor/x/x.js
    export: commonjs
"""


ARABIC = """foldings:
  arabic:
    map: {أ: ا}
    clitics: {و: ""}
"""


@pytest.mark.parametrize("text, message", [
    (STEMMERS + "languages:\n  fra:\n    stemmer: porter2\n",
     "search.yml:6: found language 'fra'; expected a two-letter ISO 639-1 code, as in languages.yml"),
    (STEMMERS + "languages:\n  en:\n    stemmer: snowball\n",
     "search.yml:7: found stemmer 'snowball'; expected one of the stemmers listed above (porter2) or 'light'"),
    (STEMMERS + "languages:\n  en:\n    stemmer: porter2\n    stopword: a an\n",
     "search.yml:8: found key 'stopword'; expected only 'stemmer', 'stopwords' and 'folding'"),
    (STEMMERS + "languages:\n  en:\n    folding: accents\n",
     "search.yml:7: found folding 'accents'; expected one of the foldings listed above (none)"),
    (ARABIC + "languages:\n  ar:\n    folding: arab\n",
     "search.yml:7: found folding 'arab'; expected one of the foldings listed above (arabic)"),
    (STEMMERS + "languages:\n  en:\n    stemmer: light\n",
     "search.yml:7: found stemmer 'light' for 'en'; expected a folding with clitics or suffixes for the "
     "language, to stem with"),
    ("foldings:\n  accents: {marks: true}\nlanguages:\n  fr:\n    folding: accents\n    stemmer: light\n",
     "search.yml:6: found stemmer 'light' for 'fr'; expected a folding with clitics or suffixes for the "
     "language, to stem with"),
    ("stemmers:\n  light:\n    script: assets/vendor/x/x.js\n    export: commonjs\n",
     "search.yml:2: found a stemmer named 'light'; expected another name ('light' is the light stemming "
     "of a folding)"),
    ("stemmers:\n  x:\n    script: assets/vendor/x/x.js\n    export: xStem\n    member: stemmer\n",
     "search.yml:5: found member: 'stemmer'; expected the name of a property of module.exports, with "
     "export: commonjs"),
    (STEMMERS + "languages:\n  en:\n    stopwords: [a, an]\n",
     "search.yml:7: found stopwords: ['a', 'an']; expected the stop words as one line of words "
     "separated by spaces"),
    ("stemmers:\n  porter2:\n    script: https://cdn.example/x.js\n    export: commonjs\n",
     "search.yml:3: found script 'https://cdn.example/x.js'; expected a .js file under assets/vendor/"),
    ("stemmer: {}\n", "search.yml:1: found key 'stemmer'; expected only 'stemmers', 'foldings' and 'languages'"),
])
def test_settings_errors_name_file_and_line(tmp_path, edition, text, message):
    with pytest.raises(SourceError) as caught:
        search.load_settings(write(tmp_path, text), edition, lambda p: Path(p.name))
    assert str(caught.value) == message


def test_a_stemming_folding_is_kept_off_its_language_s_stop_words(tmp_path, edition):
    """The function words light stemming never leaves are the language's stop words, folded
    (written once, under languages:); a folding that does not stem gets none."""
    text = ("foldings:\n  light:\n    map: {أ: ا}\n    suffixes: [ها]\n  plain:\n    marks: true\n"
            "languages:\n  xx:\n    stemmer: light\n    folding: light\n    stopwords: أن ما\n"
            "  yy:\n    folding: plain\n    stopwords: de la\n")
    settings = search.load_settings(write(tmp_path, text), edition)
    assert settings["xx"].folding.function_words == {"ان", "ما"}  # أ folded to ا
    assert settings["xx"].folding.as_json()["function_words"] == ["ان", "ما"]
    assert settings["yy"].folding.function_words == frozenset()
    assert "function_words" not in settings["yy"].folding.as_json()


def test_a_language_not_listed_gets_the_defaults(tmp_path, edition):
    settings = search.load_settings(write(tmp_path, STEMMERS), edition)
    codes = [lang.code for lang in edition.languages]
    assert settings == {code: search.Settings() for code in codes}


def test_a_language_the_edition_does_not_have_yet_is_checked_and_kept_ready(tmp_path, edition):
    assert "xx" not in [lang.code for lang in edition.languages]
    settings = search.load_settings(write(tmp_path, STEMMERS + "languages:\n  xx:\n    stemmer: porter2\n"), edition)
    assert settings["xx"].stemmer.name == "porter2"
    with pytest.raises(SourceError):
        search.load_settings(write(tmp_path, STEMMERS + "languages:\n  xx:\n    stemmer: none\n"), edition)


# -- what the browser gets -----------------------------------------------------------------


def test_page_config_gives_each_language_its_own_records(edition):
    settings = search.load_settings(SETTINGS, edition)
    for code in ("zh", "en"):
        config = search.page_config(edition, code, settings[code])
        assert config["records"] == f"assets/search/{code}.js"
        assert config["engine"] == "assets/vendor/minisearch/index.js"
        assert (DOCS / config["engine"]).is_file()
    # the stemmer's script, asked for with the records: English has Porter2, Chinese none
    assert search.page_config(edition, "en", settings["en"])["stemmer"] == \
        "assets/vendor/wink-porter2-stemmer/wink-porter2-stemmer.js"
    assert search.page_config(edition, "zh", settings["zh"])["stemmer"] == ""
    zh, en = (search.page_config(edition, code, settings[code])["strings"] for code in ("zh", "en"))
    # the plural forms each language uses (CLDR): Chinese has only "other"
    assert en.keys() - zh.keys() == {"count.one"}
    assert zh.keys() >= {"placeholder", "none", "count.other", "loading", "unavailable"}
    assert en["count.one"] == "{count} match" and en["count.other"] == "{count} matches"
    assert zh["count.other"] == "找到 {count} 项"


def test_records_file_is_a_script_setting_its_language(edition, settings):
    data = search.document(edition, "en", ONLINE, settings["en"])
    text = search.script(data)
    prefix = '(window.a4p.searchData = window.a4p.searchData || {})["en"] = '
    body = text.split("\n", 1)[1]
    assert body.startswith(prefix) and body.endswith(";\n")
    loaded = json.loads(body[len(prefix):-2])
    assert loaded == data
    assert loaded["lang"] == "en"
    assert loaded["stemmer"] == {"script": "assets/vendor/wink-porter2-stemmer/wink-porter2-stemmer.js",
                                 "export": "commonjs", "member": None}
    assert loaded["folding"] == {"map": {}, "marks": True, "clitics": [], "suffixes": [],
                                 "clitic_keep": 3, "suffix_keep": 3}  # accents, source/search.yml
    count = edition.structure.paragraph_count  # the 24 paragraphs, then the glossary terms, then the instruments
    assert [r["n"] for r in loaded["records"][:count]] == list(range(1, count + 1))
    terms = len(edition.glossaries["en"].terms)
    assert {r["kind"] for r in loaded["records"][count:count + terms]} == {"term"}
    assert {r["kind"] for r in loaded["records"][count + terms:]} == {"instrument"}
    assert all(r["url"].startswith("en/") for r in loaded["records"])


def test_records_file_of_the_source_language_has_no_stemmer_and_keeps_chinese_as_is(edition, settings):
    text = search.script(search.document(edition, "zh", ONLINE, settings["zh"]))
    assert '"stemmer":null' in text
    assert "保护平民" in text  # not \\u escapes
    assert "</script" not in text


# -- vendored libraries ----------------------------------------------------------------------


@pytest.mark.parametrize("path, digest", VENDORED.items())
def test_vendored_files_are_the_published_ones(path, digest):
    assert hashlib.sha256((DOCS / path).read_bytes()).hexdigest() == digest


def test_every_vendored_library_carries_its_licence_and_nothing_else_is_vendored():
    vendor = DOCS / "assets" / "vendor"
    found = {p.relative_to(DOCS).as_posix() for p in vendor.rglob("*") if p.is_file()}
    assert found == set(VENDORED)
    for library in vendor.iterdir():
        assert any(p.name.startswith("LICENSE") for p in library.iterdir()), library


def test_a_terms_json_carries_its_name_once(edition):
    """search.js heads a result with the record's name when it has one, else its label: a
    term's label (its name again) would be bytes no reader sees."""
    [record] = [r for r in search.glossary_records(edition, "en", ONLINE)
                if r.anchor == "term-protection-of-civilians"]
    data = record.as_json()
    assert "label" not in data and data["name"] == "protection of civilians" == record.label
    assert list(data.values()).count("protection of civilians") == 1
    paragraph = search.paragraph_records(edition, "en", ONLINE)[0].as_json()
    assert paragraph["label"] == "Paragraph 1" and "name" not in paragraph


def test_the_box_scripts_are_scripts_of_every_page():
    """assets/a4p-load.js runs first those of the page's scripts that BOX_SCRIPTS names: a name
    that is not among mkdocs.yml's extra_javascript would run nowhere, and say nothing."""
    scripts = extra_javascript()
    assert [s for s in search.BOX_SCRIPTS if s not in scripts] == []
    assert "assets/search.js" in search.BOX_SCRIPTS and "assets/a4p.js" in search.BOX_SCRIPTS  # the box, its namespace
