"""Citations (hooks/outputs/cite.py): golden files per format and language, escaping, templates.

``tests/golden/cite/{lang}/{case}.{ext}`` holds what :func:`hooks.outputs.cite.formats` gives for
paragraph 13 (``para-13``) and for the whole declaration (``whole``), with the release
``v1.2.0`` of 2025-06-01 and the site at ``https://a4p.example.org/``. Regenerate after a
deliberate change with ``pytest tests/outputs/test_cite.py --update``, then read the diff: the golden
files were checked by hand (the reference patterns against each language's usual form, the
title against the subtitle line of source/text/{lang}.txt, the date, paragraph, language,
edition, version and URL in every format).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hooks.outputs import cite
from hooks.urls import Scheme

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "cite"
SITE = Scheme("https://a4p.example.org/", "zh")
VERSION, DATE = "v1.2.0", "2025-06-01"
EXTENSIONS = {"reference": "txt", "bibtex": "bib", "ris": "ris", "csl": "json"}
CASES = {"para-13": 13, "whole": None}
LANGS = ("zh", "en", "fr", "es", "ru", "ar")  # the edition's six languages (source/languages.yml)


def citations(edition, code: str, number: int | None) -> dict[str, str]:
    return cite.formats(cite.cited(edition, code, VERSION, DATE), number, cite.url(edition, SITE, code, number))


def test_the_golden_languages_are_the_editions(edition):
    assert LANGS == tuple(language.code for language in edition.languages)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", cite.FORMATS)
@pytest.mark.parametrize("code", LANGS)
def test_golden(edition, code, fmt, case, update_golden):
    output = citations(edition, code, CASES[case])[fmt]
    expected = GOLDEN / code / f"{case}.{EXTENSIONS[fmt]}"
    if update_golden:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(output, encoding="utf-8", newline="\n")
    assert output == expected.read_text(encoding="utf-8")


# --- the reference -------------------------------------------------------------------------

def test_the_english_and_chinese_references_read_as_the_issue_asks(edition):
    en = citations(edition, "en", 13)["reference"]
    assert en.startswith("Declaration of Shared Commitments on UN Peacekeeping Operations (2018), para. 13. ")
    assert en.endswith(" https://a4p.example.org/en/performance/#para-13")
    zh = citations(edition, "zh", 13)["reference"]
    assert zh == "《联合国维和行动共同承诺宣言》（2018年）第13段，https://a4p.example.org/performance/#para-13"


@pytest.mark.parametrize("code", LANGS[1:])
def test_a_translation_says_it_is_the_editions_unofficial_translation_with_its_version(edition, code):
    strings = edition.strings[code]
    text = citations(edition, code, 13)["reference"]
    assert strings["cite.edition"] in text and VERSION in text and DATE in text
    unofficial = strings["cite.translated"].split("{edition}")[0]  # "Unofficial English translation, "
    assert unofficial.strip() and unofficial in text
    assert edition.texts[code].subtitle in text
    assert text.endswith(f" https://a4p.example.org/{code}/performance/#para-13")


def test_the_source_language_says_no_translation(edition):
    text = citations(edition, "zh", 13)["reference"]
    assert VERSION not in text and "译本" not in text


def test_a_paragraph_links_to_its_own_text_page(edition):
    for number in range(1, edition.structure.paragraph_count + 1):
        slug = edition.structure.page_of(number).slug
        assert citations(edition, "en", number)["reference"].endswith(
            f" https://a4p.example.org/en/{slug}/#para-{number}")


def test_the_offline_scheme_still_cites_the_online_url(edition):
    offline = Scheme(SITE.site_url, "zh", directory_urls=False)
    assert cite.url(edition, offline, "fr", 9) == "https://a4p.example.org/fr/protection/#para-9"
    assert cite.url(edition, offline, "fr", None) == "https://a4p.example.org/fr/full-text/"


def test_without_a_release_no_version_is_claimed(edition):
    c = cite.cited(edition, "en", None, None)
    out = cite.formats(c, 13, cite.url(edition, SITE, "en", 13))
    assert "version" not in out["reference"]
    assert "version =" not in out["bibtex"]
    assert "version" not in json.loads(out["csl"])[0]


# --- BibTeX --------------------------------------------------------------------------------

NASTY = "A&B {x} 50% #1 _y $z ~w ^v \\u\nnext\tline"


def nasty(**changes) -> cite.Cited:
    values = dict(code="en", title=NASTY, marked="2018-09-25", key="a4p-declaration-en",
                  edition="Ed. & Co. {1}", version="v1_2", translation="Unofficial 100% ~ translation",
                  patterns={"reference_paragraph": "{title} ({year}), para. {number}",
                            "reference_whole": "{title} ({year})", "pinpoint": "para. {number}",
                            "line": "{reference}. {url}", "translated_line": "{reference}. {translation}. {url}"})
    values.update(changes)
    return cite.Cited(**values)


def bibtex_fields(entry: str) -> dict[str, str]:
    """A BibTeX entry's fields, read by counting braces (as BibTeX does)."""
    head, _, body = entry.partition(",\n")
    assert re.fullmatch(r"@misc\{[a-z0-9-]+", head), head
    fields, i = {}, 0
    while True:
        match = re.compile(r"\s*([a-z]+) = \{").match(body, i)
        if not match:
            break
        depth, j = 1, match.end()
        while depth:
            if body[j] == "\\":
                j += 2
                continue
            depth += {"{": 1, "}": -1}.get(body[j], 0)
            j += 1
        fields[match.group(1)] = body[match.end():j - 1]
        assert body[j] == ",", f"no comma after {match.group(1)}"
        i = j + 1
    assert body[i:] == "\n}\n", f"left over: {body[i:]!r}"
    return fields


