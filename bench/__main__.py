"""Run the benchmarks and write BENCHMARKS.md: `python -m bench [--sizes 10,50,200,500] [--repeats 5]`.

Builds synthetic courses in three variants with the same text (plain Material
with the questions as lists, this project's quiz extension, and the mkdocs-quiz
plugin), times the builds, and times the extension's course built with Zensical
too (a full build, and a rebuild from Zensical's cache after one bank edit). It
also measures the quiz assets and where they load, times how long a page with
30 questions of all five types takes to become ready in Chromium, measures the scenario's
assets and times a choice in a 100-node conversation (bench/scenario.py), and runs Lighthouse's
performance audit on module pages of the real course.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import itertools
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.courses import ALL_KINDS, KINDS, THEME, bank_file, edit_marker, page_html, write_bank, write_course
from bench.scenario import NODES, choice_ms, scenario_assets, write_scenario_course
from bench.serve import CHROMIUM

VARIANTS = ("plain", "ours", "mkdocs-quiz")
ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse"
MODULE_PAGES = ("moduler/mandat/", "moduler/mandat/quiz/")


def _build_env() -> dict:
    # Python as installed for users: it keeps compiled bytecode between runs. (This machine turns
    # that off, which would leave only our editable package to be recompiled on every build.)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def _build(root: Path, out: Path | None = None, **env: str) -> float:
    """Build the site whose mkdocs.yml is in `root` (into root/out unless told); return the seconds taken."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(out or root / "out")],
        cwd=root,
        env={**_build_env(), **env},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{result.stderr}")
    return seconds


def _zensical_command(clean: bool) -> list[str]:
    # As publishing/engines.py runs it. Zensical writes into the project: site/ and its cache, .cache/.
    return ["-m", "zensical", "build", "--config-file", "mkdocs.yml", "--strict", *(["--clean"] if clean else [])]


def _zensical(root: Path, clean: bool) -> float:
    """Build the course in `root` with Zensical: `clean` empties its cache first; return the seconds taken."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, *_zensical_command(clean)], cwd=root, env=_build_env(), capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"Zensical build of {root} failed:\n{result.stdout}{result.stderr}")
    return seconds


def edited_page(root: Path) -> int:
    """The page whose bank the rebuild edits: the middle one."""
    return len(list((root / "quizzes").glob("side-*.yml"))) // 2 + 1


def edit_bank(root: Path, edit: int) -> int:
    """Change one question's text in the middle page's bank, as an author saving the file; return the page.

    Zensical compares the times of watched files in whole seconds, so the save falls in a later second
    than the file's last one (as any edit by hand does)."""
    page = edited_page(root)
    before = int(bank_file(root, page).stat().st_mtime)
    while int(time.time()) <= before:
        time.sleep(0.05)
    write_bank(root, page, edit=edit)
    return page


def check_edit(root: Path, page: int, edit: int) -> None:
    """The rebuilt page shows the edited question: otherwise the rebuild timed a stale site."""
    if edit_marker(edit) not in page_html(root / "site", page).read_text(encoding="utf-8"):
        raise SystemExit(f"Zensical's rebuild of {root} kept the old text of page {page} after its bank was edited")


def build_seconds(roots: dict[str, Path], repeats: int, zensical: Path | None = None) -> dict[str, float]:
    """Median build time per variant. One untimed build each first; then the variants take turns,
    so a slow spell of the machine falls on all of them alike. With `zensical` (a copy of the
    extension's course), each turn ends with a full Zensical build ('zensical') and, after one bank
    edit, a rebuild that reuses the cache that build left ('zensical-rebuild')."""
    for root in roots.values():
        _build(root)
    times: dict[str, list[float]] = {v: [] for v in roots}
    if zensical is not None:
        _zensical(zensical, clean=True)
        times |= {"zensical": [], "zensical-rebuild": []}
    for turn in range(repeats):
        for variant, root in roots.items():
            times[variant].append(_build(root))
        if zensical is not None:
            times["zensical"].append(_zensical(zensical, clean=True))
            page = edit_bank(zensical, turn + 1)
            times["zensical-rebuild"].append(_zensical(zensical, clean=False))
            check_edit(zensical, page, turn + 1)
    return {v: statistics.median(t) for v, t in times.items()}


