"""Reading a source file as text, refusing what an editor cannot see or did not mean.

Every source file (text, YAML, the supplied text) is read through :func:`read`, so that each
gets the same checks, each with a message naming the file and, where there is one, the line:

- it exists and is a file (not a folder), of at most :data:`MAX_BYTES` (checked before reading);
- it is UTF-8, without a byte-order mark (the invisible U+FEFF some editors put first);
- it has no control characters (NUL, escape, a lone carriage return …): they are invisible in
  an editor and would reach the pages. A line break may be ``\\n`` or ``\\r\\n``; a tab only
  where the format allows one (YAML), never in a text file.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from hooks.errors import SourceError

MAX_BYTES = 1_000_000  # 1 MB: every source file is a small fraction of this
BOM = "\ufeff"
# C0 and C1 control characters and DEL, but not tab, line feed, or a carriage return before a
# line feed (a Windows line break).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_CONTROL_OR_TAB = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_NAMES = {0x00: "NUL", 0x09: "tab", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete"}
NO_BOM = "UTF-8 without a byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')"


def no_control(tabs: bool) -> str:
    """What a message expects instead of a control character."""
    return f"only visible characters, spaces{', tabs' if tabs else ''} and line breaks (delete the invisible character)"


def control_name(char: str) -> str:
    """``U+0000 (NUL)``: how a message names an invisible character."""
    name = _NAMES.get(ord(char))
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def first_control(text: str, tabs: bool) -> int | None:
    """The index of the first control character in ``text`` (a tab counts unless ``tabs``)."""
    match = (_CONTROL if tabs else _CONTROL_OR_TAB).search(text)
    return match.start() if match else None


def read(path: Path, shown: Path, missing: str = "the file to exist", *, tabs: bool = False) -> str:
    """The text of ``path``, checked as the module docstring says; ``shown`` names it in
    messages, ``missing`` is what a message expects when there is no such file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceError(shown, None, "no such file", missing) from None
    except OSError as exc:
        raise SourceError(shown, None, f"a file that cannot be read ({exc.strerror})", "a readable file") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(shown, None, "a folder", "a file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(shown, None, "a special file", "an ordinary file")
    if info.st_size > MAX_BYTES:
        raise SourceError(shown, None, f"a file of {info.st_size:,} bytes", f"at most {MAX_BYTES:,} bytes (1 MB)")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise SourceError(shown, None, f"a file that cannot be read ({exc.strerror})", "a readable file") from None
    if len(data) > MAX_BYTES:
        raise SourceError(shown, None, f"a file of more than {MAX_BYTES:,} bytes", f"at most {MAX_BYTES:,} bytes (1 MB)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(shown, line, f"the byte 0x{data[exc.start]:02X}, which is not UTF-8",
                          "text saved as UTF-8") from None
    if text.startswith(BOM):
        raise SourceError(shown, 1, "a byte-order mark at the start of the file", NO_BOM)
    if BOM in text:
        raise SourceError(shown, _line(text, text.index(BOM)), "an invisible byte-order mark (U+FEFF)", NO_BOM)
    index = first_control(text, tabs)
    if index is not None:
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise SourceError(shown, _line(text, index),
                          f"the invisible control character {control_name(text[index])} at column {column}",
                          no_control(tabs))
    return text


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
