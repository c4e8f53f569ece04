"""Keep it on a phone (issue 8 §5): after one visit over HTTP, the reader's language keeps
working with the network off; other languages only once kept.

The site is served over HTTP on 127.0.0.1 (the session's ``site_server``, port 0). Every test
has a fresh browser context (its own service workers and caches), a phone-sized viewport with
touch. "Network off" is ``context.set_offline(True)``, which cuts the worker's fetches too: the
tests check that a file no list holds cannot be fetched any more.

What a language's list holds is read from the built site (assets/offline/{lang}.json, checked
by tests/test_offline_cache.py); the paragraphs, terms and search hits expected here come from
source/ (by hand: "protect" stands only in the English ¶9 and ¶10, see tests/browser/test_search.py).
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from hooks.outputs import offline_cache
from scripts import serve
from tests.browser._support import EDITION, SOURCE_LANG, arrive, assert_in_view, open_tab, page_path, prefix
from tests.browser.test_search import case, check, search

pytestmark = pytest.mark.browser

READER = "en"  # the reader's language: a translation, under /en/
OTHER = "fr"  # a language the reader never opens
WAIT = 60_000  # keeping a language fetches its ~60 files; on two shared cores this may take a while

# The files of ``urls`` that no cache holds.
MISSING = """async (urls) => {
  const missing = [];
  for (const url of urls) { if (!(await caches.match(url))) missing.push(url); }
  return missing;
}"""
# What a fetch of ``url`` gives: its status, or the error.
FETCH = """async (url) => {
  try { return String((await fetch(url, {cache: 'no-store'})).status); }
  catch (error) { return 'failed: ' + error.name; }
}"""


@pytest.fixture
def phone(browser, site_server, built_site):
    """A fresh phone-sized tab on the served site; service workers allowed."""
    context, tab = open_tab(browser, site_server, viewport={"width": 390, "height": 844}, has_touch=True,
                            is_mobile=True, service_workers="allow")
    tab.context_ = context
    tab.site = built_site  # the folder site_server serves
    yield tab
    context.set_offline(False)
    context.close()


def listed_files(tab, code: str) -> list[str]:
    """Language ``code``'s list, as the served site has it."""
    return json.loads((tab.site / offline_cache.list_path(code)).read_text(encoding="utf-8"))["files"]


def wait_kept(tab, base: str, code: str) -> None:
    """Wait until the footer's control says language ``code`` is kept (the worker answers so
    once its cache holds the language's list, stored last), then check that the worker
    controls the page and the cache holds every file of the list."""
    tab.locator(f".a4p-offline[data-kept~='{code}']").wait_for(state="attached", timeout=WAIT)
    assert tab.evaluate("!!navigator.serviceWorker.controller"), "no worker controls the page"
    files = [base + f for f in listed_files(tab, code)] + [base + offline_cache.list_path(code)]
    assert tab.evaluate(MISSING, files) == [], f"files of {code}'s list not kept"


def go_offline(tab, base: str) -> None:
    tab.context_.set_offline(True)
    # a file of the site that no list holds (a download) cannot be fetched now
    outcome = tab.evaluate(FETCH, base + "sitemap.xml")
    assert outcome.startswith("failed"), f"the network is still on: sitemap.xml gave {outcome}"


def text_of_paragraph(tab, n: int) -> str:
    return tab.eval_on_selector(f"#para-{n}", """(e) => { const c = e.cloneNode(true);
      c.querySelectorAll('[data-apparatus]').forEach((a) => a.remove()); return c.textContent; }""")


def words(code: str, n: int) -> str:
    spec = EDITION.structure.page_of(n)
    [para] = [p for p in EDITION.paragraphs(code, spec) if p.number == n]
    return para.words


def test_after_one_visit_the_language_works_offline(phone, site_server):
    base = site_server
    phone.goto(base + page_path(READER, "protection"))
    wait_kept(phone, base, READER)

    go_offline(phone, base)

    # other pages of the language, never opened
    for n in (4, 13, 24):
        slug = EDITION.structure.page_of(n).slug
        phone.goto(base + page_path(READER, slug))
        assert phone.evaluate("document.documentElement.lang") == READER
        assert " ".join(text_of_paragraph(phone, n).split()) == " ".join(words(READER, n).split())
    # the footer tells which copy this is: the version whose cache the worker reads
    version = phone.get_attribute(".a4p-release", "data-version")
    assert phone.evaluate("caches.keys()") == [f"a4p-offline-{version}"]

    # a short link leads to the paragraph
    phone.goto(base + f"{prefix(READER)}para/10/")
    arrive(phone, base + page_path(READER, "protection") + "#para-10")
    assert_in_view(phone, 10, whole=False)

    # the glossary: its entries, and its filter
    phone.goto(base + page_path(READER, "glossary"))
    terms = list(EDITION.glossaries[READER].terms)
    shown = phone.eval_on_selector_all("[id^='term-']", "(es) => es.map((e) => e.id.slice(5))")
    assert set(terms) <= set(shown)

    # search: its records, engine and stemmer came from the cache
    phone.goto(base + page_path(READER, "protection"))
    phone.locator(".md-header button[data-a4p-toggle=__search]").click()
    check(case(READER, "protect"), search(phone, "protect"))

    # a language never opened is not there: the offline page says so, in the reader's language
    phone.goto(base + page_path(OTHER, "protection"))
    assert phone.locator("#para-10").count() == 0
    fallback = phone.locator("body[data-a4p-offline-fallback]")
    assert fallback.get_attribute("data-a4p-offline-fallback") == READER
    assert phone.locator("h1").inner_text() == EDITION.strings[READER]["phone.unavailable_title"]


