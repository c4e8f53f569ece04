"""HTML fragments for the edition's pages, built with ``xml.etree`` from the model.

Each ``*_page`` function returns the body of one page as an HTML string; the page frame
(header, navigation, footer) is the theme's. Everything inside a paragraph element that is
not the declaration's words carries ``data-apparatus`` (CONTRACT.md, HTML markers).
"""

from __future__ import annotations

import json
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from hooks import terms
from hooks.crosslinks import Derived
from hooks.model import Edition, Language, Paragraph
from hooks.urls import HOME, Scheme, relative

APPARATUS = {"data-apparatus": ""}


@dataclass(frozen=True)
class Context:
    """What every fragment needs: the model, the language, the URL scheme and where it is."""

    edition: Edition
    language: Language
    scheme: Scheme
    here: str  # site path of the page being rendered
    derived: Derived  # glossary usage, related paragraphs and matchers, once per build

    @property
    def strings(self):
        return self.edition.strings[self.language.code]

    def t(self, key: str, **values) -> str:
        return self.strings.format(key, **{k: str(v) for k, v in values.items()})

    def link(self, path: str) -> str:
        return relative(self.here, path)

    def canonical(self, path: str) -> str:
        return self.scheme.online().canonical(path)

    def foreign(self, element: ET.Element, code: str) -> ET.Element:
        """Mark ``element`` as being in language ``code`` when that is not the page's."""
        if code != self.language.code:
            element.set("lang", code)
            direction = self.edition.language(code).dir
            if direction != self.language.dir:
                element.set("dir", direction)
        return element


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    attrs = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def _append_text(node: ET.Element, text: str) -> None:
    """Append ``text`` after the last child of ``node`` (or as its text)."""
    if len(node):
        node[-1].tail = (node[-1].tail or "") + text
    else:
        node.text = (node.text or "") + text


def _html(node: ET.Element) -> str:
    return ET.tostring(node, encoding="unicode", method="html")


def _range_label(ctx: Context, first: int, last: int) -> str:
    if first == last:
        return ctx.t("labels.paragraph", number=first)
    return ctx.t("labels.paragraphs", first=first, last=last)


def _translation_notice(ctx: Context, parent: ET.Element, original_path: str) -> None:
    if ctx.language.is_source:
        return
    aside = _classed(_el(parent, "aside", role="note"), "a4p-translation-notice")
    _el(aside, "span", ctx.t("translation.notice"))
    _append_text(aside, " ")
    source = ctx.edition.source
    _el(aside, "a", ctx.t("translation.original_page"), href=ctx.link(original_path), hreflang=source.code)


def _classed(node: ET.Element, cls: str) -> ET.Element:
    node.set("class", cls)
    return node


def paragraph(ctx: Context, para: Paragraph) -> ET.Element:
    """One paragraph: ``id="para-N"``, its words, and apparatus marked as such."""
    path = ctx.scheme.paragraph(ctx.language.code, para.page.slug, para.number)
    online = ctx.canonical(ctx.scheme.online().paragraph(ctx.language.code, para.page.slug, para.number))
    box = _classed(_el(None, "div", id=f"para-{para.number}"), "a4p-para")
    _classed(_el(box, "span", str(para.number), **APPARATUS), "a4p-para__num")
    text = _classed(_el(box, "p"), "a4p-para__text")
    _words(ctx, text, para)
    mark = _classed(_el(text, "a", "¶", href=online, **APPARATUS), "a4p-permalink")
    mark.set("aria-label", ctx.t("labels.permalink", number=para.number))
    mark.set("data-local", ctx.link(path))
    if not ctx.language.is_source:
        source = ctx.edition.source
        original = ctx.scheme.paragraph(source.code, para.page.slug, para.number)
        link = _classed(_el(text, "a", ctx.t("translation.original"), href=ctx.link(original),
                            hreflang=source.code, **APPARATUS), "a4p-para__original")
        ctx.foreign(link, source.code)
    _mark_terms(ctx, text, para.number)
    _related(ctx, box, para.number)
    for note in para.notes:
        aside = _classed(_el(box, "aside", id=f"note-{note.id}", **APPARATUS), "a4p-note")
        _el(aside, "strong", ctx.t("labels.editorial_note"))
        _append_text(aside, " ")
        source = ctx.edition.source.code
        _fill(ctx, aside, "labels.note", {"found": _foreign_span(ctx, note.find, source),
                                          "probable": _foreign_span(ctx, note.probable, source)})
    return box


