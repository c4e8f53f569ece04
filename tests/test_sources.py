"""hooks.sources: loading every source into one cross-checked Edition, first error stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import sources
from hooks.errors import SourceError
from tests.sourcecopy import SLUGS, SOURCE, edit, line

REPLAY = ("the supplied text plus the listed normalizations "
          "(edit normalizations.yml, then run scripts/normalize.py)")


def error(src: Path, load=sources.load_edition) -> str:
    with pytest.raises(SourceError) as info:
        load(sources.Layout(src))
    return str(info.value)


# -- the real sources -------------------------------------------------------------------------

def test_languages():
    languages = sources.load_languages(sources.Layout(SOURCE))
    assert [(lang.code, lang.name, lang.dir, lang.is_source) for lang in languages] == [
        ("zh", "中文", "ltr", True), ("en", "English", "ltr", False)]


def test_edition_loads(edition):
    assert edition.source.code == "zh"
    for code in ("zh", "en"):
        assert list(edition.texts[code].paragraphs) == list(range(1, 25))  # 24 paragraphs (CONTRACT.md)
    politics = edition.structure.page("politics")
    assert [p.number for p in edition.paragraphs("en", politics)] == [4, 5, 6, 7]  # CONTRACT.md
    assert edition.heading("zh", "politics") == "推动冲突政治解决，增强维和政治影响"
    # the two editorial notes (normalizations.yml) sit on paragraphs 10 and 16
    noted = {p.number for page in edition.structure.pages for p in edition.paragraphs("zh", page) if p.notes}
    assert noted == {10, 16}


def test_canonical_source_text_is_zh_txt(layout):
    assert sources.canonical_source_text(layout).encode("utf-8") == layout.text_file("zh").read_bytes()


# -- zh.txt must be the replay of the supplied text ------------------------------------------------

def test_zh_paragraph_edited_by_hand(src):
    zh = src / "text" / "zh.txt"
    edit(zh, "国家和区域", "国家与区域")
    assert error(src) == f"source/text/zh.txt:{line(zh, '4. ')}: found paragraph 4 differing from the " \
                         f"supplied text; expected {REPLAY}"


def test_zh_heading_edited_by_hand(src):
    zh = src / "text" / "zh.txt"
    edit(zh, "[politics] 推动冲突政治解决，增强维和政治影响", "[politics] 政治")
    assert error(src) == f"source/text/zh.txt:{line(zh, '[politics]')}: found heading 'politics' differing " \
                         f"from the supplied text; expected {REPLAY}"


def test_zh_title_edited_by_hand(src):
    zh = src / "text" / "zh.txt"
    edit(zh, "title: 以行动促维和", "title: 以行动促和平")
    # the message names the title's own line, not line 1 (a comment)
    assert error(src) == f"source/text/zh.txt:{line(zh, 'title:')}: found title differing " \
                         f"from the supplied text; expected {REPLAY}"


def test_zh_edited_fails_canonical_check_too(src):
    edit(src / "text" / "zh.txt", "国家和区域", "国家与区域")
    assert sources.canonical_source_text(sources.Layout(src)) != (src / "text" / "zh.txt").read_text(encoding="utf-8")


# -- cross-file checks ------------------------------------------------------------------------

def test_slug_renamed_in_structure(src):
    edit(src / "structure.yml", "slug: conduct\n", "slug: behaviour\n")
    norms = src / "normalizations.yml"
    assert error(src) == (f"source/normalizations.yml:{line(norms, '    page: conduct')}: found unknown slug "
                          f"'conduct'; expected one of {SLUGS.replace('conduct', 'behaviour')}")


def test_translation_missing_a_heading(src):
    en = src / "text" / "en.txt"
    edit(en, "[follow-up] Follow-up\n", "")
    # paragraph 24 now stands under [conduct]; the heading is missing before it
    assert error(src) == (f"source/text/en.txt:{line(en, '24. ')}: found no heading for 'follow-up'; "
                          "expected a line '[follow-up] …' before paragraph 24")


def test_note_no_longer_in_its_paragraph(src):
    norms = src / "normalizations.yml"
    edit(norms, 'find: "采取的放矢"', 'find: "采取得放矢"')
    assert error(src) == (f"source/normalizations.yml:{line(norms, '  - id: para-10-you-di-fang-shi')}: found "
                          "'采取得放矢' 0 times in paragraph 10; expected exactly once")


def test_language_without_a_text_file(src):
    edit(src / "languages.yml", "  - code: en\n", "  - code: fr\n    name: Français\n  - code: en\n")
    assert error(src) == "source/text/fr.txt: found no such file; expected one text file per language"


# -- languages.yml ----------------------------------------------------------------------------

def test_second_language_marked_source(src):
    langs = src / "languages.yml"
    edit(langs, "    name: English\n", "    name: English\n    source: true\n")
    assert error(src, sources.load_languages) == (
        f"source/languages.yml:{line(langs, '  - code: en')}: found language 'en' marked source: true; "
        "expected exactly the first language marked source: true")


def test_source_language_not_first(src):
    langs = src / "languages.yml"
    edit(langs, "    source: true\n", "")
    assert error(src, sources.load_languages) == (
        f"source/languages.yml:{line(langs, '  - code: zh')}: found language 'zh' not marked source: true; "
        "expected exactly the first language marked source: true")


@pytest.mark.parametrize("code", ["eng", "EN", "e"])
def test_language_code_not_iso_639_1(src, code):
    langs = src / "languages.yml"
    edit(langs, "code: en\n", f"code: {code}\n")
    assert error(src, sources.load_languages) == (
        f"source/languages.yml:{line(langs, f'  - code: {code}')}: found code '{code}'; "
        "expected a two-letter ISO 639-1 code")


def test_language_twice(src):
    langs = src / "languages.yml"
    edit(langs, "code: en\n", "code: zh\n")
    second = line(langs, "    name: English") - 1
    assert error(src, sources.load_languages) == (
        f"source/languages.yml:{second}: found language 'zh' a second time; expected each language once")


def test_unknown_direction(src):
    langs = src / "languages.yml"
    edit(langs, "    name: English\n    dir: ltr", "    name: English\n    dir: up")
    assert error(src, sources.load_languages) == (
        f"source/languages.yml:{line(langs, '    dir: up')}: found dir 'up'; expected dir: ltr or dir: rtl")
