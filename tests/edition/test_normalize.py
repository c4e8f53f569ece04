"""hooks.edition.normalize (load + replay) and scripts/normalize.py: from the supplied text to zh.txt."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from hooks.edition import normalize, structure
from hooks.edition.load import Layout, canonical_source_text
from hooks.errors import SourceError
from scripts import normalize as normalize_script
from tests.sourcecopy import SLUGS, SOURCE, edit, line_containing as line

SEED = SOURCE / "seed" / "a4p-declaration.zh.txt"
# sha256sum of the supplied file (/work/shared/seed/a4p-declaration.zh.txt), computed by hand
# when it was copied in: the seed must stay byte for byte as supplied.
SEED_SHA256 = "5a7dadce4c2cb10dc2bd990a2a0e2867ac633b86ae2e5ebe8febd33ee7b19ab0"
STRUCTURE = structure.load(SOURCE / "structure.yml")
SHOWN = Path("source/normalizations.yml")
SHOWN_SEED = "source/seed/a4p-declaration.zh.txt"


def remove_entry(path: Path, entry_id: str) -> None:
    """Delete the list item ``- id: entry_id`` (up to the next item or key) from a YAML list."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = line(path, f"- id: {entry_id}") - 1
    end = start + 1
    while lines[end].startswith("    "):
        end += 1
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


def load(src: Path) -> normalize.Normalizations:
    return normalize.load(src / "normalizations.yml", structure.load(src / "structure.yml"), SHOWN)


def load_error(src: Path) -> str:
    with pytest.raises(SourceError) as info:
        load(src)
    return str(info.value)


def replay_error(src: Path) -> str:
    norms = load(src)
    with pytest.raises(SourceError) as info:
        normalize.replay(norms.seed.read_text(encoding="utf-8"), norms, STRUCTURE)
    return str(info.value)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- the real list ----------------------------------------------------------------------------

def test_seed_is_the_supplied_file():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_replay_gives_zh_txt_byte_for_byte():
    norms = normalize.load(SOURCE / "normalizations.yml", STRUCTURE)
    assert norms.seed == SEED
    replayed = normalize.replay(SEED.read_text(encoding="utf-8"), norms, STRUCTURE)
    assert replayed.encode("utf-8") == (SOURCE / "text" / "zh.txt").read_bytes()


def test_editorial_headings_are_exactly_the_editorial_pages():
    norms = normalize.load(SOURCE / "normalizations.yml", STRUCTURE)
    inserted = [e.page for e in norms.entries if e.inserts]
    assert sorted(inserted) == sorted(p.slug for p in STRUCTURE.pages if p.editorial_heading)


def test_notes_change_nothing():
    norms = normalize.load(SOURCE / "normalizations.yml", STRUCTURE)
    assert {n.paragraph: (n.find, n.probable) for n in norms.notes} == {
        10: ("采取的放矢", "采取有的放矢"), 16: ("保持平时", "保持和平时")}
    assert all(n.find in (SOURCE / "text" / "zh.txt").read_text(encoding="utf-8") for n in norms.notes)


# -- load: malformed normalizations.yml --------------------------------------------------------

def test_unknown_kind(src):
    path = src / "normalizations.yml"
    edit(path, "kind: conversion", "kind: typo")
    assert load_error(src) == (f"source/normalizations.yml:{line(path, 'kind: typo')}: found kind 'typo'; "
                               "expected one of conversion, page-break, heading-layout, editorial-heading")


def test_id_twice(src):
    path = src / "normalizations.yml"
    edit(path, "id: para-6-page-break", "id: para-4-and")
    second = line(path, "paragraph: 6") - 2  # the id line of the former para-6-page-break
    assert load_error(src) == (f"source/normalizations.yml:{second}: found id 'para-4-and' a second time; "
                               "expected each id once")


def test_unknown_page(src):
    path = src / "normalizations.yml"
    edit(path, "page: politics", "page: politic")
    assert load_error(src) == (f"source/normalizations.yml:{line(path, 'page: politic')}: found unknown slug "
                               f"'politic'; expected one of {SLUGS}")


def test_editorial_heading_for_a_supplied_page(src):
    path = src / "normalizations.yml"
    edit(path, "page: preamble", "page: politics")
    kind = line(path, "id: heading-preamble") + 1  # the entry's 'kind:' line
    assert load_error(src) == (f"source/normalizations.yml:{kind}: found editorial-heading for page 'politics'; "
                               "expected a page whose heading is editorial in structure.yml")


def test_paragraph_out_of_range(src):
    path = src / "normalizations.yml"
    edit(path, "paragraph: 4\n", "paragraph: 25\n")
    assert load_error(src) == (f"source/normalizations.yml:{line(path, 'paragraph: 25')}: found paragraph 25; "
                               "expected a paragraph number 1-24")


