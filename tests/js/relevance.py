"""The relevance tables (tests/relevance/{lang}.yml) and each language's search records, as
the build writes them into assets/search/{lang}.js (hooks/outputs/search.py, ``document``), printed as
one JSON object ``{lang: {"data": …, "queries": […]}}`` for tests/js/relevance.test.js, which
runs the tables through the browser's own scripts under Node."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from hooks.edition import load as sources  # noqa: E402
from hooks.outputs import search  # noqa: E402
from hooks.urls import Scheme  # noqa: E402

TABLES = ROOT / "tests" / "relevance"


def tables() -> dict[str, list[dict]]:
    """Each language's relevance table: its queries, as written."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
            for path in sorted(TABLES.glob("*.yml"))}


def main() -> None:
    """Print the records and the tables of every language that has a table."""
    edition = sources.load_edition(sources.Layout(ROOT / "source"))
    settings = search.load_settings(ROOT / "source" / search.SETTINGS_FILE, edition)
    scheme = Scheme("https://a4p.example.org/", edition.source.code)
    out = {code: {"data": search.document(edition, code, scheme, settings[code]), "queries": queries}
           for code, queries in tables().items()}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
