"""Typography of every language, by the rules of tests/typography.yml (issue 13 §3).

Every paragraph, heading, translator's note, interface string, glossary entry, instrument label
and prose file of a language is read line by line as written, so that a failure names the file, the line and the
column. What is not the text's own is blanked first, keeping columns: URLs, ``{placeholders}``,
Markdown syntax (``{#id}``, ``{: … }``, link targets, code, HTML tags and comments) and YAML's
own syntax (keys, the quotes around a value, the brackets and commas of a ``[a, b]`` list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
RULES = yaml.safe_load((Path(__file__).parent / "typography.yml").read_text(encoding="utf-8"))
BLANK = "\u2060"  # stands in for what is skipped: no rule treats it as a letter, space or mark

_SKIP = re.compile(r"https?://[^\s)\]>\"'»]+|\{[^{}\n]*\}|`[^`\n]*`|<!--.*?-->|<[^>\n]*>|\]\([^)\n]*\)")
_YAML_KEY = re.compile(r"^(\s*(?:- )?)([\w.-]+:)(\s|$)")
_YAML_ITEM = re.compile(r"^(\s*- )")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    found: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: found {self.found}; expected {self.expected}"


def _blank(match: re.Match) -> str:
    return BLANK * len(match.group(0))


def _yaml_value(line: str) -> str:
    """The line with YAML's syntax blanked: comment lines, the key, the quotes around a value,
    a flow list's brackets and the commas between its items."""
    if line.lstrip().startswith("#"):
        return BLANK * len(line)
    head = _YAML_KEY.match(line) or _YAML_ITEM.match(line)
    start = head.end(2) if head and head.re is _YAML_KEY else (head.end(1) if head else 0)
    rest = line[start:].strip()
    if rest.startswith("#"):  # a key with no value, then a comment
        return BLANK * len(line)
    chars = list(BLANK * start + line[start:])
    first = start + (len(line[start:]) - len(line[start:].lstrip()))
    last = len(line.rstrip()) - 1
    if rest[:1] in "\"'" and rest[-1:] == rest[:1] and len(rest) > 1:
        chars[first] = chars[last] = BLANK
    elif rest[:1] == "[" and rest[-1:] == "]":
        chars[first] = chars[last] = BLANK
        quote = None
        for index in range(first + 1, last):
            char = line[index]
            if quote:
                if char == quote:
                    quote = None
                    chars[index] = BLANK
            elif char in "\"'" and line[index - 1] in "[, ":
                quote = char
                chars[index] = BLANK
            elif char == ",":
                chars[index] = BLANK
    return "".join(chars)


def _text_line(line: str) -> str:
    """A line of source/text/{lang}.txt with its syntax blanked: comments, the [slug] of a
    heading, a paragraph's number, the '> ' of a note, the title:/subtitle: keys."""
    if line.startswith("#"):
        return BLANK * len(line)
    match = re.match(r"^(\[[a-z-]+\] |\d+\. |> |title: |subtitle: )", line)
    return BLANK * match.end() + line[match.end():] if match else line


def _markdown_line(line: str) -> str:
    """A prose line with Markdown's line syntax blanked (headings, list marks, quotes)."""
    match = re.match(r"^(\s*(?:#{1,6} |[-*+] |\d+\. |> )*)", line)
    return BLANK * match.end() + line[match.end():]


def files(code: str) -> list[tuple[Path, object]]:
    """The files of one language, each with how its lines are prepared."""
    found = [(ROOT / "source" / "text" / f"{code}.txt", _text_line),
             (ROOT / "source" / "i18n" / f"{code}.yml", _yaml_value),
             (ROOT / "source" / "glossary" / f"{code}.yml", _yaml_value),
             (ROOT / "source" / "instruments" / f"{code}.yml", _yaml_value)]
    found += [(path, _markdown_line) for path in sorted((ROOT / "docs").glob(f"*.{code}.md"))]
    return found


def problems(code: str, sources: list[tuple[Path, object]] | None = None) -> list[Problem]:
    rules = [(re.compile(rule["pattern"]), rule["name"], rule["expected"]) for rule in RULES.get(code, [])]
    out = []
    for path, prepare in sources if sources is not None else files(code):
        shown = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            text = _SKIP.sub(_blank, prepare(line))
            for pattern, name, expected in rules:
                for match in pattern.finditer(text):
                    at = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
                    mark = line[at] if at < len(line) else ""
                    out.append(Problem(shown, number, at + 1, f"{name} ({mark!r} U+{ord(mark):04X})" if mark else name,
                                       expected))
    return out


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_language_follows_its_typography(code):
    found = problems(code)
    assert not found, f"{len(found)} typography problems:\n" + "\n".join(map(str, found[:40]))


# --- each rule fails on one planted fault, and leaves syntax alone --------------------------

# (language, a paragraph line, the column of the fault counted by hand from 1, a word of the
# expected form)
PLANTED = [
    ("fr", "4. Nous affirmons : ceci.", 19, "U+202F"),           # the ':' after 'affirmons '
    ("fr", "4. Nous affirmons\u202f: « ceci\u202f».", 21, "after «"),  # '«' with a plain space after it
    ("ru", "4. Мы подтверждаем её роль.", 21, "е in place of ё"),   # 'ё' of 'её'
    ("ru", "4. Так называемые “меры”.", 19, "« »"),               # the opening '“'
    ("es", "4. Las llamadas \"medidas\".", 17, "« »"),            # the opening '"'
    ("ar", "4. نؤكد ذلك, ونلتزم به.", 12, "، ؛ ؟"),               # the Latin comma after 'ذلك'
]


@pytest.mark.parametrize("code, line, column, expected", PLANTED)
def test_a_planted_fault_is_found_with_its_line_and_column(tmp_path, code, line, column, expected):
    path = tmp_path / f"{code}.txt"
    path.write_text(f"# a comment: \"anything\", ё?\n{line}\n", encoding="utf-8")
    found = problems(code, [(path, _text_line)])
    assert found and (found[0].line, found[0].column) == (2, column), found  # the comment line is skipped
    assert {p.line for p in found} == {2}
    assert expected in found[0].expected


YAML, MARKDOWN = ("{code}.yml", _yaml_value), ("page.{code}.md", _markdown_line)


@pytest.mark.parametrize("kind, code, line", [
    (YAML, "fr", 'site_url: "https://example.org/a:b?c=d"'),
    (YAML, "fr", "  online: \"Cette page en ligne\u202f: {url}\""),
    (YAML, "fr", "  variants: [paix, \"maintien de la paix\"]"),
    (YAML, "fr", "provenance:  # the About page: languages, version"),
    (YAML, "es", '  index: "La Declaración"'),
    (YAML, "ru", "  related: [мир, 'миротворчество']"),
    (YAML, "ar", "    variants: [الولايات, ولايات]"),
    (MARKDOWN, "fr", "Voir [la page](https://example.org/?a=b) et `x:y`."),
    (MARKDOWN, "fr", "## Citer un paragraphe {#cite}"),
    (MARKDOWN, "es", "Un enlace [aquí](https://example.org/\"x\")."),
    (MARKDOWN, "ru", "<!-- \"комментарий\" -->"),
])
def test_syntax_is_not_text(tmp_path, kind, code, line):
    """YAML's and Markdown's own marks (keys, quotes, lists, links, ids, comments) are no faults."""
    name, prepare = kind
    path = tmp_path / name.format(code=code)
    path.write_text(line + "\n", encoding="utf-8")
    assert problems(code, [(path, prepare)]) == []
