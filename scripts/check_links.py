"""Check every link of a built site (or the unzipped offline bundle): 0 broken links.

    python scripts/check_links.py [--root site] [--online site]

Plain Python over the files, no server and no network. It follows:

- every ``href`` and ``src`` (and ``srcset``, ``poster``, ``action``, ``data``) of every page;
- the redirect pages' targets: the meta refresh and the redirect script's ``data-target``;
- the URLs our scripts read from the page: a permalink's ``data-local``, the search box's
  ``data-records`` and ``data-engine``, and its ``data-base``, which must be the site root;
- every search record's URL and its stemmer script (``assets/search/{lang}.js``, site paths
  from the root);
- every ``url()`` of a stylesheet, and the URLs of a web manifest (icons, start_url, scope);
- every sitemap entry (``<loc>`` and its alternates);
- every canonical URL (``site_url`` + path, in pages, records, downloads, anything textual):
  resolved in the online site (``--online``; the bundle's permalinks give the online URL);
- every ``#fragment`` of all of these, to an element with that id in the target page
  (``name`` on an ``<a>`` too).

Links to other hosts are not followed (no network); links into the site never leave it. A
link to a folder must end in ``/`` and the folder must hold an ``index.html``.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import posixpath
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import build_site  # noqa: E402

# Attributes that hold one URL, whatever the element (the data-* ones are read by our scripts).
URL_ATTRIBUTES = ("href", "src", "poster", "action", "data", "data-target", "data-local", "data-records",
                  "data-engine", "data-src")
# A page whose script builds its rows: the parallel view (hooks/pages/parallel.py) makes a row
# #para-N for every paragraph of its language's data file, the <option data-src> of its data-lang.
PARALLEL = "data-a4p-parallel"
BASE_ATTRIBUTE = "data-base"  # search.js joins record URLs to it: it must be the site root
REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+?)\s*$", re.I)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)""")
RECORDS = re.compile(r"\]\s*=\s*")  # a data script: (window.a4p.searchData = …)["en"] = {…};
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
TEXT_SUFFIXES = {".html", ".js", ".css", ".json", ".xml", ".csv", ".txt", ".webmanifest", ".svg"}
SKIPPED_SCHEMES = {"mailto", "tel", "data", "blob", "about"}


@dataclass(frozen=True)
class Broken:
    where: str  # file (and line) holding the link, relative to its root
    link: str
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.link} — {self.why}"


