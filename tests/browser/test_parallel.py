"""The parallel view in the browser, over HTTP and from the offline bundle (file://): opened
from a text page, it lands on the paragraph's row; each language's cell carries its lang and
dir; on a phone the two languages interleave; the pickers change the pair and the URL; what came
after each paragraph shows under it, as on the text pages.

Expected words and names are read off source/ here (tests/test_parallel.py's readers), not
from the data files.
"""

from __future__ import annotations

import pytest
import yaml

from tests.browser._support import ROOT, canonical, open_tab, prefix, wait_in_view
from tests.outputs.test_parallel import ranges, source_text, strings
from tests.pages.test_timeline import FACTS, ORDER, as_text

pytestmark = pytest.mark.browser

READY = "[data-a4p-parallel][data-state=ready]"
PAIR = "document.querySelector('[data-a4p-parallel]').getAttribute('data-pair') === {!r}"
DIRECTIONS = {"ar": "rtl"}  # source/languages.yml: every other language is ltr

# The row of paragraph N: its cells, in order, with what a test checks.
ROW = """(id) => [...document.getElementById(id).querySelectorAll('.a4p-parallel__cell')].map((cell) => {
  const box = cell.getBoundingClientRect();
  const text = cell.querySelector('.a4p-parallel__text').cloneNode(true);
  text.querySelectorAll('[data-apparatus]').forEach((node) => node.remove());
  return {
    column: cell.getAttribute('data-column'), lang: cell.getAttribute('lang'), dir: cell.getAttribute('dir'),
    direction: getComputedStyle(cell).direction, words: text.textContent.trim(),
    mark: cell.querySelector('a.a4p-permalink').getAttribute('href'),
    top: box.top, bottom: box.bottom, left: box.left, right: box.right,
  };
})"""


def partner(code: str) -> str:
    return "en" if code == "zh" else "zh"


def slug_of(n: int) -> str:
    return next(slug for slug, numbers in ranges().items() if n in numbers)


def text_page(root: str, lang: str, slug: str, files: bool) -> str:
    return f"{root}{prefix(lang)}{slug}{'.html' if files else '/'}"


def parallel_page(root: str, lang: str, files: bool) -> str:
    return f"{root}{prefix(lang)}parallel{'.html' if files else '/'}"


@pytest.fixture
def disk(browser, bundle):
    """A tab for the unzipped bundle; every request that is not for a file is blocked."""
    context, tab = open_tab(browser, "file://", viewport={"width": 1280, "height": 800})
    tab.root = bundle.folder.as_uri() + "/"
    yield tab
    context.close()


@pytest.fixture
def phone(browser, site_server):
    context, tab = open_tab(browser, site_server, viewport={"width": 390, "height": 844}, is_mobile=True,
                            has_touch=True)
    yield tab
    context.close()


@pytest.fixture(params=["http", "file"])
def where(request, page, site_server):
    """(tab, root, files): the served site, or the offline bundle from disk."""
    if request.param == "http":
        return page, site_server, False
    tab = request.getfixturevalue("disk")
    return tab, tab.root, True


def open_from_text_page(tab, root: str, lang: str, slug: str, files: bool) -> None:
    """On the text page, follow the link that names the view in the page's language."""
    tab.goto(text_page(root, lang, slug, files))
    name = strings(lang)["parallel"]["name"]
    tab.locator("article").get_by_role("link", name=name, exact=True).click()
    tab.wait_for_selector(READY)


def check_row(tab, n: int, a: str, b: str) -> list[dict]:
    """Row para-N is the :target, on screen, the only element with its id, and holds paragraph
    N of ``a`` then ``b``, each cell with its lang, dir and the canonical ¶ link."""
    wait_in_view(tab, f"para-{n}")
    assert tab.locator(f"[id='para-{n}']").count() == 1
    cells = tab.evaluate(ROW, f"para-{n}")
    assert [(c["column"], c["lang"]) for c in cells] == [("a", a), ("b", b)]
    for cell, code in zip(cells, (a, b)):
        direction = DIRECTIONS.get(code, "ltr")
        assert (cell["dir"], cell["direction"]) == (direction, direction), cell
        assert cell["words"] == source_text(code)[1][n]
        assert cell["mark"] == canonical(code, slug_of(n), n)
    return cells


