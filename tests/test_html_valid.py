"""Valid HTML: the Nu HTML Checker (vnu.jar, the pinned ``vnu-jar`` of tests/tools, run with
Java; ``make tools`` installs both) finds 0 errors and 0 warnings in every HTML file of the
online site and of the unzipped offline bundle.

The checker runs once per session, in one Java process, over every file of both, plus a small
canary page with known faults: that the canary's faults are reported, at their lines, shows
the run really checked and that its report is read right. A full report (every message, info
included) goes to ``test-output/html-valid.txt``, ignored by git.

An exception, if one is ever needed, is listed in ``ALLOWED`` with the checker's message, the
files it may occur in and the reason; an exception that no longer occurs fails too.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.htmlcheck

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests" / "tools"
VNU = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OUTPUT = ROOT / "test-output" / "html-valid.txt"


@dataclass(frozen=True)
class Allowed:
    """A checker message let through: its text (a regular expression matched in full), the
    files it may occur in (globs, relative to the site or bundle root) and why."""

    message: str
    files: tuple[str, ...]
    reason: str

    def covers(self, finding: Finding) -> bool:
        return (re.fullmatch(self.message, finding.message) is not None
                and any(fnmatch.fnmatchcase(finding.file, pattern) for pattern in self.files))


ALLOWED: tuple[Allowed, ...] = ()  # none needed: every page is valid as it stands


@dataclass(frozen=True)
class Finding:
    where: str  # "site" or "bundle" or "canary"
    file: str  # relative to its root
    line: int
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.file}:{self.line}: {self.level}: {self.message}"


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    files: dict[str, int]  # where -> how many files checked
    seconds: float


# A page with two faults the checker must report: a <div> inside a <p> (which ends the <p>:
# the </p> then has no open element) and an id given twice.
CANARY = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>canary</title></head>
<body>
<p>text <div>block</div></p>
<span id="twice">a</span>
<span id="twice">b</span>
</body>
</html>
"""
CANARY_ERRORS = {
    (5, "No “p” element in scope but a “p” end tag seen."),
    (7, "Duplicate ID “twice”."),
}


def pinned_version() -> str:
    return json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))["devDependencies"]["vnu-jar"]


def html_files(root: Path) -> list[Path]:
    return sorted(p for p in root.resolve().rglob("*.html") if p.is_file())


def run_checker(roots: dict[str, Path]) -> Report:
    """Every ``*.html`` under each root, in one run of the checker."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(f"the Nu HTML Checker needs Java and {VNU.relative_to(ROOT)}: run `make tools`")
    files = {where: html_files(root) for where, root in roots.items()}
    owner = {str(path): (where, path.relative_to(roots[where].resolve()).as_posix())
             for where, paths in files.items() for path in paths}
    started = time.monotonic()
    run = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always",
                          *(str(p) for paths in files.values() for p in paths)],
                         capture_output=True, text=True, encoding="utf-8")
    seconds = time.monotonic() - started
    assert run.returncode == 0, run.stderr
    output = json.loads(run.stdout)
    version = output["version"].split()[0]
    assert version == pinned_version(), f"vnu-jar {version} installed, {pinned_version()} pinned: run `make tools`"
    messages = output["messages"]
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text("".join(f"{m.get('url', '')}:{m.get('lastLine', 0)}: {m['type']}"
                              f"{'/' + m['subType'] if 'subType' in m else ''}: {m['message']}\n" for m in messages)
                      or "no messages\n", encoding="utf-8")
    findings = []
    for m in messages:
        if m["type"] == "info" and m.get("subType") != "warning":
            continue  # plain information, not a fault
        level = "warning" if m["type"] == "info" else "error"  # "error" and "non-document-error"
        url = m.get("url", "")
        path = unquote(url.removeprefix("file:"))
        where, file = owner.get(path, ("?", url))
        findings.append(Finding(where, file, m.get("lastLine", m.get("firstLine", 0)), level, m["message"]))
    return Report(tuple(findings), {where: len(paths) for where, paths in files.items()}, seconds)


@pytest.fixture(scope="module")
def report(built_site, bundle, tmp_path_factory) -> Report:
    canary = tmp_path_factory.mktemp("canary")
    (canary / "canary.html").write_text(CANARY, encoding="utf-8")
    return run_checker({"site": built_site, "bundle": bundle.folder, "canary": canary})


def unexpected(report: Report, where: str, level: str) -> list[str]:
    return [str(f) for f in report.findings
            if f.where == where and f.level == level and not any(a.covers(f) for a in ALLOWED)]


def test_the_checker_ran_and_its_report_is_read(report, capsys):
    """The canary's two faults come back with their lines; every message is placed in a file."""
    canary = {(f.line, f.message) for f in report.findings if f.where == "canary" and f.level == "error"}
    assert canary == CANARY_ERRORS
    assert [str(f) for f in report.findings if f.where == "?"] == []
    warnings = sum(f.level == "warning" for f in report.findings if f.where != "canary")
    with capsys.disabled():
        print(f"\nNu HTML Checker {pinned_version()}: {report.files['site']} site pages and "
              f"{report.files['bundle']} bundle pages in {report.seconds:.1f} s; "
              f"{warnings} warnings; full report in {OUTPUT.relative_to(ROOT)}")


@pytest.mark.parametrize("where", ["site", "bundle"])
def test_every_page_is_valid(report, where):
    assert report.files[where] > 0, f"no HTML file in the {where}"
    errors = unexpected(report, where, "error")
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("where", ["site", "bundle"])
def test_no_page_has_a_warning(report, where):
    """Such as "Section lacks heading" or "Empty heading"."""
    warnings = unexpected(report, where, "warning")
    assert not warnings, f"{len(warnings)} warnings:\n" + "\n".join(warnings)


def test_every_exception_still_occurs(report):
    stale = [a for a in ALLOWED if not any(a.covers(f) for f in report.findings if f.where != "canary")]
    assert stale == [], "exceptions that no longer occur: remove them from ALLOWED"


def test_an_exception_covers_its_message_in_its_files_only():
    allowed = Allowed(r"Duplicate ID “[^”]+”\.", ("en/*/index.html",), "an example")
    assert allowed.covers(Finding("site", "en/preamble/index.html", 7, "error", "Duplicate ID “para-1”."))
    assert not allowed.covers(Finding("site", "fr/preamble/index.html", 7, "error", "Duplicate ID “para-1”."))
    assert not allowed.covers(Finding("site", "en/preamble/index.html", 7, "error", "Duplicate ID “para-1”. Again."))
