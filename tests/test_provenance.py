"""hooks/provenance.py: the version and date handed to the build, and when each language's
text last changed, from git; unknown (never guessed) without it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hooks import provenance

DAY = "2024-02-29"  # a commit made at noon UTC that day (checked by hand: a leap day)
NOON = "2024-02-29T12:00:00+00:00"


def git(repo: Path, *args: str, date: str = NOON) -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x", "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A repository with source/text/en.txt committed on DAY and fr.txt committed later; zh.txt
    never committed."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "repo"
    (root / "source" / "text").mkdir(parents=True)
    git(root, "init", "-q")
    for code in ("en", "fr"):
        (root / "source" / "text" / f"{code}.txt").write_text("title: x\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    (root / "source" / "text" / "fr.txt").write_text("title: y\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "second", date="2025-01-01T23:59:59+00:00")
    (root / "source" / "text" / "zh.txt").write_text("title: z\n", encoding="utf-8")
    return root


def test_each_text_dates_from_the_last_commit_touching_it(repo):
    assert provenance.text_changes(repo, ("en", "fr", "zh")) == (("en", DAY), ("fr", "2025-01-01"), ("zh", None))


def test_the_day_is_taken_in_utc(repo):
    """A commit late on 31 December in UTC-5 is already 1 January in UTC."""
    (repo / "source" / "text" / "en.txt").write_text("title: later\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "third", date="2025-12-31T22:00:00-05:00")
    assert provenance.last_change(repo, "source/text/en.txt") == "2026-01-01"


def test_without_a_repository_nothing_is_known(tmp_path, monkeypatch):
    """A tarball: no .git above it (GIT_CEILING_DIRECTORIES keeps git from looking higher)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "source" / "text").mkdir(parents=True)
    (tmp_path / "source" / "text" / "en.txt").write_text("title: x\n", encoding="utf-8")
    assert provenance.text_changes(tmp_path, ("en",)) == (("en", None),)


def test_without_git_installed_nothing_is_known(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-such-bin"))
    assert provenance.last_change(repo, "source/text/en.txt") is None


def test_version_and_date_come_from_the_environment_as_strings():
    given = provenance.from_environment((("en", DAY),), {"A4P_VERSION": "0123456", "A4P_BUILD_DATE": "2026-01-02"})
    assert (given.version, given.date, given.changed("en"), given.changed("fr")) == ("0123456", "2026-01-02", DAY, None)
    none = provenance.from_environment((), {"A4P_VERSION": "", "A4P_BUILD_DATE": ""})
    assert (none.version, none.date) == (None, None)
    assert provenance.from_environment((), {}).version is None


def test_git_is_asked_once_per_commit_and_file(repo, monkeypatch):
    """Every language's build asks for every language's text in one process: git log runs once
    for all the files while HEAD stays, and again once HEAD moves."""
    asked: list[list[str]] = []
    run = subprocess.run

    def counting(args, *rest, **options):
        asked.append(list(args))
        return run(args, *rest, **options)

    monkeypatch.setattr(provenance.subprocess, "run", counting)
    codes = ("en", "fr")
    for _ in range(3):
        assert provenance.text_changes(repo, codes) == (("en", DAY), ("fr", "2025-01-01"))
    assert sum(1 for args in asked if args[1] == "log") == 1
    (repo / "source" / "text" / "en.txt").write_text("title: later\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "third", date="2026-03-01T12:00:00+00:00")
    assert provenance.text_changes(repo, codes) == (("en", "2026-03-01"), ("fr", "2025-01-01"))
    assert sum(1 for args in asked if args[1] == "log") == 2


def test_a_project_in_a_folder_of_its_repository_and_a_merge_are_dated_as_git_log_dates_each_file(tmp_path, monkeypatch):
    """The one git call for every language finds what git log -1 -- path finds for each: from a
    project in a folder of the repository, and across a merge (its branch's commit dates the
    file, as a merge that only joins changes names none)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    top = tmp_path / "top"
    root = top / "project"
    (root / "source" / "text").mkdir(parents=True)
    git(top, "init", "-q", "-b", "main")
    for code in ("en", "fr"):
        (root / "source" / "text" / f"{code}.txt").write_text("title: x\n", encoding="utf-8")
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "first", date="2025-01-01T12:00:00+00:00")
    git(top, "checkout", "-q", "-b", "side")
    (root / "source" / "text" / "en.txt").write_text("title: side\n", encoding="utf-8")
    git(top, "commit", "-q", "-am", "on the side", date="2025-02-01T12:00:00+00:00")
    git(top, "checkout", "-q", "main")
    (top / "elsewhere.txt").write_text("x\n", encoding="utf-8")
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "elsewhere", date="2025-03-01T12:00:00+00:00")
    git(top, "merge", "-q", "--no-edit", "side", date="2025-04-01T12:00:00+00:00")
    codes = ("en", "fr")
    expected = (("en", "2025-02-01"), ("fr", "2025-01-01"))  # by hand, from the dates above
    assert provenance.text_changes(root, codes) == expected
    provenance._known.clear()
    assert tuple((code, provenance.last_change(root, f"source/text/{code}.txt")) for code in codes) == expected
