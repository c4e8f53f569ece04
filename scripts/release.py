"""The edition's version label and build date, from the repository.

The version is ``git describe --tags --always --dirty``; the date is ``SOURCE_DATE_EPOCH``
when set, else the last commit's time, so that rebuilding the same commit gives the same
label and date. Both reach the pages through the environment (``A4P_VERSION``,
``A4P_BUILD_DATE``, read by ``mkdocs.yml``'s ``extra.release``).
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ReleaseError(Exception):
    pass


@dataclass(frozen=True)
class Release:
    version: str  # git describe: a tag, or the short commit id; "-dirty" for uncommitted changes
    epoch: int  # seconds since 1970, UTC: SOURCE_DATE_EPOCH, or the last commit's time

    @property
    def date(self) -> str:
        return time.strftime("%Y-%m-%d", time.gmtime(self.epoch))


def _git(*args: str, root: Path) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        raise ReleaseError(f"git {' '.join(args)}: {detail.strip()} (the version and date come from the "
                           "repository: run this in a git clone with at least one commit)") from None
    return result.stdout.strip()


def release(root: Path = ROOT, environ: dict | None = None) -> Release:
    environ = os.environ if environ is None else environ
    version = _git("describe", "--tags", "--always", "--dirty", root=root)
    epoch = environ.get("SOURCE_DATE_EPOCH") or _git("log", "-1", "--format=%ct", root=root)
    if not str(epoch).isdigit():
        raise ReleaseError(f"SOURCE_DATE_EPOCH={epoch!r}; expected whole seconds since 1970")
    return Release(version, int(epoch))


def environment(rel: Release | None) -> dict[str, str]:
    """The variables the build reads; none when there is no release (no git)."""
    if rel is None:
        return {}
    return {"A4P_VERSION": rel.version, "A4P_BUILD_DATE": rel.date, "SOURCE_DATE_EPOCH": str(rel.epoch)}
