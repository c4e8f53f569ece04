"""hooks.edition.structure.load: the pages and their paragraphs, fixed by CONTRACT.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.edition import structure
from tests import source_errors
from tests.sourcecopy import SOURCE, edit, line_containing as line

# CONTRACT.md, "Pages and paragraphs": slug -> (first, last paragraph)
CONTRACT = {
    "preamble": (1, 3), "politics": (4, 7), "women-peace-security": (8, 8), "protection": (9, 10),
    "safety-security": (11, 12), "performance": (13, 15), "peacebuilding": (16, 17),
    "partnerships": (18, 20), "conduct": (21, 23), "follow-up": (24, 24),
}
EDITORIAL = {"preamble", "women-peace-security", "follow-up"}  # CONTRACT.md: "(editorial)"


@pytest.fixture
def yml(src) -> Path:
    """structure.yml in a private copy of source/, to break one thing in."""
    return src / "structure.yml"


def lines(path: Path, needle: str) -> list[int]:
    """The numbers of the lines that contain ``needle``."""
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line]


def error(path: Path) -> str:
    return source_errors.error(structure.load, path, Path("source/structure.yml"))


def test_real_structure_is_the_contract():
    loaded = structure.load(SOURCE / "structure.yml")
    assert loaded.paragraph_count == 24  # CONTRACT.md: 24 numbered paragraphs
    assert {p.slug: (p.first, p.last) for p in loaded.pages} == CONTRACT
    assert loaded.slugs == tuple(CONTRACT)  # reading order
    assert {p.slug for p in loaded.pages if p.editorial_heading} == EDITORIAL
    # CONTRACT.md: the eight areas are politics to conduct
    assert [p.slug for p in loaded.areas] == list(CONTRACT)[1:9]


@pytest.mark.parametrize("number, slug", [(1, "preamble"), (8, "women-peace-security"), (10, "protection"),
                                          (24, "follow-up")])
def test_page_of(number, slug):
    assert structure.load(SOURCE / "structure.yml").page_of(number).slug == slug


def test_page_of_unknown_paragraph():
    with pytest.raises(KeyError):
        structure.load(SOURCE / "structure.yml").page_of(25)


def test_paragraph_claimed_by_two_pages(yml):
    edit(yml, "paragraphs: 4-7", "paragraphs: 3-7")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 3-7')}: found paragraph 3 claimed "
                          "by 'politics' and 'preamble'; expected each paragraph on exactly one page")


def test_pages_out_of_reading_order(yml):
    wps = "  - slug: women-peace-security\n    paragraphs: 8\n    heading: editorial\n    area: true\n"
    protection = "  - slug: protection\n    paragraphs: 9-10\n    heading: supplied\n    area: true\n"
    edit(yml, wps + protection, protection + wps)
    assert error(yml) == (
        f"source/structure.yml:{line(yml, 'slug: protection')}: found page 'protection' starting at "
        "paragraph 9; expected pages in reading order, this one starting at paragraph 8")


def test_gap_between_pages(yml):
    edit(yml, "paragraphs: 4-7", "paragraphs: 5-7")
    assert error(yml) == (
        f"source/structure.yml:{line(yml, 'slug: politics')}: found page 'politics' starting at "
        "paragraph 5; expected pages in reading order, this one starting at paragraph 4")


def test_paragraph_on_no_page(yml):
    edit(yml, "\nparagraphs: 24\n", "\nparagraphs: 25\n")
    # the line is that of the pages list, whose first item is preamble
    assert error(yml) == (f"source/structure.yml:{line(yml, 'slug: preamble')}: found paragraph 25 on no page; "
                          "expected every paragraph 1-25 on a page")


def test_slug_twice(yml):
    edit(yml, "slug: protection", "slug: politics")
    second = lines(yml, "slug: politics")[1]
    assert error(yml) == f"source/structure.yml:{second}: found slug 'politics' a second time; expected each slug once"


@pytest.mark.parametrize("slug", ["Follow-Up", "follow_up", "follow--up"])
def test_malformed_slug(yml, slug):
    edit(yml, "slug: follow-up", f"slug: {slug}")
    assert error(yml) == (f"source/structure.yml:{line(yml, f'slug: {slug}')}: found slug '{slug}'; "
                          "expected lower-case ASCII words joined by hyphens")


def test_range_beyond_the_count(yml):
    edit(yml, "paragraphs: 9-10", "paragraphs: 9-25")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 9-25')}: found paragraphs 9-25; "
                          "expected a range within 1-24")


def test_range_not_a_range(yml):
    edit(yml, "paragraphs: 9-10", "paragraphs: 9 to 10")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 9 to 10')}: found paragraphs '9 to 10'; "
                          "expected a number or a range like 4-7")


def test_unknown_key(yml):
    edit(yml, "    paragraphs: 8\n", "    paragraphs: 8\n    areas: true\n")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'areas: true')}: found key 'areas' in page "
                          "'women-peace-security'; expected only the keys area, heading, paragraphs, slug")


def test_unknown_heading_kind(yml):
    edit(yml, "paragraphs: 1-3\n    heading: editorial", "paragraphs: 1-3\n    heading: edited")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'heading: edited')}: found heading 'edited'; "
                          "expected heading: supplied or heading: editorial")


def test_page_without_heading(yml):
    edit(yml, "paragraphs: 4-7\n    heading: supplied\n", "paragraphs: 4-7\n")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'slug: politics')}: found page 'politics' without "
                          "'heading'; expected a 'heading' key")


def test_bad_yaml_syntax(yml):
    edit(yml, "paragraphs: 4-7", "paragraphs: 4-7: 8")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 4-7: 8')}: found invalid YAML "
                          "(mapping values are not allowed here); expected well-formed YAML")


def test_duplicate_key_in_yaml(yml):
    edit(yml, "paragraphs: 4-7\n", "paragraphs: 4-7\n    area: false\n")
    # politics now reads: slug, paragraphs, area: false, heading, area: true (the duplicate)
    duplicate = line(yml, "slug: politics") + 4
    assert error(yml) == (f"source/structure.yml:{duplicate}: found invalid YAML (duplicate key 'area'); "
                          "expected well-formed YAML")


def test_missing_file(yml):
    yml.unlink()
    assert error(yml) == "source/structure.yml: found no such file; expected the file to exist"


# -- absurd sizes and numbers that are not plain decimal ------------------------------------------

def test_structure_claiming_too_many_paragraphs(yml):
    """A billion paragraphs would be looped over (and MemoryError); the issue: more than 1,000 get a message."""
    edit(yml, "\nparagraphs: 24\n", "\nparagraphs: 1000000000\n")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 1000000000')}: found paragraphs: "
                          "1000000000; expected a number of paragraphs from 1 to 1,000")


def test_structure_claiming_1001_paragraphs(yml):
    edit(yml, "\nparagraphs: 24\n", "\nparagraphs: 1001\n")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 1001')}: found paragraphs: 1001; "
                          "expected a number of paragraphs from 1 to 1,000")


def test_structure_claiming_no_paragraphs(yml):
    edit(yml, "\nparagraphs: 24\n", "\nparagraphs: 0\n")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 0')}: found paragraphs: 0; "
                          "expected a number of paragraphs from 1 to 1,000")


def test_count_with_a_leading_zero(yml):
    """YAML 1.1 reads 024 as 20 (octal); the sources keep it as the text '024'."""
    edit(yml, "\nparagraphs: 24\n", "\nparagraphs: 024\n")
    assert error(yml) == (f"source/structure.yml:{line(yml, 'paragraphs: 024')}: found 'paragraphs': '024'; "
                          "expected 'paragraphs' to be a non-empty number")


@pytest.mark.parametrize("span", ["09-10", "９-10", "9-١٠", "010"])
def test_range_not_in_ascii_digits(yml, span):
    edit(yml, "paragraphs: 9-10", f'paragraphs: "{span}"')
    assert error(yml) == (f"source/structure.yml:{line(yml, span)}: found paragraphs '{span}'; "
                          "expected a number or a range like 4-7")


def test_anchor_in_the_structure(yml):
    edit(yml, "  - slug: protection\n", "  - &p slug: protection\n")
    assert error(yml) == (f"source/structure.yml:{line(yml, '&p slug')}: found the YAML anchor '&p'; expected the "
                          "value written out in full (source files use no YAML anchors '&' or aliases '*')")
