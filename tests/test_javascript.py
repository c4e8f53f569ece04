"""The edition's JavaScript, checked: TypeScript over its JSDoc types and ESLint over every
script of the edition (docs/assets/ but vendor/, and the service worker hooks/offline_worker.js)
with no error, and each fails on a fault planted in a copy; the scripts' pure functions under
Node's own test runner (tests/js/); and the search's folding in Node, word for word against
hooks/edition/folding.py.

The tools are the pinned ones of tests/tools/ (``make tools``: ``npm ci --prefix tests/tools``),
with their settings beside them: tsconfig.json (the pages' scripts, with a4p.d.ts, the globals
they share), tsconfig.worker.json (the worker) and eslint.config.mjs. Every tool's output is in
the failure's message.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.test_folding import FOLDINGS, WORDS

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tests" / "tools"
BIN = TOOLS / "node_modules" / ".bin"
TSCONFIGS = {"pages": "tsconfig.json", "worker": "tsconfig.worker.json"}
SETTINGS = (*TSCONFIGS.values(), "a4p.d.ts", "eslint.config.mjs")
WORKER = "hooks/offline_worker.js"
LINTED = ("docs/assets", WORKER, "tests/js")  # what ESLint is given: its configuration picks


def edition_scripts(root: Path = ROOT) -> list[str]:
    """The edition's scripts under ``root``, as paths from it: docs/assets/ (but the vendored
    ones, byte for byte from npm) and the service worker."""
    assets = root / "docs" / "assets"
    pages = [path for path in assets.rglob("*.js") if "vendor" not in path.relative_to(assets).parts]
    return sorted(path.relative_to(root).as_posix() for path in pages) + [WORKER]


def node_tests(root: Path = ROOT) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in (root / "tests" / "js").glob("*.js"))


def run(command: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


def said(done: subprocess.CompletedProcess) -> str:
    """A tool's command, exit status and output, for a failure's message."""
    return f"$ {' '.join(map(str, done.args))}\nexit {done.returncode}\n{done.stdout}{done.stderr}"


def tsc(config: str, root: Path = ROOT, *options: str) -> subprocess.CompletedProcess:
    return run([str(BIN / "tsc"), "-p", str(root / "tests" / "tools" / config), "--pretty", "false", *options], root)


def eslint_configs(names: list[str]) -> dict[str, dict]:
    """ESLint's configuration of each file (its --print-config), in one run."""
    code = ("import { ESLint } from 'eslint';"
            "const [root, ...names] = process.argv.slice(1);"
            "const eslint = new ESLint({ cwd: root, overrideConfigFile: 'tests/tools/eslint.config.mjs' });"
            "const configs = {};"
            "for (const name of names) configs[name] = await eslint.calculateConfigForFile(name);"
            "process.stdout.write(JSON.stringify(configs));")
    done = run(["node", "--input-type=module", "--eval", code, str(ROOT), *names], TOOLS)  # eslint: TOOLS's
    assert done.returncode == 0, said(done)
    return json.loads(done.stdout)


def eslint(root: Path = ROOT, *options: str) -> subprocess.CompletedProcess:
    return run([str(BIN / "eslint"), "--config", "tests/tools/eslint.config.mjs", "--max-warnings", "0", *options,
                *LINTED], root)


@pytest.fixture(scope="module", autouse=True)
def tools():
    """The pinned TypeScript and ESLint, and Node."""
    pinned = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for name, command in (("typescript", "tsc"), ("eslint", "eslint")):
        if not (BIN / command).is_file():
            pytest.fail(f"{BIN.relative_to(ROOT)}/{command} is missing: run `make tools`")
        version = run([str(BIN / command), "--version"]).stdout.split()[-1].lstrip("v")
        assert version == pinned[name], f"{name} {version} installed, {pinned[name]} pinned: run `make tools`"
    if shutil.which("node") is None:
        pytest.fail("node is missing: run `make tools`")


# -- 0 errors, over every script ---------------------------------------------------------------


@pytest.fixture(scope="module")
def typescript() -> dict[str, subprocess.CompletedProcess]:
    """TypeScript's check with each configuration, listing the files it read."""
    return {which: tsc(config, ROOT, "--listFiles") for which, config in TSCONFIGS.items()}


@pytest.mark.parametrize("which", sorted(TSCONFIGS))
def test_typescript_finds_no_type_error(typescript, which):
    done = typescript[which]
    assert done.returncode == 0 and "error" not in done.stdout, said(done)


def test_typescript_checks_every_script_and_only_them(typescript):
    checked = set()
    for done in typescript.values():
        read = [Path(line) for line in done.stdout.splitlines() if line.startswith("/")]
        checked |= {path.resolve().relative_to(ROOT).as_posix() for path in read if "node_modules" not in path.parts}
    assert checked == {*edition_scripts(), "tests/tools/a4p.d.ts"}


def test_every_script_asks_for_the_check():
    """``// @ts-check`` opens each script, so that an editor checks it too."""
    unchecked = [name for name in edition_scripts() if not (ROOT / name).read_text(encoding="utf-8")
                 .startswith("// @ts-check\n")]
    assert unchecked == []


def test_eslint_finds_no_error():
    done = eslint()
    assert done.returncode == 0, said(done)


def test_eslint_checks_every_script_as_a_classic_script():
    done = eslint(ROOT, "--format", "json")  # its errors: test_eslint_finds_no_error
    linted = sorted(Path(result["filePath"]).relative_to(ROOT).as_posix() for result in json.loads(done.stdout))
    assert linted == sorted(edition_scripts() + node_tests())
    for name, config in eslint_configs(edition_scripts()).items():
        # a module would turn no-implicit-globals off without a word
        assert config["languageOptions"]["sourceType"] == "script", name
        assert config["rules"]["no-implicit-globals"][0] == 2, name  # 2: error
        assert config["rules"]["no-undef"][0] == 2, name


