"""Strict build into a fresh folder, published in one atomic step only on success.

    python scripts/build_site.py [--config mkdocs.yml] [--out site]

mkdocs-static-i18n turns off the cleaning of the site folder, so a build that fails half-way
(in its second language, say) would leave a half-written site. So every build goes into a
folder of its own, ``.site.builds/<id>/``, and ``site`` is a symbolic link to the published
one. Publication is one rename: a new link ``.site.link-<id>`` is renamed over ``site``,
which readers and web servers see switch from the old build to the new one, never missing.
Then the older builds are removed.

- A failed build leaves ``site`` exactly as it was (status of MkDocs).
- One build at a time: a second one meanwhile stops at once with a message (status 75),
  holding ``.site.builds/.lock``.
- Ctrl-C (SIGINT) or SIGTERM stops MkDocs, removes the half-built folder and leaves ``site``
  as it was (status 130 or 143). After a harder stop (SIGKILL, a crash), the next build
  removes what was left, whatever the earlier way of building left too (``site/`` as a real
  folder, ``.site.previous``, ``.site.building-*``).
- Folders are 0755 and files 0644, whatever the umask: a web server running as another user
  can read them.
- A failure of the system (a folder it may not write, a path that cannot be made, a full disk,
  in this script or in MkDocs) is one line, ``build failed: PATH: REASON; SITE is left as it
  was``, status 1, no traceback; the half-built folder is removed.
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import fcntl
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from scripts import mkdocs_build, processes  # noqa: E402
from scripts import release as releases  # noqa: E402

LOCKED = 75  # EX_TEMPFAIL: another build holds the lock; try again later
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: MkDocs' own tags (!ENV) read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_url(config: Path) -> str:
    """The ``site_url`` of a MkDocs config, ending in "/"."""
    url = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)["site_url"]
    return url if url.endswith("/") else url + "/"


class Interrupted(Exception):
    """SIGINT or SIGTERM arrived; what the build had made is removed."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Locked(Exception):
    """Another build holds the lock."""


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


class _Signals:
    """While active, SIGINT and SIGTERM raise :class:`Interrupted`, except within
    :meth:`deferred` (publication), where they wait until it is over."""

    def __init__(self):
        self.previous: dict[int, object] = {}
        self.deferring = False
        self.pending: int | None = None

    def _handle(self, signum, frame):
        if self.deferring:
            self.pending = self.pending or signum
            return
        raise Interrupted(signum)

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():  # Python allows no other
            for signum in SIGNALS:
                self.previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        return False


def _lock(builds: Path):
    """The lock of ``builds``' folder, held until the returned file is closed (or the process
    ends, however it ends)."""
    handle = open(builds / ".lock", "a+b")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise Locked() from None
    return handle


def _make_removable(function, path, excinfo):
    """rmtree's error handler: a read-only folder of ours is made writable, then retried."""
    parent = os.path.dirname(path)
    try:
        os.chmod(parent, stat.S_IMODE(os.lstat(parent).st_mode) | stat.S_IRWXU)
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, stat.S_IMODE(os.lstat(path).st_mode) | stat.S_IRWXU)
    except OSError:
        raise excinfo[1] from None
    function(path)


def _remove(path: Path) -> str | None:
    """Remove ``path`` (a folder, a file or a link); the reason if that failed."""
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            if not os.access(path, os.W_OK | os.X_OK):
                path.chmod(stat.S_IMODE(path.lstat().st_mode) | stat.S_IRWXU)
            shutil.rmtree(path, onerror=_make_removable)
        return None
    except OSError as exc:
        return exc.strerror or str(exc)


def _warn_unremoved(path: Path, reason: str) -> None:
    print(f"note: could not remove {_shown(path)} ({reason}); the next build removes it", file=sys.stderr)


def _recover(out: Path, builds: Path) -> None:
    """Clear what earlier builds left when they were stopped, keeping the published site.

    An old build stopped between its two renames left ``.site.previous`` and no site: that
    is put back first, so that even a failed build leaves a site.
    """
    previous = out.with_name(f".{out.name}.previous")
    if previous.is_dir() and not previous.is_symlink() and not os.path.lexists(out):
        os.rename(previous, out)
    published = out.resolve() if out.is_symlink() else None
    stale = [p for p in out.parent.glob(f".{out.name}.*") if p != builds and p.name != builds.name]
    stale += [p for p in builds.iterdir() if p.name != ".lock" and p != published]
    for path in sorted(stale):
        reason = _remove(path)
        if reason:
            _warn_unremoved(path, reason)


def _world_readable(folder: Path) -> None:
    """Folders 0755, files 0644 (mkdtemp makes 0700, and the umask may take more away)."""
    folder.chmod(0o755)
    for base, dirs, files in os.walk(folder):
        for name in dirs:
            if not os.path.islink(os.path.join(base, name)):
                os.chmod(os.path.join(base, name), 0o755)
        for name in files:
            if not os.path.islink(os.path.join(base, name)):
                os.chmod(os.path.join(base, name), 0o644)


