"""hooks.edition.load: loading every source into one cross-checked Edition, first error stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.edition import load, text
from hooks.errors import SourceError
from tests import source_errors
from tests.sourcecopy import SLUGS, SOURCE, edit, exact_line, line

REPLAY = ("the supplied text plus the listed normalizations "
          "(edit normalizations.yml, then run scripts/normalize.py)")


def error(src: Path, read=load.load_edition) -> str:
    return source_errors.error(read, load.Layout(src))


# -- the real sources -------------------------------------------------------------------------

def test_languages():
    languages = load.load_languages(load.Layout(SOURCE))
    assert [(lang.code, lang.name, lang.dir, lang.is_source) for lang in languages] == [
        ("zh", "中文", "ltr", True), ("en", "English", "ltr", False), ("fr", "Français", "ltr", False),
        ("es", "Español", "ltr", False), ("ru", "Русский", "ltr", False), ("ar", "العربية", "rtl", False)]


def test_edition_loads(edition):
    assert edition.source.code == "zh"
    for code in ("zh", "en"):
        assert list(edition.texts[code].paragraphs) == list(range(1, 25))  # 24 paragraphs (CONTRACT.md)
    politics = edition.structure.page("politics")
    assert [p.number for p in edition.paragraphs("en", politics)] == [4, 5, 6, 7]  # CONTRACT.md
    assert edition.heading("zh", "politics") == "推动冲突政治解决，增强维和政治影响"
    # the two editorial notes (normalizations.yml) sit on paragraphs 10 and 16
    noted = {p.number for page in edition.structure.pages for p in edition.paragraphs("zh", page) if p.notes}
    assert noted == {10, 16}


def test_canonical_source_text_is_zh_txt(layout):
    assert load.canonical_source_text(layout).encode("utf-8") == layout.text_file("zh").read_bytes()


# -- zh.txt must be the replay of the supplied text ------------------------------------------------

def test_zh_paragraph_edited_by_hand(src):
    zh = src / "text" / "zh.txt"
    edit(zh, "国家和区域", "国家与区域")
    assert error(src) == f"source/text/zh.txt:{line(zh, '4. ')}: found paragraph 4 differing from the " \
                         f"supplied text; expected {REPLAY}"


def test_zh_heading_edited_by_hand(src):
    zh = src / "text" / "zh.txt"
    edit(zh, "[politics] 推动冲突政治解决，增强维和政治影响", "[politics] 政治")
    assert error(src) == f"source/text/zh.txt:{line(zh, '[politics]')}: found heading 'politics' differing " \
                         f"from the supplied text; expected {REPLAY}"


def test_zh_title_edited_by_hand(src):
    zh = src / "text" / "zh.txt"
    edit(zh, "title: 以行动促维和", "title: 以行动促和平")
    # the message names the title's own line, not line 1 (a comment)
    assert error(src) == f"source/text/zh.txt:{line(zh, 'title:')}: found title differing " \
                         f"from the supplied text; expected {REPLAY}"


def test_zh_edited_fails_canonical_check_too(src):
    edit(src / "text" / "zh.txt", "国家和区域", "国家与区域")
    assert load.canonical_source_text(load.Layout(src)) != (src / "text" / "zh.txt").read_text(encoding="utf-8")


# -- cross-file checks ------------------------------------------------------------------------

def test_slug_renamed_in_structure(src):
    edit(src / "structure.yml", "slug: conduct\n", "slug: behaviour\n")
    norms = src / "normalizations.yml"
    assert error(src) == (f"source/normalizations.yml:{line(norms, '    page: conduct')}: found unknown slug "
                          f"'conduct'; expected one of {SLUGS.replace('conduct', 'behaviour')}")


def test_translation_missing_a_heading(src):
    en = src / "text" / "en.txt"
    edit(en, "[follow-up] Follow-up\n", "")
    # paragraph 24 now stands under [conduct]; the heading is missing before it
    assert error(src) == (f"source/text/en.txt:{line(en, '24. ')}: found no heading for 'follow-up'; "
                          "expected a line '[follow-up] …' before paragraph 24")


def test_note_no_longer_in_its_paragraph(src):
    norms = src / "normalizations.yml"
    edit(norms, 'find: "采取的放矢"', 'find: "采取得放矢"')
    assert error(src) == (f"source/normalizations.yml:{line(norms, '  - id: para-10-you-di-fang-shi')}: found "
                          "'采取得放矢' 0 times in paragraph 10; expected exactly once")


def test_language_without_a_text_file(src):
    # German: a language no translator is adding (fr, es, ru and ar are on their way)
    edit(src / "languages.yml", "  - code: en\n", "  - code: de\n    name: Deutsch\n  - code: en\n")
    assert error(src) == "source/text/de.txt: found no such file; expected one text file per language"


# -- languages.yml ----------------------------------------------------------------------------

def test_second_language_marked_source(src):
    langs = src / "languages.yml"
    edit(langs, "    name: English\n", "    name: English\n    source: true\n")
    assert error(src, load.load_languages) == (
        f"source/languages.yml:{line(langs, '  - code: en')}: found language 'en' marked source: true; "
        "expected exactly the first language marked source: true")


def test_source_language_not_first(src):
    langs = src / "languages.yml"
    edit(langs, "    source: true\n", "")
    assert error(src, load.load_languages) == (
        f"source/languages.yml:{line(langs, '  - code: zh')}: found language 'zh' not marked source: true; "
        "expected exactly the first language marked source: true")


@pytest.mark.parametrize("code", ["eng", "EN", "e"])
def test_language_code_not_iso_639_1(src, code):
    langs = src / "languages.yml"
    edit(langs, "code: en\n", f"code: {code}\n")
    assert error(src, load.load_languages) == (
        f"source/languages.yml:{exact_line(langs, f'  - code: {code}')}: found code '{code}'; "
        "expected a two-letter ISO 639-1 code")


def test_language_twice(src):
    langs = src / "languages.yml"
    edit(langs, "code: en\n", "code: zh\n")
    second = line(langs, "    name: English") - 1
    assert error(src, load.load_languages) == (
        f"source/languages.yml:{second}: found language 'zh' a second time; expected each language once")


def test_unknown_direction(src):
    langs = src / "languages.yml"
    edit(langs, "    name: English\n    dir: ltr", "    name: English\n    dir: up")
    assert error(src, load.load_languages) == (
        f"source/languages.yml:{line(langs, '    dir: up')}: found dir 'up'; expected dir: ltr or dir: rtl")


# -- translator's notes: translations only ----------------------------------------------------------

def insert_below(path: Path, start: str, new_line: str) -> None:
    """Insert ``new_line`` below the one line that starts with ``start``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(line(path, start), new_line)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_translator_note_in_the_source_language_stops_the_build(src):
    zh = src / "text" / "zh.txt"
    insert_below(zh, "3. ", "> 译者注。")
    assert error(src) == (f"source/text/zh.txt:{line(zh, '> 译者注。')}: found a translator's note in the source "
                          "language's text; expected notes only in a translation (the source language's text is "
                          "the supplied text)")


