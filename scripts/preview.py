"""The preview with live reload (make serve): build every language, serve at
http://127.0.0.1:8000, and on every edit of source/, docs/, overrides/ or mkdocs.yml build
again and reload the open pages.

    python scripts/preview.py [--port 8000]

It is ``mkdocs serve`` (its live-reload server and watcher) with two changes: source/ and
overrides/ are watched too, and a missing path gets the 404 page of its language with status
404, as scripts/serve.py and the nginx configuration serve it (``/en/para/99/`` → the
English 404), where ``mkdocs serve`` would show the source language's for every path. It
listens on 127.0.0.1 only. The rebuild loads the sources once for the six languages
(hooks/edition/load.py). To serve a finished build as a host does, use scripts/serve.py.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import socket
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.commands import serve as mkdocs_serve  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402

from scripts import serve  # noqa: E402

HOST = "127.0.0.1"
WATCHED = ("source", "overrides")  # besides docs/ and mkdocs.yml, which MkDocs watches
POLLING_INTERVAL = 0.1  # seconds; the watched folders hold about a hundred files: a cheap look
_request = threading.local()  # the path of the request being answered, for its 404 page


def not_found_page(root: Path, url_path: str) -> bytes | None:
    """The 404 page of ``url_path``'s language folder, else the site's root 404 page."""
    segments = serve.site_path(url_path) or []
    candidates = [[segments[0], "404.html"]] if segments and serve.LANGUAGE_FOLDER.fullmatch(segments[0]) else []
    for candidate in candidates + [["404.html"]]:
        page = root.joinpath(*candidate)
        if page.is_file():
            return page.read_bytes()
    return None


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, answering a missing path with its language's 404 page, and
    looking for edits every :data:`POLLING_INTERVAL` seconds (MkDocs looks every 0.5 s: on
    average a quarter of a second between saving a file and the rebuild's start)."""

    def __init__(self, *args, polling_interval: float = None, **kwargs):
        super().__init__(*args, polling_interval=polling_interval or POLLING_INTERVAL, **kwargs)

    def serve_request(self, environ, start_response):
        _request.path = environ.get("PATH_INFO", "/")
        return super().serve_request(environ, start_response)

    @property
    def error_handler(self):
        def page(code: int) -> bytes | None:
            return not_found_page(Path(self.root), getattr(_request, "path", "/")) if code == 404 else None
        return page

    @error_handler.setter
    def error_handler(self, value):  # mkdocs serve sets its own (the root 404 for every path)
        pass


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            return exc.errno != errno.EADDRINUSE
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    if not port_free(args.port):
        print(f"preview: port {args.port} is already in use on {HOST} (another server?); stop it, "
              "or choose another port with --port N", file=sys.stderr)
        return serve.PORT_IN_USE
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = logging.StreamHandler()  # MkDocs' messages, as its command line shows them
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    mkdocs_serve.LiveReloadServer = PreviewServer  # what mkdocs serve builds its server from
    root = args.config.resolve().parent
    try:
        mkdocs_serve.serve(config_file=str(args.config), livereload=True,
                           watch=[str(root / name) for name in WATCHED], dev_addr=f"{HOST}:{args.port}")
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # a source error at the first build: MkDocs has said what it is
        if exc.__class__.__name__ in ("Abort", "BuildError", "PluginError", "ConfigurationError"):
            print(f"preview: {exc}", file=sys.stderr)
            return 1
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