def test_bibtex_escapes_latex_specials_and_keeps_braces_balanced():
    fields = bibtex_fields(cite.bibtex(nasty(), 13, "https://a4p.example.org/en/performance/#para-13"))
    assert fields["title"] == ("{A\\&B \\{x\\} 50\\% \\#1 \\_y \\$z \\textasciitilde{}w \\textasciicircum{}v "
                               "\\textbackslash{}u next line}")
    assert fields["edition"] == "Ed. \\& Co. \\{1\\}"
    assert fields["version"] == "v1\\_2"
    assert fields["howpublished"] == "Unofficial 100\\% \\textasciitilde{} translation"
    assert fields["note"] == "para. 13"
    assert fields["url"] == "https://a4p.example.org/en/performance/#para-13"  # verbatim
    assert (fields["date"], fields["year"], fields["language"]) == ("2018-09-25", "2018", "en")


def test_every_special_is_escaped():
    """Each of LaTeX's ten specials, alone, never reaches the value bare."""
    for special in "\\{}$&%#_^~":
        escaped = cite.bibtex_escape(special)
        assert escaped != special and escaped.startswith("\\"), special


@pytest.mark.parametrize("code", LANGS)
def test_every_languages_bibtex_parses(edition, code):
    for number in (13, None):
        fields = bibtex_fields(citations(edition, code, number)["bibtex"])
        assert fields["title"] == "{" + edition.texts[code].subtitle + "}"
        assert ("note" in fields) == (number is not None)


# --- RIS -----------------------------------------------------------------------------------

RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def ris_tags(record: str) -> list[tuple[str, str]]:
    assert record.endswith("\n")
    lines = record[:-1].split("\n")
    tags = []
    for line in lines:
        match = RIS_LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        tags.append((match.group(1), match.group(2)))
    return tags


def test_ris_values_never_span_lines():
    tags = ris_tags(cite.ris(nasty(), 13, "https://a4p.example.org/en/performance/#para-13"))
    assert dict(tags)["TI"] == "A&B {x} 50% #1 _y $z ~w ^v \\u next line"


@pytest.mark.parametrize("code", LANGS)
def test_ris_is_one_record_ty_first_er_last_with_every_fact(edition, code):
    for number in (13, None):
        tags = ris_tags(citations(edition, code, number)["ris"])
        assert tags[0] == ("TY", "GEN") and tags[-1] == ("ER", "")
        assert [t for t, _ in tags].count("TY") == 1 and [t for t, _ in tags].count("ER") == 1
        found = dict(tags)
        assert found["TI"] == edition.texts[code].subtitle
        assert (found["DA"], found["PY"], found["LA"]) == ("2018/09/25/", "2018", code)
        assert VERSION in found["ET"]
        assert found["UR"] == cite.url(edition, SITE, code, number)
        assert ("SE" in found) == (number is not None)
        assert ("N1" in found) == (code != "zh")


# --- CSL-JSON ------------------------------------------------------------------------------

CSL_FIELDS = {"id", "type", "title", "issued", "language", "edition", "version", "URL"}


def test_csl_json_escapes_quotes_backslashes_and_controls():
    text = cite.csl(nasty(title='say "hi" \\ \x01'), 13, "https://a4p.example.org/en/performance/#para-13")
    assert json.loads(text)[0]["title"] == 'say "hi" \\ \x01'


@pytest.mark.parametrize("code", LANGS)
def test_csl_json_parses_and_has_the_csl_fields(edition, code):
    for number in (13, None):
        [item] = json.loads(citations(edition, code, number)["csl"])
        assert CSL_FIELDS <= set(item), CSL_FIELDS - set(item)
        assert item["type"] == "document" and item["title"] == edition.texts[code].subtitle
        assert item["issued"] == {"date-parts": [[2018, 9, 25]]}
        assert item["language"] == code and item["version"] == VERSION and VERSION in item["edition"]
        assert item["URL"] == cite.url(edition, SITE, code, number)
        assert item["id"] == ("a4p-declaration-" + code + ("-para-13" if number else ""))
        if number:
            assert item["section"] == edition.strings[code].format("cite.pinpoint", number="13")
        else:
            assert "section" not in item


# --- the page's template -------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS)
def test_the_template_filled_in_is_every_paragraphs_citation(edition, code):
    """What the page's script does (fill in the number and URL) gives what formats gives."""
    c = cite.cited(edition, code, VERSION, DATE)
    template = cite.template(c)
    for number in range(1, edition.structure.paragraph_count + 1):
        link = cite.url(edition, SITE, code, number)
        assert cite.fill(template, number, link) == cite.formats(c, number, link)


def test_a_url_that_a_format_would_have_to_escape_is_refused():
    for bad in ("https://a4p.example.org/a b/", "https://a4p.example.org/{x}", 'https://a"b/', "javascript:x"):
        with pytest.raises(ValueError):
            cite.formats(nasty(), 1, bad)


def test_a_template_token_in_the_words_is_refused():
    with pytest.raises(ValueError):
        cite.template(nasty(title=f"a {cite.NUMBER}"))
