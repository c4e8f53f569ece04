"""Where this copy of the edition comes from: its version, its date, and when each language's
text last changed. The About page states them and the downloads carry them.

- The version and date are the release's (``scripts/release.py``: ``git describe`` and the
  last commit's time, or ``SOURCE_DATE_EPOCH``), handed to the build as ``A4P_VERSION`` and
  ``A4P_BUILD_DATE``; a build without them (plain ``mkdocs build``) has none, and says so.
- When a language's text last changed is the time of the last commit that touched
  ``source/text/{lang}.txt``, asked of git as ``scripts/release.py`` asks it. Without git (a
  tarball, git not installed, a file not yet committed) it is not known, and said so: never
  guessed from file times.

Plain Python, no MkDocs.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

VERSION_VARIABLE = "A4P_VERSION"  # as scripts/release.py's environment() names them
DATE_VARIABLE = "A4P_BUILD_DATE"


@dataclass(frozen=True)
class Provenance:
    version: str | None = None  # "v1.2" or a short commit id; None when the build was given none
    date: str | None = None  # YYYY-MM-DD, the release's date
    # (language code, YYYY-MM-DD of the last commit touching its text, or None: not known)
    text_changed: tuple[tuple[str, str | None], ...] = ()

    def changed(self, code: str) -> str | None:
        return dict(self.text_changed).get(code)


def _day(epoch: str) -> str | None:
    epoch = epoch.strip()
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch))) if epoch.isdigit() else None


def _git(root: Path, *args: str) -> str | None:
    """The output of ``git args`` in ``root``, or None when git cannot say."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


# (repository folder, HEAD commit, path) → the day of the last commit touching path. Every
# language's build asks for every language's text (mkdocs-static-i18n builds each in one
# process, and the preview rebuilds in the same process): git is asked once per HEAD and file.
_known: dict[tuple[str, str, str], str | None] = {}


def _head(root: Path) -> str | None:
    output = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    return output.strip() or None if output is not None else None


def _last_change(root: Path, head: str | None, path: str) -> str | None:
    if head is None:  # no git, no repository, or nothing committed yet: not known, not kept
        return None
    key = (str(root.resolve()), head, path)
    if key not in _known:
        output = _git(root, "log", "-1", "--format=%ct", head, "--", path)
        _known[key] = None if output is None else _day(output)
    return _known[key]


def last_change(root: Path, path: str) -> str | None:
    """The UTC day of the last commit touching ``path`` (relative to ``root``), or None when
    git cannot say (no git, no repository, the file never committed)."""
    return _last_change(root, _head(root), path)


def _last_changes(root: Path, head: str | None, paths: list[str]) -> None:
    """What :func:`_last_change` would find for each of ``paths``, asked of git in one call
    (one ``git log`` a path took 30 ms, six of them a sixth of a build): the history's commits
    touching any of them, newest first, each with the files it touched."""
    wanted = [path for path in paths if head is not None and (str(root.resolve()), head, path) not in _known]
    if not wanted:
        return
    # --relative: names relative to root, which may be a folder inside the repository; --cc: a
    # merge's files that differ from every parent, the merges git log -1 -- path would name
    output = _git(root, "log", "--format=%x00%ct", "--name-only", "--relative", "--cc", head, "--", *wanted)
    if output is None:
        return  # each is asked on its own, and found not known
    found: dict[str, str | None] = {}
    for commit in output.split("\0")[1:]:
        epoch, *files = commit.strip().splitlines()
        for name in files:
            found.setdefault(name.strip(), _day(epoch))
    for path in wanted:
        _known[(str(root.resolve()), head, path)] = found.get(path)


def text_changes(root: Path, codes: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """For each language, when ``source/text/{code}.txt`` last changed (see :func:`last_change`)."""
    head = _head(root)
    paths = [f"source/text/{code}.txt" for code in codes]
    _last_changes(root, head, paths)
    return tuple((code, _last_change(root, head, path)) for code, path in zip(codes, paths))


def from_environment(text_changed: tuple[tuple[str, str | None], ...] = (),
                     environ: dict[str, str] | None = None) -> Provenance:
    """A :class:`Provenance` from the variables ``scripts/release.py`` sets for the build
    (``A4P_VERSION``, ``A4P_BUILD_DATE``; absent or empty when the build was given none). Read
    as the strings they are, not through ``mkdocs.yml``'s ``!ENV``, which would read a date as
    a date and an all-digit commit id as a number."""
    environ = os.environ if environ is None else environ
    return Provenance(environ.get(VERSION_VARIABLE) or None, environ.get(DATE_VARIABLE) or None, text_changed)
