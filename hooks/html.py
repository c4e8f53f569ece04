"""Shared: HTML built with ``xml.etree`` and serialized once, for the pages
(``hooks/pages/elements.py`` re-exports these) and for the documents the outputs typeset
(``hooks/outputs/pdf_document.py``). Text is always an element's text or an attribute value,
so it is escaped wherever it lands.
"""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from typing import Callable


def el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A new element (under ``parent`` if given); ``for_`` and ``aria_label`` name ``for`` and
    ``aria-label``."""
    attrs = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def classed(node: ET.Element, cls: str) -> ET.Element:
    node.set("class", cls)
    return node


def append_text(node: ET.Element, text: str) -> None:
    """Append ``text`` after the last child of ``node`` (or as its text)."""
    if len(node):
        node[-1].tail = (node[-1].tail or "") + text
    else:
        node.text = (node.text or "") + text


def to_html(node: ET.Element) -> str:
    return ET.tostring(node, encoding="unicode", method="html")


def isolated(parent: ET.Element | None, text: str, tag: str = "bdi", **attrs: str) -> ET.Element:
    """``text`` that must keep its own direction inside text of either direction (a number, a
    URL, a Latin abbreviation in Arabic): ``<bdi>``, or ``tag`` with ``dir="ltr"``. Harmless in
    left-to-right pages, so used in every language."""
    if tag == "bdi":
        return el(parent, "bdi", text, **attrs)
    return el(parent, tag, text, dir="ltr", **attrs)


def fill(parent: ET.Element, pattern: str, fillers: dict[str, Callable[[ET.Element], object]]) -> None:
    """``pattern`` (an interface string) into ``parent``: its text as text, each
    ``{placeholder}`` made by its filler (a link, a ``lang``-marked span…), so markup never
    passes through the string."""
    for literal, name, _, _ in string.Formatter().parse(pattern):
        append_text(parent, literal)
        if name:
            fillers[name](parent)
