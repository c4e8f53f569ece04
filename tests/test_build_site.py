"""scripts/build_site.py: publication of the site folder in one atomic step, a lock against a
second build, clean-up on every signal, recovery from any leftover, world-readable modes.

Builds here use a tiny MkDocs project (one theme, three pages) so that each takes a moment;
the real edition's build is tests/test_build.py. Each build runs in a real subprocess,
``python DRIVER``, which calls ``build_site.main`` with gates around the steps that touch the
file system (every rename and the start of MkDocs): at the gate chosen by ``GATE_STOP`` it
says "stopped" and waits, so that the test can interrupt it exactly there. Waiting is on
the process's output, never on a clock.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import build_site

ROOT = Path(__file__).resolve().parent.parent

DRIVER = """
import os, shutil, subprocess, sys
sys.path.insert(0, {root!r})
from scripts import build_site

stop = int(os.environ.get("GATE_STOP", "0"))
calls = 0

def gate(name):
    global calls
    calls += 1
    print(f"gate {{calls}} {{name}}", flush=True)
    if calls == stop:
        print("stopped", flush=True)
        sys.stdin.readline()

def gated(name, fn):
    def wrapped(*args, **kwargs):
        gate(name)
        return fn(*args, **kwargs)
    return wrapped

os.rename = gated("rename", os.rename)
os.replace = gated("replace", os.replace)

class Popen(subprocess.Popen):
    def __init__(self, args, *rest, **kwargs):
        if "scripts.mkdocs_build" in args:
            gate("mkdocs")
        super().__init__(args, *rest, **kwargs)

subprocess.Popen = Popen

# a removal that fails, as in a folder its owner made read-only on a system that enforces it
refuse = os.environ.get("REFUSE_REMOVAL")
if refuse:
    real_rmtree = shutil.rmtree
    def rmtree(path, *args, **kwargs):
        if refuse in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_rmtree(path, *args, **kwargs)
    shutil.rmtree = rmtree

if os.environ.get("UMASK"):
    os.umask(int(os.environ["UMASK"], 8))
sys.exit(build_site.main(sys.argv[1:]))
"""

# A hook of the tiny project: on request it waits inside MkDocs (after the pages are written),
# or fails the build there, or makes MkDocs' write of one file meet a full disk.
HOOK = """
import errno, os, sys
import mkdocs.utils
from mkdocs.exceptions import PluginError

def on_config(config):
    full = os.environ.get("FULL_DISK")
    if full:  # the file of the site that FULL_DISK names meets a full disk
        real_write_file = mkdocs.utils.write_file
        def write_file(content, output_path):
            if output_path.endswith(full):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
            return real_write_file(content, output_path)
        mkdocs.utils.write_file = write_file

def on_post_build(config):
    if os.environ.get("BLOCK_IN_MKDOCS"):
        print(f"mkdocs-waiting {os.getpid()}", flush=True)
        sys.stdin.readline()
    if os.environ.get("FAIL_IN_MKDOCS"):
        raise PluginError("the test's hook fails the build after writing the pages")
