"""hooks/edition/instruments.py: the instruments after the declaration, facts and labels.

Every bad input stops with ``FILE:LINE: found …; expected …``; the lines are found in the test's
own YAML by searching it, never copied from the code's output.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from hooks.edition import instruments
from hooks.edition.load import Layout
from tests.source_errors import error

ROOT = Path(__file__).resolve().parents[2]
SHOWN = Path("source/instruments.yml")
LABELS_SHOWN = Path("source/instruments/en.yml")
COUNT = 24

FACTS = """\
hosts:
  - undocs.org
  - press.un.org
  - peacekeeping.un.org
instruments:
  s-res-2518-2020:
    kind: sc-resolution
    symbol: S/RES/2518 (2020)
    date: "2020-03-30"
    precision: day
    paragraphs: [11, 12]
    evidence:
      - url: https://press.un.org/en/2020/sc14153.doc.htm
        checked: "2026-12-06"
  cpas:
    kind: policy
    date: "2018-08"
    precision: month
    link: https://peacekeeping.un.org/en/cpas
    paragraphs: [13]
    evidence:
      - url: https://peacekeeping.un.org/en/cpas
        checked: "2026-12-06"
  seoul:
    kind: meeting
    date: "2021-12-07"
    end: "2021-12-08"
    precision: day
    link: https://peacekeeping.un.org/en/seoul
    paragraphs: [24]
    evidence:
      - url: https://peacekeeping.un.org/en/seoul
        checked: "2026-12-06"
"""

LABELS = """\
instruments:
  s-res-2518-2020:
    name: Security Council resolution 2518 (2020)
    paragraphs:
      11: One.
      12: Two.
  cpas:
    name: CPAS
    paragraphs:
      13: Three.
  seoul:
    name: Seoul
    paragraphs:
      24: Four.
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    found = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[occurrence - 1]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def facts(tmp_path: Path, text: str = FACTS):
    return instruments.load(write(tmp_path, "instruments.yml", text), SHOWN, COUNT)


def test_the_facts_read_in_date_order(tmp_path):
    hosts, items = facts(tmp_path)
    assert hosts == ("undocs.org", "press.un.org", "peacekeeping.un.org")
    assert list(items) == ["cpas", "s-res-2518-2020", "seoul"]
    resolution = items["s-res-2518-2020"]
    assert (resolution.kind, resolution.symbol, resolution.date, resolution.precision) == (
        "sc-resolution", "S/RES/2518 (2020)", "2020-03-30", "day")
    assert resolution.paragraphs == (11, 12)
    assert resolution.evidence == (instruments.Evidence("https://press.un.org/en/2020/sc14153.doc.htm",
                                                        datetime.date(2026, 12, 6)),)
    assert resolution.line == line_of(FACTS, "s-res-2518-2020:")
    assert items["seoul"].end == "2021-12-08"


def test_links_a_symbol_to_its_document_in_each_language_and_others_to_their_page(tmp_path):
    _, items = facts(tmp_path)
    assert items["s-res-2518-2020"].link("fr") == "https://undocs.org/fr/S/RES/2518(2020)"
    assert items["s-res-2518-2020"].link("zh") == "https://undocs.org/zh/S/RES/2518(2020)"
    assert items["cpas"].link("ar") == "https://peacekeeping.un.org/en/cpas"


def test_only_a_full_date_is_a_date(tmp_path):
    _, items = facts(tmp_path)
    assert items["s-res-2518-2020"].full_date == "2020-03-30"
    assert items["cpas"].full_date is None


def test_of_paragraph(tmp_path):
    _, items = facts(tmp_path)
    found = instruments.Instruments(SHOWN, items, {})
    assert [item.id for item in found.of_paragraph(12)] == ["s-res-2518-2020"]
    assert found.of_paragraph(1) == []


def broken(old: str, new: str) -> str:
    assert old in FACTS, old
    return FACTS.replace(old, new, 1)