def test_translator_notes_reach_the_edition(src):
    en = src / "text" / "en.txt"
    real = text.read(SOURCE / "text" / "en.txt")
    assert 5 not in real.translator_notes  # test setup: paragraph 5 has no note of its own
    insert_below(en, "5. ", "> A translator's note.")
    loaded = load.load_edition(load.Layout(src))
    assert loaded.texts["en"].translator_notes == {**real.translator_notes, 5: ("A translator's note.",)}
    assert loaded.texts["en"].translator_note_lines[5] == (line(en, "> A translator's note."),)


def test_byte_order_mark_in_languages_yml(src):
    path = src / "languages.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert error(src, load.load_languages) == (
        "source/languages.yml:1: found a byte-order mark at the start of the file; expected UTF-8 without a "
        "byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')")


def test_source_file_over_one_megabyte(src):
    path = src / "glossary" / "en.yml"
    size = 1_000_000 + 1
    with path.open("ab") as handle:
        handle.truncate(size)
    assert error(src) == f"source/glossary/en.yml: found a file of {size:,} bytes; expected at most 1,000,000 bytes (1 MB)"


# -- mkdocs.yml's i18n languages against languages.yml -------------------------------------------

RULE = "as in source/languages.yml, in the same order"


class _Edition:
    def __init__(self, languages):
        self.languages = languages


@pytest.fixture(scope="module")
def languages_edition():
    """What check_i18n reads of the edition: its languages (source/languages.yml)."""
    return _Edition(load.load_languages(load.Layout(SOURCE)))


def config_with(tmp_path: Path, configured: list[tuple[str, bool]]) -> tuple[Path, list[int]]:
    """A mkdocs.yml with !ENV tags (as the real one) and the i18n entries ``configured``; the
    line of each entry, counted as it is written."""
    lines = ["site_name: A4P", "extra:", "  release:", '    version: !ENV [A4P_VERSION, ""]', "plugins:",
             "  - search", "  - i18n:", "      docs_structure: suffix", "      languages:"]
    entry_lines = []
    for code, default in configured:
        lines.append(f"        - locale: {code}")
        entry_lines.append(len(lines))
        lines.append(f"          name: {code}")
        if default:
            lines.append("          default: true")
        lines.append("          build: true")
    lines.append("hooks:\n  - hooks/main.py")
    path = tmp_path / "mkdocs.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, entry_lines