def _mark_terms(ctx: Context, text: ET.Element, number: int) -> None:
    """Glossary terms in the words: a link to the entry plus a tooltip (apparatus)."""
    glossary = ctx.edition.glossaries[ctx.language.code]
    glossary_page = ctx.scheme.page(ctx.language.code, "glossary")
    count = 0

    def make_mark(match: terms.Match) -> list[ET.Element]:
        nonlocal count
        count += 1
        tip_id = f"tip-{number}-{count}"
        link = _classed(_el(None, "a", match.form, href=ctx.link(f"{glossary_page}#term-{match.term_id}")),
                        "a4p-term")
        link.set("aria-describedby", tip_id)
        tip = _classed(_el(None, "span", glossary.terms[match.term_id].definition, id=tip_id, role="tooltip",
                           **APPARATUS), "a4p-tip")
        return [link, tip]

    terms.mark(text, ctx.derived.matchers[ctx.language.code], make_mark)


def _related(ctx: Context, box: ET.Element, number: int) -> None:
    """Up to three related paragraphs elsewhere, derived from shared glossary terms."""
    others = ctx.derived.related.get(number, ())
    if not others:
        return
    nav = _classed(_el(box, "nav", **APPARATUS), "a4p-related")
    nav.set("aria-label", ctx.t("labels.related"))
    _el(nav, "span", ctx.t("labels.related"))
    for other in others:
        _append_text(nav, " ")
        spec = ctx.edition.structure.page_of(other)
        link = _el(nav, "a", ctx.t("labels.paragraph", number=other),
                   href=ctx.link(ctx.scheme.paragraph(ctx.language.code, spec.slug, other)))
        link.set("title", ctx.t(f"pages.{spec.slug}"))


def _words(ctx: Context, parent: ET.Element, para: Paragraph) -> None:
    """The words; in the source language a suspected typo is marked where it stands."""
    words = para.words
    if not ctx.language.is_source or not para.notes:
        parent.text = words
        return
    cursor = 0
    for note in sorted(para.notes, key=lambda n: words.index(n.find)):
        start = words.index(note.find)
        _append_text(parent, words[cursor:start])
        _classed(_el(parent, "span", note.find), "a4p-sic")
        ref = _el(parent, "sup", **APPARATUS)
        _el(ref, "a", "*", href=f"#note-{note.id}").set("aria-label", ctx.t("labels.editorial_note"))
        cursor = start + len(note.find)
    _append_text(parent, words[cursor:])


def _fill(ctx: Context, parent: ET.Element, key: str, fillers: dict[str, Callable[[ET.Element], object]]) -> None:
    """``key``'s string into ``parent``: its text as text, each ``{placeholder}`` made by
    its filler (a link, a ``lang``-marked span…), so markup never passes through the string."""
    for literal, name, _, _ in string.Formatter().parse(ctx.strings[key]):
        _append_text(parent, literal)
        if name:
            fillers[name](parent)


def _foreign_span(ctx: Context, text: str, code: str, cls: str | None = None) -> Callable[[ET.Element], object]:
    def fill(parent: ET.Element) -> None:
        span = ctx.foreign(_el(parent, "span", text), code)
        if cls:
            span.set("class", cls)
    return fill


def _heading(ctx: Context, parent: ET.Element, slug: str) -> ET.Element:
    spec = ctx.edition.structure.page(slug)
    h1 = _el(parent, "h1", ctx.edition.heading(ctx.language.code, slug), id="heading")
    if spec.editorial_heading:
        badge = _classed(_el(h1, "span", ctx.t("labels.editorial_heading")), "a4p-editorial")
        badge.set("title", ctx.t("labels.editorial_heading_hint"))
        h1.text += " "
    return h1


def text_page(ctx: Context, slug: str) -> str:
    spec = ctx.edition.structure.page(slug)
    root = _classed(_el(None, "div"), "a4p-text-page")
    kicker = _classed(_el(root, "p"), "a4p-kicker")
    parts = []
    if spec.area:
        parts.append(ctx.t("labels.area"))
    parts += [ctx.t(f"pages.{slug}"), _range_label(ctx, spec.first, spec.last)]
    for index, part in enumerate(parts):
        if index:
            _append_text(kicker, " · ")
        _el(kicker, "span", part)
    _heading(ctx, root, slug)
    _translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, slug))
    body = _classed(_el(root, "section"), "a4p-paragraphs")
    for para in ctx.edition.paragraphs(ctx.language.code, spec):
        body.append(paragraph(ctx, para))
    return _html(root)


