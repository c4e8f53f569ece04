"""The glossary: its title, then the prose of ``docs/glossary.{lang}.md`` with its generated part,
the entries with their uses, filterable as one types. A prose page
(:class:`hooks.pages.registry.Prose`)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from hooks.edition.glossary import ordered
from hooks.pages.elements import Context, append_text, classed, el, translation_notice
from hooks.urls import GLOSSARY

ROOT_CLASS = "a4p-glossary"
MARKERS = ("entries",)


def head(ctx: Context, root: ET.Element) -> None:
    """The page's title and the translation notice."""
    el(root, "h1", ctx.t("glossary.title"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, GLOSSARY))


def parts(ctx: Context) -> dict[str, list[ET.Element]]:
    """The entries, with their filter."""
    return {"entries": _entries(ctx)}


def _entries(ctx: Context) -> list[ET.Element]:
    """The filter box, its live status, and every entry in this language's order."""
    code = ctx.language.code
    glossary = ctx.edition.glossaries[code]
    used = ctx.derived.usage[code]
    box = classed(el(None, "p"), "a4p-filter")
    el(box, "label", ctx.t("glossary.filter_label"), for_="a4p-filter")
    el(box, "input", type="search", id="a4p-filter", autocomplete="off",
       placeholder=ctx.t("glossary.filter_placeholder")).set("aria-controls", "a4p-entries")
    # Under the box, its live status, filled by assets/a4p-glossary.js as one types: how many entries
    # match, in this language's plural forms ("count.<CLDR category>"), or that none does.
    forms = ctx.strings.section("glossary.count.")
    said = {"none": ctx.t("glossary.no_match"), **{f"count.{category}": text for category, text in forms.items()}}
    status = classed(el(None, "p", role="status"), "a4p-filter__status")
    status.set("data-strings", json.dumps(said, ensure_ascii=False, sort_keys=True))
    entries = classed(el(None, "div", id="a4p-entries"), "a4p-entries")
    for term in ordered(glossary, ctx.language.collation):
        _entry(ctx, entries, term, used.get(term.id, []))
    return [box, status, entries]


def _entry(ctx: Context, parent: ET.Element, term, numbers: list[int]) -> None:
    edition = ctx.edition
    code = ctx.language.code
    entry = classed(el(parent, "section", id=f"term-{term.id}"), "a4p-entry")
    filter_words = list(term.forms)
    title = el(entry, "h2", term.term)
    if term.variants:
        classed(el(title, "small", " · ".join(term.variants)), "a4p-entry__variants")
        title.text += " "
    el(entry, "p", term.definition)
    details = classed(el(entry, "dl"), "a4p-entry__details")
    others = [lang for lang in edition.languages if lang.code != code]
    if others:
        el(details, "dt", ctx.t("glossary.other_languages"))
        dd = el(details, "dd")
        for index, lang in enumerate(others):
            other = edition.glossaries[lang.code].terms[term.id]
            filter_words += other.forms
            if index:
                append_text(dd, " · ")
            link = el(dd, "a", other.term, href=ctx.link(f"{ctx.scheme.page(lang.code, GLOSSARY)}#term-{term.id}"),
                      hreflang=lang.code)
            ctx.foreign(link, lang.code)
    if numbers:
        el(details, "dt", ctx.t("glossary.used_in"))
        dd = el(details, "dd")
        for index, n in enumerate(numbers):
            if index:
                append_text(dd, " · ")
            spec = edition.structure.page_of(n)
            link = el(dd, "a", ctx.t("labels.paragraph", number=n),
                      href=ctx.link(ctx.scheme.paragraph(code, spec.slug, n)))
            link.set("title", ctx.t(f"pages.{spec.slug}"))
    if term.related:
        el(details, "dt", ctx.t("glossary.related"))
        dd = el(details, "dd")
        for index, other_id in enumerate(term.related):
            if index:
                append_text(dd, " · ")
            el(dd, "a", edition.glossaries[code].terms[other_id].term, href=f"#term-{other_id}")
    entry.set("data-filter", " ".join(filter_words).casefold())
