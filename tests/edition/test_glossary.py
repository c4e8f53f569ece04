"""The glossary data (hooks/edition/glossary.py): validation errors, the real glossaries, their order.

Every malformed input is a private copy of source/ with one thing broken, loaded the way the
build loads it (hooks.edition.load.load_edition). Each expected message was written out by hand
from hooks/edition/glossary.py: ``FILE:LINE: found X; expected Y``, FILE relative to the repository
copy, LINE the line of the edited file that holds the fault (looked up in the file's text).
The matcher's output is covered by the golden files of tests/edition/test_terms.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks.edition import load
from hooks.edition.glossary import Glossary, Term, ordered
from tests import source_errors

ZH = "source/glossary/zh.yml"
EN = "source/glossary/en.yml"
KEYS = "only the keys definition, related, term, variants"
ONCE = "each term and variant once"
ID_RULE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # the issue: a language-neutral ASCII id


def error(src: Path) -> str:
    return source_errors.error(load.load_edition, load.Layout(src))


# -- editing a glossary file as text, and finding lines in it, independently of hooks/ --------

def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def block(path: Path, term_id: str) -> tuple[int, int]:
    """0-based [start, end) of the lines of one term: its ``  id:`` line to the next id."""
    lines = lines_of(path)
    starts = [i for i, text in enumerate(lines) if text == f"  {term_id}:"]
    assert len(starts) == 1, f"test setup: '  {term_id}:' on {len(starts)} lines of {path.name}"
    end = starts[0] + 1
    while end < len(lines) and (lines[end].startswith("    ") or not lines[end].strip()):
        end += 1
    return starts[0], end


def id_line(path: Path, term_id: str) -> int:
    """The 1-based line of ``  term_id:``."""
    return block(path, term_id)[0] + 1


def key_line(path: Path, term_id: str, key: str) -> int:
    """The 1-based line of ``    key:`` inside the term's block."""
    start, end = block(path, term_id)
    found = [i + 1 for i in range(start, end) if lines_of(path)[i].startswith(f"    {key}:")]
    assert len(found) == 1, f"test setup: '{key}' in '{term_id}' on {len(found)} lines"
    return found[0]


def set_key(path: Path, term_id: str, key: str, value: str | None) -> None:
    """Replace the ``    key: …`` line of one term (``None``: delete it)."""
    lines = lines_of(path)
    index = key_line(path, term_id, key) - 1
    if value is None:
        del lines[index]
    else:
        lines[index] = f"    {key}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")


def replace_block(path: Path, term_id: str, new: list[str]) -> None:
    lines = lines_of(path)
    start, end = block(path, term_id)
    lines[start:end] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def insert_after_key(path: Path, term_id: str, key: str, new_line: str) -> None:
    lines = lines_of(path)
    lines.insert(key_line(path, term_id, key), new_line)
    path.write_text("\n".join(lines), encoding="utf-8")


def first_line_starting(path: Path, start: str) -> int:
    found = [n for n, text in enumerate(lines_of(path), 1) if text.startswith(start)]
    assert found, f"test setup: no line starts with {start!r}"
    return found[0]


def first_term_line(path: Path) -> int:
    """The line of the first term id, just below ``terms:``: where the ``terms`` mapping begins."""
    line = first_line_starting(path, "terms:") + 1
    assert re.match(r"^  [a-z0-9-]+:$", lines_of(path)[line - 1]), "test setup: a term id follows terms:"
    return line


# -- the real glossaries --------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["zh", "en"])
def test_at_least_40_terms_per_language(edition, code):
    assert len(edition.glossaries[code].terms) >= 40  # the minimum


def test_ids_are_aligned_and_ascii(edition):
    zh, en = edition.glossaries["zh"].terms, edition.glossaries["en"].terms
    assert set(zh) == set(en)
    assert [i for i in zh if not ID_RULE.match(i)] == []


@pytest.mark.parametrize("code", ["zh", "en"])
def test_real_terms_and_variants_stand_once(edition, code):
    forms = [form for term in edition.glossaries[code].terms.values() for form in term.forms]
    assert len(forms) == len(set(forms))
    assert all(term.definition.strip() for term in edition.glossaries[code].terms.values())


@pytest.mark.parametrize("code", ["zh", "en"])
def test_related_ids_exist_and_are_not_the_term_itself(edition, code):
    terms = edition.glossaries[code].terms
    for term in terms.values():
        assert set(term.related) <= set(terms), term.id
        assert term.id not in term.related, term.id


