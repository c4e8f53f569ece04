"""MkDocs wiring: each event hands its work to a domain module. No domain logic here.

mkdocs-static-i18n runs every event once per language, in one process; all per-build state
lives in one :class:`Build`, made afresh in :func:`on_config`.
"""

from __future__ import annotations

import functools
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks import provenance  # noqa: E402
from hooks import template_cache  # noqa: E402
from hooks.edition import sourcefile, load  # noqa: E402
from hooks.edition.crosslinks import Derived  # noqa: E402
from hooks.edition.model import Edition, Language  # noqa: E402
from hooks.errors import SourceError  # noqa: E402
from hooks.outputs import redirects  # noqa: E402
from hooks.outputs import search  # noqa: E402
from hooks.outputs import offline_cache  # noqa: E402
from hooks.outputs import parallel  # noqa: E402
from hooks.outputs import downloads  # noqa: E402
from hooks.pages import registry as pages, prose  # noqa: E402
from hooks.pages import offer  # noqa: E402
from hooks.pages import description  # noqa: E402
from hooks.pages import not_found  # noqa: E402
from hooks.pages.colophon import colophon_html  # noqa: E402
from hooks.pages.elements import Context  # noqa: E402
from hooks.provenance import Provenance  # noqa: E402
from hooks.template_cache import COMPILED  # noqa: E402
from hooks.urls import Scheme, relative  # noqa: E402

# Theme files the edition never loads: Material's search plugin is off and the edition has its
# own search (assets/search.js), so nothing asks for its worker or its lunr languages
# (1.17 MB). The source maps stay: they are what the theme's scripts name for debugging.
UNUSED_THEME_FILES = ("assets/javascripts/lunr", "assets/javascripts/workers")


@dataclass
class Build:
    edition: Edition
    language: Language
    scheme: Scheme
    derived: Derived
    search_settings: search.Settings
    provenance: Provenance = Provenance()  # version, date, when each text changed

    def context(self, here: str, key: str = "") -> Context:
        return Context(self.edition, self.language, self.scheme, here, self.derived, self.provenance, key)


_build: Build | None = None  # replaced in on_config, once per language build
_derived: dict[int, tuple[Edition, Derived]] = {}  # of the edition loaded once (load.load_edition_once)


def _current() -> Build:
    if _build is None:
        raise PluginError("a4p hooks: on_config did not run")
    return _build


# i18n chooses the build's language in its on_config at priority -100: read it after that.
@event_priority(-110)
def on_config(config):
    global _build
    _build = None
    layout = load.Layout(ROOT / "source")
    try:
        edition = load.load_edition_once(layout)  # once per content, not per language
        # MkDocs follows links in docs/ and copies what they point to; the theme's overrides too
        for folder in ("docs", "overrides"):
            sourcefile.refuse_links(ROOT / folder, Path(folder))
        settings = search.load_settings(layout.root / search.SETTINGS_FILE, edition, layout.shown)
    except SourceError as exc:
        raise PluginError(str(exc)) from None
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: found no 'i18n' plugin; expected plugins: - i18n: with the edition's languages")
    configured = [(lang.locale, bool(lang.default)) for lang in plugin.config.languages]
    config_file = Path(config.config_file_path)
    try:
        load.check_i18n(configured, edition, config_file, layout.shown(config_file))
    except SourceError as exc:
        raise PluginError(str(exc)) from None
    code = config.plugins["i18n"].current_language
    language = edition.language(code)
    config.theme["language"] = code
    config.theme["direction"] = language.dir
    template_cache.list_once(config.theme)  # the theme's files listed once for every language
    if not config.site_url:
        raise PluginError("mkdocs.yml: found no site_url; expected the URL where the edition is published")
    site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    scheme = Scheme(site_url, edition.source.code, config.use_directory_urls)
    if id(edition) not in _derived:
        _derived.clear()
        _derived[id(edition)] = (edition, Derived(edition))
    history = provenance.text_changes(ROOT, tuple(x.code for x in edition.languages))
    _build = Build(edition, language, scheme, _derived[id(edition)][1], settings[code],
                   provenance.from_environment(history))
    strings = edition.strings[code]
    config.site_name = strings["site_name"]
    config.nav = [f"{key}.md" for key in edition.page_keys]
    ctx = _build.context("404.html")
    config.extra["a4p"] = {
        "strings": dict(strings),
        "not_found": not_found.render(ctx),
        "not_found_alternates": not_found.language_links(ctx),
        "search": search.page_config(edition, code),
        "manifest": offline_cache.manifest_path(scheme, code) if scheme.directory_urls else "",  # online only
    }
    return config


