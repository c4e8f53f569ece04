"""Reading a source file as text, refusing what an editor cannot see or did not mean.

Every source file (text, YAML, the supplied text) is read through :func:`read`, so that each
gets the same checks, each with a message naming the file and, where there is one, the line:

- it is the file itself: neither it nor a folder of its name in the repository (``source/``,
  ``source/glossary/``) is a symbolic link. All links are refused, not only those that lead out
  of the repository: a source is what the repository's history shows as its text; a link inside
  the repository could name a file that is no source (``.env``, ``.git/config``) whose first
  line a message would then quote; and no source has a use for one. A refused link is never
  read, so no message can quote what it points to. :func:`refuse_links` checks a whole folder
  (``source/``, by :mod:`hooks.edition.load`; any folder whose files are read or copied as they are);
- it exists and is a file (not a folder), of at most :data:`MAX_BYTES` (checked before reading);
- it is UTF-8, without a byte-order mark (the invisible U+FEFF some editors put first);
- every character is one an editor can see (:func:`check_text`, also used by the text parser
  and, on every decoded YAML value, by :mod:`hooks.edition.yamlsource`):

  - no control characters (C0, DEL and C1: NUL, escape, U+0085, U+009B, a lone carriage
    return …). A line break may be ``\\n`` or ``\\r\\n``; a tab only where the format allows one
    (YAML), never in a text file;
  - no invisible formatting characters (Unicode's category Cf) and no line or paragraph
    separators (U+2028, U+2029): direction controls (U+202A–U+202E, U+2066–U+2069, the marks
    U+200E, U+200F, U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF), the soft
    hyphen, tags. They reorder or hide text on the page without showing in an editor. None is
    needed by the six languages: no source uses one today; the Arabic pages are right to left
    (``dir="rtl"``), with numbers and Latin runs isolated by the build, so no text needs a
    direction mark; the joiners U+200C and U+200D serve scripts such as Persian or Devanagari,
    not these. A language that needs one would be allowed exactly that character here, for its
    files, with the reason;
  - no half of a UTF-16 surrogate pair (U+D800–U+DFFF): UTF-8 cannot hold one, but a YAML
    escape (``"\\udc80"``) can write one, and it is no character at all;
  - text in composed form (Unicode NFC): ``é`` is one character, never ``e`` and a combining
    accent, which look the same but search, match glossary terms and compare differently. Such
    text is refused, not normalized, so that what is published is what the file says, byte for
    byte (the supplied Chinese text above all, which is NFC as supplied).

:func:`check_length` is the one message for a text over its limit (each limit lives with its
format: :mod:`hooks.edition.text`, :mod:`hooks.edition.glossary`, :mod:`hooks.edition.strings`).
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from hooks.errors import SourceError

MAX_BYTES = 1_000_000  # 1 MB: every source file is a small fraction of this
BOM = "\ufeff"
NO_BOM = "UTF-8 without a byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')"
NO_LINK = "the file itself, not a symbolic link (copy the file here in place of the link)"
NO_FOLDER_LINK = "a folder of the repository itself, not a symbolic link"
# C0 and C1 control characters and DEL, but not tab, line feed, or a carriage return before a
# line feed (a Windows line break).
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Unicode's format characters (Cf) and the line and paragraph separators (Zl, Zp), as Python
# 3.11's character database (Unicode 14) has them; tests/edition/test_sourcefile.py checks this list
# against the database.
_FORMAT = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e"
           "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
           "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
_SURROGATE = "\ud800-\udfff"
_INVISIBLE = re.compile(f"[{_CONTROL}{_FORMAT}{_SURROGATE}]|\r(?!\n)")
_INVISIBLE_OR_TAB = re.compile(f"[\t{_CONTROL}{_FORMAT}{_SURROGATE}]|\r(?!\n)")
_NAMES = {0x00: "NUL", 0x09: "tab", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete"}


@dataclass(frozen=True)
class Problem:
    """The first character :func:`first_problem` refuses: where, and the message's words."""

    index: int
    found: str  # without its place: a caller adds "at column N" or "in a value"
    expected: str


def no_control(tabs: bool) -> str:
    """What a message expects instead of an invisible character."""
    return f"only visible characters, spaces{', tabs' if tabs else ''} and line breaks (delete the invisible character)"