def home_page(ctx: Context) -> str:
    code = ctx.language.code
    text = ctx.edition.texts[code]
    root = _classed(_el(None, "div"), "a4p-home")
    h1 = _el(root, "h1", text.title, id="heading")
    _classed(_el(h1, "span", text.subtitle), "a4p-subtitle")
    _translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, HOME))
    _el(root, "p", ctx.t("home.lead"))
    _el(root, "h2", ctx.t("home.areas_title"), id="areas")
    grid = _classed(_el(root, "div"), "grid cards a4p-cards")
    items = _el(grid, "ul")
    for spec in ctx.edition.structure.areas:
        _card(ctx, items, spec)
    _el(root, "h2", ctx.t("home.more_title"), id="more")
    more = _el(root, "ul")
    for spec in ctx.edition.structure.pages:
        if not spec.area:
            item = _el(more, "li")
            _el(item, "a", ctx.t(f"pages.{spec.slug}"), href=ctx.link(ctx.scheme.page(code, spec.slug)))
            _append_text(item, f" · {_range_label(ctx, spec.first, spec.last)}")
    for key in ("glossary", "about"):
        _el(_el(more, "li"), "a", ctx.edition.page_name(code, key), href=ctx.link(ctx.scheme.page(code, key)))
    _el(root, "h2", ctx.t("home.cite_title"), id="cite")
    example_spec = ctx.edition.structure.areas[0]
    online = ctx.scheme.online()
    example = ctx.canonical(online.paragraph(code, example_spec.slug, example_spec.first))
    short = ctx.canonical(online.short(code, example_spec.first))
    _fill(ctx, _el(root, "p"), "home.cite_text", {"example": lambda p: _el(p, "code", example),
                                                  "short": lambda p: _el(p, "code", short)})
    return _html(root)


def _card(ctx: Context, items: ET.Element, spec) -> None:
    code = ctx.language.code
    item = _el(items, "li")
    title = _el(item, "p")
    _el(title, "a", ctx.t(f"pages.{spec.slug}"), href=ctx.link(ctx.scheme.page(code, spec.slug)))
    if not spec.editorial_heading:  # an editorial heading only repeats the name
        _classed(_el(item, "p", ctx.edition.heading(code, spec.slug)), "a4p-card__heading")
    _classed(_el(item, "p", _range_label(ctx, spec.first, spec.last)), "a4p-card__range")


def about_page(ctx: Context) -> str:
    edition = ctx.edition
    source = edition.source.code
    root = _classed(_el(None, "div"), "a4p-about")
    _el(root, "h1", ctx.t("about.title"), id="heading")
    _translation_notice(ctx, root, ctx.scheme.page(source, "about"))
    _el(root, "p", ctx.t("about.intro"))
    _el(root, "h2", ctx.t("about.normalizations_title"), id="normalizations")
    _el(root, "p", ctx.t("about.normalizations_intro"))
    table = _classed(_el(root, "table"), "a4p-normalizations")
    head = _el(_el(table, "thead"), "tr")
    for key in ("kind", "where", "original", "result", "reason"):
        _el(head, "th", ctx.t(f"about.column_{key}"), scope="col")
    body = _el(table, "tbody")
    for entry in edition.normalizations.entries:
        row = _el(body, "tr", id=f"normalization-{entry.id}")
        _el(row, "td", ctx.t(f"about.kinds.{entry.kind}"))
        where = _el(row, "td")
        if entry.paragraph is not None:
            spec = edition.structure.page_of(entry.paragraph)
            _el(where, "a", ctx.t("labels.paragraph", number=entry.paragraph),
                href=ctx.link(ctx.scheme.paragraph(ctx.language.code, spec.slug, entry.paragraph)))
        else:
            _el(where, "a", ctx.t(f"pages.{entry.page}"),
                href=ctx.link(ctx.scheme.page(ctx.language.code, entry.page)))
        _shown_text(ctx, _el(row, "td"), entry.find, source)
        _shown_text(ctx, _el(row, "td"), entry.replace, source)
        _el(row, "td", ctx.t(f"normalizations.{entry.id}"))
    _el(root, "h2", ctx.t("about.notes_title"), id="notes")
    _el(root, "p", ctx.t("about.notes_intro"))
    notes = _el(root, "ul")
    for note in edition.normalizations.notes:
        item = _el(notes, "li", id=f"normalization-{note.id}")
        spec = edition.structure.page_of(note.paragraph)
        target = ctx.link(ctx.scheme.paragraph(ctx.language.code, spec.slug, note.paragraph))
        _fill(ctx, item, "about.note_item", {
            "paragraph": lambda p: _el(p, "a", ctx.t("labels.paragraph", number=note.paragraph), href=target),
            "found": _foreign_span(ctx, note.find, source, "a4p-sic"),
            "probable": _foreign_span(ctx, note.probable, source),
            "reason": lambda p: _append_text(p, ctx.t(f"normalizations.{note.id}")),
        })
    _el(root, "h2", ctx.t("about.licence_title"), id="licence")
    _el(root, "p", ctx.t("about.licence_text"))
    return _html(root)


