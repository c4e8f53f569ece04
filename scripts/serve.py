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
may be a link (scripts/build_site.py publishes it so): each request follows it anew; a link
inside the site that leads out of it is a 404.

As deploy/nginx/a4p.conf does:
- a path with a segment that starts with a dot (``.git/config``, ``.env``, ``en/.env``) is a
  missing file, 404 with its language's 404 page; the root ``/.well-known/`` alone is served;
- a folder without its final slash is redirected to the path with it, always a path of this
  site (``/\\evil.com/..`` goes to ``/``, never to ``/\\evil.com/``, which a browser reads as
  another host);
- ``Range``: one byte range is answered with 206 and ``Content-Range``, one that starts past
  the end with 416; several ranges, or a malformed or stale (``If-Range``) one, get the whole
  file with 200, as HTTP allows;
- many readers at once: a thread per request and a listen queue of 1024.
"""

from __future__ import annotations

import argparse
import datetime
import email.utils
import errno
import functools
import http.server
import os
import posixpath
import re
import stat
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT_IN_USE = 98  # the exit status when the port is taken (EADDRINUSE on Linux)
NAME_MAX = 255  # bytes in one path segment, as on Linux file systems
# a language folder's name (en, pt-br ...); anything else gets the root 404 page
LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", re.I)
WELL_KNOWN = ".well-known"  # the one dot folder served, at the root (RFC 8615)
BACKLOG = 1024  # connections waiting to be accepted (the kernel caps it at net.core.somaxconn)
# One byte range, "bytes=FIRST-[LAST]" or "bytes=-SUFFIX" (the unit in any case, RFC 9110)
SINGLE_RANGE = re.compile(r"bytes=(?:(\d+)-(\d*)|-(\d+))", re.I | re.ASCII)
UNSATISFIABLE = "unsatisfiable"


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


def hidden(segments: list[str], url_path: str) -> bool:
    """Whether the path names a dot file or folder (``.git``, ``en/.env``): every one but
    the root ``/.well-known/`` and what lies in it."""
    dotted = [i for i, segment in enumerate(segments) if segment.startswith(".")]
    if dotted == [0] and segments[0] == WELL_KNOWN:
        return len(segments) == 1 and not url_path.split("?", 1)[0].split("#", 1)[0].endswith("/")
    return bool(dotted)


def folder_url(segments: list[str], query: str) -> str:
    """The path of the folder ``segments`` with its final slash (and ``query``): always one
    "/" first, each segment percent-encoded (a backslash too), so never another host."""
    path = "/" + "".join(urllib.parse.quote(segment, safe="") + "/" for segment in segments)
    return path + ("?" + query if query else "")


def _number(digits: str) -> int:
    return int(digits) if len(digits) <= 18 else 10 ** 18  # longer: beyond any file


def byte_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """The byte range that a ``Range`` header asks of a file of ``size`` bytes: (first,
    last), both included; UNSATISFIABLE (416); or None, the whole file (no header, several
    ranges, another unit, a malformed one: HTTP lets a server ignore them)."""
    match = SINGLE_RANGE.fullmatch(header or "")
    if match is None:
        return None
    first, last, suffix = match.groups()
    if suffix is not None:
        length = _number(suffix)
        return (max(size - length, 0), size - 1) if length > 0 and size > 0 else UNSATISFIABLE
    start = _number(first)
    if last and _number(last) < start:
        return None  # invalid, not unsatisfiable
    if start >= size:
        return UNSATISFIABLE
    return start, min(_number(last), size - 1) if last else size - 1


class _Slice:
    """The part of an open file to send: ``length`` bytes from where it stands."""

    def __init__(self, file, length: int):
        self.file = file
        self.left = length

    def read(self, size: int = -1) -> bytes:
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self.file.read(size) if size > 0 else b""
        self.left -= len(data)
        return data

    def close(self) -> None:
        self.file.close()


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    def _inside(self, segments: list[str]) -> Path | None:
        """The file of ``segments`` if it lies inside the site (links followed)."""
        root = Path(self.directory).resolve()
        try:
            target = root.joinpath(*segments).resolve()
        except (OSError, ValueError):
            return None
        return target if target == root or target.is_relative_to(root) else None

    def _target(self, path: str) -> tuple[list[str], Path] | None:
        """The segments of ``path`` and the file or folder they name inside the site, or None
        (outside it, a dot path, no name of a file)."""
        segments = site_path(path)
        if segments is None or hidden(segments, path):
            return None
        target = self._inside(segments)
        return None if target is None else (segments, target)

    def translate_path(self, path):
        """The site's file of ``path``, or "" when it names none (confined as send_head is)."""
        found = self._target(path)
        return "" if found is None else str(found[1])

    def send_head(self):
        """The headers of the file asked for (a 404, a redirect to the folder's path with its
        slash, a 304, a 206 or 416 for a byte range); the open file to send, or None."""
        found = self._target(self.path)
        if found is None:
            self.send_error(404)
            return None
        segments, target = found
        url_path = urllib.parse.urlsplit(self.path).path
        try:
            if target.is_dir():
                if not url_path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", folder_url(segments, urllib.parse.urlsplit(self.path).query))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                target = self._inside([*segments, "index.html"])
            elif url_path.endswith("/"):
                target = None  # a file is not a folder
            file = open(target, "rb") if target is not None else None
        except (OSError, ValueError):
            file = None
        if file is None:
            self.send_error(404)
            return None
        try:
            return self._send_file(file, target)
        except BaseException:
            file.close()
            raise

    def _send_file(self, file, target: Path):
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):  # a pipe, a device: nothing a site holds
            file.close()
            self.send_error(404)
            return None
        modified = self.date_time_string(status.st_mtime)
        if self._not_modified(status.st_mtime):
            self.send_response(304)
            self.end_headers()
            file.close()
            return None
        size = status.st_size
        if_range = self.headers.get("If-Range")
        span = byte_range(self.headers.get("Range"), size) if if_range in (None, modified) else None
        if span == UNSATISFIABLE:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            file.close()
            return None
        self.send_response(200 if span is None else 206)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Last-Modified", modified)
        self.send_header("Accept-Ranges", "bytes")
        if span is None:
            self.send_header("Content-Length", str(size))
            self.end_headers()
            return file
        first, last = span
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.end_headers()
        file.seek(first)
        return _Slice(file, last - first + 1)

    def _not_modified(self, mtime: float) -> bool:
        """If-Modified-Since (without If-None-Match) is no older than the file."""
        if "If-Modified-Since" not in self.headers or "If-None-Match" in self.headers:
            return False
        try:
            since = email.utils.parsedate_to_datetime(self.headers["If-Modified-Since"])
        except (TypeError, IndexError, OverflowError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=datetime.timezone.utc)
        modified = datetime.datetime.fromtimestamp(mtime, datetime.timezone.utc).replace(microsecond=0)
        return modified <= since

    # The service worker and the manifests: never kept by the browser's HTTP cache, so that a
    # new version reaches the reader on the next visit (hooks/outputs/offline_cache.py).
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json"}

    def end_headers(self):
        if (site_path(getattr(self, "path", "")) or [""])[-1] in ("sw.js", "manifest.webmanifest"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def list_directory(self, path):
        """Never a listing, as no static host shows one (send_head asks for none)."""
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
    """A thread per request, and room for many connections waiting to be accepted (the
    standard library's queue of 5 dropped readers when a page and its assets came at once)."""

    quiet = False
    request_queue_size = BACKLOG

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
    parser.add_argument("--port", type=int, default=8000, help="0: any free port (the line printed names it)")
    parser.add_argument("--quiet", action="store_true", help="no line per request")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"serve: {args.root} is not a built site; build it first with 'make site'", file=sys.stderr)
        return 1
    try:
        server = make_server(args.root, args.port, quiet=args.quiet)
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
