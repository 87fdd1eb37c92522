"""CPU time to render each page type, uncached, through Django's test client.

    .venv/bin/python tools/bench/render_cpu.py            # rebuilds the bench database first
    .venv/bin/python tools/bench/render_cpu.py --reuse    # uses it as it is
    RUNS=100 .venv/bin/python tools/bench/render_cpu.py

Production settings on a PostgreSQL database of its own (tools/bench/_bench.py;
BENCH_DATABASE_URL overrides it; it is dropped and rebuilt). Every request
renders the page; two ways:

- "miss": a page-cache miss as production has it after a publish: content
  caching on (in this process's memory instead of Redis), the parts every
  page of a site shares (menu, footer, site and home page, pictures' markup)
  already cached, the page itself rendered. The < 15 ms target is for this.
- "cold": content caching off entirely: nothing cached but Wagtail's renditions.

For each page type on each site it prints the median CPU time
(time.process_time: this process only, so PostgreSQL's own work is not in
it), the median wall time and the number of SQL queries, after 5 warm-up
requests.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _bench import build_database, measure, production_environment  # noqa: E402

HOME_CPU_TARGET_MS = 15


def main():
    production_environment()
    if "--reuse" not in sys.argv:
        build_database()
    import django

    django.setup()
    from django.test import Client, override_settings

    from _pages import sample_pages

    runs = int(os.environ.get("RUNS", "50"))
    client = Client()
    print(f"Median of {runs} renders per page, production settings\n")
    print(
        f"{'site':<34} {'page':<8} {'miss CPU':>8} {'wall':>6} {'queries':>7}"
        f" {'cold CPU':>8} {'wall':>6} {'queries':>7}  path"
    )
    worst_home = 0.0
    for label, kind, host, path in sample_pages():
        with override_settings(CONTENT_CACHE_ENABLED=True):
            cpu, wall, queries = measure(client, host, path, runs=runs)
        with override_settings(CONTENT_CACHE_ENABLED=False):
            cold_cpu, cold_wall, cold_queries = measure(client, host, path, runs=runs)
        if kind == "home":
            worst_home = max(worst_home, cpu)
        print(
            f"{label:<34} {kind:<8} {cpu:8.1f} {wall:6.1f} {queries:7d}"
            f" {cold_cpu:8.1f} {cold_wall:6.1f} {cold_queries:7d}  {host}{path}"
        )
    verdict = "meets" if worst_home < HOME_CPU_TARGET_MS else "MISSES"
    print(
        f"\nSlowest home page on a miss: {worst_home:.1f} ms CPU, "
        f"{verdict} the < {HOME_CPU_TARGET_MS} ms target"
    )


if __name__ == "__main__":
    main()
