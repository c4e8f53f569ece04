"""scripts/preview.py (make serve): an edited source rebuilds and the open page reloads; a
missing path gets its language's 404 page; 127.0.0.1 only. On a private copy of the sources."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts import processes
from scripts.bench import copy_tree
from tests.browser._support import ROOT, open_tab

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, process, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the preview stopped: {process.stdout.read()}")
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)  # the first build is still running
    pytest.fail(f"the preview did not answer {url} within {timeout} s")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The preview of a private copy of the edition: (base URL, the copy)."""
    copy = tmp_path_factory.mktemp("preview")
    copy_tree(copy)  # every file of the repository: pages read more than source/ (the changelog, tool versions)
    port = _free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "preview.py"), "--port", str(port),
                                "--config", str(copy / "mkdocs.yml")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(base, process)
        yield base, copy
    finally:
        processes.stop(process, grace=20)


def test_an_edited_paragraph_rebuilds_and_the_open_page_reloads(browser, preview):
    base, copy = preview
    context, tab = open_tab(browser, base)
    try:
        tab.goto(base + "en/preamble/")
        before = tab.locator("#para-1").inner_text()
        assert "PREVIEWED" not in before
        tab.evaluate("() => { window.__notReloaded = true; }")
        text = copy / "source" / "text" / "en.txt"
        content = text.read_text(encoding="utf-8")
        assert content.count("\n1. We, the Member States") == 1
        text.write_text(content.replace("\n1. We, the Member States", "\n1. We, PREVIEWED, the Member States"),
                        encoding="utf-8")
        # the page reloads by itself (no goto here): the new words appear, the old page is gone
        tab.wait_for_function("() => !window.__notReloaded && document.querySelector('#para-1') && "
                              "document.querySelector('#para-1').textContent.includes('PREVIEWED')", timeout=120000)
    finally:
        context.close()


@pytest.mark.parametrize("path, lang", [("en/para/99/", "en"), ("fr/nothing/", "fr"), ("nothing/", "zh")])
def test_a_missing_path_gets_its_languages_404_page(preview, path, lang):
    base, _ = preview
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(base + path, timeout=30)
    assert info.value.code == 404
    body = info.value.read().decode("utf-8")
    assert f'<html lang="{lang}"' in body


def test_only_on_127_0_0_1(preview):
    base, _ = preview
    port = int(base.rsplit(":", 1)[1].strip("/"))
    # the listening sockets of the machine (Linux /proc/net/tcp{,6}: local address, state 0A)
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:
                listening.append(address)
    assert listening == ["0100007F"], f"the preview listens on {listening}, not 127.0.0.1 only"
