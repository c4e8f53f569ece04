"""What the tests read off mkdocs.yml itself, independently of hooks/: the edition's scripts."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def extra_javascript() -> list[str]:
    """The edition's scripts, as mkdocs.yml lists them (extra_javascript), in its order."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.search(r"^extra_javascript:\n((?:  - .*\n)+)", config, re.M).group(1)
    return [line.split("- ", 1)[1].strip() for line in listed.splitlines()]
