"""Which page is made how, and which file of ``docs/`` each comes from.

Every page kind is one module of this package, registered once, in :data:`KINDS` (the ten
text pages, whose keys are the slugs of ``source/structure.yml``, are :data:`TEXT`):

- **Generated pages** (:class:`Generated`): the ten text pages, the full text, the timeline,
  the parallel view, the downloads. The module's ``render(ctx)`` gives the page's whole body from the
  model. Their stub ``docs/{key}.md`` holds only the line :data:`hooks.pages.prose.STUB`, for
  every language.
- **Prose pages** (:class:`Prose`): the home page, the glossary, About, the accessibility
  statement. A title rendered from the model, then the language's own Markdown,
  ``docs/{key}.{lang}.md`` (mkdocs-static-i18n's suffix convention, every language suffixed,
  the source language too), with generated parts at its markers (:func:`prose_page`).

A prose page's HTML is checked (:func:`hooks.pages.prose_html.check`) before its parts go in.
A page kind's module imports the shared modules of this package (``elements``,
``paragraphs``, ``cite_panel``…), never another page kind.

Plain Python, no MkDocs: ``hooks/main.py`` calls these.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Protocol, runtime_checkable

from hooks.errors import SourceError
from hooks.pages import (about, accessibility, downloads, full_text, glossary, home, parallel, prose, prose_html,
                         text, timeline)
from hooks.pages.elements import Context, classed, el, to_html
from hooks.urls import ABOUT, ACCESSIBILITY, DOWNLOADS, FULL_TEXT, GLOSSARY, HOME, PARALLEL, TIMELINE

DOCS = Path("docs")  # as messages show it


@runtime_checkable
class Generated(Protocol):
    """A page rendered whole from the model."""

    def render(self, ctx: Context) -> str:
        """The page's body, as HTML, for the page ``ctx.key`` in ``ctx.language``."""


@runtime_checkable
class Prose(Protocol):
    """A page made of its language's Markdown: a title rendered from the model, then the prose
    with the generated parts at its markers (``<!-- a4p:NAME -->``)."""

    ROOT_CLASS: str  # the class of the page's root <div>
    MARKERS: tuple[str, ...]  # the names of the generated parts, in the order the prose has them

    def head(self, ctx: Context, root: ET.Element) -> None:
        """The page's title (and what goes above the prose) into ``root``."""

    def parts(self, ctx: Context) -> dict[str, list[ET.Element]]:
        """The generated parts, by marker name."""


# The page kinds besides the ten text pages, by key (hooks/urls.py names the keys): the one
# place that says how each is made. A generated kind has the stub docs/{key}.md, like the text
# pages; a prose kind one Markdown file per language.
KINDS: dict[str, Generated | Prose] = {
    HOME: home,
    FULL_TEXT: full_text,
    TIMELINE: timeline,
    GLOSSARY: glossary,
    PARALLEL: parallel,
    DOWNLOADS: downloads,
    ABOUT: about,
    ACCESSIBILITY: accessibility,
}
TEXT: Generated = text  # the ten text pages: their keys are the slugs of source/structure.yml
GENERATED: dict[str, Generated] = {key: kind for key, kind in KINDS.items() if isinstance(kind, Generated)}
PROSE: dict[str, Prose] = {key: kind for key, kind in KINDS.items() if isinstance(kind, Prose)}
_SLOT = "a4p-prose"


def is_prose(key: str) -> bool:
    """Page ``key`` is made of its language's Markdown (:class:`Prose`)."""
    return key in PROSE


def scripts(key: str) -> tuple[str, ...]:
    """The scripts page ``key`` has of its own (site paths, its module's ``SCRIPTS``), which
    ``assets/a4p-load.js`` loads after the edition's: none for most pages."""
    return tuple(getattr(KINDS.get(key), "SCRIPTS", ()))


def markers(key: str) -> tuple[str, ...]:
    """The markers of prose page ``key``, in the order its prose has them."""
    return PROSE[key].MARKERS


