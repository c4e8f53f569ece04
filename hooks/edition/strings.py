"""Interface strings per language (``i18n/{lang}.yml``), checked to be complete.

The source language's file sets the keys; every language must have exactly those keys,
each a non-empty string, plus one name per page, one reason per normalization, and (for a
translation) the ``translation`` block.

A string that depends on a number is a plural group: a mapping whose keys are CLDR plural
categories (``count: {one: ..., other: ...}``). Languages differ in the categories they use
(Chinese only ``other``; English ``one`` and ``other``; Russian also ``few`` and ``many``;
Arabic all six), so a group needs ``other`` in every language and may have any of the others.
The page picks the category with ``Intl.PluralRules``, falling back to ``other``.

A placeholder is a name in braces, ``{number}``; a translation has exactly the placeholders of
the source language's string (none missing, none added). A brace that is no placeholder is
doubled (``{{``). A key ending in ``_url`` is a link: an ``https:`` address. No string is
longer than :data:`MAX_STRING` characters.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Callable

from hooks.edition import sourcefile, yamlsource
from hooks.errors import SourceError

TRANSLATION_ONLY = "translation"
# CLDR's plural categories; every plural group has "other".
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
PLURAL_DEFAULT = "other"
# Keys a translation must have and the source language does not (the translation notice).
TRANSLATION_KEYS = ("translation.notice", "translation.original", "translation.original_page",
                    "translation.translator_note")
PLACEHOLDER = re.compile(r"^[a-z][a-z0-9_]*$")
URL_SUFFIX = "_url"
MAX_STRING = 2_000  # labels and short notices: the longest (offline.readme) has under 400


class Strings(dict):
    """Flat ``dotted.key -> text`` for one language."""

    def format(self, key: str, **values: str) -> str:
        return self[key].format(**values)

    def section(self, prefix: str) -> dict[str, str]:
        """The strings under ``prefix`` (``"search."``), keyed without it, in key order: what a
        page's script gets (``"count.other"``, ``"none"`` ...)."""
        return {key[len(prefix):]: value for key, value in sorted(self.items()) if key.startswith(prefix)}


def plural_groups(strings: Strings) -> set[str]:
    """The keys of the plural groups: mappings whose keys are all plural categories, with
    ``other`` among them."""
    children: dict[str, set[str]] = {}
    for key in strings:
        parent, _, last = key.rpartition(".")
        if parent:
            children.setdefault(parent, set()).add(last)
    return {parent for parent, names in children.items()
            if PLURAL_DEFAULT in names and names <= set(PLURAL_CATEGORIES)}


def _plural_parent(key: str, groups: set[str]) -> str | None:
    parent = key.rpartition(".")[0]
    return parent if parent in groups else None


def _flatten(data, prefix: str, lines: dict, out: dict, path: Path) -> None:
    if not isinstance(data, dict):
        raise SourceError(path, getattr(data, "line", 1), yamlsource.describe(data), "a mapping of keys to strings")
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        lines[dotted] = data.lines[key]
        if isinstance(value, dict):
            _flatten(value, dotted + ".", lines, out, path)
        elif isinstance(value, str) and value.strip():
            out[dotted] = value.strip()
            sourcefile.check_length(path, data.lines[key], f"the string '{dotted}'", out[dotted], MAX_STRING)
            placeholders(out[dotted], dotted, path, data.lines[key])
            if str(key).endswith(URL_SUFFIX):
                _check_url(out[dotted], dotted, path, data.lines[key])
        else:
            raise SourceError(path, data.lines[key], f"'{dotted}': {yamlsource.describe(value)}",
                              f"'{dotted}' to be a non-empty string")


def placeholders(value: str, key: str, path: Path, line: int) -> set[str]:
    """The names of the placeholders in ``value``; a brace that is no ``{name}`` is an error."""
    rule = "placeholders written {name} (a lower-case name in braces), and '{{' or '}}' for a brace itself"
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError:
        raise SourceError(path, line, f"a '{{' or '}}' without its pair in '{key}'", rule) from None
    names = set()
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not PLACEHOLDER.match(name) or spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise SourceError(path, line, f"the placeholder '{written}' in '{key}'", rule)
        names.add(name)
    return names


