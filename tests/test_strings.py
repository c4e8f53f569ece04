"""hooks.strings.load_all: every language's interface strings, complete and consistent."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import normalize, sources, strings, structure
from hooks.errors import SourceError
from tests.sourcecopy import SOURCE, edit, line

STRUCTURE = structure.load(SOURCE / "structure.yml")
NORMS = normalize.load(SOURCE / "normalizations.yml", STRUCTURE)


def load_all(src: Path) -> dict[str, strings.Strings]:
    files = {code: src / "i18n" / f"{code}.yml" for code in ("zh", "en")}  # source/languages.yml
    return strings.load_all(files, "zh", STRUCTURE, NORMS, sources.Layout(src).shown)


def error(src: Path) -> str:
    with pytest.raises(SourceError) as info:
        load_all(src)
    return str(info.value)


def test_real_strings_load():
    table = load_all(SOURCE)
    assert set(table) == {"zh", "en"}
    # English has the singular forms Chinese does not (CLDR plural categories)
    singular = {"search.count.one", "glossary.count.one"}
    assert set(table["en"]) == set(table["zh"]) | set(strings.TRANSLATION_KEYS) | singular
    assert strings.plural_groups(table["zh"]) == strings.plural_groups(table["en"]) == {"search.count", "glossary.count"}
    assert {f"pages.{slug}" for slug in STRUCTURE.slugs} <= set(table["zh"])
    assert {f"normalizations.{i}" for i in NORMS.ids} <= set(table["zh"])
    assert table["zh"].format("labels.paragraph", number="4") == "第4段"
    assert table["en"].format("labels.paragraph", number="4") == "Paragraph 4"


def test_translation_missing_a_key(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  cite_title: How to cite a paragraph\n", "")
    # No line of its own: the message names the line of the mapping that lacks it.
    assert error(src) == (f"source/i18n/en.yml:{line(en, 'home:')}: found no key 'home.cite_title'; "
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
    assert error(src) == (f"source/i18n/en.yml:{line(en, '  paragraph:')}: found placeholders ['num'] in "
                          "'labels.paragraph'; expected the placeholders ['number']")


def test_empty_string(src):
    en = src / "i18n" / "en.yml"
    edit(en, "  home: Home\n", "  home:\n")
    # worded as hooks.yamlsource.require words it: an editor does not know Python's None
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
    assert error(src) == (f"source/i18n/en.yml:{at}: found placeholders ['n'] "
                          "in 'search.count.one'; expected the placeholders ['count']")
