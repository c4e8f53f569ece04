"""The plain baseline of the benchmark: the edition's content through stock mkdocs-material and
mkdocs-static-i18n, with no hooks and no overrides.

    python scripts/baseline.py OUT     # writes OUT/mkdocs.yml and OUT/docs/

Per language (files ``{name}.{lang}.md``, mkdocs-static-i18n's suffix layout): a home page
with the title and links to the text pages; one page per text page, its heading and its
numbered paragraphs (a Markdown ordered list starting at the paragraph's number); and a
glossary page, a definition list (``def_list``) of the terms. Material's own search plugin is
on, as a plain site has it. The content is read from source/ through the same loader as the
edition (hooks/edition/load.py), so that both build the same words.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from hooks.edition import glossary, load  # noqa: E402
from hooks.edition.model import Edition  # noqa: E402
from hooks.errors import SourceError  # noqa: E402
from scripts import build_site  # noqa: E402

GLOSSARY = "glossary"
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")  # Markdown's punctuation, taken literally
_LIST_START = re.compile(r"^(\d+)([.)])")  # a line that would start a list of its own


def escape(text: str) -> str:
    """``text`` as literal Markdown: its punctuation backslash-escaped, on one line."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LIST_START.sub(r"\1\\\2", text)


def text_page(edition: Edition, code: str, slug: str) -> str:
    lines = [f"# {escape(edition.heading(code, slug))}", ""]
    for paragraph in edition.paragraphs(code, edition.structure.page(slug)):
        lines += [f"{paragraph.number}. {escape(paragraph.words)}", ""]
    return "\n".join(lines)


def glossary_page(edition: Edition, code: str) -> str:
    lines = [f"# {escape(edition.page_name(code, GLOSSARY))}", ""]
    for term in glossary.ordered(edition.glossaries[code], edition.language(code).collation):
        lines += [escape(term.term), f":   {escape(term.definition)}", ""]
    return "\n".join(lines)


def home_page(edition: Edition, code: str) -> str:
    text = edition.texts[code]
    lines = [f"# {escape(text.title)}", "", escape(text.subtitle), ""]
    for slug in edition.structure.slugs:
        lines.append(f"- [{escape(edition.page_name(code, slug))}]({slug}.md)")
    lines.append(f"- [{escape(edition.page_name(code, GLOSSARY))}]({GLOSSARY}.md)")
    return "\n".join(lines) + "\n"


def pages(edition: Edition) -> dict[str, str]:
    """Every Markdown file of the baseline: its name under docs/, its text."""
    files = {}
    for language in edition.languages:
        code = language.code
        files[f"index.{code}.md"] = home_page(edition, code)
        for slug in edition.structure.slugs:
            files[f"{slug}.{code}.md"] = text_page(edition, code, slug)
        files[f"{GLOSSARY}.{code}.md"] = glossary_page(edition, code)
    return files


def config(edition: Edition, site_url: str) -> dict:
    """The baseline's mkdocs.yml: stock Material, its search, mkdocs-static-i18n; nothing else."""
    source = edition.source.code
    return {
        "site_name": edition.strings[source]["site_name"],
        "site_url": site_url,
        "docs_dir": "docs",
        "theme": {"name": "material", "language": source},
        "markdown_extensions": ["def_list"],
        "plugins": [
            "search",
            {"i18n": {
                "docs_structure": "suffix",
                "languages": [
                    {"locale": lang.code, "name": lang.name, "build": True, "default": lang.is_source}
                    for lang in edition.languages
                ],
            }},
        ],
    }


def write(edition: Edition, out: Path, site_url: str) -> Path:
    """Write the baseline into ``out`` (docs/ and mkdocs.yml); returns its mkdocs.yml."""
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in pages(edition).items():
        (docs / name).write_text(text, encoding="utf-8")
    target = out / "mkdocs.yml"
    target.write_text(yaml.safe_dump(config(edition, site_url), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        edition = load.load_edition(load.Layout(ROOT / "source"))
    except SourceError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(write(edition, args.out, build_site.site_url(ROOT / "mkdocs.yml")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
