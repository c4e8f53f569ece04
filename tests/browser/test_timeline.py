"""The timeline in the browser (hooks/pages/timeline.py, docs/assets/a4p-timeline.js): its filter
used from the keyboard alone, with its live status in the page's plural forms; an address that
points at an entry the filter hides clears the filter; without scripts, no filter and every
entry shown. The expected entries are worked out here from source/instruments.yml and
source/structure.yml (tests/pages/test_timeline.py reads them)."""

from __future__ import annotations

import pytest
import yaml

from tests.browser._support import ROOT, open_tab, page_path
from tests.pages.test_timeline import ORDER, PAGES, parts_of

pytestmark = pytest.mark.browser

SHOWN = """() => [...document.querySelectorAll('.a4p-timeline__entry')]
  .filter((e) => e.checkVisibility()).map((e) => e.id)"""
YEARS_SHOWN = """() => [...document.querySelectorAll('.a4p-timeline__year')]
  .filter((e) => e.checkVisibility()).map((e) => e.querySelector('h2').textContent)"""


def russian_form(n: int) -> str:
    """CLDR's plural category of an integer in Russian."""
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def bearing(slug: str) -> list[str]:
    return [f"instrument-{i}" for i in ORDER if slug in parts_of(i)]


def test_the_filter_works_from_the_keyboard_and_says_how_many_are_shown(page, site_server):
    lang = "ru"  # three plural forms
    counts = yaml.safe_load((ROOT / "source" / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["timeline"]["count"]
    offered = [p["slug"] for p in PAGES if bearing(p["slug"])]
    page.goto(site_server + page_path(lang, "timeline"))
    select = page.locator("#a4p-timeline-part")
    select.wait_for(state="visible")  # shown by its script
    everything = [f"instrument-{i}" for i in ORDER]
    assert page.evaluate(SHOWN) == everything
    for _ in range(100):  # the keyboard's way to it
        page.keyboard.press("Tab")
        if select.evaluate("e => e === document.activeElement"):
            break
    else:
        raise AssertionError("100 presses of Tab never reached the filter")
    status = page.locator(".a4p-timeline__status")
    for slug in offered[:3]:
        page.keyboard.press("ArrowDown")
        assert select.input_value() == slug
        want = bearing(slug)
        page.wait_for_function("(n) => document.querySelectorAll('.a4p-timeline__entry:not([hidden])').length === n",
                               arg=len(want))
        assert page.evaluate(SHOWN) == want
        assert status.text_content() == counts[russian_form(len(want))].format(count=len(want))
        years = sorted({_year(entry) for entry in want})
        assert page.evaluate(YEARS_SHOWN) == years, "a year with no entry shown is hidden"
    page.keyboard.press("Home")  # back to every part, and said so
    assert select.input_value() == ""
    page.wait_for_function("() => !document.querySelector('.a4p-timeline__entry[hidden]')")
    assert page.evaluate(SHOWN) == everything
    assert status.text_content() == counts[russian_form(len(ORDER))].format(count=len(ORDER))


def _year(entry_id: str) -> str:
    facts = yaml.safe_load((ROOT / "source" / "instruments.yml").read_text(encoding="utf-8"))["instruments"]
    value = facts[entry_id.removeprefix("instrument-")]["date"]
    return (value.isoformat() if hasattr(value, "isoformat") else str(value))[:4]


def test_what_the_address_points_at_is_never_hidden_by_the_filter(fresh_page, site_server):
    """A new fragment, a link to the fragment the address already has (no hashchange), a year's
    heading: each clears a filter that hides it. A malformed fragment breaks nothing."""
    page = fresh_page  # a tab of its own: it listens for the page's errors
    lang = "en"
    slug = next(p["slug"] for p in PAGES if bearing(p["slug"]) and len(bearing(p["slug"])) < len(ORDER))
    hidden = next(entry for entry in (f"instrument-{i}" for i in ORDER) if entry not in bearing(slug))
    year = next(f"year-{y}" for y in sorted({_year(e) for e in (f"instrument-{i}" for i in ORDER)})
                if y not in {_year(e) for e in bearing(slug)})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    select = page.locator("#a4p-timeline-part")

    def filtered(target: str) -> None:
        select.select_option(slug)
        page.wait_for_function("(id) => !!document.getElementById(id).closest('[hidden]')", arg=target)

    def cleared(target: str) -> None:
        page.wait_for_function("(id) => document.getElementById(id).checkVisibility()", arg=target)
        assert select.input_value() == ""
        assert page.evaluate(SHOWN) == [f"instrument-{i}" for i in ORDER]

    page.goto(site_server + page_path(lang, "timeline") + "#%E0%A4%A")  # malformed: names nothing
    filtered(hidden)
    page.evaluate("(id) => { location.hash = id; }", hidden)  # a new fragment
    cleared(hidden)
    assert page.locator(f"#{hidden}").evaluate("e => e.matches(':target')")
    filtered(hidden)  # a link to the fragment the address has already
    page.evaluate("(id) => { const a = document.createElement('a'); a.href = '#' + id; a.textContent = 'x';"
                  " document.querySelector('.a4p-timeline').prepend(a); a.click(); }", hidden)
    cleared(hidden)
    filtered(year)  # a year with nothing shown
    page.evaluate("(id) => { location.hash = id; }", year)
    cleared(year)
    assert errors == []


def test_a_return_to_the_page_shows_what_the_filter_says(page, site_server):
    """Back from another page, or reloaded: the filter and the entries agree (the select keeps
    no value of its own that the script would not have applied)."""
    slug = next(p["slug"] for p in PAGES if bearing(p["slug"]) and len(bearing(p["slug"])) < len(ORDER))
    page.goto(site_server + page_path("en", "timeline"))
    page.locator("#a4p-timeline-part").select_option(slug)
    page.wait_for_function("() => !!document.querySelector('.a4p-timeline__entry[hidden]')")
    page.goto(site_server + page_path("en", "about"))
    page.go_back()
    page.locator("#a4p-timeline-part").wait_for(state="visible")
    shown = page.evaluate(SHOWN)
    value = page.locator("#a4p-timeline-part").input_value()
    assert shown == (bearing(value) if value else [f"instrument-{i}" for i in ORDER]), value
    page.reload()
    page.locator("#a4p-timeline-part").wait_for(state="visible")
    assert page.locator("#a4p-timeline-part").input_value() == ""
    assert page.evaluate(SHOWN) == [f"instrument-{i}" for i in ORDER]


def test_without_scripts_every_entry_shows_and_no_filter(browser, site_server):
    context, tab = open_tab(browser, site_server, java_script_enabled=False)
    try:
        tab.goto(site_server + page_path("ar", "timeline"))
        assert not tab.locator(".a4p-timeline__filter").is_visible()
        assert tab.locator(".a4p-timeline__entry:visible").count() == len(ORDER)
    finally:
        context.close()


def test_in_print_the_filter_is_left_out_and_no_entry_is_split(fresh_page, site_server):
    """a4p.css (print): the filter is a control, not part of a printout, even where its script
    showed it; an entry keeps together on one sheet."""
    fresh_page.goto(site_server + page_path("en", "timeline"))
    fresh_page.locator("#a4p-timeline-part").wait_for(state="visible")
    fresh_page.emulate_media(media="print")
    styles = fresh_page.evaluate("""() => [getComputedStyle(document.querySelector('.a4p-timeline__filter')).display,
      getComputedStyle(document.querySelector('.a4p-timeline__entry')).breakInside]""")
    assert styles == ["none", "avoid"]
