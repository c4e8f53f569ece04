"""The edition with the keyboard alone, at a desktop (1280 px) and a phone (390 px) width: the
header (the skip link first), the search (open, choose, Escape, Tab away), a tooltip, the cite
control, the language menu and the glossary filter, the drawer on a phone; with focus visible
at every stop: a ring (outline) of at least 2 px whose colour has a contrast of at least 3:1
with what is behind it (WCAG 2.4.7, 1.4.11), on an element that is on screen and not covered.
And the tooltip reached with the pointer (WCAG 1.4.13)."""

from __future__ import annotations

import pytest

from hooks.urls import GLOSSARY
from tests.browser._support import BUILT, EDITION, open_tab, page_path

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LANG = "en"
TEXT_SLUG = EDITION.structure.pages[1].slug  # a text page after the preamble
SEARCH_TOGGLE = "document.getElementById('__search').checked"

# What focus looks like on the focused element: the ring's colour, its width and the colour
# behind it (the element's own background for a ring drawn inside it, else its parents'),
# every translucent layer composed over the next down to an opaque one; where it is, and
# whether it is what the browser shows at its centre. One round trip per Tab stop: it first
# waits for what focus set moving (a box opening, a colour fading in) to come to rest.
FOCUS = """async () => {
  const deadline = performance.now() + 10000;
  while (document.getAnimations().some((a) => a.playState === 'running')) {
    if (performance.now() > deadline) return {unsettled: true};
    await new Promise((done) => requestAnimationFrame(done));
  }
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const parse = (c) => { const m = c.match(/[\\d.]+/g) || ['0', '0', '0', '0']; return m.map(Number).concat(m.length === 3 ? [1] : []); };
  const over = (top, under) => { const a = top[3]; return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat([1]); };
  const behind = (start) => {
    const layers = [];
    for (let e = start; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
  };
  const s = getComputedStyle(el);
  const inside = parseFloat(s.outlineOffset) < 0;
  const ring = s.outlineStyle === 'none' ? null : parse(s.outlineColor);
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1),
                                        Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1));
  return {
    tag: el.tagName, cls: String(el.className), text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
    ring: ring && ring[3] > 0 ? over(ring, behind(inside ? el : el.parentElement)) : null,
    width: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
    bg: behind(inside ? el : el.parentElement),
    box: [r.left, r.top, r.width, r.height], vw: innerWidth, vh: innerHeight,
    shown: !!hit && (hit === el || el.contains(hit) || hit.contains(el)),
    visibility: s.visibility,
    inDrawer: !!el.closest('.md-sidebar--primary'), inContent: !!el.closest('#a4p-content'),
    skip: el.matches('.md-skip'),
  };
}"""


def luminance(rgb) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def focus(tab) -> dict | None:
    """The focused element as it is shown once what focus set moving (a box opening, a colour
    fading in) has come to rest; None when nothing (the page itself) has focus."""
    f = tab.evaluate(FOCUS)
    assert not (f or {}).get("unsettled"), "an animation was still running 10 s after focus moved"
    return f


def assert_visible_focus(tab, where: str = "") -> dict:
    return assert_visible(focus(tab), where)


def assert_visible(f: dict | None, where: str = "") -> dict:
    """``f`` (what ``focus`` read) is a visible Tab stop with a ring of enough contrast."""
    assert f is not None, f"{where}: nothing has focus"
    name = f"{where}: {f['tag']}.{f['cls']} '{f['text']}'"
    assert f["visibility"] == "visible", f"{name} is focused but hidden"
    left, top, width, height = f["box"]
    assert width > 0 and height > 0, f"{name} is a Tab stop of no size: {f['box']}"
    assert left >= -1 and left + width <= f["vw"] + 1 and top + height > 0 and top < f["vh"], (
        f"{name} is focused off screen: {f['box']} in {f['vw']}x{f['vh']}")
    assert f["shown"], f"{name} is focused under something else"
    assert f["ring"] is not None and f["width"] >= 2, f"{name} shows no focus ring (outline {f['width']} px)"
    ratio = contrast(f["ring"], f["bg"])
    assert ratio >= 3, f"{name}: focus ring {f['ring']} on {f['bg']}: contrast {ratio:.2f}:1, under 3:1"
    return f


