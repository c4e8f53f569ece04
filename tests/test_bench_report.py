"""scripts/bench_report.py: statistics, the machine's description, docs/benchmarks.md. No timing."""

from __future__ import annotations

from scripts.bench_report import Figure, Report, cpu_model, markdown, median, memory_gib, percentile


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
