"""hooks/main.py, the wiring: a source error as MkDocs' one-line error, and the hook file loaded
as MkDocs loads it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks import main
from hooks.errors import SourceError

ROOT = Path(__file__).resolve().parent.parent


def test_a_source_error_becomes_mkdocs_error_with_the_same_line():
    with pytest.raises(PluginError) as caught:
        with main.source_errors():
            raise SourceError(Path("source/structure.yml"), 3, "slug 'Politics'", "lower-case letters")
    assert str(caught.value) == "source/structure.yml:3: found slug 'Politics'; expected lower-case letters"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__  # no chained traceback


# A build on a machine without a font the PDFs need, in a process of its own: the family
# is one no machine has, and the PDFs' cache is empty, so that they must be typeset.
NO_FONT = """
import sys
sys.path.insert(0, sys.argv[1])
from hooks.outputs import pdf
pdf.FONTS = {"No Such Family A4P": "fonts-nothing"}
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-q", "--site-dir", sys.argv[2]]
cli()
"""


def test_a_machine_without_the_pdfs_fonts_gets_one_line_and_no_traceback(tmp_path):
    import os

    env = {**os.environ, "A4P_PDF_CACHE": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", NO_FONT, str(ROOT), str(tmp_path / "site")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    said = "fonts for the PDFs not installed: No Such Family A4P (Debian package fonts-nothing); run make setup"
    assert [line for line in done.stderr.splitlines() if line.endswith(said)], done.stderr[-2000:]


def test_any_other_error_passes_through_unchanged():
    with pytest.raises(KeyError):
        with main.source_errors():
            raise KeyError("not a source error")


# MkDocs' own loader of a hook file (mkdocs.config.config_options.Hooks), in a fresh process
# whose working folder is not the repository: what the module names of hooks/ it leaves loaded.
LOAD = """
import json, sys
from mkdocs.config.config_options import Hooks
before = list(sys.path)
Hooks("hooks")._load_hook("main", sys.argv[1])
print(json.dumps({"path_restored": sys.path == before,
                  "loaded": sorted(name for name in sys.modules if name.split(".")[0] == "hooks")}))
"""


def test_loading_the_hook_file_as_mkdocs_does_imports_every_module_of_hooks(tmp_path):
    """MkDocs takes the repository off sys.path again once main.py is loaded: a hooks module
    that main.py did not import then would not be found later (docs/decisions/layout.md)."""
    result = subprocess.run([sys.executable, "-c", LOAD, str(ROOT / "hooks" / "main.py")], cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    found = json.loads(result.stdout)
    modules = {".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for path in (ROOT / "hooks").rglob("*.py")}
    assert found["path_restored"]
    assert modules - {"hooks.main"} - set(found["loaded"]) == set()


def test_the_theme_env_leaves_out_its_tags_lines():
    """hooks/main.py has each build's Jinja environment leave out its tags' own lines and
    indents (the pages' blank lines, 24 KB of the offline zip), compiled apart in the cache."""
    import jinja2

    from hooks import main

    env = main.on_env(jinja2.Environment(), None, None)
    template = env.from_string("<ul>\n  {% for x in xs %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>")
    assert template.render(xs=[1, 2]) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>"
