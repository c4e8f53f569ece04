"""hooks.text: the line format of every language's text, and its fit to the structure.

Each failure case copies source/ into tmp_path, breaks one line of a text file and checks the
whole message, as an editor sees it: ``FILE:LINE: found X; expected Y``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import structure, text
from hooks.errors import SourceError
from tests.sourcecopy import SLUGS, SOURCE

STRUCTURE = structure.load(SOURCE / "structure.yml")
LANGS = ["zh", "en"]  # source/languages.yml
# The Chinese headings the supplied text has (CONTRACT.md, "Pages and paragraphs").
SUPPLIED_HEADINGS = {
    "politics": "推动冲突政治解决，增强维和政治影响",
    "protection": "加强维和行动所提供的保护",
    "safety-security": "改善维和人员的安全防护",
    "performance": "支持所有维和部门切实履行任务并接受问责",
    "peacebuilding": "加强维持和平对保持和平的影响",
    "partnerships": "改善维和伙伴关系",
    "conduct": "加强维和行动和人员的行为操守",
}


def lines_of(src: Path, code: str) -> list[str]:
    return (src / "text" / f"{code}.txt").read_text(encoding="utf-8").split("\n")


def save(src: Path, code: str, lines: list[str]) -> None:
    (src / "text" / f"{code}.txt").write_text("\n".join(lines), encoding="utf-8")


def at(lines: list[str], prefix: str) -> int:
    """0-based index of the one line that starts with ``prefix``."""
    found = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    assert len(found) == 1, f"test setup: {prefix!r} starts {len(found)} lines"
    return found[0]


def error(src: Path, code: str) -> str:
    """The message of reading and validating the copy's text/{code}.txt."""
    path = src / "text" / f"{code}.txt"
    with pytest.raises(SourceError) as info:
        text.validate(text.read(path, Path("source/text", f"{code}.txt")),
                      structure.load(src / "structure.yml"))
    return str(info.value)


# -- the real texts ---------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS)
def test_real_text_fits_the_structure(code):
    parsed = text.read(SOURCE / "text" / f"{code}.txt")
    text.validate(parsed, STRUCTURE)
    assert list(parsed.paragraphs) == list(range(1, 25))  # 24 paragraphs (CONTRACT.md)
    assert tuple(parsed.headings) == STRUCTURE.slugs
    assert all(parsed.paragraph_page[n] == STRUCTURE.page_of(n).slug for n in parsed.paragraphs)
    assert parsed.title and parsed.subtitle


def test_chinese_title_and_supplied_headings():
    parsed = text.read(SOURCE / "text" / "zh.txt")
    assert (parsed.title, parsed.subtitle) == ("以行动促维和", "联合国维和行动共同承诺宣言")
    assert {slug: parsed.headings[slug] for slug in SUPPLIED_HEADINGS} == SUPPLIED_HEADINGS


def test_parse_records_lines():
    parsed = text.parse("# c\ntitle: T\nsubtitle: S\n\n[preamble] P\n1. One.\n", Path("x.txt"))
    assert parsed.heading_lines == {"preamble": 5}
    assert parsed.paragraph_lines == {1: 6}
    assert parsed.last_line == 6


# -- paragraphs -------------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS)
def test_missing_paragraph(src, code):
    lines = lines_of(src, code)
    del lines[at(lines, "5. ")]
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{at(lines, '6. ') + 1}: found paragraph 6; "
        "expected paragraph 5 (paragraphs numbered in order, without gaps)")


@pytest.mark.parametrize("code", LANGS)
def test_duplicated_paragraph(src, code):
    lines = lines_of(src, code)
    i = at(lines, "5. ")
    lines.insert(i + 1, lines[i])
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{i + 2}: found paragraph 5 a second time; "
        f"expected each paragraph once (the first is on line {i + 1})")


@pytest.mark.parametrize("code", LANGS)
def test_paragraphs_out_of_order(src, code):
    lines = lines_of(src, code)
    i = at(lines, "5. ")
    assert lines[i + 1].startswith("6. ")
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{i + 1}: found paragraph 6; "
        "expected paragraph 5 (paragraphs numbered in order, without gaps)")


