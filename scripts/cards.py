"""The share cards (docs/assets/cards/): one Open Graph image per language, 1200 × 630 px.

    python scripts/cards.py          # rewrite the PNGs
    python scripts/cards.py --check  # exit 1 if a card is missing or not 1200 × 630

Each card is the language's title and subtitle (``title:`` and ``subtitle:`` of
source/text/{code}.txt) in white on the header's colour (the icons' ``BACKGROUND`` and
``FOREGROUND``, scripts/icons.py), and at the bottom "{language name} · {status}" with "A4P" at
the end side; the status is ``full-text.source`` of source/i18n/{code}.yml for the first language
of source/languages.yml (the source text) and ``full-text.translation`` for the others.

The card is an HTML document (``<html lang dir>``, so Arabic runs right to left) with no external
resources, set in fonts installed from Debian (fonts-noto-core, fonts-noto-cjk), chosen by
``:lang()`` in ``scripts/cards.css``: Noto Serif CJK SC for Chinese, Noto Naskh Arabic for Arabic,
Noto Serif otherwise. Headless Chromium (Playwright,
/usr/bin/chromium) draws it, no network; the script refuses a card whose text overflows it, and
Pillow re-saves the screenshot with a 64-colour palette to keep each file small.

The PNGs are committed: the build copies them like any asset and needs no browser. Drawing
differs between Chromium versions, so ``--check`` looks at the files' presence and size only.
"""

from __future__ import annotations

import argparse
import io
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a file: python scripts/cards.py
    sys.path.insert(0, str(ROOT))

from hooks.pages.head_meta import CARD_DIR, CARD_SIZE  # noqa: E402 (the size and folder the pages name)
from scripts.icons import BACKGROUND, CHROMIUM, FOREGROUND  # noqa: E402

SOURCE = ROOT / "source"
TARGET = ROOT / "docs" / CARD_DIR
STYLE = Path(__file__).with_name("cards.css")
MARGIN = 72  # px, on every side
COLOURS = 64  # the palette the PNG is saved with


def languages() -> list[dict]:
    """The ``languages`` of source/languages.yml, in order (the first is the source)."""
    data = yaml.safe_load((SOURCE / "languages.yml").read_text(encoding="utf-8"))
    return list(data["languages"])


def language(code: str) -> tuple[dict, bool]:
    """The entry of ``code`` in source/languages.yml, and whether it is the source language."""
    entries = languages()
    for index, entry in enumerate(entries):
        if entry["code"] == code:
            return entry, index == 0
    raise KeyError(f"{code}: not in source/languages.yml")


def text_field(code: str, key: str) -> str:
    """The value of the ``{key}: …`` line of source/text/{code}.txt (title, subtitle)."""
    path = SOURCE / "text" / f"{code}.txt"
    prefix = f"{key}:"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(prefix):
            return line[len(prefix):].strip()
    raise ValueError(f"{path}: no '{prefix}' line")


def status(code: str, source: bool) -> str:
    """``full-text.source`` or ``full-text.translation`` of source/i18n/{code}.yml."""
    strings = yaml.safe_load((SOURCE / "i18n" / f"{code}.yml").read_text(encoding="utf-8"))
    return strings["full-text"]["source" if source else "translation"]


def style() -> str:
    """The card's CSS: ``cards.css`` beside this file (each script's font and sizes, by
    ``:lang()``), with the card's size and the edition's colours filled in."""
    width, height = CARD_SIZE
    return (STYLE.read_text(encoding="utf-8").replace("@WIDTH@", f"{width}px").replace("@HEIGHT@", f"{height}px")
            .replace("@MARGIN@", f"{MARGIN}px").replace("@BACKGROUND@", BACKGROUND).replace("@FOREGROUND@", FOREGROUND))


def card_html(code: str) -> str:
    """The card of ``code`` as an HTML document; its text is escaped by ElementTree."""
    entry, source = language(code)
    html = ET.Element("html", {"lang": code, "dir": entry.get("dir", "ltr")})
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    ET.SubElement(head, "style").text = style()
    main = ET.SubElement(ET.SubElement(html, "body"), "main")
    ET.SubElement(main, "h1").text = text_field(code, "title")
    ET.SubElement(main, "p").text = text_field(code, "subtitle")
    footer = ET.SubElement(main, "footer")
    ET.SubElement(footer, "span").text = f"{entry['name']} · {status(code, source)}"
    ET.SubElement(footer, "span", {"class": "mark", "dir": "ltr"}).text = "A4P"
    return "<!doctype html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"


# Run in the page after set_content: what overflows the card, or an empty list.
OVERFLOWS = """() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) problems.push('page');
  const main = document.querySelector('main');
  if (main.scrollHeight > main.clientHeight) problems.push('main');
  for (const el of main.children) {
    if (el.scrollWidth > el.clientWidth) problems.push(el.tagName.toLowerCase() + ' is too wide');
  }
  const p = document.querySelector('p').getBoundingClientRect();
  const footer = document.querySelector('footer').getBoundingClientRect();
  if (p.bottom + 16 > footer.top) problems.push('the subtitle reaches the footer');
  return problems;
}"""


def small_png(png: bytes) -> bytes:
    """The screenshot re-saved by Pillow: a palette of ``COLOURS`` colours, optimised."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        palette = image.convert("RGB").quantize(COLOURS, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def draw(codes: list[str]) -> dict[str, bytes]:
    """The cards of ``codes`` as PNGs, drawn by headless Chromium."""
    from playwright.sync_api import sync_playwright

    width, height = CARD_SIZE
    cards = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for code in codes:
                page.set_content(card_html(code))
                page.evaluate("() => document.fonts.ready")
                problems = page.evaluate(OVERFLOWS)
                if problems:
                    raise SystemExit(f"cards: {code}: the text does not fit: {', '.join(problems)}")
                cards[code] = small_png(page.screenshot(type="png"))
        finally:
            browser.close()
    return cards


def size_of(path: Path) -> tuple[int, int] | None:
    """The width and height of the PNG at ``path``, or None if it is not a readable PNG."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            return image.size if image.format == "PNG" else None
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the PNGs' presence and size; write nothing")
    args = parser.parse_args(argv)
    codes = [entry["code"] for entry in languages()]
    if args.check:
        bad = []
        for code in codes:
            path = TARGET / f"{code}.png"
            if not path.is_file():
                bad.append(f"{path.relative_to(ROOT)} is missing")
            elif (found := size_of(path)) != CARD_SIZE:
                got = "not a PNG" if found is None else f"{found[0]} × {found[1]}"
                bad.append(f"{path.relative_to(ROOT)} is {got}, not {CARD_SIZE[0]} × {CARD_SIZE[1]}")
        for problem in bad:
            print(f"cards: {problem}; run 'python scripts/cards.py'", file=sys.stderr)
        return 1 if bad else 0
    cards = draw(codes)
    TARGET.mkdir(parents=True, exist_ok=True)
    for code, png in cards.items():
        (TARGET / f"{code}.png").write_bytes(png)
    print(f"cards: wrote {', '.join(f'{code}.png' for code in cards)} in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
