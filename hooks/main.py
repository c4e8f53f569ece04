"""MkDocs wiring, and the only module of ``hooks/`` that imports MkDocs: each event hands its
work to ``hooks.pages.build.Build`` (one per language build, made in :func:`on_config`: the
i18n plugin runs every event once per language, in one process) or ``hooks.static_files``. A
``SourceError`` from below becomes MkDocs' ``PluginError`` in :func:`source_errors`: one line.

MkDocs loads this file as a module of its own, with ``hooks/`` on ``sys.path`` only while
loading it. So the one path edit below puts the repository there for the ``hooks.*`` imports
that follow, and every module of ``hooks/`` is imported now: one first imported later would not
be found (docs/decisions/layout.md).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

if str(Path(__file__).resolve().parents[1]) not in sys.path:  # the repository (see above)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hooks import static_files, template_cache
from hooks.pages.build import PROBLEMS, Build

_build: Build | None = None  # replaced in on_config, once per language build


@contextmanager
def source_errors() -> Iterator[None]:
    """A :class:`SourceError` (``FILE:LINE: found …; expected …``), or a machine that cannot make
    the PDFs (:class:`PdfError`, which names what to install), as MkDocs' ``PluginError``: one
    line, no traceback."""
    try:
        yield
    except PROBLEMS as exc:
        raise PluginError(str(exc)) from None


def _current() -> Build:
    if _build is None:
        raise PluginError("a4p hooks: on_config did not run")
    return _build


# i18n chooses the build's language in its on_config at priority -100: read it after that.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """This language's build: the sources loaded and checked; the theme, name, nav and extra set."""
    global _build
    _build = None
    plugin = config.plugins.get("i18n")
    languages = None if plugin is None else [(lang.locale, bool(lang.default)) for lang in plugin.config.languages]
    with source_errors():
        _build = Build.start(Path(config.config_file_path), languages, plugin.current_language if plugin else "",
                             config.site_url, config.use_directory_urls)
    settings = _build.settings()
    for name, value in settings.theme.items():
        config.theme[name] = value
    template_cache.list_once(config.theme)  # the theme's files listed once for every language
    config.site_name, config.nav = settings.site_name, settings.nav
    config.extra["a4p"] = settings.extra
    return config


# Before mkdocs-static-i18n (priority -100) picks each page's file for the language: the names
# in docs/ are checked with their language suffixes taken off (hooks/pages/registry.py).
@event_priority(0)
def _check_names(files: Files, config: MkDocsConfig) -> Files:
    with source_errors():
        _current().check_files({file.src_uri for file in files.documentation_pages()})
    return files


@event_priority(-110)
def _check_chosen_files(files: Files, config: MkDocsConfig) -> Files:
    with source_errors():
        _current().check_chosen([file.src_uri for file in files.documentation_pages()])
    return files


def _static_files(files: Files, config: MkDocsConfig) -> Files:
    return static_files.copy_when_stale(static_files.drop_unused(files))


on_files = CombinedEvent(_check_names, _check_chosen_files, _static_files)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Each language's build has a new Jinja environment: its templates compiled once per process,
    and their tags' own lines and indents left out of the pages (half of a page's lines were
    blank: 24 KB of the offline zip; no page's text or spacing between words changes)."""
    env.bytecode_cache = template_cache.COMPILED
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's title and description; its file checked; what Markdown reads of it."""
    build = _current()
    page.meta = build.page_meta(page.file.src_uri, page.meta)
    with source_errors():  # the file as written (MkDocs has taken front matter off markdown)
        return build.markdown(page.file.src_uri, Path(page.file.abs_src_path), markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's body: rendered from the model, or its prose checked with its parts put in."""
    with source_errors():
        return _current().content(page.file.src_uri, Path(page.file.abs_src_path), html)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """The page's frame: language switch, offer, head, own scripts, canonical URL, colophon."""
    frame = _current().frame(page.file.src_uri)
    context.update(frame.context)
    page.canonical_url = frame.canonical
    page.content = (page.content or "") + frame.colophon
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """A translation's 404 page, to its own folder (:meth:`Build.not_found_output`)."""
    return _current().not_found_output(Path(config.site_dir), template_name, output_content)


def on_post_build(config: MkDocsConfig) -> None:
    """The files beside this language's pages; the theme's unused files removed."""
    with source_errors():
        _current().write(Path(config.site_dir))
    static_files.remove_unused(Path(config.site_dir))  # every language's build copies the theme's files again
