#!/usr/bin/env bash
# Quality gate: Lighthouse accessibility and best practices must both score 1.0
# on the front page and a module page. Uses the pinned npm Lighthouse
# (tools/lighthouse) and Debian's Chromium; needs Node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
export CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

(cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

port=$(.venv/bin/python -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
SITE_URL="http://127.0.0.1:$port/" .venv/bin/mkdocs build --strict --quiet --site-dir "$work/site"
.venv/bin/python -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
sleep 1

status=0
for page in "" "moduler/mandat/"; do
  url="http://127.0.0.1:$port/$page"
  tools/lighthouse/node_modules/.bin/lighthouse "$url" --quiet --output=json --output-path="$work/report.json" \
    --only-categories=accessibility,best-practices \
    --chrome-flags="$(cat tools/lighthouse/chrome-flags)" >/dev/null 2>&1
  .venv/bin/python - "$work/report.json" "$url" <<'PY' || status=1
import json, sys
report = json.load(open(sys.argv[1]))
failed = False
for key, category in report["categories"].items():
    score = category["score"]
    print(f"lighthouse {sys.argv[2]} {key}: {score}")
    if score is None or score < 1:
        failed = True
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                print(f"  failing: {ref['id']}: {audit['title']}")
sys.exit(1 if failed else 0)
PY
done
exit $status
