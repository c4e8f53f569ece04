"""The theme's override of Material's base.html (overrides/base.html), on every built page.

- ``<html lang dir>`` name the page's language and direction (Arabic: ``rtl``);
- no inline script anywhere, online and in the offline bundle, so that a Content Security
  Policy without ``'unsafe-inline'`` for scripts works (issue 10 §4): Material's two inline
  scripts live in files (assets/a4p-theme-*.js);
- no ``autocomplete`` on Material's checkbox toggles (invalid HTML, issue 10 §2);
- every override names the Material version it was taken from, and that is the installed one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
# "Material 9.8.1's base.html ..." in the header comment of an override
TAKEN_FROM = re.compile(r"Material (\d+(?:\.\d+)+)'s")
# <script type=...> that the browser does not run (a data block): CSP's script-src does not
# apply to it. Material's __config is one (application/json), and the JSON-LD of
# hooks/pages/head_meta.py another (application/ld+json). No other type is let through.
DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}
JAVASCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


class _Scripts(HTMLParser):
    """Every <script> with its attributes and text; event-handler attributes; javascript: URLs;
    the attributes of <html> and <body>; the <input> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []
        self.roots: dict[str, dict] = {}
        self.inputs: list[dict] = []
        self._in_script: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        self.handlers += [f"<{tag} {name}>" for name in attributes if name.startswith("on")]
        self.javascript_urls += [f"<{tag} {name}={value}>" for name, value in attributes.items()
                                 if name in ("href", "src", "action", "formaction")
                                 and value.strip().lower().startswith("javascript:")]
        if tag in ("html", "body"):
            self.roots[tag] = attributes
        if tag == "input":
            self.inputs.append(attributes)
        if tag == "script":
            self._in_script, self._text = attributes, []

    def handle_data(self, data):
        if self._in_script is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._text)))
            self._in_script = None


def scan(path: Path) -> _Scripts:
    parser = _Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def inline_scripts(parser: _Scripts) -> list[str]:
    """Scripts the browser would run from the page's own text: no src, a JavaScript type."""
    found = []
    for attributes, text in parser.scripts:
        kind = attributes.get("type", "").strip().lower()
        if kind in DATA_BLOCK_TYPES:
            continue
        if kind not in JAVASCRIPT_TYPES:
            found.append(f"<script type={kind!r}> (unknown type)")
        elif "src" not in attributes or text.strip():
            found.append(text.strip()[:80] or "<script> without src")
    return found


def _html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def _kinds(files: list[Path], folder: Path) -> set[str]:
    """What the scan covered, so that a page kind missing from it shows."""
    names = {f.relative_to(folder).as_posix() for f in files}
    kinds = set()
    for name in names:
        if name.endswith("404.html"):
            kinds.add("404")
        elif "/para/" in f"/{name}":
            kinds.add("short link")
        elif name.startswith("zh/"):
            kinds.add("alias")
        else:
            kinds.add("page")
    return kinds


def _assert_no_inline_script(folder: Path, expected_kinds: set[str]) -> None:
    files = _html_files(folder)
    assert expected_kinds <= _kinds(files, folder), _kinds(files, folder)
    problems = {}
    for path in files:
        parser = scan(path)
        found = inline_scripts(parser) + parser.handlers + parser.javascript_urls
        if found:
            problems[path.relative_to(folder).as_posix()] = found
    assert problems == {}, f"{len(problems)} of {len(files)} pages run script from their own text: " + \
        "; ".join(f"{name}: {found}" for name, found in list(problems.items())[:5])


def test_no_inline_script_in_any_page_of_the_site(built_site):
    _assert_no_inline_script(built_site, {"page", "404", "short link", "alias"})


def test_no_inline_script_in_any_page_of_the_offline_bundle(bundle):
    _assert_no_inline_script(bundle.folder, {"page", "short link"})  # no 404: files have no server


def test_the_scan_sees_an_inline_script(tmp_path):
    """The scan is not vacuous: each kind of page script it must refuse, it finds."""
    page = tmp_path / "p.html"
    for html in ('<script>alert(1)</script>', '<script src="a.js">alert(1)</script>',
                 '<script type="text/javascript">x()</script>', '<script type="text/x-other">x</script>'):
        page.write_text(html, encoding="utf-8")
        assert inline_scripts(scan(page)), html
    page.write_text('<a href="#" onclick="x()">a</a><a href=" JavaScript:x()">b</a>', encoding="utf-8")
    parser = scan(page)
    assert parser.handlers and parser.javascript_urls
    page.write_text('<script src="a.js"></script><script id="c" type="application/json">{}</script>'
                    '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
                    encoding="utf-8")
    assert inline_scripts(scan(page)) == []


def _language_of(path: Path, site: Path, codes: list[str], source: str, declared: str | None) -> str:
    """The language a page must be in: its folder's (/{lang}/…), the source language's at the
    root; a page among the assets (a generated fallback page) names its own, one of the six."""
    first = path.relative_to(site).parts[0]
    if first in codes:
        return first
    if first == "assets" and declared in codes:
        return declared
    return source


def test_html_names_the_language_and_direction_of_every_page(built_site, edition):
    codes = [lang.code for lang in edition.languages]
    directions = {lang.code: lang.dir for lang in edition.languages}
    assert "rtl" in directions.values() and "ltr" in directions.values()
    seen = set()
    for path in _html_files(built_site):
        parser = scan(path)
        html, body = parser.roots["html"], parser.roots.get("body", {})
        code = _language_of(path, built_site, codes, edition.source.code, html.get("lang"))
        name = path.relative_to(built_site).as_posix()
        assert (html.get("lang"), html.get("dir")) == (code, directions[code]), name
        # Material's pages repeat it on <body>; a redirect page (hooks/outputs/redirects.py) does not
        assert body.get("dir", html.get("dir")) == directions[code], name
        seen.add(code)
    assert seen == set(codes)


def test_no_autocomplete_on_the_theme_toggles(built_site):
    """The Nu checker refuses autocomplete on a checkbox; Material puts it on two toggles."""
    pages = _html_files(built_site)
    toggles = 0
    for path in pages:
        for attributes in scan(path).inputs:
            if attributes.get("type") == "checkbox":
                toggles += 1
                assert "autocomplete" not in attributes, f"{path.relative_to(built_site)}: {attributes}"
    assert toggles > 0


def _overrides_naming_material() -> list[tuple[str, str]]:
    found = []
    for path in sorted(OVERRIDES.rglob("*.html")):
        match = TAKEN_FROM.search(path.read_text(encoding="utf-8")[:600])
        if match:
            found.append((path.relative_to(ROOT).as_posix(), match.group(1)))
    return found


def test_the_base_override_names_its_material_version():
    names = dict(_overrides_naming_material())
    assert "overrides/base.html" in names


@pytest.mark.parametrize("name,taken_from", _overrides_naming_material())
def test_overrides_were_taken_from_the_installed_material(name, taken_from):
    installed = version("mkdocs-material")
    assert taken_from == installed, (
        f"{name} was taken from Material {taken_from}; {installed} is installed: compare the override "
        "with the new version's file, carry the lines marked a4p over, and update its header")


def test_no_override_links_to_another_host():
    """Nothing is fetched from another host, not even by a branch of a template that the
    configuration leaves off today (Material's fonts block links Google Fonts)."""
    foreign = re.compile(r"""(?:href|src)\s*=\s*["'](?:https?:)?//""")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for path in sorted((ROOT / "overrides").rglob("*.html"))
             for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
             if foreign.search(line)]
    assert found == []
