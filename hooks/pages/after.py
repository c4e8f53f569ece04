"""Under a paragraph, what came after it: the instruments that bear on it (source/instruments.yml).

A ``<details>`` block, closed, marked ``data-apparatus`` (never the declaration's words): its
summary names it and counts the instruments; opened, one line each in date order, with the
instrument's name linking to it (its document in the page's language where it has a symbol),
its symbol, its date as far as it is known (``<time datetime>``: a day, a month or a year; a
meeting's first and last day), and the sentence on how it bears on this paragraph. Closed, it
takes one line and moves nothing when opened elsewhere; the browser makes it a control for the
keyboard and for screen readers. In the offline bundle (pages as files), each link, which leads
to a UN site, is marked as needing the network: an icon whose text alternative says so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.edition.instruments import Instrument
from hooks.pages.elements import APPARATUS, Context, append_text, classed, el, isolated, online_only


def block(ctx: Context, parent: ET.Element, number: int) -> None:
    """The block of paragraph ``number``, in ``parent``; nothing when no instrument bears on it."""
    items = ctx.edition.instruments.of_paragraph(number)
    if not items:
        return
    details = classed(el(parent, "details", **APPARATUS), "a4p-after")
    summary = el(details, "summary", ctx.t("after.title"))
    append_text(summary, " ")
    isolated(classed(el(summary, "span"), "a4p-after__count"), f"({len(items)})")
    listing = el(details, "ul")
    for item in items:
        _line(ctx, el(listing, "li"), item, number)


def _line(ctx: Context, line: ET.Element, item: Instrument, number: int) -> None:
    name(ctx, line, item, "a4p-after__name")
    if item.symbol is not None:
        append_text(line, " ")
        isolated(classed(el(line, "span"), "a4p-after__symbol"), item.symbol)
    append_text(line, " ")
    dates(classed(el(line, "span"), "a4p-after__date"), item)
    classed(el(line, "span", ctx.edition.instruments.labels[ctx.language.code][item.id].relations[number]),
            "a4p-after__relation")


def name(ctx: Context, parent: ET.Element, item: Instrument, cls: str) -> ET.Element:
    """The instrument's name in the page's language, linking to it (to its document in that
    language where it has a symbol); in the offline bundle (pages as files) followed by the mark
    that the link needs the network. Returns the link. The timeline's entries use it too."""
    code = ctx.language.code
    label = ctx.edition.instruments.labels[code][item.id]
    link = classed(el(parent, "a", label.name, href=item.link(code)), cls)
    if item.symbol is not None:
        link.set("hreflang", code)
    online_only(ctx, parent)
    return link


def dates(parent: ET.Element, item: Instrument) -> None:
    """The instrument's date as far as it is known (a day, a month or a year, ``<time datetime>``),
    and a meeting's last day, into ``parent``."""
    isolated(parent, item.date, "time", datetime=item.date)
    if item.end is not None:
        append_text(parent, " – ")
        isolated(parent, item.end, "time", datetime=item.end)