def _codes(build: Build) -> tuple[str, ...]:
    return tuple(lang.code for lang in build.edition.languages)


# Before mkdocs-static-i18n (priority -100) picks each page's file for the language: the names
# in docs/ are checked with their language suffixes taken off (hooks/pages/registry.py).
@event_priority(0)
def _check_names(files, config):
    build = _current()
    found = {file.src_uri for file in files.documentation_pages()}
    try:
        pages.check_files(found, build.edition.page_keys, _codes(build))
    except SourceError as exc:
        raise PluginError(str(exc)) from None
    return files


@event_priority(-110)
def _check_chosen_files(files, config):
    """After the plugin: each prose page comes from this language's own file (the plugin would
    fall back to the source language's silently)."""
    build = _current()
    code = build.language.code
    for file in files.documentation_pages():
        key = _key(file.src_uri)
        if pages.is_prose(key) and file.src_uri != pages.docs_name(key, code):
            raise PluginError(f"docs/{pages.docs_name(key, code)}: found {file.src_uri} used for language "
                              f"'{code}'; expected the page's own file in every language")
    return files


def _drop_unused_theme_files(files, config):
    """The theme's files the edition never loads (UNUSED_THEME_FILES) are never copied, in any
    language's build (they were copied six times, then deleted in on_post_build)."""
    unused = tuple(f"{folder}/" for folder in UNUSED_THEME_FILES)
    for file in [file for file in files if file.src_uri.startswith(unused)]:
        files.remove(file)
    return files


def _copy_when_stale(files, config):
    """Static files (the theme's, docs/assets/) go to the same place in every language's build,
    and each build copied them all again (1.6 MB, six times). Each is copied as MkDocs' dirty
    build copies: only when the copy in the site is missing, older than its source or of
    another size. The first build of a run cleans the site, so it copies every one."""
    for file in files:
        if not file.is_documentation_page() and file.abs_src_path:
            file.copy_file = functools.partial(_copy_static, file, file.copy_file)
    return files


def _copy_static(file, copy, dirty: bool = False) -> None:
    target, source = Path(file.abs_dest_path), Path(file.abs_src_path)
    if target.is_file() and target.stat().st_size == source.stat().st_size \
            and target.stat().st_mtime >= source.stat().st_mtime:
        return
    copy(dirty)


on_files = CombinedEvent(_drop_unused_theme_files, _check_names, _check_chosen_files, _copy_when_stale)


def _key(src_uri: str) -> str:
    return pages.key_of(src_uri, _codes(_current()))


def _shown(page) -> Path:
    return pages.DOCS / page.file.src_uri


def on_env(env, config, files):
    """Each language's build has a new Jinja environment: its templates compiled once per process."""
    env.bytecode_cache = COMPILED
    return env


