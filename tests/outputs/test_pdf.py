"""The PDFs of /downloads/, read back from the built site with pypdf and checked against
source/, which is read here independently of hooks/ (tests/outputs/test_downloads.py's
readers): words, headings, notes, bookmarks, links, fonts, tags, metadata, budgets; then the
cache, reproducibility and what a machine without the fonts is told.

How a paragraph's words are found in the text pypdf extracts, per script:

- Every script: the lines that are the running header (the short title) or only digits (page
  numbers, the paragraphs' numbers) are removed first, and the words compared in NFKC; a line
  break between two Chinese characters is removed (Chinese quoted in a translation's note may
  wrap anywhere). Titles and headings are looked for in the text with the headers left in.
- Latin and Cyrillic (en, fr, es, ru): a line that ends in a hyphen is joined to the next with
  nothing between (the PDFs never hyphenate, so such a hyphen is the word's own:
  "Secretary-General"), every other run of white space is one space, on both sides; the
  paragraph is then a substring of the document's text.
- Chinese: all white space removed on both sides (a line may break between any two
  characters); then a substring.
- Arabic: extractors return the wrapped lines of a right-to-left paragraph out of order (and
  the Latin, digits and Chinese inside them), so the paragraph's words are compared with their
  counts: each word (a run of Arabic letters, of Latin letters or of digits, or one Chinese
  character) occurs in the document's text at least as often as in the paragraph.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
import yaml

from hooks.outputs import pdf as pdf_module
from hooks.outputs import pdf_document
from hooks.provenance import Provenance
from hooks.urls import Scheme
from scripts.build_site import site_url
from tests.outputs.test_downloads import (EDITION_ID, LANGUAGES, SOURCE, SOURCE_LANGUAGE, editorial_notes,
                                          expected_words, folder, text_file)
from tests.pdftext import CJK, has_words

ROOT = Path(__file__).resolve().parents[2]
STRUCTURE = yaml.safe_load((SOURCE / "structure.yml").read_text(encoding="utf-8"))
SITE_URL = site_url(ROOT / "mkdocs.yml")
# The budgets of issue 17, in bytes (KB of 1,000, as the Downloads page counts)
BUDGET = {code: (400_000 if code == SOURCE_LANGUAGE else 300_000) for code in LANGUAGES}
SPACED = {entry["code"]: entry["word_boundaries"]
          for entry in yaml.safe_load((SOURCE / "languages.yml").read_text(encoding="utf-8"))["languages"]}
STRINGS = {code: yaml.safe_load((SOURCE / "i18n" / f"{code}.yml").read_text(encoding="utf-8")) for code in LANGUAGES}


def pdf_path(site: Path, code: str) -> Path:
    return folder(site) / f"{EDITION_ID}.{code}.pdf"


@pytest.fixture(scope="module")
def readers(built_site) -> dict[str, pypdf.PdfReader]:
    return {code: pypdf.PdfReader(pdf_path(built_site, code)) for code in LANGUAGES}


def headings(code: str) -> dict[str, str]:
    """Page slug -> its heading in ``code``, from the text file."""
    return {p["page"]: p["heading"] for p in text_file(code).values()}


def editorial_label(code: str) -> str:
    return STRINGS[code]["labels"]["editorial_heading"]


def shown_heading(code: str, page: dict) -> str:
    """A part's heading as the PDF writes it: an editorial one with its label in brackets."""
    words = headings(code)[page["slug"]]
    label = STRINGS[code]["pdf"]["editorial"].replace("{label}", editorial_label(code))
    space = " " if SPACED[code] else ""
    return f"{words}{space}{label}" if page["heading"] == "editorial" else words


def short_title(code: str) -> str:
    line = next(line for line in (SOURCE / "text" / f"{code}.txt").read_text(encoding="utf-8").splitlines()
                if line.startswith("title: "))
    return line.removeprefix("title: ")


def all_text(reader: pypdf.PdfReader) -> str:
    """Every page's text as extracted, headers and page numbers included, in NFKC."""
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def body_text(reader: pypdf.PdfReader, code: str) -> str:
    """The document's text without running headers and page numbers, in NFKC."""
    running = unicodedata.normalize("NFKC", short_title(code))
    lines = [line.strip() for line in all_text(reader).splitlines()]
    text = "\n".join(line for line in lines if line != running and not line.isdigit())
    return re.sub(rf"(?<=[{CJK}])\n(?=[{CJK}])", "", text)




