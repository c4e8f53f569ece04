"""The zip opened from disk runs no script but the edition's own, whatever the prose holds.

From disk there is no CSP: what stands between a prose file and a reader is the check of the
prose (hooks/pages/prose.py on the Markdown, hooks/pages/prose_html.py on the HTML Markdown made of it).

- In a private copy of the repository (every file git lists, as ``make bench`` copies it),
  each way past the old source check is appended to ``docs/index.en.md``: the build
  (``scripts/build_site.py``) and the offline bundle's build (``scripts/offline.py``) both
  refuse it with ``FILE:LINE: found …; expected …`` and leave their output as it was. A failed
  build stops in its second language, so each case is cheap; nothing builds six languages here.
- The real bundle (the session's ``bundle`` fixture): every page's scripts are the edition's
  files or Material's, byte for byte, with no inline script, no ``on…`` attribute and no
  ``javascript:`` URL in any page; and its prose pages opened from ``file://`` in Chromium
  raise no dialog and ask for no script but those.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import material
from hooks.outputs import parallel, search
from hooks.pages import prose, prose_html, registry as pages
from hooks.urls import HOME
from scripts.bench import copy_tree
from tests.browser._support import LANGS, open_tab, prefix
from tests.sourcecopy import line_containing

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"
PROSE_FILE = "docs/index.en.md"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
           GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
LINK = prose.LINK_EXPECTED
EVENTS = prose.EVENTS_EXPECTED

# (case, text appended to docs/index.en.md, the words of the line the message names, found, expected)
BYPASSES = [
    ("attr-list-block", 'A paragraph.\n{: title="}" onclick="alert(1)" }\n', "onclick",
     "the event attribute 'onclick'", EVENTS),
    ("attr-list-inline", '*emphasis*{: title="}" onmouseover="alert(1)" }\n', "onmouseover",
     "the event attribute 'onmouseover'", EVENTS),
    ("reference-in-blockquote", "> [r]: javascript:alert(1)\n\n[click me][r]\n", "[r]: javascript",
     "a javascript: link", LINK),
    ("reference-in-list-item", "- item\n\n    [r]: javascript:alert(1)\n\n[click me][r]\n", "[r]: javascript",
     "a javascript: link", LINK),
    # past the source check, stopped by the check of the HTML
    ("attr-list-word", "*word*{ onload }\n", "{ onload }", "the event attribute 'onload' on <em>", EVENTS),
    ("heading-id-of-a-permalink", "## Para 1\n", "## Para 1", "the id 'para-1' on <h2>",
     prose_html.RESERVED_EXPECTED),
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A private copy of the repository, committed (the offline bundle's version comes from git)."""
    copy = copy_tree(tmp_path_factory.mktemp("prose-safety"))
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run(["git", *args], cwd=copy, check=True, env=ENV, capture_output=True)
    return copy


@pytest.fixture
def prose_file(repo):
    """``docs/index.en.md`` of the copy, put back as it was after the test."""
    path = repo / PROSE_FILE
    original = path.read_text(encoding="utf-8")
    yield path
    path.write_text(original, encoding="utf-8")


def refused(repo: Path, command: list[str], out: Path) -> str:
    """Run a build script of the copy that must fail; return its messages. ``out`` stays absent."""
    result = subprocess.run([sys.executable, *command], cwd=repo, capture_output=True, text=True, env=ENV)
    assert result.returncode != 0, f"{command[0]} published the prose: {result.stdout[-1000:]}"
    assert not out.exists(), f"{out} was written by a failed build"
    return result.stderr


@pytest.mark.parametrize("case,appended,needle,found,expected", BYPASSES, ids=[b[0] for b in BYPASSES])
def test_hostile_prose_stops_the_build_and_the_offline_bundle(repo, prose_file, tmp_path, case, appended, needle,
                                                               found, expected):
    prose_file.write_text(prose_file.read_text(encoding="utf-8") + "\n" + appended, encoding="utf-8")
    line = line_containing(prose_file, needle)
    wanted = f"{PROSE_FILE}:{line}: found {found}; expected {expected}"
    site = refused(repo, ["scripts/build_site.py", "--out", str(tmp_path / "site")], tmp_path / "site")
    assert wanted in site, site[-2000:]
    bundle = refused(repo, ["scripts/offline.py", "--dist", str(tmp_path / "dist")], tmp_path / "dist")
    assert wanted in bundle and "offline: the offline build failed" in bundle, bundle[-2000:]


