"""The built site, read from disk: permalinks, the words of every paragraph, page markers."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from html.parser import HTMLParser

from scripts import build_site
from scripts.bench import copy_tree
from tests.htmltext import VOID, Page

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = Path(__file__).resolve().parent / "permalinks.txt"
SEED = ROOT / "source" / "seed" / "a4p-declaration.zh.txt"
REFRESH = re.compile(r"^0; url=(.+)$")


def manifest() -> list[str]:
    return MANIFEST.read_text(encoding="utf-8").split()


def read(site: Path, path: str) -> Page:
    """The page that serves root-relative ``path`` (fragment dropped)."""
    path = path.split("#", 1)[0].lstrip("/")
    file = site / (path + "index.html" if path.endswith("/") or not path else path)
    assert file.is_file(), f"{path} has no file in the built site"
    return Page(file.read_text(encoding="utf-8"))


def test_manifest_lines_are_root_relative_and_unique():
    lines = manifest()
    assert len(lines) == len(set(lines))
    assert all(line.startswith("/") and "//" not in line for line in lines)


@pytest.mark.parametrize("permalink", manifest())
def test_every_published_permalink_resolves(built_site, permalink):
    page = read(built_site, permalink)
    if "#" in permalink:
        fragment = permalink.split("#", 1)[1]
        assert page.ids.count(fragment) == 1, f"{permalink}: id {fragment} must be on the page once"
        assert page.words(fragment).strip(), f"{permalink}: the paragraph has no words"
    else:  # a short link: a redirect page whose target is a listed paragraph permalink
        refresh = page.find("meta", **{"http-equiv": "refresh"})
        assert len(refresh) == 1, f"{permalink} is not a redirect page"
        target = urljoin(permalink, REFRESH.match(refresh[0]["content"]).group(1))
        number = permalink.rstrip("/").rsplit("/", 1)[1]
        assert target.endswith(f"#para-{number}")
        assert target in manifest(), f"{permalink} leads to {target}, which is not a listed permalink"


def test_no_paragraph_id_outside_the_manifest(built_site):
    """Every paragraph, term and instrument anchor the build publishes is listed, so the manifest
    guards them all."""
    listed = set(manifest())
    found = set()
    for file in built_site.rglob("*.html"):
        page = Page(file.read_text(encoding="utf-8"))
        rel = "/" + file.relative_to(built_site).as_posix().removesuffix("index.html")
        found |= {f"{rel}#{i}" for i in page.ids if i.startswith(("para-", "term-", "instrument-"))}
    assert found - listed == set()


def _supplied_paragraphs() -> dict[int, str]:
    """The supplied Chinese paragraphs after the listed textual normalizations, read here
    independently of hooks/: apply each find/replace of normalizations.yml, then split."""
    import yaml

    text = SEED.read_text(encoding="utf-8")
    data = yaml.safe_load((ROOT / "source" / "normalizations.yml").read_text(encoding="utf-8"))
    for entry in data["normalizations"]:
        if "find" in entry:
            assert text.count(entry["find"]) == 1
            text = text.replace(entry["find"], entry["replace"])
    found = re.findall(r"^(\d+)\. (.+)$", text, re.M)
    return {int(n): words for n, words in found}


def test_chinese_words_on_the_pages_are_the_supplied_words(built_site, edition):
    supplied = _supplied_paragraphs()
    assert sorted(supplied) == list(range(1, edition.structure.paragraph_count + 1))
    for n, words in supplied.items():
        slug = edition.structure.page_of(n).slug
        assert read(built_site, f"/{slug}/").words(f"para-{n}") == words, f"paragraph {n}"


def test_english_words_are_the_translation(built_site, edition):
    for n, words in edition.texts["en"].paragraphs.items():
        slug = edition.structure.page_of(n).slug
        assert read(built_site, f"/en/{slug}/").words(f"para-{n}") == words, f"paragraph {n}"


@pytest.mark.parametrize("lang,prefix", [("zh", "/"), ("en", "/en/")])
def test_pages_carry_their_language_and_the_footer_notice(built_site, edition, lang, prefix):
    notice = edition.strings[lang]["footer.notice"]
    keys = ["", "about/"] + [f"{slug}/" for slug in edition.structure.slugs]
    for key in keys:
        file = built_site / (prefix.lstrip("/") + key) / "index.html"
        html = file.read_text(encoding="utf-8")
        assert Page(html).lang == lang, file
        assert notice in html, f"{file}: no footer notice"
        assert "peacekeeping.un.org" in html, f"{file}: no link to the authentic texts"


def test_every_english_page_says_it_is_an_unofficial_translation(built_site, edition):
    notice = edition.strings["en"]["translation.notice"]
    for file in (built_site / "en").rglob("index.html"):
        if "/para/" in file.as_posix():
            continue
        assert notice in file.read_text(encoding="utf-8"), file


def test_english_paragraphs_link_the_same_paragraph_in_chinese(built_site, edition):
    for n in range(1, edition.structure.paragraph_count + 1):
        slug = edition.structure.page_of(n).slug
        page = read(built_site, f"/en/{slug}/")
        links = page.find("a", **{"class": "a4p-para__original"})
        assert f"../../{slug}/#para-{n}" in [a["href"] for a in links]


def test_numbers_never_become_lists(built_site, edition):
    """A line starting "13." must not turn into <ol start=...>: the text is never Markdown."""
    for slug in edition.structure.slugs:
        for prefix in ("", "en/"):
            html = (built_site / prefix / slug / "index.html").read_text(encoding="utf-8")
            body = html[html.index('<div class="a4p-text-page">'):html.index("</section>")]
            assert "<ol" not in body and "<li" not in body, f"/{prefix}{slug}/ has a list"
            page = Page(html)
            for n in edition.structure.page(slug).numbers:
                assert page.find("div", id=f"para-{n}"), f"/{prefix}{slug}/: para-{n} is not a div"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_about_page_lists_each_normalization_and_note(built_site, edition, prefix):
    page = read(built_site, f"/{prefix}about/")
    for entry_id in edition.normalizations.ids:
        assert f"normalization-{entry_id}" in page.ids


def test_editorial_headings_are_marked(built_site, edition):
    for spec in edition.structure.pages:
        for prefix in ("", "en/"):
            page = read(built_site, f"/{prefix}{spec.slug}/")
            marked = page.find("span", **{"class": "a4p-editorial"})
            assert bool(marked) == spec.editorial_heading, f"/{prefix}{spec.slug}/"


def test_suspected_typos_keep_the_supplied_wording_and_carry_a_note(built_site):
    for slug, n, wording in [("protection", 10, "采取的放矢"), ("peacebuilding", 16, "保持平时")]:
        page = read(built_site, f"/{slug}/")
        assert wording in page.words(f"para-{n}")
        notes = [i for i in page.ids if i.startswith("note-")]
        assert len(notes) == 1 and page.words(notes[0]) == "", "the note is apparatus"


@pytest.mark.parametrize("alias,target", [("zh/", "../"), ("zh/protection/", "../../protection/"),
                                          ("zh/para/10/", "../../../protection/#para-10")])
def test_guessed_zh_paths_lead_to_the_root(built_site, alias, target):
    refresh = read(built_site, "/" + alias).find("meta", **{"http-equiv": "refresh"})
    assert refresh[0]["content"] == f"0; url={target}"


def test_no_page_for_a_paragraph_that_does_not_exist(built_site, edition):
    count = edition.structure.paragraph_count
    assert not (built_site / "para" / str(count + 1)).exists()
    assert (built_site / "404.html").is_file() and (built_site / "en" / "404.html").is_file()
    assert Page((built_site / "en" / "404.html").read_text(encoding="utf-8")).lang == "en"
    assert Page((built_site / "404.html").read_text(encoding="utf-8")).lang == "zh"


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


# A hook added, for one test only, to a temporary copy of the config: it fails the build at
# the very end of one language's build, after that language's pages were written.
FAIL_LATE_HOOK = """
from pathlib import Path
from mkdocs.exceptions import PluginError

