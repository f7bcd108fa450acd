#!/usr/bin/env bash
# Set up and run the course locally at http://127.0.0.1:8000/ (Ctrl+C stops it).
#   bash scripts/serve.sh                    MkDocs (the default engine)
#   bash scripts/serve.sh --engine zensical  Zensical, Material's successor (see README)
set -euo pipefail
cd "$(dirname "$0")/.."
engine=mkdocs
if [ "${1:-}" = "--engine" ]; then engine="${2:?--engine needs mkdocs or zensical}"; shift 2; fi
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Zensical runs no plugins: `krisesenterkurs serve` checks the course first and tells Zensical
# which course files to watch (from the settings in mkdocs.yml).
exec .venv/bin/krisesenterkurs serve --engine "$engine" --dev-addr "${DEV_ADDR:-127.0.0.1:8000}"
