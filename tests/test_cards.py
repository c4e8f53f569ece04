"""The share cards (docs/assets/cards/, made by scripts/cards.py): one per language, as committed.

No browser: the PNGs are read as files, the HTML as text, and ``--check`` looks at sizes only.
"""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image

from scripts import cards

ROOT = Path(__file__).resolve().parent.parent
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 120_000
LANGUAGES = yaml.safe_load((ROOT / "source" / "languages.yml").read_text(encoding="utf-8"))["languages"]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which the PNG format puts first."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG signature"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (kind, length) == (b"IHDR", 13), f"first chunk is {kind!r} of {length} bytes, not IHDR"
    return struct.unpack(">II", data[16:24])


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def distance(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return max(abs(x - y) for x, y in zip(a, b))


@pytest.mark.parametrize("entry", LANGUAGES, ids=[entry["code"] for entry in LANGUAGES])
def test_card_is_a_small_png_of_the_open_graph_size_with_text(entry):
    path = ROOT / "docs" / "assets" / "cards" / f"{entry['code']}.png"
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run 'python scripts/cards.py'"
    data = path.read_bytes()
    assert png_size(data) == (1200, 630)
    assert len(data) < MAX_BYTES, f"{path.name} is {len(data)} bytes"
    with Image.open(path) as image:
        rgb = image.convert("RGB")
    assert len(rgb.getcolors(maxcolors=1200 * 630)) > 2, "the card is blank"  # one colour a pixel at most
    background = hex_rgb(cards.BACKGROUND)
    assert distance(rgb.getpixel((4, 4)), background) <= 8, "the corner is not the edition's colour"
    # The title sits at the top, from the start side (the right for Arabic): the third of the
    # text's width nearest that side must hold some of its strokes.
    margin, third = 72, (1200 - 2 * 72) // 3
    xs = range(1200 - margin - third, 1200 - margin) if entry.get("dir") == "rtl" else range(margin, margin + third)
    ink = any(distance(rgb.getpixel((x, y)), background) > 64 for x in xs for y in range(margin, margin + 130, 2))
    assert ink, "no title at the start of the title area"


def test_card_html_escapes_the_text(monkeypatch):
    monkeypatch.setattr(cards, "text_field", lambda code, key: "<script>x</script>")
    html = cards.card_html("en")
    assert "&lt;script&gt;" in html
    assert "<script>" not in html


def test_card_html_sets_language_and_direction():
    for entry in LANGUAGES:
        html = cards.card_html(entry["code"])
        assert f'<html lang="{entry["code"]}" dir="{entry.get("dir", "ltr")}">' in html
        assert "url(" not in html and "src=" not in html and "href=" not in html  # nothing to fetch


def test_check_passes_on_the_committed_cards():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "cards.py"), "--check"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_check_fails_on_a_missing_or_wrong_sized_card(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cards, "TARGET", tmp_path)
    monkeypatch.setattr(cards, "ROOT", tmp_path)
    for entry in LANGUAGES:
        Image.new("RGB", cards.CARD_SIZE, cards.BACKGROUND).save(tmp_path / f"{entry['code']}.png")
    assert cards.main(["--check"]) == 0
    first = LANGUAGES[0]["code"]
    Image.new("RGB", (1200, 600), cards.BACKGROUND).save(tmp_path / f"{first}.png")
    (tmp_path / f"{LANGUAGES[-1]['code']}.png").unlink()
    assert cards.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert f"{first}.png is 1200 × 600" in err and f"{LANGUAGES[-1]['code']}.png is missing" in err


def test_cards_are_published_online_and_stay_out_of_the_offline_bundle(built_site, bundle):
    online = sorted(p.name for p in (built_site / "assets" / "cards").glob("*.png"))
    assert online == sorted(f"{language['code']}.png" for language in cards.languages())
    assert not (bundle.folder / "assets" / "cards").exists(), "the bundle has no share cards"
