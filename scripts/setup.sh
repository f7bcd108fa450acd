#!/usr/bin/env bash
# Shared set-up for serve.sh and test.sh: a virtual environment in .venv with
# the course tooling installed (editable, so the mkdocs command finds the
# project's own Markdown extension and plugin).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib.sh

if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" >/dev/null 2>&1; then
  apt_install python3-venv
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi

extras="${1:-}"
if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}" >.venv/pip.log 2>&1; then
  grep -v "^WARNING: Location" .venv/pip.log >&2
  echo "setup: installing the Python packages failed (log above)." >&2
  exit 1
fi
