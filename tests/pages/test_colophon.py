"""hooks/pages/colophon.py: what identifies a printout, in the page's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from hooks.pages.colophon import colophon_html
from hooks.provenance import Provenance
from tests.browser._support import LANGS
from tests.htmltext import Page
from tests.pages.contexts import SITE, context

RELEASE = Provenance("v9.8", "2031-02-03")


def render(edition, derived, code: str, key: str, provenance=RELEASE, directory_urls=True) -> str:
    ctx = context(edition, derived, code, key, directory_urls=directory_urls, provenance=provenance)
    # an id around it, to read its text with the contract's reader
    return f'<div id="c">{colophon_html(ctx, key)}</div>'


def text(html: str) -> str:
    return Page(html).words("c")


@pytest.mark.parametrize("code", LANGS)
def test_title_language_status_version_url_and_notice(edition, derived, code):
    strings = edition.strings[code]
    words = text(render(edition, derived, code, "protection"))
    status = strings["full-text.source"] if code == edition.source.code else strings["full-text.translation"]
    other = strings["full-text.translation"] if code == edition.source.code else strings["full-text.source"]
    folder = "" if code == edition.source.code else f"{code}/"
    for expected in (strings["site_name"], edition.language(code).name, status, "v9.8", "2031-02-03",
                     f"{SITE}{folder}protection/", strings["footer.notice"], strings["footer.authentic"],
                     strings["footer.authentic_url"]):
        assert expected in words, f"{code}: {expected!r} missing from {words!r}"
    assert other not in words


@pytest.mark.parametrize("key", ["index", "full-text", "glossary"])
def test_the_url_is_the_pages_online_one_in_the_bundle_too(edition, derived, key):
    words = text(render(edition, derived, "fr", key, directory_urls=False))
    expected = f"{SITE}fr/" if key == "index" else f"{SITE}fr/{key}/"
    assert expected in words and ".html" not in words


def test_no_version_when_the_build_was_given_none(edition, derived):
    html = render(edition, derived, "en", "about", provenance=Provenance())
    release = edition.strings["en"]["footer.release"].split("{", 1)[0].strip()
    assert release not in text(html)
    assert "None" not in html


def test_urls_keep_their_direction_in_arabic(edition, derived):
    html = render(edition, derived, "ar", "protection")
    ltr = re.findall(r'<span dir="ltr">([^<]*)</span>', html)
    # the page's URL, the instruments' file (an instrument bears on paragraph 10), the authentic texts' URL
    assert ltr == [f"{SITE}ar/protection/", "a4p-instruments.json", edition.strings["ar"]["footer.authentic_url"]]


INSTRUMENTS = yaml.safe_load((Path(__file__).resolve().parents[2] / "source" / "instruments.yml")
                             .read_text(encoding="utf-8"))["instruments"]
BEARING = {n for item in INSTRUMENTS.values() for n in item["paragraphs"]}


@pytest.mark.parametrize("code", LANGS)
def test_a_page_of_the_text_says_where_what_came_after_is(edition, derived, code):
    """Print leaves the blocks out; the colophon of a page whose paragraphs have some says
    where they are, and no other page's does."""
    line = edition.strings[code]["after.print"].replace("{file}", "a4p-instruments.json")
    for spec in edition.structure.pages:
        assert (line in text(render(edition, derived, code, spec.slug))) == bool(BEARING & set(spec.numbers)), spec.slug
    assert line in text(render(edition, derived, code, "full-text"))
    for key in ("index", "glossary", "about", "downloads"):
        assert line not in text(render(edition, derived, code, key)), key


def test_words_from_the_strings_stay_text(edition, derived):
    strings = dict(edition.strings["en"])
    strings["site_name"] = "<b>Bold</b> & co"
    changed = type(edition.strings["en"])(strings)
    patched = edition.__class__(**{**edition.__dict__, "strings": {**edition.strings, "en": changed}})
    html = render(patched, derived, "en", "protection")
    assert "<b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html


def qr_modules(url: str) -> set[tuple[int, int]]:
    """The dark modules of ``url``'s QR code at level M, as segno draws them (the test's own
    call, from the URL the test computes)."""
    import segno

    code = segno.make(url, error="m", micro=False, boost_error=False)
    return {(x, y) for y, row in enumerate(code.matrix) for x, bit in enumerate(row) if bit}


def drawn_modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules a QR code's SVG path draws: "M x y.5" moves, "hN" runs, "m dx dy" moves
    (segno's form: horizontal strokes through the middle of each row)."""
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg).group(1)
    x = y = 0.0
    out = set()
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            out |= {(int(x) + i, int(y)) for i in range(int(a))}
            x += float(a)
    return out


@pytest.mark.parametrize("code", ["zh", "ar"])
def test_a_qr_code_of_the_canonical_url_online_and_none_in_the_bundle(edition, derived, code):
    html = render(edition, derived, code, "protection")
    folder = "" if code == edition.source.code else f"{code}/"
    url = f"{SITE}{folder}protection/"
    svg = re.search(r'<svg class="a4p-qr"[^>]*>.*?</svg>', html).group(0)
    assert f'aria-label="{edition.strings[code].format("pdf.qr", url=url)}"' in svg
    assert 'role="img"' in svg
    quiet = 4  # the quiet zone the SVG draws around the code
    assert {(x - quiet, y - quiet) for x, y in drawn_modules(svg)} == qr_modules(url)
    assert "a4p-qr" not in render(edition, derived, code, "protection", directory_urls=False)


def test_print_shows_the_qr_code_and_the_screen_never_does():
    css = (Path(__file__).resolve().parents[2] / "docs" / "assets" / "a4p.css").read_text(encoding="utf-8")
    assert re.search(r"\.a4p-colophon \{ display: none; \}", css), "the colophon, QR code and all, is print only"
    assert re.search(r"\.a4p-colophon \.a4p-qr \{ display: block; width: 2\.5cm; height: 2\.5cm;", css)