def test_related_ids_agree_across_languages(edition):
    zh, en = edition.glossaries["zh"].terms, edition.glossaries["en"].terms
    assert {i: t.related for i, t in zh.items()} == {i: t.related for i, t in en.items()}


def test_collations_of_the_languages(edition):
    assert edition.language("zh").collation == "pinyin"
    assert edition.language("en").collation == "alphabetical"


# pairs checked by hand against the pinyin of each term: (earlier, later, why)
PINYIN_PAIRS = [
    ("安全理事会", "保护平民", "an < bao"),
    ("保护平民", "维和行动", "bao < wei"),
    ("安全防护", "安全理事会", "an quan fang < an quan li"),
    ("部队组建", "不使用武力", "bu dui < bu shi (code points would put 不 U+4E0D first)"),
    ("秘书处", "秘书长", "mi shu chu < mi shu zhang"),
    ("联合国", "联合国宪章", "a prefix first"),
    ("人权", "人权尽职政策", "a prefix first"),
    ("大会", "当事方同意", "da < dang"),
    ("行动计划", "性别平等视角", "xing2 < xing4: the tone decides"),
    ("中立", "综合分析", "zhong < zong"),
    ("综合分析", "综合业绩政策框架", "zong he fen < zong he ye"),
    ("欧洲联盟", "区域和次区域组织和安排", "ou < qu"),
]


@pytest.mark.parametrize("earlier, later, why", PINYIN_PAIRS)
def test_chinese_order_is_by_pinyin(edition, earlier, later, why):
    order = [term.term for term in ordered(edition.glossaries["zh"], "pinyin")]
    assert order.index(earlier) < order.index(later), why


def _glossary(terms: list[str]) -> Glossary:
    return Glossary(Path("g.yml"), {f"t{n}": Term(f"t{n}", term, (), "d", (), n) for n, term in enumerate(terms)}, 1)


def test_pinyin_order_of_a_hand_made_list():
    terms = ["维和行动", "保护平民", "不使用武力", "安全理事会", "部队组建", "中立"]
    assert [t.term for t in ordered(_glossary(terms), "pinyin")] == [
        "安全理事会", "保护平民", "部队组建", "不使用武力", "维和行动", "中立"]


def test_alphabetical_order_of_a_hand_made_list():
    terms = ["peacekeeping", "Security Council", "African Union", "secretariat", "accountability"]
    assert [t.term for t in ordered(_glossary(terms), "alphabetical")] == [
        "accountability", "African Union", "peacekeeping", "secretariat", "Security Council"]


def test_alphabetical_order_files_accented_letters_with_their_base_letter():
    """French and Spanish terms: É sorts with E, not after z; ties keep a stable order."""
    terms = ["zone", "État hôte", "élection", "Etat", "acteur", "Ñandú", "nación"]
    assert [t.term for t in ordered(_glossary(terms), "alphabetical")] == [
        "acteur", "élection", "Etat", "État hôte", "nación", "Ñandú", "zone"]


def test_english_order_is_alphabetical_ignoring_case(edition):
    order = [term.term for term in ordered(edition.glossaries["en"], "alphabetical")]
    assert order == sorted(order, key=str.lower)
    for earlier, later in [("accountability", "Action Plan"), ("Action Plan", "African Union"),
                           ("peacebuilding", "Peacebuilding Commission"),
                           ("Peacebuilding Commission", "peacekeepers"), ("Secretariat", "Security Council"),
                           ("United Nations", "United Nations system")]:
        assert order.index(earlier) < order.index(later), (earlier, later)


