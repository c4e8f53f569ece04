"""source/edition.yml: the facts shared by every language, with exact messages."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from hooks.edition import meta
from hooks.errors import SourceError
from tests import source_errors
from tests.sourcecopy import edit, line

SHOWN = "source/edition.yml"


def load(src):
    return meta.load(src / "edition.yml", src / "edition.yml")


def error(src) -> str:
    return source_errors.error(load, src).replace(str(src / "edition.yml"), SHOWN)


def test_the_real_facts(src):
    # 25 September 2018, the high-level meeting; circulated in August 2018 (issue 7's review)
    facts = load(src)
    assert (facts.circulated, facts.marked, facts.edition_id) == ("2018-08", datetime.date(2018, 9, 25),
                                                                  "a4p-declaration")
    # the endorsements as the UN pages give them (docs/decisions/instruments.md, read there by hand)
    assert [(e.by, e.member_states, e.organizations, e.more_than) for e in facts.endorsements] == [
        ("2018-09-25", 146, 4, None), ("2019-02", None, None, 150), ("2021-03", 154, 4, None)]
    assert [e.evidence.split("/")[2] for e in facts.endorsements] == [
        "peacekeeping.un.org", "press.un.org", "peacekeeping.un.org"]


FIRST_BY = '    - by: "2018-09-25"'


@pytest.mark.parametrize("old, new, at, found, expected", [
    ('- by: "2018-09-25"', '- by: "25 September 2018"', '    - by: "25 Sep', "by '25 September 2018'",
     'a date written "YYYY-MM-DD", or "YYYY-MM" where the page gives the month only'),
    ('- by: "2019-02"', '- by: "2019-13"', '    - by: "2019-13"', "by '2019-13'",
     'a date written "YYYY-MM-DD", or "YYYY-MM" where the page gives the month only'),
    ('- by: "2021-03"', '- by: "2018-01"', '    - by: "2018-01"', "by '2018-01' after '2019-02'",
     "the endorsements in date order"),
    ("      member_states: 146\n", "      member_states: many\n", "      member_states: many",
     "member_states: 'many'", "a whole number above 0"),
    ("      organizations: 4\n      evidence: https://peacekeeping.un.org/en/note",
     "      evidence: https://peacekeeping.un.org/en/note", FIRST_BY,
     "an endorsement with member_states", "member_states and organizations, or more_than alone"),
    ("      more_than: 150\n", "      more_than: 150\n      member_states: 150\n", '    - by: "2019-02"',
     "an endorsement with member_states, more_than", "member_states and organizations, or more_than alone"),
    ("      evidence: https://press.un.org/en/2019/sgsm19463.doc.htm",
     "      evidence: http://press.un.org/en/2019/sgsm19463.doc.htm", "      evidence: http://",
     "evidence 'http://press.un.org/en/2019/sgsm19463.doc.htm'", "an address starting with https://"),
    ("      more_than: 150\n", "      more_than: 150\n      source: SG/SM/19463\n", "      source:",
     "key 'source' in an endorsement", "only the keys by, member_states, organizations, more_than, evidence, checked"),
])
def test_an_endorsement_that_is_not_as_expected(src, old, new, at, found, expected):
    edit(src / "edition.yml", old, new)
    assert error(src) == f"{SHOWN}:{line(src / 'edition.yml', at)}: found {found}; expected {expected}"


def test_an_endorsement_source_on_a_host_not_listed(src):
    # the hosts come from source/instruments.yml (hooks/edition/load.py); here two of them
    hosts = ("undocs.org", "press.un.org")
    assert meta.load(src / "edition.yml", src / "edition.yml", ("peacekeeping.un.org", "press.un.org"))
    with pytest.raises(SourceError) as caught:
        meta.load(src / "edition.yml", Path(SHOWN), hosts, "'hosts' of source/instruments.yml")
    at = line(src / "edition.yml", "      evidence: https://peacekeeping.un.org/en/note")
    assert str(caught.value) == (f"{SHOWN}:{at}: found evidence on the host 'peacekeeping.un.org'; expected a host "
                                 "listed under 'hosts' of source/instruments.yml (undocs.org, press.un.org); add a UN "
                                 "host there only after checking that it is one")


def test_an_endorsement_date_written_without_quotes_is_read_as_written(src):
    edit(src / "edition.yml", '- by: "2018-09-25"', "- by: 2018-09-25")
    assert load(src).endorsements[0].by == "2018-09-25"


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


LANGUAGES = ("zh", "en", "fr", "es", "ru", "ar")  # source/languages.yml


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_glossary_entry_of_the_declaration_gives_the_dated_figures(src, code):
    """The glossary's entry for the declaration says who had endorsed it as dated statements,
    the first and the latest exact figures of source/edition.yml with their years, never the
    undated "more than 150" of a live count. Read with plain YAML."""
    facts = yaml.safe_load((src / "edition.yml").read_text(encoding="utf-8"))["declaration"]["endorsements"]
    exact = [f for f in facts if "member_states" in f]
    entry = yaml.safe_load((src / "glossary" / f"{code}.yml").read_text(encoding="utf-8"))["terms"][
        "declaration-of-shared-commitments"]["definition"]
    numbers = re.findall(r"\d+", entry)
    # the Member States as digits, with the date's year, and its day where it has one (the
    # organizations, under ten, are written out as words, and the month is a word)
    for fact in (exact[0], exact[-1]):
        date = fact["by"].split("-")
        wanted = {str(fact["member_states"]), date[0]} | ({str(int(date[2]))} if len(date) == 3 else set())
        assert wanted <= set(numbers), entry
    assert all(str(f["more_than"]) not in numbers for f in facts if "more_than" in f), entry
