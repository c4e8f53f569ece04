"""Behind nginx with deploy/nginx/a4p.conf, Chromium reports no Content-Security-Policy
violation on any page type in any language: home, a text page, every page after the text
pages (glossary, downloads, about ... as the edition lists them), the 404 page, a short link
and an alias on their way to their page; nor while searching, on a glossary term's tooltip,
in the language menu and in the glossary filter.

A violation is counted twice over: the console message Chromium writes for it, and the
``securitypolicyviolation`` event on the document (listened to from before any script runs).
"""

from __future__ import annotations

import pytest

from scripts import nginx_server
from tests.browser._support import EDITION, LANGS, SOURCE_LANG, open_tab, prefix

pytestmark = pytest.mark.browser

LISTEN = """
window.__a4pViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__a4pViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || location.href}:${e.lineNumber}`);
}, true);
"""


NOT_FOUND = "404 page"


@pytest.fixture(scope="module")
def nginx(tmp_path_factory, built_site):
    with nginx_server.running(built_site, tmp_path_factory.mktemp("nginx-browser")) as server:
        yield server.url


class Console:
    """Console messages about the policy, and page errors, of one tab."""

    def __init__(self):
        self.violations: list[str] = []
        self.errors: list[str] = []

    def on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append(f"{message.type}: {message.text}")

    def on_error(self, error):
        self.errors.append(str(error))


@pytest.fixture
def deployed(browser, nginx):
    """A tab on the site behind nginx, recording policy violations."""
    # the service worker runs, as for a reader: the policy must allow it (worker-src, connect-src)
    context, tab = open_tab(browser, nginx, viewport={"width": 1280, "height": 800}, service_workers="allow")
    context.add_init_script(LISTEN)
    tab.console_log = Console()
    tab.on("console", tab.console_log.on_console)
    tab.on("pageerror", tab.console_log.on_error)
    tab.base = nginx
    yield tab
    context.close()


def page_types(lang: str) -> list[tuple[str, str, str | None]]:
    """(kind, site path, where it leads or None) of every page type of language ``lang``."""
    text_slugs = set(EDITION.structure.slugs)
    first_slug = EDITION.structure.slugs[0]
    beyond = EDITION.structure.paragraph_count + 1
    home = prefix(lang)
    types = [("home", home, None), ("text page", f"{home}{first_slug}/", None)]
    types += [(key, f"{home}{key}/", None) for key in EDITION.page_keys[1:] if key not in text_slugs]
    types += [(NOT_FOUND, f"{home}para/{beyond}/", None),
              ("short link", f"{home}para/1/", f"{home}{first_slug}/")]
    if lang == SOURCE_LANG:
        types.append(("alias", f"{lang}/{first_slug}/", f"{first_slug}/"))
    return types


def visit(tab, path: str, leads_to: str | None = None) -> list[str]:
    """Open ``path`` (a redirect page: until the page it leads to has loaded) and return the
    violations the document recorded."""
    tab.goto(tab.base + path, wait_until="load")
    if leads_to is not None:
        tab.wait_for_url(lambda url: url.split("#")[0] == tab.base + leads_to)
        tab.wait_for_load_state("load")
    return tab.evaluate("window.__a4pViolations")


def assert_clean(tab, seen: list[str], where: str) -> None:
    assert seen == [], f"{where}: policy violations (events): {seen}"
    assert tab.console_log.violations == [], f"{where}: policy violations (console): {tab.console_log.violations}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_violation_on_any_page_type(deployed, lang):
    for kind, path, leads_to in page_types(lang):
        seen = visit(deployed, path, leads_to)
        assert_clean(deployed, seen, f"{kind} /{path}")
        if kind == NOT_FOUND:
            # the one failure expected: the 404 page itself (fetched by the service worker where
            # one runs, which the tab does not count as its navigation)
            failed = deployed.local_failures.failed
            failed[:] = [f for f in failed if f != f"404 {deployed.base}{path}"]
    assert deployed.console_log.errors == [], f"script errors: {deployed.console_log.errors}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_violation_while_reading(deployed, lang):
    """Search (typed, Enter pressed, a result chosen), a term's tooltip, the language menu and
    the glossary filter: what runs script or styles on demand."""
    slug = EDITION.structure.slugs[0]
    visit(deployed, f"{prefix(lang)}{slug}/")
    deployed.locator(".md-search__input").click()
    deployed.keyboard.type(next(iter(EDITION.glossaries[lang].terms.values())).term)  # found at least in the glossary
    deployed.keyboard.press("Enter")
    deployed.locator("a.a4p-search__result").first.wait_for(state="attached")
    deployed.keyboard.press("Escape")
    term = deployed.locator(".a4p-term").first
    if term.count():
        term.hover()
        term.focus()
    deployed.locator(".md-header .md-select button").hover()
    assert_clean(deployed, deployed.evaluate("window.__a4pViolations"), f"reading /{prefix(lang)}{slug}/")

    visit(deployed, f"{prefix(lang)}glossary/")
    deployed.locator("#a4p-filter").fill("a")
    assert_clean(deployed, deployed.evaluate("window.__a4pViolations"), f"glossary filter /{prefix(lang)}glossary/")
    assert deployed.console_log.errors == [], f"script errors: {deployed.console_log.errors}"


def test_a_blocked_inline_script_is_seen(browser, tmp_path):
    """The listeners do see a violation: an inline script and an inline style on a page served
    with the same config (a site of one page, beside the real one)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>probe</title><p style='color: red'>probe</p>"
                                     "<script>document.title = 'ran'</script>", encoding="utf-8")
    with nginx_server.running(site, tmp_path / "nginx") as server:
        context, tab = open_tab(browser, server.url)
        context.add_init_script(LISTEN)
        tab.console_log = Console()
        tab.on("console", tab.console_log.on_console)
        tab.base = server.url
        try:
            seen = visit(tab, "")
            assert tab.title() == "probe", "the inline script ran: the policy allows inline script"
            assert sorted(v.split()[0] for v in seen) == ["script-src-elem", "style-src-attr"], seen
            assert len(tab.console_log.violations) == 2, tab.console_log.violations
        finally:
            context.close()
