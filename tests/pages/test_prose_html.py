"""hooks/pages/prose_html.py: the HTML Markdown makes of a prose file, checked before it is published.

Every case is rendered with the build's own Markdown extensions (tests/markdown_build.py reads
them from mkdocs.yml) and checked as the build checks it, whatever hooks/pages/prose.py's source
check would have said: this is the check that stands when the source check misses something.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from hooks.errors import SourceError
from hooks.pages import prose, prose_html, registry
from tests import source_errors
from tests.markdown_build import ROOT, extensions, render

FILE = "docs/index.en.md"
LINK = prose.LINK_EXPECTED
EVENTS = "no event attributes (on…=) in prose; the site's scripts live in docs/assets/"
RESERVED = ("an id of the prose's own: ids starting with para-, term-, instrument-, tip-, note-, normalization-, "
            "language-, file-, a4p, __ and the ids heading, MiniSearch, module, exports, define are the edition's "
            "(its permalinks, generated parts, theme and scripts); give a heading its own {#id}")
ELEMENTS = "Markdown, and only the elements it makes of prose: " + ", ".join(f"<{t}>" for t in prose_html.ELEMENTS)
STYLE = "no style attributes: the site's styles live in docs/assets/ (a table column aligned with ':' makes one)"
PLAIN = 'tags as Markdown writes them (<name attribute="value">) and markers alone on their lines'


def message(text: str, taken: tuple[str, ...] = ()) -> str:
    """The message the check gives for the prose ``text``, rendered as the build renders it."""
    return source_errors.error(prose_html.check, render(text), FILE, text, taken)


def attributes(name: str) -> str:
    return f"only the attributes {', '.join(prose_html.allowed(name))} on <{name}>"


def elements(rendered: str) -> list[tuple[str, list]]:
    """The elements of ``rendered`` as a browser's parser reads them: tag and attributes."""
    found = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: found.append((tag, attrs))
    parser.feed(rendered)
    return found


def test_the_build_markdown_is_that_of_mkdocs_yml():
    assert {"attr_list", "md_in_html", "admonition", "pymdownx.details", "toc", "tables"} <= set(extensions())


@pytest.mark.parametrize("text,line,found,expected", [
    # the bypasses of the source check: attr_list read to its last '}', on a block and inline
    ('Intro.\n\nA paragraph.\n{: title="}" onclick="alert(1)" }\n', 4, "the event attribute 'onclick' on <p>", EVENTS),
    ('*emphasis*{: title="}" onmouseover="alert(1)" }\n', 1, "the event attribute 'onmouseover' on <em>", EVENTS),
    ('Para.\n{: title="}" ONCLICK="alert(1)" }\n', 2, "the event attribute 'onclick' on <p>", EVENTS),
    # a reference definition inside a blockquote, a list item, nested blockquotes, a list in a quote
    ("> [r]: javascript:alert(1)\n\n[click me][r]\n", 1, "a javascript: link (href on <a>)", LINK),
    ("- item\n\n    [r]: javascript:alert(1)\n\n[click me][r]\n", 3, "a javascript: link (href on <a>)", LINK),
    ("x\n\n> > [r]: javascript:alert(1)\n\n[click me][r]\n", 3, "a javascript: link (href on <a>)", LINK),
    ("> - item\n>\n>     [r]: vbscript:msgbox(1)\n\n[click me][r]\n", 3, "a vbscript: link (href on <a>)", LINK),
    # the scheme hidden: entities, case, blanks
    ("[a](java&#x73;cript:alert(1))\n", 1, "a javascript: link (href on <a>)", LINK),
    ("[a](JAVASCRIPT:alert(1))\n", 1, "a javascript: link (href on <a>)", LINK),
    ("[a](<java&#9;script:alert(1)>)\n", 1, "a javascript: link (href on <a>)", LINK),
    ('one\n\ntwo <a href=" &#x6A;avascript&colon;alert(1)">x</a>\n', 3, "a javascript: link (href on <a>)", LINK),
    ("[a](data:text/html;base64,PHNjcmlwdD4=)\n", 1, "a data: link (href on <a>)", LINK),
    ("[a](//evil.example/)\n", 1, "a link without a scheme to another host ('//…') (href on <a>)", LINK),
    ("Text\n\n![a picture](javascript:alert(1))\n", 3, "a javascript: link (src on <img>)", LINK),
    ('<q cite="javascript:alert(1)">x</q>\n', 1, "a javascript: link (cite on <q>)", LINK),
    # elements and attributes that run or load script
    ('<svg><script>alert(1)</script></svg>\n', 1, "the element <svg>", ELEMENTS),
    ('x\n\n<math><mi>x</mi></math>\n', 3, "the element <math>", ELEMENTS),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>\n', 1, "the element <iframe>", ELEMENTS),
    ('<button formaction="javascript:alert(1)">b</button>\n', 1, "the element <button>", ELEMENTS),
    ('Para.\n{: srcdoc="x" }\n', 2, "the attribute 'srcdoc' on <p>", attributes("p")),
    ('Para.\n{: formaction="javascript:alert(1)" }\n', 2, "the attribute 'formaction' on <p>", attributes("p")),
    ('Para.\n{: style="background:url(javascript:alert(1))" }\n', 2, "the attribute 'style' on <p>", STYLE),
    ("| a | b |\n|:--|--:|\n| 1 | 2 |\n", 1, "the attribute 'style' on <th>", STYLE),
    ('*word*{ onload }\n', 1, "the event attribute 'onload' on <em>", EVENTS),
    ('one\n\n<p title="a"onclick="alert(1)">x</p>\n', 3,
     "markup that is not a plain tag: '<p title=\"a\"onclick=\"alert(1)\">'", PLAIN),
    ('one\n\n<p/onclick="alert(1)">x</p>\n', 3, "markup that is not a plain tag: '<p/onclick=\"alert(1)\">'", PLAIN),
    ('one\n\n<span title="`"><img src=x onerror=alert(1)>`">x</span>\n', 3,
     "markup that is not a plain tag: '<span title=\"<code>'", PLAIN),
])
def test_what_would_run_or_load_script_is_refused_with_the_file_and_line(text, line, found, expected):
    assert message(text) == f"{FILE}:{line}: found {found}; expected {expected}"


