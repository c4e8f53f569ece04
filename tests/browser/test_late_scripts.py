"""The page's scripts come after its words (assets/a4p-load.js): a text page reads, and
works, whichever of them comes late or never comes.

- Late: one script is held back until the page has loaded and been read; the page shows its
  words and Material's own parts meanwhile, and once the script comes, everything works.
- Missing: one script never loads; the console names it, and every feature that does not
  need it works. What needs what is the table :data:`NEEDS`, from the scripts' own headers.

The list of scripts is the page's own (``data-a4p-later``, in two groups), so that a script added to
mkdocs.yml is tested without a change here.
"""

from __future__ import annotations

import json
import re

import pytest

from hooks.outputs.search import BOX_SCRIPTS, RECORDS_DIR
from scripts.bench_browser import AT_LOAD
from tests.browser._support import READY, ROOT, open_tab, page_path

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PATH = page_path("en", "protection")
QUERY = "civilians"  # in the English text of this page; the search finds it

# The features a reader uses, and the scripts each needs (by file name).
NEEDS = {
    "material": {"a4p-theme-scope.js", "bundle"},  # Material's own parts started (document$)
    "cite": {"a4p-cite.js"},
    "share": {"a4p-share.js"},
    "search": {"a4p.js", "search-text.js", "search-highlight.js", "search-results.js", "search-index.js", "search.js"},
    "tooltips": set(),  # shown by the style sheet on focus and hover; a4p-glossary.js adds touch and Escape
}
LATE = sorted(set().union(*NEEDS.values()) | {"a4p-glossary.js"})


def script_groups(site: str) -> list[list[str]]:
    """The scripts a text page loads after its words, in their two groups (the search box's, the
    rest), read from the page as served."""
    import urllib.request
    with urllib.request.urlopen(site + PATH) as response:
        page = response.read().decode("utf-8")
    found = re.search(r'data-a4p-later="([^"]*)"', page)
    assert found, "the page names no scripts to load after its words"
    return json.loads(found.group(1).replace("&#34;", '"'))


def script_list(site: str) -> list[str]:
    """The same, in the order they run."""
    return [url for group in script_groups(site) for url in group]


def name_of(url: str) -> str:
    name = url.split("?")[0].rsplit("/", 1)[-1]
    return "bundle" if name.startswith("bundle.") else name


def open_holding(tab, url: str, script: str) -> list:
    """Open ``url`` with ``script`` (a name of :func:`name_of`) held back: the page loaded, the
    script asked for and not answered. The held requests, to ``continue_()``."""
    held = []
    tab.route(lambda address: name_of(address) == script, lambda route: held.append(route))
    with tab.expect_request(lambda request: name_of(request.url) == script):
        tab.goto(url, wait_until="commit")
    tab.wait_for_load_state("load")  # the script was asked for after the page's load, and is held
    tab.evaluate("() => document.readyState")  # a round trip: the route's handler has been called
    assert len(held) == 1, f"{script} was held {len(held)} times"
    return held


def works(tab, feature: str) -> None:
    """The feature does what a reader asks of it (each check waits for its answer)."""
    if feature == "material":
        tab.wait_for_function("() => { let on = false; window.document$ && window.document$.subscribe("
                              "() => { on = true; }); return on; }")
    elif feature == "cite":
        tab.locator(".a4p-cite[data-a4p-cite]").first.click()
        tab.locator("#a4p-cite").wait_for(state="visible")
        tab.keyboard.press("Escape")
        # closed, and focus back on its button (the panel's close event, a task later, puts it there)
        tab.wait_for_function("() => !document.getElementById('a4p-cite').open"
                              " && document.activeElement.matches('button.a4p-cite')")
    elif feature == "share":
        tab.locator(".a4p-share[data-a4p-share]").first.wait_for(state="visible")
    elif feature == "search":
        box = tab.locator("form[data-a4p-search] input")
        box.fill(QUERY)
        tab.locator("a.a4p-search__result").first.wait_for(state="attached")
        box.fill("")
    elif feature == "tooltips":
        term = tab.locator(".a4p-para .a4p-term").first
        term.focus()
        tab.locator(f"#{term.get_attribute('aria-describedby')}").wait_for(state="visible")
    else:
        raise AssertionError(feature)


@pytest.fixture
def tab(browser, site_server):
    context, tab = open_tab(browser, site_server, viewport=DESKTOP)
    tab.site = site_server
    tab.errors = []
    tab.console_errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()


def test_a_text_page_loads_all_its_scripts_after_its_words(site_server):
    box, rest = ([name_of(url) for url in group] for group in script_groups(site_server))
    assert rest[:3] == ["a4p-theme-scope.js", "a4p-theme-target.js", "bundle"], rest  # Material's, first of the rest
    assert set(box) == {name_of(path) for path in BOX_SCRIPTS}  # the search box's, in a group before them
    assert set(LATE) <= set(box + rest)


