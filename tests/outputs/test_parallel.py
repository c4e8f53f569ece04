"""hooks/outputs/parallel.py: the parallel view's data file per language.

Expected values are read off source/ by hand here (the text files, structure.yml, the i18n
files), independently of hooks/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from hooks.outputs import parallel
from hooks.urls import Scheme
from tests.pages.test_timeline import as_text

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/a4p/"
ONLINE = Scheme(SITE, "zh")
OFFLINE = Scheme(SITE, "zh", directory_urls=False)
LANGS = [entry["code"] for entry in yaml.safe_load((ROOT / "source" / "languages.yml").read_text("utf-8"))["languages"]]


def source_text(code: str) -> tuple[list[str], dict[int, str], dict[int, list[str]], dict[str, str]]:
    """Slugs in order, paragraphs, translator's notes (``> `` lines after a paragraph) and
    headings of ``source/text/{code}.txt``."""
    slugs, words, notes, headings = [], {}, {}, {}
    last = None
    for line in (ROOT / "source" / "text" / f"{code}.txt").read_text("utf-8").splitlines():
        if m := re.match(r"^\[([a-z-]+)\] (.+)$", line):
            slugs.append(m.group(1))
            headings[m.group(1)] = m.group(2)
        elif m := re.match(r"^(\d+)\. (.+)$", line):
            last = int(m.group(1))
            words[last] = m.group(2)
        elif line.startswith("> "):
            notes.setdefault(last, []).append(line[2:])
    return slugs, words, notes, headings


def ranges() -> dict[str, list[int]]:
    """structure.yml: each page's paragraph numbers."""
    result = {}
    for page in yaml.safe_load((ROOT / "source" / "structure.yml").read_text("utf-8"))["pages"]:
        first, _, last = str(page["paragraphs"]).partition("-")
        result[page["slug"]] = list(range(int(first), int(last or first) + 1))
    return result


def strings(code: str) -> dict:
    return yaml.safe_load((ROOT / "source" / "i18n" / f"{code}.yml").read_text("utf-8"))


def prefix(code: str) -> str:
    return "" if code == "zh" else f"{code}/"


@pytest.mark.parametrize("code", LANGS)
def test_every_paragraph_in_order_under_its_page(edition, code):
    data = parallel.document(edition, code, ONLINE)
    expected = ranges()
    assert [s["slug"] for s in data["sections"]] == list(expected)
    _, words, _, headings = source_text(code)
    for section in data["sections"]:
        assert [p["n"] for p in section["paragraphs"]] == expected[section["slug"]]
        assert section["page"] == strings(code)["pages"][section["slug"]]
        for para in section["paragraphs"]:
            assert para["text"] == words[para["n"]]
    assert {s["slug"]: s["heading"] for s in data["sections"]} == headings
    count = sum(len(numbers) for numbers in expected.values())
    assert [p["n"] for s in data["sections"] for p in s["paragraphs"]] == list(range(1, count + 1))


@pytest.mark.parametrize("code", LANGS)
def test_language_name_direction_and_status_in_its_own_words(edition, code):
    data = parallel.document(edition, code, ONLINE)
    entry = next(e for e in yaml.safe_load((ROOT / "source" / "languages.yml").read_text("utf-8"))["languages"]
                 if e["code"] == code)
    assert (data["lang"], data["name"], data["dir"]) == (code, entry["name"], entry.get("dir", "ltr"))
    own = strings(code)
    assert data["status"] == own["parallel"]["source" if entry.get("source") else "translation"]
    assert data["labels"]["permalink"] == own["labels"]["permalink"]
    assert data["labels"]["editorial_heading"] == own["labels"]["editorial_heading"]


def test_arabic_is_rtl_and_an_unofficial_translation(edition):
    data = parallel.document(edition, "ar", ONLINE)
    assert data["dir"] == "rtl"
    assert data["status"] == "ترجمة غير رسمية"
    assert parallel.document(edition, "en", ONLINE)["status"] == "Unofficial translation"
    assert parallel.document(edition, "zh", ONLINE)["status"] == "原文（底本）"


@pytest.mark.parametrize("scheme, path", [(ONLINE, "en/protection/#para-9"), (OFFLINE, "en/protection.html#para-9")])
def test_each_paragraph_links_its_canonical_home(edition, scheme, path):
    """The ¶ mark's URL is always the online text page; the path a click follows is the
    build's (directory or file)."""
    para = next(p for s in parallel.document(edition, "en", scheme)["sections"] for p in s["paragraphs"] if p["n"] == 9)
    assert para["url"] == "https://example.org/a4p/en/protection/#para-9"
    assert para["path"] == path
    zh = next(p for s in parallel.document(edition, "zh", scheme)["sections"] for p in s["paragraphs"] if p["n"] == 9)
    assert zh["url"] == "https://example.org/a4p/protection/#para-9"
    assert "parallel" not in para["url"] + zh["url"]


