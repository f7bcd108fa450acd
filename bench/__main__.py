"""Run the benchmarks and write BENCHMARKS.md: `python -m bench [--sizes 10,50,200,500] [--repeats 5]`.

Builds synthetic courses in three variants with the same text (plain Material
with the questions as lists, this project's quiz extension, and the mkdocs-quiz
plugin), times the builds, measures the quiz assets, and times how long a page
with 30 questions takes to become ready in Chromium.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.courses import THEME, write_course

VARIANTS = ("plain", "ours", "mkdocs-quiz")


def build_seconds(root: Path, repeats: int) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "out")],
                                cwd=root, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"build of {root} failed:\n{result.stderr}")
    return statistics.median(times)


def sizes(paths: list[Path]) -> tuple[int, int]:
    data = b"".join(p.read_bytes() for p in paths)
    return len(data), len(gzip.compress(data, 9))


def mkdocs_quiz_assets() -> list[Path]:
    import mkdocs_quiz

    base = Path(mkdocs_quiz.__file__).parent
    return [base / "css" / "quiz.css", base / "js" / "quiz.js", base / "js" / "vendor" / "js-confetti.browser.js"]


def page_ready_ms(root: Path, runs: int) -> tuple[float, float]:
    """Median (navigation start → quiz ready, DOMContentLoaded → quiz ready) in ms for a 30-question page."""
    from playwright.sync_api import sync_playwright

    from krisesenterkurs.printing import CHROMIUM_ARGS, _serve

    server, base = _serve(root / "out")
    since_start, since_dcl = [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                        args=CHROMIUM_ARGS)
            for _ in range(runs):
                page = browser.new_page()
                page.goto(base, wait_until="load")
                page.wait_for_function("performance.getEntriesByName('krisesenterkurs:quiz-ready').length > 0")
                ready = page.evaluate("performance.getEntriesByName('krisesenterkurs:quiz-ready')[0].startTime")
                dcl = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")
                since_start.append(ready)
                since_dcl.append(ready - dcl)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return statistics.median(since_start), statistics.median(since_dcl)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,50,200,500", help="numbers of pages (default: 10,50,200,500)")
    parser.add_argument("--repeats", type=int, default=5, help="builds per variant and size (default: 5)")
    parser.add_argument("--runs", type=int, default=7, help="page loads for the readiness timing (default: 7)")
    parser.add_argument("--out", default="BENCHMARKS.md", help="where to write the results (default: BENCHMARKS.md)")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.sizes.split(",")]

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            seconds = {}
            for variant in VARIANTS:
                root = write_course(Path(tmp) / f"{variant}-{n}", variant, n)
                seconds[variant] = build_seconds(root, args.repeats)
            rows.append((n, seconds))
            print(f"N={n}: " + ", ".join(f"{v} {s:.2f} s" for v, s in seconds.items()), file=sys.stderr)
        ready_root = write_course(Path(tmp) / "ready", "ours", 1, per_page=30)
        build_seconds(ready_root, 1)
        ready_start, ready_dcl = page_ready_ms(ready_root, args.runs)

    ours_raw, ours_gz = sizes([THEME / "assets" / "krisesenterkurs" / f for f in ("quiz.js", "quiz.css", "storage.js")])
    peer_raw, peer_gz = sizes(mkdocs_quiz_assets())
    first, last = rows[0], rows[-1]
    per_page = {v: (last[1][v] - first[1][v]) / max(last[0] - first[0], 1) * 1000 for v in VARIANTS}

    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} on {machine()}, in one run of `python -m bench "
        f"--sizes {args.sizes} --repeats {args.repeats} --runs {args.runs}`.",
        "",
        "Each synthetic course has N pages with one bank of 10 questions per page, in three variants with the "
        "same text: (a) plain Material with the questions as ordinary lists, (b) this project's quiz extension, "
        "(c) the mkdocs-quiz plugin. Times are medians of full `mkdocs build` runs (a new process each time).",
        "",
        "## Build time",
        "",
        "| N pages | (a) plain | (b) ours | (c) mkdocs-quiz | b/a | b/c |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, s in rows:
        lines.append(f"| {n} | {s['plain']:.2f} s | {s['ours']:.2f} s | {s['mkdocs-quiz']:.2f} s | "
                     f"{s['ours'] / s['plain']:.2f} | {s['ours'] / s['mkdocs-quiz']:.2f} |")
    lines += [
        "",
        "Growth from the smallest to the largest course, per added page: " +
        ", ".join(f"{v} {ms:.1f} ms" for v, ms in per_page.items()) + ".",
        "",
        "## Quiz assets",
        "",
        "| | raw | gzip | how they reach the page |",
        "|---|---:|---:|---|",
        f"| this project (quiz.js, quiz.css, storage.js) | {ours_raw / 1024:.1f} KB | {ours_gz / 1024:.1f} KB | "
        "separate files, cached by the browser |",
        f"| mkdocs-quiz (quiz.css, quiz.js, confetti) | {peer_raw / 1024:.1f} KB | {peer_gz / 1024:.1f} KB | "
        "inlined into every page with a quiz |",
        "",
        "## Page with 30 questions in Chromium",
        "",
        f"Quiz ready {ready_start:.1f} ms after navigation start, {ready_dcl:.1f} ms after DOMContentLoaded "
        f"(median of {args.runs} loads; `performance` mark `krisesenterkurs:quiz-ready`).",
        "",
        "## Targets",
        "",
        "| target | result |",
        "|---|---|",
    ]
    worst_ba = max(s["ours"] / s["plain"] for _, s in rows)
    worst_bc = max(s["ours"] / s["mkdocs-quiz"] for _, s in rows)
    lines += [
        f"| build b/a ≤ 1.10 at every N | {'met' if worst_ba <= 1.10 else 'not met'} (worst {worst_ba:.2f}) |",
        f"| build b/c ≤ 1.0 at every N | {'met' if worst_bc <= 1.0 else 'not met'} (worst {worst_bc:.2f}) |",
        f"| quiz JS and CSS ≤ 6 KB gzip | {'met' if ours_gz <= 6 * 1024 else 'not met'} ({ours_gz / 1024:.1f} KB) |",
        f"| quiz ready within 10 ms of DOMContentLoaded | {'met' if ready_dcl <= 10 else 'not met'} ({ready_dcl:.1f} ms) |",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(Path(args.out).resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
