"""The offline bundle (scripts/offline.py, `make offline`), read from the zip and from disk.

The browser side (search, navigation, language switch over file:// with the network cut) is
tests/browser/test_offline.py, on the same bundle (the session's ``bundle`` fixture, tests/conftest.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from scripts import build_site, offline, release as releases
from scripts.bench import copy_tree
from tests.conftest import Bundle
from tests.htmltext import Page
from tests.sourcecopy import misnumber_paragraph_12

ROOT = Path(__file__).resolve().parent.parent
ONLINE = build_site.site_url(ROOT / "mkdocs.yml")  # where the online edition is published
REFRESH = re.compile(r"^0; url=(.+)$")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def names(bundle: Bundle) -> list[str]:
    with zipfile.ZipFile(bundle.zip) as archive:
        return archive.namelist()


def page(bundle: Bundle, path: str) -> Page:
    return Page((bundle.folder / path).read_text(encoding="utf-8"))


# -- the files make offline writes ----------------------------------------------------------


def test_version_and_date_come_from_the_last_commit():
    release = releases.release(environ={})
    assert release.version == git("describe", "--tags", "--always", "--dirty")
    assert release.epoch == int(git("log", "-1", "--format=%ct"))
    assert release.date == time.strftime("%Y-%m-%d", time.gmtime(release.epoch))


def test_source_date_epoch_wins_and_must_be_seconds():
    assert releases.release(environ={"SOURCE_DATE_EPOCH": "1530662400"}).date == "2018-07-04"
    with pytest.raises(releases.ReleaseError, match="SOURCE_DATE_EPOCH='yesterday'"):
        releases.release(environ={"SOURCE_DATE_EPOCH": "yesterday"})


def test_zip_and_checksum_file(bundle):
    assert bundle.zip.name == f"a4p-declaration-{bundle.release.version}-offline.zip"
    assert sorted(p.name for p in bundle.dist.iterdir()) == sorted([bundle.zip.name, "SHA256SUMS", "downloads"])
    digest = hashlib.sha256(bundle.zip.read_bytes()).hexdigest()
    lines = (bundle.dist / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    assert lines[0] == f"{digest}  {bundle.zip.name}"
    # then the data files of downloads/ (hooks/outputs/downloads.py), as the bundle lists them
    listed = (bundle.folder / "downloads" / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    assert lines[1:] == [line.replace("  ", "  downloads/", 1) for line in listed]
    # sha256sum -c reads it
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=bundle.dist, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_same_commit_gives_the_same_bytes(tmp_path):
    """Two separate runs of `make offline`'s script, in two processes (each with its own hash
    seed), back to back: the same bytes. (Not against the session's bundle: in a shared
    working tree the commit may move on between the two.)"""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONHASHSEED", None)
    for name in ("one", "two"):
        result = subprocess.run([sys.executable, "scripts/offline.py", "--dist", str(tmp_path / name)], cwd=ROOT,
                                env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    first, again = (sorted(p for p in (tmp_path / name).rglob("*") if p.is_file()) for name in ("one", "two"))
    assert [p.relative_to(tmp_path / "one") for p in first] == [p.relative_to(tmp_path / "two") for p in again]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]


def test_earlier_bundles_leave_dist_and_other_files_stay(tmp_path):
    """dist/ holds what SHA256SUMS lists: a bundle of an earlier version goes."""
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "a4p-declaration-0123abc-offline.zip").write_bytes(b"an earlier bundle")
    (dist / "notes.txt").write_text("not ours", encoding="utf-8")
    target = offline.make(dist)
    assert sorted(p.name for p in dist.iterdir()) == sorted([target.name, "SHA256SUMS", "downloads", "notes.txt"])


def test_entries_are_sorted_with_the_commit_time_and_fixed_modes(bundle):
    stamp = time.gmtime(bundle.release.epoch)[:6]
    stamp = stamp[:5] + (stamp[5] // 2 * 2,)  # a zip keeps seconds in steps of two
    with zipfile.ZipFile(bundle.zip) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {stamp}
    assert {i.external_attr >> 16 for i in infos} == {0o644}
    assert {i.create_system for i in infos} == {3}
    assert all(not i.is_dir() for i in infos)


def test_write_zip_depends_only_on_the_entries(tmp_path):
    entries = {"b.txt": b"b", "a/c.txt": b"c", "index.html": b"<p>x</p>"}
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    offline.write_zip(first, entries, 1700000000)
    offline.write_zip(second, dict(reversed(list(entries.items()))), 1700000000)
    assert first.read_bytes() == second.read_bytes()


def test_index_readme_and_licences_at_the_top(bundle):
    top = {name for name in names(bundle) if "/" not in name}
    assert {"index.html", "README.txt", "LICENSE"} <= top
    assert (bundle.folder / "LICENSES" / "CC-BY-4.0.txt").is_file()


def test_readme_says_what_to_open_in_each_language(bundle, edition):
    readme = (bundle.folder / "README.txt").read_text(encoding="utf-8")
    release = bundle.release
    for line in ("这是《以行动促维和：联合国维和行动共同承诺宣言》网站的离线版，"
                 f"版本 {release.version}（{release.date}）。",
                 "解压后用浏览器打开 index.html 即可阅读，无需联网。",
                 f"在线版：{ONLINE}",
                 f"This is the offline edition of the A4P Declaration website, version {release.version} "
                 f"({release.date}).",
                 "Unzip it and open en/index.html in a web browser; no network is needed.",
                 f"Online edition: {ONLINE}en/"):
        assert line in readme.splitlines(), line
    assert readme.index(edition.strings["zh"]["site_name"]) < readme.index(edition.strings["en"]["site_name"])


# -- what is in it, and what is not -----------------------------------------------------------


def test_no_source_maps_no_search_plugin_files_no_sitemaps_no_404_pages(bundle):
    found = names(bundle)
    assert [n for n in found if n.endswith(".map")] == []
    assert [n for n in found if n.startswith("assets/javascripts/lunr/")] == []  # wordcut.js, 677 KB
    assert [n for n in found if n.startswith("assets/javascripts/workers/")] == []
    assert [n for n in found if "sitemap" in n or n.endswith("404.html")] == []


def test_no_unused_assets(bundle):
    """Every file under assets/ is named by some page, script or style sheet (licences aside)."""
    texts = [p.read_text(encoding="utf-8") for p in bundle.folder.rglob("*")
             if p.suffix in (".html", ".js", ".css")]
    named = set()
    for text in texts:
        named |= set(re.findall(r"assets/[A-Za-z0-9_./-]+\.[a-z0-9]+", text))
    for name in names(bundle):
        if name.startswith("assets/") and not Path(name).name.startswith("LICENSE"):
            assert name in named, f"{name} is in the bundle, but nothing uses it"


def test_every_page_of_every_language_is_a_file_with_its_paragraphs(bundle, edition):
    for prefix in ("", "en/"):
        for key in ("index", "about", "glossary"):
            assert (bundle.folder / f"{prefix}{key}.html").is_file()
        for spec in edition.structure.pages:
            html = page(bundle, f"{prefix}{spec.slug}.html")
            assert html.lang == ("zh" if not prefix else "en")
            for n in spec.numbers:
                assert html.ids.count(f"para-{n}") == 1


def test_short_links_are_files_that_lead_to_the_paragraph(bundle, edition):
    for prefix in ("", "en/"):
        for n in range(1, edition.structure.paragraph_count + 1):
            slug = edition.structure.page_of(n).slug
            refresh = page(bundle, f"{prefix}para/{n}.html").find("meta", **{"http-equiv": "refresh"})
            assert REFRESH.match(refresh[0]["content"]).group(1) == f"../{slug}.html#para-{n}"


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_permalink_marks_carry_the_online_url_and_stay_in_the_bundle(bundle, edition, lang, prefix):
    for spec in edition.structure.pages:
        marks = page(bundle, f"{prefix}{spec.slug}.html").find("a", **{"class": "a4p-permalink"})
        assert [(m["href"], m["data-local"]) for m in marks] == [
            (f"{ONLINE}{prefix}{spec.slug}/#para-{n}", f"{spec.slug}.html#para-{n}") for n in spec.numbers]


def test_pages_name_their_online_page_as_canonical(bundle):
    assert page(bundle, "en/protection.html").find("link", rel="canonical")[0]["href"] == f"{ONLINE}en/protection/"
    assert page(bundle, "index.html").find("link", rel="canonical")[0]["href"] == ONLINE


def test_footer_shows_version_and_build_date_on_every_page(bundle, edition):
    release = bundle.release
    # each language's own words for it (source/i18n/*.yml footer.release), filled by hand here
    expected = {lang.code: edition.strings[lang.code]["footer.release"].replace("{version}", release.version)
                .replace("{date}", release.date) for lang in edition.languages}
    pages = [p for p in bundle.folder.rglob("*.html") if "para" not in p.parts and p.parts[-2:-1] != ("zh",)]
    assert len(pages) == len(edition.languages) * len(edition.page_keys)
    for file in pages:
        html = file.read_text(encoding="utf-8")
        lang = Page(html).lang
        label = re.search(r'<p class="a4p-release"[^>]*>(.*?)</p>', html, re.S)
        assert label, file
        # right to left, the version and the date sit in <bdi>: the words are the same
        assert re.sub(r"<[^>]+>", "", label.group(1)) == expected[lang], file


def test_nothing_is_loaded_from_another_host(bundle):
    for file in bundle.folder.rglob("*.html"):
        html = Page(file.read_text(encoding="utf-8"))
        loaded = [a.get("src") for t, a in html.tags if t in ("script", "img", "iframe") and a.get("src")]
        loaded += [a["href"] for t, a in html.tags
                   if t == "link" and a.get("rel") in ("stylesheet", "icon", "preload", "modulepreload")]
        assert [url for url in loaded if re.match(r"^(?!data:)[a-z]+:|^//", url)] == [], file


# -- a failed build ----------------------------------------------------------------------------


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def test_a_failed_build_leaves_dist_as_it_was(tmp_path):
    repo = copy_tree(tmp_path / "repo")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env)
    line = misnumber_paragraph_12(repo / "source" / "text" / "en.txt")
    dist = repo / "dist"
    dist.mkdir()
    (dist / "a4p-declaration-old-offline.zip").write_bytes(b"the previous bundle")
    (dist / "SHA256SUMS").write_text("0  a4p-declaration-old-offline.zip\n", encoding="ascii")
    before = _digest(dist)
    result = subprocess.run([sys.executable, "scripts/offline.py"], cwd=repo, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    assert f"source/text/en.txt:{line}: found paragraph 13; expected paragraph 12" in result.stderr
    assert "offline: the offline build failed" in result.stderr
    assert _digest(dist) == before


def test_a_dist_that_cannot_be_made_is_one_line_and_no_traceback(tmp_path):
    """The bundle is built, then dist/ cannot be made (it would lie under a file): one line."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/offline.py", "--dist", str(blocker / "dist")], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"offline: {blocker / 'dist'}: Not a directory; {blocker / 'dist'} is left as it was"
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"