def i18n_error(tmp_path, edition, configured) -> str:
    path, _ = config_with(tmp_path, configured)
    with pytest.raises(SourceError) as info:
        load.check_i18n(configured, edition, path, Path("mkdocs.yml"))
    return str(info.value)


def expected_of(edition) -> list[tuple[str, bool]]:
    return [(lang.code, lang.is_source) for lang in edition.languages]


def test_i18n_languages_agree(tmp_path, languages_edition):
    configured = expected_of(languages_edition)
    path, _ = config_with(tmp_path, configured)
    load.check_i18n(configured, languages_edition, path, Path("mkdocs.yml"))


def test_real_mkdocs_yml_agrees(languages_edition):
    """The real config, !ENV tags and all, with its languages as they are written in it."""
    config = SOURCE.parent / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").split("\n")
    codes = [t.split(":", 1)[1].strip() for t in text if t.strip().startswith("- locale:")]
    configured = [(code, index == 0) for index, code in enumerate(codes)]
    load.check_i18n(configured, languages_edition, config, Path("mkdocs.yml"))


def test_i18n_language_not_in_languages_yml(tmp_path, languages_edition):
    expected = expected_of(languages_edition)
    configured = [expected[0], ("de", False), *expected[1:]]
    _, entries = config_with(tmp_path, configured)
    assert i18n_error(tmp_path, languages_edition, configured) == (
        f"mkdocs.yml:{entries[1]}: found i18n language 'de' (not the default); expected '{expected[1][0]}', {RULE}")


def test_i18n_languages_in_another_order(tmp_path, languages_edition):
    expected = expected_of(languages_edition)
    configured = [(expected[1][0], False), (expected[0][0], True), *expected[2:]]
    _, entries = config_with(tmp_path, configured)
    assert i18n_error(tmp_path, languages_edition, configured) == (
        f"mkdocs.yml:{entries[0]}: found i18n language '{expected[1][0]}' (not the default); "
        f"expected '{expected[0][0]}' (the default), {RULE}")


def test_i18n_default_not_the_source_language(tmp_path, languages_edition):
    expected = expected_of(languages_edition)
    configured = [(expected[0][0], False), (expected[1][0], True), *expected[2:]]
    _, entries = config_with(tmp_path, configured)
    assert i18n_error(tmp_path, languages_edition, configured) == (
        f"mkdocs.yml:{entries[0]}: found i18n language '{expected[0][0]}' (not the default); "
        f"expected '{expected[0][0]}' (the default), {RULE}")


def test_i18n_language_missing(tmp_path, languages_edition):
    expected = expected_of(languages_edition)
    configured = expected[:-1]
    _, entries = config_with(tmp_path, configured)
    assert i18n_error(tmp_path, languages_edition, configured) == (
        f"mkdocs.yml:{entries[-1]}: found no i18n language '{expected[-1][0]}'; expected '{expected[-1][0]}', {RULE}")


def test_i18n_language_extra_at_the_end(tmp_path, languages_edition):
    expected = expected_of(languages_edition)
    configured = [*expected, ("de", False)]
    _, entries = config_with(tmp_path, configured)
    assert i18n_error(tmp_path, languages_edition, configured) == (
        f"mkdocs.yml:{entries[-1]}: found i18n language 'de' (not the default); "
        "expected only the languages of source/languages.yml")