class _Page(html.parser.HTMLParser):
    """The ids of a page and its links as (line, attribute, value)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, str]] = []
        self.bases: list[tuple[int, str]] = []
        self.parallel_lang: str | None = None
        self.data_files: dict[str, str] = {}  # language -> data-src of the parallel view

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in URL_ATTRIBUTES:
            value = attributes.get(name)
            if value is not None and not (name == "data" and tag != "object"):
                self.links.append((line, name, value))
        if attributes.get("srcset"):
            for candidate in attributes["srcset"].split(","):
                if candidate.strip():
                    self.links.append((line, "srcset", candidate.split()[0]))
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH.match(attributes.get("content") or "")
            self.links.append((line, "refresh", match.group(1).strip("'\"") if match else ""))
        if PARALLEL in attributes:
            self.parallel_lang = attributes.get("data-lang")
        if tag == "option" and attributes.get("data-src") and attributes.get("value"):
            self.data_files[attributes["value"]] = attributes["data-src"]
        if attributes.get(BASE_ATTRIBUTE) is not None:
            self.bases.append((line, attributes[BASE_ATTRIBUTE]))

    handle_startendtag = handle_starttag


def script_data(file: Path) -> dict:
    """The JSON that a data script assigns: ``(window.x = window.x || {})["en"] = {…};``."""
    text = file.read_text(encoding="utf-8")
    start = RECORDS.search(text)
    if not start:
        return {}
    try:
        data, _ = json.JSONDecoder().raw_decode(text, start.end())
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


@dataclass
class Checker:
    root: Path  # the site or bundle being checked
    site_url: str  # links that start with it are canonical: checked in ``online``
    online: Path | None = None  # the online site (None: ``root`` is it)
    broken: list[Broken] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)  # links followed, by kind
    _pages: dict[Path, _Page] = field(default_factory=dict)

    def page(self, file: Path) -> _Page:
        if file not in self._pages:
            parser = _Page()
            parser.feed(file.read_text(encoding="utf-8"))
            parser.close()
            if parser.parallel_lang in parser.data_files:
                data = file.parent / urllib.parse.unquote(parser.data_files[parser.parallel_lang])
                if data.is_file():
                    sections = script_data(data).get("sections", [])
                    parser.ids |= {f"para-{p['n']}" for section in sections for p in section.get("paragraphs", [])}
            self._pages[file] = parser
        return self._pages[file]

    # -- following one link -------------------------------------------------------------------

    def follow(self, where: str, base_dir: str, link: str, kind: str) -> None:
        """Check ``link`` found at ``where`` in a file whose folder is ``base_dir`` (a site path
        of ``root``, "" for the top)."""
        self.counts[kind] += 1
        link = link.strip()
        if not link:
            self.broken.append(Broken(where, repr(link), f"an empty {kind}"))
            return
        online = self.online or self.root
        if link.startswith(self.site_url):
            target_root, path = online, link[len(self.site_url):]
            self.counts["canonical"] += 1
        else:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme in SKIPPED_SCHEMES:
                return
            if parts.scheme == "javascript":
                self.broken.append(Broken(where, link, "a javascript: link"))
                return
            if parts.scheme or parts.netloc:
                self.counts["other hosts"] += 1
                return
            target_root = self.root
            site_path = urllib.parse.urlsplit(self.site_url).path
            if link.startswith("/"):
                if not link.startswith(site_path):
                    self.broken.append(Broken(where, link, f"outside the site's path {site_path}"))
                    return
                path = link[len(site_path):]
            else:
                path = link if link.startswith("#") else posixpath.join(base_dir, link)
        self.resolve(where, link, target_root, path, same_page=link.startswith("#"), base_dir=base_dir)

    def resolve(self, where: str, link: str, root: Path, path: str, same_page: bool = False,
                base_dir: str = "") -> None:
        parts = urllib.parse.urlsplit(path)
        fragment = urllib.parse.unquote(parts.fragment)
        if same_page:
            file = self.root / where.split(":")[0]
        else:
            target = urllib.parse.unquote(parts.path)
            normal = posixpath.normpath(target) if target else ""
            if normal in (".", ""):
                normal = ""
            if normal == ".." or normal.startswith("../") or normal.startswith("/"):
                self.broken.append(Broken(where, link, "leads outside the site"))
                return
            folder = target.endswith("/") or normal == ""
            file = root / normal / "index.html" if folder else root / normal
            if not folder and file.is_dir():
                self.broken.append(Broken(where, link, "a folder without its closing /"))
                return
            if not file.is_file():
                self.broken.append(Broken(where, link, f"no file {file.relative_to(root).as_posix()}"))
                return
        if fragment and file.suffix == ".html":
            self.counts["fragment"] += 1
            if fragment not in self.page(file).ids:
                self.broken.append(Broken(where, link, f"no id {fragment!r} in {file.relative_to(root).as_posix()}"))

    # -- the kinds of files -------------------------------------------------------------------

    def check_html(self, file: Path) -> None:
        rel = file.relative_to(self.root).as_posix()
        base_dir = posixpath.dirname(rel)
        page = self.page(file)
        for line, attribute, value in page.links:
            self.follow(f"{rel}:{line}", base_dir, value, attribute)
        site_path = urllib.parse.urlsplit(self.site_url).path
        for line, value in page.bases:
            self.counts[BASE_ATTRIBUTE] += 1
            if value.startswith("/"):
                resolved = "." if value.rstrip("/") == site_path.rstrip("/") else value
            else:
                resolved = posixpath.normpath(posixpath.join(base_dir, value or "."))
            if resolved != ".":
                self.broken.append(Broken(f"{rel}:{line}", value, f"{BASE_ATTRIBUTE} leads to {resolved}, not the site root"))

    def check_css(self, file: Path) -> None:
        rel = file.relative_to(self.root).as_posix()
        for match in CSS_URL.finditer(file.read_text(encoding="utf-8")):
            self.follow(rel, posixpath.dirname(rel), next(filter(None, match.groups()), ""), "css url()")

    def check_records(self, file: Path) -> None:
        rel = file.relative_to(self.root).as_posix()
        data = script_data(file)
        if not data:
            self.broken.append(Broken(rel, "", "not a records file: no '…] = {…}'"))
            return
        for record in data.get("records", []):
            self.follow(f"{rel} record {record.get('id')}", "", record.get("url", ""), "search record")
        stemmer = data.get("stemmer") or {}
        if stemmer.get("script"):
            self.follow(f"{rel} stemmer", "", stemmer["script"], "stemmer script")

    def check_manifest(self, file: Path) -> None:
        rel = file.relative_to(self.root).as_posix()
        data = json.loads(file.read_text(encoding="utf-8"))
        links = [data.get("start_url"), data.get("scope")]
        links += [icon.get("src") for icon in data.get("icons", [])]
        links += [item.get("url") for item in data.get("shortcuts", [])]
        for link in filter(None, links):
            self.follow(rel, posixpath.dirname(rel), link, "manifest")

    def check_sitemap(self, file: Path) -> None:
        rel = file.relative_to(self.root).as_posix()
        tree = ET.parse(file)
        for loc in tree.getroot().iterfind("s:url/s:loc", SITEMAP):
            self.follow(rel, "", (loc.text or "").strip(), "sitemap")
        for alternate in tree.getroot().iterfind("s:url/x:link", SITEMAP):
            self.follow(rel, "", alternate.get("href", ""), "sitemap")

    def check_canonical_text(self, file: Path) -> None:
        """Canonical URLs in any other text file (downloads, README.txt, scripts' data)."""
        rel = file.relative_to(self.root).as_posix()
        pattern = re.compile(re.escape(self.site_url) + r"[^\s\"'<>)\\,]*")
        for match in pattern.finditer(file.read_text(encoding="utf-8", errors="replace")):
            self.follow(rel, "", match.group(0), "canonical")

    def run(self) -> list[Broken]:
        for file in sorted(p for p in self.root.rglob("*") if p.is_file()):
            rel = file.relative_to(self.root).as_posix()
            if file.suffix == ".html":
                self.check_html(file)
            elif file.suffix == ".css":
                self.check_css(file)
            elif rel.startswith("assets/search/") and file.suffix == ".js":
                self.check_records(file)
            elif file.suffix == ".webmanifest":
                self.check_manifest(file)
            elif rel == "sitemap.xml":
                self.check_sitemap(file)
            if file.suffix in TEXT_SUFFIXES and file.suffix != ".html" and rel != "sitemap.xml":
                self.check_canonical_text(file)
        return self.broken


def check(root: Path, online: Path | None = None, site_url: str | None = None) -> Checker:
    """Check ``root`` (canonical links in ``online``, default ``root``); read ``.broken``."""
    checker = Checker(root, site_url or build_site.site_url(ROOT / "mkdocs.yml"), online)
    checker.run()
    return checker


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT / "site", help="the built site or unzipped bundle")
    parser.add_argument("--online", type=Path, help="the online site, for canonical URLs (default: --root)")
    args = parser.parse_args(argv)
    for folder in filter(None, (args.root, args.online)):
        if not folder.is_dir():
            print(f"check_links: {folder} is not a folder; build the site first with 'make site'", file=sys.stderr)
            return 1
    checker = check(args.root, args.online)
    for broken in checker.broken:
        print(broken)
    followed = ", ".join(f"{count} {kind}" for kind, count in sorted(checker.counts.items()))
    print(f"{len(checker.broken)} broken links ({followed})", file=sys.stderr)
    return 1 if checker.broken else 0


if __name__ == "__main__":
    sys.exit(main())