@pytest.mark.parametrize("code", LANGS)
def test_every_canonical_url_is_site_url_plus_page_plus_fragment(edition, code):
    expected = ranges()
    for section in parallel.document(edition, code, ONLINE)["sections"]:
        for para in section["paragraphs"]:
            assert para["url"] == f"{SITE}{prefix(code)}{section['slug']}/#para-{para['n']}"
            assert para["n"] in expected[section["slug"]]


def test_editorial_note_as_runs_the_quoted_chinese_marked(edition):
    """¶10 has an editorial note (normalizations.yml): the template of labels.note with the
    supplied and the probable wording, each a run in Chinese."""
    notes = yaml.safe_load((ROOT / "source" / "normalizations.yml").read_text("utf-8"))["notes"]
    note = next(e for e in notes if e["paragraph"] == 10)
    para = next(p for s in parallel.document(edition, "en", ONLINE)["sections"] for p in s["paragraphs"] if p["n"] == 10)
    [shown] = [n for n in para["notes"] if n["kind"] == "editorial"]
    assert shown["label"] == "Editorial note"
    assert "".join(run[0] for run in shown["runs"]) == strings("en")["labels"]["note"].format(
        found=note["find"], probable=note["probable"])
    assert [note["find"], "zh"] in shown["runs"] and [note["probable"], "zh"] in shown["runs"]
    assert all(len(run) == 1 for run in shown["runs"] if run[0] not in (note["find"], note["probable"]))


def test_translator_notes_as_runs_chinese_words_marked(edition):
    _, _, notes, _ = source_text("en")
    para = next(p for s in parallel.document(edition, "en", ONLINE)["sections"] for p in s["paragraphs"] if p["n"] == 14)
    shown = [n for n in para["notes"] if n["kind"] == "translator"]
    assert ["".join(run[0] for run in n["runs"]) for n in shown] == notes[14]
    assert shown[0]["label"] == "Translator's note"
    assert shown[0]["runs"][0] == ["小型协调机制", "zh"]
    assert all(len(run) == 1 for run in shown[0]["runs"][1:])
    three = next(p for s in parallel.document(edition, "en", ONLINE)["sections"] for p in s["paragraphs"] if p["n"] == 3)
    assert [run[0] for n in three["notes"] for run in n["runs"] if len(run) == 2] == ["中立", "公正", "履行授权"]


def test_paragraphs_without_notes_have_none(edition):
    _, _, notes, _ = source_text("en")
    edited = {e["paragraph"] for e in yaml.safe_load((ROOT / "source" / "normalizations.yml").read_text("utf-8"))["notes"]}
    for section in parallel.document(edition, "en", ONLINE)["sections"]:
        for para in section["paragraphs"]:
            if para["n"] not in notes and para["n"] not in edited:
                assert para["notes"] == []


def test_script_adds_the_language_to_the_global(edition):
    data = parallel.document(edition, "ar", ONLINE)
    text = parallel.script(data)
    head = '(window.a4p.parallelData = window.a4p.parallelData || {})["ar"] = '
    line = text.splitlines()[1]
    assert line.startswith(head) and line.endswith(";")
    assert json.loads(line[len(head):-1]) == data
    assert "\\u" not in text  # the words as they are, UTF-8


def test_write_puts_the_file_under_assets_parallel(edition, tmp_path):
    target = parallel.write(edition, "fr", ONLINE, tmp_path)
    assert target == tmp_path / "assets" / "parallel" / "fr.js"
    assert target.read_text("utf-8") == parallel.script(parallel.document(edition, "fr", ONLINE))


@pytest.mark.parametrize("code", LANGS)
def test_what_came_after_each_paragraph_in_date_order(edition, code):
    """The instruments of source/instruments.yml that bear on each paragraph, read here with plain
    YAML, in date order (the file's order on a tie); the data says whether it is the bundle's."""
    facts = yaml.safe_load((ROOT / "source" / "instruments.yml").read_text("utf-8"))["instruments"]
    labels = yaml.safe_load((ROOT / "source" / "instruments" / f"{code}.yml").read_text("utf-8"))["instruments"]

    for scheme, offline in ((ONLINE, False), (OFFLINE, True)):
        data = parallel.document(edition, code, scheme)
        assert data["offline"] is offline
        said = strings(code)["after"]
        assert (data["labels"]["after"], data["labels"]["online_only"]) == (said["title"], said["online_only"])
        for section in data["sections"]:
            for para in section["paragraphs"]:
                n = para["n"]
                ids = sorted((i for i in facts if n in facts[i]["paragraphs"]), key=lambda i: as_text(facts[i]["date"]))
                assert [item["name"] for item in para["after"]] == [labels[i]["name"].strip() for i in ids]
                for item, i in zip(para["after"], ids):
                    assert item["symbol"] == facts[i].get("symbol")
                    assert (item["date"], item["end"]) == (as_text(facts[i]["date"]),
                                                           as_text(facts[i]["end"]) if "end" in facts[i] else None)
                    assert item["relation"] == labels[i]["paragraphs"][n].strip()
                    assert item["href"] == (f"https://undocs.org/{code}/{facts[i]['symbol'].replace(' ', '')}"
                                            if "symbol" in facts[i] else facts[i]["link"])
