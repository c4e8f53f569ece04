"""Facts about the declaration and the edition that are the same in every language.

``source/edition.yml``::

    declaration:
      circulated: "2018-08"      # year and month (YYYY-MM)
      marked: "2018-09-25"       # the date it was marked (YYYY-MM-DD)
      endorsements:              # who had endorsed it by a date, as UN pages say; in date order
        - by: "2018-09-25"       # YYYY-MM-DD or YYYY-MM
          member_states: 146     # and organizations: 4; or more_than: 150 (both together)
          evidence: https://...  # the UN page that gives the figure
          checked: "2026-12-06"  # when it was read there
    edition:
      id: a4p-declaration        # file names of downloads, citation keys

Words about them (titles, the edition's name) are interface strings, per language.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from hooks.edition import instruments, sourcefile, yamlsource
from hooks.errors import SourceError

FILE = "edition.yml"
EDITION_ID = yamlsource.ASCII_ID
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


ENDORSEMENT_KEYS = ("by", "member_states", "organizations", "more_than", "evidence", "checked")


@dataclass(frozen=True)
class Endorsement:
    """Who had endorsed the declaration by a date, as a UN page says."""

    by: str  # "2018-09-25" or "2019-02"
    member_states: int | None  # with organizations; or None, and more_than
    organizations: int | None
    more_than: int | None  # Member States and organizations together, where the page gives no more
    evidence: str  # the UN page that gives the figure
    checked: datetime.date  # when it was read there


@dataclass(frozen=True)
class Facts:
    circulated: str  # "2018-08"
    marked: datetime.date
    edition_id: str
    endorsements: tuple[Endorsement, ...] = ()


def load(path: Path, shown: Path, hosts: tuple[str, ...] = (), listed: str = "'hosts'") -> Facts:
    """The facts; an endorsement's source must be on one of ``hosts`` (listed under ``listed``),
    where any are given."""
    data = yamlsource.load(path, shown)
    declaration = yamlsource.require(data, "declaration", dict, shown, "the file")
    edition = yamlsource.require(data, "edition", dict, shown, "the file")
    circulated = yamlsource.require(declaration, "circulated", str, shown, "'declaration'")
    if not _is_month(circulated):
        raise SourceError(shown, declaration.lines["circulated"], f"circulated {circulated!r}",
                          'a year and month written "YYYY-MM", e.g. "2018-08"')
    marked = _day(yamlsource.require(declaration, "marked", str, shown, "'declaration'"), shown,
                  declaration.lines["marked"], "marked")
    edition_id = yamlsource.require(edition, "id", str, shown, "'edition'")
    if not EDITION_ID.match(edition_id):
        raise SourceError(shown, edition.lines["id"], f"id {edition_id!r}",
                          "lower-case ASCII letters, digits and hyphens, e.g. a4p-declaration")
    endorsements = _endorsements(declaration.get("endorsements", []), declaration, shown, hosts, listed)
    return Facts(circulated, marked, edition_id, endorsements)


def _is_month(text: str) -> bool:
    month = MONTH.match(text)
    return bool(month) and 1 <= int(month.group(2)) <= 12


def _is_day(text: str) -> bool:
    try:
        return len(text) == 10 and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def _day(text: str, shown: Path, line: int, what: str) -> datetime.date:
    if not _is_day(text):
        raise SourceError(shown, line, f"{what} {text!r}", 'a date written "YYYY-MM-DD", e.g. "2018-09-25"')
    return datetime.date.fromisoformat(text)


def _endorsements(items, declaration, shown: Path, hosts: tuple[str, ...], listed: str) -> tuple[Endorsement, ...]:
    if not isinstance(items, list):
        raise SourceError(shown, declaration.lines["endorsements"], f"endorsements: {yamlsource.describe(items)}",
                          "a list of dated figures, each starting with '- by:'")
    found: list[Endorsement] = []
    for index, item in enumerate(items):
        line = items.lines[index]
        if not isinstance(item, dict):
            raise SourceError(shown, line, yamlsource.describe(item), "a mapping with 'by', the figures and 'evidence'")
        for key in item:
            if key not in ENDORSEMENT_KEYS:
                raise SourceError(shown, item.lines[key], f"key '{key}' in an endorsement",
                                  f"only the keys {', '.join(ENDORSEMENT_KEYS)}")
        for key in ("by", "checked"):  # written without quotes, YAML read a date
            if isinstance(item.get(key), datetime.date):
                item[key] = item[key].isoformat()
        by = yamlsource.require(item, "by", str, shown, "an endorsement")
        if not (_is_month(by) or _is_day(by)):
            raise SourceError(shown, item.lines["by"], f"by {by!r}",
                              'a date written "YYYY-MM-DD", or "YYYY-MM" where the page gives the month only')
        if found and by < found[-1].by:
            raise SourceError(shown, item.lines["by"], f"by {by!r} after {found[-1].by!r}", "the endorsements in date order")
        counts = {key: item[key] for key in ("member_states", "organizations", "more_than") if key in item}
        for key, value in counts.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise SourceError(shown, item.lines[key], f"{key}: {yamlsource.describe(value)}", "a whole number above 0")
        if set(counts) not in ({"member_states", "organizations"}, {"more_than"}):
            raise SourceError(shown, line, f"an endorsement with {', '.join(counts) or 'no figure'}",
                              "member_states and organizations, or more_than alone")
        evidence = yamlsource.require(item, "evidence", str, shown, "an endorsement")
        if hosts:  # https:, on a listed host
            instruments.check_url(evidence, shown, item.lines["evidence"], "evidence", hosts, listed)
        elif sourcefile.https_host(evidence) is None:
            raise SourceError(shown, item.lines["evidence"], f"evidence {evidence!r}", sourcefile.HTTPS)
        checked = _day(yamlsource.require(item, "checked", str, shown, "an endorsement"), shown,
                       item.lines["checked"], "checked")
        found.append(Endorsement(by, counts.get("member_states"), counts.get("organizations"), counts.get("more_than"),
                                 evidence, checked))
    return tuple(found)
