#!/usr/bin/env bash
# Requests per second gunicorn serves: a static file, a cached page, an uncached page.
#
#   tools/bench/throughput.sh                  # 10 s per address, 32 connections
#   DURATION=30s CONNECTIONS=64 tools/bench/throughput.sh
#
# One gunicorn (gunicorn.conf.py, production settings, its default worker
# count) on loopback, with the page cache in the machine's Redis
# (127.0.0.1:6379, its own database number and key prefix, deleted afterwards)
# and a freshly built PostgreSQL database (tools/bench/_common.sh). wrk, installed
# with apt if missing, hits in turn:
#   static    a CSS file under /static/ that the home page links to (WhiteNoise)
#   cached    the home page, warmed, so the page cache answers (X-Page-Cache: hit)
#   uncached  the same home page with a session cookie, which the page cache
#             never serves: it renders every time, as a signed-in editor's does
# All send "Accept-Encoding: br, gzip" as browsers do. Targets: cached/static >= 0.5.
source "$(dirname "$0")/_common.sh"

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
# Not a real session: the session middleware finds none and serves the anonymous page.
UNCACHED_COOKIE="sessionid=bench-not-a-session"

need_wrk
use_redis
build_database
start_gunicorn

STATIC="$(static_css_path)"
[[ -n "$STATIC" ]] || { echo "no /static/ CSS link on the home page" >&2; exit 1; }
curl -s -o /dev/null "$BASE/"   # warms the cache
cache_state="$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$BASE/" |
    awk -F': ' 'tolower($1) == "x-page-cache" {print $2}' | tr -d '\r')"
uncached_state="$(curl -s -o /dev/null -D - -H "Cookie: $UNCACHED_COOKIE" "$BASE/" |
    awk -F': ' 'tolower($1) == "x-page-cache" {print $2}' | tr -d '\r')"
echo "home page X-Page-Cache: '${cache_state:-none}' (cached run), '${uncached_state:-none}' (uncached run)"

workers="$(pgrep -c -P "$GUNICORN_PID" || true)"
echo "gunicorn on $BASE, $workers workers, $(nproc) CPUs; wrk -t2 -c$CONNECTIONS -d$DURATION"

run_wrk() {
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H 'Accept-Encoding: br, gzip' "$@" >"$WORK/wrk.txt"
    if grep -q 'Non-2xx' "$WORK/wrk.txt"; then grep 'Non-2xx' "$WORK/wrk.txt" >&2; fi
    wrk_rate <"$WORK/wrk.txt"
}

static_rate="$(run_wrk "$BASE$STATIC")"
cached_rate="$(run_wrk "$BASE/")"
uncached_rate="$(run_wrk -H "Cookie: $UNCACHED_COOKIE" "$BASE/")"

"$PYTHON" - "$STATIC" "$static_rate" "$cached_rate" "$uncached_rate" <<'PY'
import sys

static_path, static, cached, uncached = sys.argv[1], *map(float, sys.argv[2:])
print(f"{'static':<10}{static:>10.0f} req/s  {static_path}")
print(f"{'cached':<10}{cached:>10.0f} req/s  /  ({cached / static:.2f} of static, target >= 0.5)")
print(f"{'uncached':<10}{uncached:>10.0f} req/s  /  ({uncached / static:.3f} of static)")
PY
