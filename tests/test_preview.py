"""scripts/preview.py without a browser (tests/browser/test_preview.py runs it): how often it
looks for edits."""

from __future__ import annotations

from mkdocs.livereload import LiveReloadServer

from scripts import preview


def test_the_preview_looks_for_edits_more_often_than_mkdocs(tmp_path):
    server = preview.PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    plain = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        assert server.observer.timeout == preview.POLLING_INTERVAL < plain.observer.timeout
    finally:
        server.server_close()
        plain.server_close()