# -- planted faults fail each tool --------------------------------------------------------------


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """The scripts, the Node tests and the tools' settings, copied as they lie in the
    repository (the tools, installed once, linked). The copy passes both tools as it is."""
    root = tmp_path_factory.mktemp("clean")
    for name in [*edition_scripts(), *node_tests(), *(f"tests/tools/{setting}" for setting in SETTINGS)]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, root / name)
    (root / "tests" / "tools" / "node_modules").symlink_to(TOOLS / "node_modules")
    for done in [tsc(config, root) for config in TSCONFIGS.values()] + [eslint(root)]:
        assert done.returncode == 0, said(done)
    return root


@pytest.fixture
def copy(clean, tmp_path) -> Path:
    """A copy of the clean copy: a fault is planted here, never in the repository."""
    return Path(shutil.copytree(clean, tmp_path / "copy", symlinks=True))


def plant(root: Path, name: str, old: str, new: str) -> int:
    """Replace ``old`` (found once) by ``new`` in the copy's ``name``; the line it is on."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{name}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_typescript_fails_on_a_planted_type_error_in_a_page_script(copy):
    # the plural form of a number, handed the number as text
    line = plant(copy, "docs/assets/search.js", "window.a4p.plural(this.strings, n, this.lang)",
                 "window.a4p.plural(this.strings, String(n), this.lang)")
    done = tsc("tsconfig.json", copy)
    assert done.returncode != 0, said(done)
    assert re.search(rf"^docs/assets/search\.js\({line},\d+\): error TS2345: Argument of type 'string' is not "
                     r"assignable to parameter of type 'number'\.$", done.stdout, re.M), said(done)


def test_typescript_fails_on_a_planted_type_error_in_the_worker(copy):
    line = plant(copy, WORKER, "function scope() { return sw.registration.scope; }",
                 "function scope() { return sw.registration.scopes; }")
    done = tsc("tsconfig.worker.json", copy)
    assert done.returncode != 0, said(done)
    assert re.search(rf"^hooks/offline_worker\.js\({line},\d+\): error TS2551: Property 'scopes' does not exist "
                     r"on type 'ServiceWorkerRegistration'\.", done.stdout, re.M), said(done)


def test_both_tools_fail_on_a_page_global_in_the_worker(copy):
    """The worker is checked with a worker's globals: a page's document is not one of them."""
    line = plant(copy, WORKER, "  var CACHE = S.cache;\n", "  var CACHE = S.cache + document.title;\n")
    typed = tsc("tsconfig.worker.json", copy)
    assert re.search(rf"^hooks/offline_worker\.js\({line},\d+\): error TS2584: Cannot find name 'document'\.",
                     typed.stdout, re.M), said(typed)
    linted = eslint(copy)
    assert linted.returncode == 1, said(linted)
    assert re.search(rf"^\s+{line}:\d+\s+error\s+'document' is not defined\s+no-undef$", linted.stdout, re.M), \
        said(linted)


def test_eslint_fails_on_a_planted_undefined_global(copy):
    # the loose global search.js read before the namespace: defined by no script now
    line = plant(copy, "docs/assets/search.js", "window.a4p.plural(this.strings, n, this.lang)",
                 "a4pPlural(this.strings, n, this.lang)")
    done = eslint(copy)
    assert done.returncode == 1, said(done)
    assert re.search(rf"^\s+{line}:\d+\s+error\s+'a4pPlural' is not defined\s+no-undef$", done.stdout, re.M), said(done)
    assert "docs/assets/search.js" in done.stdout and "1 problem (1 error" in done.stdout, said(done)


def test_eslint_fails_on_a_planted_implicit_global(copy):
    # a name left on every page, beside window.a4p: a top-level var of a classic script
    line = plant(copy, "docs/assets/a4p.js", '(function () {\n  "use strict";\n',
                 'var plural = null;\n(function () {\n  "use strict";\n')
    done = eslint(copy)
    assert done.returncode == 1, said(done)
    assert re.search(rf"^\s+{line}:\d+\s+error\s+Unexpected 'var' declaration in the global scope.*no-implicit-globals$",
                     done.stdout, re.M), said(done)


# -- the pure functions, under Node's test runner -----------------------------------------------


def test_node_unit_tests_pass():
    files = [name for name in node_tests() if name.endswith(".test.js")]
    assert files
    done = run(["node", "--test", *files])
    summary = dict(re.findall(r"^# (tests|pass|fail) (\d+)$", done.stdout, re.M))
    assert done.returncode == 0 and summary.get("fail") == "0" and int(summary.get("pass", 0)) > 0, said(done)
    assert summary["pass"] == summary["tests"], said(done)


def test_folding_is_the_same_in_python_and_in_node():
    """hooks/edition/folding.py (the glossary's marks) and docs/assets/search-text.js (search) fold and
    light-stem the words of tests/browser/test_folding.py alike, with every folding of
    source/search.yml (the browser's own check: that file, in Chromium)."""
    names = sorted(FOLDINGS)
    asked = [{"rules": FOLDINGS[name].as_json(), "words": WORDS} for name in names]
    done = subprocess.run(["node", "tests/js/fold.js"], cwd=ROOT, input=json.dumps(asked), capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, said(done)
    for name, answer in zip(names, json.loads(done.stdout)):
        rules = FOLDINGS[name]
        assert answer["fold"] == [rules.fold(word) for word in WORDS], name
        assert answer["stems"] == [list(rules.light_stems(word)) for word in WORDS], name
