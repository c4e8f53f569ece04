"""Helpers shared by the browser tests: tabs that count what leaves the site, paths, and
what a paragraph looks like on screen.

Paths follow CONTRACT.md: the source language (the edition's first, zh) at the site root,
every other language under ``/{lang}/``. The languages are read from the edition
(source/languages.yml), so a language added there is tested without a change here. The
canonical URL of a paragraph is ``site_url`` + its root-relative path + ``#para-N``;
``site_url`` is read from ``mkdocs.yml``, the one place that sets it.
"""

from __future__ import annotations

from pathlib import Path

from hooks.edition import load as sources
from scripts import build_site
from scripts.bench_browser import READY

ROOT = Path(__file__).resolve().parents[2]
EDITION = sources.load_edition(sources.Layout(ROOT / "source"))  # for parameters, read at collection
LANGS = [language.code for language in EDITION.languages]
SOURCE_LANG = EDITION.source.code
CLIPBOARD = ["clipboard-read", "clipboard-write"]  # the permissions a tab needs to copy and read back
ANIMATION_RATE = 100  # how much faster CSS transitions and animations run in every tab (open_tab)
# The search box has answered: ready, its status says how many results (or none), and every
# result is built (assets/search-results.js: the list is aria-busy while the rest come); for
# the query given as the argument, when one is.
ANSWERED = """(query) => {
  const form = document.querySelector('form[data-a4p-search]');
  const box = form.closest('.md-search');
  const meta = box.querySelector('[data-a4p-search-meta]');
  const list = box.querySelector('[data-a4p-search-results]');
  return form.dataset.state === 'ready' && (query == null || form.querySelector('input').value === query)
    && meta.textContent !== '' && !list.hasAttribute('aria-busy');
}"""
BUILT = ".md-search-result__list:not([aria-busy])"  # the search's list, every result built


def site_url() -> str:
    return build_site.site_url(ROOT / "mkdocs.yml")


def prefix(lang: str) -> str:
    """The root-relative folder of a language: '' for the source language, 'en/' for English."""
    return "" if lang == SOURCE_LANG else f"{lang}/"


def page_path(lang: str, slug: str) -> str:
    return f"{prefix(lang)}{slug}/"


def canonical(lang: str, slug: str, n: int) -> str:
    return f"{site_url()}{page_path(lang, slug)}#para-{n}"


# What a paragraph looks like on screen, measured in the page.
MEASURE = """(id) => {
  const target = document.getElementById(id);
  const header = document.querySelector('.md-header');
  const box = target.getBoundingClientRect();
  const words = (target.querySelector('.a4p-para__text') || target).getBoundingClientRect();
  const other = [...document.querySelectorAll('.a4p-para')].find((e) => e !== target);
  const style = getComputedStyle(target);
  const otherStyle = other ? getComputedStyle(other) : null;
  return {
    top: box.top, bottom: box.bottom, height: box.height,
    wordsBottom: words.bottom, wordsHeight: words.height,
    viewport: window.innerHeight, scrollY: window.scrollY,
    header: header ? header.getBoundingClientRect().bottom : 0,
    isTarget: target.matches(':target'),
    background: style.backgroundColor, shadow: style.boxShadow,
    otherBackground: otherStyle && otherStyle.backgroundColor,
    otherShadow: otherStyle && otherStyle.boxShadow,
    lang: document.documentElement.lang,
  };
}"""


def measure(page, n: int) -> dict:
    locator = page.locator(f"#para-{n}")
    locator.wait_for(state="attached")
    return page.evaluate(MEASURE, f"para-{n}")


# The element is the :target, its top below the sticky header and on screen.
IN_VIEW = """(id) => {
  const t = document.getElementById(id);
  const h = document.querySelector('.md-header');
  if (!t || !t.matches(':target')) return false;
  const top = t.getBoundingClientRect().top;
  return top >= (h ? h.getBoundingClientRect().bottom : 0) - 1 && top < window.innerHeight;
}"""


def wait_in_view(page, element_id: str) -> None:
    """Wait until the element ``element_id`` is the :target and its top is on screen, below
    the sticky header (the browser scrolls to a fragment once the page has laid out)."""
    page.wait_for_function(IN_VIEW, arg=element_id, timeout=5000)


def assert_in_view(page, n: int, whole: bool = True) -> dict:
    """Paragraph N is the :target, below the sticky header and on screen.

    ``whole``: where the paragraph's words fit below the header, they must be entirely
    visible; otherwise (words taller than a small viewport) their top must be on screen. The
    words (``.a4p-para__text``; the whole element where there is none, as in the parallel view),
    not the box: the apparatus under them (related paragraphs, notes, what came after) may run
    past the bottom, as the box's top stays below the header by its scroll margin.
    """
    wait_in_view(page, f"para-{n}")
    m = measure(page, n)
    assert m["isTarget"], f"#para-{n} is not the :target at {page.url}"
    assert m["top"] >= m["header"] - 1, f"#para-{n} is hidden under the sticky header: {m}"
    assert m["top"] < m["viewport"], f"#para-{n} starts below the viewport: {m}"
    if whole and m["wordsHeight"] <= m["viewport"] - m["header"]:
        assert m["wordsBottom"] <= m["viewport"] + 1, f"the words of #para-{n} are cut off at the bottom: {m}"
    return m


