"""Search under hostile input, in every language: a pasted 100,000-character word, a long run
of Han characters, a flood of words; and search records that carry markup.

A very long word froze the tab: the vendored Porter2 stemmer is quadratic in the length of a
word (about 100 s for 100,000 letters). The box takes at most its maxlength, the script cuts a
longer query (search-text.js: MAX_QUERY characters, MAX_WORDS words) and leaves words longer
than STEM_MAX unstemmed, so the page answers at once whatever is typed, pasted or set.

Results are text, never HTML: a paragraph or a glossary term holding markup shows it as
written (tests below route one language's records to a copy that holds some).
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser._support import ANSWERED, LANGS, prefix

pytestmark = pytest.mark.browser

PASTE = 100_000  # characters pasted or set: the size of the report that froze the tab
BOUND_MS = 1000  # the bound: the search of such a query takes less than a second
FORM = "form[data-a4p-search]"
INPUT = f"{FORM} input"
RESULT = "a.a4p-search__result"

# Time the box's answer to one input event, in the page: from the event's first listener
# (window, capture) to its last (window, bubble); the box's own listener on the input runs
# between them and searches at once (the index is ready).
TIME_INPUT = """() => {
  window.__took = undefined;
  let start = null;
  window.addEventListener('input', () => { start = performance.now(); }, {capture: true, once: true});
  window.addEventListener('input', () => { window.__took = performance.now() - start; }, {once: true});
}"""
# The same for a value set by script (maxlength does not bound it), set and dispatched in a
# task of its own, so that this call returns even while the page is busy.
SET_LATER = """(text) => {
  window.setTimeout(() => {
    const input = document.querySelector('form[data-a4p-search] input');
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', {bubbles: true}));
  }, 0);
}"""



def first_paragraph(edition, lang: str) -> str:
    spec = edition.structure.pages[0]
    return edition.paragraphs(lang, spec)[0].words


def payloads(edition, lang: str) -> dict[str, str]:
    """What is pasted, PASTE characters each: the longest word of the language's first
    paragraph written again and again with no space (for Chinese, the paragraph's characters:
    one long run); a run of distinct Han characters (every pair new); the same word again and
    again with spaces (a flood of words)."""
    text = first_paragraph(edition, lang)
    word = max(re.findall(r"[^\W_]+", text), key=len)
    han = "".join(chr(0x4E00 + i % 0x5200) for i in range(PASTE))  # U+4E00 … U+9FFF
    return {
        "word": (word * (PASTE // len(word) + 1))[:PASTE],
        "han": han,
        "words": ((word + " ") * (PASTE // (len(word) + 1) + 1))[:PASTE],
    }


def ready_page(page, site_server, lang: str) -> None:
    """The language's home page with its search index prepared."""
    page.goto(site_server + prefix(lang))
    page.evaluate("window.a4p.search.load()")
    page.wait_for_function(f"document.querySelector('{FORM}').dataset.state === 'ready'")


def assert_answered_promptly(page) -> float:
    """The box answered within a few seconds, its search took less than BOUND_MS, and the tab
    still answers at once. The search's time in ms."""
    page.wait_for_function("window.__took !== undefined", timeout=5000)
    page.wait_for_function(ANSWERED, timeout=5000)
    took = page.evaluate("window.__took")
    assert took < BOUND_MS, f"the search took {took:.0f} ms"
    page.wait_for_function("() => true", timeout=2000)  # the tab answers
    return took