def test_the_keep_offline_control_keeps_another_language(phone, site_server):
    base = site_server
    phone.goto(base + page_path(READER, "about"))
    wait_kept(phone, base, READER)
    control = phone.locator(".a4p-offline")
    strings = EDITION.strings[READER]
    control.locator("[role=status]").filter(has_text=strings["phone.kept"].split("{")[0].strip()).wait_for()
    assert control.get_attribute("data-kept") == READER
    button = control.get_by_role("button", name=strings["phone.keep_all"])
    button.tap()
    wait_kept(phone, base, OTHER)
    control.and_(phone.locator(f"[data-kept~='{OTHER}']")).wait_for(timeout=WAIT)
    assert sorted(control.get_attribute("data-kept").split()) == sorted(lang.code for lang in EDITION.languages)
    assert button.is_hidden()  # nothing left to keep

    go_offline(phone, base)
    phone.goto(base + page_path(OTHER, "protection"))
    assert phone.evaluate("document.documentElement.lang") == OTHER
    assert " ".join(text_of_paragraph(phone, 10).split()) == " ".join(words(OTHER, 10).split())
    phone.goto(base + page_path(SOURCE_LANG, "glossary"))
    assert phone.evaluate("document.documentElement.lang") == SOURCE_LANG


def test_the_manifest_is_linked_and_names_the_language(phone, site_server):
    for lang in (SOURCE_LANG, READER, "ar"):
        phone.goto(base_page := site_server + page_path(lang, "protection"))
        href = phone.eval_on_selector("link[rel=manifest]", "(l) => l.href")
        assert href == f"{site_server}{prefix(lang)}manifest.webmanifest", base_page
        data = json.loads(phone.evaluate("async (u) => await (await fetch(u)).text()", href))
        assert (data["lang"], data["dir"]) == (lang, EDITION.language(lang).dir)
        assert data["name"] == EDITION.strings[lang]["site_name"]
        start = phone.evaluate("([s, m]) => new URL(s, m).href", [data["start_url"], href])
        assert start == site_server + prefix(lang)


def test_from_disk_nothing_is_registered_and_nothing_logged(browser, bundle):
    """The offline bundle (file://): the register script asks nothing of the worker API,
    which exists there but whose registration fails with a console error."""
    context, tab = open_tab(browser, "file://", viewport={"width": 390, "height": 844})
    calls = []
    tab.expose_function("a4pRegisterCalled", lambda url: calls.append(url))
    tab.add_init_script("""if (navigator.serviceWorker) {
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (url, options) => { window.a4pRegisterCalled(String(url));
        return register(url, options); };
    }""")
    errors = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(bundle.folder.as_uri() + f"/{prefix(READER)}protection.html")
        tab.wait_for_function("() => document.readyState === 'complete'")
        loaded = tab.eval_on_selector_all("script[src]", "(ss) => ss.map((s) => s.src)")
        assert any(src.endswith(offline_cache.REGISTER_SCRIPT) for src in loaded)
        assert tab.locator("link[rel=manifest]").count() == 0
        assert tab.locator(".a4p-offline").count() == 0
    finally:
        context.close()
    assert calls == []
    assert errors == []


# Polled by wait_for_function (which does not wait for promises): the names of the caches, as
# last read, equal ``names``.
CACHES_ARE = """(names) => {
  caches.keys().then((found) => { window.a4pCachesSeen = found; });
  return JSON.stringify(window.a4pCachesSeen || null) === JSON.stringify(names);
}"""


@pytest.fixture
def releasable(browser, built_site, tmp_path):
    """A copy of the built site, served on its own, that a test can turn into the next
    version; and a phone tab on it."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    server = serve.make_server(site, port=0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context, tab = open_tab(browser, base, viewport={"width": 390, "height": 844}, service_workers="allow")
    # The browser's HTTP cache off (a route, even one that lets everything through, turns it
    # off): this server sends no Cache-Control, so the browser may reuse a page it fetched a
    # moment ago for a while (heuristic freshness; the deployment's nginx says max-age=300).
    # What is tested here is the worker's copy, not the host's caching.
    context.route("**/*", lambda route: route.continue_())
    tab.context_ = context
    tab.site = site
    yield tab, base
    context.close()
    server.shutdown()
    server.server_close()


def publish_next_version(site: Path, old: str, new: str) -> None:
    """What a new release changes for the worker: the version label in every page's footer,
    in sw.js (its cache's name) and in the lists."""
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".js", ".json"):
            text = file.read_text(encoding="utf-8")
            if old in text:
                file.write_text(text.replace(old, new), encoding="utf-8")


def test_a_new_version_replaces_the_kept_copy_on_the_next_visit(releasable):
    tab, base = releasable
    tab.goto(base + page_path(READER, "protection"))
    wait_kept(tab, base, READER)
    old = tab.get_attribute(".a4p-release", "data-version")
    assert old and tab.evaluate("caches.keys()") == [f"a4p-offline-{old}"]

    new = old + "-next"
    publish_next_version(tab.site, old, new)
    tab.goto(base + page_path(READER, "politics"))  # the next visit: its page is the new one
    assert tab.get_attribute(".a4p-release", "data-version") == new
    # the new worker keeps again what the old one kept, then the old copy goes
    tab.wait_for_function(CACHES_ARE, arg=[f"a4p-offline-{new}"], timeout=WAIT)
    wait_kept(tab, base, READER)

    go_offline(tab, base)
    tab.goto(base + page_path(READER, "performance"))
    assert tab.get_attribute(".a4p-release", "data-version") == new
