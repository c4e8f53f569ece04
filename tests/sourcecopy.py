"""Helpers for the tests that break one thing in a private copy of source/ (the ``src`` fixture).

``edit`` changes the copy as text; ``line`` and ``line_containing`` find the 1-based line an
expected ``FILE:LINE: found X; expected Y`` message must name, independently of hooks/.
"""

from __future__ import annotations

from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "source"
SLUGS = ("preamble, politics, women-peace-security, protection, safety-security, performance, "
         "peacebuilding, partnerships, conduct, follow-up")  # structure.yml order (CONTRACT.md)


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old``, which must occur exactly once in the file, by ``new``."""
    content = path.read_text(encoding="utf-8")
    assert content.count(old) == 1, f"test setup: {old!r} must occur once in {path.name}"
    path.write_text(content.replace(old, new), encoding="utf-8")


def line(path: Path, start: str) -> int:
    """The number of the one line that starts with ``start``."""
    found = [n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text.startswith(start)]
    assert len(found) == 1, f"test setup: {start!r} starts {len(found)} lines"
    return found[0]


def exact_line(path: Path, whole: str) -> int:
    """The number of the one line that is exactly ``whole``."""
    found = [n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text == whole]
    assert len(found) == 1, f"test setup: {whole!r} is {len(found)} lines"
    return found[0]


def line_containing(path: Path, needle: str) -> int:
    """The number of the one line that contains ``needle``."""
    found = [n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in text]
    assert len(found) == 1, f"test setup: {needle!r} is on {len(found)} lines"
    return found[0]


def misnumber_paragraph_12(text_file: Path) -> int:
    """Renumber paragraph 12 of a text file as 13 (a gap and a duplicate); return its line."""
    lines = text_file.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("12. "))
    lines[index] = "13" + lines[index][2:]
    text_file.write_text("\n".join(lines), encoding="utf-8")
    return index + 1
