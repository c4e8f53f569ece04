"""hooks/pages/text.py: a text page's paragraphs and their apparatus, read back as HTML."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from hooks.pages import text
from hooks.pages.elements import to_html
from hooks.pages.paragraphs import paragraph
from tests.htmltext import Page
from tests.pages.contexts import context

NOTES = ("First note: <b>not markup</b>.", "Second note.")


def with_translator_notes(edition, code: str, number: int, notes: tuple[str, ...]):
    """A copy of the edition in which paragraph ``number`` of ``code`` carries ``notes``."""
    texts = dict(edition.texts)
    texts[code] = copy.copy(texts[code])
    texts[code].translator_notes = {**texts[code].translator_notes, number: notes}
    return dataclasses.replace(edition, texts=texts)


def test_paragraph_number_and_mark_are_isolated_and_apparatus(edition, derived):
    spec = edition.structure.page("protection")
    para = edition.paragraphs("en", spec)[0]
    html = to_html(paragraph(context(edition, derived, "en", "protection"), para))
    assert html.startswith(f'<div id="para-{para.number}" class="a4p-para"><span data-apparatus="" '
                           f'class="a4p-para__num"><bdi>{para.number}</bdi></span>')
    assert '<bdi>¶</bdi></a>' in html
    assert Page(html).words(f"para-{para.number}") == para.words


def test_translator_notes_are_labelled_apparatus_in_the_page_language(edition, derived):
    spec = edition.structure.page("protection")
    number = spec.first
    changed = with_translator_notes(edition, "en", number, NOTES)
    html = text.render(context(changed, derived, "en", "protection"))
    page = Page(html)
    asides = page.find("aside", **{"class": "a4p-note a4p-note--translator"})
    assert len(asides) == len(NOTES) and all("data-apparatus" in a for a in asides)
    label = edition.strings["en"]["translation.translator_note"]
    for note in NOTES:
        escaped = note.replace("<", "&lt;").replace(">", "&gt;")
        assert f"<strong>{label}</strong> {escaped}</aside>" in html
    # the words of the paragraph are unchanged: the notes are apparatus
    assert page.words(f"para-{number}") == edition.texts["en"].paragraphs[number]


def test_no_translator_note_where_the_text_has_none(edition, derived):
    for code in ("zh", "en"):
        for spec in edition.structure.pages:
            html = text.render(context(edition, derived, code, spec.slug))
            expected = sum(len(edition.texts[code].translator_notes.get(n, ())) for n in spec.numbers)
            assert html.count("a4p-note--translator") == expected


def test_a_translation_page_says_so_and_links_the_source_page(edition, derived):
    html = text.render(context(edition, derived, "en", "protection"))
    notice = Page(html).find("aside", **{"class": "a4p-translation-notice"})
    assert len(notice) == 1
    assert '<a href="../../protection/" hreflang="zh">' in html
    assert "a4p-translation-notice" not in text.render(context(edition, derived, "zh", "protection"))


def test_latin_runs_in_labels_are_isolated_in_a_right_to_left_page(edition, derived):
    """Decided by the language's dir, nothing else: English made right-to-left, with two labels
    in Arabic script holding Latin and numbers, for the test."""
    rtl = tuple(dataclasses.replace(lang, dir="rtl") if lang.code == "en" else lang for lang in edition.languages)
    strings = type(edition.strings["en"])({**edition.strings["en"], "labels.area": "مجال A4P",
                                          "labels.paragraphs": "الفقرات {first}–{last}"})
    mirrored = dataclasses.replace(edition, languages=rtl, strings={**edition.strings, "en": strings})
    spec = edition.structure.page("protection")
    html = text.render(context(mirrored, derived, "en", "protection"))
    assert "<span>مجال <bdi>A4P</bdi></span>" in html
    assert f"<span>الفقرات <bdi>{spec.first}–{spec.last}</bdi></span>" in html
    ltr = dataclasses.replace(mirrored, languages=edition.languages)
    plain = text.render(context(ltr, derived, "en", "protection"))
    assert "<span>مجال A4P</span>" in plain and "<bdi>A4P" not in plain


def test_chinese_quoted_in_a_translator_s_note_carries_its_lang(edition, derived):
    number = edition.structure.page("protection").first
    changed = with_translator_notes(edition, "en", number, ("The Chinese has 中立，that is “neutrality”.",))
    html = text.render(context(changed, derived, "en", "protection"))
    assert '<strong>Translator\'s note</strong> The Chinese has <span lang="zh">中立，</span>that is' in html
