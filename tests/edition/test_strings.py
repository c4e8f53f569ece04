"""hooks.edition.strings.load_all: every language's interface strings, complete and consistent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hooks.edition import normalize, load, strings, structure
from hooks.errors import SourceError
from tests import source_errors
from tests.sourcecopy import SOURCE, edit, line

STRUCTURE = structure.load(SOURCE / "structure.yml")
NORMS = normalize.load(SOURCE / "normalizations.yml", STRUCTURE)


def load_all(src: Path) -> dict[str, strings.Strings]:
    files = {code: src / "i18n" / f"{code}.yml" for code in ("zh", "en")}  # source/languages.yml
    return strings.load_all(files, "zh", STRUCTURE, NORMS, load.Layout(src).shown)


def error(src: Path) -> str:
    return source_errors.error(load_all, src)


def test_real_strings_load():
    table = load_all(SOURCE)
    assert set(table) == {"zh", "en"}
    # The plural groups, read here with plain YAML: the mappings whose keys are all CLDR categories.
    # English has the singular forms Chinese does not.
    groups = set(_plural_groups(yaml.safe_load((SOURCE / "i18n" / "zh.yml").read_text(encoding="utf-8"))))
    assert {"search.count", "glossary.count"} <= groups
    singular = {f"{group}.one" for group in groups}
    assert set(table["en"]) == set(table["zh"]) | set(strings.TRANSLATION_KEYS) | singular
    assert strings.plural_groups(table["zh"]) == strings.plural_groups(table["en"]) == groups
    assert {f"pages.{slug}" for slug in STRUCTURE.slugs} <= set(table["zh"])
    assert {f"normalizations.{i}" for i in NORMS.ids} <= set(table["zh"])
    assert table["zh"].format("labels.paragraph", number="4") == "第4段"
    assert table["en"].format("labels.paragraph", number="4") == "Paragraph 4"


def _plural_groups(tree: dict, prefix: str = ""):
    for key, value in tree.items():
        if isinstance(value, dict):
            if set(value) <= {"zero", "one", "two", "few", "many", "other"}:
                yield prefix + key
            else:
                yield from _plural_groups(value, f"{prefix}{key}.")


def test_translation_missing_a_key(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  areas_title: The eight areas\n", "")
    # No line of its own: the message names the line of the mapping that lacks it.
    assert error(src) == (f"source/i18n/en.yml:{line(en, 'home:')}: found no key 'home.areas_title'; "
                          "expected every key of source/i18n/zh.yml")


def test_source_language_missing_a_page_name(src):
    zh = src / "i18n" / "zh.yml"
    edit(zh, "  conduct: 维和人员和维和行动的行为操守\n", "")
    assert error(src) == (f"source/i18n/zh.yml:{line(zh, 'pages:')}: found no key 'pages.conduct'; "
                          "expected a name for every page of source/structure.yml")


def test_translation_with_an_extra_key(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  about: About this edition\n", "  about: About this edition\n  extra: Extra\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  extra:')}: found key 'nav.extra'; "
                          "expected only the keys of source/i18n/zh.yml")


def test_stale_page_name_in_every_language(src):
    """A page name for a slug structure.yml no longer has is as wrong as a missing one."""
    zh, en = src / "i18n" / "zh.yml", src / "i18n" / "en.yml"
    edit(zh, "  follow-up: 后续行动\n", "  follow-up: 后续行动\n  removed: 旧页\n")
    edit(en, "  follow-up: Follow-up\n", "  follow-up: Follow-up\n  removed: Old page\n")
    with pytest.raises(SourceError) as info:
        load_all(src)
    assert (info.value.path.as_posix(), info.value.line) == ("source/i18n/zh.yml", line(zh, "  removed:"))
    assert "'pages.removed'" in info.value.found


def test_placeholders_differ(src):
    en = src / "i18n" / "en.yml"
    edit(en, "Paragraph {number}\n", "Paragraph {num}\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  paragraph:')}: found the placeholder {{num}} in "
                          "'labels.paragraph'; expected the placeholder {number}, as in 'labels.paragraph' of "
                          "source/i18n/zh.yml")


def test_empty_string(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", "  home:\n")
    # worded as hooks.edition.yamlsource.require words it: an editor does not know Python's None
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  home:')}: found 'nav.home': an empty value; "
                          "expected 'nav.home' to be a non-empty string")


def test_bad_yaml_syntax(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", "  home: Home: page\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  home: Home: page')}: found invalid YAML "
                          "(mapping values are not allowed here); expected well-formed YAML")


def test_duplicate_key(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", "  home: Home\n  home: Start\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  home: Start')}: found invalid YAML "
                          "(duplicate key 'home'); expected well-formed YAML")


# -- plural groups: forms by CLDR plural category, "other" in every language ------------------

EN_COUNT = '  count:\n    one: "{count} match"\n    other: "{count} matches"\n'


def test_a_language_may_use_more_plural_categories_than_the_source(src):
    """Russian-style: one, few, many and other, where Chinese has only other."""
    en = src / "i18n" / "en.yml"
    edit(en, EN_COUNT, EN_COUNT + '    few: "{count} matches (few)"\n    many: "{count} matches (many)"\n')
    table = load_all(src)
    assert table["en"]["search.count.few"] == "{count} matches (few)"
    assert "search.count.few" not in table["zh"]


def test_plural_group_without_other(src):
    en = src / "i18n" / "en.yml"
    edit(en, EN_COUNT, '  count:\n    one: "{count} match"\n')
    at = line(en, '    one: "{count} match"') - 1  # the group's own line, under search:
    assert error(src) == (f"source/i18n/en.yml:{at}: found no key 'search.count.other'; "
                          "expected the 'other' form of the plural group 'search.count', which every "
                          "language must have")


def test_plural_group_with_a_key_that_is_no_category(src):
    en = src / "i18n" / "en.yml"
    edit(en, EN_COUNT, EN_COUNT + '    plenty: "{count} matches"\n')
    assert error(src) == (f"source/i18n/en.yml:{line(en, '    plenty:')}: found key 'search.count.plenty'; "
                          "expected a plural category of 'search.count': zero, one, two, few, many or other")


def test_plural_form_with_other_placeholders_than_the_source(src):
    en = src / "i18n" / "en.yml"
    edit(en, '    one: "{count} match"\n', '    one: "{n} match"\n')
    at = line(en, '    one: "{n}')
    assert error(src) == (f"source/i18n/en.yml:{at}: found the placeholder {{n}} "
                          "in 'search.count.one'; expected the placeholder {count}, as in 'search.count.other' "
                          "of source/i18n/zh.yml")


# -- placeholders: {name}, the source language's, none missing, none added -------------------------

PLACEHOLDER_RULE = ("placeholders written {name} (a lower-case name in braces), and '{{' or '}}' for a "
                    "brace itself")


def test_translation_dropping_a_placeholder(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  paragraphs: Paragraphs {first}–{last}\n", "  paragraphs: Paragraphs from {first}\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  paragraphs:')}: found the placeholder {{first}} in "
                          "'labels.paragraphs'; expected the placeholders {first}, {last}, as in "
                          "'labels.paragraphs' of source/i18n/zh.yml")


def test_translation_dropping_its_only_placeholder(src):
    en = src / "i18n" / "en.yml"
    edit(en, "Paragraph {number}\n", "Paragraph\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  paragraph:')}: found no placeholder in "
                          "'labels.paragraph'; expected the placeholder {number}, as in 'labels.paragraph' of "
                          "source/i18n/zh.yml")


def test_translation_adding_a_placeholder(src):
    en = src / "i18n" / "en.yml"
    edit(en, "Paragraph {number}\n", "Paragraph {number} of {total}\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  paragraph:')}: found the placeholders {{number}}, "
                          "{total} in 'labels.paragraph'; expected the placeholder {number}, as in "
                          "'labels.paragraph' of source/i18n/zh.yml")


@pytest.mark.parametrize("written, found", [
    ("Paragraph {number", "a '{' or '}' without its pair in 'labels.paragraph'"),
    ("Paragraph number}", "a '{' or '}' without its pair in 'labels.paragraph'"),
    ("Paragraph {}", "the placeholder '{}' in 'labels.paragraph'"),
    ("Paragraph {0}", "the placeholder '{0}' in 'labels.paragraph'"),
    ("Paragraph {number:>3}", "the placeholder '{number:>3}' in 'labels.paragraph'"),
    ("Paragraph {number!r}", "the placeholder '{number!r}' in 'labels.paragraph'"),
    ("Paragraph {number.real}", "the placeholder '{number.real}' in 'labels.paragraph'"),
])
def test_malformed_placeholder(src, written, found):
    """These raised a Python traceback (ValueError, IndexError) when the page was made."""
    en = src / "i18n" / "en.yml"
    edit(en, "Paragraph {number}\n", f'"{written}"\n')
    assert error(src) == f"source/i18n/en.yml:{line(en, '  paragraph:')}: found {found}; expected {PLACEHOLDER_RULE}"


def test_malformed_placeholder_in_the_source_language(src):
    zh = src / "i18n" / "zh.yml"
    edit(zh, "第{number}段\n", "第{number段\n")
    assert error(src) == (f"source/i18n/zh.yml:{line(zh, '  paragraph:')}: found a '{{' or '}}' without its pair in "
                          f"'labels.paragraph'; expected {PLACEHOLDER_RULE}")


def test_doubled_braces_are_text(src):
    en = src / "i18n" / "en.yml"
    edit(en, "Paragraph {number}\n", '"Paragraph {number} {{sic}}"\n')
    assert load_all(src)["en"].format("labels.paragraph", number="4") == "Paragraph 4 {sic}"


# -- links: https only ----------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://peacekeeping.un.org/", "//peacekeeping.un.org/",
                                 "https:peacekeeping", "https://peacekeeping.un.org/a b", "data:text/html,x",
                                 "https://[::1/x"])  # a malformed address: a message, never a traceback
def test_link_not_https(src, url):
    en = src / "i18n" / "en.yml"
    edit(en, "  authentic_url: https://peacekeeping.un.org/en/action-for-peacekeeping-a4p\n",
         f'  authentic_url: "{url}"\n')
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  authentic_url:')}: found 'footer.authentic_url': "
                          f"'{url}'; expected an address starting with https://")


def test_link_in_the_source_language(src):
    zh = src / "i18n" / "zh.yml"
    content = zh.read_text(encoding="utf-8")
    start = content.index("  authentic_url: ")
    end = content.index("\n", start)
    zh.write_text(content[:start] + "  authentic_url: javascript:void(0)" + content[end:], encoding="utf-8")
    assert error(src) == (f"source/i18n/zh.yml:{line(zh, '  authentic_url:')}: found 'footer.authentic_url': "
                          "'javascript:void(0)'; expected an address starting with https://")


# -- the file as a whole --------------------------------------------------------------------------

def test_empty_strings_file(src):
    en = src / "i18n" / "en.yml"
    en.write_text("# nothing yet\n", encoding="utf-8")
    # it was "found NoneType"
    assert error(src) == "source/i18n/en.yml:1: found an empty file; expected the file's keys and values"


def test_strings_file_that_is_a_list(src):
    en = src / "i18n" / "en.yml"
    en.write_text("# a list by mistake\n- Home\n- About\n", encoding="utf-8")
    assert error(src) == "source/i18n/en.yml:2: found a list; expected a mapping of keys to strings"


def test_anchor_in_a_string(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", "  home: &h Home\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  home: &h')}: found the YAML anchor '&h'; expected the "
                          "value written out in full (source files use no YAML anchors '&' or aliases '*')")


def test_escaped_nul_in_a_string(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", '  home: "Ho\\x00me"\n')
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  home:')}: found the invisible control character U+0000 "
                          "(NUL) in a value; expected only visible characters, spaces, tabs and line breaks (delete "
                          "the invisible character)")


def test_translation_without_the_translator_note_label(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  translator_note: Translator's note\n", "")
    assert error(src) == (f"source/i18n/en.yml:{line(en, 'translation:')}: found no key "
                          "'translation.translator_note'; expected the label of a translator's note, which "
                          "every translation must have")


# -- what a string may hold: length, characters -----------------------------------------------------

STRING_LIMIT = 2_000  # the longest string today (offline.readme) has under 400 characters


def test_string_of_the_longest_length_is_accepted(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", f"  home: {'h' * STRING_LIMIT}\n")
    assert load_all(src)["en"]["nav.home"] == "h" * STRING_LIMIT


def test_string_too_long(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", f"  home: {'h' * (STRING_LIMIT + 1)}\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  home:')}: found the string 'nav.home' of "
                          f"{STRING_LIMIT + 1:,} characters; expected at most {STRING_LIMIT:,} characters")


def test_lone_surrogate_in_a_string(src):
    """It built with exit 0 and eight English pages held '&#56448;'."""
    en = src / "i18n" / "en.yml"
    edit(en, "  area: A4P area\n", '  area: "A4P \\udc80 area"\n')
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  area:')}: found U+DC80, half of a surrogate pair and "
                          "no character, in a value; expected a whole character: the character itself, or its code "
                          "point in an escape of eight hex digits (\\U0001F600)")


@pytest.mark.parametrize("char, name", [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u200b", "ZERO WIDTH SPACE")])
def test_invisible_character_in_a_string(src, char, name):
    en = src / "i18n" / "en.yml"
    edit(en, "  area: A4P area\n", f"  area: A4P {char}area\n")
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  area:')}: found the invisible character "
                          f"U+{ord(char):04X} ({name}) at column {len('  area: A4P ') + 1}; expected only visible "
                          "characters, spaces, tabs and line breaks (delete the invisible character)")


def test_escaped_direction_override_in_a_string(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  area: A4P area\n", '  area: "A4P \\u202Earea"\n')
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  area:')}: found the invisible character U+202E "
                          "(RIGHT-TO-LEFT OVERRIDE) in a value; expected only visible characters, spaces, tabs and "
                          "line breaks (delete the invisible character)")
