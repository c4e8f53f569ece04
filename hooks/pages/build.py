"""One language's build: what MkDocs' events ask of the edition and its pages.

mkdocs-static-i18n builds every language in one process, one after the other; ``hooks/main.py``
makes one :class:`Build` in each language's ``on_config`` (:meth:`Build.start`) and hands every
later event of that build to it. The edition is loaded once per content of ``source/``
(:func:`hooks.edition.load.load_edition_once`), and what is derived from it once per edition.

A page is named by its key (a slug of ``source/structure.yml`` or a key of ``hooks/urls.py``);
its file in ``docs/`` is ``src_uri`` (as MkDocs names it), shown in messages under ``docs/``.
Plain Python, no MkDocs: a problem is a :class:`hooks.errors.SourceError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hooks import provenance as provenances
from hooks.edition import load, sourcefile
from hooks.edition.crosslinks import Derived
from hooks.edition.model import Edition, Language
from hooks.errors import SourceError
from hooks.outputs import files, offline_cache, search
from hooks.outputs.pdf import PdfError
from hooks.pages import colophon, description, head_meta, not_found, offer, prose, registry
from hooks.pages.elements import Context
from hooks.provenance import Provenance
from hooks.urls import Scheme, relative

REPOSITORY = Path(__file__).resolve().parents[2]  # holds source/, docs/ and overrides/
CONFIG_SHOWN = Path("mkdocs.yml")  # as the messages about MkDocs' configuration name it
NOT_FOUND = "404.html"  # the site path the 404 page is rendered for

PROBLEMS = (SourceError, PdfError)  # what stops a build with one line: a source, or a machine without the PDFs' needs
_derived: dict[int, tuple[Edition, Derived]] = {}  # of the edition loaded once, by its id


@dataclass(frozen=True)
class Settings:
    """What a language's build sets in MkDocs' configuration (:meth:`Build.settings`)."""

    theme: dict[str, str]
    """The theme's ``language`` and ``direction``."""
    site_name: str
    nav: list[str]
    """Every page's file of ``docs/``, in page order."""
    extra: dict
    """``extra.a4p``, what the theme's templates read (:meth:`Build.extra`)."""


@dataclass(frozen=True)
class Frame:
    """What a page's frame takes from the edition (:meth:`Build.frame`)."""

    context: dict
    """The template's variables: ``a4p_alternates``, ``a4p_offer``, ``a4p_head``, ``a4p_scripts``."""
    canonical: str
    """The online URL, the offline bundle's pages included."""
    colophon: str
    """The printed colophon, after the page's body (shown in print only)."""