def _die_with_parent() -> None:
    """In MkDocs' process, before it starts (Linux): SIGTERM when the build script dies,
    even by SIGKILL, so that it never writes on into a folder the next build removes."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _run_mkdocs(arguments: list[str], env: dict[str, str]) -> tuple[int, OSError | None]:
    """``mkdocs build`` with ``arguments`` in a process of its own (scripts/mkdocs_build.py):
    its status, and the OSError it met (a full disk ...), told back through a pipe."""
    reader, writer = os.pipe()
    env = dict(env, **{mkdocs_build.ERROR_FD: str(writer)})
    try:
        # its own session: Ctrl-C reaches this script only, which stops MkDocs quietly
        process = subprocess.Popen([sys.executable, "-m", "scripts.mkdocs_build", *arguments], cwd=ROOT, env=env,
                                   start_new_session=True, pass_fds=(writer,),
                                   preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    except BaseException:
        os.close(reader)
        raise
    finally:
        os.close(writer)
    with os.fdopen(reader, "rb") as errors:
        try:
            status = process.wait()
        finally:
            processes.stop(process)
        os.set_blocking(errors.fileno(), False)  # what it wrote is there; never wait for more
        try:
            told = errors.read() or b""
        except BlockingIOError:
            told = b""
    if status != mkdocs_build.IO_ERROR or not told:
        return status, None
    try:
        error = json.loads(told.decode("utf-8").splitlines()[0])
        return status, OSError(0, error["reason"], error["path"])
    except (ValueError, KeyError, IndexError, TypeError):
        return status, None


def _exchange(a: Path, b: Path) -> bool:
    """Swap ``a`` and ``b`` in one step (Linux renameat2 RENAME_EXCHANGE); False if the
    system or file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _publish(staging: Path, out: Path, builds: Path) -> Path | None:
    """Point ``out`` at ``staging`` in one rename. Returns a folder ``out`` was before (a site
    of the earlier way of building), moved into ``builds`` for removal, or None."""
    link = out.with_name(f".{out.name}.link-{staging.name}")
    link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(staging, out.parent), link)
    if out.is_dir() and not out.is_symlink():
        # a real folder cannot be renamed over: swap it with the link, or (where the system
        # cannot swap) move it aside first, the one moment without a site
        old = builds / f"replaced-{staging.name}"
        if _exchange(link, out):
            os.rename(link, old)
            return old
        os.rename(out, old)
        os.replace(link, out)
        return old
    os.replace(link, out)
    return None


def _in_site(error: OSError, staging: Path, out: Path) -> OSError:
    """``error`` with a path in the staging folder (removed) named as the site's path."""
    if error.filename is not None and Path(error.filename).is_relative_to(staging):
        return OSError(error.errno, error.strerror, str(out / Path(error.filename).relative_to(staging)))
    return error


def system_error(exc: OSError) -> str:
    """``PATH: REASON`` (or ``REASON``) of a refusal of the system, for a one-line message: the
    path a link or a rename was making, else the one it read."""
    path = exc.filename2 if exc.filename2 is not None else exc.filename
    where = f"{_shown(Path(os.fsdecode(path)))}: " if path is not None else ""
    return f"{where}{exc.strerror or exc}"


def build(config: Path, out: Path, rel: releases.Release | None = None) -> int:
    """Build with ``config`` and publish at ``out``; ``rel`` labels the pages' footer (None:
    no label). Returns MkDocs' status; raises :class:`Locked` if another build is running,
    :class:`Interrupted` on SIGINT or SIGTERM, and ``OSError`` when the system refuses (in
    MkDocs too, its path then named in the site), with ``out`` left as it was."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    builds = out.with_name(f".{out.name}.builds")
    builds.mkdir(exist_ok=True)
    if stat.S_IMODE(builds.stat().st_mode) != 0o755:  # only its owner may, and need, change it
        builds.chmod(0o755)
    with _Signals() as signals, _lock(builds):
        _recover(out, builds)
        staging: Path | None = None
        published = False
        try:
            staging = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=builds))
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **releases.environment(rel))
            status, error = _run_mkdocs(["--strict", "--config-file", str(config), "--site-dir", str(staging)], env)
            if error is not None:
                raise _in_site(error, staging, out)
            if status != 0:
                print(f"build failed: {_shown(out)} is left as it was", file=sys.stderr)
                return status
            _world_readable(staging)
            signals.deferring = True  # from here on the new site is published, whatever comes
            replaced = _publish(staging, out, builds)
            published = True
            for old in sorted(p for p in builds.iterdir() if p.name != ".lock" and p != staging) + [replaced]:
                if old is not None and os.path.lexists(old):
                    reason = _remove(old)
                    if reason:
                        _warn_unremoved(old, reason)
            if signals.pending:
                print(f"note: {signal.Signals(signals.pending).name} arrived after {_shown(out)} was "
                      "published; the build had finished", file=sys.stderr)
            return 0
        finally:
            if staging is not None and not published:
                signals.deferring = True  # a second Ctrl-C must not stop the clean-up
                _remove(staging)
                out.with_name(f".{out.name}.link-{staging.name}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    try:
        try:
            rel = releases.release(ROOT)
        except releases.ReleaseError as exc:
            print(f"note: no version label in the footer: {exc}", file=sys.stderr)
            rel = None
        return build(args.config, args.out, rel)
    except Locked:
        print(f"another build of {_shown(args.out.absolute())} is running (it holds "
              f"{_shown(args.out.absolute().with_name(f'.{args.out.name}.builds') / '.lock')}); "
              "try again when it has finished", file=sys.stderr)
        return LOCKED
    except OSError as exc:  # the system refused: a folder not writable, no such path, a full disk
        print(f"build failed: {system_error(exc)}; {_shown(args.out.absolute())} is left as it was", file=sys.stderr)
        return 1
    except (Interrupted, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        print(f"build interrupted ({signal.Signals(signum).name}): {_shown(args.out.absolute())} is left "
              "as it was", file=sys.stderr)
        return 128 + signum


if __name__ == "__main__":
    sys.exit(main())