@pytest.mark.parametrize("lang, slug", [("zh", "protection"), ("en", "protection")])
def test_open_from_a_text_page_lands_on_the_pair(where, lang, slug):
    tab, root, files = where
    open_from_text_page(tab, root, lang, slug, files)
    first = ranges()[slug][0]
    assert tab.url == f"{parallel_page(root, lang, files)}?a={lang}&b={partner(lang)}#para-{first}"
    cells = check_row(tab, first, lang, partner(lang))
    # side by side on a wide screen: the same line, the first language at the start
    assert abs(cells[0]["top"] - cells[1]["top"]) < 2 and cells[0]["right"] <= cells[1]["left"]
    assert tab.locator("select[name=a]").input_value() == lang
    assert tab.locator("select[name=b]").input_value() == partner(lang)


def test_arabic_beside_english_is_rtl_beside_ltr(where):
    """From an Arabic text page (ar|zh), then English chosen as the second language: the URL
    follows, the row stays the :target."""
    tab, root, files = where
    open_from_text_page(tab, root, "ar", "conduct", files)
    first = ranges()["conduct"][0]
    assert tab.url == f"{parallel_page(root, 'ar', files)}?a=ar&b=zh#para-{first}"
    check_row(tab, first, "ar", "zh")
    tab.locator("select[name=b]").select_option("en")
    tab.wait_for_function(PAIR.format("ar|en"))
    assert tab.url == f"{parallel_page(root, 'ar', files)}?a=ar&b=en#para-{first}"
    cells = check_row(tab, first, "ar", "en")
    # in the rtl page the first column is on the right
    assert cells[0]["left"] >= cells[1]["right"]


# Every block of what came after in the view: per row, per cell, what a reader gets of it.
AFTER = """() => [...document.querySelectorAll('.a4p-parallel__row[id^="para-"]')].flatMap((row) =>
  [...row.querySelectorAll('.a4p-parallel__cell')].map((cell) => {
    const blocks = [...cell.querySelectorAll('details.a4p-after')];
    return {
      n: Number(row.id.slice(5)), lang: cell.getAttribute('lang'), blocks: blocks.length,
      closed: blocks.every((b) => !b.open && b.hasAttribute('data-apparatus')),
      summary: blocks.map((b) => b.querySelector('summary').textContent),
      lines: blocks.flatMap((b) => [...b.querySelectorAll('li')].map((li) => ({
        name: li.querySelector('a.a4p-after__name').textContent,
        href: li.querySelector('a.a4p-after__name').getAttribute('href'),
        marks: [...li.querySelectorAll('.a4p-online-only')].map((m) => [m.getAttribute('role'), m.getAttribute('aria-label')]),
        dates: [...li.querySelectorAll('time')].map((t) => t.getAttribute('datetime')),
        relation: li.querySelector('.a4p-after__relation').textContent,
      }))),
    };
  }))"""


def test_what_came_after_shows_under_each_paragraph_as_on_the_text_pages(where):
    """The blocks of hooks/pages/after.py in both columns, closed, from the data files; in the
    offline bundle each link is marked as needing the network. Expected from the sources."""
    tab, root, files = where
    tab.goto(f"{parallel_page(root, 'ar', files)}?a=ar&b=en")
    tab.wait_for_selector(READY)
    found = tab.evaluate(AFTER)
    assert {(cell["n"], cell["lang"]) for cell in found} == {(n, code) for n in source_text("ar")[1]
                                                             for code in ("ar", "en")}
    for cell in found:
        code, n = cell["lang"], cell["n"]
        said = strings(code)
        labels = yaml.safe_load((ROOT / "source" / "instruments" / f"{code}.yml").read_text(encoding="utf-8"))["instruments"]
        ids = [i for i in ORDER if n in FACTS[i]["paragraphs"]]
        assert cell["blocks"] == (1 if ids else 0) and cell["closed"], cell
        if not ids:
            continue
        assert cell["summary"] == [f"{said['after']['title']} ({len(ids)})"]
        mark = [["img", said["after"]["online_only"]]] if files else []
        assert cell["lines"] == [{
            "name": labels[i]["name"].strip(),
            "href": (f"https://undocs.org/{code}/{FACTS[i]['symbol'].replace(' ', '')}" if "symbol" in FACTS[i]
                     else FACTS[i]["link"]),
            "marks": mark,
            "dates": [as_text(FACTS[i]["date"])] + ([as_text(FACTS[i]["end"])] if "end" in FACTS[i] else []),
            "relation": labels[i]["paragraphs"][n].strip(),
        } for i in ids], cell


