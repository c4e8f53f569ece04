"""Prose made HTML as the build makes it, for the tests of the prose checks.

The Markdown extensions are read from ``mkdocs.yml`` through MkDocs' own config (so MkDocs'
built-in ``toc``, ``tables`` and ``fenced_code`` come with ``mkdocs.yml``'s list), never copied
here: a test sees what the build sees. Comments are taken out first, as ``hooks/pages/build.py`` does
(``hooks.pages.prose.without_comments``).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import markdown

from hooks.pages import prose

ROOT = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=None)
def _settings() -> tuple[tuple, dict]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return tuple(config.markdown_extensions), dict(config.mdx_configs)


def extensions() -> list[str]:
    """The names of the Markdown extensions the build uses."""
    return [name if isinstance(name, str) else type(name).__name__ for name in _settings()[0]]


def render(text: str) -> str:
    """The HTML the build hands to ``hooks.pages.registry.prose_page`` for the prose ``text``."""
    names, configs = _settings()
    return markdown.Markdown(extensions=list(names), extension_configs=configs).convert(prose.without_comments(text))
