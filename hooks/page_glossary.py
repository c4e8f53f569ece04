"""The glossary and term index: every entry with its uses, filterable as one types."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from hooks.elements import Context, append_text, classed, el, to_html, translation_notice
from hooks.glossary import ordered
from hooks.urls import GLOSSARY


def glossary_page(ctx: Context) -> str:
    edition = ctx.edition
    code = ctx.language.code
    glossary = edition.glossaries[code]
    used = ctx.derived.usage[code]
    root = classed(el(None, "div"), "a4p-glossary")
    el(root, "h1", ctx.t("glossary.title"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(edition.source.code, GLOSSARY))
    el(root, "p", ctx.t("glossary.intro", count=len(glossary.terms)))
    box = classed(el(root, "p"), "a4p-filter")
    el(box, "label", ctx.t("glossary.filter_label"), for_="a4p-filter")
    el(box, "input", type="search", id="a4p-filter", autocomplete="off",
       placeholder=ctx.t("glossary.filter_placeholder")).set("aria-controls", "a4p-entries")
    # Under the box, its live status, filled by assets/a4p.js as one types: how many entries
    # match, in this language's plural forms ("count.<CLDR category>"), or that none does.
    forms = ctx.strings.section("glossary.count.")
    said = {"none": ctx.t("glossary.no_match"), **{f"count.{category}": text for category, text in forms.items()}}
    status = classed(el(root, "p", role="status"), "a4p-filter__status")
    status.set("data-strings", json.dumps(said, ensure_ascii=False, sort_keys=True))
    entries = classed(el(root, "div", id="a4p-entries"), "a4p-entries")
    for term in ordered(glossary, ctx.language.collation):
        _entry(ctx, entries, term, used.get(term.id, []))
    return to_html(root)


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
