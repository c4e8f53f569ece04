"""The cite controls in a page (hooks/pages/cite_panel.py): apparatus buttons, one panel, the data."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from hooks.edition.crosslinks import Derived
from hooks.outputs import cite
from hooks.pages import cite_panel, text
from hooks.pages.elements import Context
from hooks.provenance import Provenance
from hooks.urls import Scheme
from tests.pages import contexts

SCHEME = Scheme("https://a4p.example.org/", "zh", directory_urls=False)  # as the offline bundle
RELEASE = Provenance("v1.2.0", "2025-06-01")


def context(edition, code: str, slug: str) -> Context:  # as the offline bundle
    return contexts.context(edition, Derived(edition), code, slug, directory_urls=False, provenance=RELEASE)


def page(edition, code: str, slug: str) -> ET.Element:
    return ET.fromstring(text.render(context(edition, code, slug)))


def data(root: ET.Element) -> dict:
    [script] = [e for e in root.iter("script") if e.get("class") == cite_panel.DATA_CLASS]
    assert script.get("type") == "application/json"
    return json.loads(script.text)


@pytest.mark.parametrize("code", ["zh", "en", "ar"])
def test_every_paragraph_has_one_cite_button_inside_its_apparatus(edition, code):
    spec = edition.structure.page("performance")
    root = page(edition, code, spec.slug)
    for number in range(spec.first, spec.last + 1):
        box = root.find(f".//*[@id='para-{number}']")
        buttons = [b for b in box.iter("button") if b.get("data-a4p-cite") is not None]
        assert len(buttons) == 1
        [button] = buttons
        assert button.get("data-a4p-cite") == str(number)
        assert button.get("data-apparatus") == ""
        assert button.get("aria-label") == edition.strings[code].format("cite.button_label", number=str(number))
        assert button.get("hidden") is not None  # until the script shows it


def test_one_panel_one_data_block_and_one_whole_declaration_button_per_page(edition):
    root = page(edition, "en", "protection")
    assert len(root.findall(".//dialog")) == 1
    wholes = [b for b in root.iter("button") if b.get("data-a4p-cite") == ""]
    assert len(wholes) == 1 and wholes[0].text == edition.strings["en"]["cite.whole_button"]
    copies = [b.get("data-a4p-copy") for b in root.iter("button") if b.get("data-a4p-copy")]
    assert tuple(copies) == cite.FORMATS


def test_the_data_is_the_whole_declaration_and_the_paragraph_template(edition):
    d = data(page(edition, "fr", "protection"))
    c = cite.cited(edition, "fr", RELEASE.version, RELEASE.date)
    # offline scheme, online URLs
    assert d["whole"] == cite.formats(c, None, "https://a4p.example.org/fr/full-text/")
    assert d["paragraph"] == cite.template(c)
    assert (d["number"], d["url"]) == (cite.NUMBER, cite.URL)


def test_the_paragraphs_permalink_gives_the_url_the_script_fills_in(edition):
    """The script takes a paragraph's URL from its ¶ mark: the canonical online URL."""
    root = page(edition, "ar", "protection")
    mark = root.find(".//*[@id='para-9']//a[@class='a4p-permalink']")
    assert mark.get("href") == cite.url(edition, SCHEME, "ar", 9) == "https://a4p.example.org/ar/protection/#para-9"


def test_the_data_cannot_close_its_script_element(edition, monkeypatch):
    ctx = context(edition, "en", "protection")
    real = cite.cited

    def with_markup(*args):
        c = real(*args)
        return cite.Cited(**{**c.__dict__, "title": "</script><!-- & <b>"})

    monkeypatch.setattr(cite, "cited", with_markup)
    text = cite_panel.data_json(ctx)
    assert "<" not in text
    assert json.loads(text)["whole"]["reference"].startswith("</script><!-- & <b>")
    holder = ET.Element("div")
    monkeypatch.setattr(cite_panel, "data_json", lambda ctx: text)
    cite_panel.controls(ctx, holder)
    html = ET.tostring(holder, encoding="unicode", method="html")
    assert len(re.findall(r"</script>", html)) == 1
