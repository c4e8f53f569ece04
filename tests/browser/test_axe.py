"""axe-core finds no violation of WCAG 2.2 A and AA, on every page kind in every language, at a
desktop (1280 px) and a phone (390 px) width, and in the states that show more than a page at
rest: a targeted paragraph (with its note and related paragraphs), what came after a paragraph
opened, a focused term with its tooltip (and the hovered ¶ mark), the cite dialog open, the
language menu open, the search open with results, the glossary filtered, the timeline filtered.
The Chinese home page is seen with its offer to read in English (the browser prefers English).

axe-core is a test tool, pinned in tests/tools/package-lock.json and installed by
``make tools``; it is injected into the tab here and is never part of the site.

One browser context per width, its tab reused by every language; each test collects every
violation of one language at one width and reports them all at once.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from hooks.urls import AFTER_TEXT, GLOSSARY, HOME, TIMELINE
from tests.browser._support import BUILT, EDITION, LANGS, ROOT, SOURCE_LANG, open_tab, page_path, prefix

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Violations accepted, as rule id -> the reason. None: every rule of TAGS must pass everywhere.
ACCEPTED: dict[str, str] = {}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ') + ' -- ' + (n.failureSummary || '').replace(/\\s+/g, ' ')),
  }));
}"""
REDIRECT_SCRIPT = "**/assets/a4p-redirect.js"  # an alias page's script (hooks/outputs/redirects.py)
# Nothing moving: a transition half-way (a menu fading in) would give axe half-way colours.
SETTLED = "() => document.getAnimations().every((a) => a.playState !== 'running')"
# Nothing left to lay out: Material fits the sidebars to the page in an animation frame after the
# page changes size. The glossary filtered to one entry is short, and until that frame its
# sidebar's last links lie over the footer (axe: dark on dark). Two frames: the one that fits.
FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def noted_paragraph(code: str):
    """The first paragraph of language ``code`` with an editorial note (shown in every language),
    preferring one with a translator's note as well."""
    found = [p for spec in EDITION.structure.pages for p in EDITION.paragraphs(code, spec) if p.notes]
    assert found, f"{code}: no paragraph with an editorial note to target"
    both = [p for p in found if p.translator_notes]
    return (both or found)[0]


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def tab(request, browser, site_server):
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run 'make tools' (axe-core, pinned in tests/tools)")
    # no service worker (assets/a4p-sw-register.js): pages come from the server, as routed here
    context, tab = open_tab(browser, site_server, viewport=VIEWPORTS[request.param], service_workers="block")
    # axe in every document of the context from its start, sent to the browser once rather than
    # added to each page audited (half a megabyte each time)
    context.add_init_script(path=str(AXE))
    tab.width_name = request.param
    yield tab
    context.close()


class Audit:
    """Runs axe in the tab and keeps every violation, with the state and the address."""

    def __init__(self, tab):
        self.tab = tab
        self.found: list[str] = []

    def __call__(self, state: str) -> None:
        tab = self.tab
        tab.wait_for_function(SETTLED)
        tab.evaluate(FRAMES)
        assert tab.evaluate("() => typeof window.axe === 'object'"), f"axe is not in {tab.url}"
        for v in tab.evaluate(RUN, TAGS):
            if v["id"] not in ACCEPTED:
                nodes = "\n      ".join(v["nodes"][:6])
                self.found.append(f"[{tab.width_name}] {state} at {tab.url}: {v['id']} ({v['help']})\n      {nodes}")


def visit(tab, url: str) -> None:
    tab.goto(url)
    tab.wait_for_load_state("load")
    if tab.locator("[data-a4p-parallel]").count():
        tab.wait_for_selector("[data-a4p-parallel][data-state=ready]")


