"""hooks.edition.yamlsource's fast path: libyaml's parser under the same Python composer and
constructor gives the same data and the same lines as the pure-Python loader, for every source
file and mkdocs.yml; a file it cannot load is read again by the pure-Python loader, whose
message is the one shown (tests/edition/test_yamlsource.py checks those messages)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hooks.edition import sourcefile, yamlsource
from hooks.errors import SourceError

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "source").rglob("*.yml"))


def with_lines(value):
    """The value with every line it remembers, as plain data to compare."""
    if isinstance(value, dict):
        return ("map", value.line, {k: (value.lines[k], with_lines(v)) for k, v in value.items()})
    if isinstance(value, list):
        return ("list", value.line, [(line, with_lines(v)) for line, v in zip(value.lines, value)])
    return (type(value).__name__, value)


def slowly(path: Path, loader) -> object:
    return yamlsource._load_slowly(sourcefile.read(path, path, tabs=True), path, loader)


def test_there_are_sources_and_libyaml():
    assert len(SOURCES) > 1
    assert yaml.__with_libyaml__, "requirements.txt's PyYAML comes with libyaml"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_source_loads_the_same_fast_and_slowly(path, monkeypatch):
    calls = []
    monkeypatch.setattr(yamlsource, "_load_slowly", lambda *args: calls.append(args))
    fast = yamlsource.load(path)
    assert calls == []  # taken from libyaml
    monkeypatch.undo()
    assert with_lines(fast) == with_lines(slowly(path, yamlsource._Loader))


def test_mkdocs_yml_loads_the_same_fast_and_slowly():
    path = ROOT / "mkdocs.yml"
    assert with_lines(yamlsource.load_config(path)) == with_lines(slowly(path, yamlsource._ConfigLoader))


def test_a_refused_file_is_read_again_slowly_for_its_message(tmp_path, monkeypatch):
    path = tmp_path / "en.yml"
    path.write_text("a: 1\nb: &x 2\n", encoding="utf-8")
    calls = []
    slow = yamlsource._load_slowly
    monkeypatch.setattr(yamlsource, "_load_slowly", lambda *args: calls.append(args) or slow(*args))
    with pytest.raises(SourceError) as info:
        yamlsource.load(path)
    assert len(calls) == 1
    assert str(info.value).startswith(f"{path}:2: found the YAML anchor '&x'")


@pytest.mark.parametrize("value", ['"A4P \\udc80 area"', '"A4P \\u202e area"', '"Cafe\\u0301"', '"\\x85"'])
def test_both_loaders_refuse_escaped_characters_with_one_message(tmp_path, monkeypatch, value):
    """libyaml's parser refuses a surrogate escape itself, and the checks refuse the others; the
    pure-Python loader must refuse each too, and its message is the one shown."""
    path = tmp_path / "en.yml"
    path.write_text(f"labels:\n  area: {value}\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    for loader_class in (yamlsource._FastLoader, yamlsource._Loader):
        loader = loader_class(text)
        with pytest.raises(Exception):  # noqa: B017, PT011 - which one each raises is theirs
            loader.get_single_data()
        loader.dispose()
    calls = []
    slow = yamlsource._load_slowly
    monkeypatch.setattr(yamlsource, "_load_slowly", lambda *args: calls.append(args) or slow(*args))
    with pytest.raises(SourceError) as info:
        yamlsource.load(path, Path("source/i18n/en.yml"))
    assert len(calls) == 1
    assert str(info.value).startswith("source/i18n/en.yml:2: found ")
