"""Golden-file tests for the glossary matcher (hooks/terms.py).

Each ``tests/golden/terms/NAME.yml`` holds the terms and an input fragment; ``NAME.html`` the
expected output. Regenerate after a deliberate change with ``pytest tests/test_terms.py
--update``, then read the diff: the golden files were checked by hand.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from hooks import terms

GOLDEN = Path(__file__).resolve().parent / "golden" / "terms"
CASES = sorted(p.stem for p in GOLDEN.glob("*.yml"))


def render_case(case: dict) -> str:
    forms = [(form, term_id) for term_id, term in case["terms"].items() for form in term["forms"]]
    matcher = terms.Matcher(forms, case["word_boundaries"])
    root = ET.fromstring(case["input"])
    count = 0

    def make_mark(match):
        nonlocal count
        count += 1
        link = ET.Element("a", {"class": "a4p-term", "href": f"#term-{match.term_id}",
                                "aria-describedby": f"tip-{count}"})
        link.text = match.form
        tip = ET.Element("span", {"role": "tooltip", "id": f"tip-{count}", "data-apparatus": ""})
        tip.text = case["terms"][match.term_id]["definition"]
        return [link, tip]

    terms.mark(root, matcher, make_mark)
    return ET.tostring(root, encoding="unicode", method="html") + "\n"


@pytest.mark.parametrize("name", CASES)
def test_golden(name, update_golden):
    case = yaml.safe_load((GOLDEN / f"{name}.yml").read_text(encoding="utf-8"))
    output = render_case(case)
    expected_file = GOLDEN / f"{name}.html"
    if update_golden:
        expected_file.write_text(output, encoding="utf-8")
    assert output == expected_file.read_text(encoding="utf-8")


def test_every_case_has_an_expected_file():
    assert CASES and all((GOLDEN / f"{name}.html").exists() for name in CASES)


def test_matches_are_leftmost_longest_and_never_overlap():
    matcher = terms.Matcher([("维和", "a"), ("维和行动", "b"), ("行动", "c")], word_boundaries=False)
    found = [(m.start, m.end, m.term_id) for m in matcher.find("维和行动和行动")]
    assert found == [(0, 4, "b"), (5, 7, "c")]


def test_word_boundaries_use_letters_and_digits_of_any_script():
    matcher = terms.Matcher([("AU", "au")], word_boundaries=True)
    assert [m.start for m in matcher.find("AU, AUé éAU (AU) AU2")] == [0, 13]
