"""hooks/pages/after.py: under a paragraph, the instruments that came after it, read back as
HTML and checked against source/instruments.yml and source/instruments/{lang}.yml, read here
with plain YAML."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from hooks.pages.elements import to_html
from hooks.pages.paragraphs import paragraph
from tests.htmltext import Page
from tests.pages.contexts import context

SOURCE = Path(__file__).resolve().parents[2] / "source"
FACTS = yaml.safe_load((SOURCE / "instruments.yml").read_text(encoding="utf-8"))["instruments"]
LANGUAGES = [entry["code"] for entry in
             yaml.safe_load((SOURCE / "languages.yml").read_text(encoding="utf-8"))["languages"]]


def as_text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def expected(number: int) -> list[str]:
    """The ids that bear on paragraph ``number``, in date order (the file's order on a tie)."""
    bearing = [(as_text(item["date"]), item_id) for item_id, item in FACTS.items() if number in item["paragraphs"]]
    return [item_id for _, item_id in sorted(bearing, key=lambda pair: pair[0])]


def rendered(edition, derived, code: str, number: int) -> ET.Element:
    spec = edition.structure.page_of(number)
    para = next(p for p in edition.paragraphs(code, spec) if p.number == number)
    return ET.fromstring(to_html(paragraph(context(edition, derived, code, spec.slug), para)))


BEARING = sorted({n for item in FACTS.values() for n in item["paragraphs"]})
NONE = [n for n in range(1, 25) if n not in BEARING]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("number", BEARING)
def test_a_paragraph_lists_what_came_after_it_in_date_order(edition, derived, code, number):
    labels = yaml.safe_load((SOURCE / "instruments" / f"{code}.yml").read_text(encoding="utf-8"))["instruments"]
    box = rendered(edition, derived, code, number)
    blocks = box.findall("details")
    assert len(blocks) == 1
    block = blocks[0]
    assert block.get("class") == "a4p-after" and block.get("data-apparatus") == ""
    assert block.get("open") is None, "closed by default"
    ids = expected(number)
    summary = block.find("summary")
    assert "".join(summary.itertext()) == f"{edition.strings[code]['after.title']} ({len(ids)})"
    lines = block.findall("ul/li")
    assert len(lines) == len(ids)
    for line, item_id in zip(lines, ids):
        fact, label = FACTS[item_id], labels[item_id]
        name = line.find("a")
        assert name.text == label["name"].strip()
        if "symbol" in fact:
            assert name.get("href") == f"https://undocs.org/{code}/{fact['symbol'].replace(' ', '')}"
            assert name.get("hreflang") == code
            assert line.find("span[@class='a4p-after__symbol']/bdi").text == fact["symbol"]
        else:
            assert name.get("href") == fact["link"]
        times = line.findall("span[@class='a4p-after__date']/time")
        want = [as_text(fact["date"])] + ([as_text(fact["end"])] if "end" in fact else [])
        assert [(t.get("datetime"), t.text, t.get("dir")) for t in times] == [(d, d, "ltr") for d in want]
        assert line.find("span[@class='a4p-after__relation']").text == label["paragraphs"][number].strip()


@pytest.mark.parametrize("number", NONE)
def test_a_paragraph_nothing_came_after_has_no_block(edition, derived, number):
    assert rendered(edition, derived, LANGUAGES[0], number).find("details") is None


def test_the_block_is_never_part_of_the_words(edition, derived):
    number = BEARING[0]
    spec = edition.structure.page_of(number)
    para = next(p for p in edition.paragraphs("en", spec) if p.number == number)
    html = to_html(paragraph(context(edition, derived, "en", spec.slug), para))
    assert Page(html).words(f"para-{number}") == para.words


def test_a_name_with_markup_stays_text(edition, derived):
    number = BEARING[0]
    item_id = expected(number)[0]
    labels = dict(edition.instruments.labels)
    labels["en"] = {**labels["en"], item_id: dataclasses.replace(labels["en"][item_id], name="<b>bold</b> & co")}
    changed = dataclasses.replace(edition, instruments=dataclasses.replace(edition.instruments, labels=labels))
    spec = changed.structure.page_of(number)
    para = next(p for p in changed.paragraphs("en", spec) if p.number == number)
    html = to_html(paragraph(context(changed, derived, "en", spec.slug), para))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html and "<b>" not in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_offline_every_link_is_marked_online_only_and_online_none(edition, derived, code):
    number = BEARING[0]
    spec = edition.structure.page_of(number)
    para = next(p for p in edition.paragraphs(code, spec) if p.number == number)
    label = edition.strings[code]["after.online_only"]
    for directory_urls, marked in ((False, True), (True, False)):
        box = ET.fromstring(to_html(paragraph(context(edition, derived, code, spec.slug,
                                                      directory_urls=directory_urls), para)))
        lines = box.findall("details/ul/li")
        assert lines, f"paragraph {number} shows no instrument"
        for line in lines:
            marks = line.findall("span[@class='a4p-online-only']")
            assert [(m.get("role"), m.get("aria-label")) for m in marks] == ([("img", label)] if marked else [])