@contextmanager
def redirect_kept(tab, url: str, target: str):
    """A redirect page, kept on screen while the block runs: its target answers 204 No Content,
    which ends the meta refresh's navigation there and leaves the page as it is; its script,
    which would lead on while the page is still loading, is served empty."""
    tab.route(target, lambda route: route.fulfill(status=204))
    tab.route(REDIRECT_SCRIPT, lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    try:
        with tab.expect_response(target):  # the 204, once given
            tab.goto(url)
        assert tab.url == url, f"the redirect page {url} did not stay: {tab.url}"
        yield
    finally:
        tab.unroute(target)
        tab.unroute(REDIRECT_SCRIPT)


@pytest.mark.parametrize("lang", LANGS)
def test_no_violations_on_any_page_or_state(tab, site_server, lang):
    audit = Audit(tab)
    base = site_server

    # every page kind but the text page at rest (the text page is seen below, targeted)
    for key in (HOME, *AFTER_TEXT):
        visit(tab, base + (prefix(lang) if key == HOME else page_path(lang, key)))
        if key == HOME and lang == SOURCE_LANG:
            assert tab.locator("[data-a4p-offer]").is_visible(), "the offer is not shown on the source home"
        audit(f"{key} page")
    visit(tab, f"{base}{prefix(lang)}no-such-page/")
    audit("404 page")
    para = noted_paragraph(lang)
    text_page = base + page_path(lang, para.page.slug)
    with redirect_kept(tab, f"{base}{prefix(lang)}para/{para.number}/", text_page):
        audit("short link")
    if lang == SOURCE_LANG:
        with redirect_kept(tab, f"{base}{lang}/{para.page.slug}/", text_page):
            audit("alias of the source language")

    # a text page, the noted paragraph targeted
    n = para.number
    visit(tab, f"{base}{page_path(lang, para.page.slug)}#para-{n}")
    box = tab.locator(f"#para-{n}")
    assert box.evaluate("e => e.matches(':target')")
    assert box.locator(".a4p-related a").count() > 0, f"#para-{n} has no related paragraphs to check"
    audit("targeted paragraph")

    # what came after, every block of a page that has some opened (hooks/pages/after.py)
    after = next(n for n in range(1, EDITION.structure.paragraph_count + 1) if EDITION.instruments.of_paragraph(n))
    visit(tab, f"{base}{page_path(lang, EDITION.structure.page_of(after).slug)}")
    blocks = tab.locator("details.a4p-after")
    assert blocks.count() > 0
    for index in range(blocks.count()):
        blocks.nth(index).locator("summary").click()
    assert tab.locator("details.a4p-after[open]").count() == blocks.count()
    audit("what came after, opened")
    visit(tab, f"{base}{page_path(lang, para.page.slug)}#para-{n}")

    # its first term focused, its tooltip shown, the ¶ mark hovered
    term = box.locator("a.a4p-term").first
    box.locator("a.a4p-permalink").hover()
    term.focus()
    tab.locator(f"#{term.get_attribute('aria-describedby')}").wait_for(state="visible")
    audit("focused term with its tooltip, hovered ¶")
    words = term.inner_text().strip()
    tab.keyboard.press("Escape")

    # the cite dialog of the paragraph
    box.locator("button.a4p-cite").click()
    tab.wait_for_function("() => document.getElementById('a4p-cite').open")
    audit("cite dialog open")
    tab.keyboard.press("Escape")
    tab.wait_for_function("() => !document.getElementById('a4p-cite').open")

    # the language menu
    tab.locator(".md-header .md-select button").click()
    tab.locator(".md-header a.a4p-alternate").last.wait_for(state="visible")
    audit("language menu open")
    tab.keyboard.press("Escape")

    # the search, with results: the term's own words are found in this language
    if tab.width_name == "phone":
        tab.locator("button[data-a4p-toggle='__search']").click()
    tab.locator(".md-search__input").fill(words)
    tab.locator(f"{BUILT} a").first.wait_for(state="visible")
    audit("search open with results")
    tab.keyboard.press("Escape")

    # the glossary, filtered by the same words
    visit(tab, base + page_path(lang, GLOSSARY))
    tab.locator("#a4p-filter").fill(words)
    tab.wait_for_function("() => document.querySelector('.a4p-filter__status').textContent !== ''")
    assert tab.locator(".a4p-entry:not([hidden])").count() > 0
    audit("glossary filtered")

    # the timeline, filtered to the first part its filter offers (hooks/pages/timeline.py)
    visit(tab, base + page_path(lang, TIMELINE))
    tab.locator("#a4p-timeline-part").select_option(index=1)
    tab.wait_for_function("() => document.querySelector('.a4p-timeline__status').textContent !== ''")
    assert tab.locator(".a4p-timeline__entry[hidden]").count() > 0
    audit("timeline filtered")

    assert not audit.found, f"{len(audit.found)} axe violations:\n" + "\n".join(audit.found)


NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10: content reflows at 320 CSS px


def test_no_page_is_wider_than_a_320_px_screen(browser, site_server):
    """Reflow: no page kind in any language scrolls sideways at 320 px (a wide table scrolls in
    its own box instead)."""
    context, tab = open_tab(browser, site_server, viewport=NARROWEST, service_workers="block")
    wider = []
    try:
        for lang in LANGS:
            for key in (HOME, noted_paragraph(lang).page.slug, *AFTER_TEXT):
                visit(tab, site_server + (prefix(lang) if key == HOME else page_path(lang, key)))
                width = tab.evaluate("() => document.documentElement.scrollWidth")
                if width > NARROWEST["width"]:
                    wider.append(f"{tab.url}: {width} px")
    finally:
        context.close()
    assert not wider, "pages wider than the screen at 320 px:\n" + "\n".join(wider)
