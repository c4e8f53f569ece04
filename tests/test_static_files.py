"""hooks/static_files.py: the theme files kept out of the site, static files copied again only when stale."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from hooks import static_files

ROOT = Path(__file__).resolve().parent.parent


def test_the_unused_theme_files_are_never_copied(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    before = {file.src_uri for file in files}
    unused = {name for name in before
              if any(name.startswith(folder + "/") for folder in static_files.UNUSED_THEME_FILES)}
    assert unused and {name.split("/")[2] for name in unused} == {"lunr", "workers"}
    kept = static_files.drop_unused(files)
    assert {file.src_uri for file in kept} == before - unused
    assert os.path.commonprefix(sorted(unused)) == "assets/javascripts/"


def test_a_static_file_is_copied_again_only_when_stale(tmp_path, monkeypatch):
    """Every language's build has the same static files for the same place: copied by the
    first build of a run (which cleans the site), then only when the source changed."""
    import mkdocs.utils
    from mkdocs.structure.files import File

    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "assets").mkdir(parents=True)
    source = docs / "assets" / "a.css"
    source.write_text("p { color: red }", encoding="utf-8")
    copies = []
    copy_file = mkdocs.utils.copy_file
    monkeypatch.setattr(mkdocs.utils, "copy_file", lambda *args: copies.append(args[1]) or copy_file(*args))

    def language_build():
        files = static_files.copy_when_stale(Files([File("assets/a.css", str(docs), str(site), True)]))
        files.copy_static_files()

    language_build()
    language_build()
    language_build()
    assert copies == [str(site / "assets" / "a.css")]
    source.write_text("p { color: blue; }", encoding="utf-8")  # another size
    language_build()
    assert len(copies) == 2 and (site / "assets" / "a.css").read_text(encoding="utf-8") == "p { color: blue; }"
    (site / "assets" / "a.css").unlink()  # a clean site: copied again
    language_build()
    assert len(copies) == 3
