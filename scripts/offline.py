"""The offline bundle: the edition as one zip that works from disk, with no network at all.

    python scripts/offline.py [--dist dist]

Writes ``dist/a4p-declaration-<version>-offline.zip``, beside it the data files of
``downloads/`` (``dist/downloads/``, hooks/outputs/downloads.py), and ``dist/SHA256SUMS`` listing them all:

- a second strict build with ``mkdocs.offline.yml`` (the online config with pages as files,
  ``protection.html``), through ``scripts/build_site.py``'s ``build()``;
- without what nothing in it uses (source maps, sitemaps, the 404 pages a web host serves;
  the build itself drops Material's search-plugin files, ``hooks/static_files.py``), plus a short
  ``README.txt`` and the licences at the top;
- deterministic: sorted entries, every timestamp that of the last commit
  (``SOURCE_DATE_EPOCH``), fixed permissions; the same commit gives the same bytes.

The version label (``git describe``) and the build date (the last commit's, or
``SOURCE_DATE_EPOCH`` when set) come from the repository and are shown in every page's footer.
A failed build leaves ``dist/`` exactly as it was.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.edition import load  # noqa: E402
from hooks.outputs import downloads, redirects  # noqa: E402
from hooks.urls import HOME, Scheme  # noqa: E402
from scripts import build_site  # noqa: E402
from scripts.release import Release, ReleaseError, release  # noqa: E402

CONFIG = ROOT / "mkdocs.offline.yml"
NAME = "a4p-declaration-{version}-offline.zip"
SUMS = "SHA256SUMS"
ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can carry

# What the built site has and the bundle leaves out, with the reason.
EXCLUDED = (
    ("*.map", "source maps"),
    ("sitemap.xml", "for crawlers of the online site"),
    ("sitemap.xml.gz", "for crawlers of the online site"),
    ("404.html", "served by a web host for a missing path; a folder on disk has none"),
    ("*/404.html", "served by a web host for a missing path; a folder on disk has none"),
    (redirects.SCRIPT, "leads on from the online site's /zh/ aliases, which the bundle has none of"),
    ("assets/icons/*", "the web app's icons, named by the online site's manifests; the bundle has none"),
    ("assets/cards/*", "the share cards, for links to the online site; shares name them by their online URL"),
)
# Files from the repository put at the bundle's top level, beside README.txt.
LICENCES = ("LICENSE", "LICENSES/CC-BY-4.0.txt")


class OfflineError(Exception):
    pass


def pdf_bytes(archive: zipfile.ZipFile) -> int:
    """What the PDFs take in a zip: their compressed data and their two headers each (local,
    30 bytes, and central, 46, both with the name): counted apart from the bundle's size limit
    (issue 17; tests/outputs/test_downloads.py, scripts/bench.py)."""
    return sum(info.compress_size + 76 + 2 * len(info.filename.encode("utf-8"))
               for info in archive.infolist() if info.filename.endswith(".pdf"))


def excluded(path: str) -> str | None:
    """Why the site file at ``path`` stays out of the bundle, or None."""
    for pattern, reason in EXCLUDED:
        if fnmatch.fnmatchcase(path, pattern):
            return reason
    return None


def readme(root: Path, rel: Release) -> str:
    """README.txt: one short note per language, in the languages' order, from source/i18n."""
    edition = load.load_edition(load.Layout(root / "source"))
    site_url = build_site.site_url(root / "mkdocs.yml")
    files = Scheme(site_url, edition.source.code, directory_urls=False)
    online = files.online()
    notes = []
    for language in edition.languages:
        strings = edition.strings[language.code]
        note = strings.format("offline.readme", version=rel.version, date=rel.date,
                              home=files.page(language.code, HOME),
                              url=online.canonical(online.page(language.code, HOME)))
        notes.append(f"{strings['site_name']}\n\n{note}\n")
    return "\n\n".join(notes)


def contents(site: Path, root: Path, rel: Release) -> dict[str, bytes]:
    """Every entry of the zip: the built site less EXCLUDED, the README and the licences."""
    entries = {}
    for file in sorted(site.rglob("*")):
        path = file.relative_to(site).as_posix()
        if file.is_file() and not excluded(path):
            entries[path] = file.read_bytes()
    entries["README.txt"] = readme(root, rel).encode("utf-8")
    for name in LICENCES:
        entries[name] = (root / name).read_bytes()
    return entries


def write_zip(target: Path, entries: dict[str, bytes], epoch: int) -> None:
    """A zip whose bytes depend only on ``entries`` and ``epoch``."""
    stamp = time.gmtime(max(epoch, ZIP_EPOCH))[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the machine
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compresslevel=9)


def _replace(target: Path, data: bytes) -> None:
    temp = target.with_name(f".{target.name}.writing")
    temp.write_bytes(data)
    os.replace(temp, target)


def make(dist: Path, root: Path = ROOT, config: Path = CONFIG) -> Path:
    """Build the bundle into ``dist``; return the zip's path. ``dist`` is touched only at the end."""
    try:
        rel = release(root)
    except ReleaseError as exc:
        raise OfflineError(str(exc)) from None
    with tempfile.TemporaryDirectory(prefix="a4p-offline-") as temp:
        status = build_site.build(config, Path(temp) / "site", rel)
        if status != 0:
            raise OfflineError(f"the offline build failed; {dist} is left as it was")
        entries = contents(Path(temp) / "site", root, rel)
        name = NAME.format(version=rel.version)
        staged = Path(temp) / name
        write_zip(staged, entries, rel.epoch)
        data = staged.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / name
    _replace(target, data)
    files = _downloads(dist, entries)  # the data files of downloads/, beside the zip
    sums = f"{digest}  {name}\n" + "".join(f"{hashlib.sha256(b).hexdigest()}  {p}\n" for p, b in files.items())
    _replace(dist / SUMS, sums.encode("ascii"))
    # dist/ holds what SHA256SUMS lists: the bundles of earlier versions go
    for stale in dist.glob(NAME.format(version="*")):
        if stale != target:
            stale.unlink()
    return target


def _downloads(dist: Path, entries: dict[str, bytes]) -> dict[str, bytes]:
    """Copy the bundle's ``downloads/`` files (hooks/outputs/downloads.py; their own SHA256SUMS aside)
    to ``dist/downloads/``, dropping files of an earlier build there; return them by path."""
    prefix = f"{downloads.DIR}/"
    files = {path: data for path, data in sorted(entries.items())
             if path.startswith(prefix) and path != prefix + downloads.SUMS}
    (dist / downloads.DIR).mkdir(exist_ok=True)
    for path, data in files.items():
        _replace(dist / path, data)
    for old in (dist / downloads.DIR).iterdir():
        if old.is_file() and f"{prefix}{old.name}" not in files:
            old.unlink()
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    try:
        target = make(args.dist.resolve())
    except OfflineError as exc:
        print(f"offline: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the system refused: dist/ cannot be made or written, a full disk
        print(f"offline: {build_site.system_error(exc)}; {args.dist} is left as it was", file=sys.stderr)
        return 1
    except (build_site.Interrupted, KeyboardInterrupt) as exc:
        signum = getattr(exc, "signum", 2)  # Ctrl-C before the build had started: SIGINT
        print(f"offline: interrupted; {args.dist} is left as it was", file=sys.stderr)
        return 128 + signum
    size = target.stat().st_size
    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {size / 1e6:.2f} MB "
          f"(sha256 in {SUMS})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
