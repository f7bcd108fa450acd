"""The benchmark command runs end to end (`pytest --bench`: benchmarks are kept out of CI)."""

import re
import subprocess
import sys

import pytest

from bench.__main__ import growth
from tests.support import ROOT


def test_growth_is_time_per_added_page_between_sizes():
    rows = [(10, {"plain": 1.0, "ours": 1.25}), (50, {"plain": 2.0, "ours": 2.5}), (250, {"plain": 12.0, "ours": 12.5})]
    assert growth(rows) == [(10, 50, {"plain": 25.0, "ours": 31.25}), (50, 250, {"plain": 50.0, "ours": 50.0})]
    assert growth(rows[:1]) == []


@pytest.mark.bench
@pytest.mark.browser  # times a page in Chromium
def test_bench_runs_at_the_smallest_size(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--sizes",
            "10",
            "--repeats",
            "1",
            "--runs",
            "1",
            "--lighthouse-runs",
            "1",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "| 10 |" in text and "mkdocs-quiz" in text and "DOMContentLoaded" in text
    assert "| /moduler/mandat/quiz/ |" in text and "loaded only where needed" in text
    assert "| build time linear in N (what the extension adds) | not measured (one size) |" in text
    # Zensical, side by side with MkDocs: the timings, what one build reads, and the targets.
    zensical = text[text.index("## Zensical") : text.index("## Growth with N")]
    assert "| N pages | (b) ours, MkDocs | (d) Zensical, full | (e) Zensical, rebuild after one bank edit |" in zensical
    assert re.search(r"^\| 10 \| [\d.]+ s \| [\d.]+ s \| [\d.]+ s \| [\d.]+ \| [\d.]+ \|$", zensical, re.M)
    # Ten pages, ten banks: each bank is read once per build, not once per page.
    assert "| 10 | 10 | 10 | 10 | 10 |" in zensical
    assert re.search(
        r"^\| Zensical full build no slower than MkDocs \(d/b ≤ 1.0\) at every N \| (met|not met) ", text, re.M
    )
    assert "| Zensical rebuild after one bank edit ≤ 0.3 × the MkDocs build at N = 500 | not measured" in text
    assert "| Zensical reads each bank once per build, not once per page | met " in text
    assert re.search(r"^\| scenario JS and CSS ≤ 4 KB gzip \| (met|not met) \([\d.]+ KB\) \|$", text, re.M)
    assert re.search(r"^\| a scenario choice drawn within 16 ms \(100 nodes\) \| (met|not met) \(choice", text, re.M)
