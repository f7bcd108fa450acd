#!/usr/bin/env bash
# Remake the lock files from pyproject.toml after changing a dependency there:
# requirements/run.lock (what serve.sh and build.sh install) and
# requirements/dev.lock (with the test, bench and lint extras). Commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "[dev]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
compile=(.venv/bin/uv pip compile pyproject.toml --python-version 3.11.7 --generate-hashes --no-header --quiet)
"${compile[@]}" -o requirements/run.lock
"${compile[@]}" --extra test --extra bench --extra lint -o requirements/dev.lock
