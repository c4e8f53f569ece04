"""The parallel view: any two languages side by side, paragraph by paragraph.

One page per language, ``parallel/`` and ``{lang}/parallel/``, in that language's interface.
It is a shell: its title, two language pickers, and the script that builds the two texts in
the browser (``assets/a4p-parallel.js``, with ``assets/a4p-after.js`` for the blocks of what came
after each paragraph) from the two languages' data files (written by
:mod:`hooks.outputs.parallel`), loaded with ``<script>`` tags so that it works from ``file://``.
Its address (the pair in the query, ``#para-N``) and the text pages' link to it are
:mod:`hooks.pages.parallel_link`'s.
"""

from __future__ import annotations

from hooks.outputs import parallel
from hooks.pages.elements import Context, classed, el, to_html, translation_notice
from hooks.pages.parallel_link import partner
from hooks.urls import PARALLEL

SCRIPT = "assets/a4p-parallel.js"
AFTER_SCRIPT = "assets/a4p-after.js"  # what came after each paragraph, which SCRIPT builds with it
SCRIPTS = (AFTER_SCRIPT, SCRIPT)  # loaded after the page's words, after the edition's own (registry.scripts)
STYLE = "assets/a4p-parallel.css"
PICKERS = (("a", "parallel.first"), ("b", "parallel.second"))


def render(ctx: Context) -> str:
    """The page's shell; ``assets/a4p-parallel.js`` fills ``[data-a4p-parallel-view]``."""
    edition = ctx.edition
    code = ctx.language.code
    root = classed(el(None, "div"), "a4p-parallel")
    root.set("data-a4p-parallel", "")
    root.set("data-lang", code)
    root.set("data-source", edition.source.code)
    root.set("data-fallback", partner(edition, edition.source.code))
    root.set("data-base", ctx.link(""))
    root.set("data-unavailable", ctx.t("parallel.unavailable"))
    el(root, "link", rel="stylesheet", href=ctx.link(STYLE))
    el(root, "h1", ctx.t("parallel.name"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(edition.source.code, PARALLEL))
    classed(el(root, "p", ctx.t("parallel.intro")), "a4p-parallel__intro")
    pickers = classed(el(root, "div"), "a4p-parallel__pair")
    chosen = {"a": code, "b": partner(edition, code)}
    for name, label in PICKERS:
        field = classed(el(pickers, "span"), "a4p-parallel__picker")
        el(field, "label", ctx.t(label), for_=f"a4p-parallel-{name}")
        select = el(field, "select", id=f"a4p-parallel-{name}", name=name)
        for language in edition.languages:
            option = ctx.foreign(el(select, "option", language.name, value=language.code), language.code)
            option.set("data-src", ctx.link(parallel.data_path(language.code)))  # its data file
            if language.code == chosen[name]:
                option.set("selected", "selected")
    status = classed(el(root, "p", ctx.t("parallel.loading"), role="status"), "a4p-parallel__status")
    status.set("data-a4p-parallel-status", "")
    view = classed(el(root, "div"), "a4p-parallel__view")
    view.set("data-a4p-parallel-view", "")
    return to_html(root)
