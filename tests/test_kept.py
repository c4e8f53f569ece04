"""hooks/kept.py: files kept between builds, atomic, the ones used last kept."""

from __future__ import annotations

import os

from hooks import kept
from hooks.outputs import qr


def test_a_kept_file_comes_back_and_nothing_half_written_stays(tmp_path):
    folder = tmp_path / "cache"
    assert kept.get(folder, "a.bin") is None
    kept.put(folder, "a.bin", b"\x00data", keep=4)
    assert kept.get(folder, "a.bin") == b"\x00data"
    assert sorted(p.name for p in folder.iterdir()) == ["a.bin"]  # no .part left


def test_only_the_files_used_last_are_kept(tmp_path):
    folder = tmp_path / "cache"
    for i, name in enumerate(["a.svg", "b.svg", "c.svg"]):
        kept.put(folder, name, name.encode(), keep=3)
        os.utime(folder / name, ns=(i * 10**9, i * 10**9))  # a, b, c: from oldest to newest
    os.utime(folder / "a.svg", ns=(0, 0))
    assert kept.get(folder, "a.svg") == b"a.svg"  # a hit: used now, the newest
    kept.put(folder, "d.svg", b"d", keep=3)
    assert sorted(p.name for p in folder.iterdir()) == ["a.svg", "c.svg", "d.svg"]  # b, used least lately


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    kept.put(blocked / "cache", "a.bin", b"x", keep=4)  # no error
    assert kept.get(blocked / "cache", "a.bin") is None


def test_a_qr_code_is_drawn_once_and_read_back_afterwards(tmp_path, monkeypatch):
    monkeypatch.setattr(qr, "CACHE", tmp_path / "qr")
    drawn = []
    make = qr.segno.make
    monkeypatch.setattr(qr.segno, "make", lambda *a, **k: drawn.append(a) or make(*a, **k))
    url = "https://a4p.example.org/fr/protection/"
    first = qr._markup(url)  # _markup: the disk only (the process's own cache is _drawn's)
    assert qr._markup(url) == first and len(drawn) == 1  # the second from disk
    assert len(list((tmp_path / "qr").glob("*.svg"))) == 1
    qr._markup(url + "x")
    assert len(drawn) == 2  # another URL, another code
