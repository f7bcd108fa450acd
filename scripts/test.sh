#!/usr/bin/env bash
# Set up and run every test: unit, build and browser tests (Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib.sh

# Playwright cannot download its own browser here; Debian's Chromium works.
# Without the Liberation fonts, pages and PDFs render without a sans font.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! fc-list 2>/dev/null | grep -qi "Liberation Sans"; then
  apt_install chromium fonts-liberation
fi

bash scripts/setup.sh "[test,bench]"
export NO_MKDOCS_2_WARNING=1
node --test tests/js/
# Everything against the MkDocs build, then the browser tests again against the Zensical build
# (tests marked mkdocs_only are skipped there; README lists them).
# The slowest tests are listed at the end of each run, to keep the whole run within its time budget.
# Two workers (pytest-xdist; KK_WORKERS to change): a single run leaves most of a second core idle
# while Chromium and the builds wait on each other. The tests of the SCORM package and its printed
# PDFs share one worker (xdist_group), so the package is built and printed once.
workers=(-n "${KK_WORKERS:-2}" --dist loadgroup)
.venv/bin/python -m pytest "${workers[@]}" --durations=15 "$@"
KK_ENGINE=zensical .venv/bin/python -m pytest "${workers[@]}" --durations=10 tests/browser "$@"
