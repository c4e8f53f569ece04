"""Finding words in text extracted from a PDF where the extractor's order cannot be trusted: an
Arabic line comes back in logical or in visual order, its wrapped lines out of order, and the
Latin, digits and Chinese inside it moved (pypdf, pdftotext alike). Such words are compared as
a bag: each word, with its count, must be there. Used by tests/outputs/test_pdf.py (the PDFs)
and tests/browser/test_print.py (printouts)."""

from __future__ import annotations

import collections
import re
import unicodedata

CJK = "\u3400-\u9fff\uf900-\ufaff"
ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# a run of Arabic letters, one Chinese character, a run of other letters, or a run of digits
WORD = re.compile(rf"[{ARABIC}]+|[{CJK}]|[^\W\d_{ARABIC}{CJK}]+|\d+")


def words(text: str) -> collections.Counter:
    """The words of ``text`` with their counts, in NFKC (an extractor's Arabic presentation
    forms become the letters)."""
    return collections.Counter(WORD.findall(unicodedata.normalize("NFKC", text)))


def has_words(document: str, text: str) -> bool:
    """Each word of ``text`` is in ``document`` at least as often."""
    have = words(document)
    return all(have[word] >= count for word, count in words(text).items())
