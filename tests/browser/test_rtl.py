"""Arabic, right to left (issue 7 §4): the page's furniture mirrors, measured on screen, at
desktop and phone widths; and screenshots of each state for a person to look at, written to
test-output/rtl/ (ignored by git): the home page, a text page, a tooltip open, search results,
the glossary and the language menu.

What is measured: the navigation on the right, the paragraph number on the right of its
text, notes and the translation notice with their bar on the right, the tooltip inside the
viewport, the search box on the header's left with results that read right to left, the
language menu whole (all six names reachable) with the names lined up on the page's start
side, and the footer's version isolated from the Arabic around it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser._support import LANGS, ROOT, page_path

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-output" / "rtl"
WIDTHS = {"desktop": 1280, "phone": 390}
RTL = [code for code in LANGS if code == "ar"]
RECT = "e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"

# The element's first character is shown left of its last: a Latin or number run in order.
LEFT_TO_RIGHT = """e => { const t = e.firstChild, r = document.createRange();
  r.setStart(t, 0); r.setEnd(t, 1); const first = r.getBoundingClientRect().left;
  r.setStart(t, t.length - 1); r.setEnd(t, t.length); return first < r.getBoundingClientRect().left; }"""


def shoot(tab, name: str, width: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"ar-{name}-{WIDTHS[width]}.png"
    tab.screenshot(path=str(path))
    return path


@pytest.fixture(params=list(WIDTHS))
def width(request, page):
    page.set_viewport_size({"width": WIDTHS[request.param], "height": 900})
    return request.param


def test_arabic_is_the_right_to_left_language():
    assert RTL == ["ar"]


def test_home_page(page, site_server, width):
    page.goto(f"{site_server}{page_path('ar', 'index')}".replace("index/", ""))
    assert page.evaluate("[document.documentElement.dir, document.body.dir]") == ["rtl", "rtl"]
    content = page.locator(".md-content").evaluate(RECT)
    if width == "desktop":
        nav = page.locator(".md-sidebar--primary").evaluate(RECT)
        assert nav["left"] >= content["right"] - 1, "the navigation is not on the right"
    notice = page.locator(".a4p-translation-notice")
    assert notice.evaluate("e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]") \
        [1] == "0px"
    release = page.locator(".a4p-release bdi")
    assert release.count() == 2, "the version and date are not isolated from the Arabic"
    for i in range(2):  # 2026-11-29 shows as written, not as 29-11-2026
        assert release.nth(i).evaluate(LEFT_TO_RIGHT), release.nth(i).inner_text()
    version, date = (release.nth(i).evaluate(RECT) for i in range(2))
    assert version["left"] > date["right"], "read right to left, the version comes before the date"
    shoot(page, "home", width)


def test_text_page_number_mark_and_notes(page, site_server, width):
    page.goto(f"{site_server}{page_path('ar', 'protection')}#para-10")
    para = page.locator("#para-10")
    box = para.evaluate(RECT)
    number = para.locator(".a4p-para__num").evaluate(RECT)
    text_start = para.evaluate("e => { const r = document.createRange(); const t = e.querySelector('.a4p-para__text')"
                               " || e; r.selectNodeContents(t); return r.getClientRects()[0].right; }")
    assert number["left"] >= text_start - 1, f"the number is not on the right of the text: {number} {text_start}"
    assert number["right"] <= box["right"] + 1
    mark = para.locator("a.a4p-permalink").evaluate(RECT)
    assert mark["right"] < number["left"], "the ¶ mark is not after the text (on its left)"
    note = page.locator(".a4p-note").first
    widths = note.evaluate("e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]")
    assert widths[0] != "0px" and widths[1] == "0px", f"the note's bar is not on the right: {widths}"
    shadow = para.evaluate("e => getComputedStyle(e).boxShadow")
    assert "-" in shadow.split("inset")[-1].split("px")[0] or shadow.endswith("inset") , shadow
    shoot(page, "text", width)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_tooltip_stays_inside_the_viewport(page, site_server, width, lang):
    """Either direction (the tooltip starts where the text starts and may not run past its end)."""
    page.goto(f"{site_server}{page_path(lang, 'protection')}")
    viewport = page.viewport_size["width"]
    terms = page.locator("#para-9 a.a4p-term")
    assert terms.count() > 1
    for i in (0, terms.count() - 1):
        term = terms.nth(i)
        term.focus()
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        tip.wait_for(state="visible")
        box = tip.evaluate(RECT)
        assert box["left"] >= 0 and box["right"] <= viewport, f"tooltip {i} outside the viewport: {box}"
        assert tip.evaluate("e => getComputedStyle(e).direction") == ("rtl" if lang == "ar" else "ltr")
        if i == 0 and lang == "ar":
            shoot(page, "tooltip", width)


def test_search_box_and_results(page, site_server, width):
    page.goto(f"{site_server}{page_path('ar', 'protection')}")
    header = page.locator(".md-header").evaluate(RECT)
    if width == "phone":
        page.locator(".md-header button[data-a4p-toggle=__search]").click()
    else:
        search = page.locator(".md-search").evaluate(RECT)
        assert search["right"] < (header["left"] + header["right"]) / 2, "the search box is not on the left"
    box = page.locator(".md-search__input")
    box.fill("المدنيين")
    results = page.locator(".md-search-result__list li")
    results.first.wait_for(state="visible")
    assert results.first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert box.evaluate("e => getComputedStyle(e).direction") == "rtl"
    shoot(page, "search", width)


def test_glossary(page, site_server, width):
    page.goto(f"{site_server}{page_path('ar', 'glossary')}")
    field = page.locator("#a4p-filter").evaluate(RECT)
    content = page.locator("article").evaluate(RECT)
    assert abs(field["right"] - content["right"]) < 2, "the filter does not start on the right"
    shoot(page, "glossary", width)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_language_menu_shows_all_six_lined_up(page, site_server, width, lang):
    page.goto(f"{site_server}{page_path(lang, 'protection')}")
    menu = page.locator(".md-header .md-select")
    menu.locator("button").hover()
    links = menu.locator("a.a4p-alternate")
    links.last.wait_for(state="visible")
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-header .md-select__inner'))"
                           ".opacity === '1'")
    assert links.count() == len(LANGS)
    reachable = links.evaluate_all("""as => as.map(a => {
        const r = a.getBoundingClientRect();
        // whole: its top and bottom rows are the link's, not hidden by the list's scroll
        return [r.top + 1, r.bottom - 1].every((y) => {
          const hit = document.elementFromPoint(r.left + r.width / 2, y);
          return !!hit && (hit === a || a.contains(hit));
        });
    })""")
    assert all(reachable), f"names hidden in the menu: {reachable}"
    side = "right" if lang == "ar" else "left"
    aligned = links.evaluate_all("as => as.map(a => getComputedStyle(a).textAlign)")
    assert set(aligned) == {side}, aligned
    if lang == "ar":
        shoot(page, "language-menu", width)


GAP = """(para) => {
  const cite = para.querySelector('button.a4p-cite[data-a4p-cite]');
  const original = para.querySelector('a.a4p-para__original');
  const a = cite.getBoundingClientRect(), b = original.getBoundingClientRect();
  return a.right <= b.left ? b.left - a.right : a.left - b.right;
}"""


@pytest.mark.parametrize("lang", [code for code in LANGS if code != LANGS[0]])
def test_the_cite_button_and_the_original_link_keep_a_gap(page, site_server, lang):
    """The source-language link keeps the source's direction (ltr on an Arabic page), so a
    margin on its start side alone faces away from the cite button there."""
    page.goto(f"{site_server}{page_path(lang, 'women-peace-security')}")
    para = page.locator("#para-8")
    para.locator("button.a4p-cite").wait_for(state="visible")
    gap = para.evaluate(GAP)
    size = para.locator(".a4p-para__original").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert gap >= 0.3 * size, f"{lang}: {gap:.1f} px between the cite button and the original's link"