def on_post_build(config):
    if config.plugins["i18n"].current_language != {language!r}:
        return
    written = sorted(Path(config.site_dir).rglob("index.html"))
    raise PluginError(f"the test's hook fails the build after writing {{len(written)}} pages of {language}")
"""


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path, built_site, edition):
    """A copy of the repository whose build fails late: in the second language, after its
    pages were written. The site it would have replaced is untouched, byte for byte, and
    nothing of the failed build is left beside it."""
    repo = copy_tree(tmp_path / "repo")
    second = edition.languages[1].code
    (repo / "fail_late.py").write_text(FAIL_LATE_HOOK.format(language=second), encoding="utf-8")
    config = yaml.load((repo / "mkdocs.yml").read_text(encoding="utf-8"), Loader=build_site._ConfigLoader)
    (repo / "mkdocs.fail-late.yml").write_text(
        yaml.safe_dump({"INHERIT": "mkdocs.yml", "hooks": [*config["hooks"], "fail_late.py"]}), encoding="utf-8")
    out = repo / "site"
    shutil.copytree(built_site, out)
    before = _tree_digest(out)
    result = subprocess.run([sys.executable, "scripts/build_site.py", "--config", "mkdocs.fail-late.yml"], cwd=repo,
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    written = re.search(rf"the test's hook fails the build after writing (\d+) pages of {second}", result.stderr)
    assert written and int(written.group(1)) > 0, result.stderr
    assert "build failed: site is left as it was" in result.stderr
    assert _tree_digest(out) == before
    beside = {p.name: sorted(q.name for q in p.iterdir()) if p.is_dir() else None
              for p in repo.iterdir() if p.name.startswith(".site")}
    assert beside in ({}, {".site.builds": [".lock"]}), beside


def test_two_processes_build_the_same_bytes(tmp_path):
    """The reproducibility promise: two separate builds of the same commit, in two processes
    (each with its own hash seed), with the same release date, give the same files."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    env.pop("PYTHONHASHSEED", None)
    builds = [subprocess.Popen([sys.executable, "scripts/build_site.py", "--out", str(tmp_path / name / "site")],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
              for name in ("one", "two")]
    for build in builds:
        assert build.wait() == 0, build.stderr.read()
    one, two = (tmp_path / name / "site" for name in ("one", "two"))
    files = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file())
    differ = [f for f in files if (one / f).read_bytes() != (two / f).read_bytes()]
    assert differ == []


