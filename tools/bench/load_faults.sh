#!/usr/bin/env bash
# Under load, break a dependency: the site must fail only as long as it has to,
# lose no worker and no data, and its probes must keep answering.
#
#   tools/bench/load_faults.sh                       # 60 s of load, PostgreSQL restarted 20 s in, 5 s down
#   DURATION=30 RESTART_AT=10 DOWN=3 tools/bench/load_faults.sh
#   PAGE_CACHE=on tools/bench/load_faults.sh         # the same with the page cache in Redis
#   FAULT=hung-redis tools/bench/load_faults.sh      # 60 s of load on a Redis that never answers
#   GUNICORN_ARGS="--worker-class sync --threads 1" FAULT=hung-redis tools/bench/load_faults.sh
#
# The database is a private PostgreSQL 15 cluster this script creates (initdb +
# pg_ctl as the postgres user, loopback, a free port, a temp folder) and
# removes: the machine's own PostgreSQL is never touched. gunicorn serves it as
# in production (gunicorn.conf.py, its default workers and threads; extra
# options in GUNICORN_ARGS). wrk (64 connections) cycles through one page of
# each type on both sites (tools/bench/_pages.py) and counts responses per
# second and status (a Lua script). Each request comes on a new connection,
# as the proxy (tools/deploy/nginx.conf, no upstream keep-alive) sends them,
# so requests spread over the workers as in production instead of each
# worker keeping the connections it happened to accept first. Meanwhile a
# loop asks /healthz/ and /readyz/ in turn every 0.25 s, as an orchestrator
# and a load balancer would, and times each answer (curl gives up after 5 s).
#
# FAULT=postgres-restart (the default): by default with the page cache off,
# so every request needs the database; with PAGE_CACHE=on the cache is in the
# machine's Redis, as production runs, and cached pages keep being served while
# the database is down. At RESTART_AT s: `pg_ctl stop -m fast`, DOWN s of
# outage, `pg_ctl start`.
#
# FAULT=hung-redis: REDIS_URL points at a tiny server of this script's own on
# a free port that accepts connections and reads, and never answers, for the
# whole run (the page cache on, as production has it with Redis). Each worker
# process should pay one REDIS_TIMEOUT, log one warning, and then serve pages
# uncached (caching/circuit_breaker.py), trying Redis again every
# DJANGO_CACHE_RETRY_SECONDS.
source "$(dirname "$0")/_common.sh"

FAULT="${FAULT:-postgres-restart}"
DURATION="${DURATION:-60}"
RESTART_AT="${RESTART_AT:-20}"
DOWN="${DOWN:-5}"
CONNECTIONS="${CONNECTIONS:-64}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${BENCH_PG_PORT:-$(free_port)}"
case "$FAULT" in
    postgres-restart | hung-redis) ;;
    *) echo "FAULT must be postgres-restart or hung-redis, not $FAULT" >&2; exit 2 ;;
esac
read -ra GUNICORN_EXTRA <<<"${GUNICORN_ARGS:-}"

need_wrk
if [[ "$FAULT" == "postgres-restart" && "${PAGE_CACHE:-off}" == "on" ]]; then
    use_redis
else
    no_page_cache
fi

# The private cluster, owned by the postgres user, in a folder it can write.
PG_WORK="$(mktemp -d /tmp/alliance-bench-pg.XXXXXX)"
chown postgres "$PG_WORK"
pg() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/postgres.log" "$@"; }
BENCH_CLEANUPS+=("pg stop -m immediate >/dev/null 2>&1; rm -rf '$PG_WORK'")
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_WORK/data" -U postgres --auth=trust >/dev/null
pg -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1" -w start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench_faults"

build_database
# One page of each type on each site (read before any fault is set up).
sample_pages >"$WORK/pages.txt"

if [[ "$FAULT" == "hung-redis" ]]; then
    # Accepts every connection and reads what it is sent, and never answers;
    # prints a line per connection, each one a cache call that waited for
    # its whole REDIS_TIMEOUT.
    cat >"$WORK/hung_redis.py" <<'PY'
import socket
import sys
import threading

server = socket.create_server(("127.0.0.1", int(sys.argv[1])), backlog=1024)


def drain(connection):
    with connection:
        while connection.recv(65536):
            pass


while True:
    connection, _ = server.accept()
    print("accepted", flush=True)
    threading.Thread(target=drain, args=(connection,), daemon=True).start()
PY
    HUNG_REDIS_PORT="$(free_port)"
    "$PYTHON" "$WORK/hung_redis.py" "$HUNG_REDIS_PORT" >"$WORK/hung_redis.log" 2>&1 &
    BENCH_PIDS+=($!)
    export REDIS_URL="redis://127.0.0.1:$HUNG_REDIS_PORT/0"
    export DJANGO_CACHE_KEY_PREFIX="bench-hung-redis"
    export DJANGO_CONTENT_CACHE=on