# (what is broken, the text with it, the line's needle, the found part, the expected part)
BAD_FACTS = [
    ("unknown paragraph", broken("paragraphs: [11, 12]", "paragraphs: [11, 25]"), "paragraphs: [11, 25]",
     "paragraph 25 in 's-res-2518-2020'", "a paragraph number from 1 to 24 (source/structure.yml)"),
    ("paragraph twice", broken("paragraphs: [11, 12]", "paragraphs: [11, 11]"), "paragraphs: [11, 11]",
     "paragraph 11 a second time in 's-res-2518-2020'", "each paragraph once"),
    ("no paragraphs", broken("    paragraphs: [13]\n", "    paragraphs: []\n"), "paragraphs: []",
     "'paragraphs' of 'cpas': an empty list", "a list of paragraph numbers from 1 to 24, like [11, 12]"),
    ("a day in none of the forms", broken('date: "2020-03-30"', 'date: "2020-3-30"'), 'date: "2020-3-30"',
     "date '2020-3-30'", 'a date written "YYYY-MM-DD" (precision: day), e.g. "2020-03-30"'),
    ("no such day", broken('date: "2020-03-30"', 'date: "2020-02-30"'), 'date: "2020-02-30"',
     "date '2020-02-30'", 'a date written "YYYY-MM-DD" (precision: day), e.g. "2020-03-30"'),
    ("a month written as a day", broken('date: "2018-08"', 'date: "2018-08-01"'), 'date: "2018-08-01"',
     "date '2018-08-01'", 'a date written "YYYY-MM" (precision: month), e.g. "2018-08"'),
    ("a month 13", broken('date: "2018-08"', 'date: "2018-13"'), 'date: "2018-13"',
     "date '2018-13'", 'a date written "YYYY-MM" (precision: month), e.g. "2018-08"'),
    ("unknown precision", broken("precision: month", "precision: week"), "precision: week",
     "precision 'week'", "day, month or year"),
    ("an end before the start", broken('end: "2021-12-08"', 'end: "2021-12-06"'), 'end: "2021-12-06"',
     "end '2021-12-06' with date '2021-12-07' (day)", "an end only after a date with precision: day "
     "(a meeting's last day)"),
    ("a symbol not matching its kind", broken("symbol: S/RES/2518 (2020)", "symbol: S/RES/2518"),
     "symbol: S/RES/2518", "symbol 'S/RES/2518' for a sc-resolution", 'a symbol like "S/RES/2518 (2020)"'),
    ("a symbol of another year", broken("symbol: S/RES/2518 (2020)", "symbol: S/RES/2518 (2019)"),
     "symbol: S/RES/2518 (2019)", "symbol 'S/RES/2518 (2019)' with date '2020-03-30'",
     "the year in the symbol and the year of the date the same"),
    ("a symbol for a kind without", broken("    kind: policy\n", "    kind: policy\n    symbol: A/78/19\n"),
     "symbol: A/78/19", "a symbol for a policy", "no symbol: only sc-resolution, ga-resolution, ga-report have one"),
    ("unknown kind", broken("kind: policy", "kind: treaty"), "kind: treaty", "kind 'treaty'",
     "one of sc-resolution, ga-resolution, ga-report, policy, initiative, meeting"),
    ("a link on another host", broken("link: https://peacekeeping.un.org/en/cpas", "link: https://example.org/cpas"),
     "link: https://example.org/cpas", "link on the host 'example.org'",
     "a host listed under 'hosts' (undocs.org, press.un.org, peacekeeping.un.org); add a UN host there only "
     "after checking that it is one"),
    ("a link not https", broken("link: https://peacekeeping.un.org/en/cpas", "link: http://peacekeeping.un.org/en/cpas"),
     "link: http://peacekeeping.un.org/en/cpas", "link 'http://peacekeeping.un.org/en/cpas'",
     "an address starting with https://"),
    ("a link beside a symbol", broken("    symbol: S/RES/2518 (2020)\n",
                                      "    symbol: S/RES/2518 (2020)\n    link: https://undocs.org/x\n"),
     "link: https://undocs.org/x", "a link for 's-res-2518-2020', which has a symbol",
     "no link: a symbol's link is its document in each language (undocs.org)"),
    ("no link", broken("    link: https://peacekeeping.un.org/en/cpas\n", ""), "  cpas:",
     "no link for 'cpas'", "link: the UN page that publishes it (https:)"),
    ("no evidence", broken("""    evidence:
      - url: https://peacekeeping.un.org/en/cpas
        checked: "2026-12-06"
""", ""), "  cpas:", "no evidence for 'cpas'",
     "a list of evidence entries, each with its url and the date it was checked"),
    ("evidence without its url", broken("""      - url: https://peacekeeping.un.org/en/cpas
        checked: "2026-12-06"
""", """      - checked: "2026-12-06"
"""), '      - checked: "2026-12-06"', "evidence of 'cpas': a mapping (keys and values)", "exactly the keys url and checked"),
    ("evidence on another host", broken("- url: https://press.un.org/en/2020/sc14153.doc.htm",
                                        "- url: https://example.org/sc14153"),
     "- url: https://example.org/sc14153", "evidence url on the host 'example.org'",
     "a host listed under 'hosts' (undocs.org, press.un.org, peacekeeping.un.org); add a UN host there only "
     "after checking that it is one"),
    ("a host with a scheme", broken("  - undocs.org\n", "  - https://undocs.org\n"), "  - https://undocs.org",
     "host 'https://undocs.org'", "a host name in lower case, like press.un.org (no https://, no path)"),
    ("an id not ASCII", broken("  cpas:\n", "  CPAS:\n"), "  CPAS:", "instrument id 'CPAS'",
     "lower-case ASCII words joined by hyphens"),
    ("an unquoted year", broken('date: "2018-08"\n    precision: month', 'date: 2018\n    precision: year'),
     "date: 2018", "date the number 2018", 'a date in quotes, written "YYYY" (precision: year), e.g. "2018"'),
    ("a malformed address", broken("link: https://peacekeeping.un.org/en/cpas", "link: https://[::1/cpas"),
     "link: https://[::1/cpas", "link 'https://[::1/cpas'", "an address starting with https://"),
    ("an end for another kind", broken('    date: "2020-03-30"\n', '    date: "2020-03-30"\n    end: "2020-03-31"\n'),
     'end: "2020-03-31"', "an end for a sc-resolution", "an end only for a meeting"),
    ("no hosts", broken("hosts:\n  - undocs.org\n  - press.un.org\n  - peacekeeping.un.org\n", "hosts: []\n"),
     "hosts: []", "'hosts' empty", "the UN hosts that links and evidence may name"),
    ("a number as an id", broken("  cpas:\n", "  2018:\n"), "  2018:", "instrument id 2018",
     "lower-case ASCII words joined by hyphens"),
    ("evidence as a text", broken("""      - url: https://peacekeeping.un.org/en/cpas
        checked: "2026-12-06"
""", """      - https://peacekeeping.un.org/en/cpas
"""), "      - https://peacekeeping.un.org/en/cpas", "evidence of 'cpas': 'https://peacekeeping.un.org/en/cpas'",
     "exactly the keys url and checked"),
    ("an unknown key", broken("    kind: policy\n", "    kind: policy\n    area: performance\n"),
     "area: performance", "key 'area' in instrument 'cpas'",
     "only the keys date, end, evidence, kind, link, paragraphs, precision, symbol"),
]


