"""Printing: every page kind printed to PDF in headless Chromium (Playwright's ``page.pdf()``)
and read back with pypdf: no empty sheet, one sheet for what fits on one, the colophon's
identification on every printout, and no screen apparatus.

The printouts and one picture per language (print media, as a reader's printer sees the page)
are kept under ``test-output/print/`` for a person to look at.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.pdftext import has_words
from tests.browser._support import EDITION, LANGS, ROOT, SOURCE_LANG, open_tab, prefix, site_url

pytestmark = pytest.mark.browser

OUTPUT = ROOT / "test-output" / "print"
A4 = {"width": "210mm", "height": "297mm"}
# A page as tall as no page of the edition, to measure how far down its content goes.
TALL = {"width": "210mm", "height": "3000mm"}
# Content that ends within this share of an A4 sheet's height (measured from the sheet's top,
# top margin included) fits on one sheet whatever the bottom margin, up to 15% of the sheet.
ONE_SHEET = 0.85
RTL = [lang.code for lang in EDITION.languages if lang.dir == "rtl"]
KEYS = ["protection", "index", "glossary", "about", "full-text"]
CASES = [(lang, key) for lang in (SOURCE_LANG, "en") for key in KEYS] + [(lang, "protection") for lang in RTL]


def path_of(lang: str, key: str) -> str:
    return prefix(lang) if key == "index" else f"{prefix(lang)}{key}/"


@pytest.fixture(scope="module")
def printer(browser, site_server):
    context, tab = open_tab(browser, site_server, animation_rate=1)  # it prints: see open_tab
    yield tab
    context.close()


# Each page printed once at each size for the whole module: the site does not change during a
# session, and the tests that read the same printout (a full text takes seconds) share it.
_printed: dict[tuple[str, str, str, str], bytes] = {}


def pdf(tab, site_server: str, lang: str, key: str, size: dict) -> bytes:
    made = (site_server, lang, key, repr(sorted(size.items())))
    if made not in _printed:
        tab.goto(site_server + path_of(lang, key))
        _printed[made] = tab.pdf(**size)
    return _printed[made]


def sheets(data: bytes) -> list[str]:
    """The text of each sheet of a PDF."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Text compared as printed: no white space (lines wrap anywhere), NFKC (the PDF's CJK
    fonts map some characters to Kangxi radicals, 行 as ⾏)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def depth(data: bytes) -> float:
    """How far down the first sheet its lowest text goes, from the sheet's top, as a share of
    an A4 sheet's height (297 mm)."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    lows: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            lows.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])  # the baseline's y on the sheet

    page.extract_text(visitor_text=visit)
    height = float(page.mediabox.height)
    a4 = height * 297 / 3000
    return (height - min(lows)) / a4


@pytest.mark.parametrize("lang,key", CASES)
def test_printout_has_no_empty_sheet_and_identifies_the_edition(printer, site_server, lang, key):
    printed = pdf(printer, site_server, lang, key, A4)
    texts = sheets(printed)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"{key}.{lang}.pdf").write_bytes(printed)
    where = f"/{path_of(lang, key)}"
    empty = [number for number, text in enumerate(texts, start=1) if not text.strip()]
    assert not empty, f"{where} printed {len(texts)} sheets; empty: {empty}"
    reach = depth(pdf(printer, site_server, lang, key, TALL))
    if reach <= ONE_SHEET:
        assert len(texts) == 1, f"{where} fits on one sheet ({reach:.0%} of it) but printed {len(texts)}"
    # the colophon, at the end of the printout whatever its length
    strings = EDITION.strings[lang]
    last = flat(texts[-1])
    status = strings["full-text.source" if lang == SOURCE_LANG else "full-text.translation"]
    expected = [site_url() + path_of(lang, key), strings["footer.notice"], status, EDITION.language(lang).name]
    if lang not in RTL:  # pypdf gives Arabic as shaped glyphs: its words are checked in the HTML
        expected.append(strings["site_name"])
    for words in expected:
        if lang in RTL:  # the extractor's order of Arabic words is not to be trusted
            assert has_words(texts[-1], words), f"{where}: {words!r} not on its last sheet"
        else:
            assert flat(words) in last, f"{where}: {words!r} not on its last sheet"
    if key in ("protection", "full-text"):  # where a ¶ is only ever a permalink mark
        assert "¶" not in "".join(texts), f"{where}: ¶ marks printed"


def lowest_lines(data: bytes) -> list[tuple[float, str]]:
    """For each sheet: the size of the largest text on its lowest line, and that line."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        fragments: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size):
            if text.strip():  # y of the baseline on the sheet, and the size as drawn
                fragments.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size * (tm[3] or 1) * cm[3], text))

        page.extract_text(visitor_text=visit)
        low = min(y for y, _, _ in fragments)
        line = [(size, text) for y, size, text in fragments if abs(y - low) < 1]
        found.append((max(size for size, _ in line), "".join(text for _, text in line)))
    return found