fi

# gunicorn's INFO lines say when a worker boots, exits or times out.
export DJANGO_LOG_LEVEL=INFO
start_gunicorn "${GUNICORN_EXTRA[@]}"

row_counts() {
    "$PYTHON" - <<'PY'
import os

import psycopg

tables = ("wagtailcore_page", "wagtailcore_revision", "articles_articlepage", "articles_topic")
with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
    print(" ".join(f"{t}={connection.execute(f'SELECT count(*) FROM {t}').fetchone()[0]}" for t in tables))
PY
}
rows_before="$(row_counts)"

# Every sample page once, so the run measures the fault, not each picture's
# first rendition being made by a dozen threads at once.
while read -r _label _kind host path; do
    curl -s -o /dev/null -m 60 -H "Host: $host" "$BASE$path" || true
done <"$WORK/pages.txt"

# One page of each type on each site, in turn; responses counted per second and status.
{
    echo 'local pages = {'
    while read -r _label _kind host path; do echo "  {\"$host\", \"$path\"},"; done <"$WORK/pages.txt"
    cat <<'LUA'
}
local threads = {}
local next_page = 0
counts = {}

function setup(thread)
    table.insert(threads, thread)
end

function request()
    next_page = next_page % #pages + 1
    local page = pages[next_page]
    return wrk.format("GET", page[2], {["Host"] = page[1], ["Connection"] = "close"})
end

function response(status, headers, body)
    local key = os.time() .. " " .. status
    counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
    for _, thread in ipairs(threads) do
        for key, count in pairs(thread:get("counts")) do
            io.write("BUCKET ", key, " ", count, "\n")
        end
    end
end
LUA
} >"$WORK/mix.lua"

# "<sent at> <path> <status> <seconds> <first words of the body>" per probe;
# status 000 is curl giving up after 5 s.
poll_probes() {
    local path sent result
    while true; do
        for path in /healthz/ /readyz/; do
            rm -f "$WORK/probe_body"
            sent="$(date +%s.%N)"
            result="$(curl -s -o "$WORK/probe_body" -m 5 -w '%{http_code} %{time_total}' "$BASE$path" || true)"
            echo "$sent $path $result $(head -c 60 "$WORK/probe_body" 2>/dev/null | tr -s ' \n' '__')"
            sleep 0.25
        done
    done
}
poll_probes >"$WORK/probes.log" &
POLL_PID=$!
BENCH_PIDS+=("$POLL_PID")

if [[ "$FAULT" == "hung-redis" ]]; then
    echo "wrk: $CONNECTIONS connections for ${DURATION}s over $(wc -l <"$WORK/pages.txt") pages;" \
        "Redis (port $HUNG_REDIS_PORT) accepts connections and never answers"
else
    echo "wrk: $CONNECTIONS connections for ${DURATION}s over $(wc -l <"$WORK/pages.txt") pages;" \
        "PostgreSQL (port $PG_PORT) restarts at ${RESTART_AT}s, down ${DOWN}s"
fi
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$WORK/mix.lua" "$BASE/" \
    >"$WORK/wrk.txt" &
WRK_PID=$!
BENCH_PIDS+=("$WRK_PID")
workers_before="$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')"
if [[ "$FAULT" == "postgres-restart" ]]; then
    sleep "$RESTART_AT"
    workers_before="$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')"
    echo "$(date +%s.%N)" >"$WORK/stopped_at"
    pg stop -m fast -w >/dev/null
    sleep "$DOWN"
    echo "$(date +%s.%N)" >"$WORK/starting_at"
    pg -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1" -w start >/dev/null
    echo "$(date +%s.%N)" >"$WORK/started_at"
fi
wait "$WRK_PID"
kill "$POLL_PID" 2>/dev/null || true
sleep 1

rows_after="$(row_counts)"
workers_after="$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')"

echo
grep -v '^BUCKET' "$WORK/wrk.txt"
"$PYTHON" - "$WORK" "$FAULT" "$rows_before" "$rows_after" "$workers_before" "$workers_after" <<'PY'
import json
import math
import sys
from collections import Counter
from pathlib import Path

work = Path(sys.argv[1])
fault = sys.argv[2]
rows_before, rows_after, workers_before, workers_after = sys.argv[3:]

buckets = []  # (second, status, count)
for line in (work / "wrk.txt").read_text().splitlines():
    if line.startswith("BUCKET "):
        _, second, status, count = line.split()
        buckets.append((int(second), status, int(count)))
total = sum(count for _, _, count in buckets)
statuses = Counter()
for _, status, count in buckets:
    statuses[status] += count
