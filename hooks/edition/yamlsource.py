"""YAML files read with the line of every key and item, so errors can name the line.

Source files are read through :mod:`hooks.edition.sourcefile` (no link, size, UTF-8, no byte-order
mark, only characters an editor can see), then parsed with these restrictions, each refused
with its line:

- no anchors (``&a``) and aliases (``*a``): a source has no use for them, and nested aliases
  (a "billion laughs" file) would make a small file expand to gigabytes;
- no nesting deeper than :data:`MAX_DEPTH` levels;
- every value and key, once YAML has decoded its escapes, is checked again by
  :func:`hooks.edition.sourcefile.first_problem`: an escape in a quoted string can write what the file
  itself may not hold (``"\\0"``, ``"\\u202e"``, ``"\\udc80"`` half of a surrogate pair,
  ``"e\\u0301"`` decomposed), refused with the line where the value starts; ``"\\n"`` and
  ``"\\t"`` stay allowed. The fast path (libyaml) runs the same check, or refuses the escape
  itself, and is then read again by the pure-Python loader, so the message is the same;
- a number is plain decimal (``13``, not ``013``, which YAML would read as 11) and true/false
  is only ``true`` or ``false`` (``no`` stays the text "no", as in a language code).

:func:`load_config` reads ``mkdocs.yml`` the same way but lets it keep its tags (``!ENV``)
and anchors, which MkDocs understands: it is read only for the lines of its keys.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from hooks.edition import sourcefile
from hooks.errors import SourceError

MAX_DEPTH = 20
NO_REFERENCES = "the value written out in full (source files use no YAML anchors '&' or aliases '*')"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"


class _Refused(Exception):
    """A construct the sources do not allow, at ``mark``."""

    def __init__(self, mark, found: str, expected: str):
        super().__init__(found)
        self.mark, self.found, self.expected = mark, found, expected


class LineDict(dict):
    """A mapping that remembers the line of each key (``lines[key]``) and its own."""

    line: int = 0
    lines: dict


class LineList(list):
    """A sequence that remembers the line of each item (``lines[i]``) and its own."""

    line: int = 0
    lines: list


class _Checks:
    """What every loader refuses, as the nodes are composed and the scalars constructed."""

    references = False  # anchors and aliases allowed
    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if not self.references:
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(event.start_mark, f"the YAML alias '*{event.anchor}'", NO_REFERENCES)
            if getattr(event, "anchor", None) is not None:
                raise _Refused(event.start_mark, f"the YAML anchor '&{event.anchor}'", NO_REFERENCES)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(event.start_mark, f"values nested more than {MAX_DEPTH} levels deep",
                           f"at most {MAX_DEPTH} levels")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        problem = sourcefile.first_problem(value, tabs=True)
        if problem is not None:
            raise _Refused(node.start_mark, f"{problem.found} in a value", problem.expected)
        return value


class _Loader(_Checks, yaml.SafeLoader):
    """The pure-Python loader: its messages are the ones a source error shows."""


class _ConfigLoader(_Loader):
    references = True


# The same loader over libyaml's parser (much faster on the sources' thousands of lines): the
# events come from C, and are composed and constructed by the same Python code as above, so
# the data and every line are the same. Only a file that loads cleanly is taken from it; any
# failure is read again by the pure-Python loader (:func:`_load`), whose message is shown.
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None


if _CParser is not None:
    class _FastLoader(_Checks, yaml.composer.Composer, _CParser, yaml.constructor.SafeConstructor,
                      yaml.resolver.Resolver):
        def __init__(self, stream):
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    class _FastConfigLoader(_FastLoader):
        references = True

    _FAST: dict[type, type] = {_Loader: _FastLoader, _ConfigLoader: _FastConfigLoader}
else:  # pragma: no cover - PyYAML always has libyaml in requirements.txt's wheels
    _FAST = {}


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


def _construct_tagged(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    """A tagged value of mkdocs.yml (``!ENV [NAME, default]``) as if it had no tag."""
    if isinstance(node, yaml.MappingNode):
        return _construct_mapping(loader, node)
    if isinstance(node, yaml.SequenceNode):
        return _construct_sequence(loader, node)
    return loader.construct_scalar(node)


for _base in (_Loader, *_FAST.values()):
    _base.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _base.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    # YAML 1.1 reads 013 as 11 (octal), 1_0 as 10 and no/off/yes/on as true/false: keep those as text.
    _base.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT, _BOOL)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    _base.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    _base.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
for _config in (_ConfigLoader, *_FAST.values()):
    if _config.references:
        _config.add_multi_constructor("!", _construct_tagged)
        _config.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


def load(path: Path, shown_as: Path | None = None) -> Any:
    """Parse the source file ``path``; anything malformed or refused (see the module's
    docstring) becomes a :class:`SourceError` with its line."""
    return _load(path, shown_as or path, _Loader)


def load_config(path: Path, shown_as: Path | None = None) -> Any:
    """Parse ``mkdocs.yml`` for the lines of its keys: tags and anchors allowed."""
    return _load(path, shown_as or path, _ConfigLoader)


def _load(path: Path, shown: Path, loader_class: type[_Loader]) -> Any:
    text = sourcefile.read(path, shown, tabs=True)
    fast = _FAST.get(loader_class)
    if fast is not None:
        loader = fast(text)
        try:
            data = loader.get_single_data()
        except Exception:  # noqa: BLE001 - read again below, for the message the sources promise
            data = None
        finally:
            loader.dispose()
        if data is not None:
            return data
    return _load_slowly(text, shown, loader_class)


def _load_slowly(text: str, shown: Path, loader_class: type[_Loader]) -> Any:
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    except _Refused as exc:
        raise SourceError(shown, exc.mark.line + 1, exc.found, exc.expected) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SourceError(shown, line, f"invalid YAML ({exc.problem})", "well-formed YAML") from None
    except yaml.YAMLError as exc:  # no mark: should not happen after sourcefile's checks
        raise SourceError(shown, None, f"invalid YAML ({exc})", "well-formed YAML") from None
    finally:
        loader.dispose()
    if data is None:
        raise SourceError(shown, 1, "an empty file", "the file's keys and values")
    return data


def require(mapping: Any, key: str, kind: type, path: Path, what: str) -> Any:
    """``mapping[key]`` checked to be of ``kind``; else a message naming the key."""
    line = getattr(mapping, "line", None)
    if not isinstance(mapping, dict):
        raise SourceError(path, line, describe(mapping), f"a mapping for {what}")
    if key not in mapping:
        raise SourceError(path, line, f"{what} without '{key}'", f"a '{key}' key")
    value = mapping[key]
    if not isinstance(value, kind) or isinstance(value, bool) and bool not in _kinds(kind) \
            or (isinstance(value, str) and not value.strip()):
        raise SourceError(path, mapping.lines.get(key, line), f"'{key}': {describe(value)}",
                          f"'{key}' to be a non-empty {_kind_name(kind)}")
    return value


# An ASCII id: lower-case words of letters and digits joined by hyphens. Every id and slug of the
# sources is one: a page's slug, a normalization, a glossary term, an instrument, the edition's id.
ASCII_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_entry(entry_id: Any, entry: Any, line: int, path: Path, noun: str, keys: set[str]) -> None:
    """One entry of a mapping of ids (a glossary term, an instrument): its id lower-case ASCII
    words joined by hyphens, its value a mapping with none but ``keys``."""
    if not isinstance(entry_id, str) or not ASCII_ID.match(entry_id):
        raise SourceError(path, line, f"{noun} id {entry_id!r}", "lower-case ASCII words joined by hyphens")
    if not isinstance(entry, dict):
        raise SourceError(path, line, describe(entry), f"a mapping for {noun} '{entry_id}'")
    unknown = [key for key in entry if key not in keys]
    if unknown:
        raise SourceError(path, entry.lines[unknown[0]], f"key '{unknown[0]}' in {noun} '{entry_id}'",
                          f"only the keys {', '.join(sorted(keys))}")


def describe(value: Any) -> str:
    """A value as a message shows it, in an editor's words (never a Python type name)."""
    if value is None or value == "":
        return "an empty value"
    if isinstance(value, str) and not value.strip():
        return "a value of only spaces"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (keys and values)"
    return "a value of another kind"


def _kinds(kind: type | tuple) -> tuple:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple) -> str:
    kinds = _kinds(kind)
    names = {"str": "text", "int": "number", "list": "list", "dict": "mapping", "bool": "true/false"}
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)
