#!/usr/bin/env bash
# The lint gate, called by .ci/run: ruff (lint and format check) and mypy on the
# Python, ESLint (pinned in tools/lint/) on the theme's and the SCORM launch
# page's scripts and their node tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "[dev]"
(cd tools/lint && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
status=0
.venv/bin/ruff check extensions tests bench || status=1
.venv/bin/ruff format --check extensions tests bench || status=1
.venv/bin/mypy || status=1
tools/lint/node_modules/.bin/eslint --config tools/lint/eslint.config.js \
  extensions/krisesenterkurs/theme/assets extensions/krisesenterkurs/publishing/scorm tests/js || status=1
if [ "$status" -ne 0 ]; then echo "lint: fix what is listed above." >&2; fi
exit $status