@pytest.mark.parametrize("kind", ["word", "han", "words"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_huge_query_set_by_script_is_answered_at_once(page, site_server, edition, lang, kind):
    ready_page(page, site_server, lang)
    text = payloads(edition, lang)[kind]
    page.evaluate(TIME_INPUT)
    page.evaluate(SET_LATER, text)
    assert_answered_promptly(page)
    assert page.evaluate(f"document.querySelector('{INPUT}').value.length") == PASTE  # script-set: not cut


@pytest.mark.parametrize("lang", LANGS)
def test_a_huge_paste_is_cut_to_the_box_and_answered_at_once(page, site_server, edition, lang):
    ready_page(page, site_server, lang)
    page.focus(INPUT)
    page.evaluate(TIME_INPUT)
    page.keyboard.insert_text(payloads(edition, lang)["word"])
    assert_answered_promptly(page)
    held, bound = page.evaluate(f"[document.querySelector('{INPUT}').value.length, document.querySelector('{INPUT}').maxLength]")
    assert 0 < bound < PASTE and held == bound


LIMITS = "window.a4p.searchText.LIMITS"


def test_the_box_takes_what_the_script_searches(page, site_server):
    """The input's maxlength is the script's MAX_QUERY: what fits in the box is searched whole."""
    page.goto(site_server + "en/")
    limits = page.evaluate(LIMITS)
    assert page.evaluate(f"document.querySelector('{INPUT}').maxLength") == limits["MAX_QUERY"]


def test_a_longer_query_is_cut_to_its_first_characters_and_words(page, site_server):
    page.goto(site_server + "en/")
    limits = page.evaluate(LIMITS)
    many = " ".join(f"w{i}" for i in range(limits["MAX_WORDS"] + 10))
    parsed = page.evaluate("(q) => window.a4p.search.parse(q, {}).tree.queries.map((p) => p.queries[0].queries[0])", many)
    assert parsed == [f"w{i}" for i in range(limits["MAX_WORDS"])]
    long = "a" * (limits["MAX_QUERY"] + 10)
    phrase = page.evaluate("(q) => window.a4p.search.parse(q, {}).phrase", long)
    assert phrase == "a" * limits["MAX_QUERY"]


def test_a_word_longer_than_stem_max_is_not_stemmed(page, site_server):
    """Porter2 stems 'protections' to 'protect'; the same ending on a word longer than
    STEM_MAX is left as it is (folded only)."""
    page.goto(site_server + "en/")
    page.evaluate("window.a4p.search.load()")
    limits = page.evaluate(LIMITS)
    data = page.evaluate("window.a4p.searchData.en")
    forms = "([w, data]) => window.a4p.search.stemmer(data).then((stem) => window.a4p.search.forms(w, data, stem))"
    assert page.evaluate(forms, ["protections", data]) == ["protections", "protect"]
    long = "x" * (limits["STEM_MAX"] - len("protections") + 1) + "protections"
    assert page.evaluate(forms, [long, data]) == [long]


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_of_the_records_is_stemmed(page, site_server, lang):
    """STEM_MAX is above the longest word of every language's records: no word of the text
    goes unstemmed."""
    page.goto(site_server + prefix(lang))
    page.evaluate("window.a4p.search.load()")
    longest = page.evaluate(f"""(lang) => Math.max(...window.a4p.searchData[lang].records.flatMap((r) =>
        window.a4p.search.runs((r.name || '') + ' ' + r.text))
        .filter((run) => run.kind === 'word').map((run) => [...run.text].length))""", lang)
    assert 0 < longest < page.evaluate(LIMITS)["STEM_MAX"]


# -- records that carry markup -----------------------------------------------------------------

WORD = "zyxmarkup"  # in no record of the edition: found only where the test puts it
IMG = '<img src=x onerror="window.__pwned=1">'
IMG_ALERT = '<img src=x onerror="window.__pwned=1;alert(1)">'
BOLD = "<b>bold</b>"
ENTITY = "&lt;i&gt;"
RECORDS = re.compile(r'\A(?P<head>.*?\["(?P<lang>[a-z]+)"\] = )(?P<data>\{.*\});\s*\Z', re.S)


def records_with_markup(original: str) -> str:
    """A copy of a records file whose paragraph 15 and first glossary term hold markup."""
    match = RECORDS.match(original)
    assert match, "the records file is not `… = {json};`"
    data = json.loads(match["data"])
    paragraph = next(r for r in data["records"] if r["kind"] == "paragraph" and r["n"] == 15)
    paragraph["text"] = f"{WORD} {IMG} {BOLD} {ENTITY} {paragraph['text']}"
    paragraph["page"] = f"{BOLD} {paragraph['page']}"
    term = next(r for r in data["records"] if r["kind"] == "term")
    term["name"] = f"{BOLD}{WORD} {IMG_ALERT}"
    term["text"] = f"{WORD} {IMG_ALERT} {BOLD} {ENTITY} {term['text']}"
    return match["head"] + json.dumps(data, ensure_ascii=False) + ";\n"


SHOWN = """(links) => links.map((a) => ({
  kind: a.dataset.kind,
  label: a.querySelector('.a4p-search__label').textContent,
  page: a.querySelector('.a4p-search__page').textContent,
  text: a.querySelector('.a4p-search__text').textContent,
  marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
}))"""


def test_markup_in_the_records_is_shown_as_text(fresh_page, site_server, built_site):
    page = fresh_page  # a tab of its own: it listens for dialogs
    records = (built_site / "assets" / "search" / "en.js").read_text(encoding="utf-8")
    page.route("**/assets/search/en.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript; charset=utf-8", body=records_with_markup(records)))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_server + "en/")
    page.fill(INPUT, WORD)
    page.wait_for_function(ANSWERED)
    results = page.eval_on_selector_all(RESULT, SHOWN)
    assert [r["kind"] for r in results] == ["paragraph", "term"]
    paragraph, term = results
    assert paragraph["text"].startswith(f"{WORD} {IMG} {BOLD} {ENTITY} We stress"), paragraph
    assert paragraph["page"] == f"{BOLD} Performance and accountability"
    assert term["label"] == f"{BOLD}{WORD} {IMG_ALERT}"
    assert term["text"].startswith(f"{WORD} {IMG_ALERT} {BOLD} {ENTITY} "), term
    assert paragraph["marks"][0] == WORD and WORD in term["marks"]
    assert page.locator(".md-search-result").evaluate("(r) => r.querySelectorAll('*:not(ol, li, a, div, p, span, mark)').length") == 0
    page.wait_for_load_state("networkidle")  # an <img src=x> would have failed to load by now
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