@pytest.mark.parametrize("text, needle, found, expected",
                         [case[1:] for case in BAD_FACTS], ids=[case[0] for case in BAD_FACTS])
def test_bad_facts_stop_with_file_line_found_expected(tmp_path, text, needle, found, expected):
    path = write(tmp_path, "instruments.yml", text)
    message = error(instruments.load, path, SHOWN, COUNT)
    assert message == f"{SHOWN}:{line_of(text, needle)}: found {found}; expected {expected}"


def test_a_duplicate_id_stops_with_its_line(tmp_path):
    text = FACTS + FACTS[FACTS.index("  cpas:\n"):FACTS.index("  seoul:\n")]
    message = error(instruments.load, write(tmp_path, "instruments.yml", text), SHOWN, COUNT)
    assert message == (f"{SHOWN}:{line_of(text, '  cpas:', 2)}: found invalid YAML (duplicate key 'cpas'); "
                       "expected well-formed YAML")


def labels(tmp_path: Path, text: str):
    _, items = facts(tmp_path)
    return instruments.load_labels(write(tmp_path, "en.yml", text), LABELS_SHOWN, items, SHOWN)


def test_the_labels_read(tmp_path):
    found = labels(tmp_path, LABELS)
    assert found["s-res-2518-2020"] == instruments.Label("Security Council resolution 2518 (2020)",
                                                         {11: "One.", 12: "Two."})
    assert list(found) == ["cpas", "s-res-2518-2020", "seoul"]  # the facts' order


