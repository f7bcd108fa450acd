#!/usr/bin/env bash
# Set up and run the course locally at http://127.0.0.1:8000/ (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr "${DEV_ADDR:-127.0.0.1:8000}" "$@"