def assert_highlighted(m: dict) -> None:
    """The :target style differs from that of an ordinary paragraph."""
    assert m["otherBackground"] is not None, "the page has only one paragraph to compare with"
    assert (m["background"], m["shadow"]) != (m["otherBackground"], m["otherShadow"]), (
        f"the targeted paragraph looks like any other: {m}"
    )


class Requests:
    """Every request a tab made that left the site under test, counted. The browser blocks them
    (``browser`` in conftest.py sends whatever is not for this machine to a closed port)."""

    def __init__(self, allowed_prefix: str):
        self.allowed_prefix = allowed_prefix
        self.blocked: list[str] = []

    def record(self, request) -> None:
        url = request.url
        if not (url.startswith(self.allowed_prefix) or url.startswith("data:") or url.startswith("about:")):
            self.blocked.append(url)


class LocalFailures:
    """Requests of the site that failed (status >= 400), the tab's own documents excepted:
    every one fails the test (tests/browser/conftest.py)."""

    def __init__(self):
        self.failed: list[str] = []

    def on_response(self, response):
        if response.status >= 400 and not response.request.is_navigation_request():
            self.failed.append(f"{response.status} {response.url}")


def open_tab(browser, allowed_prefix: str, animation_rate: float = ANIMATION_RATE, **options):
    """A new context (``options``: viewport, touch ...) and a page in it. Requests outside
    ``allowed_prefix`` are recorded in ``page.outside`` (the browser blocks them); failed
    requests of the site in ``page.local_failures``. The autouse fixture ``stays_home`` checks
    both after each test for every tab a fixture made. Close the returned context when done.

    The requests are watched, not routed: a route turns the browser's HTTP cache off and stops
    every request on its way, which made each page load take 2.5 times as long (160 against
    65 ms measured for a text page), so that the tests' time went on fetching the same files.

    Service workers are blocked unless a test asks for them (``service_workers="allow"``): the
    site's worker fetches and caches what a page loads, and requests made by a worker pass
    neither the tab's routes (a test that aborts a request) nor its request records."""
    options.setdefault("service_workers", "block")
    context = browser.new_context(**options)
    requests = Requests(allowed_prefix)
    context.on("request", requests.record)
    failures = LocalFailures()
    context.on("response", failures.on_response)
    tab = context.new_page()
    tab.set_default_timeout(10_000)  # a local static site: a wait this long means it never comes
    # CSS transitions and animations run ``animation_rate`` times faster. The tests wait for
    # them to end (a focus ring fading in, a menu opening) before they look, and the end is the
    # same; timers (a tooltip's delay) are not touched. Through a session of the browser's own
    # protocol, which stays open (closing it undoes the rate) and undoes print emulation: a
    # tab that prints takes animation_rate=1.
    tab.cdp = None
    if animation_rate != 1:
        tab.cdp = context.new_cdp_session(tab)  # kept on the tab, for more such calls
        tab.cdp.send("Animation.setPlaybackRate", {"playbackRate": animation_rate})
    tab.outside = requests
    tab.local_failures = failures
    if options.get("java_script_enabled", True):
        for name in ("goto", "reload", "go_back", "go_forward"):
            setattr(tab, name, _then_ready(tab, getattr(tab, name)))
    return context, tab


# READY: the page's scripts have run (assets/a4p-load.js loads them after the page's load
# event), or the page has none to load (a redirect page, a data file): the benchmark's own test.


def _then_ready(tab, navigate):
    """``navigate`` (the tab's goto, reload ...), then a wait until the page's scripts have run,
    as a reader's first action finds them: they load once the page has loaded, moments after
    the ``load`` event Playwright waits for. ``wait_until="commit"`` asks for no wait at all
    (a test of what comes before)."""
    def then_ready(*args, **kwargs):
        response = navigate(*args, **kwargs)
        if kwargs.get("wait_until") not in ("commit", "domcontentloaded"):
            tab.wait_for_function(READY)
        return response
    return then_ready


def switch_language(page, to: str) -> None:
    """Open the language menu in the header and choose language ``to``."""
    menu = page.locator(".md-header .md-select")
    menu.locator("button").hover()
    link = menu.locator(f"a.a4p-alternate[hreflang='{to}']")
    link.wait_for(state="visible")
    link.click()


def arrive(page, expected: str) -> None:
    """Wait until the browser is on ``expected``'s document, then require its exact URL.

    Waiting for the document (not the whole URL) makes a lost or wrong fragment fail at once
    with the URL actually reached, instead of as a timeout.
    """
    document = expected.split("#")[0]
    page.wait_for_url(lambda url: url.split("#")[0] == document)
    assert page.url == expected, f"arrived at {page.url}, expected {expected}"
