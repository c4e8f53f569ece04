"""A text page, one of the ten of ``source/structure.yml``: its kicker and heading, the cite
controls, the translation notice, the link to the parallel view, and each paragraph with its
apparatus (:mod:`hooks.pages.paragraphs`)."""

from __future__ import annotations

from hooks.pages import cite_panel, share
from hooks.pages.elements import Context, append_text, classed, el, labelled, range_label, to_html, translation_notice
from hooks.pages.paragraphs import heading, paragraph
from hooks.pages.parallel_link import parallel_link


def render(ctx: Context) -> str:
    """The text page ``ctx.key`` (a slug of ``source/structure.yml``)."""
    slug = ctx.key
    spec = ctx.edition.structure.page(slug)
    root = classed(el(None, "div"), "a4p-text-page")
    kicker = classed(el(root, "p"), "a4p-kicker")
    parts = []
    if spec.area:
        parts.append(ctx.t("labels.area"))
    parts += [ctx.t(f"pages.{slug}"), range_label(ctx, spec.first, spec.last)]
    for index, part in enumerate(parts):
        if index:
            append_text(kicker, " · ")
        labelled(ctx, kicker, "span", part)
    parallel_link(ctx, kicker, spec.first)  # the parallel view, at this page's paragraphs
    heading(ctx, root, slug)
    cite_panel.controls(ctx, root)  # cite the whole declaration; the panel every cite button opens
    share.status(ctx, root)  # what a share button did, announced
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, slug))
    body = classed(el(root, "div"), "a4p-paragraphs")  # not a <section>: it has no heading of its own
    for para in ctx.edition.paragraphs(ctx.language.code, spec):
        body.append(paragraph(ctx, para))
    return to_html(root)