@pytest.mark.parametrize("late", LATE)
def test_the_page_works_with_a_script_that_comes_late(tab, late):
    held = open_holding(tab, tab.site + PATH, late)
    assert tab.locator("#para-9 .a4p-para__text").is_visible(), "the words wait for a script"
    assert not tab.evaluate("() => document.documentElement.hasAttribute('data-a4p-ready')")
    assert tab.evaluate("() => document.documentElement.classList.contains('js')")
    held[0].continue_()
    tab.wait_for_function(READY)
    for feature in NEEDS:
        works(tab, feature)
    assert tab.errors == [] and tab.console_errors == []


@pytest.mark.parametrize("missing", LATE)
def test_the_page_works_without_a_script_that_never_comes(tab, missing):
    tab.route(lambda url: name_of(url) == missing, lambda route: route.abort())
    tab.goto(tab.site + PATH)  # waits for data-a4p-ready: the loader finishes with one missing
    said = [text for text in tab.console_errors if text.startswith("a4p: ")]
    assert len(said) == 1 and missing.replace("bundle", "bundle.") in said[0] and "did not load" in said[0], \
        tab.console_errors
    assert tab.locator("#para-9 .a4p-para__text").is_visible()
    for feature, needs in NEEDS.items():
        if missing not in needs:
            works(tab, feature)
    if missing in NEEDS["cite"] | NEEDS["share"]:  # a control whose script never came is no dead control
        for control, feature in ((".a4p-cite[data-a4p-cite]", "cite"), (".a4p-share[data-a4p-share]", "share")):
            if missing in NEEDS[feature]:
                assert not tab.locator(control).first.is_visible()


def test_a_reader_who_types_before_the_search_comes_gets_the_results(tab):
    held = open_holding(tab, tab.site + PATH, "search.js")
    box = tab.locator("form[data-a4p-search] input")
    box.fill(QUERY)  # typed while the search's script is on its way
    assert tab.locator("a.a4p-search__result").count() == 0
    held[0].continue_()
    tab.locator("a.a4p-search__result").first.wait_for(state="attached")
    assert tab.evaluate("() => document.activeElement === document.querySelector('form[data-a4p-search] input')")
    assert box.input_value() == QUERY


RECORDS = f"/{RECORDS_DIR}/"  # the language's search records


def test_a_reader_searching_at_load_gets_results_before_the_other_scripts_are_asked_for(tab):
    box, rest = script_groups(tab.site)
    first, others = [name_of(url) for url in box], {name_of(url) for url in rest}
    assert NEEDS["search"] <= set(first) and others, (first, others)
    tab.add_init_script(script=f"({AT_LOAD})({json.dumps(QUERY)})")  # as the bench types at load
    tab.goto(tab.site + PATH)  # waits for data-a4p-ready: every script has run since
    fetched = {name_of(url) for url in tab.evaluate("() => window.__bench.fetched")}
    assert set(first) <= fetched, f"the box's scripts not fetched by its first result: {set(first) - fetched}"
    assert not fetched & others, f"fetched before the first result, and not needed for it: {fetched & others}"
    # the box's files were asked for with its scripts, the stemmer too (before the records name it)
    assert tab.evaluate("""() => ['engine', 'records', 'stemmer'].every((key) => {
      const file = new URL(document.querySelector('form[data-a4p-search]').dataset[key], location.href).href;
      return [...document.querySelectorAll('link[rel=preload]')].some((link) => link.href === file);
    })""")
    tab.keyboard.press("Escape")  # the box closed
    for feature in NEEDS:  # the rest came after, and works
        works(tab, feature)
    assert tab.errors == [] and tab.console_errors == []


def test_the_other_scripts_wait_for_no_search_the_reader_has_not_asked_for(tab):
    """The search's records never come, and nobody is in the box: the page's other scripts run,
    and the box's records were not asked for with its scripts (they come at idle)."""
    tab.route(lambda url: RECORDS in url, lambda route: None)  # held, never answered
    tab.goto(tab.site + PATH)  # waits for data-a4p-ready
    works(tab, "cite")
    preloaded = tab.evaluate("() => [...document.querySelectorAll('link[rel=preload]')].map((link) => link.href)")
    assert not [url for url in preloaded if RECORDS in url], preloaded


def test_a_stalled_search_holds_the_other_scripts_only_while_the_reader_is_in_the_box(tab):
    tab.route(lambda url: RECORDS in url, lambda route: None)  # held, never answered
    tab.add_init_script(script=f"({AT_LOAD})({json.dumps(QUERY)})")  # as the bench types at load
    tab.goto(tab.site + PATH, wait_until="commit")
    # the box's scripts have run (the header's are bound, the box waits for its records)
    tab.wait_for_function("() => document.querySelector('[data-a4p-bound]') !== null"
                          " && document.querySelector('form[data-a4p-search]').dataset.state === 'loading'")
    # the rest not asked for: the loader adds their <link rel=preload> when it asks
    asked = tab.evaluate("() => [...document.querySelectorAll('link[rel=preload]')].map((link) => link.href)")
    assert not {name_of(url) for url in asked} & {"bundle", "a4p-cite.js"}, asked
    assert not tab.evaluate("() => document.documentElement.hasAttribute('data-a4p-ready')")
    tab.keyboard.press("Escape")  # the reader leaves the box
    tab.wait_for_function(READY)
    works(tab, "cite")