@pytest.mark.parametrize("code", LANGS)
def test_empty_paragraph(src, code):
    lines = lines_of(src, code)
    i = at(lines, "5. ")
    lines[i] = "5."
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{i + 1}: found paragraph 5 empty; expected the words of paragraph 5")


@pytest.mark.parametrize("code", LANGS)
def test_language_missing_its_last_paragraph(src, code):
    lines = lines_of(src, code)
    del lines[at(lines, "24. ")]
    save(src, code, lines)
    # 24 paragraphs (CONTRACT.md) less the last; the file now ends with the [follow-up] heading
    assert error(src, code) == (
        f"source/text/{code}.txt:{at(lines, '[follow-up]') + 1}: found 23 paragraphs; "
        "expected 24 paragraphs (paragraph 24 is missing)")


@pytest.mark.parametrize("code", LANGS)
def test_paragraph_beyond_the_structure(src, code):
    lines = lines_of(src, code)
    lines.insert(len(lines) - 1, "25. Extra.")  # before the final newline's empty element
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{at(lines, '25. ') + 1}: found paragraph 25; expected 24 paragraphs")


@pytest.mark.parametrize("code", LANGS)
def test_trailing_white_space(src, code):
    lines = lines_of(src, code)
    i = at(lines, "5. ")
    lines[i] += " "
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{i + 1}: found white space at the start or end of the line; "
        "expected no leading or trailing white space")


def test_line_of_no_known_kind(src):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines[i] = "5 words"
    save(src, "en", lines)
    assert error(src, "en") == (
        f"source/text/en.txt:{i + 1}: found '5 words'; expected 'title: …', 'subtitle: …', "
        "'[slug] heading', 'N. paragraph', a '#' comment or a blank line")


def test_missing_title(src):
    lines = lines_of(src, "en")
    del lines[at(lines, "title:")]
    save(src, "en", lines)
    assert error(src, "en") == "source/text/en.txt:1: found no 'title:' line; expected a 'title: …' line at the top"


# -- headings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS)
def test_language_missing_a_heading(src, code):
    lines = lines_of(src, code)
    del lines[at(lines, "[protection]")]
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{at(lines, '9. ') + 1}: found no heading for 'protection'; "
        "expected a line '[protection] …' before paragraph 9")


@pytest.mark.parametrize("code", LANGS)
def test_unknown_slug_in_a_heading(src, code):
    lines = lines_of(src, code)
    i = at(lines, "[protection]")
    lines[i] = lines[i].replace("[protection]", "[protections]")
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{i + 1}: found unknown slug 'protections'; expected one of {SLUGS}")


def test_slug_unknown_after_a_rename_in_the_structure(src):
    path = src / "structure.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("slug: conduct\n", "slug: behaviour\n"),
                    encoding="utf-8")
    line = at(lines_of(src, "en"), "[conduct]") + 1
    assert error(src, "en") == (
        f"source/text/en.txt:{line}: found unknown slug 'conduct'; "
        f"expected one of {SLUGS.replace('conduct', 'behaviour')}")


@pytest.mark.parametrize("code", LANGS)
def test_paragraph_under_the_wrong_heading(src, code):
    lines = lines_of(src, code)
    i = at(lines, "[protection]")
    assert lines[i + 1].startswith("9. ")
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{i + 1}: found paragraph 9 under '[women-peace-security]'; "
        "expected paragraph 9 under '[protection]'")


def test_second_heading_for_a_page(src):
    lines = lines_of(src, "en")
    first = at(lines, "[politics]")
    i = at(lines, "6. ")
    lines.insert(i, "[politics] Again")
    save(src, "en", lines)
    assert error(src, "en") == (
        f"source/text/en.txt:{i + 1}: found a second heading for 'politics'; "
        f"expected one heading per page (the first is on line {first + 1})")
