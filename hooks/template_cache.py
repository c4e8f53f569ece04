"""The theme's templates compiled once per process, not once per language.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds every
language in one process (the preview rebuilds in it too): without a shared cache each
language compiled every Material template again (about a fifth of a six-language build).
:class:`CompiledTemplates` keeps each compiled template in memory under its name, file and the
environment's extensions, checked against a checksum of its source, so an edited template
(``overrides/``) is compiled again. hooks/main.py hands it to each build's environment.
"""

from __future__ import annotations

from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """A Jinja bytecode cache in memory: (name, file, extensions) → (checksum, code)."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, CodeType]] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        extensions = ",".join(sorted(environment.extensions))  # what the compiled code was made with
        key = f"{self.get_cache_key(name, filename)}|{extensions}"
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
