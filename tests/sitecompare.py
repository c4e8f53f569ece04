"""Two built sites compared file by file, with the differences expected between them named.

``compare(first, second, swaps)`` holds the second tree to be the first with each swap made:
the same paths, each of the same kind (folder, file, symbolic link), links with the same
target, and each file's bytes those of the first with every ``swap.old`` replaced by
``swap.new``. A file of the first that holds ``swap.old`` must therefore hold ``swap.new`` in
the second (a swap left undone is a difference too), and anything else that differs, however
small, is told with its path and the first line where the two part.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

SHOWN = 120  # characters of a differing line shown on each side


@dataclass(frozen=True)
class Swap:
    """A difference expected between the trees: ``old`` in the first is ``new`` in the second."""

    old: bytes
    new: bytes


@dataclass
class Comparison:
    """What :func:`compare` found."""

    differences: list[str] = field(default_factory=list)  # beyond the swaps, one line each, by path
    swapped: list[str] = field(default_factory=list)  # files that differ by the swaps alone, by path


def _entries(root: Path) -> dict[str, str]:
    """Every path under ``root`` (relative, with "/") and its kind: folder, file or link."""
    found: dict[str, str] = {}
    for folder, folders, files in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in folders + files:
            path = here / name
            kind = "link" if path.is_symlink() else "folder" if path.is_dir() else "file"
            found[path.relative_to(root).as_posix()] = kind
    return found


def _first_difference(expected: bytes, actual: bytes) -> str:
    """Where ``actual`` (the second's) first departs from ``expected`` (the first's, swaps made):
    the line, and both versions of it."""
    ours, theirs = expected.split(b"\n"), actual.split(b"\n")
    for number, (a, b) in enumerate(zip(ours, theirs), 1):
        if a != b:
            return f"line {number}: found {b.decode('utf-8', 'replace')[:SHOWN]!r}; " \
                   f"expected {a.decode('utf-8', 'replace')[:SHOWN]!r}"
    shorter = min(len(ours), len(theirs))
    return f"line {shorter + 1}: the {'first' if len(ours) > len(theirs) else 'second'} has more lines"


def compare(first: Path, second: Path, swaps: tuple[Swap, ...] = ()) -> Comparison:
    """Compare ``second`` with ``first`` as the module's docstring says."""
    a, b = _entries(first), _entries(second)
    result = Comparison()
    for path in sorted(a.keys() | b.keys()):
        if path not in b:
            result.differences.append(f"{path}: only in the first ({a[path]})")
        elif path not in a:
            result.differences.append(f"{path}: only in the second ({b[path]})")
        elif a[path] != b[path]:
            result.differences.append(f"{path}: a {a[path]} in the first, a {b[path]} in the second")
        elif a[path] == "link":
            if os.readlink(first / path) != os.readlink(second / path):
                result.differences.append(f"{path}: a link to {os.readlink(first / path)} in the first, "
                                          f"to {os.readlink(second / path)} in the second")
        elif a[path] == "file":
            original = (first / path).read_bytes()
            expected = original
            for swap in swaps:
                expected = expected.replace(swap.old, swap.new)
            actual = (second / path).read_bytes()
            if actual != expected:
                result.differences.append(f"{path}: {_first_difference(expected, actual)}")
            elif actual != original:
                result.swapped.append(path)
    return result