def test_entry_without_find(src):
    path = src / "normalizations.yml"
    edit(path, '    find: "国家 and 区域"\n', "")
    assert load_error(src) == (f"source/normalizations.yml:{line(path, 'id: para-4-and')}: found normalization "
                               "'para-4-and' without 'find'; expected a 'find' key")


# -- replay: a list that no longer fits the supplied text ----------------------------------------

def test_find_no_longer_in_the_supplied_text(src):
    # a new supplied text that no longer has the conversion artefact
    edit(src / "seed" / "a4p-declaration.zh.txt", "国家 and 区域", "国家和区域")
    entry = line(src / "normalizations.yml", "id: para-4-and")
    assert replay_error(src) == (f"source/normalizations.yml:{entry}: found 'find' of 'para-4-and' 0 times "
                                 "in the supplied text; expected exactly once")


def test_find_several_times_in_the_supplied_text(src):
    path = src / "normalizations.yml"
    edit(path, 'find: "国家 and 区域"', 'find: "秘书长承诺"')
    # 4: the supplied text has 秘书长承诺 in paragraphs 6, 13, 14 and 16 (grep -o | wc -l)
    assert replay_error(src) == (f"source/normalizations.yml:{line(path, 'id: para-4-and')}: found 'find' of "
                                 "'para-4-and' 4 times in the supplied text; expected exactly once")


def test_heading_left_unlaid_out(src):
    remove_entry(src / "normalizations.yml", "heading-politics")
    # line 15 of the supplied text (its hash is pinned above) is "**推动冲突政治解决，"
    assert replay_error(src) == (
        f"{SHOWN_SEED}:15: found a block that is neither a paragraph nor a one-line heading: "
        "'**推动冲突政治解决，\\n增强维和政治影响**'; expected a normalization in normalizations.yml that lays it out")


def test_editorial_page_without_its_heading(src):
    remove_entry(src / "normalizations.yml", "heading-preamble")
    # The supplied text must not be edited, so the message names normalizations.yml and the
    # entry it lacks, not the supplied text.
    assert replay_error(src) == (
        "source/normalizations.yml: found no editorial-heading entry for page 'preamble'; "
        "expected an entry 'kind: editorial-heading, page: preamble' with its 'insert'")


# -- scripts/normalize.py --------------------------------------------------------------------

@pytest.fixture
def script_root(src, monkeypatch) -> Path:
    """scripts/normalize.py pointed at the private copy."""
    monkeypatch.setattr(normalize_script, "ROOT", src.parent)
    return src.parent


def test_check_passes_on_the_real_sources(script_root, capsys):
    assert normalize_script.main(["--check"]) == 0
    assert capsys.readouterr().out == "source/text/zh.txt is the supplied text plus the listed normalizations\n"


def test_check_reports_a_hand_edit_and_writes_nothing(script_root, capsys):
    edit(script_root / "source" / "text" / "zh.txt", "国家和区域", "国家与区域")
    before = snapshot(script_root)
    assert normalize_script.main(["--check"]) == 1
    assert snapshot(script_root) == before
    assert capsys.readouterr().err == ("source/text/zh.txt differs from the supplied text plus the "
                                       "normalizations; run: python scripts/normalize.py\n")


def test_rewrite_restores_zh_txt(script_root, capsys):
    edit(script_root / "source" / "text" / "zh.txt", "国家和区域", "国家与区域")
    assert normalize_script.main([]) == 0
    assert (script_root / "source" / "text" / "zh.txt").read_bytes() == (SOURCE / "text" / "zh.txt").read_bytes()
    assert capsys.readouterr().out == "wrote source/text/zh.txt\n"


@pytest.mark.parametrize("argv", [[], ["--check"]])
def test_broken_list_stops_and_writes_nothing(script_root, capsys, argv):
    edit(script_root / "source" / "normalizations.yml", 'find: "国家 and 区域"', 'find: "国家 und 区域"')
    before = snapshot(script_root)
    assert normalize_script.main(argv) == 2
    assert snapshot(script_root) == before
    entry = line(script_root / "source" / "normalizations.yml", "id: para-4-and")
    assert capsys.readouterr().err == (f"error: source/normalizations.yml:{entry}: found 'find' of 'para-4-and' "
                                       "0 times in the supplied text; expected exactly once\n")