def test_switching_the_pair_updates_the_url_and_the_view(where):
    tab, root, files = where
    n = ranges()["partnerships"][1]
    tab.goto(f"{parallel_page(root, 'en', files)}?a=zh&b=en#para-{n}")
    tab.wait_for_selector(READY)
    check_row(tab, n, "zh", "en")
    tab.locator("select[name=a]").select_option("fr")
    tab.wait_for_function(PAIR.format("fr|en"))
    assert tab.url.endswith(f"parallel{'.html' if files else '/'}?a=fr&b=en#para-{n}")
    check_row(tab, n, "fr", "en")
    # the language of the other picker: the two swap
    tab.locator("select[name=b]").select_option("fr")
    tab.wait_for_function(PAIR.format("en|fr"))
    assert tab.url.endswith(f"?a=en&b=fr#para-{n}")
    check_row(tab, n, "en", "fr")
    # the language switch keeps the pair and the paragraph
    switch = tab.locator("a.a4p-alternate[hreflang='es']")
    assert switch.get_attribute("href").endswith(f"?a=en&b=fr#para-{n}")


@pytest.mark.parametrize("lang", ["zh", "en", "ar"])
def test_without_a_pair_the_page_language_and_its_partner(page, site_server, lang):
    page.goto(parallel_page(site_server, lang, False) + "?a=xx")
    page.wait_for_selector(READY)
    page.wait_for_function(PAIR.format(f"{lang}|{partner(lang)}"))
    assert page.url == f"{parallel_page(site_server, lang, False)}?a={lang}&b={partner(lang)}"
    rows = page.locator(".a4p-parallel__row[id^='para-']")
    assert rows.count() == sum(len(numbers) for numbers in ranges().values())


def test_narrow_screen_interleaves_paragraph_by_paragraph(phone, site_server):
    slug = "performance"
    numbers = ranges()[slug]
    phone.goto(f"{parallel_page(site_server, 'ar', False)}?a=ar&b=en#para-{numbers[0]}")
    phone.wait_for_selector(READY)
    check_row(phone, numbers[0], "ar", "en")
    order = []
    for n in numbers:
        cells = phone.evaluate(ROW, f"para-{n}")
        order += [(cell["top"], cell["bottom"], n, cell["lang"]) for cell in cells]
    # one column: each cell below the one before, a then b, paragraph after paragraph
    assert [(n, lang) for _, _, n, lang in sorted(order)] == [(n, lang) for n in numbers for lang in ("ar", "en")]
    for before, after in zip(sorted(order), sorted(order)[1:]):
        assert before[1] <= after[0] + 1
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the view is wider than the phone"
    # each cell names its language when the columns interleave
    tags = phone.evaluate(f"""[...document.getElementById('para-{numbers[0]}').querySelectorAll('.a4p-parallel__tag')]
        .map((t) => getComputedStyle(t).display !== 'none' ? t.textContent : null)""")
    assert tags == ["العربية", "English"]


@pytest.mark.parametrize("column, lang", [("a", "zh"), ("b", "en")])
def test_a_click_on_a_mark_stays_here_on_the_text_page(where, column, lang):
    tab, root, files = where
    n = ranges()["safety-security"][0]
    tab.goto(f"{parallel_page(root, 'zh', files)}?a=zh&b=en#para-{n}")
    tab.wait_for_selector(READY)
    tab.locator(f"#para-{n} [data-column='{column}'] a.a4p-permalink").click()
    tab.wait_for_url(f"{text_page(root, lang, 'safety-security', files)}#para-{n}")
    wait_in_view(tab, f"para-{n}")
