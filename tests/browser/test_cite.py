"""Cite a paragraph or the whole declaration (assets/a4p-cite.js, hooks/pages/cite_panel.py), over
HTTP and from the offline bundle (file://).

What a copy gives is compared with hooks/outputs/cite.py's output for the same language, paragraph,
release and canonical URL (the release read off the page's footer, which says which copy it
is; hooks/outputs/cite.py's output is pinned by the golden files of tests/test_cite.py), and its content
is also checked directly: the language's form of the reference, the paragraph, the canonical
URL.
"""

from __future__ import annotations

import json

import pytest

from hooks.outputs import cite
from tests.browser._support import CLIPBOARD, EDITION, SOURCE_LANG, canonical, open_tab, prefix, site_url

pytestmark = pytest.mark.browser

PANEL = "#a4p-cite"
# (language, paragraph): a Chinese and an English paragraph, and one Arabic (right to left)
CASES = [("zh", 13), ("en", 13), ("ar", 9)]


def slug_of(number: int) -> str:
    return EDITION.structure.page_of(number).slug


def expected(page, lang: str, number: int | None) -> dict[str, str]:
    """hooks/outputs/cite.py's citations for this page's copy (its footer's version and date)."""
    release = page.locator(".a4p-release")
    version, date = release.get_attribute("data-version"), release.get_attribute("data-date")
    assert version and date, "the built site carries no release in its footer"
    link = canonical(lang, slug_of(number), number) if number else f"{site_url()}{prefix(lang)}full-text/"
    return cite.formats(cite.cited(EDITION, lang, version, date), number, link)


@pytest.fixture
def http(clipboard_page):
    """A tab on the served site that may read and write the clipboard (tests/browser/conftest.py)."""
    return clipboard_page


@pytest.fixture
def disk(browser, bundle):
    """A tab for the unzipped offline bundle, opened from disk."""
    context, tab = open_tab(browser, "file://", viewport={"width": 1280, "height": 800}, permissions=CLIPBOARD)
    tab.root = bundle.folder.as_uri() + "/"
    yield tab
    context.close()


def open_panel(page, number: int | None):
    button = page.locator(f"#para-{number} button.a4p-cite" if number else ".a4p-cite-whole button.a4p-cite")
    button.click()
    page.locator(PANEL).wait_for(state="visible")
    return button


def status(page) -> str:
    return page.locator(f"{PANEL} [role=status]").inner_text()


def copy(page, fmt: str) -> None:
    page.evaluate("() => { document.querySelector('#a4p-cite [role=status]').textContent = ''; }")
    page.locator(f"{PANEL} button[data-a4p-copy='{fmt}']").click()
    page.wait_for_function("() => document.querySelector('#a4p-cite [role=status]').textContent !== ''")


def check_content(lang: str, number: int, fmt: str, text: str) -> None:
    """What a citation must say, read off the issue and source/ (not off hooks/outputs/cite.py)."""
    url = canonical(lang, slug_of(number), number)
    title = EDITION.texts[lang].subtitle
    if fmt == "reference":
        assert text.endswith(url)
        if lang == "zh":
            assert text == f"《联合国维和行动共同承诺宣言》（2018年）第{number}段，{url}"
        elif lang == "en":
            assert text.startswith(f"Declaration of Shared Commitments on UN Peacekeeping Operations (2018), para. {number}. "
                                   "Unofficial English translation, ")
        elif lang == "ar":
            assert text.startswith(f"«{title}» (2018)، الفقرة {number}. ترجمة عربية غير رسمية")
    elif fmt == "bibtex":
        assert text.startswith(f"@misc{{a4p-declaration-{lang}-para-{number},\n")
        for line in (f"  title = {{{{{title}}}}},", "  date = {2018-09-25},", f"  language = {{{lang}}},",
                     f"  url = {{{url}}},"):
            assert line in text.split("\n"), line
    elif fmt == "ris":
        lines = text.rstrip("\n").split("\n")
        assert lines[0] == "TY  - GEN" and lines[-1] == "ER  - "
        for line in (f"TI  - {title}", "DA  - 2018/09/25/", f"LA  - {lang}", f"UR  - {url}"):
            assert line in lines, line
    else:
        [item] = json.loads(text)
        assert (item["title"], item["language"], item["URL"]) == (title, lang, url)
        assert item["issued"] == {"date-parts": [[2018, 9, 25]]} and str(number) in item["section"]


