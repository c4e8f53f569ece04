"""Derived links (hooks/edition/crosslinks.py): where each term is used, and related paragraphs.

First on small hand-made inputs whose result is worked out by hand in the comments, then
on the real edition and on the built pages: the related paragraphs each page offers, and
the glossary's "used in" back-links.
"""

from __future__ import annotations

import math
import random
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from hooks.edition.crosslinks import RELATED_LIMIT, Derived, related, usage
from hooks.edition.glossary import Glossary, Term
from tests.htmltext import VOID

LANGS = ["zh", "en"]


def glossary(forms: dict[str, list[str]]) -> Glossary:
    """A glossary of {id: [term, *variants]}."""
    terms = {term_id: Term(term_id, f[0], tuple(f[1:]), "d", (), n) for n, (term_id, f) in enumerate(forms.items())}
    return Glossary(Path("g.yml"), terms, 1)


# -- usage: the paragraphs in which each term is marked ------------------------------------------

def test_usage_in_chinese_longest_match_first():
    g = glossary({"pko": ["维和行动"], "pk": ["维和"], "poc": ["保护平民"], "unused": ["安全理事会"]})
    paragraphs = {
        4: "维和和维和行动",    # 维和 at 0 (维和和维 is no term), then 维和行动 at 3
        1: "维和行动保护平民",  # 维和行动 wins over 维和; then 保护平民
        3: "无术语",
        2: "维和，维和，维和",  # three times, counted once
    }
    assert usage(g, paragraphs, word_boundaries=False) == {
        "pko": [1, 4], "pk": [2, 4], "poc": [1], "unused": []}


def test_usage_in_english_respects_word_boundaries_and_counts_variants():
    g = glossary({"au": ["African Union", "AU"], "pk": ["peacekeeping"], "pko": ["peacekeeping operations"]})
    paragraphs = {
        1: "The AU and the AUSTRAL group",       # AU whole word; AUSTRAL is no match
        2: "peacekeeping operations, peacekeepingly",  # the longer term; 'peacekeepingly' no word
        3: "African Union peacekeeping",
        4: "AUs",                                 # no whole word
    }
    assert usage(g, paragraphs, word_boundaries=True) == {"au": [1, 3], "pk": [3], "pko": [2]}


def test_usage_without_word_boundaries_matches_inside_words():
    g = glossary({"au": ["AU"]})
    assert usage(g, {1: "AUSTRAL", 2: "x"}, word_boundaries=False) == {"au": [1]}


# -- related: shared terms weighted by rarity, other pages only, ties to the lower number --------

def test_the_rarer_shared_term_weighs_more():
    # six paragraphs on three pages
    page_of = {1: "a", 2: "a", 3: "b", 4: "b", 5: "c", 6: "c"}
    used = {
        "rare": [1, 5],            # weight log(6/2) = log 3 ≈ 1.10
        "mid": [1, 3, 4],          # weight log(6/3) = log 2 ≈ 0.69
        "same-page": [1, 2],       # shared by 1 and 2 only, on the same page: relates nothing
        "everywhere": [1, 2, 3, 4, 5, 6],  # weight log 1 = 0: relates nothing
        "nowhere": [],
    }
    assert related(used, page_of) == {
        1: (5, 3, 4),  # 5 by rare; 3 and 4 by mid, tied: the lower first; 2 is on 1's page
        2: (),         # shares only 'everywhere' with other pages
        3: (1,),       # mid with 1; 4 is on 3's page
        4: (1,),
        5: (1,),       # rare with 1
        6: (),
    }


def test_ties_go_to_the_lower_number_even_when_the_sums_differ_in_the_last_bit():
    page_of = {1: "p", 2: "q", 3: "q", 4: "r", 5: "r", 6: "r"}
    used = {
        "a": [1, 2, 5],     # log(6/3) = log 2
        "b": [1, 2, 4, 6],  # log(6/4) = log 1.5
        "c": [1, 3],        # log(6/2) = log 3
    }
    # 1 and 2 share a and b: log 2 + log 1.5 = log 3, the same score as 1 and 3 sharing c.
    # In floating point the sum is one bit smaller: the test relies on that.
    assert math.log(6 / 3) + math.log(6 / 4) != math.log(6 / 2)
    assert math.isclose(math.log(6 / 3) + math.log(6 / 4), math.log(6 / 2))
    result = related(used, page_of)
    assert result[1] == (2, 3, 5)  # 2 and 3 tied (lower first), then 5 (a: log 2); 4, 6 (b) cut by the limit
    assert related(used, page_of, limit=5)[1] == (2, 3, 5, 4, 6)  # 4 and 6 tied at log 1.5
    assert result[2] == (1, 5, 4)  # 3 is on 2's page; 1 (a+b), 5 (a), then 4 and 6 tied: 4
    assert result[3] == (1,)
    assert result[4] == result[5] == result[6] == (1, 2)


