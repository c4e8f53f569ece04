"""scripts/serve.py: a static host's behaviour, confined to the site folder.

A real server on 127.0.0.1, port 0, over a small site made here: a root 404 page, an English
one, a folder with an index page and one without. Beside the site lies a folder the server
must never serve from.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import socket
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from scripts import processes, serve
from tests.conftest import SERVING

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
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    assert "Traceback" not in capsys.readouterr().err


def request(server, path: str, method: str = "GET", timeout: float = 10,
            **headers: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    """The status, headers and body of ``path``, sent exactly as given (no client-side
    normalizing), with ``headers`` (If_Range for If-Range)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=timeout)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name.replace("_", "-"), value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def get(server, path: str, method: str = "GET") -> tuple[int, str]:
    """The status and body of ``path``, sent exactly as given (no client-side normalizing)."""
    status, _, body = request(server, path, method)
    return status, body.decode("utf-8", "replace")


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


@pytest.mark.parametrize("quiet", [False, True], ids=["logged", "quiet"])
def test_port_0_takes_a_free_port_and_names_it(tree, quiet):
    """What the tests' site_server relies on: the first line names the address; --quiet logs
    no request (a line per request would otherwise go to stderr)."""
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(tree),
                                "--port", "0", *(["--quiet"] if quiet else [])],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        started = SERVING.match(process.stdout.readline())
        assert started, "the first line names no address"
        base = started.group(1)
        assert not base.endswith(":0/")
        with urllib.request.urlopen(base + "en/protection/") as response:
            assert response.status == 200
    finally:
        processes.stop(process)
    log = process.stderr.read()
    assert ("GET /en/protection/ " in log) is not quiet, log


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


# ---- dot paths, links out of the site ------------------------------------------------------

@pytest.fixture
def dotted(tree) -> Path:
    """Files a careless upload leaves in the site, and the one dot folder a site may publish."""
    for name in (".env", ".git/config", "en/.env", "en/.git/config", "assets/.cache/x.js", ".well-known/.secret"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(SECRET, encoding="utf-8")
    (tree / ".well-known" / "security.txt").write_text("Contact: mailto:a4p@example.org", encoding="utf-8")
    return tree


@pytest.mark.parametrize("path, page", [
    ("/.env", ROOT_404), ("/.git/config", ROOT_404), ("/.git", ROOT_404), ("/.git/", ROOT_404),
    ("/en/.env", EN_404), ("/en/.git/config", EN_404), ("/assets/.cache/x.js", ROOT_404),
    ("/.well-known/.secret", ROOT_404), ("/%2Eenv", ROOT_404), ("/en/%2egit/config", EN_404),
    ("/./.env", ROOT_404), ("/en/../.env", ROOT_404), ("/.well-known/../.git/config", ROOT_404),
])
def test_dot_paths_are_missing_files(server, dotted, path, page):
    """As nginx does: 404 with the 404 page of the path's language, not a 403."""
    assert get(server, path) == (404, page)


def test_well_known_is_served(server, dotted):
    assert get(server, "/.well-known/security.txt") == (200, "Contact: mailto:a4p@example.org")


def test_a_link_out_of_the_site_is_not_followed(server, tree):
    """A link inside the site to a file or folder outside it: a 404, as if it were not there."""
    (tree / "escape.txt").symlink_to(tree.parent / "other" / "secret.txt")
    (tree / "en" / "elsewhere").symlink_to(tree.parent / "other")
    (tree / "inside.css").symlink_to(tree / "assets" / "a.css")  # a link within the site is followed
    assert get(server, "/escape.txt") == (404, ROOT_404)
    assert get(server, "/en/elsewhere/secret.txt") == (404, EN_404)
    assert get(server, "/en/elsewhere/404.html") == (404, EN_404)
    assert get(server, "/inside.css") == (200, "p{}")


# ---- redirects: always to a path of this site ------------------------------------------------

@pytest.mark.parametrize("path, location", [
    ("/en/protection", "/en/protection/"),
    ("/en/protection?a=zh&b=en", "/en/protection/?a=zh&b=en"),
    ("/\\evil.com/..", "/"),
    ("/\\\\evil.com/../en/protection", "/en/protection/"),
    ("/%5Cevil.com/..", "/"),
    ("/%5C%5Cevil.com/..", "/"),
    ("//evil.com/..", "/"),
    ("/%2F%2Fevil.com/..", "/"),
    ("/%2F/evil.com/../en/protection", "/en/protection/"),
    ("/en/protection/..\\..\\evil.com/..", "/en/protection/"),
    ("/en/..%5C..%5Cevil.com/../protection", "/en/protection/"),
])
def test_a_redirect_stays_on_the_site(server, path, location):
    status, headers, _ = request(server, path)
    if status == 404:  # a path that names nothing (a folder /en/ with no index page) is not redirected
        assert headers["Location"] is None
        return
    assert status == 301, (path, status)
    assert headers["Location"] == location, path
    assert urllib.parse.urljoin("http://127.0.0.1:8000/a/", headers["Location"]).startswith("http://127.0.0.1:8000/")


# ---- byte ranges ----------------------------------------------------------------------------

DATA = bytes(range(256)) * 4  # 1024 bytes, every byte value


@pytest.fixture
def ranged(tree) -> Path:
    (tree / "data.bin").write_bytes(DATA)
    (tree / "empty.txt").write_bytes(b"")
    return tree


@pytest.mark.parametrize("header, first, last", [
    ("bytes=0-3", 0, 3), ("bytes=1000-", 1000, 1023), ("bytes=-24", 1000, 1023), ("bytes=10-10", 10, 10),
    ("bytes=1020-5000", 1020, 1023), ("bytes=-5000", 0, 1023), ("BYTES=0-0", 0, 0),
])
def test_a_single_range_is_answered_with_206(server, ranged, header, first, last):
    status, headers, body = request(server, "/data.bin", Range=header)
    assert status == 206, header
    assert headers["Content-Range"] == f"bytes {first}-{last}/{len(DATA)}"
    assert int(headers["Content-Length"]) == last - first + 1
    assert body == DATA[first:last + 1]


@pytest.mark.parametrize("path, header", [("/data.bin", "bytes=1024-"), ("/data.bin", "bytes=5000-6000"),
                                          ("/data.bin", "bytes=-0"), ("/data.bin", "bytes=" + "9" * 400 + "-"),
                                          ("/empty.txt", "bytes=0-"), ("/empty.txt", "bytes=-1")])
def test_an_unsatisfiable_range_is_416(server, ranged, path, header):
    status, headers, _ = request(server, path, Range=header)
    assert status == 416, header
    assert headers["Content-Range"] == f"bytes */{(ranged / path.lstrip('/')).stat().st_size}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "bytes=3-1", "bytes=abc", "items=0-1", "bytes=", "bytes=-",
                                    "bytes=1-2-3", "bytes=0x1-2", "bytes = 5-9", "bytes=5-9,"])
