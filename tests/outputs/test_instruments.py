"""a4p-instruments.json, its schema, and the paragraphs' related_instruments, read back from the
built site and checked against source/instruments.yml and source/instruments/{lang}.yml, which
are read here with plain YAML, independently of hooks/."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source"
FACTS = yaml.safe_load((SOURCE / "instruments.yml").read_text(encoding="utf-8"))
LANGUAGES = [entry["code"] for entry in
             yaml.safe_load((SOURCE / "languages.yml").read_text(encoding="utf-8"))["languages"]]
LABELS = {code: yaml.safe_load((SOURCE / "instruments" / f"{code}.yml").read_text(encoding="utf-8"))["instruments"]
          for code in LANGUAGES}
EDITION_ID = yaml.safe_load((SOURCE / "edition.yml").read_text(encoding="utf-8"))["edition"]["id"]
AREAS = [page for page in yaml.safe_load((SOURCE / "structure.yml").read_text(encoding="utf-8"))["pages"]
         if page.get("area")]


def numbers(spec: str) -> list[int]:
    first, _, last = str(spec).partition("-")
    return list(range(int(first), int(last or first) + 1))


def load(site: Path, name: str):
    return json.loads((site / "downloads" / name).read_text(encoding="utf-8"))


def as_text(value) -> str:
    """A date as the source writes it (YAML reads an unquoted day as a date)."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def test_enough_instruments_and_every_area_has_one():
    """Issue 14's floor: at least 12 instruments, and one for each of the eight areas."""
    items = FACTS["instruments"]
    assert len(items) >= 12
    covered = {n for item in items.values() for n in item["paragraphs"]}
    for area in AREAS:
        assert covered & set(numbers(area["paragraphs"])), f"no instrument bears on the area {area['slug']}"


def test_the_file_holds_every_instrument_as_the_source_says(built_site):
    data = load(built_site, "a4p-instruments.json")
    assert data["edition"] == EDITION_ID and data["languages"] == LANGUAGES
    found = {item["id"]: item for item in data["instruments"]}
    assert set(found) == set(FACTS["instruments"])
    dates = [as_text(FACTS["instruments"][item["id"]]["date"]) for item in data["instruments"]]
    assert dates == sorted(dates), "not in date order"
    for item_id, source in FACTS["instruments"].items():
        item = found[item_id]
        assert item["kind"] == source["kind"]
        assert item.get("symbol") == source.get("symbol")
        assert item["date_text"] == as_text(source["date"]) and item["precision"] == source["precision"]
        # only a known day goes into a date field
        assert item.get("date") == (as_text(source["date"]) if source["precision"] == "day" else None)
        assert item.get("end_date") == (as_text(source["end"]) if "end" in source else None)
        for code in LANGUAGES:
            label = LABELS[code][item_id]
            assert item["name"][code] == label["name"].strip()
            if "symbol" in source:
                assert item["link"][code] == f"https://undocs.org/{code}/{source['symbol'].replace(' ', '')}"
            else:
                assert item["link"][code] == source["link"]
        assert [p["number"] for p in item["paragraphs"]] == source["paragraphs"]
        for paragraph in item["paragraphs"]:
            assert paragraph["relation"] == {code: LABELS[code][item_id]["paragraphs"][paragraph["number"]].strip()
                                             for code in LANGUAGES}
            assert paragraph["url"][LANGUAGES[0]].endswith(f"/#para-{paragraph['number']}")
        assert item["evidence"] == [{"url": e["url"], "checked": as_text(e["checked"])} for e in source["evidence"]]


def expected_related() -> dict[int, list[str]]:
    """Paragraph -> the ids that bear on it, in the source's date order (file order on a tie)."""
    ordered = sorted(FACTS["instruments"].items(), key=lambda pair: as_text(pair[1]["date"]))
    out: dict[int, list[str]] = {}
    for item_id, item in ordered:
        for number in item["paragraphs"]:
            out.setdefault(number, []).append(item_id)
    return out


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_paragraph_names_its_instruments(built_site, code):
    related = expected_related()
    data = load(built_site, f"{EDITION_ID}.{code}.json")
    assert {p["number"]: p["related_instruments"] for p in data["paragraphs"]} == {
        p["number"]: related.get(p["number"], []) for p in data["paragraphs"]}


def test_the_aligned_file_names_them_too(built_site):
    related = expected_related()
    data = load(built_site, f"{EDITION_ID}.aligned.json")
    assert all(p["related_instruments"] == related.get(p["number"], []) for p in data["paragraphs"])


def test_the_file_is_valid_against_its_schema(built_site):
    schema = load(built_site, "a4p-instruments.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.validate(load(built_site, "a4p-instruments.json"), schema,
                        cls=jsonschema.Draft202012Validator, format_checker=checker)


def test_the_schema_refuses_a_partial_date_as_a_date_and_a_missing_language(built_site):
    schema = load(built_site, "a4p-instruments.schema.json")
    good = load(built_site, "a4p-instruments.json")
    partial = next(i for i, item in enumerate(good["instruments"]) if item["precision"] != "day")
    broken = []
    data = copy.deepcopy(good)
    data["instruments"][partial]["date"] = data["instruments"][partial]["date_text"]
    broken.append(data)
    data = copy.deepcopy(good)  # a known day without its date field
    del data["instruments"][next(i for i, item in enumerate(good["instruments"]) if item["precision"] == "day")]["date"]
    broken.append(data)
    data = copy.deepcopy(good)  # a partial date with an end
    data["instruments"][partial]["end_date"] = "2020-01-02"
    broken.append(data)
    data = copy.deepcopy(good)
    del data["instruments"][0]["name"][LANGUAGES[-1]]
    broken.append(data)
    data = copy.deepcopy(good)
    data["instruments"][0]["link"][LANGUAGES[0]] = "http://undocs.org/x"
    broken.append(data)
    for data in broken:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator,
                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
