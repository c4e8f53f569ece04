"""scripts/serve.py: a static host's behaviour, confined to the site folder.

A real server on 127.0.0.1, port 0, over a small site made here: a root 404 page, an English
one, a folder with an index page and one without. Beside the site lies a folder the server
must never serve from.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

from scripts import serve

ROOT = Path(__file__).resolve().parent.parent

ROOT_404 = "<!doctype html><title>root 404</title>"
EN_404 = "<!doctype html><title>en 404</title>"
SECRET = "<!doctype html><title>not part of the site</title>"


@pytest.fixture
def tree(tmp_path) -> Path:
    site = tmp_path / "srv" / "site"
    (site / "en" / "protection").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "404.html").write_text(ROOT_404, encoding="utf-8")
    (site / "en" / "404.html").write_text(EN_404, encoding="utf-8")
    (site / "en" / "protection" / "index.html").write_text("<!doctype html><title>page</title>", encoding="utf-8")
    (site / "assets" / "a.css").write_text("p{}", encoding="utf-8")
    other = tmp_path / "srv" / "other"
    (other / "en").mkdir(parents=True)
    (other / "404.html").write_text(SECRET, encoding="utf-8")
    (other / "en" / "404.html").write_text(SECRET, encoding="utf-8")
    (other / "secret.txt").write_text(SECRET, encoding="utf-8")
    return site


@pytest.fixture
def server(tree, capsys):
    httpd = serve.make_server(tree, port=0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    assert "Traceback" not in capsys.readouterr().err


def get(server, path: str, method: str = "GET") -> tuple[int, str]:
    """The status and body of ``path``, sent exactly as given (no client-side normalizing)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_pages_and_the_404_pages_of_each_language(server):
    assert get(server, "/en/protection/")[0] == 200
    assert get(server, "/assets/a.css") == (200, "p{}")
    assert get(server, "/en/nothing/") == (404, EN_404)
    assert get(server, "/nothing/") == (404, ROOT_404)
    assert get(server, "/fr/nothing/") == (404, ROOT_404)


@pytest.mark.parametrize("attack", [
    "/{other}/a",                  # the first segment, decoded, is an absolute path
    "/{other}%2Fen/a",
    "/..%2Fother/a",               # .. hidden in one segment
    "/%2E%2E/other/a",
    "/en/..%2F..%2Fother/a",
    "/{other}%2Fsecret.txt",
    "/..%2Fother%2Fsecret.txt",
    "/%2E%2E%2Fother%2Fsecret.txt",
])
def test_nothing_is_served_from_outside_the_site(server, tree, attack):
    other = urllib.parse.quote(str(tree.parent / "other"), safe="")
    status, body = get(server, attack.format(other=other))
    assert SECRET not in body
    assert status == 404 and body in (ROOT_404, EN_404), (status, body[:200])


@pytest.mark.parametrize("path", ["/%00/x", "/en/%00", "/a%00b/", "/" + "x" * 256 + "/a",
                                  "/en/" + "y" * 300, "/" + "%C3%A9" * 200 + "/"])
def test_odd_paths_get_a_404_not_a_traceback(server, path):
    status, body = get(server, path)
    assert status in (400, 404), (status, body[:200])


def test_a_folder_without_an_index_page_is_not_listed(server):
    status, body = get(server, "/assets/")
    assert status == 404 and body == ROOT_404
    status, body = get(server, "/en/")
    assert status == 404 and body == EN_404


def test_head_of_a_missing_page(server):
    assert get(server, "/en/nothing/", "HEAD") == (404, "")


def test_a_port_in_use_gets_a_message(tree):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(tree),
                                 "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == serve.PORT_IN_USE
    assert "Traceback" not in result.stderr
    assert f"port {port} is already in use" in result.stderr


def test_a_missing_site_gets_a_message(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(tmp_path / "site"),
                             "--port", "0"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "make site" in result.stderr


def test_serves_a_site_that_is_a_link_and_follows_it_when_it_changes(tmp_path, tree):
    """scripts/build_site.py publishes site as a link that each build points anew."""
    second = tmp_path / "second"
    (second / "en").mkdir(parents=True)
    (second / "en" / "404.html").write_text("second en 404", encoding="utf-8")
    (second / "404.html").write_text("second 404", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(tree)
    httpd = serve.make_server(link, port=0, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        assert get(httpd, "/en/protection/")[0] == 200
        temp = tmp_path / "link.new"
        temp.symlink_to(second)
        temp.replace(link)
        assert get(httpd, "/en/missing") == (404, "second en 404")
    finally:
        httpd.shutdown()
        httpd.server_close()