@pytest.mark.parametrize("code, collation", [("zh", "pinyin"), ("en", "alphabetical")])
def test_glossary_pages_list_every_term_in_order(built_site, edition, code, collation):
    html = (built_site / ("" if code == "zh" else f"{code}/") / "glossary" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<section id="term-([a-z0-9-]+)" class="a4p-entry"', html)
    assert len(listed) >= 40
    assert listed == [term.id for term in ordered(edition.glossaries[code], collation)]


# -- a term id missing in a language, or one too many -------------------------------------------

def test_id_missing_in_english(src):
    en = src / "glossary" / "en.yml"
    replace_block(en, "civil-society", [])  # no other English term relates to it
    # the line is where en.yml's terms begin (its first term id)
    assert error(src) == (f"{EN}:{first_term_line(en)}: found no term 'civil-society'; "
                          f"expected every term id of {ZH}")


def test_id_missing_in_the_source_language(src):
    en = src / "glossary" / "en.yml"
    replace_block(src / "glossary" / "zh.yml", "civil-society", [])
    # the source language sets the ids: English now has one too many
    assert error(src) == (f"{EN}:{id_line(en, 'civil-society')}: found term 'civil-society'; "
                          f"expected only the term ids of {ZH}")


def test_extra_id_in_english(src):
    en = src / "glossary" / "en.yml"
    with en.open("a", encoding="utf-8") as file:
        file.write("  blue-helmets:\n    term: Blue Helmets\n    variants: []\n"
                   "    definition: Peacekeepers, after the colour of their helmets.\n")
    assert error(src) == (f"{EN}:{id_line(en, 'blue-helmets')}: found term 'blue-helmets'; "
                          f"expected only the term ids of {ZH}")


def test_id_twice_in_one_file(src):
    zh = src / "glossary" / "zh.yml"
    with zh.open("a", encoding="utf-8") as file:
        file.write("  impartiality:\n    term: 公正\n    variants: []\n    definition: 另一个定义。\n")
    second = [n for n, text in enumerate(lines_of(zh), 1) if text == "  impartiality:"][1]
    assert error(src) == (f"{ZH}:{second}: found invalid YAML (duplicate key 'impartiality'); "
                          "expected well-formed YAML")


def test_glossary_file_missing(src):
    (src / "glossary" / "en.yml").unlink()
    assert error(src) == f"{EN}: found no such file; expected the file to exist"


# -- a duplicate term or variant within one language --------------------------------------------

def twice(path: Path, form: str, second: tuple[str, str], first: tuple[str, str]) -> str:
    """The expected message for ``form`` standing a second time: at the ``(id, key)`` line
    ``second``, having stood first at the ``(id, key)`` line ``first``."""
    shown = ZH if path.name == "zh.yml" else EN
    return (f"{shown}:{key_line(path, *second)}: found '{form}' a second time (in '{second[0]}'; "
            f"first in '{first[0]}' on line {key_line(path, *first)}); expected {ONCE}")


def test_term_equal_to_another_term(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "peacekeeping-missions", "term", "维和行动")
    assert error(src) == twice(zh, "维和行动", ("peacekeeping-missions", "term"), ("peacekeeping-operations", "term"))


def test_english_term_equal_to_another_term(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "peacekeeping-missions", "term", "peacekeeping operations")
    assert error(src) == twice(en, "peacekeeping operations", ("peacekeeping-missions", "term"),
                               ("peacekeeping-operations", "term"))


def test_variant_equal_to_an_earlier_term(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "peacekeeping-missions", "variants", "[维和行动]")
    assert error(src) == twice(zh, "维和行动", ("peacekeeping-missions", "variants"),
                               ("peacekeeping-operations", "term"))


def test_variant_equal_to_a_later_term(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "peacekeeping", "variants", "[维和, 维和行动]")
    # peacekeeping comes first in the file: the later term is the second occurrence
    assert error(src) == twice(zh, "维和行动", ("peacekeeping-operations", "term"), ("peacekeeping", "variants"))


def test_variant_equal_to_another_variant(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "european-union", "variants", "[欧盟, 非盟]")
    assert error(src) == twice(zh, "非盟", ("european-union", "variants"), ("african-union", "variants"))


def test_variant_twice_in_its_list(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "african-union", "variants", "[AU, AU]")
    assert error(src) == twice(en, "AU", ("african-union", "variants"), ("african-union", "variants"))


def test_variant_equal_to_its_own_term(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "impartiality", "variants", "[中立]")
    # the second occurrence stands on the variants line, the first on the term line
    assert error(src) == twice(zh, "中立", ("impartiality", "variants"), ("impartiality", "term"))


# -- a term that occurs in no paragraph of its language ------------------------------------------

def test_chinese_term_in_no_paragraph(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "impartiality", "term", "不偏不倚")
    set_key(zh, "impartiality", "variants", "[公正性]")
    assert error(src) == (f"{ZH}:{id_line(zh, 'impartiality')}: found term 'impartiality' (不偏不倚 / 公正性) "
                          "in no paragraph of source/text/zh.txt; expected every term to occur in its "
                          "language's text")


def test_english_term_only_inside_a_longer_word(src):
    en = src / "glossary" / "en.yml"
    assert "impartiality" in (src / "text" / "en.txt").read_text(encoding="utf-8")
    set_key(en, "impartiality", "term", "impartial")  # only ever part of "impartiality"
    assert error(src) == (f"{EN}:{id_line(en, 'impartiality')}: found term 'impartiality' (impartial) "
                          "in no paragraph of source/text/en.txt; expected every term to occur in its "
                          "language's text")


def test_term_only_inside_a_longer_term_is_unused(src):
    """Longest match first: a form seen only inside a longer term is never marked."""
    zh = src / "glossary" / "zh.yml"
    words = (src / "text" / "zh.txt").read_text(encoding="utf-8")
    assert words.count("警察派遣国") == words.count("部队和警察派遣国") == 1  # setup
    set_key(zh, "civil-society", "term", "警察派遣国")
    assert error(src) == (f"{ZH}:{id_line(zh, 'civil-society')}: found term 'civil-society' (警察派遣国) "
                          "in no paragraph of source/text/zh.txt; expected every term to occur in its "
                          "language's text")


# -- an unknown related id ------------------------------------------------------------------------

def test_unknown_related_id(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "impartiality", "related", "[basic-principles-of-peacekeeping, neutrality]")
    assert error(src) == (f"{ZH}:{key_line(zh, 'impartiality', 'related')}: found related id 'neutrality' in "
                          "'impartiality'; expected the id of a term in this glossary")


def test_unknown_related_id_in_english(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "related", "[basic-principle-of-peacekeeping]")
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'related')}: found related id "
                          "'basic-principle-of-peacekeeping' in 'impartiality'; expected the id of a term in "
                          "this glossary")


