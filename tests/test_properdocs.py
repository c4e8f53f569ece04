"""The escape route from MkDocs: the edition built with ProperDocs, compared with its MkDocs build.

ProperDocs, a fork of MkDocs 1.6.1, lives in a virtual environment of its own,
``.venv-properdocs``, which ``make test`` makes from ``requirements-properdocs.txt``. Both
builds read one snapshot of the work tree (so that an edit made meanwhile cannot pass for a
difference), with the same ``A4P_VERSION``, ``A4P_BUILD_DATE`` and ``SOURCE_DATE_EPOCH``;
the ProperDocs tree must be the MkDocs tree file by file, but for each page's generator
``<meta>``, which names ProperDocs. What it shows, and why: ``docs/decisions/properdocs.md``.

The tests that build are marked ``properdocs`` (``make test`` runs them; a quick loop may
leave them out with ``-m "not properdocs"``). The comparison itself (``tests/sitecompare.py``)
and the checks of the set-up are tested here on small trees, unmarked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import release as releases
from tests import sourcecopy
from tests.sitecompare import Comparison, Swap, compare

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-properdocs"
PINS = ROOT / "requirements-properdocs.txt"
MKDOCS = Path(sys.executable).parent / "mkdocs"  # the edition's own venv's, beside this Python
RELEASE = releases.Release("v0.0-compare", 1767312000)  # any fixed version and time: 2026-01-02
BUILD_TIMEOUT = 1200  # seconds: a build takes seconds to a minute or two; this only stops a hang
GENERATOR = b'<meta name="generator" content="mkdocs-'  # overrides/base.html: mkdocs-{{ mkdocs_version }}, …
TIMING = "INFO    -  Documentation built in N seconds"  # a line of log(), below
# The installed version of every distribution, printed by the venv's own Python.
VERSIONS = ("import importlib.metadata as m, json; "
            "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503: Jinja2, jinja2 and jinja_2 are one


def pins(path: Path) -> dict[str, str]:
    """The ``name==version`` lines of a requirements file, by normalized name."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            found[_name(name)] = version
    return found


def venv_problem(venv: Path, pinned: dict[str, str]) -> str | None:
    """Why ``venv`` cannot build the edition with ProperDocs as pinned, or None."""
    if not (venv / "bin" / "properdocs").is_file():
        return f"{venv.name}/bin/properdocs is missing: run make test (it makes {venv.name} from {PINS.name})"
    listing = subprocess.run([venv / "bin" / "python", "-c", VERSIONS], capture_output=True, text=True, timeout=120)
    if listing.returncode != 0:
        return f"{venv.name}/bin/python cannot list its packages ({listing.stderr.strip()[-300:]}): run make test"
    installed = {_name(name): version for name, version in json.loads(listing.stdout).items()}
    wrong = [f"{name} {installed.get(name, 'missing')} (pinned {version})"
             for name, version in pinned.items() if installed.get(name) != version]
    if wrong:
        return f"{venv.name} is not as {PINS.name} pins it: {', '.join(wrong)}: run make test"
    return None


def generator_swap(pinned: dict[str, str]) -> Swap:
    """The generator ``<meta>`` of a page: MkDocs' version in the first tree, ProperDocs' in the second."""
    return Swap(GENERATOR + f"{pinned['mkdocs']}, ".encode(),
                GENERATOR + f"ProperDocs {pinned['properdocs']}, ".encode())


def _skipped(folder: str, names: list[str]) -> set[str]:
    """What the snapshot leaves out: what builds, tests and set-up leave behind (not .git: the
    About page asks git when each language's text last changed)."""
    skip = {n for n in names if n in ("node_modules", "__pycache__")}
    if Path(folder) == ROOT:
        skip |= {n for n in names if (n.startswith(".") and n != ".git") or n in ("site", "dist", "test-output")}
    return skip


def snapshot(to: Path) -> Path:
    """A copy of the work tree as it is now, links kept as links."""
    return Path(shutil.copytree(ROOT, to, symlinks=True, ignore=_skipped))


