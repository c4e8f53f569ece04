"""Glossary terms in the text and the glossary page, in headless Chromium.

A marked term (a.a4p-term) shows its definition, the element its aria-describedby names, on
hover, on keyboard focus and on tap; on a touch screen the first tap shows it and the second
follows the link to the glossary entry. The glossary page's filter narrows the entries as
one types. Every test checks that no request left the site (page.outside.blocked).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser._support import LANGS, open_tab, page_path

pytestmark = pytest.mark.browser

PARAGRAPH = 9  # on /protection/: 东道国, 保护平民, 授权, 维和行动, 保护平民, 人权 are marked
TERMS = "#para-9 a.a4p-term"


def term_id(link) -> str:
    return link.get_attribute("href").rsplit("#term-", 1)[1]


def tip_of(page, link):
    tip_id = link.get_attribute("aria-describedby")
    assert tip_id, "a marked term names its tooltip with aria-describedby"
    return page.locator(f"[id='{tip_id}']")


def open_protection(page, site_server):
    page.goto(f"{site_server}{page_path('zh', 'protection')}")
    expect(page.locator(TERMS).first).to_be_visible()
    return page.locator(TERMS)


def test_hover_shows_each_definition_of_paragraph_9(page, site_server, edition):
    terms = open_protection(page, site_server)
    definitions = edition.glossaries["zh"].terms
    assert terms.count() >= 5
    for index in range(terms.count()):
        link = terms.nth(index)
        tip = tip_of(page, link)
        expect(tip).to_be_hidden()
        expect(tip).to_have_attribute("role", "tooltip")
        link.hover()
        expect(tip).to_be_visible()
        assert tip.text_content() == definitions[term_id(link)].definition
        page.mouse.move(0, 0)  # away: the tooltip goes (and uncovers the next term)
        expect(tip).to_be_hidden()
    assert page.outside.blocked == []


def test_keyboard_focus_shows_the_definition(page, site_server, edition):
    terms = open_protection(page, site_server)
    for _ in range(200):  # Tab from the top of the page to the first marked term
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.a4p-term')"):
            break
    else:
        pytest.fail("Tab never reached a marked term")
    first, second = terms.nth(0), terms.nth(1)
    expect(first).to_be_focused()  # the first term in document order is in paragraph 9
    expect(tip_of(page, first)).to_be_visible()
    assert tip_of(page, first).text_content() == edition.glossaries["zh"].terms[term_id(first)].definition
    page.keyboard.press("Tab")  # the tooltip itself is not a stop: on to the next term
    expect(second).to_be_focused()
    expect(tip_of(page, first)).to_be_hidden()
    expect(tip_of(page, second)).to_be_visible()
    assert tip_of(page, second).text_content() == edition.glossaries["zh"].terms[term_id(second)].definition
    second.blur()
    expect(tip_of(page, second)).to_be_hidden()
    assert page.outside.blocked == []


def test_focus_by_script_shows_and_blur_hides(page, site_server, edition):
    terms = open_protection(page, site_server)
    link = terms.last
    tip = tip_of(page, link)
    link.focus()
    expect(tip).to_be_visible()
    assert tip.text_content() == edition.glossaries["zh"].terms[term_id(link)].definition
    link.blur()
    expect(tip).to_be_hidden()
    assert page.outside.blocked == []


@pytest.mark.parametrize("how", ["focus", "hover"])
def test_escape_hides_the_tooltip(page, site_server, how):
    """WCAG 1.4.13: content shown on hover or focus can be dismissed without moving either."""
    terms = open_protection(page, site_server)
    link = terms.first
    tip = tip_of(page, link)
    getattr(link, how)()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert page.outside.blocked == []


@pytest.fixture
def touch_page(browser, site_server):
    """A phone: touch, no hover; requests to other hosts blocked as in the ``page`` fixture."""
    context, tab = open_tab(browser, site_server, has_touch=True, is_mobile=True,
                            viewport={"width": 390, "height": 844})
    yield tab
    context.close()


def test_tap_shows_then_second_tap_follows(touch_page, site_server, edition):
    page = touch_page
    terms = open_protection(page, site_server)
    assert page.evaluate("matchMedia('(hover: hover)').matches") is False  # the emulation holds
    link = terms.first
    tip = tip_of(page, link)
    entry = term_id(link)
    start = page.url
    link.tap()
    expect(tip).to_be_visible()
    expect(tip).to_have_class(re.compile(r"(^|\s)a4p-tip--open(\s|$)"))
    assert tip.text_content() == edition.glossaries["zh"].terms[entry].definition
    assert page.url == start  # the first tap did not navigate
    link.tap()
    page.wait_for_url(f"{site_server}{page_path('zh', 'glossary')}#term-{entry}")
    expect(page.locator(f"#term-{entry}")).to_be_visible()
    assert page.outside.blocked == []


def test_tap_on_another_term_moves_the_tooltip_and_a_tap_elsewhere_closes_it(touch_page, site_server):
    page = touch_page
    open_protection(page, site_server)
    # two terms far enough apart that the open tooltip of the first cannot cover the second
    first, second = page.locator(TERMS).first, page.locator("#para-10 a.a4p-term").last
    start = page.url
    first.tap()
    expect(tip_of(page, first)).to_be_visible()
    second.tap()
    expect(tip_of(page, second)).to_be_visible()
    expect(tip_of(page, first)).to_be_hidden()
    page.locator("h1").tap()
    expect(tip_of(page, second)).to_be_hidden()
    assert page.url == start
    assert page.outside.blocked == []


# -- the glossary page's filter ---------------------------------------------------------------

def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(".a4p-entry:not([hidden])", "es => es.map(e => e.id.slice(5))")


def expected_ids(edition, query: str) -> set[str]:
    """Entries any of whose forms, in any language, contains ``query`` (case ignored)."""
    query = query.strip().casefold()
    return {term_id for term_id in edition.glossaries["zh"].terms
            if any(query in form.casefold()
                   for code in edition.glossaries for form in edition.glossaries[code].terms[term_id].forms)}


# What the filter's live status says for n matching terms, as written in source/i18n.
SAYS = {
    "zh": lambda n: f"找到 {n} 个术语。",
    "en": lambda n: f"{n} term matches." if n == 1 else f"{n} terms match.",
}


FILTERS = {
    "zh": [("人", "人权"), ("保护", "保护平民"), ("African", "African Union")],
    "en": [("secu", "security council"), ("peacekeeping", "peacekeeping op"), ("非", "非盟")],
}


@pytest.mark.parametrize("code", ["zh", "en"])
def test_filter_narrows_as_one_types(page, site_server, edition, code):
    page.goto(f"{site_server}{page_path(code, 'glossary')}")
    entries = page.locator(".a4p-entry:not([hidden])")
    total = len(edition.glossaries[code].terms)
    expect(entries).to_have_count(total)
    box = page.locator("#a4p-filter")
    for shorter, longer in FILTERS[code]:
        box.fill("")
        expect(entries).to_have_count(total)
        box.press_sequentially(shorter)
        wide = expected_ids(edition, shorter)
        expect(entries).to_have_count(len(wide))
        assert set(visible_ids(page)) == wide
        box.press_sequentially(longer[len(shorter):])
        narrow = expected_ids(edition, longer)
        expect(entries).to_have_count(len(narrow))
        assert set(visible_ids(page)) == narrow
        assert narrow and narrow <= wide < set(edition.glossaries[code].terms), (shorter, longer)
        expect(page.locator(".a4p-filter__status")).to_have_text(SAYS[code](len(narrow)))
    assert page.outside.blocked == []


@pytest.mark.parametrize("code", ["zh", "en"])
def test_filter_finds_a_term_exactly(page, site_server, edition, code):
    page.goto(f"{site_server}{page_path(code, 'glossary')}")
    term = edition.glossaries[code].terms["protection-of-civilians"].term
    page.locator("#a4p-filter").press_sequentially(term.upper() if code == "en" else term)
    expect(page.locator(".a4p-entry:not([hidden])")).to_have_count(1)
    assert visible_ids(page) == ["protection-of-civilians"]
    expect(page.locator(".a4p-filter__status")).to_have_text(SAYS[code](1))
    assert page.outside.blocked == []


@pytest.mark.parametrize("code", LANGS)
def test_filter_says_when_nothing_matches(page, site_server, edition, code):
    page.goto(f"{site_server}{page_path(code, 'glossary')}")
    empty = page.locator(".a4p-filter__status")
    expect(empty).to_be_hidden()  # empty: nothing to say before a query
    assert page.get_attribute(".a4p-filter__status", "role") == "status"
    box = page.locator("#a4p-filter")
    box.press_sequentially("xqzxqz")
    expect(empty).to_be_visible()
    expect(empty).to_have_text(edition.strings[code]["glossary.no_match"])
    expect(page.locator(".a4p-entry:not([hidden])")).to_have_count(0)
    box.fill("")
    expect(empty).to_be_hidden()
    expect(page.locator(".a4p-entry:not([hidden])")).to_have_count(len(edition.glossaries[code].terms))
    assert page.outside.blocked == []


@pytest.mark.parametrize("code", LANGS)
def test_used_in_link_arrives_at_a_paragraph_marking_the_term(page, site_server, edition, code):
    page.goto(f"{site_server}{page_path(code, 'glossary')}#term-protection-of-civilians")
    label = edition.strings[code]["glossary.used_in"]
    entry = page.locator("#term-protection-of-civilians")
    links = entry.locator(f"dt:text-is('{label}') + dd a")
    expect(links.first).to_be_visible()
    first = links.first
    href = first.get_attribute("href")
    number = int(href.rsplit("#para-", 1)[1])
    slug = edition.structure.page_of(number).slug
    first.click()
    page.wait_for_url(f"{site_server}{page_path(code, slug)}#para-{number}")
    paragraph = page.locator(f"#para-{number}")
    expect(paragraph).to_be_visible()
    assert page.evaluate(f"document.getElementById('para-{number}').matches(':target')")
    expect(paragraph.locator("a.a4p-term[href$='#term-protection-of-civilians']").first).to_be_visible()
    assert page.outside.blocked == []


# -- marks in every language ------------------------------------------------------------------

SHOWN = """(n) => [...document.querySelectorAll(`#para-${n} a.a4p-term`)].map(
  (a) => [a.textContent, a.getAttribute('href').split('#term-')[1]])"""


@pytest.mark.parametrize("code", LANGS)
def test_marks_of_every_language_are_whole_words_as_written(page, site_server, edition, code):
    """On the protection page of each language: the marks are the matcher's (hooks/edition/terms.py,
    with the language's folding), each the text as written, a whole word where the language
    has word boundaries, and hovering one shows its definition."""
    language, glossary = edition.language(code), edition.glossaries[code]
    matcher = glossary.matcher(language.word_boundaries)
    spec = edition.structure.page_of(PARAGRAPH)
    page.goto(f"{site_server}{page_path(code, spec.slug)}")
    marked = 0
    for n in spec.numbers:
        words = edition.texts[code].paragraphs[n]
        shown = page.evaluate(SHOWN, n)
        assert shown == [[m.form, m.term_id] for m in matcher.find(words)], n
        for form, _ in shown:
            assert form in words
            if language.word_boundaries:
                assert re.search(rf"(?<!\w){re.escape(form)}(?!\w)", words), (n, form)
        marked += len(shown)
    assert marked, f"no term marked on {spec.slug} in {code}"
    link = page.locator(".a4p-para a.a4p-term").first
    link.hover()
    expect(tip_of(page, link)).to_be_visible()
    assert tip_of(page, link).text_content() == glossary.terms[term_id(link)].definition


@pytest.mark.parametrize("code", LANGS)
def test_a_term_behind_a_clitic_is_marked_as_the_whole_word(page, site_server, edition, code):
    """A language whose folding has clitics (Arabic): somewhere in the text a glossary term
    stands with a clitic attached (والمدنيين, لحفظ السلام), and it is marked, the clitic in the
    mark. Any other language: every mark is one of the glossary's forms, nothing attached."""
    glossary = edition.glossaries[code]
    fold = glossary.folding.fold if glossary.folding else (lambda text: text)
    forms = {fold(form) for term in glossary.terms.values() for form in term.forms}
    matcher = glossary.matcher(edition.language(code).word_boundaries)
    attached = [(n, m) for n, words in sorted(edition.texts[code].paragraphs.items())
                for m in matcher.find(words) if fold(m.form) not in forms]
    clitics = [prefix for prefix, _ in glossary.folding.clitics] if glossary.folding else []
    if not clitics:
        assert attached == []
        return
    assert attached, f"no term of {code} with a clitic in the whole text"
    n, match = attached[0]
    assert any(fold(match.form).startswith(clitic) for clitic in clitics), match
    page.goto(f"{site_server}{page_path(code, edition.structure.page_of(n).slug)}")
    assert [match.form, match.term_id] in page.evaluate(SHOWN, n)
