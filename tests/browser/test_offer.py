"""The offer on the Chinese home page to read in the reader's preferred language (issue 7 §6;
hooks/pages/offer.py, assets/a4p-offer.js): shown when the browser prefers another of the six, in that
language's words; never a redirect; moves nothing; stays dismissed.

The tabs' languages are set the way a reader's browser sets them (the context's locale gives
navigator.languages); the default tab runs in English, as the issue says.
"""

from __future__ import annotations

import pytest

from tests.browser._support import SOURCE_LANG, open_tab, prefix

pytestmark = pytest.mark.browser

OFFER = ".a4p-offer"
# Where the page's main content and header sit: nothing of it may move for the offer.
LAYOUT = """() => ['.md-header', '.md-main', '.md-content', 'article h1'].map((s) => {
  const b = document.querySelector(s).getBoundingClientRect();
  return [s, b.top, b.left, b.width, b.height];
})"""
# Layout shifts (the browser's own record) of anything in the page's body below the header.
# The header has one of its own, the offer or not: Material shows the search box when its
# bundle, at the end of the page, takes the html element's "no-js" class off.
SHIFTS = """() => new Promise((resolve) => {
  const moved = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) for (const s of e.sources) {
      if (s.node && s.node.nodeType === 1 && s.node.closest('.md-container')) moved.push(s.node.className);
    }
  }).observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(moved)));
})"""


@pytest.fixture
def reader(browser, site_server):
    """Tabs whose browser prefers the given languages (navigator.languages)."""
    made = []

    def open_as(locale: str, **options):
        context, tab = open_tab(browser, site_server, locale=locale,
                                viewport=options.get("viewport", {"width": 1280, "height": 800}))
        made.append(context)
        return tab

    yield open_as
    for context in made:
        context.close()


def test_english_reader_is_offered_english_and_stays_on_chinese(page, site_server, edition):
    page.goto(site_server)
    offer = page.locator(OFFER)
    offer.wait_for(state="visible")
    assert page.url == site_server, "the offer must never redirect"
    assert page.evaluate("document.documentElement.lang") == SOURCE_LANG
    assert page.evaluate("navigator.languages[0]").startswith("en")
    strings = edition.strings["en"]
    assert offer.get_attribute("lang") == "en"
    assert strings["offer.text"] in offer.inner_text()
    link = offer.locator("a")
    assert link.inner_text() == strings["offer.read"]
    assert link.evaluate("a => a.href") == f"{site_server}{prefix('en')}"
    assert offer.locator("button").get_attribute("aria-label") == strings["offer.dismiss"]
    link.click()
    page.wait_for_url(f"{site_server}{prefix('en')}")
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("locale,lang", [("fr-FR", "fr"), ("ar-EG", "ar"), ("ru", "ru")])
def test_other_readers_are_offered_their_language_in_its_words(reader, site_server, edition, locale, lang):
    tab = reader(locale)
    tab.goto(site_server)
    offer = tab.locator(OFFER)
    offer.wait_for(state="visible")
    direction = edition.language(lang).dir
    assert (offer.get_attribute("lang"), offer.get_attribute("dir")) == (lang, direction)
    assert offer.locator("a").inner_text() == edition.strings[lang]["offer.read"]
    assert offer.locator("a").evaluate("a => a.href") == f"{site_server}{prefix(lang)}"


@pytest.mark.parametrize("locale", ["zh-CN", "de-DE"])
def test_no_offer_for_chinese_or_a_language_the_edition_lacks(reader, site_server, locale):
    tab = reader(locale)
    tab.goto(site_server)
    tab.wait_for_function("() => document.readyState === 'complete'")
    assert tab.locator(OFFER).is_hidden()
    assert tab.locator(f"{OFFER} a").count() == 0


def test_the_first_preferred_language_the_edition_has_wins(reader, site_server):
    """German first, then Spanish: Spanish is offered; Chinese before English: nothing."""
    tab = reader("de-DE")
    tab.context.set_extra_http_headers({})
    tab.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['de-DE', 'es-ES', 'en']})")
    tab.goto(site_server)
    tab.locator(OFFER).wait_for(state="visible")
    assert tab.locator(OFFER).get_attribute("lang") == "es"
    other = reader("en")
    other.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['zh-TW', 'en-US']})")
    other.goto(site_server)
    other.wait_for_function("() => document.readyState === 'complete'")
    assert other.locator(OFFER).is_hidden()


def test_no_offer_on_the_english_home_page(page, site_server):
    page.goto(f"{site_server}{prefix('en')}")
    page.wait_for_function("() => document.readyState === 'complete'")
    assert page.locator(OFFER).count() == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_dismissed_by_keyboard_and_stays_dismissed_and_nothing_moves(reader, site_server, width):
    tab = reader("en-US", viewport={"width": width, "height": 800})
    tab.goto(site_server)
    offer = tab.locator(OFFER)
    offer.wait_for(state="visible")
    shown = tab.evaluate(LAYOUT)
    assert tab.evaluate(SHIFTS) == []
    # reach the dismiss button with Tab alone, as a keyboard user does
    button = offer.locator("button")
    for _ in range(40):
        tab.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the offer's dismiss button")
    tab.keyboard.press("Enter")
    offer.wait_for(state="hidden")
    assert tab.evaluate(LAYOUT) == shown, "the page moved when the offer went"
    assert tab.evaluate("document.activeElement.tagName") == "MAIN", "focus is lost with the offer"
    tab.reload()
    tab.wait_for_function("() => document.readyState === 'complete'")
    assert offer.is_hidden(), "the offer came back after it was dismissed"
    assert tab.evaluate(LAYOUT) == shown, "the page without the offer is laid out differently"


def test_escape_dismisses(page, site_server):
    page.goto(site_server)
    offer = page.locator(OFFER)
    offer.locator("a").focus()
    page.keyboard.press("Escape")
    offer.wait_for(state="hidden")


def test_without_storage_the_offer_still_works_and_goes(reader, site_server):
    """A browser that refuses storage: the offer shows and dismisses, with no error."""
    tab = reader("en-US")
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', "
                        "'SecurityError'); }})")
    tab.goto(site_server)
    offer = tab.locator(OFFER)
    offer.wait_for(state="visible")
    offer.locator("button").click()
    offer.wait_for(state="hidden")
    assert [e for e in errors if "a4p" in e or "offer" in e.lower()] == [], errors
