"""The benchmark's report: the machine, medians and percentiles, and docs/benchmarks.md.

Plain functions over plain data, unit-tested (tests/test_bench_report.py); the measuring is
in scripts/bench.py and scripts/bench_browser.py.
"""

from __future__ import annotations

import math
import os
import platform
import re
import statistics
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile by the nearest-rank method: the smallest value with at least
    ``p`` % of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def _first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr).strip() else "not found"


def cpu_model(cpuinfo: str) -> str:
    """The first 'model name' of /proc/cpuinfo's text."""
    found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    return found.group(1).strip() if found else "unknown"


def memory_gib(meminfo: str) -> float:
    """MemTotal of /proc/meminfo's text, in GiB."""
    found = re.search(r"^MemTotal:\s*(\d+) kB$", meminfo, re.MULTILINE)
    return round(int(found.group(1)) / 1024 ** 2, 1) if found else float("nan")


def machine(chromium: str, node: str = "node") -> dict[str, str]:
    def read(path: str) -> str:
        try:
            return Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    return {
        "nproc": str(os.cpu_count()),
        "memory": f"{memory_gib(read('/proc/meminfo'))} GiB",
        "cpu": cpu_model(read("/proc/cpuinfo")),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "chromium": _first_line([chromium, "--version"]),
        "node": _first_line([node, "--version"]),
    }


@dataclass
class Figure:
    """One line of the report: what, the measured value (text), the target, met or not."""
    name: str
    value: str
    target: str
    met: bool | None  # None: no target, reported only
    note: str = ""


@dataclass
class Report:
    command: str
    machine: dict[str, str]
    runs: int
    figures: list[Figure] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # Markdown lines after the table
    date: str = ""
    chart: list[tuple[str, float, float, str]] = field(default_factory=list)
    """The figures measured on both: (what, the edition's value, the plain stack's, unit);
    drawn by :func:`chart_svg`."""


VERDICT = {True: "met", False: "**missed**", None: "reported"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


CHART_FILE = "benchmarks.svg"  # beside docs/benchmarks.md
SVG = "http://www.w3.org/2000/svg"
WIDTH, LABEL, BAR, GAP = 720, 230, 14, 4  # pixels: the picture, the labels' column, a bar, between bars
COLOURS = {"edition": "#37474f", "plain stack": "#90a4ae"}  # Material's blue grey, dark and light


def chart_svg(rows: list[tuple[str, float, float, str]]) -> str:
    """A bar chart of the edition against the plain stack, two bars a figure, each pair scaled
    to its own larger value (the figures have different units), the values written beside."""
    row_height = 2 * BAR + GAP + 14
    height = 30 + row_height * len(rows)
    svg = ET.Element("svg", xmlns=SVG, width=str(WIDTH), height=str(height), viewBox=f"0 0 {WIDTH} {height}",
                     role="img", **{"font-family": "system-ui, sans-serif", "font-size": "12"})
    ET.SubElement(svg, "title").text = "The edition against the plain stack, per figure (shorter is better)"
    x = LABEL
    for name, colour in COLOURS.items():
        ET.SubElement(svg, "rect", x=str(x), y="6", width="12", height="12", fill=colour)
        ET.SubElement(svg, "text", x=str(x + 16), y="16").text = name
        x += 110
    span = WIDTH - LABEL - 70
    for i, (name, edition, plain, unit) in enumerate(rows):
        top = 30 + i * row_height
        ET.SubElement(svg, "text", x="0", y=str(top + BAR + 2)).text = name
        largest = max(edition, plain) or 1
        for j, (value, colour) in enumerate(zip((edition, plain), COLOURS.values())):
            y = top + j * (BAR + GAP)
            width = max(1.0, span * value / largest)
            ET.SubElement(svg, "rect", x=str(LABEL), y=str(y), width=f"{width:.1f}", height=str(BAR), fill=colour)
            ET.SubElement(svg, "text", x=f"{LABEL + width + 4:.1f}", y=str(y + BAR - 3)).text = f"{value:.2f} {unit}" \
                if value < 10 else f"{value:.1f} {unit}"
    ET.register_namespace("", SVG)
    return ET.tostring(svg, encoding="unicode") + "\n"


def markdown(report: Report) -> str:
    """docs/benchmarks.md: how it was made, the figures against their targets, the details."""
    lines = [
        "# Benchmarks",
        "",
        "<!-- Written by scripts/bench.py (make bench): do not edit by hand; run it again. -->",
        "",
        "The edition measured side by side with a plain baseline: the same content through stock "
        "mkdocs-material and mkdocs-static-i18n, no hooks, no overrides (scripts/baseline.py).",
        "",
        f"Made by `{report.command}`" + (f" on {report.date}" if report.date else "") +
        f"; every timing is the median of {report.runs} runs unless it says otherwise.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
    ]
    lines += [f"| {_cell(key)} | {_cell(value)} |" for key, value in report.machine.items()]
    lines += ["", "## Figures against their targets", "", "| figure | measured | target | verdict |",
              "|---|---|---|---|"]
    for figure in report.figures:
        value = figure.value + (f" ({figure.note})" if figure.note else "")
        lines.append(f"| {_cell(figure.name)} | {_cell(value)} | {_cell(figure.target)} | {VERDICT[figure.met]} |")
    missed = [figure.name for figure in report.figures if figure.met is False]
    lines += ["", "Missed: " + ("; ".join(missed) if missed else "none") + ".", ""]
    if report.chart:
        lines += [f"![The edition against the plain stack, per figure]({CHART_FILE})", ""]
    if report.details:
        lines += ["## Details", ""] + report.details + [""]
    return "\n".join(lines)