def body_size(data: bytes) -> float:
    """The size most of the printout's text is drawn in."""
    sizes: Counter = Counter()
    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.update(
            {round(size * (tm[3] or 1) * cm[3], 1): len(text.strip())}))
    return sizes.most_common(1)[0][0]


@pytest.mark.parametrize("lang,key", [(lang, key) for lang, key in CASES if key in ("full-text", "about")])
def test_no_sheet_ends_with_a_heading(printer, site_server, lang, key):
    """A heading (text larger than the body's) is never the last line of a sheet, cut off
    from what it heads; nor is a heading split across two sheets."""
    printed = pdf(printer, site_server, lang, key, A4)
    body = body_size(printed)
    ends = lowest_lines(printed)[:-1]  # the last sheet ends with the colophon
    assert ends, f"/{path_of(lang, key)} printed one sheet: nothing to check"
    for number, (size, line) in enumerate(ends, start=1):
        assert size <= body + 0.1, f"/{path_of(lang, key)}: sheet {number} ends with a heading: {line!r}"


# Elements that would print over every sheet: fixed, shown and not empty.
FIXED = """() => [...document.querySelectorAll('body *')].filter((e) => {
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return style.position === 'fixed' && style.display !== 'none' && style.visibility !== 'hidden'
    && Number(style.opacity) > 0 && box.width > 0 && box.height > 0;
}).map((e) => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("lang,key", CASES)
def test_nothing_floats_over_the_printout(browser, site_server, lang, key):
    """The home page's language offer and the like are fixed over the page on screen: in print
    they would cover every sheet. The tab prefers another language, so that the offer shows."""
    context, tab = open_tab(browser, site_server, animation_rate=1, locale="en-US" if lang == SOURCE_LANG else "zh-CN")
    try:
        tab.goto(site_server + path_of(lang, key))
        tab.wait_for_load_state("load")
        if (lang, key) == (SOURCE_LANG, "index"):  # the one page with an offer: wait until it shows
            tab.locator(".a4p-offer").wait_for(state="visible")
        tab.emulate_media(media="print")
        assert tab.evaluate(FIXED) == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", [SOURCE_LANG, "en"])
def test_text_page_prints_numbers_headings_and_notes_without_apparatus(printer, site_server, lang):
    spec = EDITION.structure.page("protection")
    strings = EDITION.strings[lang]
    whole = flat("".join(sheets(pdf(printer, site_server, lang, "protection", A4))))
    assert flat(EDITION.texts[lang].headings["protection"]) in whole
    assert any(note.paragraph in spec.numbers for note in EDITION.normalizations.notes)
    assert flat(strings["labels.editorial_note"]) in whole
    # related paragraphs, the link to the Chinese, the navigation: not printed
    for key in ("labels.related", "translation.original", "nav.glossary"):
        if key in strings:
            assert flat(strings[key]) not in whole, f"{strings[key]!r} printed"
    for number in spec.numbers:
        assert flat(EDITION.texts[lang].paragraphs[number])[:12] in whole, f"paragraph {number}"
    # the numbers print beside their paragraphs (where a PDF's text order puts them varies)
    printer.emulate_media(media="print")
    try:
        shown = printer.locator(".a4p-para__num:visible").all_inner_texts()
    finally:
        printer.emulate_media(media="null")
    assert [int(n) for n in shown] == list(spec.numbers)


@pytest.mark.parametrize("lang", LANGS)
def test_pictures_of_the_printed_pages(browser, site_server, lang):
    """One picture per language of a printed text page (and of the full text in the source
    language and English), for a person to look at; each has the colophon in view."""
    context, tab = open_tab(browser, site_server, animation_rate=1, viewport={"width": 720, "height": 1000})
    try:
        tab.emulate_media(media="print")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        keys = ["protection"] + (["full-text"] if lang in (SOURCE_LANG, "en") else [])
        for key in keys:
            tab.goto(site_server + path_of(lang, key))
            assert tab.locator(".a4p-colophon").is_visible()
            assert not tab.locator(".md-header").is_visible()
            target = OUTPUT / f"{key}.{lang}.png"
            tab.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 0
    finally:
        context.close()
