"""scripts/baseline.py: the plain baseline's Markdown and mkdocs.yml, from source/."""

from __future__ import annotations

import yaml

from scripts import baseline


def test_one_page_per_text_page_and_language_plus_home_and_glossary(edition):
    files = baseline.pages(edition)
    for language in edition.languages:
        code = language.code
        expected = {f"index.{code}.md", f"glossary.{code}.md"} | {f"{slug}.{code}.md" for slug in edition.structure.slugs}
        assert {name for name in files if name.endswith(f".{code}.md")} == expected


def test_a_text_page_has_its_heading_and_numbered_paragraphs(edition):
    text = baseline.pages(edition)["politics.en.md"]
    lines = [line for line in text.split("\n") if line]
    assert lines[0] == "# " + edition.heading("en", "politics")
    numbered = lines[1:]
    page = edition.structure.page("politics")
    assert [line.split(". ", 1)[0] for line in numbered] == [str(n) for n in page.numbers]
    first = edition.texts["en"].paragraphs[page.numbers[0]]
    assert numbered[0] == f"{page.numbers[0]}. {first}"  # nothing in it needs escaping


def test_the_glossary_is_a_definition_list(edition):
    text = baseline.pages(edition)["glossary.en.md"]
    terms = edition.glossaries["en"].terms.values()
    for term in terms:
        assert f"\n{term.term}\n:   " in text, term.term
    assert text.count("\n:   ") == len(terms)


def test_markdown_punctuation_is_taken_literally():
    assert baseline.escape("a *b* <i>x</i> [c](d)") == r"a \*b\* \<i\>x\</i\> \[c\](d)"
    assert baseline.escape("1. not a list\nsecond line") == r"1\. not a list second line"


def test_the_config_is_stock_material_and_i18n_with_every_language(edition, tmp_path):
    config = yaml.safe_load(baseline.write(edition, tmp_path, "https://example.org/").read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material", "language": edition.source.code}
    assert "hooks" not in config and "custom_dir" not in config["theme"] and "extra_css" not in config
    i18n = config["plugins"][1]["i18n"]
    assert [(x["locale"], x["default"]) for x in i18n["languages"]] == [
        (lang.code, lang.is_source) for lang in edition.languages]
    assert (tmp_path / "docs" / "preamble.ar.md").is_file()
