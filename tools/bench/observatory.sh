#!/usr/bin/env bash
# Score the site's response headers with the Mozilla HTTP Observatory, locally.
#
# Serves the demo with the *production* settings over TLS on https://localhost
# (port 443, a throwaway self-signed certificate) and plain HTTP on port 80 (the
# redirect the Observatory also checks), then runs the Observatory's scanner
# (npm package @mdn/mdn-http-observatory) against "localhost" and prints the
# grade, the score and each test's result. The scanner only knows ports 80 and
# 443, so this needs root (or CAP_NET_BIND_SERVICE) and both ports free.
#
#   tools/bench/observatory.sh            # prints "grade A+, score 130" and the tests
#   KEEP=1 tools/bench/observatory.sh     # keeps the work folder (database, cert, JSON)
#
# Nothing is installed in the repository except tools/bench/node_modules (gitignored).
# The package's postinstall downloads Mozilla's CA bundle from the internet; it
# is skipped (--ignore-scripts) and the scanner is told to trust only our cert.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"
WORK="$(mktemp -d /tmp/alliance-observatory.XXXXXX)"
NODE_DIR="$ROOT/tools/bench"
SCANNER="$NODE_DIR/node_modules/@mdn/mdn-http-observatory/src/scan.js"
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -z "${KEEP:-}" ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

if [[ ! -f "$SCANNER" ]]; then
    echo "Installing @mdn/mdn-http-observatory into tools/bench/node_modules..."
    (cd "$NODE_DIR" && npm install --no-save --no-audit --no-fund --ignore-scripts \
        --prefix "$NODE_DIR" @mdn/mdn-http-observatory >/dev/null)
fi
# The postinstall would also fetch Chromium's HSTS preload list; localhost is on no
# such list, so an empty one gives the same answer offline.
PRELOAD="$NODE_DIR/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json"
[[ -f "$PRELOAD" ]] || echo '{}' >"$PRELOAD"

# Production settings on a throwaway SQLite database holding the demo sites.
export DJANGO_SETTINGS_MODULE=alliance_site.settings.production
export DJANGO_SECRET_KEY="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export DJANGO_ALLOWED_HOSTS="localhost,kidscan.localhost"
export DATABASE_URL="sqlite:///$WORK/db.sqlite3"
export DJANGO_MEDIA_ROOT="$WORK/media"
export DJANGO_LOG_LEVEL=WARNING
export WAGTAILADMIN_BASE_URL="https://localhost"
export DJANGO_EMAIL_DISABLED=true

cd "$ROOT"
echo "Building the demo database and static files in $WORK..."
"$PYTHON" manage.py migrate --no-input -v0
"$PYTHON" manage.py load_demo_content >/dev/null
"$PYTHON" manage.py collectstatic --no-input -v0

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost" -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

"$GUNICORN" alliance_site.wsgi -b 127.0.0.1:443 --certfile "$WORK/cert.pem" \
    --keyfile "$WORK/key.pem" -w 2 --log-level warning &
PIDS+=($!)
"$GUNICORN" alliance_site.wsgi -b 127.0.0.1:80 -w 1 --log-level warning &
PIDS+=($!)

for _ in $(seq 1 120); do
    if curl -sf --cacert "$WORK/cert.pem" -o /dev/null https://localhost/ &&
        curl -s -o /dev/null http://localhost/; then break; fi
    sleep 0.5
done

echo "Scanning https://localhost/ ..."
NODE_EXTRA_CA_CERTS="$WORK/cert.pem" node "$SCANNER" localhost >"$WORK/scan.json" || true

"$PYTHON" - "$WORK/scan.json" <<'PY'
import json
import sys

result = json.load(open(sys.argv[1]))
if "error" in result:
    sys.exit(f"Observatory error: {result['error']}")
scan = result["scan"]
print(f"grade {scan['grade']}, score {scan['score']} "
      f"({scan['testsPassed']}/{scan['testsQuantity']} tests passed)")
for name, test in sorted(result["tests"].items()):
    mark = "pass" if test["pass"] else "FAIL"
    print(f"  {mark} {test['scoreModifier']:+3d}  {name}: {test['result']}")
PY
