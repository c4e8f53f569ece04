"""Each language's PDF, ``downloads/{edition id}.{lang}.pdf``: the document of
:mod:`hooks.outputs.pdf_document` typeset by WeasyPrint with ``pdf.css`` beside this file.

- **Tagged.** WeasyPrint's ``pdf/ua-1`` variant: a structure tree in reading order, the
  document's language and title. It is not a claim of PDF/UA conformance: no validator runs on
  this stack, the running headers stay out of the structure tree, and only the document's
  language is marked (the accessibility page says so).
- **Fonts.** Debian's Noto fonts through fontconfig, embedded as subsets; no font is fetched,
  and nothing else either: the fetcher, the document's and the style sheet's, takes ``data:`` URLs only. A missing family stops the build with the
  Debian package that brings it, never a silent fallback to another font.
- **Reproducible.** The only date is the release's (``dcterms.created`` in the document), the
  file identifier is derived from the document, and WeasyPrint writes nothing random: the same
  sources and release give the same bytes.
- **Cached by content.** Typesetting takes seconds per language, and every language's build
  (and many tests) asks for all six. A PDF is kept under :data:`CACHE` by the SHA-256 of what
  goes in: the document, the style sheet, this module, WeasyPrint's and pydyf's versions, the files of
  Pango, HarfBuzz, fontconfig and FreeType, and every font file fontconfig offers (path, size,
  time). The same input is
  typeset once; the cache is written atomically, so a build that stops half-way leaves no half
  file, and a hit renews the file's time, so that pruning keeps what is used (:mod:`hooks.kept`).

Plain Python, no MkDocs.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from hooks.edition.model import Edition
from hooks import kept
from hooks.outputs import pdf_document
from hooks.provenance import Provenance
from hooks.urls import Scheme

STYLE = Path(__file__).with_name("pdf.css")
VARIANT = "pdf/ua-1"
# Where the typeset PDFs are kept between builds (A4P_PDF_CACHE names another folder).
CACHE = Path(os.environ.get("A4P_PDF_CACHE") or kept.ROOT / "pdf")
KEEP = 48  # PDFs kept in the cache, those used last; the others are removed when one is added
# The families the style sheet names, and the Debian package that brings each.
FONTS = {
    "Noto Serif": "fonts-noto-core",
    "Noto Naskh Arabic": "fonts-noto-core",
    "Noto Serif CJK SC": "fonts-noto-cjk",
}


class PdfError(Exception):
    """The PDFs cannot be made on this machine (a font or library missing); says what to install."""


@dataclass
class Stats:
    """How many PDFs were typeset and how many came from the cache (for tests and the bench)."""

    typeset: int = 0
    cached: int = 0


stats = Stats()


def missing_fonts() -> list[str]:
    """The families of :data:`FONTS` fontconfig does not find, each with its package."""
    out = []
    for family, package in FONTS.items():
        try:
            found = subprocess.run(["fc-list", f":family={family}", "family"], capture_output=True,
                                   text=True, timeout=60).stdout
        except (OSError, subprocess.SubprocessError):
            found = ""
        if not found.strip():
            out.append(f"{family} (Debian package {package})")
    return out


def _fonts_fingerprint() -> str:
    """Every font file fontconfig offers, and the libraries that lay out and subset the text
    (Pango, HarfBuzz, fontconfig, FreeType): path, size and time of each."""
    digest = hashlib.sha256()
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True,
                                timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        listed = ""
    for name in sorted(set(listed.splitlines())):
        path = Path(name)
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for library in _libraries():
        stat = library.stat()
        digest.update(f"{library}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


LIBRARIES = ("libpango", "libharfbuzz", "libfontconfig", "libfreetype")  # what lays out and subsets


def _libraries() -> list[Path]:
    """The files of :data:`LIBRARIES` the dynamic linker offers (``ldconfig -p``), found without
    loading them, so that a build whose PDFs are all cached never loads WeasyPrint."""
    try:
        listed = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = {line.rpartition("=> ")[2].strip() for line in listed.splitlines()
             if "=> " in line and any(name in line for name in LIBRARIES)}
    return sorted({Path(name).resolve() for name in found if Path(name).is_file()})


_fingerprint: list[str] = []  # the fonts' and libraries' fingerprint, once per process


def _version(package: str) -> str:
    """An installed package's version, read without importing it ("" when not installed)."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return ""


def cache_key(document: bytes) -> str:
    """The SHA-256 of everything a PDF is made of: the document, the style sheet, this module
    (its options), WeasyPrint's and pydyf's versions, the variant, the fonts and libraries."""
    if not _fingerprint:
        _fingerprint.append(_fonts_fingerprint())
    digest = hashlib.sha256()
    for part in (_version("weasyprint").encode(), _version("pydyf").encode(), VARIANT.encode(),
                 STYLE.read_bytes(), Path(__file__).read_bytes(), _fingerprint[0].encode(), document):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def typeset(document: bytes) -> bytes:
    """``document`` (HTML) as a tagged PDF, WeasyPrint's ``pdf/ua-1`` variant."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango missing
        raise PdfError(f"WeasyPrint cannot be loaded ({error}); run make setup") from error
    missing = missing_fonts()
    if missing:
        raise PdfError("fonts for the PDFs not installed: " + ", ".join(missing) + "; run make setup")
    identifier = hashlib.sha256(document).hexdigest()[:32].encode("ascii")
    # data: URLs only, read in memory: no file, no network (WeasyPrint warns of a refused one)
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    html = weasyprint.HTML(string=document.decode("utf-8"), url_fetcher=fetcher)
    style = weasyprint.CSS(string=STYLE.read_text(encoding="utf-8"), url_fetcher=fetcher)
    return html.write_pdf(stylesheets=[style],
                          pdf_variant=VARIANT, pdf_identifier=identifier, uncompressed_pdf=False)


def make(edition: Edition, code: str, online: Scheme, provenance: Provenance, cache: Path | None = None) -> bytes:
    """Language ``code``'s PDF: from the cache when the same input was typeset before."""
    document = pdf_document.html(edition, code, online, provenance)
    folder = cache or CACHE
    name = f"{cache_key(document)}.pdf"
    data = kept.get(folder, name)
    if data is not None:
        stats.cached += 1
        return data
    data = typeset(document)
    stats.typeset += 1
    kept.put(folder, name, data, KEEP)
    return data


def clear(cache: Path | None = None) -> None:
    shutil.rmtree(cache or CACHE, ignore_errors=True)
