"""The context a page test renders with, as a build makes it (hooks/pages/build.py)."""

from __future__ import annotations

from hooks.edition.crosslinks import Derived
from hooks.edition.model import Edition
from hooks.pages.elements import Context
from hooks.provenance import Provenance
from hooks.urls import Scheme

SITE = "https://a4p.example.org/"


def context(edition: Edition, derived: Derived, code: str, key: str, *, directory_urls: bool = True,
            provenance: Provenance = Provenance()) -> Context:
    """The context of page ``key`` (a slug or a key of hooks/urls.py) in language ``code`` of a
    site at SITE; ``directory_urls=False`` as the offline bundle."""
    scheme = Scheme(SITE, edition.source.code, directory_urls)
    return Context(edition, edition.language(code), scheme, scheme.page(code, key), derived, provenance, key=key)
