"""hooks.edition.yamlsource: YAML with lines, and what a source YAML file may not contain.

Each case writes a small YAML file by hand; the expected line is the one the test wrote the
construct on, counted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.edition import yamlsource
from hooks.errors import SourceError
from tests import source_errors

ROOT = Path(__file__).resolve().parents[2]
SHOWN = Path("source/i18n/en.yml")
NO_REFERENCES = "expected the value written out in full (source files use no YAML anchors '&' or aliases '*')"


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "en.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error(path: Path) -> str:
    return source_errors.error(yamlsource.load, path, SHOWN)


def test_lines_of_keys_and_items(tmp_path):
    data = yamlsource.load(write(tmp_path, ["# comment", "a: 1", "b:", "  - x", "  - y"]))
    assert data == {"a": 1, "b": ["x", "y"]}
    assert data.lines == {"a": 2, "b": 3}
    assert data["b"].lines == [4, 5]


def test_anchor_refused(tmp_path):
    lines = ["nav:", "  home: &home Home", "  start: Start"]
    assert error(write(tmp_path, lines)) == f"source/i18n/en.yml:2: found the YAML anchor '&home'; {NO_REFERENCES}"


def test_alias_refused(tmp_path):
    lines = ["nav:", "  home: Home", "  start: *home"]
    assert error(write(tmp_path, lines)) == f"source/i18n/en.yml:3: found the YAML alias '*home'; {NO_REFERENCES}"


def test_merge_key_refused(tmp_path):
    lines = ["base: &base", "  a: 1", "other:", "  <<: *base"]
    assert error(write(tmp_path, lines)) == f"source/i18n/en.yml:1: found the YAML anchor '&base'; {NO_REFERENCES}"


def test_billion_laughs_fails_at_its_first_anchor(tmp_path):
    """Ten levels of ten aliases: 10**10 strings if expanded. Refused at the first anchor."""
    lines = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 11)]
    lines.append("site_name: *a10")
    assert error(write(tmp_path, lines)) == f"source/i18n/en.yml:1: found the YAML anchor '&a0'; {NO_REFERENCES}"


def test_nesting_too_deep(tmp_path):
    depth = yamlsource.MAX_DEPTH + 1
    path = tmp_path / "en.yml"
    path.write_text("key: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    # a value nested one level more than allowed; a deeply nested file (a megabyte of '[') would
    # otherwise exhaust Python's recursion
    assert error(path) == (f"source/i18n/en.yml:1: found values nested more than {yamlsource.MAX_DEPTH} levels "
                           f"deep; expected at most {yamlsource.MAX_DEPTH} levels")


def test_escaped_control_character_refused(tmp_path):
    lines = ["nav:", '  home: "Ho\\0me"']  # YAML's \0 escape is NUL
    assert error(write(tmp_path, lines)) == (
        "source/i18n/en.yml:2: found the invisible control character U+0000 (NUL) in a value; expected only "
        "visible characters, spaces, tabs and line breaks (delete the invisible character)")


def test_escaped_line_break_and_tab_allowed(tmp_path):
    data = yamlsource.load(write(tmp_path, ['find: "a\\n\\nb\\tc"']))
    assert data["find"] == "a\n\nb\tc"


@pytest.mark.parametrize("written, value", [("13", 13), ("013", "013"), ("0x1A", "0x1A"), ("1_000", "1_000"),
                                            ("0", 0), ("-3", -3), ("true", True), ("false", False),
                                            ("no", "no"), ("yes", "yes"), ("off", "off"), ("NO", "NO")])
def test_numbers_are_decimal_and_only_true_false_are_booleans(tmp_path, written, value):
    """YAML 1.1 would read 013 as 11 and 'no' (Norwegian's code) as false."""
    loaded = yamlsource.load(write(tmp_path, [f"value: {written}"]))["value"]
    assert (loaded, type(loaded)) == (value, type(value))


@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "en.yml"
    path.write_text(content, encoding="utf-8")
    # it was "found NoneType" in the interface strings
    assert error(path) == "source/i18n/en.yml:1: found an empty file; expected the file's keys and values"


def test_byte_order_mark(tmp_path):
    path = tmp_path / "en.yml"
    path.write_bytes(b"\xef\xbb\xbfnav:\n  home: Home\n")
    assert error(path) == ("source/i18n/en.yml:1: found a byte-order mark at the start of the file; expected UTF-8 "
                           "without a byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')")


def test_tags_refused_in_sources(tmp_path):
    lines = ["version: !ENV [A4P_VERSION, '']"]
    assert error(write(tmp_path, lines)) == (
        "source/i18n/en.yml:1: found invalid YAML (could not determine a constructor for the tag '!ENV'); "
        "expected well-formed YAML")


def test_config_keeps_its_tags_and_lines():
    """mkdocs.yml has !ENV tags: load_config reads it for the lines of its keys."""
    config = ROOT / "mkdocs.yml"
    data = yamlsource.load_config(config, Path("mkdocs.yml"))
    text = config.read_text(encoding="utf-8").split("\n")
    assert text[data.lines["plugins"] - 1] == "plugins:"
    version = data["extra"]["release"]["version"]
    assert text[data["extra"]["release"].lines["version"] - 1].strip().startswith("version: !ENV")
    assert version == ["A4P_VERSION", ""]


# -- require: values in words ---------------------------------------------------------------------

@pytest.mark.parametrize("written, shown", [("true", "true"), ("'13'", "'13'"), ("013", "'013'"), ("", "an empty value"),
                                            ("[1]", "a list"), ("{a: 1}", "a mapping (keys and values)")])
def test_require_names_a_wrong_value_in_words(tmp_path, written, shown):
    path = write(tmp_path, ["count: 1", f"paragraph: {written}"])
    with pytest.raises(SourceError) as info:
        yamlsource.require(yamlsource.load(path), "paragraph", int, SHOWN, "an entry")
    assert str(info.value) == (f"source/i18n/en.yml:2: found 'paragraph': {shown}; "
                               "expected 'paragraph' to be a non-empty number")


# -- characters written as escapes, checked after YAML decodes them --------------------------------

NO_INVISIBLE = ("expected only visible characters, spaces, tabs and line breaks (delete the invisible "
                "character)")
WHOLE = ("expected a whole character: the character itself, or its code point in an escape of eight hex "
         "digits (\\U0001F600)")


@pytest.mark.parametrize("escape, found", [
    ("\\udc80", "U+DC80, half of a surrogate pair and no character, in a value"),
    ("\\ud800", "U+D800, half of a surrogate pair and no character, in a value"),
    ("\\ud83d\\ude00", "U+D83D, half of a surrogate pair and no character, in a value"),
    ("\\U0000DFFF", "U+DFFF, half of a surrogate pair and no character, in a value"),
])
def test_escaped_surrogate_refused(tmp_path, escape, found):
    """A lone surrogate published '&#56448;' on eight pages, or a traceback in a definition."""
    lines = ["labels:", f'  area: "A4P {escape} area"']
    assert error(write(tmp_path, lines)) == f"source/i18n/en.yml:2: found {found}; {WHOLE}"


@pytest.mark.parametrize("escape, found", [
    ("\\u202e", "the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("\\u2066", "the invisible character U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ("\\u200b", "the invisible character U+200B (ZERO WIDTH SPACE)"),
    ("\\uFEFF", "the invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
    ("\\L", "the invisible character U+2028 (LINE SEPARATOR)"),
    ("\\P", "the invisible character U+2029 (PARAGRAPH SEPARATOR)"),
    ("\\N", "the invisible control character U+0085"),  # YAML's escape for NEL, a C1 control
    ("\\x9b", "the invisible control character U+009B"),
    ("\\e", "the invisible control character U+001B (escape)"),
])
def test_escaped_invisible_character_refused(tmp_path, escape, found):
    lines = ["# the interface", "labels:", "  home: Home", f'  area: "A4P {escape}area"']
    assert error(write(tmp_path, lines)) == f"source/i18n/en.yml:4: found {found} in a value; {NO_INVISIBLE}"


def test_escaped_invisible_character_in_a_key_refused(tmp_path):
    lines = ["labels:", '  "ho\\u200bme": Home']
    assert error(write(tmp_path, lines)) == (
        f"source/i18n/en.yml:2: found the invisible character U+200B (ZERO WIDTH SPACE) in a value; {NO_INVISIBLE}")


def test_escaped_invisible_character_in_a_block_of_lines_names_its_key(tmp_path):
    lines = ["labels:", "  home: Home", '  area: "First line,', '    then \\u202e the second"']
    assert error(write(tmp_path, lines)) == (
        f"source/i18n/en.yml:3: found the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) in a value; "
        f"{NO_INVISIBLE}")


def test_escaped_decomposed_letter_refused(tmp_path):
    lines = ["labels:", '  area: "Cafe\\u0301"']
    assert error(write(tmp_path, lines)) == (
        "source/i18n/en.yml:2: found the decomposed characters U+0065 U+0301 in a value; expected U+00E9 'é', "
        "the same text composed (Unicode NFC)")


def test_escapes_of_visible_characters_and_lone_marks_stay_allowed(tmp_path):
    """source/search.yml writes combining marks alone as escapes (folding maps them away)."""
    data = yamlsource.load(write(tmp_path, ['a: "\\u0301"', 'b: "\\u064B"', 'c: "\\U0001F600 \\u00e9"', 'd: "\\_"']))
    assert data == {"a": "\u0301", "b": "\u064b", "c": "\U0001f600 \u00e9", "d": "\u00a0"}
