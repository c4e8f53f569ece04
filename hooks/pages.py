"""Which page is made how, and which file of ``docs/`` each comes from.

- **Generated pages**, the ten text pages: rendered whole from the model. Their stub
  ``docs/{slug}.md`` holds only the line :data:`hooks.prose.STUB`, for every language.
- **Prose pages**, the home page, the glossary and About: a title rendered from the model, then
  the language's own Markdown, ``docs/{key}.{lang}.md`` (mkdocs-static-i18n's suffix convention,
  every language suffixed, the source language too), with generated parts at its markers.

A prose page's HTML is checked (:func:`hooks.prose_html.check`) before its parts go in.

Plain Python, no MkDocs: ``hooks/main.py`` calls these.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Callable

from hooks import page_about, page_glossary, page_home, prose, prose_html
from hooks import page_parallel
from hooks import page_accessibility
from hooks.elements import Context, classed, el, to_html
from hooks.errors import SourceError
from hooks.page_downloads import downloads_page
from hooks.page_full_text import full_text_page
from hooks.page_text import text_page
from hooks.urls import FULL_TEXT
from hooks.urls import PARALLEL
from hooks.urls import ABOUT, GLOSSARY, HOME
from hooks.urls import DOWNLOADS
from hooks.urls import ACCESSIBILITY

DOCS = Path("docs")  # as messages show it
ROOT = Path(__file__).resolve().parent.parent  # the repository, which holds docs/ beside hooks/
PROSE: dict[str, ModuleType] = {HOME: page_home, ABOUT: page_about, GLOSSARY: page_glossary}
# Generated pages besides the ten text pages: key -> render(ctx) -> HTML. Each has the stub
# docs/{key}.md, like the text pages.
GENERATED: dict[str, Callable[[Context], str]] = {}
GENERATED[FULL_TEXT] = full_text_page
GENERATED[PARALLEL] = page_parallel.page
GENERATED[DOWNLOADS] = downloads_page
PROSE[ACCESSIBILITY] = page_accessibility
_SLOT = "a4p-prose"


def is_prose(key: str) -> bool:
    return key in PROSE


def markers(key: str) -> tuple[str, ...]:
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


def generated_page(ctx: Context, key: str) -> str:
    render = GENERATED.get(key)
    return render(ctx) if render else text_page(ctx, key)


def _written(shown: Path) -> str | None:
    """The prose file as written, for the line of a message (``shown`` is relative to the
    repository, as :data:`DOCS`), or None if it cannot be read."""
    try:
        return (shown if shown.is_absolute() else ROOT / shown).read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None


def prose_page(ctx: Context, key: str, rendered: str, shown: Path | str, source: str | None = None) -> str:
    """The page's title from the model, then the HTML Markdown made of its prose, checked
    (:func:`hooks.prose_html.check`: an allowlist, no id of the title's or the parts'), with the
    generated parts at their markers (:func:`hooks.prose.fill`). ``source`` is the prose
    file's text, for the line of a message; by default the file ``shown`` is read."""
    shown = Path(shown)
    module = PROSE[key]
    root = classed(el(None, "div"), module.ROOT_CLASS)
    module.head(ctx, root)
    generated = module.parts(ctx)
    taken = {node.get("id") for tree in [root, *(n for nodes in generated.values() for n in nodes)]
             for node in tree.iter() if node.get("id")}
    if source is None:
        source = _written(shown)
    prose_html.check(rendered, shown, source, taken)
    root.append(ET.Comment(_SLOT))
    before, after = to_html(root).split(f"<!--{_SLOT}-->")
    parts = {name: "".join(to_html(node) for node in nodes) for name, nodes in generated.items()}
    return before + prose.fill(rendered, parts, shown, source) + after