@pytest.mark.parametrize("lang, number", CASES)
def test_copy_every_format_of_a_paragraph_over_http(http, lang, number):
    http.goto(f"{http.root}{prefix(lang)}{slug_of(number)}/")
    want = expected(http, lang, number)
    open_panel(http, number)
    for fmt in cite.FORMATS:
        copy(http, fmt)
        copied = http.evaluate("() => navigator.clipboard.readText()")
        assert copied == want[fmt], fmt
        check_content(lang, number, fmt, copied)
        assert status(http) == EDITION.strings[lang]["cite.copied"]
        # the panel shows what is copied
        assert http.locator(f"#a4p-cite-{fmt}").text_content() == want[fmt]


def test_copy_the_whole_declaration_over_http(http):
    http.goto(f"{http.root}en/protection/")
    want = expected(http, "en", None)
    open_panel(http, None)
    assert http.get_by_role("dialog", name=EDITION.strings["en"]["cite.whole_button"]).is_visible()
    for fmt in cite.FORMATS:
        copy(http, fmt)
        assert http.evaluate("() => navigator.clipboard.readText()") == want[fmt]
    assert want["reference"].startswith("Declaration of Shared Commitments on UN Peacekeeping Operations (2018). ")
    assert want["reference"].endswith(f" {site_url()}en/full-text/")


def selected_or_copied(page, want: str) -> str:
    """From file://: the clipboard if the browser allowed it, else the selection the page made
    for the reader (and then the status says so; a selection of a <pre> leaves out its last
    line break, put back here when ``want`` has one)."""
    lang = page.evaluate("() => document.documentElement.lang")
    if status(page) == EDITION.strings[lang]["cite.copied"]:
        return page.evaluate("() => navigator.clipboard.readText()")
    assert status(page) == EDITION.strings[lang]["cite.selected"]
    selected = page.evaluate("() => getSelection().toString()")
    return selected + "\n" if want.endswith("\n") and not selected.endswith("\n") else selected


@pytest.mark.parametrize("lang, number", CASES)
def test_copy_every_format_of_a_paragraph_from_disk(disk, lang, number):
    disk.goto(f"{disk.root}{prefix(lang)}{slug_of(number)}.html")
    want = expected(disk, lang, number)
    open_panel(disk, number)
    for fmt in cite.FORMATS:
        copy(disk, fmt)
        got = selected_or_copied(disk, want[fmt])
        assert got == want[fmt], fmt  # the canonical online URL, not the file's
        check_content(lang, number, fmt, got)


def test_where_the_clipboard_is_refused_the_text_is_selected(http):
    """The fallback, forced: the Clipboard API refuses; the citation is selected, focused, and
    the live status says to copy it with the keyboard."""
    http.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError'));")
    http.goto(f"{http.root}{slug_of(13)}/")
    want = expected(http, SOURCE_LANG, 13)
    open_panel(http, 13)
    copy(http, "bibtex")
    assert status(http) == EDITION.strings[SOURCE_LANG]["cite.selected"]
    # a selection of a <pre> leaves out its last line break
    assert http.evaluate("() => getSelection().toString()") == want["bibtex"].rstrip("\n")
    assert http.evaluate("() => document.activeElement.id") == "a4p-cite-bibtex"
    assert http.locator(f"{PANEL} [role=status]").get_attribute("role") == "status"


