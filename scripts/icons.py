"""The web app's icons (docs/assets/icons/), made from the logo the header shows.

    python scripts/icons.py          # rewrite the SVGs and PNGs
    python scripts/icons.py --check  # exit 1 if a committed icon differs from what it would write

The header shows Material's default logo, the icon ``material/library`` (no ``theme.logo`` or
``theme.icon.logo`` in mkdocs.yml), white on the header's colour (palette primary "blue grey").
The icons are that glyph, read from the installed Material, on that colour:

- ``a4p.svg``: a rounded square, the glyph at 70%: the plain SVG icon;
- ``a4p-maskable.svg``: a full square, the glyph inside the central 60% (the safe zone a
  launcher's mask keeps is the central circle of 80%);
- ``a4p-192.png``, ``a4p-512.png``, ``a4p-maskable-512.png``: those SVGs drawn by headless
  Chromium (Playwright, /usr/bin/chromium), no network.

The PNGs are committed: the build copies them like any asset and needs no browser. Drawing
can differ between Chromium versions by a few pixels, so ``--check`` compares the SVGs only.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "icons"
CHROMIUM = "/usr/bin/chromium"
LOGO_ICON = "material/library"  # Material's partials/logo.html default: what the header shows
BACKGROUND = "#546d78"  # Material 9.8's --md-primary-fg-color for [data-md-color-primary=blue-grey]
FOREGROUND = "#ffffff"  # its --md-primary-bg-color: the header's icons
SVG_NS = "http://www.w3.org/2000/svg"
# (file, size in px, from which SVG)
PNGS = (("a4p-192.png", 192, "a4p.svg"), ("a4p-512.png", 512, "a4p.svg"),
        ("a4p-maskable-512.png", 512, "a4p-maskable.svg"))


def material_icon(name: str = LOGO_ICON) -> Path:
    import material  # the theme package: its templates hold the icon set

    return Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg"


def logo_glyph(path: Path | None = None) -> tuple[str, str]:
    """The ``viewBox`` and path data ``d`` of the logo's SVG (one path)."""
    root = ET.fromstring((path or material_icon()).read_text(encoding="utf-8"))
    paths = root.findall(f"{{{SVG_NS}}}path")
    if len(paths) != 1:
        raise ValueError(f"{path}: found {len(paths)} paths; expected the logo as one path")
    return root.get("viewBox"), paths[0].get("d")


def icon_svg(view_box: str, d: str, maskable: bool) -> str:
    """The icon: the glyph on the header's colour, as an SVG document."""
    _, _, w, h = (float(v) for v in view_box.split())
    share = 0.6 if maskable else 0.7  # of the icon's side that the glyph's box takes
    side = 100.0
    scale = side * share / max(w, h)
    offset_x = (side - w * scale) / 2
    offset_y = (side - h * scale) / 2
    ET.register_namespace("", SVG_NS)
    svg = ET.Element(f"{{{SVG_NS}}}svg", {"viewBox": f"0 0 {side:g} {side:g}", "width": "512", "height": "512"})
    radius = "0" if maskable else "18"
    ET.SubElement(svg, f"{{{SVG_NS}}}rect", {"width": "100", "height": "100", "rx": radius, "fill": BACKGROUND})
    ET.SubElement(svg, f"{{{SVG_NS}}}path", {
        "d": d, "fill": FOREGROUND,
        "transform": f"translate({offset_x:.4f} {offset_y:.4f}) scale({scale:.4f})",
    })
    return ET.tostring(svg, encoding="unicode") + "\n"


def svgs() -> dict[str, str]:
    view_box, d = logo_glyph()
    return {"a4p.svg": icon_svg(view_box, d, maskable=False),
            "a4p-maskable.svg": icon_svg(view_box, d, maskable=True)}


def draw(svg: str, size: int) -> bytes:
    """``svg`` as a PNG of ``size`` × ``size`` pixels, drawn by headless Chromium."""
    from playwright.sync_api import sync_playwright

    sized = re.sub(r'width="\d+" height="\d+"', f'width="{size}" height="{size}"', svg, count=1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f"<!doctype html><style>html,body{{margin:0;background:transparent}}"
                             f"svg{{display:block}}</style>{sized}")
            return page.locator("svg").screenshot(omit_background=True)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the SVGs; write nothing")
    args = parser.parse_args(argv)
    wanted = svgs()
    if args.check:
        stale = [name for name, text in wanted.items()
                 if not (TARGET / name).is_file() or (TARGET / name).read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"icons: {TARGET.relative_to(ROOT) / name} is not what the logo gives; "
                  "run 'python scripts/icons.py'", file=sys.stderr)
        return 1 if stale else 0
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, text in wanted.items():
        (TARGET / name).write_text(text, encoding="utf-8")
    for name, size, source in PNGS:
        (TARGET / name).write_bytes(draw(wanted[source], size))
    print(f"icons: wrote {', '.join([*wanted, *(p[0] for p in PNGS)])} in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
