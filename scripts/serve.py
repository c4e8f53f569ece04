"""Serve the built site the way a static host does, at http://127.0.0.1:8000.

    python scripts/serve.py [--root site] [--port 8000]

A missing path gets the 404 page of its language (``/en/…`` → ``en/404.html``, else the
root ``404.html``) with status 404. Hosts that serve only a root ``404.html`` (GitHub Pages)
show the source language's 404 for every missing path; hosts with per-folder 404 pages
(Netlify, nginx ``error_page`` per location) behave as here. No server rules beyond that:
short links and aliases are plain files.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        first = urllib.parse.unquote(self.path.split("?", 1)[0].lstrip("/").split("/", 1)[0])
        page = root / first / "404.html"
        if not first or first.startswith(".") or "\\" in first or not page.is_file():
            page = root / "404.html"
        if not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
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
        if self.quiet and isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
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
    server = make_server(args.root, args.port)
    print(f"Serving {args.root} at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