def test_several_or_malformed_ranges_get_the_whole_file(server, ranged, header):
    status, headers, body = request(server, "/data.bin", Range=header)
    assert (status, body) == (200, DATA), header
    assert headers["Content-Range"] is None


def test_ranges_say_they_are_accepted_and_if_range_is_kept(server, ranged):
    status, headers, _ = request(server, "/data.bin")
    assert status == 200 and headers["Accept-Ranges"] == "bytes"
    modified = headers["Last-Modified"]
    assert request(server, "/data.bin", Range="bytes=0-1", If_Range=modified)[0] == 206
    assert request(server, "/data.bin", Range="bytes=0-1", If_Range="Thu, 01 Jan 1970 00:00:00 GMT")[2] == DATA
    assert request(server, "/data.bin", Range="bytes=0-1", If_Range='"an-etag"')[2] == DATA


def test_a_range_of_a_head_request_and_of_a_missing_page(server, ranged):
    status, headers, body = request(server, "/data.bin", "HEAD", Range="bytes=0-9")
    assert (status, headers["Content-Range"], headers["Content-Length"], body) == (206, "bytes 0-9/1024", "10", b"")
    status, _, body = request(server, "/en/nothing/", Range="bytes=0-3")
    assert (status, body.decode()) == (404, EN_404)


# ---- many readers at once ---------------------------------------------------------------------

CONCURRENT = 200  # as many requests at once as a page with its assets, a few times over


def test_many_requests_at_once_are_all_answered(server):
    """CONCURRENT clients connect at the same moment (a barrier) and each asks once: every one
    gets its page. The listen queue must hold them all; no timing is asserted beyond each
    request's generous time-out."""
    barrier = threading.Barrier(CONCURRENT)

    def one(_):
        barrier.wait(timeout=60)
        try:
            return request(server, "/en/protection/", timeout=20)[0]
        except OSError as exc:
            return repr(exc)

    with concurrent.futures.ThreadPoolExecutor(max_workers=CONCURRENT) as pool:
        statuses = list(pool.map(one, range(CONCURRENT)))
    failed = [status for status in statuses if status != 200]
    assert failed == [], f"{len(failed)} of {CONCURRENT} not answered: {sorted(set(map(str, failed)))}"
