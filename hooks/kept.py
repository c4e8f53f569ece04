"""Files kept between builds under ``.cache/``, named by the SHA-256 of what made them: the PDFs
(:mod:`hooks.outputs.pdf`), the QR codes (:mod:`hooks.outputs.qr`) and the Chinese glossary's
pinyin (:mod:`hooks.edition.glossary`). Shared, below every package.

- A file is written atomically (a ``.part`` file renamed), so a build that stops half-way
  leaves no half file.
- A hit renews the file's time, and a folder keeps only its ``keep`` files used last.
- A cache that cannot be read or written only costs time: the caller makes the file again.

Plain Python, no MkDocs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / ".cache"


def get(folder: Path, name: str) -> bytes | None:
    """The file ``name`` kept in ``folder``, or None; a hit is marked as used now."""
    kept = folder / name
    try:
        data = kept.read_bytes()
        os.utime(kept)  # used now: the last to be pruned
        return data
    except OSError:  # not there, or pruned by another process meanwhile
        return None


def put(folder: Path, name: str, data: bytes, keep: int) -> None:
    """Keep ``data`` as ``name`` in ``folder``, and only the ``keep`` files used last there."""
    part = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as part:
            part.write(data)
        os.replace(part.name, folder / name)
        _prune(folder, Path(name).suffix, keep)
    except OSError:  # a cache that cannot be written only costs time
        if part is not None:
            Path(part.name).unlink(missing_ok=True)


def _prune(folder: Path, suffix: str, keep: int) -> None:
    def used(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:  # removed by another process meanwhile
            return 0
    kept = sorted(folder.glob(f"*{suffix}"), key=used, reverse=True)
    for old in kept[keep:]:
        old.unlink(missing_ok=True)
