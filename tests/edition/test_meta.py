"""source/edition.yml: the facts shared by every language, with exact messages."""

from __future__ import annotations

import datetime

import pytest

from hooks.edition import meta
from tests import source_errors
from tests.sourcecopy import edit, line

SHOWN = "source/edition.yml"


def load(src):
    return meta.load(src / "edition.yml", src / "edition.yml")


def error(src) -> str:
    return source_errors.error(load, src).replace(str(src / "edition.yml"), SHOWN)


def test_the_real_facts(src):
    # 25 September 2018, the high-level meeting; circulated in August 2018 (issue 7's review)
    assert load(src) == meta.Facts("2018-08", datetime.date(2018, 9, 25), "a4p-declaration")


@pytest.mark.parametrize("value", ["2018-9-25", "25.09.2018", "2018-02-30", "2018-09-25T00:00"])
def test_a_date_not_written_yyyy_mm_dd(src, value):
    edit(src / "edition.yml", 'marked: "2018-09-25"', f'marked: "{value}"')
    assert error(src) == (f"{SHOWN}:{line(src / 'edition.yml', '  marked:')}: found marked {value!r}; "
                          'expected a date written "YYYY-MM-DD", e.g. "2018-09-25"')


@pytest.mark.parametrize("value", ["2018", "2018-13", "August 2018"])
def test_a_month_not_written_yyyy_mm(src, value):
    edit(src / "edition.yml", 'circulated: "2018-08"', f'circulated: "{value}"')
    assert error(src) == (f"{SHOWN}:{line(src / 'edition.yml', '  circulated:')}: found circulated {value!r}; "
                          'expected a year and month written "YYYY-MM", e.g. "2018-08"')


def test_an_edition_id_that_is_not_a_slug(src):
    edit(src / "edition.yml", "id: a4p-declaration", "id: A4P Declaration")
    assert error(src) == (f"{SHOWN}:{line(src / 'edition.yml', '  id:')}: found id 'A4P Declaration'; "
                          "expected lower-case ASCII letters, digits and hyphens, e.g. a4p-declaration")


def test_a_missing_date(src):
    edit(src / "edition.yml", '  marked: "2018-09-25"\n', "")
    # a mapping's line is that of its first key
    assert error(src) == (f"{SHOWN}:{line(src / 'edition.yml', '  circulated:')}: found 'declaration' without "
                          "'marked'; expected a 'marked' key")
