"""The offer on the source language's home page to read the edition in the reader's own
language (issue 7 §6): what the page carries for assets/a4p-offer.js, which shows the offer when
the browser's preferred language (navigator.languages) is one of the edition's others.

The offer never redirects by itself: a cited link to the Chinese home page opens in Chinese.
Each offer is written in the language it offers (the ``offer`` block of source/i18n).
"""

from __future__ import annotations

import json

from hooks.edition.model import Edition
from hooks.urls import HOME, Scheme, relative

KEYS = ("text", "read", "dismiss")


def offers(edition: Edition, scheme: Scheme, language: str, key: str) -> str:
    """The offers of page ``key`` in ``language``, as JSON for a data attribute: one per other
    language, in the switch's order, with its home page's relative link and its own words.
    Empty unless the page is the source language's home page."""
    if key != HOME or language != edition.source.code:
        return ""
    here = scheme.page(language, HOME)
    found = []
    for other in edition.languages:
        if other.code == language:
            continue
        strings = edition.strings[other.code]
        entry = {"lang": other.code, "dir": other.dir, "href": relative(here, scheme.page(other.code, HOME))}
        entry.update({name: strings[f"offer.{name}"] for name in KEYS})
        found.append(entry)
    return json.dumps(found, ensure_ascii=False, separators=(",", ":"))
