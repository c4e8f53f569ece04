"""deploy/nginx/a4p.conf under Debian's nginx: headers, caching, gzip, MIME types, statuses and
the 404 page of each language, on the built site and on a small made-up site that has every
kind of file the rules name (a service worker, web manifests, CSV, hashed assets) whether or
not the edition has them yet. The Chromium side (0 CSP violations on every page type) is
tests/browser/test_deploy.py.
"""

from __future__ import annotations

import gzip
import html.parser
import http.client
import re
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scripts import build_site
from scripts import nginx_server
from scripts.nginx_server import CONFIG

YEAR = 365 * 24 * 3600
SHORT = 3600  # the most an unhashed file (HTML, our own scripts) may be cached without asking
GZIP_MIN = 256  # the config's gzip_min_length: smaller responses go as they are
# What each extension must be served as (Debian's mime.types lacks the last two).
MIME = {".html": "text/html", ".css": "text/css", ".js": "application/javascript",
        ".json": "application/json", ".svg": "image/svg+xml", ".xml": "text/xml",
        ".csv": "text/csv", ".webmanifest": "application/manifest+json"}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class Response:
    def __init__(self, status: int, headers, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    def text(self) -> str:
        body = gzip.decompress(self.body) if self.headers.get("Content-Encoding") == "gzip" else self.body
        return body.decode("utf-8")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(base: str, path: str, gzip_ok: bool = False) -> Response:
    """One request, redirects not followed."""
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    request = urllib.request.Request(base + urllib.parse.quote(path), headers=headers)
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


def policy(header: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def max_age(cache_control: str) -> int:
    match = re.search(r"max-age=(\d+)", cache_control)
    assert match, f"no max-age in Cache-Control: {cache_control!r}"
    return int(match.group(1))


def html_lang(text: str) -> str:
    match = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", text)
    assert match, "no <html lang>"
    return match.group(1)


# ---- the configuration file itself ----------------------------------------------------------

def config_languages() -> set[str]:
    """The language folders that the config's 404 location lists."""
    match = re.search(r"location ~ \^/\(\?<a4p_lang>([a-z|-]+)\)/", CONFIG.read_text(encoding="utf-8"))
    assert match, f"{CONFIG}: no language 404 location ^/(?<a4p_lang>…)/"
    return set(match.group(1).split("|"))


def test_config_is_one_server_block_with_both_placeholders():
    text = re.sub(r"#.*", "", CONFIG.read_text(encoding="utf-8"))
    top_level, depth = [], 0
    for token in re.findall(r"[{}]|[^{}\s;]+", text):
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            top_level.append(token)
    assert depth == 0, "unbalanced braces"
    assert top_level == ["server"], f"top level of {CONFIG.name}: {top_level}"
    assert "@ROOT@" in text and "@PORT@" in text


def test_config_lists_every_language_folder(edition):
    expected = {language.code for language in edition.languages if not language.is_source}
    assert config_languages() == expected, "the 404 location must list source/languages.yml's folders"


def test_policy_allows_no_inline_script():
    """The policy itself, before any server: scripts only from the site's own files."""
    header = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', CONFIG.read_text(encoding="utf-8"))
    assert header, "no Content-Security-Policy header (with always, for 404 pages too)"
    directives = policy(header.group(1))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    for directive, sources in directives.items():
        assert "'unsafe-eval'" not in sources and "*" not in sources, directive
    assert "'unsafe-inline'" not in directives.get("style-src", []), "Material needs no inline style"
    assert directives["img-src"] == ["'self'", "data:"]
    for directive in ("base-uri", "form-action", "frame-ancestors", "object-src"):
        assert directives[directive] == ["'none'"], directive
    for directive in ("worker-src", "manifest-src", "connect-src"):
        assert directives[directive] == ["'self'"], directive


# ---- a made-up site with one file of every kind the rules name ------------------------------

FAKE_TEXT = "a4p " * 200  # above gzip_min_length


def fake_site(root: Path, codes: list[str], source: str) -> Path:
    files = {
        "index.html": f'<html lang="{source}">{FAKE_TEXT}</html>',
        "404.html": f'<html lang="{source}">not found</html>',
        "sw.js": FAKE_TEXT,
        "app.webmanifest": '{"name": "%s"}' % FAKE_TEXT,
        "en/app.webmanifest": '{"name": "%s"}' % FAKE_TEXT,
        "en/sw.js": FAKE_TEXT,
        "downloads/a4p.csv": "number,text\n" + FAKE_TEXT,
        "downloads/a4p.json": '{"text": "%s"}' % FAKE_TEXT,
        "downloads/a4p.xml": "<akn>%s</akn>" % FAKE_TEXT,
        "assets/a4p.js": FAKE_TEXT,
        "assets/a4p.css": FAKE_TEXT,
        "assets/icon.svg": "<svg>%s</svg>" % FAKE_TEXT,
        "assets/javascripts/bundle.0123abcd.min.js": FAKE_TEXT,
        "assets/stylesheets/main.89abcdef.min.css": FAKE_TEXT,
        "en/assets/javascripts/bundle.0123abcd.min.js": FAKE_TEXT,
        "empty/.keep": "",
        # files a careless upload or checkout leaves in the root: never to be served
        ".env": "SECRET=1",
        ".git/config": "[core]",
        ".git/HEAD": "ref: refs/heads/main",
        ".htpasswd": "admin:x",
        "en/.env": "SECRET=1",
        "en/.git/config": "[core]",
        "assets/.cache/x.js": "SECRET",
        "downloads/.DS_Store": "SECRET",
        ".well-known/.secret": "SECRET",
        # the one dot folder a site may publish (RFC 8615)
        ".well-known/security.txt": "Contact: mailto:a4p@example.org",
    }
    for code in codes:
        files[f"{code}/404.html"] = f'<html lang="{code}">not found</html>'
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    # links out of the site, as a careless upload or a hostile checkout may leave them
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("SECRET", encoding="utf-8")
    for name, target in LINKS_OUT.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(outside / target)
    return root


# path in the site -> what it links to outside the site
LINKS_OUT = {"linked.txt": "secret.txt", "en/linked.txt": "secret.txt", "assets/linked": ".",
             "downloads/linked.csv": "secret.txt"}


@pytest.fixture(scope="module")
def fake(tmp_path_factory, edition):
    """nginx with the config over the made-up site."""
    folder = tmp_path_factory.mktemp("nginx-fake")
    codes = [language.code for language in edition.languages if not language.is_source]
    site = fake_site(folder / "site", codes, edition.source.code)
    with nginx_server.running(site, folder / "nginx") as server:
        yield server.url


@pytest.mark.parametrize("path, expected", [
    ("assets/javascripts/bundle.0123abcd.min.js", "immutable"),
    ("assets/stylesheets/main.89abcdef.min.css", "immutable"),
    ("en/assets/javascripts/bundle.0123abcd.min.js", "immutable"),
    ("sw.js", "no-cache"),
    ("en/sw.js", "no-cache"),
    ("app.webmanifest", "no-cache"),
    ("en/app.webmanifest", "no-cache"),
    ("assets/a4p.js", "short"),
    ("assets/a4p.css", "short"),
    ("downloads/a4p.csv", "short"),
    ("", "short"),
])
def test_cache_control_by_kind(fake, path, expected):
    response = get(fake, path)
    assert response.status == 200
    cache = response.headers["Cache-Control"]
    if expected == "immutable":
        assert max_age(cache) >= YEAR and "immutable" in cache, cache
    elif expected == "no-cache":
        assert re.fullmatch(r"no-cache|no-store", cache), cache
    else:
        assert 0 < max_age(cache) <= SHORT and "immutable" not in cache, cache


@pytest.mark.parametrize("path", ["downloads/a4p.csv", "app.webmanifest", "en/app.webmanifest", "downloads/a4p.json",
                                  "downloads/a4p.xml", "assets/a4p.js", "assets/a4p.css", "assets/icon.svg", ""])
def test_text_types_by_type_and_gzipped(fake, path):
    response = get(fake, path, gzip_ok=True)
    suffix = Path(path).suffix or ".html"
    assert response.headers["Content-Type"].split(";")[0] == MIME[suffix]
    assert response.headers.get("Content-Encoding") == "gzip", path
    assert "Accept-Encoding" in response.headers.get("Vary", "")
    assert response.text().count("a4p") >= FAKE_TEXT.count("a4p")


def test_text_is_utf8(fake):
    """CSV and JavaScript say their charset: a CSV of Chinese opens right in a browser."""
    for path in ("downloads/a4p.csv", "assets/a4p.js", "app.webmanifest"):
        assert get(fake, path).headers["Content-Type"].endswith("charset=utf-8"), path


def test_a_folder_without_index_is_a_404_not_a_403(fake, edition):
    response = get(fake, "empty/")
    assert response.status == 404
    assert html_lang(response.text()) == edition.source.code


# Dot paths: any segment that starts with a dot, at any depth, is answered as a missing file
# (404 with the 404 page of the path's language, not a 403 that says something is there);
# the root /.well-known/ alone is served.
DOT_PATHS = [".env", ".git/config", ".git/HEAD", ".git/", ".git", ".htpasswd", "en/.env", "en/.git/config",
             "assets/.cache/x.js", "downloads/.DS_Store", ".well-known/.secret", "empty/.keep", "fr/.env"]


@pytest.mark.parametrize("path", DOT_PATHS)
def test_dot_paths_are_missing_files(fake, edition, path):
    response = get(fake, path)
    assert response.status == 404, (path, response.status, response.text()[:80])
    language = path.split("/")[0] if path.split("/")[0] in config_languages() else edition.source.code
    assert html_lang(response.text()) == language, path
    assert "SECRET" not in response.text() and "[core]" not in response.text()
    assert_security_headers(response, path)


@pytest.mark.parametrize("raw", ["/%2Eenv", "/%2egit/config", "/en/%2Eenv", "/assets/%2Ecache/x.js",
                                 "/./.env", "/en/../.git/config", "/.well-known/../.env"])
def test_dot_paths_however_encoded(fake, raw):
    """Sent as written (no client-side normalizing): nginx decodes and merges before matching."""
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(fake).hostname, urllib.parse.urlsplit(fake).port,
                                            timeout=10)
    try:
        connection.putrequest("GET", raw, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
    finally:
        connection.close()
    assert response.status in (400, 404), (raw, response.status)
    assert "SECRET" not in body and "[core]" not in body, raw


@pytest.mark.parametrize("path", [*LINKS_OUT, "assets/linked/secret.txt"])
def test_links_out_of_the_site_are_not_followed(fake, path):
    response = get(fake, path)
    assert response.status == 404, (path, response.status)
    assert "SECRET" not in response.text()
    assert_security_headers(response, path)


def test_a_site_root_that_is_itself_a_link_is_served(tmp_path, edition):
    """make site publishes site/ as a link to .site.builds/<id>: the root may be a link."""
    codes = [language.code for language in edition.languages if not language.is_source]
    real = fake_site(tmp_path / "builds" / "one", codes, edition.source.code)
    (tmp_path / "site").symlink_to(real, target_is_directory=True)
    with nginx_server.running(tmp_path / "site", tmp_path / "nginx") as server:
        assert get(server.url, "").status == 200
        assert get(server.url, "en/sw.js").status == 200
        assert get(server.url, "linked.txt").status == 404


def test_well_known_is_served(fake):
    response = get(fake, ".well-known/security.txt")
    assert response.status == 200
    assert response.text() == "Contact: mailto:a4p@example.org"


# ---- the built site ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(tmp_path_factory, built_site):
    """nginx with the config over the session's built site."""
    with nginx_server.running(built_site, tmp_path_factory.mktemp("nginx-site")) as server:
        yield server.url


def sitemap_paths(built_site: Path, site_url: str) -> list[str]:
    tree = ET.parse(built_site / "sitemap.xml")
    locs = [loc.text for loc in tree.getroot().iterfind("s:url/s:loc", SITEMAP_NS)]
    assert locs and all(loc.startswith(site_url) for loc in locs)
    return [loc[len(site_url):] for loc in locs]


def test_every_page_of_the_sitemap_is_200_with_the_headers(served, built_site):
    paths = sitemap_paths(built_site, build_site.site_url(nginx_server.ROOT / "mkdocs.yml"))
    for path in paths:
        response = get(served, path, gzip_ok=True)
        assert response.status == 200, path
        assert response.headers["Content-Type"] == "text/html; charset=utf-8", path
        assert response.headers.get("Content-Encoding") == "gzip", path
        assert_security_headers(response, path)
        cache = response.headers["Cache-Control"]
        assert 0 < max_age(cache) <= SHORT and "immutable" not in cache, (path, cache)


def assert_security_headers(response: Response, what: str) -> None:
    headers = response.headers
    assert headers.get("Content-Security-Policy"), what
    assert policy(headers["Content-Security-Policy"])["script-src"] == ["'self'"], what
    assert headers.get("X-Content-Type-Options") == "nosniff", what
    assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", what
    permissions = headers.get("Permissions-Policy", "")
    assert re.search(r"\bcamera=\(\)", permissions) and re.search(r"\bgeolocation=\(\)", permissions), what


def test_hashed_assets_cache_for_a_year(served, built_site):
    hashed = sorted(built_site.glob("assets/javascripts/*.min.js")) + sorted(built_site.glob("assets/stylesheets/*.min.css"))
    assert len(hashed) >= 2, "Material's bundle and stylesheet"
    for file in hashed:
        assert re.search(r"\.[0-9a-f]{8,}\.min\.(js|css)$", file.name), f"{file.name} has no content hash"
        response = get(served, file.relative_to(built_site).as_posix(), gzip_ok=True)
        assert response.status == 200
        cache = response.headers["Cache-Control"]
        assert max_age(cache) >= YEAR and "immutable" in cache, (file.name, cache)
        assert response.headers.get("Content-Encoding") == "gzip", file.name
        assert_security_headers(response, file.name)


def test_every_kind_of_file_in_the_site_has_its_type_and_gzip(served, built_site):
    """One file of each text type the built site has (CSV, manifests ... once they exist)."""
    seen = set()
    for file in sorted(built_site.rglob("*")):
        if file.suffix not in MIME or file.suffix in seen or not file.is_file() or file.stat().st_size < GZIP_MIN:
            continue
        seen.add(file.suffix)
        path = file.relative_to(built_site).as_posix()
        response = get(served, path, gzip_ok=True)
        assert response.status == 200, path
        assert response.headers["Content-Type"].split(";")[0] == MIME[file.suffix], path
        assert response.headers.get("Content-Encoding") == "gzip", path
    assert {".html", ".css", ".js", ".xml"} <= seen


def test_unhashed_scripts_cache_briefly(served):
    """Our own scripts keep their names across releases: cached no longer than the HTML."""
    for path in ("assets/a4p.js", "assets/search.js", "assets/a4p.css"):
        response = get(served, path)
        assert response.status == 200, path
        cache = response.headers["Cache-Control"]
        assert 0 < max_age(cache) <= SHORT and "immutable" not in cache, (path, cache)


def test_service_worker_and_manifests_are_always_revalidated(served, built_site):
    """The service worker and web manifests the site has (the made-up site tests the rule
    whether or not the edition has them)."""
    for file in sorted(built_site.rglob("sw.js")) + sorted(built_site.rglob("*.webmanifest")):
        path = file.relative_to(built_site).as_posix()
        response = get(served, path)
        assert response.status == 200, path
        assert response.headers["Cache-Control"] == "no-cache", path


def test_a_page_without_its_slash_redirects_relatively(served, edition):
    slug = edition.structure.slugs[0]
    response = get(served, f"en/{slug}")
    assert response.status == 301
    assert response.headers["Location"] == f"/en/{slug}/"


def test_missing_paths_get_their_languages_404(served, built_site, edition):
    """/en/para/25/ is a 404 with the English 404 page; /para/25/ the Chinese one; each language
    its own. The page sent is the built 404 page of that language, byte for byte."""
    beyond = edition.structure.paragraph_count + 1
    for language in edition.languages:
        prefix = "" if language.is_source else f"{language.code}/"
        expected = (built_site / prefix / "404.html").read_text(encoding="utf-8")
        for path in (f"{prefix}para/{beyond}/", f"{prefix}no-such-page", f"{prefix}para/"):
            response = get(served, path, gzip_ok=True)
            assert response.status == 404, path
            assert html_lang(response.text()) == language.code, path
            assert response.text() == expected, path
            assert_security_headers(response, path)
    response = get(served, "xx/para/1/")  # not a language folder: the source language's page
    assert response.status == 404 and html_lang(response.text()) == edition.source.code


def test_short_link_pages_are_served(served, edition):
    response = get(served, "en/para/1/")
    assert response.status == 200
    assert 'http-equiv="refresh"' in response.text()


# ---- no inline script anywhere: what the policy needs of the pages ------------------------------

class InlineCode(html.parser.HTMLParser):
    """Inline scripts (a <script> without src but the data blocks of :data:`DATA`), event
    handler attributes, javascript: links and style attributes or elements: what the policy
    would block."""

    # the data blocks the pages hold, which no browser runs: Material's __config and the
    # JSON-LD (hooks/pages/head_meta.py); any other type counts as a script
    DATA = {"application/json", "application/ld+json"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").strip().lower() not in self.DATA:
            self.found.append(f"inline <script> at line {self.getpos()[0]}")
        if tag == "style":
            self.found.append(f"<style> at line {self.getpos()[0]}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}> at line {self.getpos()[0]}")
            if name == "style":
                self.found.append(f"style= on <{tag}> at line {self.getpos()[0]}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{name}=javascript: on <{tag}> at line {self.getpos()[0]}")


def inline_code(root: Path) -> dict[str, list[str]]:
    found = {}
    for file in sorted(root.rglob("*.html")):
        parser = InlineCode()
        parser.feed(file.read_text(encoding="utf-8"))
        if parser.found:
            found[file.relative_to(root).as_posix()] = parser.found
    return found


def test_inline_code_is_found():
    parser = InlineCode()
    parser.feed('<script>x()</script><script type="application/json">{}</script><script src="a.js"></script>'
                '<script type="application/ld+json">{}</script><script type="text/x-other">x()</script>'
                '<a href="JavaScript:x()" onclick="y()" style="color:red">a</a>')
    assert parser.found == ["inline <script> at line 1", "inline <script> at line 1",
                            "href=javascript: on <a> at line 1", "onclick= on <a> at line 1",
                            "style= on <a> at line 1"]


def test_no_page_has_inline_code(built_site):
    """Every page of the built site: nothing the Content-Security-Policy would block."""
    found = inline_code(built_site)
    assert found == {}, f"{len(found)} pages with inline code, e.g. {next(iter(found.items()))}"
