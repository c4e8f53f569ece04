"""make bench: the edition measured side by side with a plain baseline; writes docs/benchmarks.md.

    python scripts/bench.py [--runs 5] [--out docs/benchmarks.md] [--no-lighthouse]

Everything runs on this machine with public tools: wall-clock time of separate processes
(Python's perf_counter), Playwright driving Debian's Chromium (CDP for CPU throttling), and
Lighthouse pinned from npm (``.bench/``, installed by ``make bench``). The baseline is the
same content through stock Material and mkdocs-static-i18n (scripts/baseline.py). Sources are
copied into a temporary folder first, so the rebuild measure edits a copy, never source/.
Outside ``make test``: timings are never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.edition import load  # noqa: E402
from hooks.outputs import search  # noqa: E402
from hooks.urls import HOME, Scheme  # noqa: E402
from hooks.outputs import offline_cache  # noqa: E402
from scripts import baseline, bench_browser, build_site, nginx_server, offline  # noqa: E402
from scripts.bench_report import CHART_FILE, Figure, Report, chart_svg, machine, markdown, median, percentile  # noqa: E402

# The targets (the performance issue's): a text page's first load, the search, the build.
FIRST_LOAD_KB = 72
FIRST_LOAD_REQUESTS = 8
FIRST_RESULT_MS = 50
WARM_P95_MS = 5
SEARCH_KB = 14
BUILD_RATIO = 0.9

LIGHTHOUSE = ROOT / ".bench" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_RUNS = 3  # per page; the median of each category is reported
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
KB = 1024

# One process builds, then rebuilds after each edit of a paragraph, as `mkdocs serve` does.
REBUILD = r"""
import json, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site, edited, runs = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
build(load_config(config_file, site_dir=site))
times, cpu = [], []
for i in range(runs):
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace(" the ", " the  ", 1) if i % 2 == 0 else text.replace(" the  ", " the ", 1),
                      encoding="utf-8")
    start, started = time.perf_counter(), time.process_time()
    build(load_config(config_file, site_dir=site))
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - started)
print(json.dumps([times, cpu]))
"""


def copy_tree(into: Path) -> Path:
    """The repository's files (tracked, and new ones not ignored) copied into ``into``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system) of each timed build, by config