def test_at_most_three_by_default():
    assert RELATED_LIMIT == 3
    page_of = {n: f"page-{n}" for n in range(1, 7)}  # every paragraph on its own page
    used = {f"t{n}": [1, n] for n in range(2, 7)}      # 1 shares one term with each of 2..6
    used["extra"] = [1, 6, 5]                          # 6 and 5 share one more with 1
    # weights: t2..t6 log 3; extra log 2. Scores with 1: 5 and 6: log 3 + log 2; 2, 3, 4: log 3
    assert related(used, page_of)[1] == (5, 6, 2)
    assert related(used, page_of, limit=1)[1] == (5,)
    assert all(len(others) <= 3 for others in related(used, page_of).values())


def test_a_paragraph_without_terms_relates_to_nothing():
    assert related({"t": [1, 2]}, {1: "a", 2: "b", 3: "c"}) == {1: (2,), 2: (1,), 3: ()}


def test_the_result_does_not_depend_on_the_order_of_the_inputs():
    page_of = {n: "abcde"[(n - 1) // 3] for n in range(1, 16)}
    rng = random.Random(4)
    used = {f"t{k}": sorted(rng.sample(range(1, 16), rng.randint(1, 6))) for k in range(12)}
    expected = related(used, page_of)
    for seed in range(5):
        shuffle = random.Random(seed)
        used_items = [(t, shuffle.sample(ns, len(ns))) for t, ns in used.items()]
        shuffle.shuffle(used_items)
        page_items = list(page_of.items())
        shuffle.shuffle(page_items)
        assert related(dict(used_items), dict(page_items)) == expected


# -- the real edition ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def derived(edition) -> Derived:
    return Derived(edition)


def test_every_paragraph_has_an_entry(edition, derived):
    assert sorted(derived.related) == list(range(1, edition.structure.paragraph_count + 1))


def test_related_are_few_elsewhere_and_distinct(edition, derived):
    page = {n: edition.structure.page_of(n).slug for n in derived.related}
    for n, others in derived.related.items():
        assert len(others) <= 3, n
        assert len(set(others)) == len(others), n
        assert all(page[other] != page[n] for other in others), (n, others)
    assert any(derived.related.values())


def test_related_are_derived_from_the_source_language(edition, derived):
    page_of = {n: edition.structure.page_of(n).slug for n in range(1, edition.structure.paragraph_count + 1)}
    assert derived.related == related(derived.usage["zh"], page_of)
    assert Derived(edition).related == derived.related  # deterministic


def test_usage_lists_are_sorted_and_name_real_paragraphs(edition, derived):
    for code in LANGS:
        assert set(derived.usage[code]) == set(edition.glossaries[code].terms)
        for term_id, numbers in derived.usage[code].items():
            assert numbers, f"{code}: '{term_id}' is used nowhere"  # the build checks this
            assert numbers == sorted(set(numbers))
            assert set(numbers) <= set(edition.texts[code].paragraphs)


# -- the built pages ----------------------------------------------------------------------------

class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []
        self.text = ""  # the node's own text (not its children's)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())]




class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_data(self, data):
        self.current.text += data

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent


def tree(file: Path) -> Node:
    parser = _Tree()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser.root


def ids(root: Node) -> dict[str, Node]:
    return {n.attrs["id"]: n for n in root.walk() if "id" in n.attrs}


def prefix(code: str) -> str:
    return "" if code == "zh" else f"{code}/"


def page_file(site: Path, path: str) -> Path:
    """The file that serves root-relative ``path`` (fragment dropped)."""
    path = path.split("#", 1)[0].lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def resolve(here: str, href: str) -> tuple[str, str]:
    """(root-relative page path, fragment) of ``href`` on the page at ``here``."""
    target = urljoin("/" + here, href)
    path, _, fragment = target.partition("#")
    return path, fragment


@pytest.fixture(scope="module")
def pages(built_site, edition) -> dict[tuple[str, str], Node]:
    """Every text page of every language: (code, slug) -> its parsed tree."""
    return {(code, spec.slug): tree(built_site / prefix(code) / spec.slug / "index.html")
            for code in LANGS for spec in edition.structure.pages}


def built_related(built_site, edition, pages, code: str) -> dict[int, list[int]]:
    """Paragraph N -> the paragraph numbers its related links lead to, each link checked to resolve."""
    found = {}
    for spec in edition.structure.pages:
        here = f"{prefix(code)}{spec.slug}/"
        root = pages[code, spec.slug]
        for n in spec.numbers:
            box = ids(root)[f"para-{n}"]
            navs = box.find("div", "a4p-related")
            assert len(navs) <= 1
            numbers = []
            for link in navs[0].find("a") if navs else []:
                assert "data-apparatus" in navs[0].attrs  # apparatus, marked as such
                path, fragment = resolve(here, link.attrs["href"])
                assert fragment.startswith("para-")
                other = int(fragment.removeprefix("para-"))
                assert path == f"/{prefix(code)}{edition.structure.page_of(other).slug}/"
                target = page_file(built_site, path)
                assert target.is_file(), f"{code} #para-{n}: {link.attrs['href']} has no page"
                assert f"para-{other}" in ids(tree(target)), f"{code} #para-{n}: {link.attrs['href']}"
                numbers.append(other)
            found[n] = numbers
    return found


def test_built_related_links_resolve_and_keep_the_rules(built_site, edition, pages, derived):
    for code in LANGS:
        found = built_related(built_site, edition, pages, code)
        assert sorted(found) == list(range(1, edition.structure.paragraph_count + 1))
        for n, others in found.items():
            assert len(others) <= 3, (code, n)
            own = edition.structure.page_of(n).slug
            assert all(edition.structure.page_of(o).slug != own for o in others), (code, n, others)
            assert tuple(others) == derived.related[n], (code, n)


def test_built_related_links_are_the_same_in_every_language(built_site, edition, pages):
    zh, en = (built_related(built_site, edition, pages, code) for code in LANGS)
    assert zh == en


def _marked(root: Node, n: int) -> set[str]:
    """The term ids marked (a.a4p-term) in paragraph N's words."""
    box = ids(root)[f"para-{n}"]
    return {a.attrs["href"].rsplit("#term-", 1)[1] for a in box.find("a", "a4p-term")}


@pytest.mark.parametrize("code", LANGS)
def test_glossary_back_links_resolve_to_paragraphs_that_mark_the_term(built_site, edition, pages, derived, code):
    here = f"{prefix(code)}glossary/"
    root = tree(built_site / here / "index.html")
    entries = {n.attrs["id"].removeprefix("term-"): n for n in root.find("section", "a4p-entry")}
    assert set(entries) == set(edition.glossaries[code].terms)
    used_in = edition.strings[code]["glossary.used_in"]
    for term_id, entry in entries.items():
        back = []
        for dt in entry.find("dt"):
            if dt.text == used_in:
                dd = dt.parent.children[dt.parent.children.index(dt) + 1]
                for link in dd.find("a"):
                    path, fragment = resolve(here, link.attrs["href"])
                    n = int(fragment.removeprefix("para-"))
                    slug = edition.structure.page_of(n).slug
                    assert path == f"/{prefix(code)}{slug}/", (term_id, link.attrs["href"])
                    assert f"para-{n}" in ids(pages[code, slug]), (term_id, link.attrs["href"])
                    assert term_id in _marked(pages[code, slug], n), f"{code}: #para-{n} does not mark '{term_id}'"
                    back.append(n)
        assert back == derived.usage[code][term_id], (code, term_id)
    # and the other way round: every paragraph that marks a term is listed in its entry
    for spec in edition.structure.pages:
        for n in spec.numbers:
            for term_id in _marked(pages[code, spec.slug], n):
                assert n in derived.usage[code][term_id], (code, n, term_id)
