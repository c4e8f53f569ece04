"""Serve the built site the way a static host does, at http://127.0.0.1:8000.

    python scripts/serve.py [--root site] [--port 8000]

A missing path gets the 404 page of its language (``/en/…`` → ``en/404.html``, else the
root ``404.html``) with status 404. Hosts that serve only a root ``404.html`` (GitHub Pages)
show the source language's 404 for every missing path; hosts with per-folder 404 pages
(Netlify, nginx ``error_page`` per location) behave as here. No server rules beyond that:
short links and aliases are plain files.

Like a static host, and unlike Python's own file server, it serves nothing outside the site
folder however a path is encoded, answers a path it cannot be a file's (a NUL, a name too
long) with a 404, and lists no folder: a folder without ``index.html`` is a 404. ``site``
may be a link (scripts/build_site.py publishes it so): each request follows it anew.
"""

from __future__ import annotations

import argparse
import errno
import functools
import http.server
import os
import posixpath
import re
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT_IN_USE = 98  # the exit status when the port is taken (EADDRINUSE on Linux)
NAME_MAX = 255  # bytes in one path segment, as on Linux file systems
# a language folder's name (en, pt-br ...); anything else gets the root 404 page
LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", re.I)


def site_path(url_path: str) -> list[str] | None:
    """The segments of the file that ``url_path`` names, decoded; None if the path can
    name no file inside the site (a segment '..', a NUL or other control character, a
    segment too long)."""
    path = urllib.parse.unquote(url_path.split("?", 1)[0].split("#", 1)[0], errors="surrogateescape")
    segments = [s for s in posixpath.normpath("/" + path).split("/") if s and s != "."]
    for segment in segments:
        if segment == ".." or "\\" in segment or any(ord(c) < 0x20 or ord(c) == 0x7F for c in segment):
            return None
        try:
            if len(segment.encode("utf-8")) > NAME_MAX:
                return None
        except UnicodeEncodeError:  # a lone surrogate: bytes that are not UTF-8
            return None
    return segments


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    def _inside(self, segments: list[str]) -> Path | None:
        """The file of ``segments`` if it lies inside the site (links followed)."""
        root = Path(self.directory).resolve()
        try:
            target = root.joinpath(*segments).resolve()
        except (OSError, ValueError):
            return None
        return target if target == root or target.is_relative_to(root) else None

    def translate_path(self, path):
        segments = site_path(path)
        target = self._inside(segments) if segments is not None else None
        if target is None:
            return ""  # names nothing: send_head answers 404
        trailing = "/" if path.split("?", 1)[0].split("#", 1)[0].endswith("/") and segments else ""
        return str(target) + trailing

    def send_head(self):
        path = self.translate_path(self.path)
        if not path:
            self.send_error(404)
            return None
        try:
            return super().send_head()
        except (OSError, ValueError):
            self.send_error(404)
            return None

    # The service worker and the manifests: never kept by the browser's HTTP cache, so that a
    # new version reaches the reader on the next visit (hooks/offline_cache.py).
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json"}

    def end_headers(self):
        if (site_path(getattr(self, "path", "")) or [""])[-1] in ("sw.js", "manifest.webmanifest"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def list_directory(self, path):
        """A folder without an index page: 404, as no static host shows a listing."""
        self.send_error(404)
        return None

    def _not_found_page(self) -> Path | None:
        """The 404 page of the path's language folder, else the site's root 404 page."""
        root = Path(self.directory)
        segments = site_path(self.path) or []
        candidates = []
        if segments and LANGUAGE_FOLDER.fullmatch(segments[0]):
            candidates.append([segments[0], "404.html"])
        candidates.append(["404.html"])
        for candidate in candidates:
            page = self._inside(candidate)
            try:
                if page is not None and page.is_file():
                    return page
            except OSError:
                continue
        return None

    def send_error(self, code, message=None, explain=None):
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        try:
            body = page.read_bytes()
        except OSError:
            return super().send_error(code, message, explain)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if getattr(self.server, "quiet", False):
            return
        super().log_message(format, *args)


class StaticServer(http.server.ThreadingHTTPServer):
    quiet = False

    def handle_error(self, request, client_address):
        # a browser dropping a connection is not an error worth a traceback
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def make_server(root: Path, port: int = 8000, host: str = "127.0.0.1", quiet: bool = False):
    handler = functools.partial(StaticHandler, directory=str(root))
    server = StaticServer((host, port), handler)
    server.quiet = quiet
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"serve: {args.root} is not a built site; build it first with 'make site'", file=sys.stderr)
        return 1
    try:
        server = make_server(args.root, args.port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"serve: port {args.port} is already in use on 127.0.0.1 (another server?); stop it, "
                  "or choose another port with --port N", file=sys.stderr)
            return PORT_IN_USE
        print(f"serve: cannot listen on 127.0.0.1 port {args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Serving {args.root} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