def build(command: Path, repo: Path, out: Path) -> subprocess.CompletedProcess:
    """``command build --strict -f mkdocs.yml`` in ``repo`` into ``out``, as released by RELEASE."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **releases.environment(RELEASE))
    return subprocess.run([str(command), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT)


def log(result: subprocess.CompletedProcess, out: Path) -> list[str]:
    """A build's log with its site folder and its times taken out."""
    text = result.stderr.replace(str(out), "SITE")
    return re.sub(r"built in [\d.]+ seconds", "built in N seconds", text).splitlines()


@dataclass
class Builds:
    """The two builds of one snapshot, or why there are none."""

    problem: str | None  # why ProperDocs could not run; then nothing was built
    repo: Path
    mkdocs: Path
    properdocs: Path
    results: dict[str, subprocess.CompletedProcess]

    def sites(self) -> tuple[Path, Path]:
        """The two built trees, MkDocs' then ProperDocs'; the test fails when either could not be built."""
        if self.problem:
            pytest.fail(self.problem, pytrace=False)
        for name, result in self.results.items():
            assert result.returncode == 0, \
                f"the {name} build failed (status {result.returncode}):\n{result.stderr[-3000:]}"
        return self.mkdocs, self.properdocs


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    """The snapshot built once with MkDocs and once with ProperDocs (not at all when the venv is not ready)."""
    where = tmp_path_factory.mktemp("properdocs")
    repo = snapshot(where / "repo")
    problem = venv_problem(VENV, pins(PINS))
    found = Builds(problem, repo, where / "mkdocs-site", where / "properdocs-site", {})
    if problem is None:
        found.results["MkDocs"] = build(MKDOCS, repo, found.mkdocs)
        found.results["ProperDocs"] = build(VENV / "bin" / "properdocs", repo, found.properdocs)
    return found


# --- The edition under ProperDocs ---

@pytest.mark.properdocs
def test_properdocs_builds_the_mkdocs_site_but_for_the_generator(builds):
    mkdocs_site, properdocs_site = builds.sites()
    swap = generator_swap(pins(PINS))
    result = compare(mkdocs_site, properdocs_site, (swap,))
    assert result.differences == []
    naming_mkdocs = sorted(p.relative_to(mkdocs_site).as_posix() for p in mkdocs_site.rglob("*")
                           if p.is_file() and swap.old in p.read_bytes())
    assert naming_mkdocs, "no page names MkDocs as its generator: the expected difference is gone; see the record"
    assert result.swapped == naming_mkdocs  # every page that named MkDocs names ProperDocs, and only that changed
    # The one difference of the logs: mkdocs-static-i18n silences "Documentation built in" while it
    # builds the other languages by a filter on the logger "mkdocs.commands.build"; ProperDocs'
    # is "properdocs.commands.build", so its log tells the time of each language's build too.
    mkdocs_log = log(builds.results["MkDocs"], mkdocs_site)
    properdocs_log = log(builds.results["ProperDocs"], properdocs_site)
    assert mkdocs_log[-1] == properdocs_log[-1] == TIMING
    assert [line for line in properdocs_log if line != TIMING] == [line for line in mkdocs_log if line != TIMING]


@pytest.mark.properdocs
def test_a_difference_planted_in_the_properdocs_site_is_found(builds, tmp_path):
    mkdocs_site, properdocs_site = builds.sites()
    planted = Path(shutil.copytree(properdocs_site, tmp_path / "site", symlinks=True))
    page = planted / "politics" / "index.html"
    lines = page.read_bytes().split(b"\n")
    changed = next(n for n, text in enumerate(lines) if b'id="para-' in text)
    lines[changed] = lines[changed].replace(b'id="para-', b'id="parb-', 1)  # one byte
    page.write_bytes(b"\n".join(lines))
    other = planted / "en" / "index.html"  # its generator now names "ProperDocs 0…" instead
    other.write_bytes(other.read_bytes().replace(b"ProperDocs ", b"ProperDocs 0", 1))
    (planted / "extra.txt").write_text("planted\n", encoding="utf-8")
    differences = compare(mkdocs_site, planted, (generator_swap(pins(PINS)),)).differences
    assert [d.split(": ", 1)[0] for d in differences] == ["en/index.html", "extra.txt", "politics/index.html"]
    assert differences[1] == "extra.txt: only in the second (file)"
    assert differences[2].startswith(f"politics/index.html: line {changed + 1}: found ")


