"""hooks/pages/prose.py: what prose files may hold, markers, and the stubs of generated pages."""

from __future__ import annotations

import markdown
import pytest

from hooks.errors import SourceError
from hooks.pages import prose
from tests import source_errors

FILE = "docs/about.en.md"
LINK = "an https: link or a link within the edition (a path or #fragment)"
SCRIPTS = "no scripts in prose; the site's scripts live in docs/assets/"
EVENTS = "no event attributes (on…=) in prose; the site's scripts live in docs/assets/"


def message(text: str) -> str:
    return source_errors.error(prose.check, text, FILE)


def test_plain_prose_with_https_and_relative_links_headings_ids_and_inline_tags_passes():
    prose.check("# T {#top}\n\nSee [the glossary](../glossary/#term-x), [UN](https://un.org) and "
                "<https://peacekeeping.un.org/>.\n\n<bdi dir=\"ltr\">A4P</bdi> <abbr title=\"United Nations\">UN</abbr>"
                "\n\n[ref]: https://example.org/\n\n!!! note \"Title\"\n    Body.\n", FILE)


@pytest.mark.parametrize("text,line,found,expected", [
    ("Intro.\n\n<script>alert(1)</script>\n", 3, "a <script> element", SCRIPTS),
    ("Intro.\n<SCRIPT src=x></SCRIPT>\n", 2, "a <script> element", SCRIPTS),
    ("a\nb\n<b onclick=\"alert(1)\">x</b>\n", 3, "the event attribute 'onclick'", EVENTS),
    ("<img src=x onerror=alert(1)>\n", 1, "the event attribute 'onerror'", EVENTS),
    ("## Title {: onmouseover=\"x()\" }\n", 1, "the event attribute 'onmouseover'", EVENTS),
    ("Text\n\n[click](javascript:alert(1))\n", 3, "a javascript: link", LINK),
    ("[a](data:text/html;base64,PHNjcmlwdD4=)\n", 1, "a data: link", LINK),
    ("one\n[a](http://example.org/)\n", 2, "a http: link", LINK),
    ("<http://example.org/>\n", 1, "a http: link", LINK),
    ("x\n\n[ref]: javascript:alert(1)\n", 3, "a javascript: link", LINK),
    ("<span title=\"x\"><a href=\"java&#115;cript:x\">a</a></span>\n", 1, "a javascript: link", LINK),
    ("<span>\n<a href=\"java\tscript:x\">a</a></span>\n", 2, "a javascript: link", LINK),
    ("[a](//evil.example/)\n", 1, "a link without a scheme to another host ('//…')", LINK),
    ("[a](https://ok.org){: href=\"javascript:x\" }\n", 1, "a javascript: link", LINK),
    ("<iframe src=\"https://ok.org\"></iframe>\n", 1, "the HTML tag <iframe>",
     "Markdown, or one of the inline tags " + ", ".join(f"<{t}>" for t in prose.INLINE_TAGS)),
    ("<span style=\"color:red\">x</span>\n", 1, "the attribute 'style' on <span>",
     "only the attributes class, dir, id, lang, title"),
    # attr_list reads to the last '}' of its line; a reference definition may stand in a quote or a list
    ('Intro.\n\nA paragraph.\n{: title="}" onclick="alert(1)" }\n', 4, "the event attribute 'onclick'", EVENTS),
    ('*emphasis*{: title="}" onmouseover="alert(1)" }\n', 1, "the event attribute 'onmouseover'", EVENTS),
    ('Para.\n{ title="}" onclick="alert(1)" }\n', 2, "the event attribute 'onclick'", EVENTS),
    ('Para.\n{: title="}" style="color:red" }\n', 2, "the attribute 'style' on {: … }",
     "only the attributes class, dir, id, lang, title"),
    ("> [r]: javascript:alert(1)\n\n[click me][r]\n", 1, "a javascript: link", LINK),
    ("- item\n\n    [r]: javascript:alert(1)\n\n[click me][r]\n", 3, "a javascript: link", LINK),
    ("x\n\n> > [r]: javascript:alert(1)\n\n[a][r]\n", 3, "a javascript: link", LINK),
    ("> - item\n>\n>     [r]: vbscript:msgbox(1)\n", 3, "a vbscript: link", LINK),
    ("1. item\n\n    > [r]: data:text/html,x\n", 3, "a data: link", LINK),
    ("\ufeffText\n", 1, "a byte-order mark", "UTF-8 text without one"),
    ("---\ntitle: x\n---\nText\n", 1, "front matter ('---')", "the page's prose only; its title comes from source/i18n"),
    ("Text\n\n<!-- never closed\n", 3, "'<!--' with no closing '-->'", "every comment closed"),
])
def test_unsafe_markup_is_refused_with_file_and_line(text, line, found, expected):
    assert message(text) == f"{FILE}:{line}: found {found}; expected {expected}"


def test_braces_in_running_text_are_no_attribute_list():
    prose.check("Write {name} or {a, b} as they are; a set {1} too.\n", FILE)


def test_the_first_problem_in_the_file_is_named():
    assert message("[a](http://x.org)\n<script></script>\n").startswith(f"{FILE}:1: found a http: link")


def test_a_comment_may_mention_a_script_without_being_one():
    prose.check("<!-- the old <script> was removed -->\nText.\n", FILE)


MARKERS = ("normalizations", "notes")
WANTED = "<!-- a4p:normalizations -->, <!-- a4p:notes -->"


