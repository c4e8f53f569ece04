"""Share a paragraph (assets/a4p-share.js, hooks/pages/share.py), in Chromium: with the Web Share
API (a stub: Chromium on Linux has none), without it (the link copied), with the clipboard
refused (the link selected), by keyboard alone, from the offline bundle, and as a screen reader
meets it (the button's name, the live status).

What is shared is read off source/ and the contract here: the paragraph's canonical URL
(site_url + the page + #para-N), the declaration's name (the text file's subtitle), the
paragraph's number.
"""

from __future__ import annotations

import pytest

from tests.browser._support import CLIPBOARD, EDITION, SOURCE_LANG, canonical, open_tab, prefix

pytestmark = pytest.mark.browser

STATUS = "p.a4p-share-status"
# Web Share, as a phone's browser has it: what was shared is kept for the test to read
WEB_SHARE = """
navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };
navigator.canShare = () => true;
"""


def slug_of(number: int) -> str:
    return EDITION.structure.page_of(number).slug


@pytest.fixture
def http(clipboard_page):
    """A tab on the served site that may read and write the clipboard (tests/browser/conftest.py)."""
    return clipboard_page


def status(page) -> str:
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent !== ''")
    return page.locator(STATUS).inner_text()


def strings(lang: str):
    return EDITION.strings[lang]


@pytest.mark.parametrize("lang,number", [("zh", 9), ("en", 13), ("ar", 9)])
def test_without_web_share_the_link_is_copied(http, lang, number):
    assert http.evaluate("() => typeof navigator.share") == "undefined", "Chromium on Linux has no Web Share"
    http.goto(f"{http.root}{prefix(lang)}{slug_of(number)}/")
    http.locator(f"#para-{number} button.a4p-share").click()
    assert status(http) == strings(lang)["share.copied"]
    assert http.evaluate("() => navigator.clipboard.readText()") == canonical(lang, slug_of(number), number)


def test_with_web_share_the_share_sheet_gets_the_paragraph(http):
    http.add_init_script(WEB_SHARE)
    http.goto(f"{http.root}en/{slug_of(13)}/")
    http.locator("#para-13 button.a4p-share").click()
    assert status(http) == strings("en")["share.shared"]
    shared = http.evaluate("() => window.__shared")
    title = EDITION.texts["en"].subtitle
    assert shared == {"title": title, "text": f"{title}, paragraph 13", "url": canonical("en", slug_of(13), 13)}
    assert http.evaluate("() => navigator.clipboard.readText()") != shared["url"], "shared, not copied"


def test_a_cancelled_share_says_nothing_and_copies_nothing(http):
    # the share sheet closed by the reader; and every timer the page sets, counted: a message
    # is always said through one, so none set after the click means none will be said
    http.add_init_script("""
        navigator.share = () => { window.__asked = (window.__asked || 0) + 1;
            return Promise.reject(new DOMException('cancelled', 'AbortError')); };
        const set = window.setTimeout;
        window.__timers = 0;
        window.setTimeout = (f, ms) => { window.__timers += 1; return set(f, ms); };
    """)
    http.goto(f"{http.root}{slug_of(9)}/")
    http.evaluate("() => navigator.clipboard.writeText('before')")
    timers = http.evaluate("() => window.__timers")
    http.locator("#para-9 button.a4p-share").click()
    # the refusal is handled in a microtask of the click's own task, before this next task
    http.wait_for_function("() => window.__asked === 1")
    assert http.evaluate("() => window.__timers") == timers, "a message was set to come"
    assert http.locator(STATUS).inner_text() == ""
    assert http.evaluate("() => navigator.clipboard.readText()") == "before"


def test_where_the_clipboard_is_refused_the_link_is_selected(http):
    http.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError'));")
    http.goto(f"{http.root}ar/{slug_of(9)}/")
    http.locator("#para-9 button.a4p-share").click()
    url = canonical("ar", slug_of(9), 9)
    assert status(http) == f"{strings('ar')['share.selected']} {url}"
    assert http.evaluate("() => getSelection().toString()") == url
    assert http.locator(f"{STATUS} span").get_attribute("dir") == "ltr"
    http.keyboard.press("Escape")
    http.wait_for_function(f"() => document.querySelector('{STATUS}').textContent === ''")


def test_keyboard_only_and_what_a_screen_reader_meets(http):
    http.goto(f"{http.root}en/{slug_of(13)}/")
    button = http.get_by_role("button", name=strings("en").format("share.button_label", number="13"))
    assert button.count() == 1 and button.is_visible()
    http.locator("#para-13 button.a4p-cite").focus()
    http.keyboard.press("Tab")
    assert http.evaluate("() => document.activeElement.getAttribute('data-a4p-share')") == "13"
    http.keyboard.press("Enter")
    assert status(http) == strings("en")["share.copied"]
    assert http.get_by_role("status").filter(has_text=strings("en")["share.copied"]).count() == 1
    assert http.evaluate("() => navigator.clipboard.readText()") == canonical("en", slug_of(13), 13)
    http.keyboard.press("Space")  # the button again, by the other key a button takes
    http.wait_for_function(f"() => document.querySelector('{STATUS}').textContent !== ''")
    assert http.evaluate("() => document.activeElement.getAttribute('data-a4p-share')") == "13", "focus stays"


def test_every_paragraph_has_a_share_button_that_is_apparatus(http):
    http.goto(f"{http.root}full-text/")
    found = http.evaluate("""() => [...document.querySelectorAll('.a4p-para')].map(p => {
        const b = p.querySelector('button.a4p-share');
        return b && !b.hidden && b.hasAttribute('data-apparatus') ? b.getAttribute('data-a4p-share') : null; })""")
    assert found == [str(n) for n in range(1, EDITION.structure.paragraph_count + 1)]
    http.locator("#para-5 button.a4p-share").click()  # on the full text, the canonical text page's URL
    status(http)
    assert http.evaluate("() => navigator.clipboard.readText()") == canonical(SOURCE_LANG, slug_of(5), 5)


def test_from_the_offline_bundle_the_online_link_is_copied(browser, bundle):
    context, tab = open_tab(browser, "file://", viewport={"width": 1280, "height": 800}, permissions=CLIPBOARD)
    try:
        tab.goto(f"{bundle.folder.as_uri()}/fr/{slug_of(9)}.html")
        tab.locator("#para-9 button.a4p-share").click()
        assert status(tab) == strings("fr")["share.copied"]
        assert tab.evaluate("() => navigator.clipboard.readText()") == canonical("fr", slug_of(9), 9)
    finally:
        context.close()


def test_without_the_script_no_share_button_shows(browser, site_server):
    context, tab = open_tab(browser, site_server, viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    try:
        tab.goto(f"{site_server}{slug_of(9)}/")
        assert tab.locator("button.a4p-share").count() == len(EDITION.structure.page(slug_of(9)).numbers)
        assert tab.locator("button.a4p-share:visible").count() == 0
    finally:
        context.close()
