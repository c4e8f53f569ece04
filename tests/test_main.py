"""hooks/main.py's own wiring that no page shows: the theme files it keeps out of the site."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from hooks import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_unused_theme_files_are_never_copied(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    before = {file.src_uri for file in files}
    unused = {name for name in before if any(name.startswith(folder + "/") for folder in main.UNUSED_THEME_FILES)}
    assert unused and {name.split("/")[2] for name in unused} == {"lunr", "workers"}
    kept = main._drop_unused_theme_files(files, config)
    assert {file.src_uri for file in kept} == before - unused
    assert os.path.commonprefix(sorted(unused)) == "assets/javascripts/"
