"""hooks/pages/accessibility.py: the accessibility statement, in every language, read back from the
built site: its title, its sections, the last page of the navigation, and the tools the tests
run, each with the version pinned where the repository pins it (read here on their own)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hooks.errors import SourceError
from hooks.pages import accessibility
from hooks.urls import ACCESSIBILITY, AFTER_TEXT
from tests.htmltext import Page

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("measures", "testing", "limits", "feedback")  # the {#id} of each prose heading


def pinned_here() -> dict[str, str]:
    lock = json.loads((ROOT / "tests/tools/package-lock.json").read_text(encoding="utf-8"))["packages"]
    playwright = re.search(r"^playwright==(\S+)$", (ROOT / "requirements-test.txt").read_text(encoding="utf-8"), re.M)
    return {"axe-core": lock["node_modules/axe-core"]["version"],
            "Nu HTML Checker (vnu-jar)": lock["node_modules/vnu-jar"]["version"],
            "Playwright": playwright.group(1)}


def test_the_statement_is_the_last_page_after_the_text():
    assert AFTER_TEXT[-1] == ACCESSIBILITY


@pytest.mark.parametrize("code", ["zh", "en", "fr", "es", "ru", "ar"])
def test_every_language_has_the_statement_with_its_sections_and_tools(built_site, edition, code):
    folder = "" if code == edition.source.code else f"{code}/"
    html = (built_site / folder / "accessibility" / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    strings = edition.strings[code]
    assert f'<h1 id="heading">{strings["accessibility.title"]}</h1>' in html
    for section in SECTIONS:
        assert page.find("h2", id=section), f"{code}: no section #{section}"
    assert "WCAG" in html and "2.2" in html and "AA" in html
    tools = re.findall(r'<li lang="en">([^<]*) <bdi dir="ltr">([^<]*)</bdi></li>', html)
    assert dict((name.strip(), version) for name, version in tools) == pinned_here()
    # the navigation names it, last (its pages' links, not the home page's own contents)
    home = (built_site / folder / "index.html").read_text(encoding="utf-8")
    nav_links = re.findall(r'<a href="(?!#)[^"]*" class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>', home)
    assert nav_links and nav_links[-1] == strings["accessibility.name"], nav_links[-3:]


def test_a_tool_not_pinned_stops_the_build(tmp_path):
    (tmp_path / "requirements.txt").write_text("mkdocs==1.6.1\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        accessibility.pinned(tmp_path, Path("requirements.txt"), "playwright")
    assert str(caught.value) == ("requirements.txt: found no pinned version of playwright; "
                                 "expected playwright pinned (the accessibility page names it)")