def test_keyboard_only_open_copy_and_escape_returns_focus(http):
    http.goto(f"{http.root}en/{slug_of(13)}/")
    want = expected(http, "en", 13)
    http.locator("#para-13 a.a4p-permalink").focus()
    http.keyboard.press("Tab")
    focused = "() => document.activeElement && document.activeElement.getAttribute('data-a4p-cite')"
    assert http.evaluate(focused) == "13", "Tab after the ¶ mark does not reach the cite button"
    http.keyboard.press("Enter")
    http.locator(PANEL).wait_for(state="visible")
    assert http.evaluate("() => document.activeElement.getAttribute('data-a4p-copy')") == "reference"
    http.keyboard.press("Enter")
    http.wait_for_function("() => document.querySelector('#a4p-cite [role=status]').textContent !== ''")
    assert http.evaluate("() => navigator.clipboard.readText()") == want["reference"]
    # Tab moves on to the next format's copy button, within the panel
    for _ in range(2):  # the reference's copy button → BibTeX's text → BibTeX's copy button
        http.keyboard.press("Tab")
    assert http.evaluate("() => document.activeElement.getAttribute('data-a4p-copy')") == "bibtex"
    http.keyboard.press("Escape")
    http.locator(PANEL).wait_for(state="hidden")
    assert http.evaluate(focused) == "13", "focus did not return to the cite button"


def test_the_close_button_and_the_whole_declarations_button_return_focus(http):
    http.goto(f"{http.root}{slug_of(9)}/")
    open_panel(http, None)
    http.locator(f"{PANEL} [data-a4p-cite-close]").click()
    http.locator(PANEL).wait_for(state="hidden")
    assert http.evaluate("() => document.activeElement.closest('.a4p-cite-whole') !== null")


def test_every_paragraph_has_a_cite_button_that_is_apparatus(http):
    http.goto(f"{http.root}fr/{slug_of(13)}/")
    spec = EDITION.structure.page_of(13)
    for number in range(spec.first, spec.last + 1):
        button = http.locator(f"#para-{number} button.a4p-cite")
        assert button.is_visible()
        assert button.evaluate("(b) => b.closest('[data-apparatus]') !== null")
        assert button.get_attribute("aria-label") == EDITION.strings["fr"].format("cite.button_label", number=str(number))
    # the paragraph's words, apparatus left out, do not include the button's label
    words = http.evaluate("""() => { const p = document.getElementById('para-13').cloneNode(true);
        p.querySelectorAll('[data-apparatus]').forEach((e) => e.remove()); return p.textContent; }""")
    assert EDITION.strings["fr"]["cite.button"] not in words


def test_a_tap_opens_the_panel_and_the_button_is_big_enough(browser, site_server):
    context, tab = open_tab(browser, site_server, viewport={"width": 390, "height": 844}, has_touch=True,
                            is_mobile=True, permissions=CLIPBOARD)
    try:
        tab.goto(f"{site_server}{slug_of(13)}/")
        button = tab.locator("#para-13 button.a4p-cite")
        button.tap()
        tab.locator(PANEL).wait_for(state="visible")
        assert tab.evaluate("() => matchMedia('(pointer: coarse)').matches")
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
        tab.locator(f"{PANEL} button[data-a4p-copy='reference']").tap()
        tab.wait_for_function("() => document.querySelector('#a4p-cite [role=status]').textContent !== ''")
        assert tab.evaluate("() => navigator.clipboard.readText()") == expected(tab, SOURCE_LANG, 13)["reference"]
    finally:
        context.close()


def test_the_full_text_cites_each_paragraphs_canonical_text_page(http):
    """The full text shows paragraph 13 too; its citation gives the text page, as its ¶ does."""
    http.goto(f"{http.root}en/full-text/")
    want = expected(http, "en", 13)
    open_panel(http, 13)
    assert http.get_by_role("dialog", name=EDITION.strings["en"].format("cite.button_label", number="13")).is_visible()
    copy(http, "reference")
    copied = http.evaluate("() => navigator.clipboard.readText()")
    assert copied == want["reference"] and copied.endswith(f" {canonical('en', slug_of(13), 13)}")