def found(document: str, words: str, code: str) -> bool:
    """``words`` are in ``document`` by the rule of the script of language ``code``."""
    words = unicodedata.normalize("NFKC", words)
    if code == "zh":
        return re.sub(r"\s+", "", words) in re.sub(r"\s+", "", document)
    if code == "ar":
        return has_words(document, words)
    return " ".join(words.split()) in " ".join(re.sub(r"-\n", "-", document).split())


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_paragraph_and_translators_note_is_in_the_pdf(readers, code):
    document = body_text(readers[code], code)
    paragraphs = expected_words(code)
    assert sorted(paragraphs) == list(range(1, STRUCTURE["paragraphs"] + 1))
    missing = [n for n, words in paragraphs.items() if not found(document, words, code)]
    assert not missing, f"{code}: paragraphs not found in the PDF: {missing}"
    if code != SOURCE_LANGUAGE:
        notes = [note for p in text_file(code).values() for note in p["notes"]]
        assert notes, f"{code}: the text file has translator's notes"
        lost = [note for note in notes if not found(document, note, code)]
        assert not lost, f"{code}: translator's notes not found: {lost}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_title_headings_notices_and_colophon_are_in_the_pdf(readers, code):
    document = all_text(readers[code])
    text = yaml.safe_load("\n".join(line for line in (SOURCE / "text" / f"{code}.txt").read_text(
        encoding="utf-8").splitlines() if line.startswith(("title:", "subtitle:"))))
    strings = STRINGS[code]
    expected = [text["title"], text["subtitle"], strings["pdf"]["notice"], strings["pdf"]["licence"]]
    expected += [shown_heading(code, page) for page in STRUCTURE["pages"]]
    if code != SOURCE_LANGUAGE:
        expected.append(strings["translation"]["notice"])
    expected.append(f"{SITE_URL}{'' if code == SOURCE_LANGUAGE else code + '/'}full-text/")
    if editorial_notes():
        expected.append(strings["labels"]["editorial_note"])
    lost = [words for words in expected if not found(document, words, code)]
    assert not lost, f"{code}: not found in the PDF: {lost}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_metadata_language_title_tags_and_embedded_fonts(readers, code):
    reader = readers[code]
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == code
    assert reader.metadata["/Title"] == STRINGS[code]["site_name"]
    assert "/StructTreeRoot" in catalog, "tagged: a structure tree"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[str(descriptor["/FontName"]).lstrip("/")] = descriptor
    assert fonts
    for name, descriptor in fonts.items():
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} embedded"
        assert re.match(r"^[A-Z]{6}\+", name), f"{name}: a subset"
    families = " ".join(fonts)
    expected = {"zh": "Noto-Serif-CJK-SC", "ar": "Noto-Naskh-Arabic"}.get(code, "Noto-Serif")
    assert expected in families, f"{code}: {sorted(fonts)}"
    cjk = [name for name in fonts if "CJK" in name]
    assert len(cjk) <= 1, f"{code}: one CJK face at most, {cjk}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_bookmarks_name_the_parts_in_order(readers, code):
    titles = [item.title for item in readers[code].outline]
    assert titles == [shown_heading(code, page) for page in STRUCTURE["pages"]]


def paragraph_url(code: str, number: int) -> str:
    slug = next(page["slug"] for page in STRUCTURE["pages"]
                if int(str(page["paragraphs"]).split("-")[0]) <= number <= int(str(page["paragraphs"]).split("-")[-1]))
    return f"{SITE_URL}{'' if code == SOURCE_LANGUAGE else code + '/'}{slug}/#para-{number}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_paragraph_number_links_to_its_canonical_url(readers, code):
    links = []
    for page in readers[code].pages:
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Link" and "/A" in annot:
                links.append(str(annot["/A"]["/URI"]))
    expected = [paragraph_url(code, n) for n in range(1, STRUCTURE["paragraphs"] + 1)]
    paragraph_links = [url for url in links if "#para-" in url]
    assert paragraph_links == expected
    assert all(url.startswith("https://") for url in links), links


@pytest.mark.parametrize("code", LANGUAGES)
def test_within_budget_and_dated_by_the_release(built_site, readers, code):
    size = pdf_path(built_site, code).stat().st_size
    print(f"{code}: {size} bytes")
    assert size <= BUDGET[code], f"{code}: {size} bytes, over {BUDGET[code]}"
    metadata = readers[code].metadata
    # the only date the file carries is the release's (the day), never the time it was made
    assert set(k for k in metadata if "Date" in k) <= {"/CreationDate", "/ModDate"}
    for key in ("/CreationDate", "/ModDate"):
        if key in metadata:
            assert re.fullmatch(r"D:\d{8}", metadata[key]), metadata[key]


# --- made from the model: cache, reproducibility, bad input, missing fonts -----------------------

SCHEME = Scheme("https://a4p.example.org/", SOURCE_LANGUAGE)
RELEASE = Provenance("v1.0", "2026-12-06")


def test_two_typesettings_give_the_same_bytes(edition):
    document = pdf_document.html(edition, "ar", SCHEME, RELEASE)
    first = pdf_module.typeset(document)
    second = pdf_module.typeset(document)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    reader = pypdf.PdfReader(io.BytesIO(first))
    assert (reader.metadata["/CreationDate"], reader.metadata["/ModDate"]) == ("D:20261206", "D:20261206")