failed = sum(count for status, count in statuses.items() if not status.startswith(("2", "3")))
print(f"\nResponses counted: {total}, by status {dict(sorted(statuses.items()))}; failed: {failed}")

probes = []  # (sent at, path, status, seconds, body)
for line in (work / "probes.log").read_text().splitlines():
    parts = line.split(maxsplit=4)
    if len(parts) >= 4:
        probes.append((float(parts[0]), parts[1], parts[2], float(parts[3]), parts[4] if len(parts) > 4 else ""))


def nearest_rank(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


print("Probes during the load (one every 0.25 s, alternating; 000 = no answer within 5 s):")
for path in ("/healthz/", "/readyz/"):
    mine = [probe for probe in probes if probe[1] == path]
    if not mine:
        continue
    # A probe that got no answer counts as its full 5 s.
    seconds = [5.0 if status == "000" else taken for _, _, status, taken, _ in mine]
    slow = sum(1 for value in seconds if value > 1.0)
    codes = Counter(status for _, _, status, _, _ in mine)
    bodies = Counter(body.replace("_", " ") for _, _, status, _, body in mine if status == "200")
    print(f"  {path:10} {len(mine)} probes: p50 {nearest_rank(seconds, 0.5) * 1000:.0f} ms, "
          f"p99 {nearest_rank(seconds, 0.99) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms; "
          f"over 1 s: {slow} ({100 * slow / len(mine):.1f} %); statuses {dict(codes)}")
    if path == "/readyz/":
        print(f"             answers: {dict(bodies)}")

if fault == "postgres-restart":
    stopped = float((work / "stopped_at").read_text())
    starting = float((work / "starting_at").read_text())
    started = float((work / "started_at").read_text())
    polls = [(when, status) for when, path, status, _, _ in probes if path == "/readyz/"]
    print(f"\nTimes from the stop: PostgreSQL stopped at +0.0 s, start began "
          f"+{starting - stopped:.1f} s, accepting again +{started - stopped:.1f} s")
    early = Counter(code for when, code in polls if when < stopped and code != "200")
    if early:
        print(f"/readyz/ before the stop, not 200: {dict(early)}")
    not_ready = [(when, code) for when, code in polls if when >= stopped and code != "200"]
    back = None
    if not_ready:
        first_bad = not_ready[0][0]
        back = next((when for when, code in polls if when > first_bad and code == "200"), None)
        print(f"/readyz/ after the stop: not ready from +{first_bad - stopped:.1f} s "
              f"({dict(Counter(code for _, code in not_ready))}), "
              + (f"ready again at +{back - stopped:.1f} s" if back else "NEVER ready again"))
    else:
        print("/readyz/ never answered anything but 200 after the stop")

    # The outage, to wrk's one-second resolution: from the stop to readiness back.
    window_start = int(stopped)
    window_end = int(back if back else started) + 1
    inside, outside = Counter(), Counter()
    for second, status, count in buckets:
        if not status.startswith(("2", "3")):
            (inside if window_start <= second <= window_end else outside)[status] += count
    print(f"Failed inside the outage window [+0..+{window_end - int(stopped)} s]: "
          f"{sum(inside.values())} {dict(inside)}; outside it: {sum(outside.values())} {dict(outside)}")
else:
    attempts = (work / "hung_redis.log").read_text().count("accepted")
    print(f"Connections to the hung Redis (each a cache call that waited for REDIS_TIMEOUT): {attempts}")

log_text = (work / "gunicorn.log").read_text()
events, warnings = Counter(), Counter()
for line in log_text.splitlines():
    try:
        entry = json.loads(line)
    except ValueError:
        entry = {"message": line, "level": "", "logger": ""}
    message = entry.get("message", "")
    if entry.get("level") in ("WARNING", "ERROR", "CRITICAL"):
        warnings[f"{entry['level']} {entry.get('logger')}: {message[:70]}"] += 1
    for marker in ("Booting worker", "Worker exiting", "WORKER TIMEOUT", "was sent SIGKILL",
                   "exited with code", "Autorestarting worker"):
        if marker in message:
            events[marker] += 1
died = events["WORKER TIMEOUT"] + events["was sent SIGKILL"] + events["exited with code"]
recycled = events["Autorestarting worker"]
print(f"gunicorn workers before: {workers_before.strip()}; after: {workers_after.strip()}")
print(f"gunicorn log: {dict(events) or 'no worker events'}; workers that died: {died} "
      f"(recycled after max_requests: {recycled})")
print(f"Log: {len(log_text.encode()) // 1024} KB, {sum(warnings.values())} lines at WARNING or above"
      + "".join(f"\n  {count} x {line}" for line, count in warnings.most_common(8)))
print(f"Rows before: {rows_before}\nRows after:  {rows_after}\n"
      + ("No data lost." if rows_before == rows_after else "ROW COUNTS DIFFER"))
PY