def test_related_to_itself(src):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "impartiality", "related", "[basic-principles-of-peacekeeping, impartiality]")
    assert error(src) == (f"{ZH}:{key_line(zh, 'impartiality', 'related')}: found 'impartiality' related to "
                          "itself; expected the ids of other terms in 'related'")


def test_related_term_twice(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "related",
            "[basic-principles-of-peacekeeping, basic-principles-of-peacekeeping]")
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'related')}: found related id "
                          "'basic-principles-of-peacekeeping' a second time in 'impartiality'; "
                          "expected each related term once")


def test_related_as_a_block_list_names_the_item_line(src):
    """Written one item a line, the message names the line of the faulty item, not of 'related:'."""
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "impartiality", "related", "")
    insert_after_key(zh, "impartiality", "related", "      - basic-principles-of-peacekeeping")
    lines = lines_of(zh)
    lines.insert(key_line(zh, "impartiality", "related") + 1, "      - impartiality")
    zh.write_text("\n".join(lines), encoding="utf-8")
    assert error(src) == (f"{ZH}:{key_line(zh, 'impartiality', 'related') + 2}: found 'impartiality' related "
                          "to itself; expected the ids of other terms in 'related'")


def test_alias_bomb_in_a_definition_is_refused(src):
    """A "billion laughs": nine levels of nine aliases would expand to 9**9 copies. The first
    anchor stops it, with its line."""
    zh = src / "glossary" / "zh.yml"
    bomb = ['x0: &a0 "lol"'] + [f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    set_key(zh, "impartiality", "definition", "*a9")  # the definition would be 9**9 strings
    original = zh.read_text(encoding="utf-8")
    zh.write_text("\n".join(bomb) + "\n" + original, encoding="utf-8")
    assert error(src) == (f"{ZH}:1: found the YAML anchor '&a0'; expected the value written out in full "
                          "(source files use no YAML anchors '&' or aliases '*')")


def test_alias_in_a_definition_is_refused(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "variants", "*same")
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'variants')}: found the YAML alias '*same'; "
                          "expected the value written out in full (source files use no YAML anchors '&' "
                          "or aliases '*')")


# -- an id that is not lower-case ASCII words joined by hyphens ----------------------------------

@pytest.mark.parametrize("key, shown", [
    ("中立", "'中立'"),
    ("impartialité", "'impartialité'"),
    ("Impartiality", "'Impartiality'"),
    ("impartiality_", "'impartiality_'"),
    ("-impartiality", "'-impartiality'"),
    ("im--partiality", "'im--partiality'"),
    ("im partiality", "'im partiality'"),
    ("404", "404"),  # YAML reads a number, not a text
])
def test_invalid_id(src, key, shown):
    zh = src / "glossary" / "zh.yml"
    line = id_line(zh, "impartiality")
    replace_block(zh, "impartiality", [f"  {key}:"] + lines_of(zh)[line:block(zh, "impartiality")[1]])
    assert error(src) == (f"{ZH}:{line}: found term id {shown}; expected lower-case ASCII words joined by "
                          "hyphens")