def test_footer_carries_the_version_from_the_repository(built_site):
    """The version label is git's description of the commit built (scripts/release.py)."""
    described = subprocess.run(["git", "describe", "--tags", "--always", "--dirty"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    for page in ("index.html", "en/protection/index.html"):
        labels = Page((built_site / page).read_text(encoding="utf-8")).find("p", **{"class": "a4p-release"})
        assert [label["data-version"] for label in labels] == [described], page


class _ForeignText(HTMLParser):
    """Text whose nearest ``lang`` is not ``zh`` but which holds Han characters."""

    HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.unmarked: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if any(tag in ("script", "style") for tag, _ in self.stack):
            return
        lang = next((lang for _, lang in reversed(self.stack) if lang), None)
        if lang != "zh" and self.HAN.search(data):
            self.unmarked.append(data.strip()[:40])


def test_chinese_inside_english_pages_carries_its_lang(built_site):
    """CONTRACT.md: text in another language inside a page carries its own lang attribute."""
    for file in sorted((built_site / "en").rglob("*.html")):
        checker = _ForeignText()
        checker.feed(file.read_text(encoding="utf-8"))
        assert checker.unmarked == [], f"{file.relative_to(built_site)}: {checker.unmarked[:3]}"


def test_every_script_and_stylesheet_a_page_names_is_in_the_site(built_site):
    """What the pages load is there, and Material's search-plugin files, which nothing loads
    (its search is off; hooks/static_files.py drops them), are not."""
    named = set()
    for file in sorted(built_site.rglob("*.html")):
        page = Page(file.read_text(encoding="utf-8"))
        base = file.relative_to(built_site).as_posix()
        refs = [a["src"] for a in page.find("script") if "src" in a]
        refs += [src for a in page.find("script") for group in json.loads(a.get("data-a4p-later", "[]"))
                 for src in group]
        refs += [a["href"] for a in page.find("link") if a.get("rel") == "stylesheet"]
        for ref in refs:
            assert "://" not in ref, f"{base} loads {ref} from another host"
            target = urljoin(base, ref.split("?", 1)[0]).lstrip("/")  # 404 pages: root-relative
            assert (built_site / target).is_file(), f"{base} names {ref}, which the site lacks"
            named.add(target)
    assert "assets/search.js" in named and any(n.startswith("assets/javascripts/bundle.") for n in named)
    javascripts = built_site / "assets" / "javascripts"
    assert not (javascripts / "lunr").exists() and not (javascripts / "workers").exists()


# --- Wiring that cannot silently go wrong (hooks/main.py, hooks/pages/registry.py, hooks/pages/prose.py) ---

def _repo_copy(tmp_path: Path) -> Path:
    return copy_tree(tmp_path / "repo")


def _build_copy(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(repo / "out")],
                          cwd=repo, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def _fails_with(repo: Path, message: str) -> None:
    result = _build_copy(repo)
    assert result.returncode != 0, "the build passed"
    assert message in result.stderr, result.stderr[-2000:]


def test_an_attribute_on_a_stub_fails_the_build_naming_the_file(tmp_path):
    repo = _repo_copy(tmp_path)
    stub = repo / "docs" / "protection.md"
    stub.write_text(stub.read_text(encoding="utf-8") + "{: .danger }\n", encoding="utf-8")
    _fails_with(repo, "docs/protection.md:2: found '{: .danger }'; expected only the line <!-- a4p:generated --> "
                      "(this page is rendered from source/)")


def test_extra_text_in_a_stub_fails_the_build(tmp_path):
    repo = _repo_copy(tmp_path)
    (repo / "docs" / "politics.md").write_text("A4P-BODY-PLACEHOLDER\n", encoding="utf-8")
    _fails_with(repo, "docs/politics.md:1: found 'A4P-BODY-PLACEHOLDER'; expected only the line "
                      "<!-- a4p:generated -->")


def test_a_missing_prose_file_fails_the_build_naming_it(tmp_path):
    repo = _repo_copy(tmp_path)
    (repo / "docs" / "about.en.md").unlink()
    _fails_with(repo, "docs/about.en.md: found no such file; expected the prose of page 'about' in language 'en'")


def test_a_missing_marker_fails_the_build_naming_the_file(tmp_path):
    repo = _repo_copy(tmp_path)
    prose_file = repo / "docs" / "index.en.md"
    text = prose_file.read_text(encoding="utf-8")
    prose_file.write_text(text.replace("<!-- a4p:areas -->\n", ""), encoding="utf-8")
    last = len(text.replace("<!-- a4p:areas -->\n", "").rstrip("\n").split("\n"))
    _fails_with(repo, f"docs/index.en.md:{last}: found no marker <!-- a4p:areas -->")


def test_a_javascript_link_in_prose_fails_the_build_naming_file_and_line(tmp_path):
    repo = _repo_copy(tmp_path)
    prose_file = repo / "docs" / "about.zh.md"
    lines = prose_file.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "[看这里](javascript:alert(1))")
    prose_file.write_text("\n".join(lines), encoding="utf-8")
    _fails_with(repo, "docs/about.zh.md:3: found a javascript: link; expected an https: link or a link within "
                      "the edition (a path or #fragment)")


def test_prose_pages_carry_their_language_prose_and_generated_parts(built_site, edition):
    """Each language's prose file is its own (never the source language's fallback), with
    the parts at their markers and no marker left."""
    for prefix, code in (("", "zh"), ("en/", "en")):
        for key, ids in (("", ("areas", "more", "cite")), ("about/", ("normalizations", "notes", "licence")),
                         ("glossary/", ("a4p-entries", "a4p-filter"))):
            html = (built_site / prefix / key / "index.html").read_text(encoding="utf-8")
            page = Page(html)
            assert page.lang == code and "a4p:" not in html, f"/{prefix}{key}"
            assert all(i in page.ids for i in ids), f"/{prefix}{key}: {ids}"
            source = (ROOT / "docs" / f"{key.rstrip('/') or 'index'}.{code}.md").read_text(encoding="utf-8")
            first = next(block for block in source.split("\n\n") if block and not block.startswith("<!--"))
            assert first in html, f"/{prefix}{key}: its first paragraph is not that of its own prose file"


def test_each_language_s_404_is_written_whichever_language_builds_first(tmp_path, edition):
    """hooks/main.py: a translation's 404 goes to its folder and leaves the root alone; the
    source language's goes to the root. Translation first, on an empty site folder."""
    from types import SimpleNamespace

    from hooks import main
    from hooks.edition.crosslinks import Derived
    from hooks.urls import Scheme

    scheme = Scheme("https://a4p.example.org/", edition.source.code)
    config = SimpleNamespace(site_dir=str(tmp_path))
    try:
        for code in ("en", "zh"):
            main._build = main.Build(edition, edition.language(code), scheme, Derived(edition), None)
            output = main.on_post_template(f"<html lang={code}>", template_name="404.html", config=config)
            if code == "en":
                assert output == "" and not (tmp_path / "404.html").exists()
                assert (tmp_path / "en" / "404.html").read_text(encoding="utf-8") == "<html lang=en>"
            else:
                assert output == "<html lang=zh>"  # MkDocs writes it to the root
    finally:
        main._build = None


def test_a_prose_file_that_is_a_link_out_of_the_repository_fails_the_build(tmp_path):
    repo = _repo_copy(tmp_path)
    prose_file = repo / "docs" / "index.en.md"
    outside = tmp_path / "outside.md"
    outside.write_text(prose_file.read_text(encoding="utf-8") + "\nOUTSIDE-WORDS\n", encoding="utf-8")
    prose_file.unlink()
    prose_file.symlink_to(outside)
    result = _build_copy(repo)
    assert result.returncode != 0, "the build passed"
    assert "docs/index.en.md: found a symbolic link; expected the file itself" in result.stderr, result.stderr[-2000:]
    assert "OUTSIDE-WORDS" not in result.stderr + result.stdout
    assert not (repo / "out" / "en" / "index.html").exists()


def test_a_linked_folder_under_docs_fails_the_build_before_anything_is_copied(tmp_path):
    repo = _repo_copy(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("OUTSIDE-SECRET\n", encoding="utf-8")
    (repo / "docs" / "assets" / "extra").symlink_to(outside, target_is_directory=True)
    _fails_with(repo, "docs/assets/extra: found docs/assets/extra/, a symbolic link; expected a folder")
    assert not (repo / "out").exists() or not list((repo / "out").rglob("secret.txt"))


def test_an_invisible_direction_character_in_prose_fails_the_build_naming_line_and_column(tmp_path):
    repo = _repo_copy(tmp_path)
    prose_file = repo / "docs" / "about.ar.md"
    lines = prose_file.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "abc\u202edef")
    prose_file.write_text("\n".join(lines), encoding="utf-8")
    _fails_with(repo, "docs/about.ar.md:3: found the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at column 4")


def test_no_page_has_a_table_of_contents_beside_it(built_site, edition):
    """Every page's meta hides Material's table of contents (hooks/pages/build.py, page_meta):
    the text pages are their paragraphs, and the prose pages are short."""
    pages = sorted(file for file in built_site.rglob("*.html") if file.name != "404.html")  # not a page of docs/
    seen = 0
    for file in pages:
        for attrs in Page(file.read_text(encoding="utf-8")).find("div", **{"data-md-type": "toc"}):
            seen += 1
            assert "hidden" in attrs, f"{file.relative_to(built_site)} shows a table of contents"
    assert seen == len(edition.page_keys) * len(edition.languages)  # every page of docs/, in every language
