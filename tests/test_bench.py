"""The benchmark command runs end to end (the real measurements are not part of CI)."""

import subprocess
import sys

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.browser  # times a page in Chromium


def test_bench_runs_at_the_smallest_size(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    result = subprocess.run([sys.executable, "-m", "bench", "--sizes", "10", "--repeats", "1", "--runs", "1",
                             "--lighthouse-runs", "1", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "| 10 |" in text and "mkdocs-quiz" in text and "DOMContentLoaded" in text
    assert "| /moduler/mandat/quiz/ |" in text and "loaded only where needed" in text
