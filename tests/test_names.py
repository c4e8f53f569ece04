"""The initiative's name comes from one place per language (issue 13 §1).

Each language's title and subtitle are written once, in source/text/{lang}.txt; the interface's
``site_name``, the home page's meta description, the glossary's declaration entry and the home
page's prose must use them as they are, and no page of the language may show the name in
another form than the title or the forms tests/names.yml allows (Arabic's prefixes). What the
changelog quotes (an old form it says was replaced) is the one place left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.browser._support import LANGS, SOURCE_LANG, prefix
from tests.htmltext import VOID

ROOT = Path(__file__).resolve().parent.parent
NAMES = yaml.safe_load((Path(__file__).parent / "names.yml").read_text(encoding="utf-8"))
DECLARATION = "declaration-of-shared-commitments"  # the glossary's entry for the declaration


class _Text(HTMLParser):
    """A page's words, with what a reader also sees of it outside the body (its title and meta
    description); scripts, styles and the changelog are left out."""

    SKIPPED = ("script", "style")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and values.get("name") == "description":
            self.parts.append(values.get("content") or "")
        if self._skip or tag in self.SKIPPED or "a4p-changelog" in (values.get("class") or "").split():
            if tag not in VOID:
                self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def divergent(text: str, code: str, title: str) -> list[str]:
    """Every place in ``text`` where the anchor finds the name in a form that is neither the
    title nor an allowed form, with a little context."""
    allowed = [title, *NAMES[code]["forms"]]
    out = []
    for match in re.finditer(NAMES[code]["anchor"], text):
        if match.group(0) not in allowed and not any(text.startswith(form, match.start()) for form in allowed):
            out.append(text[max(0, match.start() - 20):match.end() + 10].replace("\n", " "))
    return out


def _pages(site: Path, code: str) -> list[Path]:
    others = set(LANGS) - {SOURCE_LANG}
    if code == SOURCE_LANG:
        return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in others]
    return sorted((site / prefix(code)).rglob("*.html"))


@pytest.mark.parametrize("code", LANGS)
def test_site_name_is_title_and_subtitle(edition, code):
    text = edition.texts[code]
    assert edition.strings[code]["site_name"] == text.title + NAMES[code]["separator"] + text.subtitle


@pytest.mark.parametrize("code", LANGS)
def test_the_title_is_written_as_the_text_writes_it(edition, code):
    title = edition.texts[code].title
    home = (ROOT / "docs" / f"index.{code}.md").read_text(encoding="utf-8")
    places = {
        "source/i18n meta.index": edition.strings[code]["meta.index"],
        "the glossary's declaration entry": edition.glossaries[code].terms[DECLARATION].definition,
        f"docs/index.{code}.md": home,
    }
    for where, words in places.items():
        assert title in words, f"{code}: {where} does not name the initiative as source/text/{code}.txt: {title}"
        assert not divergent(words, code, title), f"{code}: {where}: {divergent(words, code, title)}"


@pytest.mark.parametrize("code", LANGS)
def test_no_page_shows_another_form_of_the_name(built_site, edition, code):
    title = edition.texts[code].title
    found = {}
    for page in _pages(built_site, code):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        bad = divergent(" ".join(parser.parts), code, title)
        if bad:
            found[page.relative_to(built_site).as_posix()] = bad[:2]
    assert not found, f"{code}: the name in another form than {title!r}: {found}"


@pytest.mark.parametrize("code, text, title, expected", [
    ("es", "la iniciativa Acción para el Mantenimiento de la Paz (A4P)", "Acción por el Mantenimiento de la Paz", 1),
    ("es", "la iniciativa Acción por el Mantenimiento de la Paz (A4P)", "Acción por el Mantenimiento de la Paz", 0),
    ("ru", "инициативы «Действия в поддержку миротворчества»", "Действия по поддержанию мира", 1),
    ("ru", "инициативы «Действий по поддержанию мира»", "Действия по поддержанию мира", 1),
    ("ru", "инициативы «Действия по поддержанию мира»", "Действия по поддержанию мира", 0),
    ("ar", "دعما للعمل من أجل حفظ السلام", "العمل من أجل حفظ السلام", 0),
    ("ar", "مبادرة العمل من أجل صون السلام", "العمل من أجل حفظ السلام", 1),
    ("fr", "l’initiative Action en faveur du maintien de la paix", "Action pour le maintien de la paix", 1),
])
def test_a_divergent_form_is_found(code, text, title, expected):
    assert len(divergent(text, code, title)) == expected
