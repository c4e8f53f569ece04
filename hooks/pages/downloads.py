"""The Downloads page: every file of ``/downloads/`` (hooks/outputs/downloads.py) with what it holds,
its size and its SHA-256, linked relatively so that the page works from disk too."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.outputs import downloads
from hooks.pages.elements import (Context, append_text, classed, el, fill, foreign_span, isolated, to_html,
                            translation_notice)
from hooks.urls import DOWNLOADS

COLUMNS = ("file", "holds", "size", "sha256")


def render(ctx: Context) -> str:
    """The Downloads page of the page's language."""
    root = classed(el(None, "div"), "a4p-downloads")
    el(root, "h1", ctx.edition.page_name(ctx.language.code, DOWNLOADS), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, DOWNLOADS))
    el(root, "p", ctx.t("downloads.intro"))
    prov = ctx.provenance
    if prov.version:
        release = el(root, "p", **{"class": "a4p-downloads__release"})
        fill(ctx, release, "downloads.release", {
            "version": lambda p: isolated(p, prov.version, "code"),
            "date": lambda p: isolated(p, prov.date or "", "time", datetime=prov.date or ""),
        })
    else:
        el(root, "p", ctx.t("downloads.unversioned"), **{"class": "a4p-downloads__release"})
    items = downloads.files(ctx.edition, ctx.scheme.online(), prov)
    root.append(_table(ctx, items))
    el(root, "p", ctx.t("downloads.csv_note"), id="csv-encoding")
    sums = el(root, "p", id="checksums")
    fill(ctx, sums, "downloads.sums_note", {
        "command": lambda p: isolated(p, f"sha256sum -c {downloads.SUMS}", "code"),
    })
    return to_html(root)


def description(ctx: Context, item: downloads.Download) -> str:
    """What the file holds, in the page's language."""
    if item.language is None:
        return ctx.t(f"downloads.{item.kind}")
    language = ctx.edition.language(item.language)
    status = "status_source" if language.is_source else "status_translation"
    return ctx.t(f"downloads.{item.kind}", language=language.name, status=ctx.t(f"downloads.{status}"))


def _holds(ctx: Context, cell: ET.Element, item: downloads.Download) -> None:
    """:func:`description` into ``cell``, a language's name marked with its ``lang``."""
    if item.language is None:
        cell.text = description(ctx, item)
        return
    language = ctx.edition.language(item.language)
    status = ctx.t(f"downloads.{'status_source' if language.is_source else 'status_translation'}")
    fill(ctx, cell, f"downloads.{item.kind}", {
        "language": foreign_span(ctx, language.name, language.code),
        "status": lambda p: append_text(p, status),
    })


def size_label(ctx: Context, size: int) -> str:
    """Kilobytes (1,000 bytes), rounded up, at least 1."""
    return ctx.t("downloads.size", size=max(1, -(-size // 1000)))


def _table(ctx: Context, items: list[downloads.Download]) -> ET.Element:
    table = classed(el(None, "table"), "a4p-downloads__table")
    head = el(el(table, "thead"), "tr")
    for key in COLUMNS:
        el(head, "th", ctx.t(f"downloads.column_{key}"), scope="col")
    body = el(table, "tbody")
    folder = f"{downloads.DIR}/"
    for item in items:
        row = el(body, "tr", id=f"file-{item.name.replace('.', '-').lower()}")
        if item.language:
            row.set("data-language", item.language)
        name_cell = el(row, "th", scope="row")
        link = el(name_cell, "a", href=ctx.link(folder + item.name))
        isolated(link, item.name, "code")
        if item.language:
            link.set("hreflang", item.language)
        _holds(ctx, el(row, "td"), item)
        size = el(row, "td", size_label(ctx, len(item.data)), **{"data-bytes": str(len(item.data))})
        size.set("class", "a4p-downloads__size")
        digest = el(row, "td")
        classed(isolated(digest, item.sha256, "code"), "a4p-downloads__sha256")
    return table
