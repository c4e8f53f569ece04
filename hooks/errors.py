"""The one error a malformed source raises: file, line, what was found, what was expected."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """A source file (text, structure, normalizations, interface strings) is malformed.

    The message always reads ``FILE:LINE: found FOUND; expected EXPECTED`` so that an
    editor can jump to the place and knows what to write there.
    """

    def __init__(self, path: Path | str, line: int | None, found: str, expected: str):
        self.path = Path(path)
        self.line = line
        self.found = found
        self.expected = expected
        where = f"{self.path.as_posix()}:{line}" if line else self.path.as_posix()
        super().__init__(f"{where}: found {found}; expected {expected}")
