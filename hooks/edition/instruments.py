"""What came after: the instruments that carried the declaration's commitments forward.

Facts only, kept apart from the declaration's words. ``source/instruments.yml`` is the same
in every language::

    hosts: [undocs.org, press.un.org]     # the only hosts a link or an evidence URL may name
    instruments:
      s-res-2518-2020:                    # ASCII id: #instrument-{id}, the same in every language
        kind: sc-resolution               # one of KINDS
        symbol: S/RES/2518 (2020)         # the kind's pattern (SYMBOLS); none for a kind without
        date: "2020-03-30"                # written as its precision says
        precision: day                    # day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY)
        end: "2021-12-08"                 # optional: a meeting's last day (precision day)
        link: https://…                   # without a symbol only: the UN page that publishes it
        paragraphs: [11, 12, 19]          # the declaration's paragraphs it bears on
        evidence:                         # where the symbol and the date were checked, and when
          - url: https://press.un.org/en/2020/sc14153.doc.htm
            checked: "2026-12-06"

An instrument with a symbol links to the UN's document system in each language
(:func:`Instrument.link`), so its link is never written by hand. ``source/instruments/{lang}.yml``
gives, per language, each instrument's name (the UN's own form in that language) and one short
sentence, in the edition's own words, for each paragraph it bears on::

    instruments:
      s-res-2518-2020:
        name: Security Council resolution 2518 (2020)
        paragraphs:
          11: Asks host States to …

Every language has exactly the instruments and paragraphs of ``instruments.yml``. Plain
Python: no MkDocs.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from hooks.edition import sourcefile, yamlsource
from hooks.errors import SourceError

HOST = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}$")
# Each kind, and the pattern of its symbol (None: the kind has no symbol). A resolution's year
# in parentheses is that of its date.
SYMBOLS: dict[str, tuple[re.Pattern | None, str]] = {
    "sc-resolution": (re.compile(r"^S/RES/[1-9][0-9]{0,3} \(([0-9]{4})\)$"), 'like "S/RES/2518 (2020)"'),
    "ga-resolution": (re.compile(r"^A/RES/[1-9][0-9]{1,2}/[1-9][0-9]{0,2}$"), 'like "A/RES/79/1"'),
    "ga-report": (re.compile(r"^A/[1-9][0-9]{1,2}/[1-9][0-9]{0,2}$"), 'like "A/78/19"'),
    "policy": (None, ""),
    "initiative": (None, ""),
    "meeting": (None, ""),
}
KINDS = tuple(SYMBOLS)
PRECISIONS = {"day": ("YYYY-MM-DD", "2020-03-30"), "month": ("YYYY-MM", "2018-08"), "year": ("YYYY", "2018")}
KEYS = {"kind", "symbol", "date", "precision", "end", "link", "paragraphs", "evidence"}
LABEL_KEYS = {"name", "paragraphs"}
MAX_NAME = 300  # an instrument's name in one language
MAX_RELATION = 300  # one short sentence on how it bears on a paragraph
DOCUMENTS = "https://undocs.org/{lang}/{symbol}"  # the UN's document system, per language


@dataclass(frozen=True)
class Evidence:
    url: str
    checked: datetime.date


@dataclass(frozen=True)
class Label:
    """An instrument in one language: its name, and a sentence per paragraph it bears on."""

    name: str
    relations: dict[int, str]


@dataclass(frozen=True)
class Instrument:
    id: str
    kind: str
    symbol: str | None
    date: str  # as written: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month or year
    end: str | None  # a meeting's last day, YYYY-MM-DD
    page: str | None  # the UN page that publishes it (an instrument without a symbol)
    paragraphs: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    line: int

    @property
    def full_date(self) -> str | None:
        """The date where the day is known, for date fields of data files; else None."""
        return self.date if self.precision == "day" else None

    def link(self, code: str) -> str:
        """The official link in language ``code``: the document itself for a symbol."""
        if self.symbol is None:
            assert self.page is not None
            return self.page
        return DOCUMENTS.format(lang=code, symbol=urllib.parse.quote(self.symbol.replace(" ", ""), safe="/()"))


@dataclass(frozen=True)
class Instruments:
    path: Path
    items: dict[str, Instrument]  # in date order (then file order)
    labels: dict[str, dict[str, Label]]  # language -> id -> its label
    hosts: tuple[str, ...] = ()  # the UN hosts a link or an evidence URL may name (the endorsements' too)

    def of_paragraph(self, number: int) -> list[Instrument]:
        return [item for item in self.items.values() if number in item.paragraphs]


def _date(value, shown: Path, line: int, what: str, precision: str) -> str:
    if isinstance(value, datetime.date):  # written without quotes: YAML read it as a date
        value = value.isoformat()
    form, example = PRECISIONS[precision]
    if not isinstance(value, str):  # 2018 unquoted is a number to YAML
        raise SourceError(shown, line, f"{what} {yamlsource.describe(value)}",
                          f'a date in quotes, written "{form}" (precision: {precision}), e.g. "{example}"')
    try:
        if len(value) != len(form):
            raise ValueError
        datetime.date.fromisoformat((value + "-01-01")[:10] if precision != "day" else value)
    except ValueError:
        raise SourceError(shown, line, f"{what} {value!r}",
                          f'a date written "{form}" (precision: {precision}), e.g. "{example}"') from None
    return value


def check_url(value, shown: Path, line: int, what: str, hosts: tuple[str, ...], listed: str = "'hosts'") -> str:
    """``value``, an ``https:`` address on one of ``hosts`` (listed under ``listed``)."""
    if not isinstance(value, str):
        raise SourceError(shown, line, f"{what}: {yamlsource.describe(value)}", sourcefile.HTTPS)
    hostname = sourcefile.https_host(value)
    if hostname is None:
        raise SourceError(shown, line, f"{what} {value!r}", sourcefile.HTTPS)
    if hostname not in hosts:
        raise SourceError(shown, line, f"{what} on the host '{hostname}'",
                          f"a host listed under {listed} ({', '.join(hosts)}); add a UN host there only "
                          "after checking that it is one")
    return value


def _hosts(data, shown: Path) -> tuple[str, ...]:
    hosts = yamlsource.require(data, "hosts", list, shown, "the file")
    if not hosts:
        raise SourceError(shown, data.lines["hosts"], "'hosts' empty", "the UN hosts that links and evidence may name")
    for index, host in enumerate(hosts):
        if not isinstance(host, str) or not HOST.match(host):
            raise SourceError(shown, hosts.lines[index], f"host {host!r}",
                              "a host name in lower case, like press.un.org (no https://, no path)")
    return tuple(hosts)


def _paragraphs(value, shown: Path, line: int, owner: str, count: int) -> tuple[int, ...]:
    expected = f"a list of paragraph numbers from 1 to {count}, like [11, 12]"
    if not isinstance(value, list) or not value:
        shown_value = "an empty list" if value == [] else yamlsource.describe(value)
        raise SourceError(shown, line, f"'paragraphs' of '{owner}': {shown_value}", expected)
    for index, number in enumerate(value):
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= count:
            raise SourceError(shown, value.lines[index], f"paragraph {number!r} in '{owner}'",
                              f"a paragraph number from 1 to {count} (source/structure.yml)")
        if number in value[:index]:
            raise SourceError(shown, value.lines[index], f"paragraph {number} a second time in '{owner}'",
                              "each paragraph once")
    return tuple(value)


def _evidence(value, shown: Path, line: int, owner: str, hosts: tuple[str, ...]) -> tuple[Evidence, ...]:
    expected = "a list of evidence entries, each with its url and the date it was checked"
    if not isinstance(value, list) or not value:
        raise SourceError(shown, line, f"no evidence for '{owner}'", expected)
    out = []
    for index, entry in enumerate(value):
        where = value.lines[index]
        if not isinstance(entry, dict) or set(entry) != {"url", "checked"}:
            raise SourceError(shown, where, f"evidence of '{owner}': {yamlsource.describe(entry)}",
                              "exactly the keys url and checked")
        url = check_url(entry["url"], shown, entry.lines["url"], "evidence url", hosts)
        checked = _date(entry["checked"], shown, entry.lines["checked"], "checked", "day")
        out.append(Evidence(url, datetime.date.fromisoformat(checked)))
    return tuple(out)


def _instrument(item_id, item, shown: Path, line: int, hosts: tuple[str, ...], count: int) -> Instrument:
    yamlsource.check_entry(item_id, item, line, shown, "instrument", KEYS)
    what = f"instrument '{item_id}'"
    kind = yamlsource.require(item, "kind", str, shown, what)
    if kind not in SYMBOLS:
        raise SourceError(shown, item.lines["kind"], f"kind {kind!r}", f"one of {', '.join(KINDS)}")
    precision = yamlsource.require(item, "precision", str, shown, what)
    if precision not in PRECISIONS:
        raise SourceError(shown, item.lines["precision"], f"precision {precision!r}", "day, month or year")
    if "date" not in item:
        raise SourceError(shown, line, f"no date for '{item_id}'", f'date: "{PRECISIONS[precision][0]}"')
    date = _date(item["date"], shown, item.lines["date"], "date", precision)
    end = None
    if "end" in item:
        if kind != "meeting":
            raise SourceError(shown, item.lines["end"], f"an end for a {kind}", "an end only for a meeting")
        end = _date(item["end"], shown, item.lines["end"], "end", "day")
        if precision != "day" or end <= date:
            raise SourceError(shown, item.lines["end"], f"end {end!r} with date {date!r} ({precision})",
                              "an end only after a date with precision: day (a meeting's last day)")
    pattern, example = SYMBOLS[kind]
    symbol = item.get("symbol")
    if pattern is None and symbol is not None:
        raise SourceError(shown, item.lines["symbol"], f"a symbol for a {kind}",
                          f"no symbol: only {', '.join(k for k in KINDS if SYMBOLS[k][0])} have one")
    if pattern is not None:
        match = pattern.match(symbol) if isinstance(symbol, str) else None
        if match is None:
            raise SourceError(shown, item.lines.get("symbol", line), f"symbol {symbol!r} for a {kind}",
                              f"a symbol {example}")
        if match.groups() and match.group(1) != date[:4]:
            raise SourceError(shown, item.lines["symbol"], f"symbol {symbol!r} with date {date!r}",
                              "the year in the symbol and the year of the date the same")
    page = None
    if symbol is None:
        if "link" not in item:
            raise SourceError(shown, line, f"no link for '{item_id}'", "link: the UN page that publishes it (https:)")
        page = check_url(item["link"], shown, item.lines["link"], "link", hosts)
    elif "link" in item:
        raise SourceError(shown, item.lines["link"], f"a link for '{item_id}', which has a symbol",
                          "no link: a symbol's link is its document in each language (undocs.org)")
    numbers = _paragraphs(item.get("paragraphs"), shown, item.lines.get("paragraphs", line), item_id, count)
    evidence = _evidence(item.get("evidence"), shown, item.lines.get("evidence", line), item_id, hosts)
    return Instrument(item_id, kind, symbol, date, precision, end, page, numbers, evidence, line)


def load(path: Path, shown: Path, paragraph_count: int) -> tuple[tuple[str, ...], dict[str, Instrument]]:
    """The hosts and the instruments of ``source/instruments.yml``, in date order."""
    data = yamlsource.load(path, shown)
    hosts = _hosts(data, shown)
    items = yamlsource.require(data, "instruments", dict, shown, "the file")
    found = [_instrument(item_id, item, shown, items.lines[item_id], hosts, paragraph_count)
             for item_id, item in items.items()]
    found.sort(key=lambda item: item.date)  # stable: the same date keeps the file's order
    return hosts, {item.id: item for item in found}


def load_labels(path: Path, shown: Path, items: dict[str, Instrument], neutral: Path) -> dict[str, Label]:
    """One language's names and sentences: exactly the instruments and paragraphs of ``items``."""
    data = yamlsource.load(path, shown)
    entries = yamlsource.require(data, "instruments", dict, shown, "the file")
    top = data.lines["instruments"]
    expected_all = f"the instruments of {neutral.as_posix()}, each once"
    for entry_id in entries:
        if entry_id not in items:
            raise SourceError(shown, entries.lines[entry_id], f"instrument '{entry_id}'", expected_all)
    labels = {}
    for item in items.values():
        if item.id not in entries:
            raise SourceError(shown, top, f"no instrument '{item.id}'",
                              f"every instrument of {neutral.as_posix()}, with its name and a sentence "
                              "for each paragraph it bears on")
        entry = entries[item.id]
        yamlsource.check_entry(item.id, entry, entries.lines[item.id], shown, "instrument", LABEL_KEYS)
        name = _text(entry, "name", shown, item.id, MAX_NAME, "its name")
        relations = yamlsource.require(entry, "paragraphs", dict, shown, f"instrument '{item.id}'")
        for number in relations:
            if not isinstance(number, int) or isinstance(number, bool):
                raise SourceError(shown, relations.lines[number], f"paragraph {number!r} in '{item.id}'",
                                  "a paragraph number, unquoted, like 12:")
        have, want = sorted(k for k in relations if isinstance(k, int)), sorted(item.paragraphs)
        for number in relations:
            if number not in item.paragraphs:
                raise SourceError(shown, relations.lines[number], f"paragraph {number!r} in '{item.id}'",
                                  f"only its paragraphs in {neutral.as_posix()}: "
                                  f"{', '.join(map(str, want))}")
        if have != want:
            missing = next(n for n in want if n not in have)
            raise SourceError(shown, entry.lines["paragraphs"], f"no sentence for paragraph {missing} in '{item.id}'",
                              f"one sentence for each of its paragraphs: {', '.join(map(str, want))}")
        labels[item.id] = Label(name, {n: _text(relations, n, shown, item.id, MAX_RELATION, f"paragraph {n}")
                                       for n in item.paragraphs})
    return labels


def _text(mapping, key, shown: Path, owner: str, limit: int, what: str) -> str:
    value = mapping.get(key)
    line = mapping.lines.get(key, mapping.line)
    if not isinstance(value, str) or not value.strip():
        raise SourceError(shown, line, f"{what} of '{owner}': {yamlsource.describe(value)}", "a non-empty text")
    value = value.strip()
    sourcefile.check_length(shown, line, f"{what} of '{owner}'", value, limit)
    return value


def load_all(path: Path, label_path: Callable[[str], Path], codes: list[str], shown: Callable[[Path], Path],
             paragraph_count: int) -> Instruments:
    """The facts, then every language's labels, checked against them."""
    neutral = shown(path)
    hosts, items = load(path, neutral, paragraph_count)
    labels = {code: load_labels(label_path(code), shown(label_path(code)), items, neutral) for code in codes}
    return Instruments(neutral, items, labels, hosts)
