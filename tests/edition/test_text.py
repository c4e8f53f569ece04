"""hooks.edition.text: the line format of every language's text, and its fit to the structure.

Each failure case copies source/ into tmp_path, breaks one line of a text file and checks the
whole message, as an editor sees it: ``FILE:LINE: found X; expected Y``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.edition import structure, text
from hooks.errors import SourceError
from tests import source_errors
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
    def read_and_validate():
        path = src / "text" / f"{code}.txt"
        text.validate(text.read(path, Path("source/text", f"{code}.txt")), structure.load(src / "structure.yml"))
    return source_errors.error(read_and_validate)


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
        "'[slug] heading', 'N. paragraph', '> translator's note', a '#' comment or a blank line")


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


def test_paragraph_before_any_heading(src):
    """The message names the heading the page needs (it was a vague "a '[slug] heading' line first")."""
    lines = lines_of(src, "en")
    heading = at(lines, "[preamble]")
    assert lines[heading + 1].startswith("1. ")
    lines[heading], lines[heading + 1] = lines[heading + 1], lines[heading]
    save(src, "en", lines)
    assert error(src, "en") == (
        f"source/text/en.txt:{heading + 1}: found paragraph 1 before any heading; "
        "expected the line '[preamble] …' (the heading of page 'preamble') above paragraph 1")


# -- white space, invisible characters, sizes -----------------------------------------------------

@pytest.mark.parametrize("code, space", [("en", " "), ("en", "\u00a0"), ("zh", "\u3000")])
def test_leading_white_space(src, code, space):
    """Leading as well as trailing: a space, a no-break space, an ideographic space."""
    lines = lines_of(src, code)
    i = at(lines, "5. ")
    lines[i] = space + lines[i]
    save(src, code, lines)
    assert error(src, code) == (
        f"source/text/{code}.txt:{i + 1}: found white space at the start or end of the line; "
        "expected no leading or trailing white space")


@pytest.mark.parametrize("char, name", [("\x00", "U+0000 (NUL)"), ("\t", "U+0009 (tab)"), ("\x1b", "U+001B (escape)")])
def test_control_character_in_a_paragraph(src, char, name):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines[i] = lines[i][:10] + char + lines[i][10:]
    save(src, "en", lines)
    assert error(src, "en") == (
        f"source/text/en.txt:{i + 1}: found the invisible control character {name} at column 11; "
        "expected only visible characters, spaces and line breaks (delete the invisible character)")


def test_control_character_given_to_parse_directly():
    with pytest.raises(SourceError) as info:
        text.parse("title: T\nsubtitle: S\x00\n", Path("x.txt"))
    # 'subtitle: S' is 11 characters: the NUL is the 12th
    assert str(info.value) == ("x.txt:2: found the invisible control character U+0000 (NUL) at column 12; "
                               "expected only visible characters, spaces and line breaks (delete the invisible "
                               "character)")


@pytest.mark.parametrize("char, name", [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u2067", "RIGHT-TO-LEFT ISOLATE"),
                                        ("\u200f", "RIGHT-TO-LEFT MARK"), ("\u061c", "ARABIC LETTER MARK"),
                                        ("\u200b", "ZERO WIDTH SPACE"), ("\u2060", "WORD JOINER")])
def test_invisible_character_in_an_arabic_paragraph(src, char, name):
    """Arabic needs none of them: its pages are right to left, numbers and Latin runs isolated by the build."""
    lines = lines_of(src, "ar")
    i = at(lines, "5. ")
    lines[i] = lines[i][:10] + char + lines[i][10:]
    save(src, "ar", lines)
    assert error(src, "ar") == (
        f"source/text/ar.txt:{i + 1}: found the invisible character U+{ord(char):04X} ({name}) at column 11; "
        "expected only visible characters, spaces and line breaks (delete the invisible character)")


def test_invisible_character_given_to_parse_directly():
    """parse() gets the replayed supplied text too: it refuses what read() refuses."""
    with pytest.raises(SourceError) as info:
        text.parse("title: T\nsubtitle: S\u2066x\n", Path("x.txt"))
    assert str(info.value) == ("x.txt:2: found the invisible character U+2066 (LEFT-TO-RIGHT ISOLATE) at column 12; "
                               "expected only visible characters, spaces and line breaks (delete the invisible "
                               "character)")


def test_decomposed_letter_in_a_paragraph(src):
    lines = lines_of(src, "fr")
    i = at(lines, "5. ")
    lines[i] = lines[i] + " Cafe\u0301."
    save(src, "fr", lines)
    column = len(lines[i]) - len("e\u0301.") + 1
    assert error(src, "fr") == (f"source/text/fr.txt:{i + 1}: found the decomposed characters U+0065 U+0301 at "
                                f"column {column}; expected U+00E9 'é', the same text composed (Unicode NFC)")


def test_decomposed_letter_given_to_parse_directly():
    with pytest.raises(SourceError) as info:
        text.parse("title: E\u0301tat\n", Path("x.txt"))
    assert str(info.value) == ("x.txt:1: found the decomposed characters U+0045 U+0301 at column 8; expected "
                               "U+00C9 'É', the same text composed (Unicode NFC)")


def test_byte_order_mark(src):
    path = src / "text" / "en.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert error(src, "en") == ("source/text/en.txt:1: found a byte-order mark at the start of the file; expected "
                                "UTF-8 without a byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')")


def test_windows_line_breaks_are_read(src):
    path = src / "text" / "en.txt"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    crlf = text.read(path)
    assert crlf.paragraphs == text.read(SOURCE / "text" / "en.txt").paragraphs


LIMIT = 10_000  # the issue: a paragraph over 10,000 characters gets a message


def test_paragraph_of_the_longest_length_is_accepted(src):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines[i] = "5. " + "a" * LIMIT
    save(src, "en", lines)
    assert text.read(src / "text" / "en.txt").paragraphs[5] == "a" * LIMIT


def test_paragraph_too_long(src):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines[i] = "5. " + "a" * (LIMIT + 1)
    save(src, "en", lines)
    assert error(src, "en") == (f"source/text/en.txt:{i + 1}: found paragraph 5 of 10,001 characters; "
                                "expected at most 10,000 characters")


def test_heading_too_long(src):
    lines = lines_of(src, "en")
    i = at(lines, "[politics]")
    lines[i] = "[politics] " + "b" * (LIMIT + 1)
    save(src, "en", lines)
    assert error(src, "en") == (f"source/text/en.txt:{i + 1}: found the heading for 'politics' of 10,001 "
                                "characters; expected at most 10,000 characters")


# -- paragraph numbers: ASCII digits, no leading zero ---------------------------------------------

@pytest.mark.parametrize("written", ["１３.", "١٣.", "013.", "13．", "۱۳."])
def test_paragraph_number_not_in_the_canonical_form(src, written):
    """Full-width, Arabic-Indic, Persian digits, a leading zero or a full-width full stop: all
    were read as 13 before, silently."""
    lines = lines_of(src, "en")
    i = at(lines, "13. ")
    lines[i] = written + lines[i][len("13."):]
    save(src, "en", lines)
    assert error(src, "en") == (f"source/text/en.txt:{i + 1}: found the paragraph number '{written}'; "
                                "expected '13.': the digits 0-9, without a leading zero, and a full stop")


def test_paragraph_number_of_thousands_of_digits(src):
    lines = lines_of(src, "en")
    i = at(lines, "13. ")
    lines[i] = "1" * 5000 + lines[i][len("13"):]  # Python's int() refuses more than 4300 digits
    save(src, "en", lines)
    assert error(src, "en") == (f"source/text/en.txt:{i + 1}: found paragraph 111111111… (5000 digits); "
                                "expected paragraph 13 (paragraphs numbered in order, without gaps)")


# -- translator's notes ---------------------------------------------------------------------------

def test_translator_notes_are_read_with_their_lines(src):
    lines = [line for line in lines_of(src, "en") if not line.startswith("> ")]  # the real notes out
    five = at(lines, "5. ")
    lines[five + 1:five + 1] = ["> First note on 5.", "> Second note on 5."]
    nine = at(lines, "9. ")
    lines.insert(nine + 1, "> A note on 9, with > inside.")
    save(src, "en", lines)
    parsed = text.read(src / "text" / "en.txt")
    text.validate(parsed, STRUCTURE)
    assert parsed.translator_notes == {5: ("First note on 5.", "Second note on 5."),
                                       9: ("A note on 9, with > inside.",)}
    assert parsed.translator_note_lines == {5: (five + 2, five + 3), 9: (nine + 2,)}
    assert parsed.paragraphs == text.read(SOURCE / "text" / "en.txt").paragraphs


def test_real_texts_have_no_notes_in_the_source_language():
    assert text.read(SOURCE / "text" / "zh.txt").translator_notes == {}


NOT_BELOW = ("found a translator's note ('> …') that is not right below a paragraph; expected the note on the line "
             "below its paragraph (or below another note)")


@pytest.mark.parametrize("before", ["", "# a comment"])
def test_translator_note_not_right_below_a_paragraph(src, before):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines[i + 1:i + 1] = [before, "> A note."] if before else ["", "> A note."]
    save(src, "en", lines)
    message = error(src, "en")
    assert message == f"source/text/en.txt:{i + 3}: {NOT_BELOW}"


def test_translator_note_below_a_heading(src):
    lines = lines_of(src, "en")
    i = at(lines, "[politics]")
    lines.insert(i + 1, "> A note.")
    save(src, "en", lines)
    assert error(src, "en") == f"source/text/en.txt:{i + 2}: {NOT_BELOW}"


@pytest.mark.parametrize("written", [">A note.", ">"])
def test_translator_note_without_its_space(src, written):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines.insert(i + 1, written)
    save(src, "en", lines)
    assert error(src, "en") == (f"source/text/en.txt:{i + 2}: found '{written}'; "
                                "expected '> ' followed by the translator's note")


NOTE_LIMIT = 2_000  # the longest note today has about 200 characters; a note is a remark, not a paragraph


def test_translator_note_of_the_longest_length_is_accepted(src):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines.insert(i + 1, "> " + "n" * NOTE_LIMIT)
    save(src, "en", lines)
    assert text.read(src / "text" / "en.txt").translator_notes[5] == ("n" * NOTE_LIMIT,)


def test_translator_note_too_long(src):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines.insert(i + 1, "> " + "n" * (NOTE_LIMIT + 1))
    save(src, "en", lines)
    assert error(src, "en") == (f"source/text/en.txt:{i + 2}: found the translator's note of 2,001 characters; "
                                "expected at most 2,000 characters")


def test_translator_note_with_a_control_character(src):
    lines = lines_of(src, "en")
    i = at(lines, "5. ")
    lines.insert(i + 1, "> A\x00note.")
    save(src, "en", lines)
    assert error(src, "en") == (f"source/text/en.txt:{i + 2}: found the invisible control character U+0000 (NUL) "
                                "at column 4; expected only visible characters, spaces and line breaks (delete the "
                                "invisible character)")


def test_translator_note_in_the_source_language(src):
    lines = lines_of(src, "zh")
    i = at(lines, "5. ")
    lines.insert(i + 1, "> 译者注。")
    save(src, "zh", lines)
    path = src / "text" / "zh.txt"
    with pytest.raises(SourceError) as info:
        text.validate(text.read(path, Path("source/text/zh.txt")), STRUCTURE, source_language=True)
    assert str(info.value) == (f"source/text/zh.txt:{i + 2}: found a translator's note in the source language's "
                               "text; expected notes only in a translation (the source language's text is the "
                               "supplied text)")
