"""Report, per language: glossary terms, their occurrences in the text, and occurrences marked.

    python scripts/glossary_report.py [--site site]

Occurrences are counted per term on its own (each term's forms matched alone, in the 24
paragraphs); a term inside a longer term (维和 in 维和行动) is counted for both but marked only
once, as the longer. Marked occurrences are read from the built pages (``a.a4p-term`` inside
the paragraphs), so build first (``make site``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hooks.edition import load  # noqa: E402
from hooks.edition.terms import Matcher  # noqa: E402
from hooks.urls import Scheme  # noqa: E402

# The words whose marking the plain build was measured on (issue 3): 1 of 45 marked.
MEASURED = ("维和行动", "保护平民", "安全理事会", "秘书长", "非盟")


class _Marks(HTMLParser):
    """Counts term marks (by term id and by marked words) inside paragraph elements."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # >0 while inside an element with id="para-N"
        self.stack: list[bool] = []
        self.current: str | None = None
        self.by_term: Counter = Counter()
        self.by_words: Counter = Counter()
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        is_para = (attributes.get("id") or "").startswith("para-")
        if tag not in ("meta", "link", "input", "br", "img", "hr"):
            self.stack.append(is_para)
            self.depth += is_para
        if self.depth and tag == "a" and "a4p-term" in (attributes.get("class") or "").split():
            self.current = attributes["href"].rsplit("#term-", 1)[1]
            self.words = []

    def handle_endtag(self, tag):
        if tag == "a" and self.current:
            self.by_term[self.current] += 1
            self.by_words["".join(self.words)] += 1
            self.current = None
        if self.stack and tag not in ("meta", "link", "input", "br", "img", "hr"):
            self.depth -= self.stack.pop()

    def handle_data(self, data):
        if self.current:
            self.words.append(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    edition = load.load_edition(load.Layout(ROOT / "source"))
    scheme = Scheme("/", edition.source.code)
    print(f"{'language':<10}{'terms':>7}{'occurrences':>13}{'marked':>8}")
    for language in edition.languages:
        glossary = edition.glossaries[language.code]
        paragraphs = edition.texts[language.code].paragraphs.values()
        occurrences = sum(
            len(Matcher([(form, term.id) for form in term.forms], language.word_boundaries).find(words))
            for term in glossary.terms.values() for words in paragraphs)
        marks = _Marks()
        for spec in edition.structure.pages:
            page = args.site / scheme.file_of(scheme.page(language.code, spec.slug))
            marks.feed(page.read_text(encoding="utf-8"))
        print(f"{language.code:<10}{len(glossary.terms):>7}{occurrences:>13}{sum(marks.by_term.values()):>8}")
        if language.is_source:
            source_marks = marks
    text = edition.texts[edition.source.code]
    whole = "\n".join([text.title, text.subtitle, *text.headings.values(), *text.paragraphs.values()])
    in_paragraphs = "\n".join(text.paragraphs.values())
    print(f"\nMeasured words ({edition.source.code}): occurrences in the whole text, in the paragraphs, marked")
    totals = [0, 0, 0]
    for word in MEASURED:
        row = [len(re.findall(word, whole)), len(re.findall(word, in_paragraphs)), source_marks.by_words[word]]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"  {word:<8}{row[0]:>5}{row[1]:>5}{row[2]:>5}")
    print(f"  {'total':<8}{totals[0]:>5}{totals[1]:>5}{totals[2]:>5}"
          "   (the title and headings are never marked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
