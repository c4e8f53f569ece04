"""The accessibility statement: its title, then the prose of ``docs/accessibility.{lang}.md``
with one generated part, the tools the tests run and their pinned versions (read from
``tests/tools/package-lock.json`` and ``requirements-test.txt``, so that the page names the versions
actually used). A prose page (:class:`hooks.pages.registry.Prose`)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hooks.errors import SourceError
from hooks.pages.elements import Context, classed, el, translation_notice
from hooks.urls import ACCESSIBILITY

ROOT_CLASS = "a4p-accessibility"
MARKERS = ("tools",)
ROOT = Path(__file__).resolve().parents[2]  # the repository
LOCK = Path("tests/tools/package-lock.json")  # the test tools from npm, pinned
REQUIREMENTS = Path("requirements-test.txt")  # Playwright, which drives the browser in the tests
# (name shown, where it is pinned, the package's name there)
TOOLS = (
    ("axe-core", LOCK, "axe-core"),
    ("Nu HTML Checker (vnu-jar)", LOCK, "vnu-jar"),
    ("Playwright", REQUIREMENTS, "playwright"),
)


def head(ctx: Context, root: ET.Element) -> None:
    """The page's title and the translation notice."""
    el(root, "h1", ctx.t("accessibility.title"), id="heading")
    translation_notice(ctx, root, ctx.scheme.page(ctx.edition.source.code, ACCESSIBILITY))


def parts(ctx: Context) -> dict[str, list[ET.Element]]:
    """The tools the tests run, each with its pinned version."""
    items = classed(el(None, "ul"), "a4p-tools")
    for shown, where, package in TOOLS:
        item = el(items, "li", f"{shown} ")
        el(item, "bdi", pinned(ROOT, where, package), dir="ltr")
        item.set("lang", "en")  # the tools' names are the same in every language
    return {"tools": [items]}


def pinned(root: Path, where: Path, package: str) -> str:
    """The version of ``package`` pinned in ``where`` (an npm lock file or a requirements file)."""
    text = (root / where).read_text(encoding="utf-8")
    if where.suffix == ".json":
        found = json.loads(text).get("packages", {}).get(f"node_modules/{package}", {}).get("version")
    else:
        match = re.search(rf"^{re.escape(package)}==(\S+)", text, re.M | re.I)
        found = match.group(1) if match else None
    if not found:
        raise SourceError(where, None, f"no pinned version of {package}", f"{package} pinned (the accessibility page names it)")
    return found