# Runs one Zensical build in the course folder and writes, as JSON, how many pages Zensical had
# rendered (its Python side renders each page it does not take from the cache) and how many times
# a bank file was opened. Counted through Python's audit hook, so it holds whatever the extension's
# code looks like.
_PROBE = """
import json, os, sys
from pathlib import Path

quizzes = str(Path("quizzes").resolve()) + os.sep
found = {"pages_rendered": 0, "bank_reads": 0}

def opened(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        path = os.path.abspath(os.fspath(args[0]))
        if path.startswith(quizzes) and path.endswith(".yml"):
            found["bank_reads"] += 1

sys.addaudithook(opened)
import zensical.markdown.render as render

original = render.render

def counted(*args, **kwargs):
    found["pages_rendered"] += 1
    return original(*args, **kwargs)

render.render = counted
from zensical.main import cli

cli(sys.argv[2:], standalone_mode=False)
Path(sys.argv[1]).write_text(json.dumps(found))
"""


def zensical_reads(root: Path, work: Path) -> dict[str, dict[str, int]]:
    """Pages rendered and bank files opened by one full Zensical build and by one rebuild after a bank
    edit (untimed; a Zensical build of N pages should read each of the N banks once, not once per page)."""
    found = {}
    for name, clean in (("full", True), ("rebuild", False)):
        page = None if clean else edit_bank(root, 1000)
        report = work / f"reads-{root.name}-{name}.json"
        result = subprocess.run(
            [sys.executable, "-c", _PROBE, str(report), *_zensical_command(clean)[2:]],
            cwd=root,
            env=_build_env(),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise SystemExit(f"Zensical build of {root} failed:\n{result.stdout}{result.stderr}")
        found[name] = json.loads(report.read_text(encoding="utf-8"))
        if page is not None:
            check_edit(root, page, 1000)
    return found


def growth(rows: list[tuple[int, dict[str, float]]]) -> list[tuple[int, int, dict[str, float]]]:
    """Milliseconds per added page for each variant, between each size and the next."""
    return [
        (n0, n1, {v: (s1[v] - s0[v]) / (n1 - n0) * 1000 for v in s0}) for (n0, s0), (n1, s1) in itertools.pairwise(rows)
    ]


def sizes(paths: list[Path]) -> tuple[int, int]:
    """Bytes raw and gzipped, each file compressed on its own, as a web server sends it."""
    return sum(p.stat().st_size for p in paths), sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths)


def our_assets(site: Path | None = None) -> list[Path]:
    """The quiz's files as served from a built site (minified by the plugin), or as written in the theme."""
    folder = site / "assets" / "krisesenterkurs" if site else THEME / "assets" / "krisesenterkurs"
    return [folder / f for f in ("quiz.js", "quiz.css", "storage.js")]


def mkdocs_quiz_assets() -> list[Path]:
    import mkdocs_quiz

    base = Path(mkdocs_quiz.__file__).parent
    return [base / "css" / "quiz.css", base / "js" / "quiz.js", base / "js" / "vendor" / "js-confetti.browser.js"]


def delivery(html: str, assets: list[Path]) -> tuple[int, int]:
    """(asset files the page links to, bytes of asset content written into the page itself)."""
    linked = sum(1 for a in assets if re.search(rf'(?:src|href)="[^"]*/{re.escape(a.name)}"', html))
    inlined = 0
    for a in assets:
        text = a.read_text(encoding="utf-8").strip()
        if len(text) > 200 and text[:200] in html:
            inlined += len(text.encode("utf-8"))
    return linked, inlined


def describe_delivery(quiz_page: tuple[int, int], plain_page: tuple[int, int]) -> str:
    def one(linked: int, inlined: int) -> str:
        parts = []
        if linked:
            parts.append(f"{linked} cached file{'s' if linked > 1 else ''}")
        if inlined:
            parts.append(f"{inlined / 1024:.1f} KB written into the page")
        return " and ".join(parts) or "nothing"

    return f"page with a quiz: {one(*quiz_page)}; page without: {one(*plain_page)}"


def page_ready_ms(root: Path, runs: int) -> dict[str, float]:
    """Medians in ms for a 30-question page: quiz ready after navigation start and after
    DOMContentLoaded (negative: before it), and how long the set-up itself took."""
    from bench.serve import chromium_on

    found: dict[str, list[float]] = {"start": [], "dcl": [], "setup": []}
    with chromium_on(root / "out") as (browser, base):
        for _ in range(runs):
            page = browser.new_page()
            page.goto(base, wait_until="load")
            page.wait_for_function("performance.getEntriesByName('krisesenterkurs:quiz-ready').length > 0")
            marks = page.evaluate("""() => {
                const at = name => performance.getEntriesByName(name)[0].startTime;
                const nav = performance.getEntriesByType('navigation')[0];
                return {ready: at('krisesenterkurs:quiz-ready'), start: at('krisesenterkurs:quiz-start'),
                        dcl: nav.domContentLoadedEventStart};
            }""")
            found["start"].append(marks["ready"])
            found["dcl"].append(marks["ready"] - marks["dcl"])
            found["setup"].append(marks["ready"] - marks["start"])
            page.close()
    return {k: statistics.median(v) for k, v in found.items()}


