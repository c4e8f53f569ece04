"""Facts about the declaration and the edition that are the same in every language.

``source/edition.yml``::

    declaration:
      circulated: "2018-08"      # year and month (YYYY-MM)
      marked: "2018-09-25"       # the date it was marked (YYYY-MM-DD)
    edition:
      id: a4p-declaration        # file names of downloads, citation keys

Words about them (titles, the edition's name) are interface strings, per language.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from hooks.edition import yamlsource
from hooks.errors import SourceError

FILE = "edition.yml"
EDITION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Facts:
    circulated: str  # "2018-08"
    marked: datetime.date
    edition_id: str


def load(path: Path, shown: Path) -> Facts:
    data = yamlsource.load(path, shown)
    declaration = yamlsource.require(data, "declaration", dict, shown, "the file")
    edition = yamlsource.require(data, "edition", dict, shown, "the file")
    circulated = yamlsource.require(declaration, "circulated", str, shown, "'declaration'")
    match = MONTH.match(circulated)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise SourceError(shown, declaration.lines["circulated"], f"circulated {circulated!r}",
                          'a year and month written "YYYY-MM", e.g. "2018-08"')
    marked_text = yamlsource.require(declaration, "marked", str, shown, "'declaration'")
    try:
        marked = datetime.date.fromisoformat(marked_text)
        if len(marked_text) != 10:
            raise ValueError
    except ValueError:
        raise SourceError(shown, declaration.lines["marked"], f"marked {marked_text!r}",
                          'a date written "YYYY-MM-DD", e.g. "2018-09-25"') from None
    edition_id = yamlsource.require(edition, "id", str, shown, "'edition'")
    if not EDITION_ID.match(edition_id):
        raise SourceError(shown, edition.lines["id"], f"id {edition_id!r}",
                          "lower-case ASCII letters, digits and hyphens, e.g. a4p-declaration")
    return Facts(circulated, marked, edition_id)