def test_supplied_heading_before_an_editorial_page(src):
    """A heading in the supplied text where structure.yml gives the page an editorial heading
    was silently dropped; it must stop the replay, naming the supplied text's line."""
    seed = src / "seed" / "a4p-declaration.zh.txt"
    edit(seed, "\n\n8. 我们共同承诺", "\n\n妇女参与维和行动\n\n8. 我们共同承诺")
    assert replay_error(src) == (
        f"{SHOWN_SEED}:{line(seed, '妇女参与维和行动')}: found heading '妇女参与维和行动' before paragraph 8, where "
        "page 'women-peace-security' begins; expected no supplied heading there (page 'women-peace-security' "
        "has an editorial heading in structure.yml)")


# -- seed: where the supplied text is, and what it must be -----------------------------------------

INSIDE = "expected a file inside source/, like seed/a4p-declaration.zh.txt"


def seed_error(src: Path) -> str:
    """The message of replaying the copy, as the build and scripts/normalize.py do."""
    with pytest.raises(SourceError) as info:
        canonical_source_text(Layout(src))
    return str(info.value)


@pytest.mark.parametrize("seed", ["../outside.txt", "seed/../../outside.txt", "/etc/hostname"])
def test_seed_outside_source(src, seed):
    (src.parent / "outside.txt").write_text("以行动促维和\n", encoding="utf-8")
    path = src / "normalizations.yml"
    edit(path, "seed: seed/a4p-declaration.zh.txt\n", f"seed: {seed}\n")
    assert seed_error(src) == f"source/normalizations.yml:{line(path, 'seed: ')}: found seed '{seed}', " \
                              f"outside source/; {INSIDE}"


def test_seed_linked_to_a_file_outside_source(src):
    (src.parent / "outside.txt").write_text("以行动促维和\n", encoding="utf-8")
    (src / "seed" / "link.txt").symlink_to(src.parent / "outside.txt")
    path = src / "normalizations.yml"
    edit(path, "seed: seed/a4p-declaration.zh.txt\n", "seed: seed/link.txt\n")
    assert seed_error(src) == f"source/normalizations.yml:{line(path, 'seed: ')}: found seed 'seed/link.txt', " \
                              f"outside source/; {INSIDE}"


def test_seed_missing(src):
    (src / "seed" / "a4p-declaration.zh.txt").unlink()
    path = src / "normalizations.yml"
    assert seed_error(src) == (f"source/normalizations.yml:{line(path, 'seed: ')}: found seed "
                               f"'seed/a4p-declaration.zh.txt', which does not exist; {INSIDE}")


def test_seed_a_folder(src):
    path = src / "normalizations.yml"
    edit(path, "seed: seed/a4p-declaration.zh.txt\n", "seed: seed\n")
    assert seed_error(src) == f"source/normalizations.yml:{line(path, 'seed: ')}: found seed 'seed', a folder; {INSIDE}"


def test_seed_not_utf8(src):
    seed = src / "seed" / "a4p-declaration.zh.txt"
    subtitle = line(seed, "联合国维和行动共同承诺宣言")
    seed.write_bytes(seed.read_bytes().replace("联合国维和行动共同承诺宣言".encode("utf-8"),
                                               "联合国维和行动共同承诺宣言".encode("gb18030")))
    first_byte = "联".encode("gb18030")[0]  # gb18030 is not UTF-8 from its first byte
    assert seed_error(src) == (f"{SHOWN_SEED}:{subtitle}: found the byte 0x{first_byte:02X}, which is not UTF-8; "
                               "expected text saved as UTF-8")


def test_seed_with_a_byte_order_mark(script_root, capsys):
    seed = script_root / "source" / "seed" / "a4p-declaration.zh.txt"
    seed.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes())
    before = snapshot(script_root)
    assert normalize_script.main([]) == 2
    assert snapshot(script_root) == before
    assert capsys.readouterr().err == (f"error: {SHOWN_SEED}:1: found a byte-order mark at the start of the file; "
                                       "expected UTF-8 without a byte-order mark (save the file as 'UTF-8', not "
                                       "'UTF-8 with BOM')\n")


def test_zh_txt_not_utf8_is_reported_then_rewritten(script_root, capsys):
    """A zh.txt saved in another encoding (it raised UnicodeDecodeError) differs, and is rewritten."""
    zh = script_root / "source" / "text" / "zh.txt"
    zh.write_bytes(zh.read_text(encoding="utf-8").encode("gb18030"))
    assert normalize_script.main(["--check"]) == 1
    assert normalize_script.main([]) == 0
    assert zh.read_bytes() == (SOURCE / "text" / "zh.txt").read_bytes()


def test_zh_txt_a_folder(script_root, capsys):
    zh = script_root / "source" / "text" / "zh.txt"
    zh.unlink()
    zh.mkdir()
    before = snapshot(script_root)
    assert normalize_script.main([]) == 2
    assert snapshot(script_root) == before
    assert capsys.readouterr().err == "error: source/text/zh.txt: found a folder; expected a file\n"