def lighthouse_performance(runs: int, work: Path) -> dict[str, float]:
    """Median Lighthouse performance score (its default mobile profile) per module page of the real course."""
    from bench.serve import serve_gzip

    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LIGHTHOUSE, check=True, capture_output=True
    )
    server, base = serve_gzip(work / "site")  # the address is needed for the build; the files come next
    try:
        _build(ROOT, work / "site", SITE_URL=base)
        scores: dict[str, float] = {}
        for page in MODULE_PAGES:
            found = []
            for _ in range(runs):
                report = work / "lighthouse.json"
                subprocess.run(
                    [
                        str(LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse"),
                        base + page,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        "--only-categories=performance",
                        "--chrome-flags=" + (LIGHTHOUSE / "chrome-flags").read_text(encoding="utf-8").strip(),
                    ],
                    env={**os.environ, "CHROME_PATH": CHROMIUM},
                    check=True,
                    capture_output=True,
                )
                found.append(json.loads(report.read_text(encoding="utf-8"))["categories"]["performance"]["score"])
            scores[page] = statistics.median(found)
        return scores
    finally:
        server.shutdown()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,50,200,500", help="numbers of pages (default: 10,50,200,500)")
    parser.add_argument("--repeats", type=int, default=5, help="timed builds per variant and size (default: 5)")
    parser.add_argument("--runs", type=int, default=7, help="page loads for the readiness timing (default: 7)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default: 3)")
    parser.add_argument("--out", default="BENCHMARKS.md", help="where to write the results (default: BENCHMARKS.md)")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.sizes.split(",")]

    rows = []
    reads: dict[int, dict[str, dict[str, int]]] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            roots = {v: write_course(Path(tmp) / f"{v}-{n}", v, n) for v in VARIANTS}
            # The same course as "ours" in a folder of its own: Zensical keeps its site and cache in the project.
            zensical = write_course(Path(tmp) / f"zensical-{n}", "ours", n)
            seconds = build_seconds(roots, args.repeats, zensical)
            rows.append((n, seconds))
            reads[n] = zensical_reads(zensical, Path(tmp))
            print(
                f"N={n}: " + ", ".join(f"{v} {s:.2f} s" for v, s in seconds.items()) + f"; {reads[n]}", file=sys.stderr
            )

        # One page of 30 questions and one page without a quiz, for readiness and asset delivery.
        pages = {}
        for variant, assets in (("ours", our_assets()), ("mkdocs-quiz", mkdocs_quiz_assets())):
            kinds = ALL_KINDS if variant == "ours" else KINDS
            root = write_course(Path(tmp) / f"ready-{variant}", variant, 1, per_page=30, without_quiz=1, kinds=kinds)
            _build(root)
            quiz_html = (root / "out" / "index.html").read_text(encoding="utf-8")
            plain_html = (root / "out" / "om-1" / "index.html").read_text(encoding="utf-8")
            pages[variant] = (delivery(quiz_html, assets), delivery(plain_html, assets))
        ours_raw, ours_gz = sizes(our_assets(Path(tmp) / "ready-ours" / "out"))
        ready = page_ready_ms(Path(tmp) / "ready-ours", args.runs)
        print(f"ready: {ready}", file=sys.stderr)
        conversation = write_scenario_course(Path(tmp) / "scenario")
        _build(conversation)
        _, scenario_gz = sizes(scenario_assets(conversation / "out"))
        drawn = choice_ms(conversation / "out", args.runs)
        print(f"scenario: {drawn}", file=sys.stderr)
        lighthouse = lighthouse_performance(args.lighthouse_runs, Path(tmp))
        print(f"lighthouse: {lighthouse}", file=sys.stderr)
    load_after = os.getloadavg()[0]

    peer_raw, peer_gz = sizes(mkdocs_quiz_assets())
    to_dcl = f"{abs(ready['dcl']):.1f} ms {'after' if ready['dcl'] >= 0 else 'before'}"
    steps = growth(rows)

    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} on {machine()}, in one run of `python -m bench "
        f"--sizes {args.sizes} --repeats {args.repeats} --runs {args.runs} --lighthouse-runs {args.lighthouse_runs}` "
        f"(1-minute load average {load_before:.1f} at the start, {load_after:.1f} at the end).",
        "",
        "Each synthetic course has N pages with one bank of 10 questions per page, in three variants with the "
        "same text: (a) plain Material with the questions as ordinary lists, (b) this project's quiz extension, "
        "(c) the mkdocs-quiz plugin. Times are medians of full `mkdocs build` runs, each a new process, after "
        "one untimed build per variant; the variants take turns, and Python keeps its compiled bytecode as it "
        "does on an ordinary installation.",
        "",
        "## Build time",
        "",
        "| N pages | (a) plain | (b) ours | (c) mkdocs-quiz | b/a | b/c |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, s in rows:
        lines.append(
            f"| {n} | {s['plain']:.2f} s | {s['ours']:.2f} s | {s['mkdocs-quiz']:.2f} s | "
            f"{s['ours'] / s['plain']:.2f} | {s['ours'] / s['mkdocs-quiz']:.2f} |"
        )
    lines += [
        "",
        "## Zensical",
        "",
        "Course (b), the same files and the same extension, built with Zensical (`python -m zensical build "
        "--strict`, as `krisesenterkurs build --engine zensical` runs it, without the course check it runs "
        "first and the post-build step after): (d) a full build (`--clean`, the cache emptied first) and "
        "(e) a rebuild right after it, from the cache it left, once one bank (the middle page's) has been "
        "edited. The same turns as above: each turn ends with (d) and then (e); the bench checks that each "
        "rebuilt page shows the edited question.",
        "",
        "| N pages | (b) ours, MkDocs | (d) Zensical, full | (e) Zensical, rebuild after one bank edit | d/b | e/b |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, s in rows:
        lines.append(
            f"| {n} | {s['ours']:.2f} s | {s['zensical']:.2f} s | {s['zensical-rebuild']:.2f} s | "
            f"{s['zensical'] / s['ours']:.2f} | {s['zensical-rebuild'] / s['ours']:.2f} |"
        )
    lines += [
        "",
        "What one Zensical build reads (counted in one more build of each kind, untimed): pages whose Markdown "
        "went through Python-Markdown, and bank files opened.",
        "",
        "| N pages | (d) pages rendered | (d) bank files read | (e) pages rendered | (e) bank files read |",
        "|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {n} | {r['full']['pages_rendered']} | {r['full']['bank_reads']} | {r['rebuild']['pages_rendered']} | "
        f"{r['rebuild']['bank_reads']} |"
        for n, r in reads.items()
    ]
    lines += [
        "",
        "Zensical takes a page from its cache only while the page's Markdown and the configuration are "
        "unchanged; the configuration includes the times of the files under `watch`. A bank is not a page, so "
        "the course lists its banks' folder under `watch` (without it, the rebuild kept the old page); an edited "
        "bank therefore changes the configuration, and "
        + (
            "every page is rendered again."
            if all(r["rebuild"]["pages_rendered"] == n for n, r in reads.items())
            else "the rebuild renders the pages counted above."
        ),
        "",
        "## Growth with N",
        "",
    ]
    if steps:
        lines += [
            "Build time per added page, between one size and the next:",
            "",
            "| N pages | (a) plain | (b) ours | (c) mkdocs-quiz | b/a |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {n0} → {n1} | {ms['plain']:.1f} ms | {ms['ours']:.1f} ms | {ms['mkdocs-quiz']:.1f} ms | "
            f"{ms['ours'] / ms['plain']:.2f} |"
            for n0, n1, ms in steps
        ]
        lines += [
            "",
            "No variant grows linearly, plain Material included: Material writes the whole navigation, a link to "
            "each of the N pages, into every page, so each added page costs more as the course grows. What the "
            "extension adds to a build (b − a: "
            + ", ".join(f"{s['ours'] - s['plain']:+.2f} s at N = {n}" for n, s in rows)
            + ") does not grow with N. The target is read as: each added page costs this project's variant at most "
            "10 % more than it costs plain Material, at every size.",
        ]
    else:
        lines.append("(Needs at least two sizes.)")
    lines += [
        "",
        "## Quiz assets",
        "",
        "Sizes as served: this project's files as the build writes them (minified), mkdocs-quiz's as it "
        "writes them into pages; gzip counts each file compressed on its own.",
        "",
        "| | raw | gzip | how they reach the page |",
        "|---|---:|---:|---|",
        f"| this project (quiz.js, quiz.css, storage.js) | {ours_raw / 1024:.1f} KB | {ours_gz / 1024:.1f} KB | "
        f"{describe_delivery(*pages['ours'])} |",
        f"| mkdocs-quiz (quiz.css, quiz.js, confetti) | {peer_raw / 1024:.1f} KB | {peer_gz / 1024:.1f} KB | "
        f"{describe_delivery(*pages['mkdocs-quiz'])} |",
        "",
        "## Page with 30 questions (all five types) in Chromium",
        "",
        f"Quiz ready {ready['start']:.1f} ms after navigation start, {to_dcl} DOMContentLoaded; setting up the 30 questions took "
        f"{ready['setup']:.1f} ms (medians of {args.runs} loads; `performance` marks `krisesenterkurs:quiz-start` "
        "and `krisesenterkurs:quiz-ready`).",
        "",
        "## Lighthouse performance (the course itself)",
        "",
        "| module page | score |",
        "|---|---:|",
    ]
    lines += [f"| /{page} | {score:.2f} |" for page, score in lighthouse.items()]
    lines += [
        "",
        f"Lighthouse 12 with its default mobile profile (simulated slow 4G and a slowed-down CPU), median of "
        f"{args.lighthouse_runs} runs per page; the site is served from a loopback server that compresses text "
        "with gzip, as web hosts do.",
        "",
        "## Targets",
        "",
        "| target | result |",
        "|---|---|",
    ]
    worst_ba = max(s["ours"] / s["plain"] for _, s in rows)
    worst_db = max(s["zensical"] / s["ours"] for _, s in rows)
    at_500 = dict(rows).get(500)
    worst_bc = max(s["ours"] / s["mkdocs-quiz"] for _, s in rows)
    worst_step = max((ms["ours"] / ms["plain"] for _, _, ms in steps), default=0.0)
    quiz_page, plain_page = pages["ours"]
    where_needed = quiz_page == (len(our_assets()), 0) and plain_page == (0, 0)
    worst_lh = min(lighthouse.values())
    met = lambda ok: "met" if ok else "not met"  # noqa: E731
    lines += [
        f"| build b/a ≤ 1.10 at every N | {met(worst_ba <= 1.10)} (worst {worst_ba:.2f}) |",
        f"| build b/c ≤ 1.0 at every N | {met(worst_bc <= 1.0)} (worst {worst_bc:.2f}) |",
        "| build time linear in N (what the extension adds) | "
        + (
            f"{met(worst_step <= 1.10)} (per added page, ours against plain: worst {worst_step:.2f})"
            if steps
            else "not measured (one size)"
        )
        + " |",
        f"| quiz JS and CSS ≤ 6 KB gzip | {met(ours_gz <= 6 * 1024)} ({ours_gz / 1024:.1f} KB) |",
        f"| served as cacheable files, loaded only where needed | {met(where_needed)} "
        f"({describe_delivery(quiz_page, plain_page)}) |",
        f"| quiz ready within 10 ms of DOMContentLoaded | {met(ready['dcl'] <= 10)} ({to_dcl}) |",
        f"| scenario JS and CSS ≤ 4 KB gzip | {met(scenario_gz <= 4 * 1024)} ({scenario_gz / 1024:.1f} KB) |",
        f"| a scenario choice drawn within 16 ms ({NODES} nodes) | {met(max(drawn.values()) <= 16)} "
        f"(choice to feedback {drawn['choice']:.1f} ms, «Fortsett» to the next step {drawn['next']:.1f} ms) |",
        f"| Lighthouse performance ≥ 0.98 on a module page | {met(worst_lh >= 0.98)} (lowest {worst_lh:.2f}) |",
        f"| Zensical full build no slower than MkDocs (d/b ≤ 1.0) at every N | {met(worst_db <= 1.0)} "
        f"(worst {worst_db:.2f}) |",
        "| Zensical rebuild after one bank edit ≤ 0.3 × the MkDocs build at N = 500 | "
        + (
            f"{met(at_500['zensical-rebuild'] / at_500['ours'] <= 0.3)} (e/b {at_500['zensical-rebuild'] / at_500['ours']:.2f}: "
            f"{at_500['zensical-rebuild']:.2f} s against {at_500['ours']:.2f} s)"
            if at_500
            else "not measured (N = 500 not in this run)"
        )
        + " |",
        f"| Zensical reads each bank once per build, not once per page | "
        f"{met(all(r[k]['bank_reads'] <= n for n, r in reads.items() for k in r))} "
        f"(full build at N = {max(reads)}: {reads[max(reads)]['full']['bank_reads']} bank files read for "
        f"{reads[max(reads)]['full']['pages_rendered']} pages) |",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(Path(args.out).resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