def _plant(repo: Path, fault: str) -> str:
    """Break ``repo`` as ``fault`` says; the line the build must stop with."""
    if fault == "structure":  # hooks.main.on_config: a SourceError, told as MkDocs' PluginError
        structure = repo / "source" / "structure.yml"
        line = sourcecopy.line(structure, "  - slug: politics")
        sourcecopy.edit(structure, "  - slug: politics\n", "  - slug: Politics\n")
        return (f"ERROR   -  source/structure.yml:{line}: found slug 'Politics'; "
                "expected lower-case ASCII words joined by hyphens")
    if fault == "stub":  # hooks.main.on_page_markdown, while a page is read
        (repo / "docs" / "politics.md").write_text("A4P-BODY-PLACEHOLDER\n", encoding="utf-8")
        return ("ERROR   -  docs/politics.md:1: found 'A4P-BODY-PLACEHOLDER'; expected only the line "
                "<!-- a4p:generated --> (this page is rendered from source/)")
    with (repo / "docs" / "about.en.md").open("a", encoding="utf-8") as prose:  # a warning, fatal when strict
        prose.write("\nSee [the missing page](missing.md).\n")
    return ("WARNING -  Doc file 'about.en.md' contains a link 'missing.md', but the target is not found among "
            "documentation files.")


@pytest.mark.properdocs
@pytest.mark.parametrize("fault", ["structure", "stub", "strict"])
def test_a_broken_source_stops_properdocs_with_the_message_mkdocs_gives(builds, fault, tmp_path):
    builds.sites()  # the venv is ready and the edition builds
    repo = Path(shutil.copytree(builds.repo, tmp_path / "repo", symlinks=True))
    message = _plant(repo, fault)
    logs = {}
    for name, command in (("MkDocs", MKDOCS), ("ProperDocs", VENV / "bin" / "properdocs")):
        result = build(command, repo, tmp_path / name)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
        logs[name] = log(result, tmp_path / name)
    assert message in logs["ProperDocs"]
    assert logs["ProperDocs"] == logs["MkDocs"]


# --- The set-up: the venv and its pins ---

def test_a_missing_venv_says_run_make_test(tmp_path):
    assert venv_problem(tmp_path / ".venv-properdocs", pins(PINS)) == (
        ".venv-properdocs/bin/properdocs is missing: run make test (it makes .venv-properdocs from "
        "requirements-properdocs.txt)")


def test_a_venv_not_as_pinned_says_what_differs_and_run_make_test(tmp_path):
    venv = tmp_path / ".venv-properdocs"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "properdocs").write_text("", encoding="utf-8")
    python = venv / "bin" / "python"  # stands in for the venv's Python: the versions it would list
    python.write_text("#!/bin/sh\necho '{\"ProperDocs\": \"1.6.6\", \"MkDocs\": \"1.6.1\"}'\n", encoding="utf-8")
    python.chmod(0o755)
    pinned = {"properdocs": "1.6.7", "mkdocs": "1.6.1", "mkdocs-material": "9.8.1"}
    assert venv_problem(venv, pinned) == (".venv-properdocs is not as requirements-properdocs.txt pins it: "
                                          "properdocs 1.6.6 (pinned 1.6.7), mkdocs-material missing (pinned 9.8.1): "
                                          "run make test")


def test_the_properdocs_pins_are_the_edition_s_pins():
    ours = pins(PINS)
    assert {"properdocs", "mkdocs", "mkdocs-material", "mkdocs-static-i18n"} <= ours.keys()
    for other in sorted(ROOT.glob("requirements*.txt")):
        if other != PINS:
            theirs = pins(other)
            assert {n: v for n, v in ours.items() if theirs.get(n, v) != v} == {}, f"{PINS.name} against {other.name}"


# --- The comparison, on small trees ---

def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for path, content in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(content)
    return root


