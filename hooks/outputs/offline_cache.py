"""Keep it on a phone: the web app manifest, the service worker and what it keeps offline.

Plain Python, no MkDocs. For the online site only (the offline bundle, opened from
``file://``, has no service worker): hooks/outputs/files.py writes these after each
language's build.

- :func:`language_list`: ``assets/offline/{lang}.json``, every file that language's edition
  needs to be read with the network off: its pages, its 404 page, its short links (and, for
  the source language, its ``/zh/…`` aliases), the files those pages load (theme CSS and JS,
  the edition's own, the favicon), its search records, search engine and stemmer, its text
  for the parallel view, its manifest and the icons. Nothing of another language. The
  browser script (``assets/a4p-sw-register.js``) reads the control's strings from it too.
- :func:`manifest`: ``{prefix}manifest.webmanifest`` per language, its name, ``lang`` and
  ``dir`` from the language's strings, starting at the language's home.
- :func:`fallback_html`: ``assets/offline/{lang}.html``, what the worker shows offline for a
  page that was never kept.
- :func:`worker_script`: ``sw.js`` at the site root: ``hooks/offline_worker.js`` behind one
  line of settings, whose version (``extra.release.version``) names the worker's cache, so a
  new version replaces the old copy on the reader's next visit.
"""

from __future__ import annotations

import html.parser
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from hooks.edition.model import Edition
from hooks.outputs import parallel, redirects, search
from hooks.urls import HOME, Scheme, relative

WORKER = "sw.js"  # at the site root: its scope is the whole site
# The worker's code, at the top of hooks/: the test tools' TypeScript and ESLint configurations
# (tests/tools/) check it there.
WORKER_SOURCE = Path(__file__).resolve().parents[1] / "offline_worker.js"
REGISTER_SCRIPT = "assets/a4p-sw-register.js"  # docs/assets/a4p-sw-register.js
LIST_DIR = "assets/offline"
MANIFEST = "manifest.webmanifest"
ICON_DIR = "assets/icons"  # docs/assets/icons, made by scripts/icons.py
# (file, sizes, purpose) of the manifest's icons
ICONS = (("a4p.svg", "any", "any"), ("a4p-192.png", "192x192", "any"), ("a4p-512.png", "512x512", "any"),
         ("a4p-maskable-512.png", "512x512", "maskable"))
THEME_COLOR = "#546d78"  # the header's colour (palette primary "blue grey")
BACKGROUND_COLOR = "#ffffff"
CACHE_PREFIX = "a4p-offline-"
UNVERSIONED = "unversioned"  # the cache's version when the build has no version label (no git)
STRING_PREFIX = "phone."
# <link rel> values whose href a page loads by itself
LOADED_LINKS = {"stylesheet", "icon", "manifest", "preload", "modulepreload", "apple-touch-icon"}


def list_path(code: str) -> str:
    return f"{LIST_DIR}/{code}.json"


def fallback_path(code: str) -> str:
    return f"{LIST_DIR}/{code}.html"


def manifest_path(scheme: Scheme, code: str) -> str:
    return f"{scheme.prefix(code)}{MANIFEST}"


def icon_paths() -> list[str]:
    return [f"{ICON_DIR}/{name}" for name, _, _ in ICONS]


def pages(edition: Edition, code: str, scheme: Scheme) -> list[str]:
    """Site paths of every HTML page of language ``code``: the pages, the 404 page, the short
    links and (source language) the ``/zh/…`` aliases."""
    found = [scheme.page(code, key) for key in edition.page_keys]
    found.append(f"{scheme.prefix(code)}404.html")
    found += [r.path for r in redirects.short_links(edition, code, scheme)]
    if edition.language(code).is_source:
        found += [r.path for r in redirects.source_aliases(edition, scheme)]
    return found


LATER = "data-a4p-later"  # assets/a4p-load.js's groups of the scripts it loads after the page's words