POSITIONS = """() => [...document.querySelectorAll('.a4p-para, .a4p-para__text, h1')]
  .map((e) => { const r = e.getBoundingClientRect(); return [r.top + scrollY, r.height, r.left, r.width]; })"""


@pytest.mark.parametrize("viewport", [DESKTOP, {"width": 375, "height": 667}], ids=["desktop", "phone"])
def test_nothing_moves_when_the_scripts_come(browser, site_server, viewport):
    """The words are laid out where they will stay: the controls the scripts show keep their
    place from the first paint (a4p.css), so the layout before and after is the same."""
    context, tab = open_tab(browser, site_server, viewport=viewport)
    held = open_holding(tab, site_server + PATH, "a4p-theme-scope.js")
    before = tab.evaluate(POSITIONS)
    held[0].continue_()
    tab.wait_for_function(READY)
    tab.locator(".a4p-share[data-a4p-share]").first.wait_for(state="visible")
    assert tab.evaluate(POSITIONS) == before
    context.close()


PHONE = {"width": 375, "height": 667}


def test_the_header_buttons_show_once_they_work(browser, site_server):
    """On a phone the menu and search buttons are hidden (in their place) until
    assets/a4p-header.js has bound them: no button that does nothing."""
    context, tab = open_tab(browser, site_server, viewport=PHONE, has_touch=True)
    held = open_holding(tab, site_server + PATH, "a4p-header.js")
    menu = tab.locator("button[data-a4p-toggle='__drawer']")
    assert menu.count() == 1 and not menu.is_visible()
    held[0].continue_()
    menu.wait_for(state="visible")
    menu.click()
    assert tab.evaluate("() => document.getElementById('__drawer').checked")
    context.close()


# A page of the loader alone, on an address of its own: its parsing held at a script in the middle.
LOADER_PAGE = ('<!doctype html><html class="no-js"><head><title>t</title>'
               '<script src="/load.js" data-a4p-later="[[&#34;/box.js&#34;], [&#34;/late.js&#34;]]"></script></head>'
               '<body><p id="before">before</p><script src="/block.js"></script><p id="after">after</p></body></html>')
LATE_SCRIPT = "window.__late = {after: !!document.getElementById('after'), state: document.readyState, box: !!window.__box};"


def test_a_touch_before_the_page_is_parsed_runs_the_scripts_once_it_is(browser):
    """The reader touches the page while it is still parsing: the scripts are asked for at once,
    but run only on the whole page, and Material's DOMContentLoaded comes after them."""
    site = "http://a4p.test/"
    context, tab = open_tab(browser, site, viewport=DESKTOP)
    loader = (ROOT / "docs" / "assets" / "a4p-load.js").read_text(encoding="utf-8")
    held = []
    bodies = {"/": ("text/html", LOADER_PAGE), "/load.js": ("text/javascript", loader),
              "/late.js": ("text/javascript", LATE_SCRIPT), "/box.js": ("text/javascript", "window.__box = true;"),
              "/block.js": ("text/javascript", "")}

    def serve(route):
        path = "/" + route.request.url.split(site, 1)[1]
        if path == "/block.js":
            held.append(route)
            return
        kind, body = bodies[path]
        route.fulfill(status=200, content_type=kind, body=body)

    tab.route(site + "**", serve)
    tab.goto(site, wait_until="commit")
    tab.wait_for_function("() => document.getElementById('before') !== null")
    assert tab.evaluate("() => document.readyState") == "loading"
    tab.evaluate("() => { window.__events = []; document.addEventListener('DOMContentLoaded', "
                 "() => window.__events.push(window.__late ? 'after the scripts' : 'parsed')); "
                 "document.dispatchEvent(new PointerEvent('pointerdown')); }")
    # both groups asked for at once (the search box, not parsed yet, cannot be looked at)
    tab.wait_for_function("() => ['/box.js', '/late.js'].every((src) => "
                          "document.querySelector(`link[rel=preload][href='${src}']`) !== null)")
    assert tab.evaluate("() => window.__late === undefined && window.__box === undefined")  # asked for, not run
    held[0].fulfill(status=200, content_type="text/javascript", body="")
    tab.wait_for_function("() => document.documentElement.hasAttribute('data-a4p-ready')")
    late = tab.evaluate("() => window.__late")
    assert late["after"] is True and late["state"] != "loading", late  # the whole page, parsed
    assert late["box"] is True, late  # the first group ran first
    assert tab.evaluate("() => window.__events") == ["parsed", "after the scripts"]
    assert tab.evaluate("() => document.documentElement.className") == "js"
    context.close()
