"""hooks/pages/registry.py: which file of docs/ each page comes from, and how a prose page is put together."""

from __future__ import annotations

import re

import markdown
import pytest

from hooks.errors import SourceError
from hooks.pages import about, accessibility, glossary, home, prose, registry
from hooks.pages.elements import to_html
from hooks.urls import ABOUT, ACCESSIBILITY, AFTER_TEXT, GLOSSARY, HOME
from tests import source_errors
from tests.markdown_build import render
from tests.pages.contexts import context

CODES = ("zh", "en")
KEYS = (HOME, "preamble", "protection", GLOSSARY, ABOUT)
ALL = {"index.zh.md", "index.en.md", "preamble.md", "protection.md", "glossary.zh.md", "glossary.en.md",
       "about.zh.md", "about.en.md"}


def files_message(found: set[str]) -> str:
    return source_errors.error(registry.check_files, found, KEYS, CODES)


def test_every_language_suffixed_for_prose_one_stub_for_generated_pages():
    assert registry.expected_files(KEYS, CODES) == [
        "index.zh.md", "index.en.md", "preamble.md", "protection.md", "glossary.zh.md", "glossary.en.md",
        "about.zh.md", "about.en.md"]
    registry.check_files(ALL, KEYS, CODES)


def test_names_are_checked_without_their_language_suffix():
    assert registry.key_of("about.en.md", CODES) == "about"
    assert registry.key_of("about.md", CODES) == "about"
    assert registry.key_of("about.xx.md", CODES) == "about.xx"
    assert files_message(ALL | {"extra.en.md"}) == "docs/extra.en.md: found unknown page 'extra'; expected one of " \
        "index, preamble, protection, glossary, about"


def test_a_missing_prose_file_names_the_file_and_language():
    assert files_message(ALL - {"about.en.md"}) == (
        "docs/about.en.md: found no such file; expected the prose of page 'about' in language 'en' "
        "(every language has its own)")


def test_a_bare_prose_file_beside_the_suffixed_ones_is_refused():
    # the plugin crashes with a traceback on about.md beside about.zh.md
    assert files_message(ALL | {"about.md"}) == (
        "docs/about.md: found 'about.md' for a prose page; expected one file per language, named about.LANG.md "
        "(about.zh.md, about.en.md)")


def test_a_stub_is_one_file_for_every_language():
    assert files_message(ALL | {"protection.en.md"}) == (
        "docs/protection.en.md: found 'protection.en.md' for a page rendered from source/; expected one stub "
        "for every language, protection.md")
    assert files_message(ALL - {"protection.md"}) == (
        f"docs/protection.md: found no such file; expected the stub of page 'protection' (the line {prose.STUB})")


def test_each_prose_page_has_its_parts_and_markers():
    assert registry.PROSE == {HOME: home, ABOUT: about, GLOSSARY: glossary, ACCESSIBILITY: accessibility}


def test_every_page_kind_is_registered_once_either_generated_or_prose():
    """KINDS names every page besides the text pages; each kind is of exactly one of the two
    declared shapes, and the text pages' module is a generated one."""
    assert set(registry.KINDS) == {HOME, *AFTER_TEXT}
    for key, kind in registry.KINDS.items():
        shapes = [shape for shape in (registry.Generated, registry.Prose) if isinstance(kind, shape)]
        assert len(shapes) == 1, f"{key}: {kind.__name__} is of {len(shapes)} shapes"
    assert isinstance(registry.TEXT, registry.Generated) and not isinstance(registry.TEXT, registry.Prose)
    assert set(registry.GENERATED) | set(registry.PROSE) == set(registry.KINDS)


@pytest.mark.parametrize("key", [HOME, ABOUT, GLOSSARY])
@pytest.mark.parametrize("code", ["zh", "en"])
def test_parts_are_those_the_markers_name(edition, derived, key, code):
    assert tuple(registry.PROSE[key].parts(context(edition, derived, code, key))) == registry.markers(key)


@pytest.mark.parametrize("key", [HOME, ABOUT, GLOSSARY])
def test_the_real_prose_files_pass_their_checks(key, layout):
    for lang in CODES:
        path = layout.root.parent / "docs" / registry.docs_name(key, lang)
        registry.check_source(key, path.read_text(encoding="utf-8"), path)


