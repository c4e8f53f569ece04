"""A QR code of a URL, as an inline SVG element: for the printed colophon of every page
(``hooks/pages/colophon.py``) and for the PDFs (``hooks/outputs/pdf_document.py``).

Made at build time by segno, a pure-Python generator, so nothing is loaded when a page is
read or printed. Error correction level M (15 % of the code may be lost), no Micro QR (phones'
readers do not all read it), a quiet zone of four modules as the standard asks. The SVG has
one path and a ``viewBox`` in modules; its size on paper comes from the style sheet.
"""

from __future__ import annotations

import functools
import hashlib
import json
import xml.etree.ElementTree as ET

import segno

from hooks import kept

CACHE = kept.ROOT / "qr"  # the codes drawn, between builds
KEEP = 2048  # codes kept, those used last (a build draws one per online page: 108)
QUIET_ZONE = 4  # modules of light margin on each side (ISO/IEC 18004)
ERROR_LEVEL = "m"
# segno's settings, all of them in the cache's key: the code, and its drawing
MAKE = {"error": ERROR_LEVEL, "micro": False, "boost_error": False}
DRAW = {"scale": 1, "border": QUIET_ZONE, "dark": "#000", "light": "#fff", "omitsize": True, "svgclass": None,
        "lineclass": None}
CLASS = "a4p-qr"


def svg(url: str, label: str) -> ET.Element:
    """The QR code of ``url``, ``role="img"`` named by ``label`` (the address it holds)."""
    view_box, shapes = _drawn(url)
    out = ET.Element("svg", {"class": CLASS, "viewBox": view_box, "role": "img", "aria-label": label})
    for tag, attributes in shapes:
        ET.SubElement(out, tag, dict(attributes))
    return out


@functools.lru_cache(maxsize=1024)
def _drawn(url: str) -> tuple[str, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]]:
    """segno's drawing of ``url``'s code: its viewBox, and its shapes (a light rect and one dark
    path). Kept per URL in the process (the preview rebuilds every page's colophon on each save,
    with the same URLs), and on disk between builds (:func:`_markup`)."""
    node = ET.fromstring(_markup(url))  # segno's own markup
    shapes = tuple((child.tag, tuple(child.attrib.items())) for child in node if child.tag in ("path", "rect"))
    return node.get("viewBox", ""), shapes


def _markup(url: str) -> str:
    """segno's SVG of ``url``'s code, kept in :data:`CACHE` by the SHA-256 of the URL, the
    settings and segno's version: a cold build drew 108 codes, 0.3 s of its 2.1 s, most of it
    segno choosing the best of its eight masks for each."""
    key = hashlib.sha256(json.dumps([url, MAKE, DRAW, segno.__version__]).encode("utf-8")).hexdigest()
    name = f"{key}.svg"
    data = kept.get(CACHE, name)
    if data is not None:
        return data.decode("utf-8")
    markup = segno.make(url, **MAKE).svg_inline(**DRAW)
    kept.put(CACHE, name, markup.encode("utf-8"), KEEP)
    return markup