def test_i18n_languages_of_an_inherited_config(tmp_path, languages_edition):
    """mkdocs.offline.yml inherits mkdocs.yml: the message names mkdocs.yml, where the entries are."""
    expected = expected_of(languages_edition)
    configured = [expected[0], ("de", False), *expected[1:]]
    _, entries = config_with(tmp_path, configured)
    child = tmp_path / "mkdocs.offline.yml"
    child.write_text("INHERIT: mkdocs.yml\nuse_directory_urls: false\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load.check_i18n(configured, languages_edition, child, Path("mkdocs.offline.yml"))
    assert str(info.value) == (f"mkdocs.yml:{entries[1]}: found i18n language 'de' (not the default); "
                               f"expected '{expected[1][0]}', {RULE}")


# -- loaded once per content of source/ (the six language builds of one process) -------------------

@pytest.fixture
def counted_loads(monkeypatch):
    """Every real load of the sources, counted; the process's kept edition forgotten first."""
    calls = []
    real = load.load_edition

    def counting(layout):
        calls.append(layout.root)
        return real(layout)

    monkeypatch.setattr(load, "load_edition", counting)
    monkeypatch.setattr(load, "_loaded", None)
    return calls


def test_loaded_once_per_content_and_again_after_an_edit(src, counted_loads):
    layout = load.Layout(src)
    languages = load.load_languages(layout)
    first = [load.load_edition_once(layout) for _ in languages]
    assert len(counted_loads) == 1
    assert all(edition is first[0] for edition in first)
    en = src / "text" / "en.txt"
    edit(en, "1. We, the Member States", "1. We, the member States")
    edited = load.load_edition_once(layout)
    assert len(counted_loads) == 2, "an edited paragraph must load the sources again"
    assert edited.texts["en"].paragraphs[1].startswith("We, the member States")
    assert load.load_edition_once(layout) is edited
    assert len(counted_loads) == 2


def test_a_new_file_changes_the_fingerprint_and_a_failed_load_is_not_kept(src, counted_loads):
    layout = load.Layout(src)
    before = load.fingerprint(layout)
    (src / "notes.txt").write_text("", encoding="utf-8")
    assert load.fingerprint(layout) != before
    zh = src / "text" / "zh.txt"
    edit(zh, "国家和区域", "国家与区域")
    for _ in range(2):  # each attempt loads again and fails again: no stale edition, no kept error
        with pytest.raises(SourceError):
            load.load_edition_once(layout)
    assert len(counted_loads) == 2


def test_one_build_of_every_language_loads_the_sources_once(tmp_path, counted_loads):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(SOURCE.parent / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    built = load.load_languages(load.Layout(SOURCE))
    for language in built:  # every language was built, in this process
        folder = tmp_path / "site" / ("" if language.is_source else language.code)
        assert (folder / "preamble" / "index.html").is_file(), f"{language.code} was not built"
    assert counted_loads == [SOURCE]


# -- symbolic links: a source is the file itself, never a file elsewhere ----------------------------

LINK = "the file itself, not a symbolic link (copy the file here in place of the link)"
FOLDER_LINK = "a folder of the repository itself, not a symbolic link"


def test_glossary_linked_to_a_valid_copy_outside(src):
    """It published the outside file."""
    outside = src.parent / "outside-en.yml"
    outside.write_bytes((src / "glossary" / "en.yml").read_bytes())
    (src / "glossary" / "en.yml").unlink()
    (src / "glossary" / "en.yml").symlink_to(outside)
    assert error(src) == f"source/glossary/en.yml: found a symbolic link; {'expected ' + LINK}"


def test_link_to_a_system_file_is_refused_without_quoting_it(src):
    """It printed the outside file's first line (/etc/passwd's) into the build log."""
    outside = src.parent / "passwd"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (src / "languages.yml").unlink()
    (src / "languages.yml").symlink_to(outside)
    message = error(src)
    assert message == f"source/languages.yml: found a symbolic link; expected {LINK}"
    assert "root" not in message


def test_linked_text_folder(src):
    moved = src.parent / "texts-elsewhere"
    (src / "text").rename(moved)
    (src / "text").symlink_to(moved, target_is_directory=True)
    assert error(src) == f"source/text: found source/text/, a symbolic link; expected {FOLDER_LINK}"


def test_link_that_no_source_names_is_refused_too(src):
    """Every link under source/ stops the build, read or not: none has a use there."""
    (src / "seed" / "old.txt").symlink_to(src / "seed" / "a4p-declaration.zh.txt")
    assert error(src) == f"source/seed/old.txt: found a symbolic link; expected {LINK}"


def test_link_refused_by_the_load_kept_for_the_process(src, counted_loads):
    """load_edition_once checks before it reuses an edition: a file swapped for a link to an
    identical copy (the same fingerprint, were links followed) stops the next build."""
    layout = load.Layout(src)
    load.load_edition_once(layout)
    outside = src.parent / "outside-en.yml"
    outside.write_bytes((src / "glossary" / "en.yml").read_bytes())
    (src / "glossary" / "en.yml").unlink()
    (src / "glossary" / "en.yml").symlink_to(outside)
    with pytest.raises(SourceError) as info:
        load.load_edition_once(layout)
    assert str(info.value) == f"source/glossary/en.yml: found a symbolic link; expected {LINK}"


def test_fingerprint_never_reads_through_a_link(src):
    outside = src.parent / "outside.txt"
    outside.write_text("one\n", encoding="utf-8")
    (src / "seed" / "old.txt").symlink_to(outside)
    layout = load.Layout(src)
    before = load.fingerprint(layout)
    outside.write_text("two\n", encoding="utf-8")
    assert load.fingerprint(layout) == before  # the link's target, not its content
    (src / "seed" / "old.txt").unlink()
    (src / "seed" / "old.txt").symlink_to(src.parent / "another.txt")
    assert load.fingerprint(layout) != before
