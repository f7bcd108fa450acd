#!/usr/bin/env bash
# Build the course for publishing into site/, with the PDF handouts and the
# whole course as PDF. Set SITE_URL to the address the site will be served from.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  apt_install chromium fonts-liberation
fi
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/mkdocs build --strict
.venv/bin/krisesenterkurs handouts --site site
