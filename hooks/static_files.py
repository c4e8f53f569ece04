"""Static files in each language's build: the theme's files the edition never loads are never
copied, and the others are copied again only when stale.

mkdocs-static-i18n builds every language into the same site, and each build copied every
static file (the theme's and ``docs/assets/``, 1.6 MB) again. Part of the wiring: it handles
MkDocs' file objects (``Files``, ``File``) without importing MkDocs, and only
:mod:`hooks.main` calls it.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path
from typing import Any

# Theme files the edition never loads: Material's search plugin is off and the edition has its
# own search (assets/search.js), so nothing asks for its worker or its lunr languages
# (1.17 MB). The source maps stay: they are what the theme's scripts name for debugging.
UNUSED_THEME_FILES = ("assets/javascripts/lunr", "assets/javascripts/workers")


def drop_unused(files: Any) -> Any:
    """The theme's files the edition never loads (:data:`UNUSED_THEME_FILES`) are never copied,
    in any language's build (they were copied six times, then deleted after the build)."""
    unused = tuple(f"{folder}/" for folder in UNUSED_THEME_FILES)
    for file in [file for file in files if file.src_uri.startswith(unused)]:
        files.remove(file)
    return files


def copy_when_stale(files: Any) -> Any:
    """Static files (the theme's, docs/assets/) go to the same place in every language's build,
    and each build copied them all again (1.6 MB, six times). Each is copied as MkDocs' dirty
    build copies: only when the copy in the site is missing, older than its source or of
    another size. The first build of a run cleans the site, so it copies every one."""
    for file in files:
        if not file.is_documentation_page() and file.abs_src_path:
            file.copy_file = functools.partial(_copy_static, file, file.copy_file)
    return files


def _copy_static(file: Any, copy: Any, dirty: bool = False) -> None:
    target, source = Path(file.abs_dest_path), Path(file.abs_src_path)
    if target.is_file() and target.stat().st_size == source.stat().st_size \
            and target.stat().st_mtime >= source.stat().st_mtime:
        return
    copy(dirty)


def remove_unused(site: Path) -> None:
    """Whatever of :data:`UNUSED_THEME_FILES` is in the built ``site``, removed."""
    for unused in UNUSED_THEME_FILES:
        shutil.rmtree(site / unused, ignore_errors=True)
