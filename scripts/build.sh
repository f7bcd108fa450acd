#!/usr/bin/env bash
# Build the course for publishing into site/, with the PDF handouts and the
# whole course as PDF. Set SITE_URL to the address the site will be served from.
#   bash scripts/build.sh                    MkDocs (the default engine)
#   bash scripts/build.sh --engine zensical  Zensical, Material's successor (see README)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
engine=mkdocs
if [ "${1:-}" = "--engine" ]; then engine="${2:?--engine needs mkdocs or zensical}"; fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  apt_install chromium fonts-liberation
fi
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# The publishing build's check first: one line per problem, before either engine builds. It refuses
# a draft module and a change since the last publication without a new version (quizzes/published.lock.json).
.venv/bin/krisesenterkurs check --publish
.venv/bin/krisesenterkurs build --engine "$engine" --site-dir site
.venv/bin/krisesenterkurs handouts --site site
# Record what was published; commit quizzes/published.lock.json with the change.
.venv/bin/krisesenterkurs lock
