"""hooks.sourcefile.read: what every source file must be before it is parsed.

Each case writes a small file by hand and checks the whole message; lines and columns are
counted here from the bytes the test wrote, not taken from hooks/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import sourcefile
from hooks.errors import SourceError

SHOWN = Path("source/text/en.txt")
NO_BOM = "UTF-8 without a byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')"
NO_CONTROL = "only visible characters, spaces and line breaks (delete the invisible character)"


def error(path: Path, **options) -> str:
    with pytest.raises(SourceError) as info:
        sourcefile.read(path, SHOWN, **options)
    return str(info.value)


def test_reads_utf8_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("title: 以行动促维和\r\n1. Words.\n".encode("utf-8"))  # a Windows line break is fine
    assert sourcefile.read(path, SHOWN) == "title: 以行动促维和\r\n1. Words.\n"


def test_missing_file(tmp_path):
    assert error(tmp_path / "none.txt") == "source/text/en.txt: found no such file; expected the file to exist"


def test_missing_file_with_its_own_expectation(tmp_path):
    with pytest.raises(SourceError) as info:
        sourcefile.read(tmp_path / "none.txt", SHOWN, "one text file per language")
    assert str(info.value) == "source/text/en.txt: found no such file; expected one text file per language"


def test_folder(tmp_path):
    assert error(tmp_path) == "source/text/en.txt: found a folder; expected a file"


def test_file_over_one_megabyte_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    size = 1_000_000 + 1  # the issue: a source file over 1 MB
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: no megabyte written

    def refuse(*args, **kwargs):
        raise AssertionError("the file was opened: its size must be checked before reading")

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    assert error(path) == ("source/text/en.txt: found a file of 1,000,001 bytes; "
                           "expected at most 1,000,000 bytes (1 MB)")


def test_file_of_exactly_one_megabyte_is_read(tmp_path):
    path = tmp_path / "max.txt"
    path.write_bytes(b"a" * 1_000_000)
    assert len(sourcefile.read(path, SHOWN)) == 1_000_000


def test_bytes_that_are_not_utf8_name_their_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("title: T\nsubtitle: S\n1. Café\n".encode("latin-1"))  # é is the byte E9
    assert error(path) == "source/text/en.txt:3: found the byte 0xE9, which is not UTF-8; expected text saved as UTF-8"


def test_byte_order_mark_at_the_start(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "title: T\n".encode("utf-8"))
    # in words, not as Python's '\ufeff…'
    assert error(path) == f"source/text/en.txt:1: found a byte-order mark at the start of the file; expected {NO_BOM}"


def test_byte_order_mark_inside(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_text("title: T\nsubtitle: \ufeffS\n", encoding="utf-8")
    assert error(path) == f"source/text/en.txt:2: found an invisible byte-order mark (U+FEFF); expected {NO_BOM}"


@pytest.mark.parametrize("char, name", [("\x00", "U+0000 (NUL)"), ("\x1b", "U+001B (escape)"),
                                        ("\x07", "U+0007"), ("\x85", "U+0085"), ("\x7f", "U+007F (delete)"),
                                        ("\r", "U+000D (carriage return)"), ("\t", "U+0009 (tab)")])
def test_control_character(tmp_path, char, name):
    path = tmp_path / "control.txt"
    line = "1. Some" + char + "words."
    path.write_text("title: T\n\n" + line + "\n", encoding="utf-8", newline="")
    column = line.index(char) + 1
    assert error(path) == (f"source/text/en.txt:3: found the invisible control character {name} at column "
                           f"{column}; expected {NO_CONTROL}")


def test_tab_allowed_where_the_format_allows_it(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("key:\t'value'\n", encoding="utf-8")
    assert sourcefile.read(path, SHOWN, tabs=True) == "key:\t'value'\n"


def test_nul_refused_even_where_tabs_are_allowed(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("key:\t'val\x00ue'\n", encoding="utf-8")
    assert error(path, tabs=True) == (
        "source/text/en.txt:1: found the invisible control character U+0000 (NUL) at column 10; expected only "
        "visible characters, spaces, tabs and line breaks (delete the invisible character)")