def _check_url(value: str, key: str, path: Path, line: int) -> None:
    if sourcefile.https_host(value) is None:
        raise SourceError(path, line, f"'{key}': {value!r}", sourcefile.HTTPS)


def load_all(files: dict[str, Path], source: str, structure, normalizations,
             shown: Callable[[Path], Path], structure_shown: Path = Path("source/structure.yml")) -> dict[str, Strings]:
    table: dict[str, Strings] = {}
    lines_of: dict[str, dict] = {}
    for code, path in files.items():
        data = yamlsource.load(path, shown(path))
        flat: dict = {}
        lines: dict = {}
        _flatten(data, "", lines, flat, shown(path))
        table[code] = Strings(flat)
        lines_of[code] = lines
    # Keys named by the other sources: exactly one per page and one per normalization.
    named = {"pages": {f"pages.{slug}" for slug in structure.slugs},
             "normalizations": {f"normalizations.{entry_id}" for entry_id in normalizations.ids}}
    groups = plural_groups(table[source])
    required = {k for k in table[source]
                if not k.startswith(TRANSLATION_ONLY + ".") and k.split(".", 1)[0] not in named
                and not _plural_parent(k, groups)}
    required |= {f"{group}.{PLURAL_DEFAULT}" for group in groups}
    for keys in named.values():
        required |= keys
    categories = ", ".join(PLURAL_CATEGORIES[:-1]) + " or " + PLURAL_CATEGORIES[-1]
    for code, strings in table.items():
        path = shown(files[code])
        wanted = set(required)
        if code != source:
            wanted |= set(TRANSLATION_KEYS)
        for key in sorted(wanted - set(strings)):
            parent = key.rsplit(".", 1)[0] if "." in key else None
            line = lines_of[code].get(parent, 1) if parent else 1
            if key in named["pages"]:
                why = f"a name for every page of {structure_shown.as_posix()}"
            elif key in named["normalizations"]:
                why = "a reason for every entry of normalizations.yml"
            elif key == "translation.translator_note":
                why = "the label of a translator's note, which every translation must have"
            elif key in TRANSLATION_KEYS:
                why = "the translation notice, which every translation must have"
            elif _plural_parent(key, groups):
                why = f"the '{PLURAL_DEFAULT}' form of the plural group '{parent}', which every language must have"
            else:
                why = f"every key of {shown(files[source])}"
            raise SourceError(path, line, f"no key '{key}'", why)
        for key in sorted(set(strings) - wanted):
            group = _plural_parent(key, groups)
            if group and key.rpartition(".")[2] in PLURAL_CATEGORIES:
                continue  # a plural form this language uses
            section = key.split(".", 1)[0]
            if group:
                why = f"a plural category of '{group}': {categories}"
            elif section not in named:
                why = f"only the keys of {shown(files[source])}"
            else:
                why = f"only {section} that the sources name"
            raise SourceError(path, lines_of[code][key], f"key '{key}'", why)
        for key, value in strings.items():
            names = placeholders(value, key, path, lines_of[code][key])
            group = _plural_parent(key, groups)
            model = f"{group}.{PLURAL_DEFAULT}" if group else key
            source_names = placeholders(table[source][model], model, shown(files[source]),
                                        lines_of[source][model]) if model in table[source] else names
            if names != source_names:
                raise SourceError(path, lines_of[code][key], f"{_listed(names)} in '{key}'",
                                  f"{_listed(source_names)}, as in '{model}' of {shown(files[source])}")
    return table


def _listed(names: set[str]) -> str:
    """``the placeholders {first}, {last}``; ``no placeholder``."""
    if not names:
        return "no placeholder"
    listed = ", ".join("{" + name + "}" for name in sorted(names))
    return f"the placeholder{'s' if len(names) > 1 else ''} {listed}"