def docs_name(key: str, code: str) -> str:
    """The file of ``docs/`` that page ``key`` comes from in language ``code``."""
    return f"{key}.{code}.md" if is_prose(key) else f"{key}.md"


def expected_files(keys: tuple[str, ...], codes: tuple[str, ...]) -> list[str]:
    """Every file ``docs/`` must hold, in page order: one stub per generated page, one prose
    file per prose page and language."""
    names: list[str] = []
    for key in keys:
        for code in codes:
            if docs_name(key, code) not in names:
                names.append(docs_name(key, code))
    return names


def key_of(name: str, codes: tuple[str, ...]) -> str:
    """The page key of a ``docs/`` file name (``about.en.md`` → ``about``)."""
    stem = name.removesuffix(".md")
    base, _, suffix = stem.rpartition(".")
    return base if base and suffix in codes else stem


def check_files(found: set[str], keys: tuple[str, ...], codes: tuple[str, ...]) -> None:
    """``docs/`` holds exactly the expected pages (after mkdocs-static-i18n's language suffixes
    are taken off, a name must be a page key)."""
    wanted = expected_files(keys, codes)
    for name in sorted(found - set(wanted)):
        key = key_of(name, codes)
        if key not in keys:
            raise SourceError(DOCS / name, None, f"unknown page '{key}'", f"one of {', '.join(keys)}")
        if is_prose(key):
            raise SourceError(DOCS / name, None, f"'{name}' for a prose page",
                              f"one file per language, named {key}.LANG.md ({', '.join(docs_name(key, c) for c in codes)})")
        raise SourceError(DOCS / name, None, f"'{name}' for a page rendered from source/",
                          f"one stub for every language, {docs_name(key, codes[0])}")
    for name in wanted:
        if name not in found:
            key = key_of(name, codes)
            if is_prose(key):
                code = name.removesuffix(".md").rpartition(".")[2]
                raise SourceError(DOCS / name, None, "no such file",
                                  f"the prose of page '{key}' in language '{code}' (every language has its own)")
            raise SourceError(DOCS / name, None, "no such file", f"the stub of page '{key}' (the line {prose.STUB})")


def check_source(key: str, text: str, shown: Path) -> None:
    """The Markdown of a page's file, before Markdown reads it."""
    if is_prose(key):
        prose.check(text, shown)
        prose.check_markers(text, shown, markers(key))
    else:
        prose.check_stub(text, shown)


def generated_page(ctx: Context) -> str:
    """The generated page ``ctx.key``: one of :data:`GENERATED`, or else a text page."""
    return GENERATED.get(ctx.key, TEXT).render(ctx)


def prose_page(ctx: Context, rendered: str, shown: Path | str, source: str | None = None) -> str:
    """The prose page ``ctx.key``: its title from the model, then the HTML Markdown made of its prose, checked
    (:func:`hooks.pages.prose_html.check`: an allowlist, no id of the title's or the parts'), with the
    generated parts at their markers (:func:`hooks.pages.prose.fill`). ``source`` is the prose
    file's text as read (:mod:`hooks.pages.build`, through :func:`hooks.edition.sourcefile.read`),
    for the line of a message; without it a message names no line."""
    shown = Path(shown)
    kind = PROSE[ctx.key]
    root = classed(el(None, "div"), kind.ROOT_CLASS)
    kind.head(ctx, root)
    generated = kind.parts(ctx)
    taken = {node.get("id") for tree in [root, *(n for nodes in generated.values() for n in nodes)]
             for node in tree.iter() if node.get("id")}
    prose_html.check(rendered, shown, source, taken)
    root.append(ET.Comment(_SLOT))
    before, after = to_html(root).split(f"<!--{_SLOT}-->")
    parts = {name: "".join(to_html(node) for node in nodes) for name, nodes in generated.items()}
    return before + prose.fill(rendered, parts, shown, source) + after