def timed_build(config: Path, site: Path) -> float:
    """Wall-clock seconds of a cold build in a new process (its CPU seconds go to CPU)."""
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--config-file", str(config), "--site-dir",
                           str(site)], cwd=config.parent, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: the build of {config} failed:\n{done.stderr[-2000:]}")
    taken = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(str(config), []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return taken


def rebuilds(config: Path, site: Path, edited: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each rebuild after an edit, in one process."""
    out = subprocess.run([sys.executable, "-c", REBUILD, str(config), str(site), str(edited), str(runs)],
                         cwd=config.parent, env=ENV, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def offline_size(work: Path) -> tuple[int, int]:
    """The offline zip's bytes without its PDFs, and the PDFs' (counted apart, issue 17)."""
    dist = work / "dist"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), "--dist", str(dist)], cwd=ROOT,
                   env=ENV, check=True, capture_output=True)
    bundle = next(dist.glob("*.zip"))
    with zipfile.ZipFile(bundle) as archive:
        assert archive.testzip() is None
        pdfs = offline.pdf_bytes(archive)
    return bundle.stat().st_size - pdfs, pdfs


def lighthouse(url: str, out: Path) -> dict[str, int] | str:
    """Lighthouse's four scores (mobile, the default) or why it could not run."""
    if not LIGHTHOUSE.exists():
        return f"Lighthouse {LIGHTHOUSE_VERSION} is not installed in .bench/ (make bench installs it)"
    env = dict(ENV, CHROME_PATH=bench_browser.CHROMIUM)
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility,best-practices,seo",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=300)
    except subprocess.CalledProcessError as exc:
        return f"Lighthouse failed: {(exc.stderr or exc.stdout).strip().splitlines()[-1:]}"
    except subprocess.TimeoutExpired:
        return "Lighthouse did not finish within 300 s"
    categories = json.loads(out.read_text(encoding="utf-8"))["categories"]
    return {key: round(100 * value["score"]) for key, value in categories.items() if value["score"] is not None}


def LIGHTHOUSE_PAGES(scheme: Scheme, source: str) -> list[tuple[str, str]]:  # noqa: N802 - a table
    """What Lighthouse measures: the zh, en and ar text pages and the home page, as site paths."""
    return [(f"{code} text page", scheme.page(code, "politics").lstrip("/")) for code in (source, "en", "ar")] + \
        [("home page", scheme.page(source, HOME).lstrip("/"))]


def unzip_bundle(work: Path) -> Path:
    """The offline bundle (made by offline_size) unpacked, as a reader opens it: its folder."""
    into = work / "opened"
    with zipfile.ZipFile(next((work / "dist").glob("*.zip"))) as archive:
        archive.extractall(into)
    folders = [p for p in into.iterdir() if p.is_dir()]
    return folders[0] if len(folders) == 1 else into


def median_scores(taken: list[dict[str, int] | str]) -> dict[str, int] | str:
    """Each category's median over Lighthouse's runs of one page (a run's score moves with what
    else the machine does: 98 to 100 for the same page); why, when a run failed."""
    failed = [run for run in taken if not isinstance(run, dict)]
    if failed:
        return failed[0]
    return {key: round(median([run[key] for run in taken])) for key in taken[0]}


def queries(edition, code: str) -> list[str]:
    """A language's query set: every glossary term as written, then the first word of each."""
    terms = [term.term for term in edition.glossaries[code].terms.values()]
    firsts = [term.split()[0] for term in terms if " " in term]
    return terms + [word for word in dict.fromkeys(firsts) if len(word) >= 3]


def kb(size: float) -> str:
    return f"{size / KB:.1f} KB"


def ms(value: float) -> str:
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def run(runs: int, with_lighthouse: bool, work: Path) -> Report:
    from playwright.sync_api import sync_playwright

    edition = load.load_edition(load.Layout(ROOT / "source"))
    codes = [lang.code for lang in edition.languages]
    copy = copy_tree(work / "edition")
    plain = work / "baseline"
    plain_config = baseline.write(edition, plain, build_site.site_url(ROOT / "mkdocs.yml"))
    report = Report(command="make bench", machine=machine(bench_browser.CHROMIUM), runs=runs,
                    date=time.strftime("%Y-%m-%d"))
    report.machine["load average at start"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    details = report.details

    # cold builds, alternating, each a fresh process and an empty site folder
    cold = {"edition": [], "baseline": []}
    for _ in range(runs):
        cold["edition"].append(timed_build(copy / "mkdocs.yml", work / "site-edition"))
        cold["baseline"].append(timed_build(plain_config, work / "site-baseline"))
    ratio = median(cold["edition"]) / median(cold["baseline"])
    cpu = median(CPU[str(copy / "mkdocs.yml")]) / median(CPU[str(plain_config)])
    report.figures.append(Figure(f"cold build, edition ÷ baseline, CPU time ({len(codes)} languages, the PDFs "
                                 "cached)", f"{cpu:.2f}", f"≤ {BUILD_RATIO}", cpu <= BUILD_RATIO,
                                 f"CPU {median(CPU[str(copy / 'mkdocs.yml')]):.2f} s ÷ "
                                 f"{median(CPU[str(plain_config)]):.2f} s; wall {median(cold['edition']):.2f} s ÷ "
                                 f"{median(cold['baseline']):.2f} s, ratio {ratio:.2f}"))
    report.chart.append(("cold build, s (wall)", median(cold["edition"]), median(cold["baseline"]), "s"))

    edit, edit_cpu = rebuilds(copy / "mkdocs.yml", work / "site-rebuild", copy / "source" / "text" / "en.txt", runs)
    plain_edit, plain_cpu = rebuilds(plain_config, work / "site-rebuild-baseline", plain / "docs" / "preamble.en.md", runs)
    report.figures.append(Figure(f"rebuild after editing one paragraph ({len(codes)} languages, in one process "
                                 "as the preview does)", f"{median(edit):.2f} s", "≤ 1.5 s", median(edit) <= 1.5,
                                 f"CPU {median(edit_cpu):.2f} s; baseline {median(plain_edit):.2f} s, "
                                 f"CPU {median(plain_cpu):.2f} s"))
    report.chart.append(("rebuild after an edit, s", median(edit), median(plain_edit), "s"))

    site = work / "site-edition"
    timed_build(copy / "mkdocs.yml", site)
    scheme = Scheme("http://x/", edition.source.code, True)
    settings = search.load_settings(ROOT / "source" / "search.yml", edition)
    index_sizes = {code: bench_browser.gzip_size((site / search.records_path(code)).read_bytes(),
                                                 "application/javascript") for code in codes}
    largest = max(index_sizes, key=index_sizes.get)
    report.figures.append(Figure("search records of one language, gzip (the largest)",
                                 f"{kb(index_sizes[largest])} ({largest})", f"≤ {SEARCH_KB} KB",
                                 index_sizes[largest] <= SEARCH_KB * KB))
    shared = {path: bench_browser.gzip_size((site / path).read_bytes(), "application/javascript")
              for code in codes for path in offline_cache.search_files(code, settings[code])[0:1] +
              offline_cache.search_files(code, settings[code])[2:]}
    # what the search loads besides the records: the engine, and a stemmer where the language has one
    search_bytes = {code: sum(shared[path] for path in offline_cache.search_files(code, settings[code])
                              if path in shared) + index_sizes[code] for code in codes}
    details.append("Search index per language, gzip: " +
                   ", ".join(f"{code} {kb(size)}" for code, size in index_sizes.items()) + ".")

    server, base = bench_browser.start_server(site)
    plain_server, plain_base = bench_browser.start_server(work / "site-baseline")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=bench_browser.CHROMIUM, headless=True,
                                                 args=bench_browser.ARGS)
            loads = {}
            for code in codes:
                path = scheme.page(code, "politics")
                loads[code] = bench_browser.first_load(browser, base + path)
                plain_load = bench_browser.first_load(browser, plain_base + path)
                loads[code]["baseline"] = plain_load["load"]
                loads[code]["baseline_requests"] = plain_load["requests"]
                report.chart.append((f"first load, {code}, KB", loads[code]["load"] / KB, plain_load["load"] / KB, "KB"))
            worst = max(loads, key=lambda c: loads[c]["load"])
            w = loads[worst]
            most = max(loads[c]["requests"] for c in codes)
            report.figures.append(Figure("first load of a text page, gzip, bytes up to load (the largest of "
                                         f"{len(codes)} languages)",
                                         f"{kb(w['load'])} ({worst}); at most {most} requests",
                                         f"≤ {FIRST_LOAD_KB} KB and ≤ {FIRST_LOAD_REQUESTS} requests",
                                         w["load"] <= FIRST_LOAD_KB * KB and most <= FIRST_LOAD_REQUESTS,
                                         f"baseline {kb(w['baseline'])} in {w['baseline_requests']} requests, "
                                         f"ratio {w['load'] / w['baseline']:.2f}"))
            searched = {code: bench_browser.first_search_load(browser, base + scheme.page(code, "politics"),
                                                              queries(edition, code)[0]) for code in codes}
            over = {code: searched[code]["bytes"] - FIRST_LOAD_KB * KB - search_bytes[code] for code in codes}
            worst_search = max(over, key=over.get)
            s = searched[worst_search]
            report.figures.append(Figure("the same, up to the first search result (typed at load; the most over "
                                         "its target)", f"{kb(s['bytes'])} ({worst_search}, {s['requests']} requests)",
                                         f"≤ {FIRST_LOAD_KB} KB + the language's search files "
                                         f"({kb(FIRST_LOAD_KB * KB + search_bytes[worst_search])})",
                                         over[worst_search] <= 0))
            details.append("Up to the first search result, gzip: " + ", ".join(
                f"{code} {kb(x['bytes'])} in {x['requests']} requests (search files {kb(search_bytes[code])})"
                for code, x in searched.items()) + ".")
            report.figures.append(Figure("after load: idle loading; service-worker precache", 
                                         f"{kb(w['idle'])} in {w['idle_requests']} requests; "
                                         f"{kb(w['service_worker'])} in {w['service_worker_requests']}",
                                         "reported apart", None))
            details.append("First load of each language's politics page, gzip: " + "; ".join(
                f"{code} {kb(x['load'])} up to load ({x['requests']} requests), {kb(x['idle'])} after "
                f"({x['idle_requests']} requests), service worker {kb(x['service_worker'])}, baseline "
                f"{kb(x['baseline'])} ({x['baseline_requests']} requests)" for code, x in loads.items()) + ".")

            ttfr = {}
            for code in codes:
                url = base + scheme.page(code, "politics")
                query = queries(edition, code)[0]
                ttfr[code] = {
                    "1x": median([bench_browser.first_result(browser, url, query, 2.0) for _ in range(runs)]),
                    "4x": median([bench_browser.first_result(browser, url, query, 2.0, 4.0) for _ in range(runs)]),
                    "cold": median([bench_browser.first_result(browser, url, query, 0) for _ in range(runs)]),
                    "query": query,
                }
            slow = max(ttfr, key=lambda c: ttfr[c]["1x"])
            report.figures.append(Figure("time to first result, keystroke 2 s after load, 1× CPU (slowest language)",
                                         f"{ms(ttfr[slow]['1x'])} ({slow})", f"≤ {FIRST_RESULT_MS} ms",
                                         ttfr[slow]["1x"] <= FIRST_RESULT_MS))
            slow4 = max(ttfr, key=lambda c: ttfr[c]["4x"])
            report.figures.append(Figure("the same at 4× CPU slowdown", f"{ms(ttfr[slow4]['4x'])} ({slow4})",
                                         "report it", None))
            cold_worst = max(ttfr, key=lambda c: ttfr[c]["cold"])
            report.figures.append(Figure("the same with the keystroke at load (truly cold), 1× CPU",
                                         f"{ms(ttfr[cold_worst]['cold'])} ({cold_worst})", f"≤ {FIRST_RESULT_MS} ms",
                                         ttfr[cold_worst]["cold"] <= FIRST_RESULT_MS))
            details.append("Time to first result per language (query; 1×, 4×, at load): " + "; ".join(
                f"{code} ({x['query']}) {ms(x['1x'])}, {ms(x['4x'])}, {ms(x['cold'])}" for code, x in ttfr.items()) + ".")

            warm = {code: bench_browser.warm_queries(browser, base + scheme.page(code, "politics"),
                                                     queries(edition, code)) for code in codes}
            p95 = {code: percentile(times["first"], 95) for code, times in warm.items()}
            whole95 = {code: percentile(times["whole"], 95) for code, times in warm.items()}
            worst95 = max(p95, key=p95.get)
            report.figures.append(Figure("warm query, 95th percentile (slowest language): to the first results",
                                         f"{ms(p95[worst95])} ({worst95})", f"≤ {WARM_P95_MS} ms",
                                         p95[worst95] <= WARM_P95_MS))
            worst_whole = max(whole95, key=whole95.get)
            report.figures.append(Figure("the same, to the whole list (its rest built after the first results' paint)",
                                         f"{ms(whole95[worst_whole])} ({worst_whole})", "report it", None))
            details.append("Warm query p95 per language, to the first results; to the whole list (queries): " +
                           ", ".join(f"{code} {ms(p95[code])}; {ms(whole95[code])} ({len(warm[code]['first'])})"
                                     for code in codes) +
                           ". The query set: every glossary term of the language, then the first word of each term of several words.")
            bundle, pdfs = offline_size(work)
            opened = unzip_bundle(work)
            disk = {}
            for code in codes:
                page = opened / Scheme("http://x/", edition.source.code, False).page(code, "politics")
                runs_here = [bench_browser.first_paint_and_result(browser, page.as_uri(), queries(edition, code)[0])
                             for _ in range(runs)]
                disk[code] = (median([r[0] for r in runs_here]), median([r[1] for r in runs_here]))
            slow_paint = max(disk, key=lambda c: disk[c][0])
            slow_result = max(disk, key=lambda c: disk[c][1])
            report.figures.append(Figure("the offline bundle from file://: first contentful paint; first search "
                                         "result typed at load (slowest language each)",
                                         f"{ms(disk[slow_paint][0])} ({slow_paint}); {ms(disk[slow_result][1])} "
                                         f"({slow_result})", "report it", None))
            details.append("From file:// (first paint; first result typed at load): " + ", ".join(
                f"{code} {ms(p)}; {ms(r)}" for code, (p, r) in disk.items()) + ".")
            browser.close()

        report.figures.append(Figure("offline bundle, every language, its PDFs apart",
                                     f"{bundle / KB ** 2:.2f} MiB (the PDFs {pdfs / KB ** 2:.2f} MiB more)", "≤ 1.6 MiB",
                                     bundle <= 1.6 * KB ** 2))  # issue 14's budget; issue 17 counts the PDFs apart

        if with_lighthouse:
            scores = {}
            with nginx_server.running(site, work / "nginx") as nginx:
                for name, path in LIGHTHOUSE_PAGES(scheme, edition.source.code):
                    taken = [lighthouse(nginx.url + path, work / f"lighthouse-{len(scores)}-{i}.json")
                             for i in range(LIGHTHOUSE_RUNS)]
                    scores[name] = median_scores(taken)
            if all(isinstance(s, dict) for s in scores.values()):
                order = ("performance", "accessibility", "best-practices", "seo")
                shown = "; ".join(f"{name} " + " / ".join(str(s.get(k, "–")) for k in order) for name, s in scores.items())
                met = all(s.get(k) == 100 for s in scores.values() for k in order)
                report.figures.append(Figure(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile: performance / accessibility / "
                                             "best practices / SEO", shown, "100 / 100 / 100 / 100", met,
                                             f"behind nginx with deploy/nginx/a4p.conf; the median of {LIGHTHOUSE_RUNS} "
                                             "runs a page"))
            else:
                why = "; ".join(str(s) for s in scores.values() if not isinstance(s, dict))
                report.figures.append(Figure(f"Lighthouse {LIGHTHOUSE_VERSION}", "not measured", "100 / 100 / 100 / 100",
                                             False, why))
        else:
            report.figures.append(Figure(f"Lighthouse {LIGHTHOUSE_VERSION}", "not measured (--no-lighthouse)",
                                         "100 / 100 / 100 / 100", False))
    finally:
        server.shutdown()
        plain_server.shutdown()
    report.machine["load average at end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    details.append("Wall-clock times depend on what else the machine runs (the load averages above, on "
                   f"{os.cpu_count()} cores); the CPU times beside them depend less on it.")
    details.append("Cold builds (s): edition " + ", ".join(f"{t:.2f}" for t in cold["edition"]) +
                   "; baseline " + ", ".join(f"{t:.2f}" for t in cold["baseline"]) + ".")
    details.append("Rebuilds after an edit (s): edition " + ", ".join(f"{t:.2f}" for t in edit) +
                   "; baseline " + ", ".join(f"{t:.2f}" for t in plain_edit) + ".")
    details.append("The baseline has Material's own search plugin on, as a plain site has it; the edition has "
                   "its own search instead. Pages are served with gzip level 6 for text types, as "
                   "deploy/nginx/a4p.conf sends them; byte counts re-gzip each response body the same way.")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="a4p-bench-") as work:
        report = run(args.runs, not args.no_lighthouse, Path(work))
    report.command = "make bench" if args.runs == 5 and not args.no_lighthouse else \
        "python scripts/bench.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    args.out.write_text(markdown(report), encoding="utf-8")
    if report.chart:
        (args.out.parent / CHART_FILE).write_text(chart_svg(report.chart), encoding="utf-8")
    for figure in report.figures:
        print(f"{figure.name}: {figure.value} (target {figure.target})")
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
