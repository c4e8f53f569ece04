"""hooks/template_cache.py: a template is compiled once for every environment of the process,
and again when its source changes."""

from __future__ import annotations

import jinja2

from hooks.template_cache import CompiledTemplates


def environment(folder, cache, **options) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache, **options)


def count_compiles(monkeypatch) -> list[str]:
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_one_compile_for_every_environment_and_again_after_an_edit(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("<p>{{ words }}</p>", encoding="utf-8")
    cache = CompiledTemplates()
    compiled = count_compiles(monkeypatch)
    languages = ("zh", "en", "fr")
    for code in languages:  # a new environment per language's build, as MkDocs makes them
        assert environment(tmp_path, cache).get_template("page.html").render(words=code) == f"<p>{code}</p>"
    assert compiled == ["page.html"]
    (tmp_path / "page.html").write_text("<div>{{ words }}</div>", encoding="utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(words="ru") == "<div>ru</div>"
    assert compiled == ["page.html", "page.html"]


def test_another_set_of_extensions_compiles_its_own(tmp_path, monkeypatch):
    """A template using {% continue %} compiles only with loopcontrols (which
    mkdocs-static-i18n adds); an environment without it must not be handed that code."""
    (tmp_path / "list.html").write_text("{% for x in xs %}{% if x == 2 %}{% continue %}{% endif %}{{ x }}"
                                       "{% endfor %}", encoding="utf-8")
    cache = CompiledTemplates()
    compiled = count_compiles(monkeypatch)
    with_loops = environment(tmp_path, cache, extensions=["jinja2.ext.loopcontrols"])
    assert with_loops.get_template("list.html").render(xs=[1, 2, 3]) == "13"
    plain = environment(tmp_path, cache)
    try:
        plain.get_template("list.html")
    except jinja2.TemplateSyntaxError:
        pass
    assert compiled == ["list.html", "list.html"]


def test_other_whitespace_options_compile_their_own(tmp_path, monkeypatch):
    """hooks/main.py trims the tags' lines (trim_blocks, lstrip_blocks): the code compiled so
    is not the code of an environment without them."""
    (tmp_path / "list.html").write_text("<ul>\n  {% for x in xs %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>",
                                       encoding="utf-8")
    cache = CompiledTemplates()
    compiled = count_compiles(monkeypatch)
    trimmed = environment(tmp_path, cache, trim_blocks=True, lstrip_blocks=True)
    assert trimmed.get_template("list.html").render(xs=[1]) == "<ul>\n  <li>1</li>\n</ul>"
    assert environment(tmp_path, cache).get_template("list.html").render(xs=[1]) == "<ul>\n  \n  <li>1</li>\n  \n</ul>"
    assert compiled == ["list.html", "list.html"]


def test_the_theme_files_are_listed_once_without_hidden_ones(tmp_path):
    from hooks.template_cache import ListedOnce

    for name in ("a.css", ".hidden/x.svg", ".top", "sub/.dot", "sub/b.js", "sub/c.html", "sub/deep/.icons/y.svg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    listed: dict = {}
    assert ListedOnce(str(tmp_path), listed).list_templates() == ["a.css", "sub/b.js", "sub/c.html"]
    (tmp_path / "later.css").write_text("x", encoding="utf-8")
    assert ListedOnce(str(tmp_path), listed).list_templates() == ["a.css", "sub/b.js", "sub/c.html"]
    assert "later.css" in ListedOnce(str(tmp_path), {}).list_templates()  # a new theme object walks again


def test_mkdocs_takes_the_same_theme_files_from_the_list(monkeypatch):
    """Every file MkDocs copies from the theme (its filter drops hidden names) is there, and
    nothing else, with Material and the edition's overrides."""
    from pathlib import Path

    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from hooks import template_cache

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = Path(__file__).resolve().parent.parent
    config = load_config(str(root / "mkdocs.yml"))
    plain = Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    template_cache.list_once(config.theme)
    template_cache.list_once(config.theme)  # twice changes nothing
    listed = Files([])
    environment = config.theme.get_env()
    assert isinstance(environment.loader, template_cache.ListedOnce)
    listed.add_files_from_theme(environment, config)
    names = sorted(file.src_uri for file in plain)
    assert names and sorted(file.src_uri for file in listed) == names
    assert any(name.startswith("assets/javascripts/") for name in names)