# -- bad keys and values ----------------------------------------------------------------------------

def test_misspelt_key(src):
    zh = src / "glossary" / "zh.yml"
    line = key_line(zh, "impartiality", "definition")
    content = lines_of(zh)
    content[line - 1] = content[line - 1].replace("    definition:", "    defintion:")
    zh.write_text("\n".join(content), encoding="utf-8")
    assert error(src) == f"{ZH}:{line}: found key 'defintion' in term 'impartiality'; expected {KEYS}"


def test_extra_key(src):
    en = src / "glossary" / "en.yml"
    insert_after_key(en, "impartiality", "term", "    note: not a glossary key")
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'note')}: found key 'note' in term "
                          f"'impartiality'; expected {KEYS}")


def test_two_extra_keys_name_the_first_alphabetically(src):
    zh = src / "glossary" / "zh.yml"
    insert_after_key(zh, "impartiality", "term", "    see: x")
    insert_after_key(zh, "impartiality", "term", "    note: y")
    assert error(src) == (f"{ZH}:{key_line(zh, 'impartiality', 'note')}: found key 'note' in term "
                          f"'impartiality'; expected {KEYS}")


def test_numeric_extra_key(src):
    zh = src / "glossary" / "zh.yml"
    insert_after_key(zh, "impartiality", "term", "    1: x")
    assert error(src) == (f"{ZH}:{key_line(zh, 'impartiality', '1')}: found key '1' in term "
                          f"'impartiality'; expected {KEYS}")


def test_numeric_and_text_extra_keys_do_not_crash(src):
    """Two unknown keys of different types must still give a SourceError, not a TypeError."""
    zh = src / "glossary" / "zh.yml"
    insert_after_key(zh, "impartiality", "term", "    1: x")
    insert_after_key(zh, "impartiality", "term", "    note: y")
    message = error(src)
    lines = (key_line(zh, "impartiality", "1"), key_line(zh, "impartiality", "note"))
    assert message in [f"{ZH}:{lines[0]}: found key '1' in term 'impartiality'; expected {KEYS}",
                       f"{ZH}:{lines[1]}: found key 'note' in term 'impartiality'; expected {KEYS}"]


@pytest.mark.parametrize("key", ["term", "definition"])
def test_required_key_missing(src, key):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "impartiality", key, None)
    # the line of the term's mapping: its first key, just below the id
    assert error(src) == (f"{ZH}:{id_line(zh, 'impartiality') + 1}: found term 'impartiality' without "
                          f"'{key}'; expected a '{key}' key")


@pytest.mark.parametrize("value, shown", [('""', "an empty value"), ("", "an empty value"),
                                          ('"   "', "a value of only spaces"), ("42", "the number 42")])
def test_term_not_a_text(src, value, shown):
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "impartiality", "term", value)
    assert error(src) == (f"{ZH}:{key_line(zh, 'impartiality', 'term')}: found 'term': {shown}; "
                          "expected 'term' to be a non-empty text")


def test_empty_definition(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "definition", "''")
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'definition')}: found 'definition': an empty "
                          "value; expected 'definition' to be a non-empty text")


@pytest.mark.parametrize("key, value, found", [
    ("variants", "维和", "'variants' of 'peacekeeping': '维和'"),
    ("variants", '[维和, ""]', "an empty value in 'variants' of 'peacekeeping'"),
    ("variants", "[维和, 3]", "the number 3 in 'variants' of 'peacekeeping'"),
    ("related", "peacekeeping-operations", "'related' of 'peacekeeping': 'peacekeeping-operations'"),
])
def test_list_not_a_list_of_texts(src, key, value, found):
    """Worded for an editor: no Python list or type names."""
    zh = src / "glossary" / "zh.yml"
    set_key(zh, "peacekeeping", key, value)
    assert error(src) == (f"{ZH}:{key_line(zh, 'peacekeeping', key)}: found {found}; "
                          f"expected '{key}' to be a list of non-empty texts, like [a, b]")


def test_term_that_is_not_a_mapping(src):
    zh = src / "glossary" / "zh.yml"
    line = id_line(zh, "civil-society")
    replace_block(zh, "civil-society", ["  civil-society: 民间社会"])
    # the issue: every error names file *and line*; the line is that of the id
    assert error(src) == f"{ZH}:{line}: found '民间社会'; expected a mapping for term 'civil-society'"