@dataclass(frozen=True)
class Build:
    """One language's build: the edition, its language and URL scheme, and what is derived once."""

    edition: Edition
    language: Language
    scheme: Scheme
    derived: Derived  # glossary usage, related paragraphs and matchers, once per edition
    search_settings: search.Settings
    provenance: Provenance = Provenance()  # version, date, when each text changed

    @classmethod
    def start(cls, config_file: Path, languages: list[tuple[str, bool]] | None, code: str, site_url: str | None,
              directory_urls: bool, root: Path = REPOSITORY) -> Build:
        """The build of language ``code``: the sources loaded and checked, and the i18n plugin's
        ``languages`` (``(locale, default)`` in ``config_file``'s order; None without the
        plugin) checked against them, with the URL scheme of ``site_url``."""
        layout = load.Layout(root / "source")
        edition = load.load_edition_once(layout)  # once per content, not per language
        # MkDocs follows links in docs/ and copies what they point to; the theme's overrides too
        for folder in ("docs", "overrides"):
            sourcefile.refuse_links(root / folder, Path(folder))
        settings = search.load_settings(layout.root / search.SETTINGS_FILE, edition, layout.shown)
        if languages is None:
            raise SourceError(CONFIG_SHOWN, None, "no 'i18n' plugin", "plugins: - i18n: with the edition's languages")
        load.check_i18n(languages, edition, config_file, layout.shown(config_file))
        if not site_url:
            raise SourceError(CONFIG_SHOWN, None, "no site_url", "the URL where the edition is published")
        scheme = Scheme(site_url if site_url.endswith("/") else site_url + "/", edition.source.code, directory_urls)
        if id(edition) not in _derived:
            _derived.clear()
            _derived[id(edition)] = (edition, Derived(edition))
        history = provenances.text_changes(root, tuple(x.code for x in edition.languages))
        return cls(edition, edition.language(code), scheme, _derived[id(edition)][1], settings[code],
                   provenances.from_environment(history))

    @property
    def codes(self) -> tuple[str, ...]:
        """The edition's language codes, the source language first."""
        return tuple(lang.code for lang in self.edition.languages)

    def context(self, key: str) -> Context:
        """What the fragments of page ``key`` of this language are rendered in."""
        return Context(self.edition, self.language, self.scheme, self.scheme.page(self.language.code, key),
                       self.derived, self.provenance, key)

    def key(self, src_uri: str) -> str:
        """The page key of a file of ``docs/`` (``about.en.md`` → ``about``)."""
        return registry.key_of(src_uri, self.codes)

    def settings(self) -> Settings:
        """What this language's build sets in MkDocs' configuration."""
        code = self.language.code
        return Settings({"language": code, "direction": self.language.dir},
                        self.edition.strings[code]["site_name"], self.nav(), self.extra())

    def page_meta(self, src_uri: str, meta: dict) -> dict:
        """Page ``src_uri``'s meta: its title and description (:meth:`meta`), no table of contents."""
        return {**meta, **self.meta(self.key(src_uri)), "hide": [*meta.get("hide", []), "toc"]}

    def frame(self, src_uri: str) -> Frame:
        """What page ``src_uri``'s frame says: language switch, offer, head, own scripts, online
        URL, printed colophon."""
        key = self.key(src_uri)
        return Frame({"a4p_alternates": self.alternates(key), "a4p_offer": self.offer(key),
                      "a4p_head": self.head(key), "a4p_scripts": self.scripts(key)},
                     self.canonical(key), self.colophon(key))

    def not_found_output(self, site: Path, template: str, output: str) -> str:
        """What MkDocs writes of ``template``: a translation's 404 page goes to its own folder
        instead (MkDocs would write every language's to the site root), and nothing to the root,
        which keeps the source language's, whichever language builds first."""
        if template != NOT_FOUND or self.language.is_source:
            return output
        files.write_not_found(site, self.scheme, self.language.code, output)
        return ""

    def write(self, site: Path) -> None:
        """The files beside this language's pages (:mod:`hooks.outputs.files`)."""
        files.write(site, self.edition, self.language.code, self.scheme, self.search_settings, self.provenance)

    def nav(self) -> list[str]:
        """The navigation: every page's file of ``docs/``, in page order."""
        return [f"{key}.md" for key in self.edition.page_keys]

    def extra(self) -> dict:
        """What the theme's templates read from ``extra.a4p``: the interface strings, the 404
        page and its language switch, the search box, the web app manifest (online only)."""
        code = self.language.code
        ctx = Context(self.edition, self.language, self.scheme, NOT_FOUND, self.derived, self.provenance)
        return {
            "strings": dict(self.edition.strings[code]),
            "not_found": not_found.render(ctx),
            "not_found_alternates": not_found.language_links(ctx),
            "search": search.page_config(self.edition, code, self.search_settings),
            "manifest": offline_cache.manifest_path(self.scheme, code) if self.scheme.directory_urls else "",
        }

    def check_files(self, src_uris: set[str]) -> None:
        """``docs/`` holds exactly the pages' files (before mkdocs-static-i18n chooses each
        page's file for the language: names with their language suffixes)."""
        registry.check_files(src_uris, self.edition.page_keys, self.codes)

    def check_chosen(self, src_uris: list[str]) -> None:
        """After mkdocs-static-i18n chose: each prose page comes from this language's own file
        (the plugin would fall back to the source language's silently)."""
        code = self.language.code
        for src_uri in src_uris:
            key = self.key(src_uri)
            if registry.is_prose(key) and src_uri != registry.docs_name(key, code):
                raise SourceError(registry.DOCS / registry.docs_name(key, code), None,
                                  f"{src_uri} used for language '{code}'", "the page's own file in every language")

    def meta(self, key: str) -> dict[str, str]:
        """The page's title and description (``<meta name="description">``)."""
        code = self.language.code
        return {"title": self.edition.page_name(code, key),
                "description": description.description(self.edition, code, key)}

    def markdown(self, src_uri: str, file: Path, markdown: str) -> str:
        """What Markdown reads of page ``src_uri`` (``markdown``, front matter taken off; its
        ``file``, as written, is checked first): a prose page without its comments, nothing
        of a generated page (its body is rendered whole in :meth:`content`)."""
        key, shown = self.key(src_uri), registry.DOCS / src_uri
        registry.check_source(key, sourcefile.read(file, shown, tabs=True), shown)
        return prose.without_comments(markdown) if registry.is_prose(key) else ""

    def content(self, src_uri: str, file: Path, html: str) -> str:
        """The page's body: a generated page rendered from the model (Markdown gave nothing),
        or the HTML Markdown made of the prose in ``file``, checked, with its parts."""
        key, shown = self.key(src_uri), registry.DOCS / src_uri
        if not registry.is_prose(key):
            if html.strip():
                raise SourceError(shown, None, f"Markdown output {html.strip()[:60]!r}",
                                  "none (the page is rendered from source/)")
            return registry.generated_page(self.context(key))
        written = sourcefile.read(file, shown, tabs=True)  # for a message's line
        return registry.prose_page(self.context(key), html, shown, written)

    def alternates(self, key: str) -> list[dict]:
        """The language switch: page ``key`` in every language, a relative link from here."""
        here = self.scheme.page(self.language.code, key)
        return [{"code": lang.code, "name": lang.name, "dir": lang.dir,
                 "href": relative(here, self.scheme.page(lang.code, key)), "current": lang.code == self.language.code}
                for lang in self.edition.languages]

    def canonical(self, key: str) -> str:
        """The online URL of page ``key`` (``<link rel="canonical">``, in the offline bundle too)."""
        online = self.scheme.online()
        return online.canonical(online.page(self.language.code, key))

    def colophon(self, key: str) -> str:
        """The printed colophon that ends page ``key`` (shown in print only)."""
        return colophon.colophon_html(self.context(key), key)

    def head(self, key: str) -> dict:
        """What page ``key``'s head says of it (:mod:`hooks.pages.head_meta`): its ``<meta>``
        tags and its JSON-LD ("" for none)."""
        ctx = self.context(key)
        return {"tags": [{"key": tag.key, "content": tag.content, "property": tag.property}
                         for tag in head_meta.tags(ctx, key)],
                "json_ld": head_meta.json_ld(ctx, key)}

    def scripts(self, key: str) -> list[str]:
        """The URLs, from page ``key``, of the scripts it has of its own (:func:`registry.scripts`)."""
        ctx = self.context(key)
        return [ctx.link(path) for path in registry.scripts(key)]

    def offer(self, key: str) -> str:
        """The offer to read in another language (the source language's home page only)."""
        return offer.offers(self.edition, self.scheme, self.language.code, key)