def broken_labels(old: str, new: str) -> str:
    assert old in LABELS, old
    return LABELS.replace(old, new, 1)


BAD_LABELS = [
    ("a missing instrument", broken_labels("  seoul:\n    name: Seoul\n    paragraphs:\n      24: Four.\n", ""),
     "instruments:", "no instrument 'seoul'", "every instrument of source/instruments.yml, with its name and a "
     "sentence for each paragraph it bears on"),
    ("an instrument the facts lack", LABELS + "  london:\n    name: London\n    paragraphs:\n      24: Five.\n",
     "  london:", "instrument 'london'", "the instruments of source/instruments.yml, each once"),
    ("a missing sentence", broken_labels("      12: Two.\n", ""), "    paragraphs:",
     "no sentence for paragraph 12 in 's-res-2518-2020'", "one sentence for each of its paragraphs: 11, 12"),
    ("a paragraph it does not bear on", broken_labels("      13: Three.\n", "      13: Three.\n      14: Four.\n"),
     "      14: Four.", "paragraph 14 in 'cpas'", "only its paragraphs in source/instruments.yml: 13"),
    ("an empty name", broken_labels("    name: CPAS\n", '    name: ""\n'), '    name: ""',
     "its name of 'cpas': an empty value", "a non-empty text"),
    ("an empty sentence", broken_labels("      24: Four.\n", "      24:\n"), "      24:",
     "paragraph 24 of 'seoul': an empty value", "a non-empty text"),
    ("a quoted paragraph number", broken_labels("      13: Three.\n", '      "13": Three.\n'), '      "13": Three.',
     "paragraph '13' in 'cpas'", "a paragraph number, unquoted, like 12:"),
    ("true as a paragraph", broken_labels("      11: One.\n", "      true: One.\n"), "      true: One.",
     "paragraph True in 's-res-2518-2020'", "a paragraph number, unquoted, like 12:"),
    ("an unknown key", broken_labels("    name: CPAS\n", "    name: CPAS\n    note: x\n"), "    note: x",
     "key 'note' in instrument 'cpas'", "only the keys name, paragraphs"),
]


@pytest.mark.parametrize("text, needle, found, expected",
                         [case[1:] for case in BAD_LABELS], ids=[case[0] for case in BAD_LABELS])
def test_bad_labels_stop_with_file_line_found_expected(tmp_path, text, needle, found, expected):
    _, items = facts(tmp_path)
    path = write(tmp_path, "en.yml", text)
    message = error(instruments.load_labels, path, LABELS_SHOWN, items, SHOWN)
    assert message == f"{LABELS_SHOWN}:{line_of(text, needle)}: found {found}; expected {expected}"


def test_a_missing_label_file_is_a_message(tmp_path):
    _, items = facts(tmp_path)
    message = error(instruments.load_labels, tmp_path / "fr.yml", Path("source/instruments/fr.yml"), items, SHOWN)
    assert message.startswith("source/instruments/fr.yml")
    assert "Traceback" not in message
