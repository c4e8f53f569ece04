"""hooks/pages/full_text.py: every paragraph of a language on one page, in order, under the
headings, with the text pages' apparatus; its permalink marks give the canonical text page."""

from __future__ import annotations

import re

import pytest

from hooks.pages import full_text
from hooks.urls import FULL_TEXT
from tests.browser._support import LANGS
from tests.htmltext import Page
from tests.pages.contexts import SITE, context



def render(edition, derived, code: str, directory_urls: bool = True) -> str:
    return full_text.render(context(edition, derived, code, FULL_TEXT, directory_urls=directory_urls))


def folder(edition, code: str) -> str:
    """The language's folder, written out here from the contract: the source at the root."""
    return "" if code == edition.source.code else f"{code}/"


@pytest.mark.parametrize("code", LANGS)
def test_every_paragraph_once_in_order_with_its_words(edition, derived, code):
    page = Page(render(edition, derived, code))
    paragraphs = [i for i in page.ids if i.startswith("para-")]
    numbers = sorted(edition.texts[code].paragraphs)
    assert paragraphs == [f"para-{n}" for n in numbers]
    assert numbers == list(range(1, edition.structure.paragraph_count + 1))
    assert len(page.ids) == len(set(page.ids)), "an id is unique within a page"
    for n in numbers:
        assert page.words(f"para-{n}") == edition.texts[code].paragraphs[n]


@pytest.mark.parametrize("code", LANGS)
def test_each_part_under_its_heading_editorial_ones_marked(edition, derived, code):
    html = render(edition, derived, code)
    badge = edition.strings[code]["labels.editorial_heading"]
    parts = html.split("<h2 ")[1:]  # from each part heading to the next
    assert len(parts) == len(edition.structure.slugs)
    for slug, part in zip(edition.structure.slugs, parts):
        spec = edition.structure.page(slug)
        heading = part[:part.index("</h2>")]
        assert heading.startswith(f'id="{slug}">')
        assert Page(f"<h2 {heading}</h2>").words(slug).startswith(edition.texts[code].headings[slug])
        assert ('class="a4p-editorial"' in heading and badge in heading) == spec.editorial_heading, slug
        numbers = [int(n) for n in re.findall(r'<div id="para-(\d+)"', part)]
        assert numbers == list(range(spec.first, spec.last + 1)), slug


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_permalink_marks_give_the_canonical_text_page(edition, derived, code, directory_urls):
    page = Page(render(edition, derived, code, directory_urls))
    marks = page.find("a", **{"class": "a4p-permalink"})
    assert len(marks) == edition.structure.paragraph_count
    for n, mark in enumerate(marks, start=1):
        slug = edition.structure.page_of(n).slug
        # always the online text page, in the bundle too (CONTRACT.md)
        assert mark["href"] == f"{SITE}{folder(edition, code)}{slug}/#para-{n}"
        # a click stays in this copy of the edition, on the text page
        local = f"../{slug}/#para-{n}" if directory_urls else f"{slug}.html#para-{n}"
        assert mark["data-local"] == local
        assert "data-apparatus" in mark


@pytest.mark.parametrize("code", LANGS)
def test_notes_tooltips_and_the_translation_notice_are_there(edition, derived, code):
    html = render(edition, derived, code)
    page = Page(html)
    notes = [note for note in edition.normalizations.notes]
    assert len(page.find("aside", **{"class": "a4p-note"})) == len(notes)
    for note in notes:
        assert f"note-{note.id}" in page.ids
    translator = sum(len(v) for v in edition.texts[code].translator_notes.values())
    assert len(page.find("aside", **{"class": "a4p-note a4p-note--translator"})) == translator
    terms = page.find("a", **{"class": "a4p-term"})
    tips = page.find("span", **{"class": "a4p-tip", "role": "tooltip"})
    assert terms and len(terms) == len(tips)
    assert {t["aria-describedby"] for t in terms} == {t["id"] for t in tips}
    notice = edition.strings[code].get("translation.notice")
    if code == edition.source.code:
        assert 'class="a4p-translation-notice"' not in html
    else:
        assert notice in html
        assert page.find("a", href="../../full-text/", hreflang=edition.source.code)


def test_contents_link_to_the_part_headings(edition, derived):
    page = Page(render(edition, derived, "en"))
    links = [a["href"] for a in page.find("a") if a.get("href", "").startswith("#") and a.get("class") is None]
    assert links == [f"#{slug}" for slug in edition.structure.slugs]