def marker_message(text: str) -> str:
    return source_errors.error(prose.check_markers, text, FILE, MARKERS)


def test_markers_each_once_on_their_own_line_pass():
    prose.check_markers("Intro\n\n<!-- a4p:normalizations -->\n\nMore\n\n<!-- a4p:notes -->\n", FILE, MARKERS)


def test_a_missing_marker_names_the_file():
    text = "Intro\n\n<!-- a4p:normalizations -->\n\nEnd\n"
    assert marker_message(text) == (f"{FILE}:5: found no marker <!-- a4p:notes -->; expected each of the "
                                    f"markers {WANTED} on a line of its own, where that part goes")


def test_a_duplicated_marker_names_both_lines():
    text = "<!-- a4p:notes -->\n<!-- a4p:normalizations -->\n\n<!-- a4p:notes -->\n"
    assert marker_message(text) == (f"{FILE}:4: found the marker '<!-- a4p:notes -->' a second time "
                                    "(first on line 1); expected each marker once")


def test_a_marker_inside_a_line_or_misspelt_is_refused():
    assert marker_message("Intro <!-- a4p:notes -->\n") == (
        f"{FILE}:1: found 'Intro <!-- a4p:notes -->'; expected a marker alone on its line, exactly as in: {WANTED}")
    assert marker_message("x\n<!-- a4p:note -->\n") == (
        f"{FILE}:2: found the marker '<!-- a4p:note -->'; expected only the markers {WANTED}")


def test_fill_puts_each_part_at_its_marker_and_never_reads_it_as_markdown():
    text = "Intro *one*.\n\n<!-- a4p:normalizations -->\n\n## Notes {#notes}\n\n<!-- a4p:notes -->\n"
    rendered = markdown.markdown(text, extensions=["attr_list"])
    parts = {"normalizations": "<table><tr><td>*not emphasis* 13. no list</td></tr></table>",
             "notes": "<ul><li>n</li></ul>"}
    out = prose.fill(rendered, parts, FILE)
    assert out == ("<p>Intro <em>one</em>.</p>\n<table><tr><td>*not emphasis* 13. no list</td></tr></table>\n\n"
                   "<h2 id=\"notes\">Notes</h2>\n<ul><li>n</li></ul>")


def test_fill_refuses_a_marker_markdown_did_not_keep_or_one_left_unreplaced():
    # in a code block, Markdown escapes the marker: it is gone from the HTML
    rendered = markdown.markdown("    <!-- a4p:notes -->\n\n<!-- a4p:normalizations -->\n")
    with pytest.raises(SourceError) as caught:
        prose.fill(rendered, {"normalizations": "<table></table>", "notes": "<ul></ul>"}, FILE)
    assert str(caught.value) == (f"{FILE}: found the marker <!-- a4p:notes --> 0 times after Markdown; "
                                 "expected each marker once, on a line of its own between paragraphs")
    with pytest.raises(SourceError) as caught:
        prose.fill("<p>a</p>\n<!-- a4p:normalizations -->\n<!-- a4p:extra -->\n", {"normalizations": ""}, FILE)
    assert str(caught.value) == (f"{FILE}: found the marker <!-- a4p:extra --> left unreplaced; "
                                 "expected only the markers normalizations")


def test_a_marker_markdown_did_not_keep_is_named_with_its_line():
    text = "Intro.\n\n```\n<!-- a4p:notes -->\n```\n\n<!-- a4p:normalizations -->\n"
    with pytest.raises(SourceError) as caught:
        prose.fill(markdown.markdown(text, extensions=["fenced_code"]), {"normalizations": "", "notes": ""}, FILE, text)
    assert str(caught.value) == (f"{FILE}:4: found the marker <!-- a4p:notes --> 0 times after Markdown; "
                                 "expected each marker once, on a line of its own between paragraphs")


def test_comments_leave_the_markdown_but_markers_stay():
    assert prose.without_comments("<!-- for translators -->\nText <!-- x -->\n<!-- a4p:notes -->\n") == \
        "\nText \n<!-- a4p:notes -->\n"


STUB_FILE = "docs/protection.md"


def stub_message(text: str) -> str:
    with pytest.raises(SourceError) as caught:
        prose.check_stub(text, STUB_FILE)
    return str(caught.value)


def test_a_stub_is_exactly_the_marker_line():
    prose.check_stub(prose.STUB + "\n", STUB_FILE)
    prose.check_stub(prose.STUB, STUB_FILE)


@pytest.mark.parametrize("text,line,found", [
    (prose.STUB + "\n{: .danger }\n", 2, "'{: .danger }'"),
    ("Some text\n" + prose.STUB + "\n", 1, "'Some text'"),
    (prose.STUB + "\n\nMore\n", 2, "an empty line"),
    ("A4P-BODY-PLACEHOLDER\n{: .x }\n", 1, "'A4P-BODY-PLACEHOLDER'"),
])
def test_anything_else_in_a_stub_is_refused(text, line, found):
    assert stub_message(text) == (f"{STUB_FILE}:{line}: found {found}; expected only the line {prose.STUB} "
                                  "(this page is rendered from source/)")


def test_an_empty_stub_is_refused():
    assert stub_message("") == (f"{STUB_FILE}:1: found an empty file; expected the line {prose.STUB} "
                                "(this page is rendered from source/)")
