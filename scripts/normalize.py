"""Write (or, with --check, verify) the canonical Chinese source from the supplied text.

    python scripts/normalize.py          # rewrite source/text/zh.txt
    python scripts/normalize.py --check  # exit 1 if source/text/zh.txt differs

It uses the same modules as the build (:mod:`hooks.edition.load`), so there is one parser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hooks.edition import load  # noqa: E402
from hooks.errors import SourceError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args(argv)
    layout = load.Layout(ROOT / "source")
    try:
        expected = load.canonical_source_text(layout)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    target = layout.text_file(load.source_language(layout))
    if target.exists() and not target.is_file():
        print(f"error: {target.relative_to(ROOT)}: found a folder; expected a file", file=sys.stderr)
        return 2
    # bytes, not text: a zh.txt that is not UTF-8 simply differs, and is rewritten
    current = target.read_bytes() if target.exists() else None
    if args.check:
        if current != expected.encode("utf-8"):
            print(f"{target.relative_to(ROOT)} differs from the supplied text plus the "
                  "normalizations; run: python scripts/normalize.py", file=sys.stderr)
            return 1
        print(f"{target.relative_to(ROOT)} is the supplied text plus the listed normalizations")
        return 0
    if current != expected.encode("utf-8"):
        target.write_bytes(expected.encode("utf-8"))
        print(f"wrote {target.relative_to(ROOT)}")
    else:
        print(f"{target.relative_to(ROOT)} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
