#!/usr/bin/env bash
# Quality gate: Lighthouse accessibility and best practices must both score 1.0
# on the front page and a module page. Uses the pinned npm Lighthouse
# (tools/lighthouse) and Debian's Chromium; needs Node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
export CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

(cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

work=$(mktemp -d)
server=""
# Under `set -u` the trap must not name a server that an early failure left unstarted.
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
mkdir -p "$work/site"
# The server binds port 0 itself and writes down the port it got: choosing a free port, closing it
# and binding it again would leave a window in which another process takes it.
.venv/bin/python - "$work" <<'PY' >/dev/null 2>&1 &
import functools, http.server, pathlib, sys
work = pathlib.Path(sys.argv[1])
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(work / "site"))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
(work / "port.tmp").write_text(str(server.server_address[1]))
(work / "port.tmp").rename(work / "port")
server.serve_forever()
PY
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
if [ ! -s "$work/port" ]; then echo "lighthouse: the local web server did not start." >&2; exit 1; fi
port=$(cat "$work/port")
SITE_URL="http://127.0.0.1:$port/" .venv/bin/mkdocs build --strict --quiet --site-dir "$work/site"
# Wait until the server answers instead of guessing how long it needs.
if ! .venv/bin/python -c "
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen('http://127.0.0.1:$port/', timeout=1); sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)"; then
  echo "lighthouse: the local web server does not answer on port $port." >&2
  exit 1
fi

status=0
for page in "" "moduler/mandat/"; do
  url="http://127.0.0.1:$port/$page"
  tools/lighthouse/node_modules/.bin/lighthouse "$url" --quiet --output=json --output-path="$work/report.json" \
    --only-categories=accessibility,best-practices \
    --chrome-flags="$(cat tools/lighthouse/chrome-flags)" >"$work/lighthouse.log" 2>&1 || {
    echo "lighthouse: Lighthouse failed on $url; its output:" >&2
    cat "$work/lighthouse.log" >&2
    exit 1
  }
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
