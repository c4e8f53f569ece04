"""The theme's templates compiled once per process, not once per language.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds every
language in one process (the preview rebuilds in it too): without a shared cache each
language compiled every Material template again (about a fifth of a six-language build).
:class:`CompiledTemplates` keeps each compiled template in memory under its name, file and the
environment's extensions and lexer options, checked against a checksum of its source, so an
edited template (``overrides/``) is compiled again. hooks/main.py hands it to each build's
environment.

:func:`list_once` does the same for the list of the theme's files, which MkDocs walks in every
build to find the theme's static files: Material's folder holds some 14,500 files, all but a
few hundred of them icons in its hidden ``.icons`` folder, which MkDocs' own filter then drops
one name at a time. The list is walked once per theme object (one run of every language; the
preview's rebuild loads the configuration, so a new theme, again), without what lies in hidden
folders and hidden files, which MkDocs never takes (its patterns ``.*`` and ``*/.*``).
"""

from __future__ import annotations

import os
from types import CodeType

from jinja2 import FileSystemLoader
from jinja2.bccache import Bucket, BytecodeCache


# The environment's options that change how a template's source is read (Jinja's lexer is made
# from these, jinja2.lexer.get_lexer): hooks/main.py sets trim_blocks and lstrip_blocks.
LEXER_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                 "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                 "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline")


class CompiledTemplates(BytecodeCache):
    """A Jinja bytecode cache in memory: (name, file, extensions, lexer options) → (checksum,
    code)."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, CodeType]] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        # what the compiled code was made with: the extensions, and the lexer's options
        extensions = ",".join(sorted(environment.extensions))
        lexing = repr(tuple(getattr(environment, option) for option in LEXER_OPTIONS))
        key = f"{self.get_cache_key(name, filename)}|{extensions}|{lexing}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self.kept.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:  # else compiled again, from its source
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.kept[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self.kept.clear()


COMPILED = CompiledTemplates()  # one per process


class ListedOnce(FileSystemLoader):
    """A theme's loader whose list of files is walked once (``listed``, shared by the loaders
    of one theme object), hidden folders and files left out."""

    def __init__(self, searchpath, listed: dict, encoding: str = "utf-8", followlinks: bool = False):
        super().__init__(searchpath, encoding, followlinks)
        self.listed = listed

    def list_templates(self) -> list[str]:
        key = tuple(self.searchpath)
        if key not in self.listed:
            found: set[str] = set()
            for searchpath in self.searchpath:
                for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                    subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                    relative = os.path.relpath(folder, searchpath).replace(os.path.sep, "/")
                    prefix = "" if relative == "." else relative + "/"
                    found.update(prefix + name for name in names if not name.startswith("."))
            self.listed[key] = sorted(found)
        return list(self.listed[key])


def list_once(theme) -> None:
    """Make ``theme.get_env()`` (MkDocs' Theme) give environments whose loader lists the
    theme's files once for this theme object; a second call changes nothing."""
    if getattr(theme, "_a4p_listed_once", False):
        return
    make = theme.get_env
    listed: dict = {}

    def get_env():
        environment = make()
        loader = environment.loader
        if type(loader) is FileSystemLoader:  # noqa: E721 - only MkDocs' own, never another kind
            environment.loader = ListedOnce(loader.searchpath, listed, loader.encoding, loader.followlinks)
        return environment

    theme.get_env = get_env
    theme._a4p_listed_once = True