def tab_until(tab, test: str, limit: int = 200, where: str = "") -> dict:
    """Press Tab until ``test`` (a JS predicate of the focused element) holds, checking that focus
    is visible at every stop on the way."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        f = assert_visible_focus(tab, where)
        if tab.evaluate(f"() => {{ const el = document.activeElement; return !!({test}); }}"):
            return f
    raise AssertionError(f"{where}: {test} never had focus in {limit} Tab presses")


@pytest.fixture(params=list(VIEWPORTS))
def kb(request, browser, site_server):
    context, tab = open_tab(browser, site_server, viewport=VIEWPORTS[request.param], service_workers="block")
    tab.width_name = request.param
    tab.base = site_server
    yield tab
    context.close()


def test_every_tab_stop_of_a_text_page_is_visible_and_the_skip_link_comes_first(kb):
    kb.goto(f"{kb.base}{page_path(LANG, TEXT_SLUG)}")
    kb.keyboard.press("Tab")
    first = assert_visible_focus(kb, "first stop")
    assert first["cls"].split()[0] == "md-skip", f"the first Tab stop is {first}, not the skip link"
    seen = 1
    while True:  # every stop of the page, once round
        kb.keyboard.press("Tab")
        f = focus(kb)
        if f is None or f["skip"]:
            break
        assert_visible(f, f"stop {seen + 1}")
        assert not f["inDrawer"] or kb.width_name == "desktop", f"a link of the shut drawer is a Tab stop: {f}"
        seen += 1
        assert seen < 1000, "Tab never came round"
    assert seen > len(EDITION.structure.pages)  # the walk went through the page, not only the header


def test_the_skip_link_leads_into_the_content(kb):
    kb.goto(f"{kb.base}{page_path(LANG, TEXT_SLUG)}")
    kb.keyboard.press("Tab")
    kb.keyboard.press("Enter")
    kb.wait_for_function("() => location.hash === '#a4p-content'")
    kb.keyboard.press("Tab")
    f = assert_visible_focus(kb, "after the skip link")
    assert f["inContent"], f"after the skip link, focus went to {f}, outside the content"


def open_search_by_keyboard(kb) -> None:
    if kb.width_name == "phone":
        tab_until(kb, "el.matches('button[data-a4p-toggle=__search]')", where="to the search button")
        assert kb.get_attribute("button[data-a4p-toggle=__search]", "aria-expanded") == "false"
        kb.keyboard.press("Enter")
        kb.wait_for_function("() => document.activeElement.matches('.md-search__input')")
        assert kb.get_attribute("button[data-a4p-toggle=__search]", "aria-expanded") == "true"
    else:
        tab_until(kb, "el.matches('.md-search__input')", where="to the search box")
    assert kb.evaluate(SEARCH_TOGGLE)
    assert_visible_focus(kb, "the search box")


def test_search_open_choose_escape_and_tab_away(kb):
    url = f"{kb.base}{page_path(LANG, TEXT_SLUG)}"
    kb.goto(url)
    # open, type, Escape: shut, its results out of sight and of the accessibility tree, focus back
    open_search_by_keyboard(kb)
    before = "button[data-a4p-toggle=__search]" if kb.width_name == "phone" else ".md-header .md-select button"
    kb.keyboard.type("caveats")
    kb.locator(".md-search-result__list a").first.wait_for(state="visible")
    assert kb.locator(".md-search-result__list h1").count() == 0, "search results are headings"
    kb.keyboard.press("ArrowDown")
    assert_visible_focus(kb, "the first result")
    kb.keyboard.press("Escape")
    assert not kb.evaluate(SEARCH_TOGGLE), "Escape left the search open"
    kb.wait_for_function("() => getComputedStyle(document.querySelector('.md-search__output')).visibility === 'hidden'")
    assert kb.evaluate(f"() => document.activeElement.matches('{before}')"), focus(kb)
    assert_visible_focus(kb, "after Escape")
    # Tab away: past the results, out of the box, which shuts; focus where it went, on screen
    if kb.width_name == "phone":
        kb.keyboard.press("Enter")
        kb.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    else:
        kb.keyboard.press("Tab")  # the language button to the box
    kb.keyboard.press("Control+a")
    kb.keyboard.type("caveats")
    kb.locator(f"{BUILT} a").first.wait_for(state="visible")
    results = kb.locator(".md-search-result__list a").count()
    for _ in range(results + 1):
        kb.keyboard.press("Tab")
    assert not kb.evaluate(SEARCH_TOGGLE), "the search stayed open when focus left it"
    kb.wait_for_function("() => getComputedStyle(document.querySelector('.md-search__output')).visibility === 'hidden'")
    f = assert_visible_focus(kb, "after Tab away from the search")  # not under a blank panel
    assert not kb.evaluate("() => !!document.activeElement.closest('.md-search')"), f
    # nothing left over the page to swallow the next click, once Material has let the page
    # scroll again (it lifts its phone scroll lock 100 ms after the search shuts)
    kb.wait_for_function("() => !document.body.hasAttribute('data-md-scrolllock')")
    hit = kb.locator("#a4p-content a.a4p-permalink").first.evaluate("""(a) => {
        a.scrollIntoView({block: 'center', behavior: 'instant'});
        const r = a.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === a || a.contains(hit) ? "the link" : (hit ? hit.outerHTML.slice(0, 80) : JSON.stringify([r.left, r.top, innerWidth, innerHeight, scrollY]));
    }""")
    assert hit == "the link", f"a click on a ¶ mark would reach {hit}"
    # choose a result with the keyboard: its page and paragraph, the box shut
    if kb.width_name == "phone":
        kb.locator("button[data-a4p-toggle=__search]").focus()
        kb.keyboard.press("Enter")
        kb.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    else:
        kb.locator(".md-search__input").focus()
    kb.keyboard.press("Control+a")
    kb.keyboard.type("caveats")
    first = kb.locator(".md-search-result__list a").first
    first.wait_for(state="visible")
    href = first.evaluate("a => a.href")
    kb.keyboard.press("ArrowDown")
    kb.keyboard.press("Enter")
    kb.wait_for_url(href)
    assert not kb.evaluate(SEARCH_TOGGLE)


def test_a_tooltip_by_keyboard(kb):
    kb.goto(f"{kb.base}{page_path(LANG, TEXT_SLUG)}")
    tab_until(kb, "el.matches('a.a4p-term')", where="to a term")
    tip = kb.locator("#" + kb.evaluate("() => document.activeElement.getAttribute('aria-describedby')"))
    tip.wait_for(state="visible")
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS[kb.width_name]["width"], f"tooltip off screen: {box}"
    kb.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert kb.evaluate("() => document.activeElement.matches('a.a4p-term')"), "Escape moved focus off the term"


def test_the_tooltip_can_be_reached_with_the_pointer(kb):
    """WCAG 1.4.13: from any term, the pointer goes straight down onto the term's tooltip, one
    pixel at a time, and the tooltip stays; it starts under its term, inside the viewport."""
    kb.goto(f"{kb.base}{page_path(LANG, TEXT_SLUG)}")
    terms = kb.locator("#a4p-content a.a4p-term")
    for i in range(min(terms.count(), 8)):  # terms at the start, the middle and the end of lines
        term = terms.nth(i)
        # mid-view: a term on the window's last line has its tooltip below the fold, where the
        # pointer cannot follow without scrolling (the tooltip shows below its term, always)
        term.evaluate("e => e.scrollIntoView({block: 'center'})")
        tip = kb.locator("#" + term.get_attribute("aria-describedby"))
        line = term.evaluate("e => { const r = [...e.getClientRects()].pop(); return [r.left, r.top, r.width, r.height]; }")
        x, y = line[0] + min(line[2], 20) / 2, line[1] + line[3] / 2
        kb.mouse.move(x, y)
        tip.wait_for(state="visible")
        b = tip.bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= VIEWPORTS[kb.width_name]["width"], f"tooltip {i} off screen: {b}"
        assert b["x"] <= x <= b["x"] + b["width"], f"tooltip {i} does not start under its term: {b}, term at {x}"
        for step in range(1, int(b["y"] - y) + 6):
            kb.mouse.move(x, y + step)
            assert tip.is_visible(), f"tooltip {i} vanished on the way to it, {step} px below the term's middle"
        kb.mouse.move(0, 0)
        tip.wait_for(state="hidden")


def test_the_cite_control_by_keyboard(kb):
    kb.goto(f"{kb.base}{page_path(LANG, TEXT_SLUG)}")
    tab_until(kb, "el.matches('.a4p-para button.a4p-cite')", where="to a cite button")
    opener = kb.evaluate("() => document.activeElement.closest('.a4p-para').id")
    kb.keyboard.press("Enter")
    kb.wait_for_function("() => document.getElementById('a4p-cite').open")
    assert_visible_focus(kb, "in the cite dialog")
    assert kb.evaluate("() => !!document.activeElement.closest('#a4p-cite')")
    kb.keyboard.press("Tab")
    assert_visible_focus(kb, "in the cite dialog, next")
    kb.keyboard.press("Escape")
    kb.wait_for_function("() => !document.getElementById('a4p-cite').open")
    assert kb.evaluate("() => document.activeElement.closest('.a4p-para').id") == opener
    assert_visible_focus(kb, "back on the cite button")


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_language_menu_by_keyboard(kb, key):
    kb.goto(f"{kb.base}{page_path(LANG, TEXT_SLUG)}")
    button = ".md-header .md-select button"
    tab_until(kb, f"el.matches('{button}')", where="to the language button")
    links = kb.locator(".md-header a.a4p-alternate")
    assert kb.get_attribute(button, "aria-expanded") == "false"
    assert not links.first.is_visible(), "the language list shows before the button is pressed"
    kb.keyboard.press(key)
    assert kb.get_attribute(button, "aria-expanded") == "true"
    links.last.wait_for(state="visible")
    kb.keyboard.press("Tab")
    f = assert_visible_focus(kb, "the first language")
    assert "a4p-alternate" in f["cls"]
    kb.keyboard.press("Escape")
    assert kb.get_attribute(button, "aria-expanded") == "false"
    assert kb.evaluate(f"() => document.activeElement.matches('{button}')"), "Escape did not give focus back"
    links.first.wait_for(state="hidden")
    kb.keyboard.press(key)
    assert kb.get_attribute(button, "aria-expanded") == "true"
    kb.keyboard.press(key)
    assert kb.get_attribute(button, "aria-expanded") == "false"


def test_the_glossary_filter_by_keyboard(kb):
    kb.goto(f"{kb.base}{page_path(LANG, GLOSSARY)}")
    tab_until(kb, "el.id === 'a4p-filter'", where="to the filter")
    entries = kb.locator(".a4p-entry").count()
    kb.keyboard.type("peace")
    kb.wait_for_function("() => document.querySelector('.a4p-filter__status').textContent !== ''")
    shown = kb.locator(".a4p-entry:not([hidden])").count()
    assert 0 < shown < entries
    kb.keyboard.press("Tab")
    assert_visible_focus(kb, "after the filter")


def test_the_drawer_on_a_phone(browser, site_server):
    context, kb = open_tab(browser, site_server, viewport=VIEWPORTS["phone"], service_workers="block")
    try:
        kb.goto(f"{site_server}{page_path(LANG, TEXT_SLUG)}")
        menu = "button[data-a4p-toggle=__drawer]"
        tab_until(kb, f"el.matches('{menu}')", where="to the menu button")
        assert kb.get_attribute(menu, "aria-expanded") == "false"
        kb.keyboard.press("Enter")
        assert kb.get_attribute(menu, "aria-expanded") == "true"
        kb.wait_for_function("() => !!document.activeElement.closest('.md-sidebar--primary')")
        kb.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
        assert_visible_focus(kb, "in the drawer")
        kb.keyboard.press("Tab")
        assert_visible_focus(kb, "in the drawer, next")
        kb.keyboard.press("Escape")
        assert kb.get_attribute(menu, "aria-expanded") == "false"
        assert not kb.evaluate("() => document.getElementById('__drawer').checked")
        assert kb.evaluate(f"() => document.activeElement.matches('{menu}')")
    finally:
        context.close()
