"""The layers of hooks/ (docs/decisions/layout.md): imports run one way,

    main → pages → outputs → edition → shared (errors, urls, provenance)

read from every module's source with ``ast``, whatever form the import takes (``import
hooks.x``, ``from hooks.x import y``, ``from hooks import x``, relative, inside a function).
A module may import its own layer and any layer below it, never one above; only hooks/main.py
imports MkDocs; a page kind's module imports no other page kind.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hooks.pages import not_found, registry

ROOT = Path(__file__).resolve().parent.parent
# Top to bottom. A layer is a package of hooks/ or a group of its top-level modules.
LAYERS = (
    ("main", ("hooks.main", "hooks.static_files", "hooks.template_cache")),  # the wiring and its helpers
    ("pages", ("hooks.pages",)),
    ("outputs", ("hooks.outputs",)),
    ("edition", ("hooks.edition",)),
    ("shared", ("hooks.errors", "hooks.urls", "hooks.provenance", "hooks.html", "hooks.kept")),
)
ORDER = " → ".join(name for name, _ in LAYERS)
WIRING = "hooks.main"  # the only module that imports MkDocs


def module_name(hooks: Path, path: Path) -> str:
    """``hooks/pages/text.py`` → ``hooks.pages.text``; a package's ``__init__.py`` → the package."""
    parts = path.relative_to(hooks.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int | None:
    """The index of ``module``'s layer in :data:`LAYERS` (None: the package ``hooks`` itself,
    which holds nothing, or a module of no layer)."""
    for index, (_, members) in enumerate(LAYERS):
        if any(module == member or module.startswith(member + ".") for member in members):
            return index
    return None


def imports(path: Path, module: str, known: set[str]) -> list[tuple[int, str]]:
    """``(line, module)`` of every import in the file at ``path``, resolved to a module name: a
    known module of hooks/, else the name as written (``mkdocs.plugins``, ``json``)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's package, one folder up per extra dot
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.append((node.lineno, child if child in known else base))
    return found


def problems(hooks: Path) -> list[str]:
    """Every import of the tree ``hooks`` that breaks the layers, as ``FILE:LINE: found …;
    expected …`` (paths relative to the folder holding ``hooks``)."""
    files = sorted(hooks.rglob("*.py"))
    known = {module_name(hooks, path) for path in files}
    found = []
    for path in files:
        module = module_name(hooks, path)
        where = path.relative_to(hooks.parent).as_posix()
        own = layer(module)
        if own is None and module != "hooks":
            found.append(f"{where}:1: found {module} in no layer; expected a module of one of {ORDER} "
                         "(docs/decisions/layout.md)")
            continue
        for line, target in imports(path, module, known):
            if target.split(".")[0] == "mkdocs" and module != WIRING:
                found.append(f"{where}:{line}: found an import of {target}; expected MkDocs imported only by "
                             f"{WIRING}")
            if target.split(".")[0] != "hooks" or layer(target) is None:
                continue
            if own is None or layer(target) < own:
                here = "hooks" if own is None else LAYERS[own][0]
                allowed = ", ".join(name for name, _ in LAYERS[own or 0:])
                found.append(f"{where}:{line}: found an import of {target} ({LAYERS[layer(target)][0]}) in "
                             f"{here}; expected only {allowed} ({ORDER})")
    return found


def test_the_imports_of_hooks_run_one_way():
    assert problems(ROOT / "hooks") == []


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / "hooks"


# A small tree of the same shape, every import of it allowed.
TREE = {
    "hooks/__init__.py": "",
    "hooks/main.py": "from mkdocs.plugins import event_priority\nfrom hooks.pages import registry\n"
                     "from hooks import static_files\n",
    "hooks/static_files.py": "import shutil\n",
    "hooks/errors.py": "",
    "hooks/urls.py": "from hooks.errors import SourceError\n",
    "hooks/edition/__init__.py": "",
    "hooks/edition/model.py": "from hooks.urls import HOME\nfrom . import text\n",
    "hooks/edition/text.py": "from hooks.errors import SourceError\n",
    "hooks/outputs/__init__.py": "",
    "hooks/outputs/parallel.py": "from hooks.edition.model import Edition\nfrom .search import x\n",
    "hooks/outputs/search.py": "x = 1\n",
    "hooks/pages/__init__.py": "",
    "hooks/pages/registry.py": "from hooks.pages import text\nfrom hooks.outputs import parallel\n",
    "hooks/pages/text.py": "import hooks.edition.text\n",
}


def test_a_tree_whose_imports_run_one_way_passes(tmp_path):
    assert problems(write(tmp_path, TREE)) == []


@pytest.mark.parametrize("statement", [
    "from hooks.pages.text import render",
    "from hooks.pages import text",
    "import hooks.pages.text",
    "from ..pages import text",
    "def later():\n    from hooks.pages.text import render",
])
def test_an_import_from_a_layer_above_is_found_in_any_form(tmp_path, statement):
    hooks = write(tmp_path, {**TREE, "hooks/outputs/parallel.py": "import json\n" + statement + "\n"})
    line = 3 if statement.startswith("def") else 2
    assert problems(hooks) == [f"hooks/outputs/parallel.py:{line}: found an import of hooks.pages.text (pages) in "
                               "outputs; expected only outputs, edition, shared "
                               "(main → pages → outputs → edition → shared)"]


def test_a_shared_module_that_imports_the_edition_is_found(tmp_path):
    hooks = write(tmp_path, {**TREE, "hooks/urls.py": "from hooks.edition import model\n"})
    assert problems(hooks) == ["hooks/urls.py:1: found an import of hooks.edition.model (edition) in shared; "
                               "expected only shared (main → pages → outputs → edition → shared)"]


def test_mkdocs_imported_below_main_is_found(tmp_path):
    hooks = write(tmp_path, {**TREE, "hooks/pages/text.py": "from mkdocs.exceptions import PluginError\n"})
    assert problems(hooks) == ["hooks/pages/text.py:1: found an import of mkdocs.exceptions; expected MkDocs "
                               "imported only by hooks.main"]


def test_a_module_of_no_layer_is_found(tmp_path):
    hooks = write(tmp_path, {**TREE, "hooks/helpers.py": "", "hooks/extra/__init__.py": ""})
    assert problems(hooks) == [
        "hooks/extra/__init__.py:1: found hooks.extra in no layer; expected a module of one of "
        "main → pages → outputs → edition → shared (docs/decisions/layout.md)",
        "hooks/helpers.py:1: found hooks.helpers in no layer; expected a module of one of "
        "main → pages → outputs → edition → shared (docs/decisions/layout.md)"]


def test_no_page_kind_imports_another():
    """A page kind's module imports the shared modules of hooks/pages/, never another kind (the
    full text took the text page's paragraphs, the text page the parallel page's link)."""
    kinds = {kind.__name__ for kind in [*registry.KINDS.values(), registry.TEXT, not_found]}
    hooks = ROOT / "hooks"
    known = {module_name(hooks, path) for path in hooks.rglob("*.py")}
    found = [f"{name}:{line}: {target}" for name in sorted(kinds)
             for line, target in imports(hooks.parent / (name.replace(".", "/") + ".py"), name, known)
             if target in kinds]
    assert found == []
