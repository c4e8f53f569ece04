"""hooks.edition.sourcefile.read: what every source file must be before it is parsed.

Each case writes a small file by hand and checks the whole message; lines and columns are
counted here from the bytes the test wrote, not taken from hooks/.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from hooks.edition import sourcefile
from hooks.errors import SourceError
from tests import source_errors

SHOWN = Path("source/text/en.txt")
NO_BOM = "UTF-8 without a byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')"
NO_CONTROL = "only visible characters, spaces and line breaks (delete the invisible character)"


def error(path: Path, **options) -> str:
    return source_errors.error(sourcefile.read, path, SHOWN, **options)


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


# -- C1 control characters in YAML too (a mutation that let them through passed every test) ----------

NO_CONTROL_YAML = "only visible characters, spaces, tabs and line breaks (delete the invisible character)"


@pytest.mark.parametrize("char, code", [("\x85", "U+0085"), ("\x9b", "U+009B"), ("\x80", "U+0080"), ("\x9f", "U+009F")])
@pytest.mark.parametrize("tabs", [False, True], ids=["text", "yaml"])
def test_c1_control_character(tmp_path, char, code, tabs):
    """C1 controls (NEL U+0085, CSI U+009B …) in a text file and in a YAML file."""
    path = tmp_path / "c1.yml"
    line = "key: 'va" + char + "lue'"
    path.write_text("# comment\n" + line + "\n", encoding="utf-8", newline="")
    assert error(path, tabs=tabs) == (f"source/text/en.txt:2: found the invisible control character {code} at column "
                                      f"{line.index(char) + 1}; expected {NO_CONTROL_YAML if tabs else NO_CONTROL}")


# -- invisible formatting characters: direction, zero width, separators --------------------------------

# written out by hand from the Unicode character database (the names an editor can look up)
INVISIBLE = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE", "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE", "\u2069": "POP DIRECTIONAL ISOLATE", "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK", "\u061c": "ARABIC LETTER MARK", "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER", "\u2060": "WORD JOINER",
    "\u00ad": "SOFT HYPHEN", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR",
    "\u2063": "INVISIBLE SEPARATOR", "\u180e": "MONGOLIAN VOWEL SEPARATOR", "\ufff9": "INTERLINEAR ANNOTATION ANCHOR",
    "\U000e0041": "TAG LATIN CAPITAL LETTER A",
}


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("tabs", [False, True], ids=["text", "yaml"])
def test_invisible_formatting_character(tmp_path, char, tabs):
    path = tmp_path / "en.txt"
    line = "5. Safety of " + char + "peacekeepers"
    path.write_text("title: T\nsubtitle: S\n" + line + "\n", encoding="utf-8", newline="")
    column = len("5. Safety of ") + 1
    assert error(path, tabs=tabs) == (
        f"source/text/en.txt:3: found the invisible character U+{ord(char):04X} ({INVISIBLE[char]}) at column "
        f"{column}; expected {NO_CONTROL_YAML if tabs else NO_CONTROL}")


def test_invisible_character_after_a_wide_character_counts_columns_in_characters(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text("title: 以行动\u202e促维和\n", encoding="utf-8")
    assert error(path) == ("source/text/en.txt:1: found the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) "
                           f"at column 11; expected {NO_CONTROL}")  # 'title: 以行动' is ten characters


def test_visible_spaces_and_marks_are_read(tmp_path):
    """What the real sources use: no-break and narrow no-break spaces (French), Arabic vowel
    marks (composed text keeps them apart), an ideographic space."""
    words = "1. Article\u00a01\u202f: «\u202fpaix\u202f» ; وَلِيُّ ;\u3000和平\n"
    path = tmp_path / "a.txt"
    path.write_text(words, encoding="utf-8")
    assert sourcefile.read(path, SHOWN) == words


# -- text in composed form (Unicode NFC) -----------------------------------------------------------

@pytest.mark.parametrize("written, at, codes, composed", [
    ("Cafe\u0301", 3, "U+0065 U+0301", "U+00E9 'é'"),  # at: where the decomposed letter starts in ``written``
    ("E\u0301tat", 0, "U+0045 U+0301", "U+00C9 'É'"),
    ("\u212bngstr", 0, "U+212B", "U+00C5 'Å'"),  # ANGSTROM SIGN, a letter A with ring in NFC
    ("\u0435\u0308\u0436", 0, "U+0435 U+0308", "U+0451 'ё'"),
])
def test_decomposed_text(tmp_path, written, at, codes, composed):
    path = tmp_path / "en.txt"
    line = "4. Le " + written + " et la paix."
    path.write_text("title: T\n" + line + "\n", encoding="utf-8")
    column = len("4. Le ") + at + 1
    assert error(path) == (f"source/text/en.txt:2: found the decomposed characters {codes} at column {column}; "
                           f"expected {composed}, the same text composed (Unicode NFC)")


def test_the_supplied_chinese_text_is_composed_and_visible_as_it_is():
    """The supplied text is read byte for byte: it must pass as it is, never be rewritten."""
    seed = Path(__file__).resolve().parents[2] / "source" / "seed" / "a4p-declaration.zh.txt"
    assert sourcefile.read(seed, SHOWN).encode("utf-8") == seed.read_bytes()


# -- symbolic links: a source is the file itself ----------------------------------------------------

LINK = "the file itself, not a symbolic link (copy the file here in place of the link)"
SECRET = "root:x:0:0:root:/root:/bin/bash"


def repository(tmp_path: Path) -> Path:
    """A repository folder with source/glossary/, and a file outside it holding a secret."""
    (tmp_path / "repo" / "source" / "glossary").mkdir(parents=True)
    (tmp_path / "outside.yml").write_text(SECRET + "\n", encoding="utf-8")
    return tmp_path / "repo"


def test_link_to_a_file_outside_is_refused_and_never_quoted(tmp_path):
    repo = repository(tmp_path)
    link = repo / "source" / "glossary" / "en.yml"
    link.symlink_to(tmp_path / "outside.yml")
    with pytest.raises(SourceError) as info:
        sourcefile.read(link, Path("source/glossary/en.yml"), tabs=True)
    assert str(info.value) == f"source/glossary/en.yml: found a symbolic link; expected {LINK}"
    assert "root:" not in str(info.value)


def test_link_to_a_file_inside_is_refused_too(tmp_path):
    repo = repository(tmp_path)
    (repo / ".env").write_text("TOKEN=secret\n", encoding="utf-8")
    link = repo / "source" / "glossary" / "en.yml"
    link.symlink_to(Path("..", "..", ".env"))
    with pytest.raises(SourceError) as info:
        sourcefile.read(link, Path("source/glossary/en.yml"), tabs=True)
    assert str(info.value) == f"source/glossary/en.yml: found a symbolic link; expected {LINK}"


def test_link_to_a_folder_on_the_way_is_refused(tmp_path):
    repo = repository(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "en.yml").write_text(SECRET + "\n", encoding="utf-8")
    (repo / "source" / "glossary").rmdir()
    (repo / "source" / "glossary").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(SourceError) as info:
        sourcefile.read(repo / "source" / "glossary" / "en.yml", Path("source/glossary/en.yml"), tabs=True)
    assert str(info.value) == ("source/glossary/en.yml: found source/glossary/, a symbolic link; "
                               "expected a folder of the repository itself, not a symbolic link")


def test_source_folder_itself_a_link(tmp_path):
    repo = repository(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "structure.yml").write_text(SECRET + "\n", encoding="utf-8")
    real = repo / "source"
    real.rename(tmp_path / "moved")
    real.symlink_to(tmp_path / "other", target_is_directory=True)
    with pytest.raises(SourceError) as info:
        sourcefile.read(real / "structure.yml", Path("source/structure.yml"), tabs=True)
    assert str(info.value) == ("source/structure.yml: found source/, a symbolic link; "
                               "expected a folder of the repository itself, not a symbolic link")


def test_folders_above_the_repository_may_be_links(tmp_path):
    """Only what the message names is checked: the repository itself may live behind a link."""
    repo = repository(tmp_path)
    (repo / "source" / "glossary" / "en.yml").write_text("terms: {}\n", encoding="utf-8")
    (tmp_path / "via").symlink_to(repo, target_is_directory=True)
    assert sourcefile.read(tmp_path / "via" / "source" / "glossary" / "en.yml",
                           Path("source/glossary/en.yml"), tabs=True) == "terms: {}\n"


def test_refuse_links_finds_the_first_link_of_a_tree(tmp_path):
    repo = repository(tmp_path)
    (repo / "source" / "glossary" / "en.yml").write_text("terms: {}\n", encoding="utf-8")
    (repo / "source" / "text").mkdir()
    (repo / "source" / "text" / "fr.txt").symlink_to(tmp_path / "outside.yml")
    (repo / "source" / "text" / "en.txt").symlink_to(tmp_path / "outside.yml")
    with pytest.raises(SourceError) as info:
        sourcefile.refuse_links(repo / "source", Path("source"))
    assert str(info.value) == f"source/text/en.txt: found a symbolic link; expected {LINK}"


def test_refuse_links_of_a_tree_without_links(tmp_path):
    repo = repository(tmp_path)
    (repo / "source" / "glossary" / "en.yml").write_text("terms: {}\n", encoding="utf-8")
    sourcefile.refuse_links(repo / "source", Path("source"))  # no error


def test_refuse_links_names_a_linked_folder_without_entering_it(tmp_path):
    repo = repository(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (repo / "source" / "i18n").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(SourceError) as info:
        sourcefile.refuse_links(repo / "source", Path("source"))
    assert str(info.value) == ("source/i18n: found source/i18n/, a symbolic link; "
                               "expected a folder of the repository itself, not a symbolic link")


# -- lengths of one text ---------------------------------------------------------------------------

def test_check_length():
    sourcefile.check_length(SHOWN, 4, "a definition", "d" * 20, 20)  # at the limit: accepted
    with pytest.raises(SourceError) as info:
        sourcefile.check_length(SHOWN, 4, "a definition", "d" * 2_001, 2_000)
    assert str(info.value) == ("source/text/en.txt:4: found a definition of 2,001 characters; "
                               "expected at most 2,000 characters")


def test_the_invisible_characters_are_those_of_the_character_database():
    """Every format character (Cf) and line or paragraph separator of Python's Unicode database
    is refused; every other character refused is a control character, a surrogate, one the
    database does not know yet (a newer Unicode may add format characters), or one that Unicode
    NFC replaces (U+212B ANGSTROM SIGN, the CJK compatibility ideographs)."""
    refused, missed = [], []
    for code in range(0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        problem = sourcefile.first_problem(char, tabs=True)
        if category in ("Cf", "Zl", "Zp") and problem is None:
            missed.append(f"U+{code:04X}")
        if problem is not None and category not in ("Cf", "Zl", "Zp", "Cc", "Cs", "Cn") \
                and unicodedata.normalize("NFC", char) == char:
            refused.append(f"U+{code:04X}")
    assert missed == []
    assert refused == []
