"""The timeline: what came after the declaration, in date order (``timeline/``, ``{lang}/timeline/``).

Every instrument of ``source/instruments.yml`` at its own anchor, ``#instrument-{id}``
(CONTRACT.md), under the heading of its year, in the order of its date as written (a date known
to the month or the year sorts at the start of it): its name linking to it
(:func:`hooks.pages.after.name`), its kind, symbol and date, and each paragraph it bears on as
a link to the paragraph's canonical home (``#para-N``), with the part of the declaration it is
in and the sentence on how the instrument bears on it.

Above the list, a filter: a ``<select>`` of the parts of the declaration that instruments bear
on, each with its count, and a live status (``role=status``) saying how many are shown after a
choice. It is ``hidden`` in the HTML and shown by ``assets/a4p-timeline.js``, loaded by this page
only: without the script every entry shows and nothing pretends to filter. The select keeps no
value across a reload (``autocomplete=off``). The keyboard and screen
readers get the browser's own control. Each entry carries the parts it bears on in
``data-parts``, the script's only input. None of the page is the declaration's words.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from itertools import groupby

from hooks.edition.instruments import Instrument
from hooks.outputs import downloads
from hooks.pages import after
from hooks.pages.elements import Context, append_text, classed, el, fill, isolated, labelled, to_html, translation_notice
from hooks.urls import TIMELINE, instrument_anchor

SCRIPT = "assets/a4p-timeline.js"
SCRIPTS = (SCRIPT,)  # loaded after the page's words, after the edition's own (registry.scripts)
ROOT_CLASS = "a4p-timeline"
ENTRIES = "a4p-timeline-entries"  # the id of the list the filter controls
FILTER = "a4p-timeline-part"  # the id of the filter's <select>


def parts_of(ctx: Context, item: Instrument) -> list[str]:
    """The slugs of the parts of the declaration that ``item`` bears on, in the text's order."""
    structure = ctx.edition.structure
    slugs = {structure.page_of(number).slug for number in item.paragraphs}
    return [spec.slug for spec in structure.pages if spec.slug in slugs]


def render(ctx: Context) -> str:
    """The timeline in the page's language."""
    edition = ctx.edition
    code = ctx.language.code
    items = list(edition.instruments.items.values())
    root = classed(el(None, "div"), ROOT_CLASS)
    el(root, "h1", edition.page_name(code, TIMELINE), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(edition.source.code, TIMELINE))
    el(root, "p", ctx.t("timeline.intro"))
    el(root, "p", ctx.t("timeline.dates"))
    data = downloads.name(edition, "instruments")
    fill(ctx, el(root, "p"), "timeline.data", {
        "file": lambda p: isolated(el(p, "a", href=ctx.link(f"{downloads.DIR}/{data}")), data, "code"),
    })
    root.append(_filter(ctx, items))
    entries = classed(el(root, "div", id=ENTRIES), "a4p-timeline__entries")
    for year, group in groupby(items, key=lambda item: item.date[:4]):
        section = classed(el(entries, "section"), "a4p-timeline__year")  # a section, not a landmark
        el(section, "h2", year, id=f"year-{year}")
        listing = el(section, "ol")
        for item in group:
            _entry(ctx, listing, item)
    return to_html(root)


def _filter(ctx: Context, items: list[Instrument]) -> ET.Element:
    """The filter (hidden until the script shows it) and its status."""
    box = classed(el(None, "div", hidden="hidden"), "a4p-timeline__filter")
    el(box, "label", ctx.t("timeline.filter_label"), for_=FILTER)
    select = el(box, "select", id=FILTER, autocomplete="off")  # no value kept across a reload or a return
    select.set("aria-controls", ENTRIES)
    el(select, "option", f"{ctx.t('timeline.filter_all')} ({len(items)})", value="", selected="selected")
    counts: dict[str, int] = {}
    for item in items:
        for slug in parts_of(ctx, item):
            counts[slug] = counts.get(slug, 0) + 1
    for spec in ctx.edition.structure.pages:
        if spec.slug in counts:
            el(select, "option", f"{ctx.t(f'pages.{spec.slug}')} ({counts[spec.slug]})", value=spec.slug)
    forms = ctx.strings.section("timeline.count.")
    status = classed(el(box, "p", role="status"), "a4p-timeline__status")
    status.set("data-strings", json.dumps({f"count.{category}": text for category, text in forms.items()},
                                          ensure_ascii=False, sort_keys=True))
    return box


def _entry(ctx: Context, listing: ET.Element, item: Instrument) -> None:
    code = ctx.language.code
    entry = classed(el(listing, "li", id=instrument_anchor(item.id)), "a4p-timeline__entry")
    entry.set("data-parts", " ".join(parts_of(ctx, item)))
    after.name(ctx, el(entry, "h3"), item, "a4p-timeline__name")
    facts = classed(el(entry, "p"), "a4p-timeline__facts")
    el(facts, "span", ctx.t(f"timeline.kind_{item.kind}"), **{"class": "a4p-timeline__kind"})
    if item.symbol is not None:
        append_text(facts, " · ")
        isolated(classed(el(facts, "span"), "a4p-timeline__symbol"), item.symbol)
    append_text(facts, " · ")
    after.dates(classed(el(facts, "span"), "a4p-timeline__date"), item)
    relations = ctx.edition.instruments.labels[code][item.id].relations
    bearing = classed(el(entry, "ul"), "a4p-timeline__paragraphs")
    for number in item.paragraphs:
        spec = ctx.edition.structure.page_of(number)
        line = el(bearing, "li")
        target = ctx.link(ctx.scheme.paragraph(code, spec.slug, number))
        labelled(ctx, line, "a", ctx.t("labels.paragraph", number=number), href=target)
        append_text(line, " · ")
        el(line, "span", ctx.t(f"pages.{spec.slug}"), **{"class": "a4p-timeline__part"})
        classed(el(line, "span", relations[number]), "a4p-timeline__relation")