"""


@dataclass
class Project:
    folder: Path
    config: Path

    @property
    def out(self) -> Path:
        return self.folder / "site"

    def command(self, out: Path | None = None) -> list[str]:
        return [sys.executable, str(self.folder / "drive.py"), "--config", str(self.config),
                "--out", str(out or self.out)]

    def start(self, out: Path | None = None, prefix: tuple[str, ...] = (), **env: str) -> subprocess.Popen:
        """A build in its own process group (as a shell runs a command), gated by ``env``,
        publishing at ``out`` (the project's site by default), run behind ``prefix``."""
        return subprocess.Popen([*prefix, *self.command(out)], cwd=self.folder,
                                env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)

    def run(self, out: Path | None = None, prefix: tuple[str, ...] = (), **env: str) -> subprocess.CompletedProcess:
        process = self.start(out, prefix, **env)
        out, err = process.communicate()
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def wait_for(process: subprocess.Popen, prefix: str) -> str:
    """Read the build's output until a line starting with ``prefix``; fail if it ends first."""
    seen = []
    for line in process.stdout:
        seen.append(line)
        if line.startswith(prefix):
            return line.strip()
    process.wait()
    pytest.fail(f"the build ended (status {process.returncode}) without saying {prefix!r}: "
                f"{''.join(seen)}{process.stderr.read()}")


def finish(process: subprocess.Popen) -> subprocess.CompletedProcess:
    out, err = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.fixture
def project(tmp_path) -> Project:
    folder = tmp_path / "project"
    (folder / "docs" / "part").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Home\n\nA page.\n", encoding="utf-8")
    (folder / "docs" / "part" / "one.md").write_text("# One\n\nAnother.\n", encoding="utf-8")
    (folder / "docs" / "part" / "two.md").write_text("# Two\n\nA third.\n", encoding="utf-8")
    (folder / "hook.py").write_text(HOOK, encoding="utf-8")
    (folder / "drive.py").write_text(DRIVER.format(root=str(ROOT)), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(textwrap.dedent("""\
        site_name: Tiny
        site_url: https://example.org/
        theme: mkdocs
        hooks:
          - hook.py
        """), encoding="utf-8")
    return Project(folder, config)


def digest(folder: Path) -> str:
    """Every file's path and bytes under ``folder`` (followed if it is a link)."""
    sha = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    return sha.hexdigest()


def leftovers(project: Project) -> list[str]:
    """What lies beside the site that is not the published site: half-built or replaced folders,
    temporary links. The one folder of builds may hold the published build and its lock file."""
    found = []
    published = project.out.resolve()
    for entry in sorted(project.folder.iterdir()):
        if not entry.name.startswith(".site"):
            continue
        if entry.name == ".site.builds" and entry.is_dir() and not entry.is_symlink():
            found += [f"{entry.name}/{inner.name}" for inner in sorted(entry.iterdir())
                      if inner.name != ".lock" and inner.resolve() != published]
        else:
            found.append(entry.name)
    return found


def is_whole(project: Project, expected: str) -> bool:
    return project.out.is_dir() and digest(project.out) == expected


@pytest.fixture
def published(project) -> str:
    """A first build, published: the digest of its site."""
    result = project.run()
    assert result.returncode == 0, result.stderr
    assert (project.out / "part" / "two" / "index.html").is_file()
    return digest(project.out)


def gates(project: Project) -> list[str]:
    """The gated steps of a whole build, in order: 'gate 1 mkdocs', 'gate 2 replace' ..."""
    result = project.run()
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("gate ")]


def test_a_build_publishes_the_site(project, published):
    assert leftovers(project) == []
    assert "Traceback" not in project.run().stderr


def test_killed_at_any_step_the_site_stays_whole_and_the_next_build_recovers(project, published):
    """SIGKILL (nothing can clean up) at each step of publication in turn: the site is the old
    one or the new one, never missing or half-written; the next build leaves nothing behind."""
    steps = gates(project)
    assert any("mkdocs" in step for step in steps) and any("mkdocs" not in step for step in steps), steps
    for number, step in enumerate(steps, start=1):
        process = project.start(GATE_STOP=str(number))
        wait_for(process, "stopped")
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        assert is_whole(project, published), f"killed at {step}: the site is not whole"
        result = project.run()
        assert result.returncode == 0, f"after a kill at {step}: {result.stderr}"
        assert is_whole(project, published), f"after a kill at {step}"
        assert leftovers(project) == [], f"after a kill at {step}"


def test_killed_while_mkdocs_writes_the_site_stays_and_nothing_is_left_behind(project, published):
    process = project.start(BLOCK_IN_MKDOCS="1")
    wait_for(process, "mkdocs-waiting")
    process.kill()  # the build script only: its MkDocs must not outlive it
    process.communicate()  # returns once MkDocs, which shares the output pipe, is gone too
    assert is_whole(project, published)
    result = project.run()
    assert result.returncode == 0, result.stderr
    assert is_whole(project, published) and leftovers(project) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_the_build_cleans_up_and_says_so(project, published, signum):
    """Ctrl-C in a terminal (SIGINT to the whole process group) or SIGTERM to the build
    script: a message and status 128+N, no traceback, no half-built folder, MkDocs stopped."""
    process = project.start(BLOCK_IN_MKDOCS="1")
    child = int(wait_for(process, "mkdocs-waiting").split()[1])
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    result = finish(process)
    assert "Traceback" not in result.stderr and "KeyboardInterrupt" not in result.stderr, result.stderr
    assert result.returncode == 128 + signum, result.stderr
    assert "interrupted" in result.stderr and "left as it was" in result.stderr, result.stderr
    assert is_whole(project, published)
    assert leftovers(project) == []
    assert not Path(f"/proc/{child}").exists(), "MkDocs outlived the build"


def test_a_second_build_meanwhile_is_refused_with_a_message(project, published):
    first = project.start(BLOCK_IN_MKDOCS="1")
    wait_for(first, "mkdocs-waiting")
    second = project.run()
    assert second.returncode == build_site.LOCKED, second.stderr
    assert "another build" in second.stderr and "Traceback" not in second.stderr, second.stderr
    first.stdin.write("\n")
    first.stdin.flush()
    result = finish(first)
    assert result.returncode == 0, result.stderr
    assert is_whole(project, published) and leftovers(project) == []


def test_builds_started_together_never_break(project, published):
    processes = [project.start() for _ in range(3)]
    results = [finish(process) for process in processes]
    assert all("Traceback" not in r.stderr for r in results), [r.stderr for r in results]
    assert sorted({r.returncode for r in results} - {build_site.LOCKED}) == [0], [r.stderr for r in results]
    assert is_whole(project, published) and leftovers(project) == []


def test_the_published_site_is_readable_by_a_web_server_of_another_user(project):
    result = project.run(UMASK="077")
    assert result.returncode == 0, result.stderr
    site = project.out.resolve()
    modes = {p.relative_to(project.folder).as_posix(): stat.S_IMODE(p.stat().st_mode)
             for p in [site, *site.rglob("*")]}
    wrong = {path: oct(mode) for path, mode in modes.items()
             if mode != (0o755 if (project.folder / path).is_dir() else 0o644)}
    assert wrong == {}
    # and every folder on the way from the project to the site can be passed through
    for folder in site.relative_to(project.folder).parents:
        mode = stat.S_IMODE((project.folder / folder).stat().st_mode)
        assert mode & 0o005 == 0o005, f"{folder}: {oct(mode)}"


def _old_tree(folder: Path, text: str) -> None:
    (folder / "part").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "part" / "index.html").write_text(text, encoding="utf-8")


