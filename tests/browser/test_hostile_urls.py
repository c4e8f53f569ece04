"""Pages opened at hostile addresses: a fragment or query that someone else wrote (bad percent
escapes, markup, 10,000 characters, names of JavaScript's own properties) raises no error in
the page, and the page still works; what the edition carries on from the address (the
language switch's links, the redirect pages' target) keeps only a fragment of the edition's
kind (#para-N, #term-{id}, an ASCII id), never the rest.

/en/parallel/?a=zh&b=en#%E0%A4%A raised an uncaught URIError in assets/a4p-parallel.js.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser._support import LANGS, arrive, page_path, prefix

pytestmark = pytest.mark.browser

LONG = "a" * 10_000
IMG = '"><img src=x onerror=alert(1)>'


@pytest.fixture
def page(fresh_page):
    """A tab of its own for every test here: they listen to the page (errors, dialogs), which
    the shared tab refuses."""
    return fresh_page


def watch(page) -> list[str]:
    """What goes wrong in the page from now on: uncaught errors and dialogs, in order."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    return problems


def switch_fragments(page) -> set[str]:
    """The fragments of the language switch's links ('' for none)."""
    hrefs = page.eval_on_selector_all(".md-header a.a4p-alternate", "(as) => as.map((a) => a.href)")
    assert len(hrefs) == len(LANGS)
    return {urlsplit(href).fragment for href in hrefs}


# -- the parallel view -------------------------------------------------------------------------

PARALLEL = [
    "?a=zh&b=en#%E0%A4%A",  # the report: a truncated escape in the fragment
    "?a=zh&b=en#%",
    "?a=zh&b=en#%ZZ%",
    "?a=%E0%A4%A&b=%ZZ",  # and in the query
    "?a=%&b=%%",
    "?a=<script>alert(1)</script>&b=en",
    "?a=%3Cscript%3Ealert(1)%3C%2Fscript%3E&b=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    f"?a=zh&b=en#{LONG}",
    f"?a={LONG}&b={LONG}",
    "?a=zh&b=en#para-999",
    "?a=zh&b=en#para-0",
    "#constructor",
    "#__proto__",
    "?a=__proto__&b=constructor",
    "?a=toString&b=hasOwnProperty#hasOwnProperty",
    "?a=en&a=ar&b=en&b=zh",
    f"?a=zh&b=en#{IMG}",
    "?a=zh&b=en#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
]
READY = "[data-a4p-parallel][data-state=ready]"
CELLS = """() => [...document.querySelectorAll('.a4p-parallel__row[id^="para-"]')].map((row) =>
  [...row.querySelectorAll('.a4p-parallel__cell')].map((cell) => cell.getAttribute('lang')))"""


@pytest.mark.parametrize("tail", PARALLEL)
def test_the_parallel_view_survives_any_address(page, site_server, tail):
    problems = watch(page)
    page.goto(f"{site_server}en/parallel/{tail}")
    page.wait_for_selector(READY)
    page.wait_for_load_state("load")
    pair = page.get_attribute("[data-a4p-parallel]", "data-pair").split("|")
    assert len(pair) == 2 and pair[0] != pair[1] and set(pair) <= set(LANGS), pair
    rows = page.evaluate(CELLS)
    assert rows and all(row == pair for row in rows), "every row holds the two languages"
    assert problems == []
    assert switch_fragments(page) <= {"", "para-999", "para-0", "constructor", "hasOwnProperty"}


def test_the_parallel_view_still_lands_on_its_row(page, site_server):
    """The fix keeps the landing: #para-N makes row N the :target."""
    problems = watch(page)
    page.goto(f"{site_server}en/parallel/?a=zh&b=en#para-12")
    page.wait_for_function("document.getElementById('para-12') && document.getElementById('para-12').matches(':target')")
    assert switch_fragments(page) == {"para-12"}
    assert problems == []


# -- the language switch -----------------------------------------------------------------------

# (fragment as given, what the switch carries on): only an id of the edition's kind is kept.
SWITCH = [
    ("#para-10", "para-10"),
    ("#term-protection-of-civilians", "term-protection-of-civilians"),
    ("#%E0%A4%A", ""),
    (f"#{IMG}", ""),
    ("#javascript:alert(1)", ""),
    ('#para-10"onmouseover="alert(1)', ""),
    ("#para-10?a=<b>", ""),
    (f"#{LONG}", ""),
    ("#__proto__", ""),
    ("#%70ara-10", ""),  # an escaped letter: not written as the edition writes its ids
]


@pytest.mark.parametrize("fragment, kept", SWITCH, ids=lambda v: v[:40])
def test_the_language_switch_keeps_only_an_id_of_the_edition(page, site_server, fragment, kept):
    problems = watch(page)
    page.goto(f"{site_server}{page_path('en', 'protection')}{fragment}")
    page.wait_for_load_state("load")
    assert problems == []
    assert switch_fragments(page) == {kept}


def test_the_language_switch_follows_a_hostile_change_of_fragment(page, site_server):
    problems = watch(page)
    page.goto(f"{site_server}{page_path('en', 'protection')}#para-10")
    page.wait_for_load_state("load")
    page.evaluate("(hash) => { location.hash = hash; }", IMG)
    page.wait_for_function("() => [...document.querySelectorAll('.md-header a.a4p-alternate')]"
                           ".every((a) => !a.getAttribute('href').includes('#'))")
    # a fragment changed without a hashchange (history.replaceState): checked at the moment of use
    page.evaluate("(hash) => history.replaceState(null, '', hash)", f"#{LONG}")
    link = page.locator(".md-header a.a4p-alternate[hreflang='fr']")
    link.dispatch_event("contextmenu")
    assert "#" not in link.get_attribute("href")
    assert problems == []


# -- the redirect pages of the /zh/ aliases --------------------------------------------------------

REDIRECTS = [
    ("#para-10", "#para-10"),
    ("#%E0%A4%A", ""),
    (f"#{IMG}", ""),
    ("#javascript:alert(1)", ""),
    (f"#{LONG}", ""),
    ("#__proto__", ""),
]


@pytest.mark.parametrize("fragment, kept", REDIRECTS, ids=lambda v: v[:40])
def test_a_redirect_page_carries_on_only_an_id_of_the_edition(page, site_server, fragment, kept):
    problems = watch(page)
    page.goto(f"{site_server}zh/protection/{fragment}")
    arrive(page, f"{site_server}{page_path(LANGS[0], 'protection')}{kept}")
    page.wait_for_load_state("load")
    assert problems == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_home_page_takes_a_hostile_fragment_and_query(page, site_server, lang):
    """Every page's own scripts (search, cite, the offer, the theme's) and the address."""
    problems = watch(page)
    page.goto(f"{site_server}{prefix(lang)}?q=%E0%A4%A&a=<script>#%E0%A4%A{LONG}")
    page.wait_for_load_state("load")
    page.evaluate("window.a4p.search.load()")
    assert problems == []
    assert switch_fragments(page) == {""}
