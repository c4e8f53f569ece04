"""scripts/bench_report.py: statistics, the machine's description, docs/benchmarks.md. No timing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from scripts.bench_report import CHART_FILE, Figure, Report, chart_svg, cpu_model, markdown, median, memory_gib, percentile


def test_median_and_nearest_rank_percentile():
    assert median([3.0, 1.0, 2.0]) == 2.0
    values = [float(n) for n in range(1, 21)]  # 1..20: the 95th percentile is the 19th value
    assert percentile(values, 95) == 19.0
    assert percentile(values, 100) == 20.0
    assert percentile([5.0], 95) == 5.0


def test_machine_facts_from_proc_files():
    assert cpu_model("processor\t: 0\nmodel name\t: Example CPU @ 2.00GHz\nflags\t: x\n") == "Example CPU @ 2.00GHz"
    assert cpu_model("") == "unknown"
    assert memory_gib("MemTotal:       24684544 kB\nMemFree: 1 kB\n") == 23.5  # 24684544 / 1048576


def test_the_report_has_the_machine_the_command_and_every_figure_against_its_target():
    report = Report(command="make bench", machine={"nproc": "2", "cpu": "Example | CPU"}, runs=5, date="2025-01-02")
    report.figures = [Figure("cold build", "0.90", "≤ 1.0", True, "3.0 s ÷ 3.3 s"),
                      Figure("warm query", "12 ms", "≤ 10 ms", False),
                      Figure("at 4×", "80 ms", "report it", None)]
    report.details = ["A detail."]
    text = markdown(report)
    assert "Made by `make bench` on 2025-01-02; every timing is the median of 5 runs" in text
    assert "| nproc | 2 |" in text and r"| cpu | Example \| CPU |" in text
    assert "| cold build | 0.90 (3.0 s ÷ 3.3 s) | ≤ 1.0 | met |" in text
    assert "| warm query | 12 ms | ≤ 10 ms | **missed** |" in text
    assert "| at 4× | 80 ms | report it | reported |" in text
    assert "Missed: warm query." in text
    assert text.rstrip().endswith("A detail.")


def test_the_chart_draws_two_bars_a_figure_in_proportion_and_escapes_its_words():
    rows = [("cold build <s> & more", 3.0, 1.5, "s"), ("first load, en, KB", 44.0, 88.0, "KB")]
    svg = ET.fromstring(chart_svg(rows))  # well-formed XML, or this raises
    ns = {"svg": "http://www.w3.org/2000/svg"}
    texts = [t.text for t in svg.iterfind("svg:text", ns)]
    assert "cold build <s> & more" in texts  # the words as given, escaped in the file
    assert "3.00 s" in texts and "1.50 s" in texts and "44.0 KB" in texts and "88.0 KB" in texts
    bars = [float(r.get("width")) for r in svg.iterfind("svg:rect", ns) if r.get("height") == "14"]
    assert len(bars) == 2 * len(rows)
    # each pair against its own larger value: the larger bar is full length, the other in proportion
    assert bars[0] == bars[3] and bars[1] == bars[0] / 2 and bars[2] == bars[3] / 2
    report = Report(command="make bench", machine={}, runs=5)
    assert "benchmarks.svg" not in markdown(report)
    report.chart = rows
    assert f"]({CHART_FILE})" in markdown(report)
