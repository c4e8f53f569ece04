"""0 broken links in the built site and in the unzipped offline bundle (scripts/check_links.py):
every href and src, redirect target, search record, sitemap entry and canonical URL, and every
#fragment to an existing id. The checker itself is tried on a small site with one broken link
of each kind, and on a copy of the real site with one id taken away.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from scripts import check_links

SITE_URL = "https://a4p.example.org/"  # for the made-up sites below; the real one is mkdocs.yml's


def test_the_site_has_no_broken_link(built_site):
    checker = check_links.check(built_site)
    assert [str(b) for b in checker.broken] == []
    followed = {kind for kind, count in checker.counts.items() if count}
    # every kind of link the site has was followed at least once
    assert {"href", "src", "refresh", "data-target", "data-local", "data-records", "data-engine", "data-base",
            "search record", "sitemap", "canonical", "fragment"} <= followed, checker.counts


def test_the_offline_bundle_has_no_broken_link(bundle, built_site):
    """The bundle's own links stay in it; its canonical URLs (permalinks) lead into the online site."""
    checker = check_links.check(bundle.folder, online=built_site)
    assert [str(b) for b in checker.broken] == []
    followed = {kind for kind, count in checker.counts.items() if count}
    assert {"href", "src", "refresh", "data-local", "data-records", "search record", "canonical",
            "fragment"} <= followed, checker.counts


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


RECORDS = '(window.a4p.searchData = window.a4p.searchData || {})["xx"] = %s;\n'


def test_one_broken_link_of_each_kind_is_found(tmp_path):
    site = write(tmp_path / "site", {
        "index.html": "\n".join([
            '<a href="ok/#there">fine</a> <a href="#top" id="top">fine</a> <a href="https://other.example/x">other host</a>',
            '<a href="missing/">a</a>',
            '<a href="#nope">b</a>',
            '<a href="ok">c</a>',
            '<img src="img.png" alt="">',
            '<a href="https://a4p.example.org/gone/">d</a>',
            '<a href="../outside/">e</a>',
            '<script src="assets/go.js" data-target="ok/#lost"></script>',
            '<meta http-equiv="refresh" content="0; url=nowhere/">',
            '<form data-base="ok/" data-records="assets/search/xx.js" data-engine="assets/engine.js"></form>',
            '<a href="https://a4p.example.org/ok/#there">fine</a> <a href="mailto:a@b.c">fine</a>',
            '<link rel="stylesheet" href="a.css"><link rel="manifest" href="app.webmanifest">',
        ]),
        "ok/index.html": '<p id="there">here</p><a name="anchor"></a><a href="../#top">fine</a><a href="./#anchor">fine</a>',
        "assets/go.js": "",
        "assets/engine.js": "",
        "assets/search/xx.js": RECORDS % json.dumps({"records": [{"id": "r1", "url": "ok/#there"},
                                                                 {"id": "r2", "url": "ok/#gone"}],
                                                     "stemmer": {"script": "assets/stem.js"}}),
        "sitemap.xml": ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        "<url><loc>https://a4p.example.org/ok/</loc></url>"
                        "<url><loc>https://a4p.example.org/lost/</loc></url></urlset>"),
        "a.css": 'p{background:url("data:image/svg+xml;charset=utf-8,<svg xmlns=\'x\'/>")} q{background:url(none.png)}',
        "app.webmanifest": json.dumps({"start_url": "./", "icons": [{"src": "icon.png"}]}),
        "downloads/a.json": json.dumps({"url": "https://a4p.example.org/ok/#nothere"}),
    })
    broken = {(b.where, b.link, b.why) for b in check_links.check(site, site_url=SITE_URL).broken}
    assert broken == {
        ("index.html:2", "missing/", "no file missing/index.html"),
        ("index.html:3", "#nope", "no id 'nope' in index.html"),
        ("index.html:4", "ok", "a folder without its closing /"),
        ("index.html:5", "img.png", "no file img.png"),
        ("index.html:6", "https://a4p.example.org/gone/", "no file gone/index.html"),
        ("index.html:7", "../outside/", "leads outside the site"),
        ("index.html:8", "ok/#lost", "no id 'lost' in ok/index.html"),
        ("index.html:9", "nowhere/", "no file nowhere/index.html"),
        ("index.html:10", "ok/", "data-base leads to ok, not the site root"),
        ("assets/search/xx.js record r2", "ok/#gone", "no id 'gone' in ok/index.html"),
        ("assets/search/xx.js stemmer", "assets/stem.js", "no file assets/stem.js"),
        ("sitemap.xml", "https://a4p.example.org/lost/", "no file lost/index.html"),
        ("a.css", "none.png", "no file none.png"),
        ("app.webmanifest", "icon.png", "no file icon.png"),
        ("downloads/a.json", "https://a4p.example.org/ok/#nothere", "no id 'nothere' in ok/index.html"),
    }


def test_canonical_links_of_a_bundle_are_checked_in_the_online_site(tmp_path):
    online = write(tmp_path / "online", {"en/page/index.html": '<p id="para-1">x</p>'})
    bundle = write(tmp_path / "bundle", {"en/page.html": '<p id="para-1">x</p>'
                                         '<a href="https://a4p.example.org/en/page/#para-1">ok</a>'
                                         '<a href="https://a4p.example.org/en/page/#para-2">gone</a>'
                                         '<a href="page.html#para-1">ok</a>'})
    broken = [str(b) for b in check_links.check(bundle, online=online, site_url=SITE_URL).broken]
    assert broken == ["en/page.html:1: https://a4p.example.org/en/page/#para-2 — no id 'para-2' in en/page/index.html"]


def test_an_id_taken_from_a_real_page_breaks_every_link_to_it(built_site, edition, tmp_path):
    """A copy of the built site with paragraph 1's id renamed on its English page: every
    link to it breaks (short link, search record, permalinks, sitemap-free fragments), and
    nothing else."""
    site = Path(shutil.copytree(built_site, tmp_path / "site", symlinks=False))
    slug = edition.structure.slugs[0]
    page = site / "en" / slug / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('id="para-1"') == 1
    page.write_text(html.replace('id="para-1"', 'id="para-one"'), encoding="utf-8")
    checker = check_links.check(site)
    whys = {b.why for b in checker.broken}
    assert whys == {f"no id 'para-1' in en/{slug}/index.html"}
    where = {b.where.split(":")[0].split(" ")[0] for b in checker.broken}
    assert "en/para/1/index.html" in where, "the short link's target"
    assert "assets/search/en.js" in where, "the search record of paragraph 1"


def test_rows_the_parallel_view_builds_are_link_targets(tmp_path):
    """The parallel view's rows #para-N are made by its script from its language's data file."""
    data = '(window.a4p.parallelData = window.a4p.parallelData || {})["xx"] = %s;\n' % json.dumps(
        {"sections": [{"slug": "s", "paragraphs": [{"n": 1}, {"n": 2}]}]})
    site = write(tmp_path / "site", {
        "parallel/index.html": ('<div data-a4p-parallel data-lang="xx"></div>'
                                '<select><option value="xx" data-src="../assets/xx.js"></option>'
                                '<option value="yy" data-src="../assets/yy.js"></option></select>'),
        "assets/xx.js": data,
        "index.html": '<a href="parallel/?a=xx#para-2">ok</a>\n<a href="parallel/#para-3">gone</a>',
    })
    broken = [str(b) for b in check_links.check(site, site_url=SITE_URL).broken]
    assert broken == ["index.html:2: parallel/#para-3 — no id 'para-3' in parallel/index.html",
                      "parallel/index.html:1: ../assets/yy.js — no file assets/yy.js"]
