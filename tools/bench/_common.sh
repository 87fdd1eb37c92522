# Shared set-up for the benchmark scripts: source it, never run it.
#
# Serves the demo content with the production settings under gunicorn
# (gunicorn.conf.py) on loopback, on a PostgreSQL database of the script's own
# that is dropped and rebuilt each run, and stops everything it started on exit.
#
#   BENCH_DATABASE_URL   the database to rebuild (default
#                        postgres://postgres@127.0.0.1:5432/bench_alliance);
#                        it is DROPPED first, so never point it at real data
#   BENCH_PORT           gunicorn's port (default: a free one)
#   BENCH_REDIS_DB       Redis database number on 127.0.0.1:6379 (default 7);
#                        keys carry a random prefix and are deleted on exit
#   KEEP=1               keep the work folder (logs) in /tmp
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/tools/bench"
PYTHON="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"
WORK="$(mktemp -d /tmp/alliance-bench.XXXXXX)"
BENCH_PIDS=()
BENCH_CLEANUPS=()

bench_cleanup() {
    local step pid
    for step in "${BENCH_CLEANUPS[@]}"; do eval "$step" || true; done
    for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -n "${KEEP:-}" ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap bench_cleanup EXIT

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Production settings, as a deployment would have them (docs/deployment.md),
# except plain HTTP on loopback.
export DJANGO_SETTINGS_MODULE=alliance_site.settings.production
DJANGO_SECRET_KEY="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1,.localhost"
export DJANGO_SECURE_SSL_REDIRECT=off
# Benchmarks send no mail; production refuses to start without saying so.
export DJANGO_EMAIL_DISABLED=true
export DJANGO_LOG_LEVEL=WARNING
export DJANGO_MEDIA_ROOT="$WORK/media"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bench_alliance}"
PORT="${BENCH_PORT:-$(free_port)}"
BASE="http://127.0.0.1:$PORT"

# The machine's Redis, in a database of our own and under a prefix no one else
# uses; only our own keys are deleted afterwards (never FLUSHALL/FLUSHDB).
use_redis() {
    export REDIS_URL="redis://127.0.0.1:6379/${BENCH_REDIS_DB:-7}"
    export DJANGO_CACHE_KEY_PREFIX="bench-$("$PYTHON" -c 'import secrets; print(secrets.token_hex(6))')"
    BENCH_CLEANUPS+=("forget_redis_keys")
}
forget_redis_keys() {
    "$PYTHON" - <<'PY'
import os

import redis

client = redis.Redis.from_url(os.environ["REDIS_URL"])
keys = list(client.scan_iter(match=f"*{os.environ['DJANGO_CACHE_KEY_PREFIX']}*", count=1000))
for start in range(0, len(keys), 500):
    client.delete(*keys[start : start + 500])
PY
}

# No page cache: every request renders.
no_page_cache() {
    unset REDIS_URL DJANGO_CACHE_KEY_PREFIX
    export DJANGO_CONTENT_CACHE=off
}

# Drop and recreate the database named by DATABASE_URL, migrate, load the
# demo and collect static files (tools/bench/_bench.py, shared with the Python scripts).
build_database() {
    "$PYTHON" "$BENCH/_bench.py" build
}

# gunicorn with the project's gunicorn.conf.py on loopback; its log is $WORK/gunicorn.log.
start_gunicorn() {
    (cd "$ROOT" && exec "$GUNICORN" -c gunicorn.conf.py alliance_site.wsgi \
        --bind "127.0.0.1:$PORT" "$@") >"$WORK/gunicorn.log" 2>&1 &
    GUNICORN_PID=$!
    BENCH_PIDS+=("$GUNICORN_PID")
    for _ in $(seq 1 120); do
        if curl -sf -o /dev/null "$BASE/healthz/"; then return 0; fi
        if ! kill -0 "$GUNICORN_PID" 2>/dev/null; then
            cat "$WORK/gunicorn.log" >&2
            echo "gunicorn did not start" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "gunicorn did not answer within 60 s" >&2
    return 1
}

need_wrk() {
    command -v wrk >/dev/null && return 0
    echo "Installing wrk with apt..." >&2
    apt-get install -y wrk >/dev/null 2>&1 ||
        { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null; }
}

# The sample addresses, one "label host path" line each (tools/bench/_pages.py).
sample_pages() {
    (cd "$ROOT" && "$PYTHON" "$BENCH/_pages.py" "$@")
}

# The first static CSS file the home page links to (served by WhiteNoise).
static_css_path() {
    curl -s "$BASE/" | grep -o '/static/[^"]*\.css' | head -n 1
}

# req/s from wrk's output on stdin.
wrk_rate() {
    awk '/Requests\/sec/ {print $2}'
}