def _shown_text(ctx: Context, cell: ET.Element, value: str, code: str) -> None:
    """Supplied or edited text in a table cell, with line breaks shown as ⏎."""
    if not value:
        cell.text = ctx.t("about.none")
        return
    code_el = ctx.foreign(_el(cell, "code"), code)
    code_el.text = value.replace("\n", "⏎")


def not_found_page(ctx: Context) -> str:
    code = ctx.language.code
    root = _classed(_el(None, "div"), "a4p-not-found")
    _el(root, "h1", ctx.t("not_found.title"), id="heading")
    _el(root, "p", ctx.t("not_found.text"))
    items = _el(root, "ul")
    # A 404 page is served at any depth: its links are root-relative.
    root_path = urlsplit(ctx.scheme.site_url).path or "/"
    for key in ctx.edition.page_keys:
        _el(_el(items, "li"), "a", ctx.edition.page_name(code, key), href=root_path + ctx.scheme.page(code, key))
    return _html(root)


def glossary_page(ctx: Context) -> str:
    """The glossary and term index: every entry with its uses, filterable as one types."""
    from hooks.glossary import ordered

    edition = ctx.edition
    code = ctx.language.code
    glossary = edition.glossaries[code]
    used = ctx.derived.usage[code]
    root = _classed(_el(None, "div"), "a4p-glossary")
    _el(root, "h1", ctx.t("glossary.title"), id="heading")
    _translation_notice(ctx, root, ctx.scheme.page(edition.source.code, "glossary"))
    _el(root, "p", ctx.t("glossary.intro", count=len(glossary.terms)))
    box = _classed(_el(root, "p"), "a4p-filter")
    _el(box, "label", ctx.t("glossary.filter_label"), for_="a4p-filter")
    _el(box, "input", type="search", id="a4p-filter", autocomplete="off",
        placeholder=ctx.t("glossary.filter_placeholder")).set("aria-controls", "a4p-entries")
    # Under the box, its live status, filled by assets/a4p.js as one types: how many entries
    # match, in this language's plural forms ("count.<CLDR category>"), or that none does.
    forms = ctx.strings.section("glossary.count.")
    said = {"none": ctx.t("glossary.no_match"), **{f"count.{category}": text for category, text in forms.items()}}
    status = _classed(_el(root, "p", role="status"), "a4p-filter__status")
    status.set("data-strings", json.dumps(said, ensure_ascii=False, sort_keys=True))
    entries = _classed(_el(root, "div", id="a4p-entries"), "a4p-entries")
    for term in ordered(glossary, ctx.language.collation):
        _entry(ctx, entries, term, used.get(term.id, []))
    return _html(root)


def _entry(ctx: Context, parent: ET.Element, term, numbers: list[int]) -> None:
    edition = ctx.edition
    code = ctx.language.code
    entry = _classed(_el(parent, "section", id=f"term-{term.id}"), "a4p-entry")
    filter_words = list(term.forms)
    title = _el(entry, "h2", term.term)
    if term.variants:
        _classed(_el(title, "small", " · ".join(term.variants)), "a4p-entry__variants")
        title.text += " "
    _el(entry, "p", term.definition)
    details = _classed(_el(entry, "dl"), "a4p-entry__details")
    others = [lang for lang in edition.languages if lang.code != code]
    if others:
        _el(details, "dt", ctx.t("glossary.other_languages"))
        dd = _el(details, "dd")
        for index, lang in enumerate(others):
            other = edition.glossaries[lang.code].terms[term.id]
            filter_words += other.forms
            if index:
                _append_text(dd, " · ")
            link = _el(dd, "a", other.term, href=ctx.link(f"{ctx.scheme.page(lang.code, 'glossary')}#term-{term.id}"),
                       hreflang=lang.code)
            ctx.foreign(link, lang.code)
    if numbers:
        _el(details, "dt", ctx.t("glossary.used_in"))
        dd = _el(details, "dd")
        for index, n in enumerate(numbers):
            if index:
                _append_text(dd, " · ")
            spec = edition.structure.page_of(n)
            link = _el(dd, "a", ctx.t("labels.paragraph", number=n),
                       href=ctx.link(ctx.scheme.paragraph(code, spec.slug, n)))
            link.set("title", ctx.t(f"pages.{spec.slug}"))
    if term.related:
        _el(details, "dt", ctx.t("glossary.related"))
        dd = _el(details, "dd")
        for index, other_id in enumerate(term.related):
            if index:
                _append_text(dd, " · ")
            _el(dd, "a", edition.glossaries[code].terms[other_id].term, href=f"#term-{other_id}")
    entry.set("data-filter", " ".join(filter_words).casefold())
