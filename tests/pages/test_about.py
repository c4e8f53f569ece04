"""hooks/pages/about.py: provenance on the About page (each language's status and last change,
the version, the changelog), rendered from the model and read back from the built site."""

from __future__ import annotations

import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from hooks.errors import SourceError
from hooks.pages import about
from hooks.pages.elements import to_html
from hooks.provenance import Provenance
from scripts import release as releases
from tests.htmltext import Page
from tests.pages.contexts import context

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [entry["code"] for entry in
             yaml.safe_load((ROOT / "source" / "languages.yml").read_text(encoding="utf-8"))["languages"]]


def parts_html(edition, derived, code: str, prov: Provenance) -> dict[str, str]:
    ctx = context(edition, derived, code, "about", provenance=prov)
    return {name: "".join(to_html(node) for node in nodes) for name, nodes in about.parts(ctx).items()}


def test_languages_say_source_or_translation_and_the_day_each_text_changed(edition, derived):
    days = tuple((code, f"2025-0{i + 1}-1{i}") for i, code in enumerate(LANGUAGES))
    html = parts_html(edition, derived, "en", Provenance("v9", "2026-03-04", days))["languages"]
    page = Page(f"<html><body>{html}</body></html>")
    strings = edition.strings["en"]
    assert "v9" in html and "2026-03-04" in html
    for code, day in days:
        row = f"language-{code}"
        status = "provenance.status_source" if code == LANGUAGES[0] else "provenance.status_translation"
        assert strings[status] in page.words(row), code
        assert f'datetime="{day}"' in html


def test_without_git_the_page_says_it_does_not_know(edition, derived):
    html = parts_html(edition, derived, "fr", Provenance())["languages"]
    strings = edition.strings["fr"]
    assert html.count(strings["provenance.changed_unknown"]) == len(LANGUAGES)
    assert strings["provenance.unversioned"] in html
    assert "<time" not in html


def test_changelog_is_shown_in_english_with_a_note_in_other_languages(edition, derived):
    en = parts_html(edition, derived, "en", Provenance())["changelog"]
    ar = parts_html(edition, derived, "ar", Provenance())["changelog"]
    assert 'lang="en"' not in en and edition.strings["en"]["provenance.changelog_note"] not in en
    assert 'lang="en" dir="ltr"' in ar and edition.strings["ar"]["provenance.changelog_note"] in ar
    first_heading = next(line for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()
                         if line.startswith("## "))
    assert f"<h3>{first_heading[3:]}</h3>" in en, "the changelog's sections sit under the page's h2"
    assert "<h1>" not in en and "<h2>" not in en


def test_changelog_follows_the_prose_rules():
    with pytest.raises(SourceError) as bad:
        about.changelog_html("# Changelog\n\n## One\n\n- fixed <script>alert(1)</script>\n")
    assert str(bad.value) == ("CHANGELOG.md:5: found a <script> element; expected no scripts in prose; "
                              "the site's scripts live in docs/assets/")
    with pytest.raises(SourceError) as link:
        about.changelog_html("# Changelog\n\n[x](javascript:alert(1))\n")
    assert str(link.value).startswith("CHANGELOG.md:3: found a javascript: link")


def git_day(path: str) -> str:
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.strip()
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch)))


@pytest.mark.parametrize("code", LANGUAGES)
def test_built_about_page_states_provenance(built_site, code):
    prefix = "" if code == LANGUAGES[0] else f"{code}/"
    html = (built_site / prefix / "about" / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    for other in LANGUAGES:
        assert f"language-{other}" in page.ids
        day = git_day(f"source/text/{other}.txt")
        assert day in page.words(f"language-{other}"), f"{code}: {other} last changed {day}"
    assert releases.release(ROOT).version in html
    assert "a4p-changelog" in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_endorsements_are_dated_statements_with_their_un_page(edition, derived, code):
    """The table of source/edition.yml's endorsements, read here with plain YAML: a row per date,
    Member States and organizations apart or, where the page gives no more, together; the UN page
    linked, and marked as needing the network in the offline bundle only."""
    facts = yaml.safe_load((ROOT / "source" / "edition.yml").read_text(encoding="utf-8"))["declaration"]["endorsements"]
    strings = yaml.safe_load((ROOT / "source" / "i18n" / f"{code}.yml").read_text(encoding="utf-8"))
    for directory_urls in (True, False):
        ctx = context(edition, derived, code, "about", directory_urls=directory_urls)
        box = about.parts(ctx)["endorsements"][0]
        table = ET.fromstring(to_html(box)).find("table")
        assert [th.text for th in table.findall("thead/tr/th")] == [
            strings["about"][f"endorsements_{key}"] for key in ("by", "states", "organizations", "source")]
        rows = table.findall("tbody/tr")
        assert len(rows) == len(facts)
        for row, fact in zip(rows, facts):
            when = row.find("th/time")
            assert (when.get("datetime"), when.text) == (fact["by"], fact["by"])
            cells = row.findall("td")
            if "more_than" in fact:
                assert (cells[0].get("colspan"), cells[0].text) == (
                    "2", strings["about"]["endorsements_more_than"].format(count=fact["more_than"]))
            else:
                assert [c.text for c in cells[:2]] == [str(fact["member_states"]), str(fact["organizations"])]
            link = cells[-1].find("a")
            assert (link.get("href"), link.text) == (fact["evidence"], strings["about"]["endorsements_link"])
            marks = cells[-1].findall("span[@class='a4p-online-only']")
            assert [m.get("aria-label") for m in marks] == ([] if directory_urls else [strings["after"]["online_only"]])
