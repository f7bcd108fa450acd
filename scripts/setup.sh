#!/usr/bin/env bash
# Shared set-up for serve.sh, build.sh and test.sh: a virtual environment in
# .venv with exactly the packages of the lock file (requirements/run.lock, or
# requirements/dev.lock for tests and the lint gate: every package of the whole
# tree pinned, with hashes), then the course tooling itself, editable, so the
# mkdocs and zensical commands find the project's own extensions.
# The lock files are made from pyproject.toml by scripts/lock.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib.sh

if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" >/dev/null 2>&1; then
  apt_install python3-venv
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi

lock=requirements/run.lock
if [ -n "${1:-}" ]; then lock=requirements/dev.lock; fi
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
if ! { "${pip[@]}" --require-hashes -r "$lock" && "${pip[@]}" --no-deps -e .; } >.venv/pip.log 2>&1; then
  grep -v "^WARNING: Location" .venv/pip.log >&2
  echo "setup: installing the Python packages failed (log above)." >&2
  exit 1
fi
