"""Helpers shared by the browser tests of permalinks, short links and the language switch.

Paths follow CONTRACT.md: the source language (zh) at the site root, every other language
under ``/{lang}/``. The canonical URL of a paragraph is ``site_url`` + its root-relative path
+ ``#para-N``; ``site_url`` is read from ``mkdocs.yml``, the one place that sets it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import build_site

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["zh", "en"]


def site_url() -> str:
    return build_site.site_url(ROOT / "mkdocs.yml")


def prefix(lang: str) -> str:
    """The root-relative folder of a language: '' for the source language, 'en/' for English."""
    return "" if lang == "zh" else f"{lang}/"


def page_path(lang: str, slug: str) -> str:
    return f"{prefix(lang)}{slug}/"


def canonical(lang: str, slug: str, n: int) -> str:
    return f"{site_url()}{page_path(lang, slug)}#para-{n}"


# What a paragraph looks like on screen, measured in the page.
MEASURE = """(id) => {
  const target = document.getElementById(id);
  const header = document.querySelector('.md-header');
  const box = target.getBoundingClientRect();
  const other = [...document.querySelectorAll('.a4p-para')].find((e) => e !== target);
  const style = getComputedStyle(target);
  const otherStyle = other ? getComputedStyle(other) : null;
  return {
    top: box.top, bottom: box.bottom, height: box.height,
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


def assert_in_view(page, n: int, whole: bool = True) -> dict:
    """Paragraph N is the :target, below the sticky header and on screen.

    ``whole``: the paragraph fits and must be entirely visible; otherwise (a paragraph
    taller than a small viewport) its top must be on screen.
    """
    # The browser scrolls to the fragment once the page has laid out: wait for it.
    page.wait_for_function(
        """(id) => {
            const t = document.getElementById(id);
            const h = document.querySelector('.md-header');
            if (!t || !t.matches(':target')) return false;
            const top = t.getBoundingClientRect().top;
            return top >= (h ? h.getBoundingClientRect().bottom : 0) - 1 && top < window.innerHeight;
        }""",
        arg=f"para-{n}",
        timeout=5000,
    )
    m = measure(page, n)
    assert m["isTarget"], f"#para-{n} is not the :target at {page.url}"
    assert m["top"] >= m["header"] - 1, f"#para-{n} is hidden under the sticky header: {m}"
    assert m["top"] < m["viewport"], f"#para-{n} starts below the viewport: {m}"
    if whole and m["height"] <= m["viewport"] - m["header"]:
        assert m["bottom"] <= m["viewport"] + 1, f"#para-{n} is cut off at the bottom: {m}"
    return m


def assert_highlighted(m: dict) -> None:
    """The :target style differs from that of an ordinary paragraph."""
    assert m["otherBackground"] is not None, "the page has only one paragraph to compare with"
    assert (m["background"], m["shadow"]) != (m["otherBackground"], m["otherShadow"]), (
        f"the targeted paragraph looks like any other: {m}"
    )


class LocalFailures:
    """Subresources of the site that failed (status >= 400), the page's own document excepted."""

    def __init__(self):
        self.failed: list[str] = []
        self.sitemaps: list[str] = []

    def on_response(self, response):
        request = response.request
        if response.status >= 400 and not request.is_navigation_request():
            # Material's language integration fetches sitemap.xml next to every
            # <link rel=alternate>: checked on its own in test_site_requests.py.
            if response.url.endswith("/sitemap.xml"):
                self.sitemaps.append(f"{response.status} {response.url}")
            else:
                self.failed.append(f"{response.status} {response.url}")


@pytest.fixture(autouse=True)
def stays_home(page):
    """Every test: no request to any other host, and no broken asset of the site itself."""
    failures = LocalFailures()
    page.on("response", failures.on_response)
    page.set_default_timeout(10_000)  # a local static site: a wait this long means it never comes
    page.local_failures = failures
    yield page
    assert page.outside.blocked == [], f"requests to other hosts: {page.outside.blocked}"
    assert failures.failed == [], f"site resources that failed: {failures.failed}"


def arrive(page, expected: str) -> None:
    """Wait until the browser is on ``expected``'s document, then require its exact URL.

    Waiting for the document (not the whole URL) makes a lost or wrong fragment fail at once
    with the URL actually reached, instead of as a timeout.
    """
    document = expected.split("#")[0]
    page.wait_for_url(lambda url: url.split("#")[0] == document)
    assert page.url == expected, f"arrived at {page.url}, expected {expected}"