def on_page_markdown(markdown, page, config, files):
    build = _current()
    key = _key(page.file.src_uri)
    page.meta["title"] = build.edition.page_name(build.language.code, key)
    page.meta["description"] = description.description(build.edition, build.language.code, key)
    page.meta.setdefault("hide", []).append("toc")
    # the file as written (MkDocs has taken front matter off ``markdown``): lines as in the file
    try:
        written = sourcefile.read(Path(page.file.abs_src_path), _shown(page), tabs=True)
        pages.check_source(key, written, _shown(page))
    except SourceError as exc:
        raise PluginError(str(exc)) from None
    # a generated page gives Markdown nothing; its body is rendered whole in on_page_content
    return prose.without_comments(markdown) if pages.is_prose(key) else ""


def on_page_content(html, page, config, files):
    build = _current()
    key = _key(page.file.src_uri)
    ctx = build.context(build.scheme.page(build.language.code, key), key)
    if not pages.is_prose(key):
        if html.strip():
            raise PluginError(f"{_shown(page)}: found Markdown output {html.strip()[:60]!r}; expected none "
                              "(the page is rendered from source/)")
        return pages.generated_page(ctx)
    try:
        written = sourcefile.read(Path(page.file.abs_src_path), _shown(page), tabs=True)  # for a message's line
        return pages.prose_page(ctx, html, _shown(page), written)
    except SourceError as exc:
        raise PluginError(str(exc)) from None


def on_page_context(context, page, config, nav):
    build = _current()
    key = _key(page.file.src_uri)
    here = build.scheme.page(build.language.code, key)
    context["a4p_alternates"] = [
        {
            "code": lang.code,
            "name": lang.name,
            "dir": lang.dir,
            "href": relative(here, build.scheme.page(lang.code, key)),
            "current": lang.code == build.language.code,
        }
        for lang in build.edition.languages
    ]
    # <link rel="canonical"> names the online page, in the offline bundle too.
    online = build.scheme.online()
    page.canonical_url = online.canonical(online.page(build.language.code, key))
    page.content += colophon_html(build.context(here), key)  # shown in print only (hooks/pages/colophon.py)
    context["a4p_offer"] = offer.offers(build.edition, build.scheme, build.language.code, key)  # home page
    return context


def on_post_template(output, template_name, config):
    """Each language's 404 page, rendered in its own build, goes to its own folder. MkDocs
    would write every language's to the site root: a translation's is written here, and the
    empty output returned tells MkDocs to write nothing, so the root holds the source
    language's whichever language builds first."""
    build = _current()
    if template_name != "404.html" or build.language.is_source:
        return output
    target = Path(config.site_dir) / build.scheme.prefix(build.language.code) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


def on_post_build(config):
    build = _current()
    pages = redirects.short_links(build.edition, build.language.code, build.scheme)
    # /zh/… aliases are for guessed URLs online; a folder on disk has no such guesses
    if build.language.is_source and build.scheme.directory_urls:
        pages += redirects.source_aliases(build.edition, build.scheme)
    site = Path(config.site_dir)
    for redirect in pages:
        target = site / build.scheme.file_of(redirect.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirects.page_html(redirect, build.scheme), encoding="utf-8")
    _write_search_records(build, site)
    parallel.write(build.edition, build.language.code, build.scheme, site)  # the parallel view's data
    # every language's build writes the same bytes: no build order matters (hooks/outputs/downloads.py)
    downloads.write(site, build.edition, build.scheme.online(), build.provenance)
    if build.scheme.directory_urls:  # online only: sw.js, manifest, offline list (hooks/outputs/offline_cache.py)
        offline_cache.write(site, build.edition, build.language.code, build.scheme, build.search_settings,
                            build.provenance.version or "")
    for unused in UNUSED_THEME_FILES:  # every language's build copies the theme's files again
        shutil.rmtree(site / unused, ignore_errors=True)


def _write_search_records(build: Build, site: Path) -> None:
    """This language's search records (hooks/outputs/search.py), which its pages' search box loads:
    the paragraphs, then the glossary entries."""
    code = build.language.code
    data = search.document(build.edition, code, build.scheme, build.search_settings)
    target = site / search.records_path(code)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(search.script(data), encoding="utf-8")
