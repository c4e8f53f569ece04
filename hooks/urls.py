"""The URL scheme of the contract: where every page, paragraph and short link lives.

All paths here are *site paths*: relative to the site root, without a leading slash
(``politics/``, ``en/politics/``, ``""`` for the source language's home). With directory
URLs off (the offline bundle) a page is a file (``en/politics.html``).
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

# The keys of the pages besides the ten text pages (whose keys are their slugs): the one
# place that names them. A key is also the page's file in docs/ and its path in the URL.
HOME = "index"  # the home page, at the language's root
GLOSSARY = "glossary"
ABOUT = "about"
FULL_TEXT = "full-text"  # all paragraphs on one page, for reading and print (hooks/pages/full_text.py)
PARALLEL = "parallel"  # two languages side by side, built in the browser (hooks/outputs/parallel.py)
DOWNLOADS = "downloads"  # the files under /downloads/ (hooks/outputs/downloads.py)
ACCESSIBILITY = "accessibility"  # the accessibility statement (hooks/pages/accessibility.py)
TIMELINE = "timeline"  # what came after the declaration, in date order (hooks/pages/timeline.py)
# The pages after the ten text pages, in navigation order. A new page kind adds its key above
# and here (one line each), and registers how it is made in hooks/pages/registry.py.
AFTER_TEXT = (
    FULL_TEXT,
    TIMELINE,
    GLOSSARY,
    PARALLEL,
    DOWNLOADS,
    ABOUT,
    ACCESSIBILITY,
)


def instrument_anchor(instrument_id: str) -> str:
    """The fragment of an instrument on the timeline, the same in every language (CONTRACT.md)."""
    return f"instrument-{instrument_id}"


@dataclass(frozen=True)
class Scheme:
    site_url: str  # ends in "/"
    source_language: str
    directory_urls: bool = True

    def prefix(self, language: str) -> str:
        return "" if language == self.source_language else f"{language}/"

    def page(self, language: str, key: str) -> str:
        """Site path of page ``key`` (a slug, ``about`` or :data:`HOME`) in ``language``."""
        prefix = self.prefix(language)
        if key == HOME:
            return prefix if self.directory_urls else f"{prefix}index.html"
        return f"{prefix}{key}/" if self.directory_urls else f"{prefix}{key}.html"

    def paragraph(self, language: str, slug: str, number: int) -> str:
        return f"{self.page(language, slug)}#para-{number}"

    def instrument(self, language: str, instrument_id: str) -> str:
        """Site path of an instrument on the timeline: ``timeline/#instrument-{id}``."""
        return f"{self.page(language, TIMELINE)}#{instrument_anchor(instrument_id)}"

    def short(self, language: str, number: int) -> str:
        """Site path of the short link ``para/N/``."""
        base = f"{self.prefix(language)}para/{number}"
        return f"{base}/" if self.directory_urls else f"{base}.html"

    def canonical(self, path: str) -> str:
        """``site_url`` + ``path``: pass an *online* site path (from :meth:`online`)."""
        return self.site_url + path

    def online(self) -> "Scheme":
        return Scheme(self.site_url, self.source_language, True)

    def file_of(self, path: str) -> str:
        """The file that serves a site path (fragment dropped)."""
        path = path.split("#", 1)[0]
        if not path or path.endswith("/"):
            return f"{path}index.html"
        return path


def _relpath(target: str, start: str) -> str:
    """``posixpath.relpath(target, start)`` for two site paths (relative to the site's root,
    no ``..``), by their segments: relpath makes both absolute, asking the system for the
    working folder each time."""
    to = [part for part in target.split("/") if part not in ("", ".")]
    at = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


@functools.lru_cache(maxsize=16384)
def relative(from_path: str, to_path: str) -> str:
    """A relative link from the page at ``from_path`` to ``to_path`` (both site paths). Kept
    per pair: a six-language build asks for 8,800 links, most of them many times."""
    target, _, fragment = to_path.partition("#")
    from_dir = from_path if from_path.endswith("/") or not from_path else posixpath.dirname(from_path) + "/"
    from_dir = from_dir.rstrip("/")
    rel = _relpath(target or ".", from_dir or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")
