"""What one language's build writes beside its pages, in one call: the files of this package,
and a translation's own 404 page.

:func:`write` runs after each language's build (``hooks/main.py``, ``on_post_build``): its
redirect pages (:mod:`hooks.outputs.redirects`), its search records
(:mod:`hooks.outputs.search`), its parallel-view data (:mod:`hooks.outputs.parallel`), the
downloads (:mod:`hooks.outputs.downloads`, the same bytes from every language's build, so no
build order matters) and, online only, its offline list, manifest and fallback page and
``sw.js`` (:mod:`hooks.outputs.offline_cache`).
"""

from __future__ import annotations

from pathlib import Path

from hooks.edition.model import Edition
from hooks.outputs import downloads, offline_cache, parallel, redirects, search
from hooks.provenance import Provenance
from hooks.urls import Scheme

NOT_FOUND = "404.html"


def write(site: Path, edition: Edition, code: str, scheme: Scheme, settings: search.Settings,
          provenance: Provenance) -> None:
    """Every file of language ``code`` beside its pages, into the built site ``site``."""
    redirects.write(site, edition, code, scheme)
    search.write(site, edition, code, scheme, settings)
    parallel.write(edition, code, scheme, site)
    downloads.write(site, edition, scheme.online(), provenance)
    if scheme.directory_urls:  # the offline bundle, opened from file://, has no service worker
        offline_cache.write(site, edition, code, scheme, settings, provenance.version or "")


def write_not_found(site: Path, scheme: Scheme, code: str, html: str) -> Path:
    """A translation's 404 page into its own folder (``en/404.html``): MkDocs would write every
    language's to the site root."""
    target = site / scheme.prefix(code) / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target