def test_the_same_input_is_typeset_once(edition, tmp_path):
    before = (pdf_module.stats.typeset, pdf_module.stats.cached)
    first = pdf_module.make(edition, "en", SCHEME, RELEASE, cache=tmp_path)
    second = pdf_module.make(edition, "en", SCHEME, RELEASE, cache=tmp_path)
    assert first == second
    assert (pdf_module.stats.typeset, pdf_module.stats.cached) == (before[0] + 1, before[1] + 1)
    assert [p.suffix for p in tmp_path.iterdir()] == [".pdf"], "no half-written file left"
    later = pdf_module.make(edition, "en", SCHEME, Provenance("v1.1", "2026-12-07"), cache=tmp_path)
    assert later != first, "a new release is typeset anew"
    assert pdf_module.stats.typeset == before[0] + 2


def test_source_text_is_escaped_in_the_document(edition):
    import dataclasses

    code = "en"
    text = edition.texts[code]
    hostile = "<script>alert(1)</script> & <b>bold</b>"
    paragraphs = dict(text.paragraphs)
    paragraphs[1] = hostile
    changed = dataclasses.replace(edition, texts={**edition.texts, code: dataclasses.replace(
        text, paragraphs=paragraphs, title="<i>T</i>")})
    document = pdf_document.html(changed, code, SCHEME, RELEASE).decode("utf-8")
    assert "<script>" not in document and "<i>T</i>" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in document


def test_a_missing_font_is_named_with_its_package(monkeypatch):
    monkeypatch.setattr(pdf_module, "FONTS", {"Noto Serif": "fonts-noto-core",
                                              "No Such Family A4P": "fonts-nothing"})
    with pytest.raises(pdf_module.PdfError) as raised:
        pdf_module.typeset(b"<!DOCTYPE html><p>x</p>")
    assert str(raised.value) == ("fonts for the PDFs not installed: No Such Family A4P (Debian package "
                                 "fonts-nothing); run make setup")


def test_the_document_fetches_nothing(tmp_path, monkeypatch):
    """A data: URL is read; a file on this machine, which WeasyPrint's own fetcher reads (the
    control), is refused, and so would be any network address."""
    import weasyprint

    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    picture = tmp_path / "one-pixel.png"
    picture.write_bytes(png)

    def images(data: bytes) -> int:
        """Image objects in the file, drawn as such or as a background's pattern."""
        return min(1, len(re.findall(rb"/Subtype\s*/Image", data)))

    def page(src: str) -> bytes:
        return f'<!DOCTYPE html><html lang="en"><img src="{src}" alt="x"><p>x</p></html>'.encode()

    assert images(weasyprint.HTML(string=page(picture.as_uri()).decode()).write_pdf()) == 1, "the control"
    assert images(pdf_module.typeset(page(picture.as_uri()))) == 0, "a file read"
    assert images(pdf_module.typeset(page("data:image/png;base64," + base64.b64encode(png).decode()))) == 1
    # the PDFs' own style sheet importing another from a file, which would draw the picture
    imported = tmp_path / "imported.css"
    imported.write_text(f'p {{ background: url("data:image/png;base64,{base64.b64encode(png).decode()}") }}',
                        encoding="utf-8")
    sheet = tmp_path / "pdf.css"
    sheet.write_text(f'@import url("{imported.as_uri()}");', encoding="utf-8")
    monkeypatch.setattr(pdf_module, "STYLE", sheet)
    assert images(pdf_module.typeset(page("data:,"))) == 0, "a file read from the style sheet"


@pytest.mark.parametrize("code", [SOURCE_LANGUAGE, "ar"])
def test_the_colophon_has_a_qr_code_of_the_full_text(edition, code):
    from tests.pages.test_colophon import drawn_modules, qr_modules

    document = pdf_document.html(edition, code, SCHEME, RELEASE).decode("utf-8")
    svg = re.search(r'<svg class="a4p-qr"[^>]*>.*?</svg>', document).group(0)
    url = f"{SCHEME.site_url}{'' if code == SOURCE_LANGUAGE else code + '/'}full-text/"
    assert {(x - 4, y - 4) for x, y in drawn_modules(svg)} == qr_modules(url)


def test_french_keeps_its_no_break_spaces_and_never_breaks_at_them(readers):
    """French puts a no-break space before ; : ! ? and inside « » (tests/typography.yml): the
    PDF keeps each one (read without NFKC, which would make it a plain space), and no line of
    the PDF starts with such a mark, so no break was made at one."""
    raw = "\n".join(page.extract_text() for page in readers["fr"].pages)
    text = re.sub(r"https?:", "", raw)
    marks = re.findall(r"(.)([;:!?»])", text)
    assert marks, "the French PDF has such marks"
    plain = [before + mark for before, mark in marks if before not in "\u00a0\u202f"]
    assert not plain, f"a plain space or none before: {plain}"
    assert not re.search(r"\n\s*[;:!?»]", text), "a line starts with a mark a no-break space holds"
    assert all(after in "\u00a0\u202f" for after in re.findall(r"«(.)", text))