PAGE = b'<html>\n<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">\n<p>text</p>\n</html>\n'
GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00"  # a gzip header: bytes that are not UTF-8
SWAP = Swap(b"mkdocs-1.6.1, ", b"mkdocs-ProperDocs 1.6.7, ")


def _pair(tmp_path: Path, second: dict[str, bytes] | None = None) -> tuple[Path, Path]:
    first = {"index.html": PAGE, "assets/a.js": b"let a;\n", "sitemap.xml.gz": GZIP + b"\x00"}
    return _tree(tmp_path / "a", first), _tree(tmp_path / "b", first if second is None else second)


def test_identical_trees_compare_equal(tmp_path):
    assert compare(*_pair(tmp_path)) == Comparison([], [])


def test_a_swap_made_in_every_page_is_the_only_allowed_difference(tmp_path):
    swapped = PAGE.replace(SWAP.old, SWAP.new)
    first, second = _pair(tmp_path, {"index.html": swapped, "assets/a.js": b"let a;\n",
                                     "sitemap.xml.gz": GZIP + b"\x00"})
    assert compare(first, second, (SWAP,)) == Comparison([], ["index.html"])
    assert compare(first, second).differences == [
        "index.html: line 2: found '<meta name=\"generator\" content=\"mkdocs-ProperDocs 1.6.7, "
        "mkdocs-material-9.8.1\">'; expected '<meta name=\"generator\" content=\"mkdocs-1.6.1, "
        "mkdocs-material-9.8.1\">'"]


def test_a_swap_left_undone_is_a_difference(tmp_path):
    first, second = _pair(tmp_path)
    assert compare(first, second, (SWAP,)).differences == [
        "index.html: line 2: found '<meta name=\"generator\" content=\"mkdocs-1.6.1, mkdocs-material-9.8.1\">'; "
        "expected '<meta name=\"generator\" content=\"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1\">'"]


def test_one_changed_byte_beside_a_swap_is_a_difference(tmp_path):
    changed = PAGE.replace(SWAP.old, SWAP.new).replace(b"text", b"texT")
    first, second = _pair(tmp_path, {"index.html": changed, "assets/a.js": b"let a;\n",
                                     "sitemap.xml.gz": GZIP + b"\x00"})
    assert compare(first, second, (SWAP,)) == Comparison(
        ["index.html: line 3: found '<p>texT</p>'; expected '<p>text</p>'"], [])


def test_a_changed_byte_in_a_binary_file_is_a_difference(tmp_path):
    first, second = _pair(tmp_path, {"index.html": PAGE, "assets/a.js": b"let a;\n", "sitemap.xml.gz": GZIP + b"\x01"})
    found, expected = (GZIP + b"\x01").decode("utf-8", "replace"), (GZIP + b"\x00").decode("utf-8", "replace")
    assert compare(first, second).differences == [f"sitemap.xml.gz: line 1: found {found!r}; expected {expected!r}"]


def test_a_file_more_or_less_is_a_difference(tmp_path):
    first, second = _pair(tmp_path, {"index.html": PAGE, "assets/a.js": b"let a;\n", "extra.txt": b"",
                                     "empty/.keep": b""})
    (second / "empty" / ".keep").unlink()
    assert compare(first, second).differences == [
        "empty: only in the second (folder)", "extra.txt: only in the second (file)",
        "sitemap.xml.gz: only in the first (file)"]


def test_a_file_in_place_of_a_folder_or_a_link_is_a_difference(tmp_path):
    first, second = _pair(tmp_path, {"index.html": PAGE, "assets": b"let a;\n", "sitemap.xml.gz": b""})
    (second / "sitemap.xml.gz").unlink()
    (second / "sitemap.xml.gz").symlink_to("index.html")
    assert compare(first, second).differences == [
        "assets: a folder in the first, a file in the second", "assets/a.js: only in the first (file)",
        "sitemap.xml.gz: a file in the first, a link in the second"]


def test_links_to_other_targets_are_a_difference(tmp_path):
    first, second = _pair(tmp_path)
    (first / "latest").symlink_to("index.html")
    (second / "latest").symlink_to("assets")
    assert compare(first, second).differences == ["latest: a link to index.html in the first, to assets in the second"]
