"""The language-neutral structure: which text page holds which paragraphs, in reading order.

Paragraph numbers and ranges are ASCII digits without a leading zero (``9-10``); the count is
at most :data:`MAX_PARAGRAPHS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hooks.edition import yamlsource
from hooks.errors import SourceError

SLUG = yamlsource.ASCII_ID
RANGE = re.compile(r"^([1-9][0-9]{0,8})(?:-([1-9][0-9]{0,8}))?$")  # ASCII digits, no leading zero
MAX_PARAGRAPHS = 1_000  # the declaration has 24; a larger claim is a mistake, not a document
HEADING_KINDS = ("supplied", "editorial")
PAGE_KEYS = {"slug", "paragraphs", "heading", "area"}


@dataclass(frozen=True)
class PageSpec:
    slug: str
    first: int
    last: int
    editorial_heading: bool
    area: bool

    @property
    def numbers(self) -> range:
        return range(self.first, self.last + 1)


@dataclass(frozen=True)
class Structure:
    paragraph_count: int
    pages: tuple[PageSpec, ...]

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(page.slug for page in self.pages)

    @property
    def areas(self) -> tuple[PageSpec, ...]:
        return tuple(page for page in self.pages if page.area)

    def page(self, slug: str) -> PageSpec:
        for page in self.pages:
            if page.slug == slug:
                return page
        raise KeyError(slug)

    def page_of(self, number: int) -> PageSpec:
        """The page that is paragraph ``number``'s canonical home."""
        for page in self.pages:
            if page.first <= number <= page.last:
                return page
        raise KeyError(number)


def load(path: Path, shown_as: Path | None = None) -> Structure:
    shown = shown_as or path
    data = yamlsource.load(path, shown)
    count = yamlsource.require(data, "paragraphs", int, shown, "the structure")
    if not 1 <= count <= MAX_PARAGRAPHS:
        raise SourceError(shown, data.lines["paragraphs"], f"paragraphs: {count}",
                          f"a number of paragraphs from 1 to {MAX_PARAGRAPHS:,}")
    pages_data = yamlsource.require(data, "pages", list, shown, "the structure")
    pages: list[PageSpec] = []
    owner: dict[int, str] = {}
    for index, item in enumerate(pages_data):
        line = pages_data.lines[index]
        slug = yamlsource.require(item, "slug", str, shown, "a page")
        unknown = sorted(set(item) - PAGE_KEYS)
        if unknown:
            raise SourceError(shown, item.lines[unknown[0]], f"key '{unknown[0]}' in page '{slug}'",
                              f"only the keys {', '.join(sorted(PAGE_KEYS))}")
        if not SLUG.match(slug):
            raise SourceError(shown, item.lines["slug"], f"slug {slug!r}",
                              "lower-case ASCII words joined by hyphens")
        if slug in (page.slug for page in pages):
            raise SourceError(shown, item.lines["slug"], f"slug '{slug}' a second time",
                              "each slug once")
        span = str(yamlsource.require(item, "paragraphs", (str, int), shown, f"page '{slug}'"))
        match = RANGE.match(span)
        if not match:
            raise SourceError(shown, item.lines["paragraphs"], f"paragraphs {span!r}",
                              "a number or a range like 4-7")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if not 1 <= first <= last <= count:
            raise SourceError(shown, item.lines["paragraphs"], f"paragraphs {span}",
                              f"a range within 1-{count}")
        for number in range(first, last + 1):
            if number in owner:
                raise SourceError(shown, item.lines["paragraphs"],
                                  f"paragraph {number} claimed by '{slug}' and '{owner[number]}'",
                                  "each paragraph on exactly one page")
            owner[number] = slug
        heading = yamlsource.require(item, "heading", str, shown, f"page '{slug}'")
        if heading not in HEADING_KINDS:
            raise SourceError(shown, item.lines["heading"], f"heading {heading!r}",
                              "heading: supplied or heading: editorial")
        area = item.get("area", False)
        if not isinstance(area, bool):
            raise SourceError(shown, item.lines["area"], f"area {area!r}", "area: true or false")
        expected_first = pages[-1].last + 1 if pages else 1
        if first != expected_first:
            raise SourceError(shown, line, f"page '{slug}' starting at paragraph {first}",
                              f"pages in reading order, this one starting at paragraph {expected_first}")
        pages.append(PageSpec(slug, first, last, heading == "editorial", area))
    missing = [n for n in range(1, count + 1) if n not in owner]
    if missing:
        raise SourceError(shown, pages_data.line, f"paragraph {missing[0]} on no page",
                          f"every paragraph 1-{count} on a page")
    return Structure(count, tuple(pages))
