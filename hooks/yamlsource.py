"""YAML files read with the line of every key and item, so errors can name the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hooks.errors import SourceError


class LineDict(dict):
    """A mapping that remembers the line of each key (``lines[key]``) and its own."""

    line: int = 0
    lines: dict


class LineList(list):
    """A sequence that remembers the line of each item (``lines[i]``) and its own."""

    line: int = 0
    lines: list


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load(path: Path, shown_as: Path | None = None) -> Any:
    """Parse ``path``; a syntax error becomes a :class:`SourceError` with its line."""
    shown = shown_as or path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(shown, None, "no such file", "the file to exist") from None
    except UnicodeDecodeError as exc:
        raise SourceError(shown, None, f"bytes that are not UTF-8 ({exc.reason})", "UTF-8 text") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SourceError(shown, line, f"invalid YAML ({exc.problem})", "well-formed YAML") from None


def require(mapping: Any, key: str, kind: type, path: Path, what: str) -> Any:
    """``mapping[key]`` checked to be of ``kind``; else a message naming the key."""
    line = getattr(mapping, "line", None)
    if not isinstance(mapping, dict):
        raise SourceError(path, line, f"{type(mapping).__name__}", f"a mapping for {what}")
    if key not in mapping:
        raise SourceError(path, line, f"{what} without '{key}'", f"a '{key}' key")
    value = mapping[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        shown = "an empty value" if value in ("", None) else f"{type(value).__name__} {value!r}"
        raise SourceError(path, mapping.lines.get(key, line), f"'{key}': {shown}",
                          f"'{key}' to be a non-empty {_kind_name(kind)}")
    return value


def _kind_name(kind: type | tuple) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {"str": "text", "int": "number", "list": "list", "dict": "mapping", "bool": "true/false"}
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)