def char_name(char: str) -> str:
    """``U+0000 (NUL)``, ``U+202E (RIGHT-TO-LEFT OVERRIDE)``: how a message names a character."""
    name = _NAMES.get(ord(char)) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def first_problem(text: str, tabs: bool) -> Problem | None:
    """The first character of ``text`` that the module docstring refuses (a tab counts unless
    ``tabs``), or where ``text`` first departs from its composed form; ``None`` if none."""
    match = (_INVISIBLE if tabs else _INVISIBLE_OR_TAB).search(text)
    if match:
        char = match.group()[0]
        if "\ud800" <= char <= "\udfff":
            return Problem(match.start(), f"U+{ord(char):04X}, half of a surrogate pair and no character,",
                           "a whole character: the character itself, or its code point in an escape of eight "
                           "hex digits (\\U0001F600)")
        kind = "control character" if unicodedata.category(char) == "Cc" else "character"
        return Problem(match.start(), f"the invisible {kind} {char_name(char)}", no_control(tabs))
    if unicodedata.is_normalized("NFC", text):
        return None
    start, written, composed = _decomposed(text)
    shown = f" '{composed}'" if not unicodedata.combining(composed[0]) else ""
    return Problem(start, f"the decomposed characters {_codes(written)}",
                   f"{_codes(composed)}{shown}, the same text composed (Unicode NFC)")


def check_text(text: str, shown: Path, tabs: bool) -> None:
    """Refuse the first character :func:`first_problem` finds, naming its line and column."""
    problem = first_problem(text, tabs)
    if problem is not None:
        start = text.rfind("\n", 0, problem.index) + 1
        raise SourceError(shown, _line(text, problem.index),
                          f"{problem.found} at column {problem.index - start + 1}", problem.expected)


HTTPS = "an address starting with https://"  # what a link of the sources must be


def https_host(value: str) -> str | None:
    """The host of ``value`` when it is an ``https:`` address with one and no white space; None
    otherwise, a malformed address too (``https://[::1/`` makes the URL parser raise)."""
    try:
        parts = urllib.parse.urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme != "https" or not host or any(c.isspace() for c in value):
        return None
    return host


def check_length(shown: Path, line: int | None, what: str, value: str, limit: int) -> None:
    """``found {what} of N characters; expected at most {limit} characters`` if ``value`` is longer."""
    if len(value) > limit:
        raise SourceError(shown, line, f"{what} of {len(value):,} characters", f"at most {limit:,} characters")


def read(path: Path, shown: Path, missing: str = "the file to exist", *, tabs: bool = False) -> str:
    """The text of ``path``, checked as the module docstring says; ``shown`` names it in
    messages (relative to the repository: the folders of that name are checked to be no links
    too), ``missing`` is what a message expects when there is no such file."""
    _refuse_linked_folders(path, shown)
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise SourceError(shown, None, "no such file", missing) from None
    except OSError as exc:
        raise SourceError(shown, None, f"a file that cannot be read ({exc.strerror})", "a readable file") from None
    if stat.S_ISLNK(info.st_mode):
        raise SourceError(shown, None, "a symbolic link", NO_LINK)
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
    check_text(text, shown, tabs)
    return text


def refuse_links(folder: Path, shown: Path) -> None:
    """Refuse the first symbolic link in ``folder`` (named ``shown`` in messages), the folder
    itself included, in the order of their paths; a linked folder is named, never entered."""
    for path in [folder, *sorted(folder.rglob("*"))]:
        if path.is_symlink():
            where = shown / path.relative_to(folder)
            if path.is_dir():
                raise SourceError(where, None, f"{where.as_posix()}/, a symbolic link", NO_FOLDER_LINK)
            raise SourceError(where, None, "a symbolic link", NO_LINK)


def _refuse_linked_folders(path: Path, shown: Path) -> None:
    """The folders of ``shown`` (``source/``, then ``source/glossary/``) are no symbolic links,
    when ``shown`` is ``path`` relative to the repository; folders above it may be."""
    parts = shown.parts
    if shown.is_absolute() or path.parts[-len(parts):] != parts:
        return  # no repository named: only the file itself is checked
    for depth in range(1, len(parts)):
        folder = path.parents[len(parts) - 1 - depth]
        if folder.is_symlink():
            raise SourceError(shown, None, f"{Path(*parts[:depth]).as_posix()}/, a symbolic link", NO_FOLDER_LINK)


def _decomposed(text: str) -> tuple[int, str, str]:
    """Where ``text`` first differs from its NFC form: the start, the characters written, and
    the same composed (a letter and its marks, or a character NFC replaces)."""
    composed_text = unicodedata.normalize("NFC", text)
    index = next((i for i, (a, b) in enumerate(zip(text, composed_text)) if a != b),
                 min(len(text), len(composed_text)) - 1)
    start = index
    while start > 0 and unicodedata.combining(text[start]):
        start -= 1
    end = index + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    while unicodedata.normalize("NFC", text[start:end]) == text[start:end] and (start > 0 or end < len(text)):
        start, end = max(start - 1, 0), min(end + 1, len(text))  # a sequence NFC joins across its parts
    return start, text[start:end], unicodedata.normalize("NFC", text[start:end])


def _codes(text: str) -> str:
    return " ".join(f"U+{ord(char):04X}" for char in text)


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
