"""Redirect pages that need no server rules: short links and guessed ``/zh/`` paths.

A redirect page is a tiny HTML file with a meta refresh to a *relative* URL, so that it works
on any static host and from ``file://``, and keeps the fragment (``#para-N``) of its target.
An alias of a page (``/zh/protection/``) also keeps the visitor's own fragment
(``/zh/protection/#para-10``), which a meta refresh drops: a script file,
``assets/a4p-redirect.js``, leads on with it (no inline script: the site's Content Security
Policy allows none). The fallback link in the body leads where the refresh does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from hooks.edition.model import Edition
from hooks.urls import Scheme, relative

SCRIPT = "assets/a4p-redirect.js"  # docs/assets/a4p-redirect.js


@dataclass(frozen=True)
class Redirect:
    path: str       # site path of the redirect page
    target: str     # site path it leads to (may carry a fragment)
    canonical: str  # the target's online site path, for rel=canonical
    language: str
    label: str      # link text shown if the refresh does not happen
    keep_fragment: bool = False  # lead on with the visitor's #fragment (the target has none)
    direction: str = "ltr"  # of the language: its label shows until the refresh


def page_html(redirect: Redirect, scheme: Scheme) -> str:
    href = relative(redirect.path, redirect.target)
    html = ET.Element("html", {"lang": redirect.language, "dir": redirect.direction})
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    ET.SubElement(head, "title").text = redirect.label
    if redirect.keep_fragment:
        # before the refresh, so that it leads on first, with the fragment
        ET.SubElement(head, "script", {"src": relative(redirect.path, SCRIPT), "data-target": href}).text = ""
    ET.SubElement(head, "meta", {"http-equiv": "refresh", "content": f"0; url={href}"})
    ET.SubElement(head, "meta", {"name": "robots", "content": "noindex"})
    ET.SubElement(head, "link", {"rel": "icon", "href": "data:,"})  # no favicon request
    ET.SubElement(head, "link", {"rel": "canonical", "href": scheme.canonical(redirect.canonical)})
    body = ET.SubElement(html, "body")
    ET.SubElement(ET.SubElement(body, "p"), "a", {"href": href}).text = redirect.label
    return "<!doctype html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"


def short_links(edition: Edition, language: str, scheme: Scheme) -> list[Redirect]:
    """``para/N/`` for every paragraph of ``language``."""
    strings = edition.strings[language]
    online = scheme.online()
    result = []
    for n in range(1, edition.structure.paragraph_count + 1):
        slug = edition.structure.page_of(n).slug
        result.append(Redirect(scheme.short(language, n), scheme.paragraph(language, slug, n),
                               online.paragraph(language, slug, n), language,
                               strings.format("labels.paragraph", number=str(n)),
                               direction=edition.language(language).dir))
    return result


def source_aliases(edition: Edition, scheme: Scheme) -> list[Redirect]:
    """``zh/…`` (the source language's code, which people guess) to the root equivalents."""
    source = edition.source.code
    strings = edition.strings[source]
    alias = f"{source}/"
    keys = [(key, edition.page_name(source, key)) for key in edition.page_keys]
    online = scheme.online()
    result = [Redirect(alias + scheme.page(source, key), scheme.page(source, key), online.page(source, key),
                       source, label, keep_fragment=True) for key, label in keys]
    result += [Redirect(alias + r.path, r.target, r.canonical, source, r.label)
               for r in short_links(edition, source, scheme)]
    return result


def write(site: Path, edition: Edition, code: str, scheme: Scheme) -> None:
    """Write language ``code``'s redirect pages into the built site ``site``: its short links
    and, for the source language online, the ``/zh/…`` aliases (they are for guessed URLs
    online; a folder on disk has no such guesses)."""
    pages = short_links(edition, code, scheme)
    if edition.language(code).is_source and scheme.directory_urls:
        pages += source_aliases(edition, scheme)
    for redirect in pages:
        target = site / scheme.file_of(redirect.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_html(redirect, scheme), encoding="utf-8")
