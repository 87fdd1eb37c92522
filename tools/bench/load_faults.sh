#!/usr/bin/env bash
# Under load, restart PostgreSQL: the site must fail only while it is down, lose
# no worker and no data, and /readyz/ must say so and recover by itself.
#
#   tools/bench/load_faults.sh                       # 60 s of load, restart 20 s in, 5 s down
#   DURATION=30 RESTART_AT=10 DOWN=3 tools/bench/load_faults.sh
#   PAGE_CACHE=on tools/bench/load_faults.sh         # the same with the page cache in Redis
#
# The database is a private PostgreSQL 15 cluster this script creates (initdb +
# pg_ctl as the postgres user, loopback, a free port, a temp folder) and
# removes: the machine's own PostgreSQL is never touched. gunicorn serves it as
# in production (gunicorn.conf.py, its default workers), by default with the
# page cache off so every request needs the database; with PAGE_CACHE=on the
# cache is in the machine's Redis, as production runs, and cached pages keep
# being served while the database is down. wrk (64 connections) cycles through
# one page of each type on both sites (tools/bench/_pages.py) and counts responses
# per second and status (a Lua script); a loop asks /readyz/ every 0.5 s.
# At RESTART_AT s: `pg_ctl stop -m fast`, DOWN s of outage, `pg_ctl start`.
source "$(dirname "$0")/_common.sh"

DURATION="${DURATION:-60}"
RESTART_AT="${RESTART_AT:-20}"
DOWN="${DOWN:-5}"
CONNECTIONS="${CONNECTIONS:-64}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${BENCH_PG_PORT:-$(free_port)}"

need_wrk
if [[ "${PAGE_CACHE:-off}" == "on" ]]; then use_redis; else no_page_cache; fi

# The private cluster, owned by the postgres user, in a folder it can write.
PG_WORK="$(mktemp -d /tmp/alliance-bench-pg.XXXXXX)"
chown postgres "$PG_WORK"
pg() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/postgres.log" "$@"; }
BENCH_CLEANUPS+=("pg stop -m immediate >/dev/null 2>&1; rm -rf '$PG_WORK'")
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_WORK/data" -U postgres --auth=trust >/dev/null
pg -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1" -w start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench_faults"

build_database
# gunicorn's INFO lines say when a worker boots, exits or times out.
export DJANGO_LOG_LEVEL=INFO
start_gunicorn

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

# One page of each type on each site, in turn; responses counted per second and status.
sample_pages >"$WORK/pages.txt"
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
    return wrk.format("GET", page[2], {["Host"] = page[1]})
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

poll_readiness() {
    while true; do
        code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$BASE/readyz/" || true)"
        echo "$(date +%s.%N) $code"
        sleep 0.5
    done
}
poll_readiness >"$WORK/readyz.log" &
BENCH_PIDS+=($!)

echo "wrk: $CONNECTIONS connections for ${DURATION}s over $(wc -l <"$WORK/pages.txt") pages;" \
    "PostgreSQL (port $PG_PORT) restarts at ${RESTART_AT}s, down ${DOWN}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/mix.lua" "$BASE/" >"$WORK/wrk.txt" &
WRK_PID=$!
BENCH_PIDS+=("$WRK_PID")
sleep "$RESTART_AT"
workers_before="$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')"
echo "$(date +%s.%N)" >"$WORK/stopped_at"
pg stop -m fast -w >/dev/null
sleep "$DOWN"
echo "$(date +%s.%N)" >"$WORK/starting_at"
pg -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1" -w start >/dev/null
echo "$(date +%s.%N)" >"$WORK/started_at"
wait "$WRK_PID"
sleep 1

rows_after="$(row_counts)"
workers_after="$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')"

echo
grep -v '^BUCKET' "$WORK/wrk.txt"
"$PYTHON" - "$WORK" "$rows_before" "$rows_after" "$workers_before" "$workers_after" <<'PY'
import json
import sys
from collections import Counter
from pathlib import Path

work = Path(sys.argv[1])
rows_before, rows_after, workers_before, workers_after = sys.argv[2:]
stopped = float((work / "stopped_at").read_text())
starting = float((work / "starting_at").read_text())
started = float((work / "started_at").read_text())

polls = [line.split() for line in (work / "readyz.log").read_text().splitlines() if line.strip()]
polls = [(float(when), code) for when, code in polls]
print(f"\nTimes from the stop: PostgreSQL stopped at +0.0 s, start began "
      f"+{starting - stopped:.1f} s, accepting again +{started - stopped:.1f} s")
early = Counter(code for when, code in polls if when < stopped and code != "200")
if early:
    # 000 is curl giving up after 2 s: the probe queued behind the load, as
    # a load balancer's would with every worker busy.
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
total = 0
for line in (work / "wrk.txt").read_text().splitlines():
    if line.startswith("BUCKET "):
        _, second, status, count = line.split()
        total += int(count)
        if not status.startswith(("2", "3")):
            (inside if window_start <= int(second) <= window_end else outside)[status] += int(count)
print(f"Responses counted: {total}; failed inside the outage window "
      f"[+0..+{window_end - int(stopped)} s]: {sum(inside.values())} {dict(inside)}; "
      f"outside it: {sum(outside.values())} {dict(outside)}")

log_lines = (work / "gunicorn.log").read_text().splitlines()
events = Counter()
for line in log_lines:
    try:
        message = json.loads(line).get("message", "")
    except ValueError:
        message = line
    for marker in ("Booting worker", "Worker exiting", "WORKER TIMEOUT", "was sent SIGKILL",
                   "exited with code", "Autorestarting worker"):
        if marker in message:
            events[marker] += 1
died = events["WORKER TIMEOUT"] + events["was sent SIGKILL"] + events["exited with code"]
recycled = events["Autorestarting worker"]
print(f"gunicorn workers before: {workers_before.strip()}; after: {workers_after.strip()}")
print(f"gunicorn log: {dict(events) or 'no worker events'}; workers that died: {died} "
      f"(recycled after max_requests: {recycled})")
print(f"Rows before: {rows_before}\nRows after:  {rows_after}\n"
      + ("No data lost." if rows_before == rows_after else "ROW COUNTS DIFFER"))
PY