def _read_only(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True) + [folder]:
        path.chmod(0o555 if path.is_dir() else 0o444)


def test_leftovers_of_the_earlier_way_of_building_are_cleared(project):
    """A real site/ folder (read-only), .site.previous and a half-built .site.building-*: the
    build publishes and removes them all."""
    _old_tree(project.out, "old site")
    _old_tree(project.folder / ".site.previous", "older site")
    _old_tree(project.folder / ".site.building-x1y2", "half")
    _read_only(project.out)
    result = project.run()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (project.out / "part" / "two" / "index.html").is_file()
    assert leftovers(project) == []


def test_the_site_kept_only_as_site_previous_is_restored_before_a_failed_build(project):
    """An old build interrupted between its two renames left .site.previous and no site/: the
    next build puts it back first, so that even a failed build leaves a site."""
    _old_tree(project.folder / ".site.previous", "the previous site")
    before = digest(project.folder / ".site.previous")
    result = project.run(FAIL_IN_MKDOCS="1")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert is_whole(project, before)
    assert leftovers(project) == []


def test_a_failed_build_leaves_the_published_site_and_no_half_build(project, published):
    result = project.run(FAIL_IN_MKDOCS="1")
    assert result.returncode != 0
    assert "left as it was" in result.stderr and "Traceback" not in result.stderr
    assert is_whole(project, published) and leftovers(project) == []


def test_an_old_build_that_cannot_be_removed_does_not_fail_a_published_build(project, published):
    """Publication has happened: a replaced build that resists removal is a warning, and the
    next build removes it."""
    first = project.out.resolve()
    result = project.run(REFUSE_REMOVAL=first.name)
    assert result.returncode == 0, result.stderr
    assert project.out.resolve() != first and is_whole(project, published)
    assert first.name in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert project.run().returncode == 0
    assert leftovers(project) == [] and not first.exists()


def test_gitignore_covers_the_site_link_and_the_builds(tmp_path):
    # In an empty repository with the project's .gitignore: in the work tree a built `site`
    # link would make git refuse the paths below it ("beyond a symbolic link").
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_bytes((ROOT / ".gitignore").read_bytes())
    (tmp_path / "site").symlink_to(".site.builds/20250101-1")
    for path in ["site", ".site.builds/.lock", ".site.builds/20250101-1/index.html"]:
        ignored = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=tmp_path)
        assert ignored.returncode == 0, f"{path} is not ignored"


# ---- failures of the system: one line naming the error and the path, no traceback ------------

# Root ignores permission bits; without its capabilities (setpriv drops them for the build and
# MkDocs) it meets a read-only folder as any other user does.
AS_A_USER = ("setpriv", "--inh-caps=-all", "--bounding-set=-all", "--") if os.geteuid() == 0 else ()


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    """The build script's own lines of stderr (MkDocs' lines start with its log level)."""
    return [line for line in result.stderr.splitlines() if line.startswith("build failed")]


def assert_one_line(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert error_lines(result) == [expected], result.stderr


def test_a_folder_that_cannot_be_written(project, tmp_path):
    """A user who may not write where the site goes (a repository of another user)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    result = project.run(folder / "site", prefix=AS_A_USER)
    assert_one_line(result, f"build failed: {folder}/.site.builds: Permission denied; {folder}/site is left as it was")
    assert sorted(folder.iterdir()) == []


def test_a_repository_that_became_read_only_keeps_its_site(project, published):
    """Built once; then the folder of the site may no longer be written: publication fails."""
    project.folder.chmod(0o555)
    try:
        result = project.run(prefix=AS_A_USER)
    finally:
        project.folder.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    [line] = error_lines(result)
    assert re.fullmatch(rf"build failed: {re.escape(str(project.folder))}/\.site\.link-[^/:;]+: Permission denied; "
                        rf"{re.escape(str(project.out))} is left as it was", line), line
    assert is_whole(project, published) and leftovers(project) == []


def test_a_site_where_no_folder_can_be_made(project):
    result = project.run(Path("/proc/a4p-site"))
    assert_one_line(result, "build failed: /proc/.a4p-site.builds: No such file or directory; "
                            "/proc/a4p-site is left as it was")


def test_a_full_disk_while_mkdocs_writes(project, published):
    """No space left for a page: one line naming it (in the site, not in the staging folder
    that is removed), the site as it was, nothing left behind."""
    result = project.run(FULL_DISK="part/two/index.html")
    assert_one_line(result, f"build failed: {project.out}/part/two/index.html: No space left on device; "
                            f"{project.out} is left as it was")
    assert is_whole(project, published) and leftovers(project) == []