@pytest.mark.parametrize("text,line,found", [
    ("## Title {#term-x}\n", 1, "the id 'term-x' on <h2>"),
    ("a\n\n<span id=\"para-3\">x</span>\n", 3, "the id 'para-3' on <span>"),
    ("Intro.\n\n## Para 1\n", 3, "the id 'para-1' on <h2>"),  # the id Markdown gives a heading
    ("## T {#instrument-a}\n", 1, "the id 'instrument-a' on <h2>"),
    ("Text.\n{: #a4pSearch }\n", 2, "the id 'a4pSearch' on <p>"),
    ("Text.\n{: #MiniSearch }\n", 2, "the id 'MiniSearch' on <p>"),
    ("Text.\n{: #module }\n", 2, "the id 'module' on <p>"),
    ("## T {#__drawer}\n", 1, "the id '__drawer' on <h2>"),
    ("## T {#heading}\n", 1, "the id 'heading' on <h2>"),
])
def test_ids_of_the_edition_are_refused(text, line, found):
    assert message(text) == f"{FILE}:{line}: found {found}; expected {RESERVED}"


def test_an_id_the_pages_generated_parts_use_or_one_used_twice_is_refused():
    assert message("Intro.\n\n## Our areas {#areas}\n", taken=("areas", "more")) == (
        f"{FILE}:3: found the id 'areas' on <h2>, which this page's generated parts use; "
        "expected an id used once on the page")
    assert message("## One {#cite}\n\n## Two {#cite}\n") == (
        f"{FILE}:3: found the id 'cite' on <h2> a second time; expected an id used once on the page")


def test_the_edition_reserves_every_global_its_scripts_read():
    """A prose id is a window global in a browser: every a4p… global read by docs/assets/ is in
    the edition's namespace."""
    import re

    read = set()
    for script in (ROOT / "docs" / "assets").rglob("*.js"):
        read |= set(re.findall(r"window\.(a4p\w*)", script.read_text(encoding="utf-8")))
    assert read and all(prose_html.reserved(name) for name in read)
    assert not prose_html.reserved("cite") and not prose_html.reserved("notes")


def test_markup_in_an_attribute_value_stays_text():
    """Markdown writes attribute values escaped: what looks like a tag there is text."""
    for text in ('Para.\n{: title="<img src=x onerror=alert(1)>" }\n',
                 "Para.\n{: title='\"><img src=x onerror=alert(1)>' }\n"):
        rendered = render(text)
        prose_html.check(rendered, FILE, text)
        assert elements(rendered) == [("p", [("title", text.split("=", 1)[1].rstrip(" }\n")[1:-1])])]


def test_a_comment_other_than_a_marker_is_refused():
    with pytest.raises(SourceError) as caught:
        prose_html.check("<p>a</p>\n<!-- a4p:notes -->\n<!-- x --><p>b</p>", FILE, "a\n\n<!-- a4p:notes -->\n")
    assert str(caught.value) == f"{FILE}: found markup that is not a plain tag: '<!-- x -->'; expected {PLAIN}"


def test_plain_prose_passes():
    text = ("## Heading {#cite .wide lang=en}\n\nA *b* **c** `<d>` [e](https://un.org \"t\") [f](../glossary/#term-x)"
            " [g](#cite) ![h](assets/x.png) <bdi dir=\"ltr\">A4P</bdi> <abbr title=\"United Nations\">UN</abbr> "
            "a < b & c\n\n1. one\n2. two\n\n> quote\n\n```\n<!-- a4p:notes -->\n<script>\n```\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n!!! note \"Title\"\n    Body.\n\n"
            "??? note \"More\"\n    Hidden.\n\n"
            "???+ note \"Open\"\n    Shown.\n\n<!-- a4p:notes -->\n")
    prose_html.check(render(text), FILE, text)


@pytest.mark.parametrize("name", sorted(p.name for key in registry.PROSE for p in (ROOT / "docs").glob(f"{key}.*.md")))
def test_every_real_prose_file_passes(name):
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    prose_html.check(render(text), f"docs/{name}", text)


def test_the_real_prose_of_six_languages_is_checked():
    from hooks.edition import load

    codes = [language.code for language in load.load_edition(load.Layout(ROOT / "source")).languages]
    assert {p.name for p in (ROOT / "docs").glob("*.*.md")} == {registry.docs_name(key, code)
                                                                     for key in registry.PROSE for code in codes}