def test_a_prose_page_is_title_then_prose_with_parts_between(edition, derived):
    ctx = context(edition, derived, "en", ABOUT)
    text = ("First *words*.\n\n<!-- a4p:endorsements -->\n\n<!-- a4p:normalizations -->\n\nMiddle.\n\n"
            "<!-- a4p:notes -->\n\n"
            "<!-- a4p:languages -->\n\n<!-- a4p:changelog -->\n\nLast.\n")
    html = registry.prose_page(ctx, markdown.markdown(text), "docs/about.en.md")
    assert html.startswith('<div class="a4p-about"><h1 id="heading">')
    assert html.endswith("<p>Last.</p></div>")
    order = [html.index(s) for s in ('id="heading"', "a4p-translation-notice", "<em>words</em>",
                                     "a4p-endorsements", "a4p-normalizations", "<p>Middle.</p>", "a4p-notes", "a4p-languages",
                                     "a4p-changelog", "<p>Last.</p>")]
    assert order == sorted(order)
    assert "a4p:" not in html


def test_the_cite_examples_are_left_to_right_urls(edition, derived):
    ctx = context(edition, derived, "en", HOME)
    parts = {name: [to_html(n) for n in nodes] for name, nodes in home.parts(ctx).items()}
    spec = edition.structure.areas[0]
    assert parts["cite-example"] == [
        f'<p class="a4p-example-url"><code dir="ltr">https://a4p.example.org/en/{spec.slug}/#para-{spec.first}'
        '</code></p>']
    assert parts["cite-short"] == [
        f'<p class="a4p-example-url"><code dir="ltr">https://a4p.example.org/en/para/{spec.first}/</code></p>']


def test_source_text_in_a_part_is_escaped(edition, derived, monkeypatch):
    ctx = context(edition, derived, "en", HOME)
    strings = dict(edition.strings["en"])
    strings["home.areas_title"] = "<script>x</script>"
    monkeypatch.setitem(edition.strings, "en", type(edition.strings["en"])(strings))
    html = registry.prose_page(ctx, "<!-- a4p:areas -->\n<!-- a4p:more -->\n<!-- a4p:cite-example -->\n"
                               "<!-- a4p:cite-short -->", "docs/index.en.md")
    assert "<script>" not in html and re.search(r"&lt;script&gt;x&lt;/script&gt;", html)


def test_a_prose_page_is_checked_after_markdown_before_its_parts_go_in(edition, derived):
    """What the source check misses, the check of the HTML stops (hooks/pages/prose_html.py), with
    the file and the line."""
    ctx = context(edition, derived, "en", HOME)
    text = ("Intro.\n\n<!-- a4p:areas -->\n\n<!-- a4p:more -->\n\n<!-- a4p:cite-example -->\n\n"
            "<!-- a4p:cite-short -->\n\nA paragraph.\n{: title=\"}\" onclick=\"alert(1)\" }\n")
    with pytest.raises(SourceError) as caught:
        registry.prose_page(ctx, render(text), "docs/index.en.md", text)
    assert str(caught.value) == ("docs/index.en.md:12: found the event attribute 'onclick' on <p>; expected "
                                 f"{prose.EVENTS_EXPECTED}")


def test_a_prose_id_the_pages_title_or_parts_use_is_refused(edition, derived):
    ctx = context(edition, derived, "en", HOME)
    text = "## Our areas {#areas}\n\n<!-- a4p:areas -->\n\n<!-- a4p:more -->\n\n<!-- a4p:cite-example -->\n\n" \
           "<!-- a4p:cite-short -->\n"
    with pytest.raises(SourceError) as caught:
        registry.prose_page(ctx, render(text), "docs/index.en.md", text)
    assert str(caught.value) == ("docs/index.en.md:1: found the id 'areas' on <h2>, which this page's generated "
                                 "parts use; expected an id used once on the page")


def test_a_marker_in_a_code_block_is_named_with_its_line_in_the_file(edition, derived):
    """hooks/pages/build.py hands the prose page its HTML and the file as read: the line comes from it."""
    ctx = context(edition, derived, "en", HOME)
    text = "Intro.\n\n<!-- a4p:areas -->\n\n```\n<!-- a4p:more -->\n```\n\n<!-- a4p:cite-example -->\n\n" \
           "<!-- a4p:cite-short -->\n"
    with pytest.raises(SourceError) as caught:
        registry.prose_page(ctx, render(text), registry.DOCS / "index.en.md", text)
    assert str(caught.value) == ("docs/index.en.md:6: found the marker <!-- a4p:more --> 0 times after Markdown; "
                                 "expected each marker once, on a line of its own between paragraphs")


def test_every_real_prose_file_makes_its_page_in_every_language(edition, derived, layout):
    """The checks refuse nothing the edition's own prose holds (six languages, every prose page)."""
    for key in registry.PROSE:
        for language in edition.languages:
            shown = registry.DOCS / registry.docs_name(key, language.code)
            text = (layout.root.parent / shown).read_text(encoding="utf-8")
            registry.check_source(key, text, shown)
            html = registry.prose_page(context(edition, derived, language.code, key), render(text), shown, text)
            assert "a4p:" not in html