def test_a_marker_in_a_code_block_stops_the_build_with_its_line(repo, prose_file, tmp_path):
    marker = "<!-- a4p:cite-short -->"
    text = prose_file.read_text(encoding="utf-8")
    assert text.count(marker) == 1, "test setup: the marker once in the file"
    prose_file.write_text(text.replace(marker, f"```\n{marker}\n```"), encoding="utf-8")
    line = line_containing(prose_file, marker)
    stderr = refused(repo, ["scripts/build_site.py", "--out", str(tmp_path / "site")], tmp_path / "site")
    assert (f"{PROSE_FILE}:{line}: found the marker {marker} 0 times after Markdown; expected each marker once, "
            "on a line of its own between paragraphs") in stderr, stderr[-2000:]


class _Scripts(HTMLParser):
    """The scripts, event attributes and script URLs of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []
        self.inline: list[str] = []  # the type of each script without src
        self.events: list[str] = []
        self.script_urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            if values.get("src"):
                self.sources.append(values["src"])
            else:
                self.inline.append(values.get("type") or "text/javascript")
        for name, value in attrs:
            if name.startswith("on"):
                self.events.append(f"<{tag} {name}>")
            plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value or "")).lower()
            if plain.startswith(("javascript:", "vbscript:")):
                self.script_urls.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def own_scripts(folder: Path) -> dict[str, str]:
    """The scripts of the edition in the bundle ``folder``, by path: its own files of
    docs/assets/ and Material's, each the same bytes as its source, and the data the build
    writes (search records, parallel view)."""
    own: dict[str, str] = {}
    for path in folder.rglob("*.js"):
        name = path.relative_to(folder).as_posix()
        for origin in (ROOT / "docs" / name, MATERIAL / name):
            if origin.is_file() and _digest(origin) == _digest(path):
                own[name] = "copied"
    for code in LANGS:
        for name in (search.records_path(code), parallel.data_path(code)):
            if (folder / name).is_file():
                own[name] = "data"
    return own


def test_every_page_of_the_bundle_runs_only_the_editions_scripts(bundle):
    own = own_scripts(bundle.folder)
    assert "assets/a4p.js" in own and any(name.startswith("assets/javascripts/bundle.") for name in own)
    pages_seen = sorted(bundle.folder.rglob("*.html"))
    assert pages_seen
    for page in pages_seen:
        found = _Scripts()
        found.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(bundle.folder).as_posix()
        assert found.events == [], f"{where}: event attributes {found.events}"
        assert found.script_urls == [], f"{where}: script URLs {found.script_urls}"
        assert set(found.inline) <= {"application/json"}, f"{where}: inline scripts of type {found.inline}"
        for src in found.sources:
            target = (page.parent / src.split("?")[0].split("#")[0]).resolve()
            assert target.is_relative_to(bundle.folder.resolve()), f"{where}: a script outside the bundle: {src}"
            name = target.relative_to(bundle.folder.resolve()).as_posix()
            assert own.get(name) == "copied", f"{where}: the script {src} is not one of the edition's files"


@pytest.mark.parametrize("lang", LANGS)
def test_the_prose_pages_opened_from_disk_raise_no_dialog_and_load_only_the_editions_scripts(browser, bundle, lang):
    own = own_scripts(bundle.folder)
    context, tab = open_tab(browser, "file://", viewport={"width": 1280, "height": 800})
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    scripts: list[str] = []
    tab.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    root = bundle.folder.resolve().as_uri() + "/"
    try:
        for key in pages.PROSE:
            name = "index.html" if key == HOME else f"{key}.html"
            tab.goto(root + prefix(lang) + name)
            tab.wait_for_load_state("load")
            events = tab.evaluate("""() => [...document.querySelectorAll('*')].flatMap((e) =>
                [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name))""")
            assert events == [], f"{lang} {key}: event attributes in the page: {events}"
    finally:
        context.close()
    assert dialogs == []
    assert tab.outside.blocked == [], f"requests to other hosts: {tab.outside.blocked}"
    assert scripts, "no script was asked for: the pages did not load"
    strange = [url for url in scripts if not url.startswith(root) or own.get(url[len(root):].split("?")[0]) is None]
    assert strange == [], f"scripts that are not the edition's: {strange}"