def test_term_with_nothing_under_its_id(src):
    zh = src / "glossary" / "zh.yml"
    line = id_line(zh, "civil-society")
    replace_block(zh, "civil-society", ["  civil-society:"])
    # in an editor's words, not Python's (it was "found NoneType")
    assert error(src) == f"{ZH}:{line}: found an empty value; expected a mapping for term 'civil-society'"


def test_file_without_terms(src):
    en = src / "glossary" / "en.yml"
    content = en.read_text(encoding="utf-8")
    assert content.count("\nterms:\n") == 1
    en.write_text(content.replace("\nterms:\n", "\nentries:\n"), encoding="utf-8")
    assert error(src) == f"{EN}:{first_line_starting(en, 'entries:')}: found the glossary without 'terms'; " \
                         "expected a 'terms' key"


# -- lengths and characters of a definition ---------------------------------------------------------

DEFINITION_LIMIT = 2_000  # the issue: a 900 KB definition was accepted; the longest today has 528
FORM_LIMIT = 200  # a term or variant; the longest today has 94


def test_definition_of_the_longest_length_is_accepted(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "definition", "d" * DEFINITION_LIMIT)
    assert load.load_edition(load.Layout(src)).glossaries["en"].terms["impartiality"].definition == \
        "d" * DEFINITION_LIMIT


@pytest.mark.parametrize("size", [DEFINITION_LIMIT + 1, 900_000])
def test_definition_too_long(src, size):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "definition", "d" * size)
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'definition')}: found a definition of {size:,} "
                          f"characters; expected at most {DEFINITION_LIMIT:,} characters")


def test_variant_too_long(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "variants", "[" + "v" * (FORM_LIMIT + 1) + "]")
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'variants')}: found a variant of "
                          f"{FORM_LIMIT + 1:,} characters; expected at most {FORM_LIMIT:,} characters")


def test_term_too_long(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "term", "t" * (FORM_LIMIT + 1))
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'term')}: found a term of {FORM_LIMIT + 1:,} "
                          f"characters; expected at most {FORM_LIMIT:,} characters")


def test_lone_surrogate_in_a_definition(src):
    """It ended in a UnicodeEncodeError traceback when the page was written."""
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "definition", '"Impartial \\udc80 conduct."')
    assert error(src) == (f"{EN}:{key_line(en, 'impartiality', 'definition')}: found U+DC80, half of a surrogate "
                          "pair and no character, in a value; expected a whole character: the character itself, or "
                          "its code point in an escape of eight hex digits (\\U0001F600)")


def test_direction_override_in_a_definition(src):
    en = src / "glossary" / "en.yml"
    set_key(en, "impartiality", "definition", "Impartial \u202econduct.")
    line = key_line(en, "impartiality", "definition")
    column = len("    definition: Impartial ") + 1
    assert error(src) == (f"{EN}:{line}: found the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at column "
                          f"{column}; expected only visible characters, spaces, tabs and line breaks (delete the "
                          "invisible character)")


def test_symbolic_link_to_a_valid_copy_outside(src):
    """It published the outside file."""
    outside = src.parent / "en-outside.yml"
    outside.write_bytes((src / "glossary" / "en.yml").read_bytes())
    (src / "glossary" / "en.yml").unlink()
    (src / "glossary" / "en.yml").symlink_to(outside)
    assert error(src) == (f"{EN}: found a symbolic link; expected the file itself, not a symbolic link (copy the "
                          "file here in place of the link)")


def test_pinyin_is_kept_between_builds_and_read_back(tmp_path, monkeypatch):
    """The Chinese glossary's pinyin comes from disk once found: pypinyin is asked once."""
    import pypinyin

    from hooks.edition import glossary as glossary_module

    monkeypatch.setattr(glossary_module, "PINYIN_CACHE", tmp_path / "pinyin")
    asked = []
    real = pypinyin.lazy_pinyin
    monkeypatch.setattr(pypinyin, "lazy_pinyin", lambda word, **k: asked.append(word) or real(word, **k))
    words = ["维和行动", "安全理事会"]
    first = glossary_module.pinyin(words)
    assert first == {"维和行动": ["wei2", "he2", "xing2", "dong4"], "安全理事会": ["an1", "quan2", "li3", "shi4", "hui4"]}
    assert glossary_module.pinyin(list(reversed(words))) == first and len(asked) == 2  # the second from disk
    glossary_module.pinyin(words + ["和平"])
    assert len(asked) == 5  # other words: asked again
