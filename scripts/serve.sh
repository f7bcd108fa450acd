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
addr="${DEV_ADDR:-127.0.0.1:8000}"
if [ "$engine" = "zensical" ]; then
  # Zensical runs no plugins: the course's own check gives editors one line per problem first.
  .venv/bin/krisesenterkurs check || true
  exec .venv/bin/zensical serve --dev-addr "$addr" "$@"
fi
exec .venv/bin/mkdocs serve --dev-addr "$addr" "$@"
