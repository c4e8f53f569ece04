"""Strict build into a fresh folder, swapped in only on success.

    python scripts/build_site.py [--config mkdocs.yml] [--out site]

mkdocs-static-i18n turns off the cleaning of the site folder, so a build that fails half-way
(in its second language, say) would leave a half-written site. This builds into a temporary
folder beside the target and renames it into place only when every language built; a failed
build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from scripts import release as releases  # noqa: E402


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: MkDocs' own tags (!ENV) read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_url(config: Path) -> str:
    """The ``site_url`` of a MkDocs config, ending in "/"."""
    url = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)["site_url"]
    return url if url.endswith("/") else url + "/"


def build(config: Path, out: Path, rel: releases.Release | None = None) -> int:
    """Build with ``config`` into ``out``; ``rel`` labels the pages' footer (None: no label)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **releases.environment(rel))
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
              "--site-dir", str(staging)]
    try:
        result = subprocess.run(mkdocs, cwd=ROOT, env=env)
        if result.returncode != 0:
            print(f"build failed: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} "
                  "is left as it was", file=sys.stderr)
            return result.returncode
        previous = out.with_name(f".{out.name}.previous")
        if previous.exists():
            shutil.rmtree(previous)
        if out.exists():
            out.rename(previous)
        staging.rename(out)
        if previous.exists():
            shutil.rmtree(previous)
        return 0
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    try:
        rel = releases.release(ROOT)
    except releases.ReleaseError as exc:
        print(f"note: no version label in the footer: {exc}", file=sys.stderr)
        rel = None
    return build(args.config, args.out, rel)


if __name__ == "__main__":
    sys.exit(main())