class _Loads(html.parser.HTMLParser):
    """The URLs a page loads by itself: scripts (and those a script loads after the page's words,
    listed in its :data:`LATER`), stylesheets, icons, the manifest, images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "script" and a.get(LATER):
            self.urls += [str(url) for group in json.loads(a[LATER]) for url in group]
        elif tag == "link" and a.get("href") and LOADED_LINKS & set((a.get("rel") or "").lower().split()):
            self.urls.append(a["href"])


# One token of a page, as the HTML tokenizer sees it: a comment, a doctype or other markup
# declaration, an end tag, or a start tag whose quoted attribute values may hold any of < > ' ".
# Only the start tags of script, link and img matter; script and style bodies are raw text,
# skipped to their end tag. A page has tens of thousands of tags (every marked term is one):
# html.parser over every one of them took a second of a six-language build.
_TOKEN = re.compile(r"""<!--.*?-->|<![^>]*>|</[^>]*>|<([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.S)
_RAW_TEXT = {"script": re.compile(r"</script[\s/>]", re.I), "style": re.compile(r"</style[\s/>]", re.I)}
_LOADING = {"script", "link", "img"}


def loaded_urls(page_html: str) -> list[str]:
    """The URLs the page ``page_html`` loads by itself, in document order: each start tag of
    script, link and img, found by :data:`_TOKEN`, is read on its own by html.parser
    (:class:`_Loads`; one parser per tag, as a script's start tag turns a parser to raw text)."""
    urls: list[str] = []
    position = 0
    while (match := _TOKEN.search(page_html, position)) is not None:
        position = match.end()
        tag = (match.group(1) or "").lower()
        if tag in _LOADING:
            parser = _Loads()
            parser.feed(match.group(0))
            urls += parser.urls
        if tag in _RAW_TEXT:  # its body is text up to its end tag, whatever it holds
            end = _RAW_TEXT[tag].search(page_html, position)
            position = end.start() if end else len(page_html)
    return urls


def _site_path(ref: str, page: str, site_root: str) -> str | None:
    """The site path a page at ``page`` loads as ``ref``; None for another host or data."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):  # root-relative, as in 404 pages: the site's own root
        if not parts.path.startswith(site_root):
            return None
        return parts.path[len(site_root):]
    folder = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    joined = posixpath.normpath(posixpath.join(folder, parts.path))
    return None if joined.startswith("..") else joined


def loaded_files(site: Path, page_paths: list[str], scheme: Scheme) -> set[str]:
    """Site paths of the files the built pages at ``page_paths`` load."""
    site_root = urlsplit(scheme.site_url).path or "/"
    found: set[str] = set()
    for page in page_paths:
        for ref in loaded_urls((site / scheme.file_of(page)).read_text(encoding="utf-8")):
            path = _site_path(ref, page, site_root)
            if path:
                found.add(path)
    return found


def search_files(code: str, settings: search.Settings) -> list[str]:
    """The search box's files for language ``code``, which its script loads when asked."""
    files = [search.ENGINE, search.records_path(code)]
    if settings.stemmer is not None and settings.stemmer.script:
        files.append(settings.stemmer.script)
    return files


def language_list(edition: Edition, code: str, scheme: Scheme, site: Path, settings: search.Settings,
                  version: str) -> dict:
    """``assets/offline/{code}.json``: what the worker keeps for language ``code``."""
    page_paths = pages(edition, code, scheme)
    files = set(page_paths) | loaded_files(site, page_paths, scheme) | set(search_files(code, settings))
    files |= {manifest_path(scheme, code), fallback_path(code), REGISTER_SCRIPT, *icon_paths()}
    files.add(parallel.data_path(code))  # the parallel view's text of this language (hooks/outputs/parallel.py)
    return {
        "lang": code,
        "version": version,
        "files": sorted(files),
        "strings": edition.strings[code].section(STRING_PREFIX),
        "languages": [{"code": lang.code, "name": lang.name, "dir": lang.dir} for lang in edition.languages],
    }


def manifest(edition: Edition, code: str, scheme: Scheme) -> dict:
    """The web app manifest of language ``code``; its URLs relative to the manifest."""
    language = edition.language(code)
    strings = edition.strings[code]
    here = manifest_path(scheme, code)
    home = relative(here, scheme.page(code, HOME))
    return {
        "name": strings["site_name"],
        "short_name": strings["phone.short_name"],
        "lang": code,
        "dir": language.dir,
        "id": home,
        "start_url": home,
        "scope": home,
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{"src": relative(here, f"{ICON_DIR}/{name}"), "sizes": sizes, "purpose": purpose,
                   "type": "image/svg+xml" if name.endswith(".svg") else "image/png"}
                  for name, sizes, purpose in ICONS],
    }


def fallback_html(edition: Edition, code: str, scheme: Scheme) -> str:
    """The page the worker shows, offline, for a page it never kept: in language ``code`` (a
    language the reader keeps), with a link to that language's home."""
    language = edition.language(code)
    strings = edition.strings[code]
    root = ET.Element("html", {"lang": code, "dir": language.dir})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    ET.SubElement(head, "meta", {"name": "viewport", "content": "width=device-width,initial-scale=1"})
    ET.SubElement(head, "meta", {"name": "robots", "content": "noindex"})
    ET.SubElement(head, "link", {"rel": "icon", "href": "data:,"})
    ET.SubElement(head, "title").text = strings["phone.unavailable_title"]
    body = ET.SubElement(root, "body", {"data-a4p-offline-fallback": code})
    ET.SubElement(body, "h1").text = strings["phone.unavailable_title"]
    ET.SubElement(body, "p").text = strings["phone.unavailable"]
    site_root = urlsplit(scheme.site_url).path or "/"
    home = site_root + scheme.page(code, HOME)
    ET.SubElement(ET.SubElement(body, "p"), "a", {"href": home}).text = strings["nav.home"]
    return "<!doctype html>\n" + ET.tostring(root, encoding="unicode", method="html") + "\n"


def worker_settings(edition: Edition, scheme: Scheme, version: str) -> dict:
    label = version or UNVERSIONED
    return {
        "version": label,
        "cache": CACHE_PREFIX + label,
        "cachePrefix": CACHE_PREFIX,
        "source": edition.source.code,
        "languages": {lang.code: {"prefix": scheme.prefix(lang.code), "list": list_path(lang.code),
                                  "fallback": fallback_path(lang.code)}
                      for lang in edition.languages},
    }


def worker_script(edition: Edition, scheme: Scheme, version: str) -> str:
    """``sw.js``: its settings, then the worker's code (hooks/offline_worker.js)."""
    settings = json.dumps(worker_settings(edition, scheme, version), ensure_ascii=False, sort_keys=True)
    return (f"/* The edition's service worker, generated by hooks/outputs/offline_cache.py. */\n"
            f"self.A4P_OFFLINE = {settings};\n" + WORKER_SOURCE.read_text(encoding="utf-8"))


def write(site: Path, edition: Edition, code: str, scheme: Scheme, settings: search.Settings,
          version: str) -> None:
    """Write language ``code``'s list, manifest and fallback page, and ``sw.js`` (the same
    bytes from every language's build)."""
    outputs = {
        list_path(code): json.dumps(language_list(edition, code, scheme, site, settings, version),
                                    ensure_ascii=False, indent=1) + "\n",
        manifest_path(scheme, code): json.dumps(manifest(edition, code, scheme), ensure_ascii=False, indent=1) + "\n",
        fallback_path(code): fallback_html(edition, code, scheme),
        WORKER: worker_script(edition, scheme, version),
    }
    for path, text in outputs.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
