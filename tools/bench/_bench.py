"""Shared set-up for the Python benchmarks, and the database builder tools/bench/_common.sh calls.

    python tools/bench/_bench.py build     # drop, recreate, migrate, load the demo, collectstatic

Settings are the production ones (alliance_site.settings.production) with a
throwaway secret, loopback hosts and no HTTPS redirect, on the PostgreSQL
database named by DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_alliance),
which is DROPPED and rebuilt: never point it at real data.
"""

import os
import secrets
import statistics
import sys
import time
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_alliance"


def production_environment(database_url=None, page_cache=False):
    """Environment for production settings on loopback; call before Django is imported."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "alliance_site.settings.production"
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(64))
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,.localhost")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "off")
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
    # Benchmarks send no mail; production refuses to start without saying so.
    os.environ.setdefault("DJANGO_EMAIL_DISABLED", "true")
    os.environ["DATABASE_URL"] = (
        database_url or os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL
    )
    if not page_cache:
        # Every request renders: no Redis, and the page cache is off.
        os.environ.pop("REDIS_URL", None)
        os.environ["DJANGO_CONTENT_CACHE"] = "off"
    if not os.environ.get("DJANGO_MEDIA_ROOT"):
        # Beside the database it belongs to, so --reuse finds the demo's images.
        name = urlsplit(os.environ["DATABASE_URL"]).path.strip("/")
        os.environ["DJANGO_MEDIA_ROOT"] = f"/tmp/alliance-{name}-media"
    sys.path.insert(0, ROOT)
    os.chdir(ROOT)


def recreate_database():
    import psycopg

    url = urlsplit(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def build_database():
    """A fresh database with the demo content, and collected static files (the manifest)."""
    print(f"Building the demo database ({os.environ['DATABASE_URL']})...", file=sys.stderr)
    recreate_database()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    call_command("collectstatic", interactive=False, verbosity=0)


def measure(client, host, path, runs=50, warmup=5):
    """Median CPU ms, median wall ms and the query count of GET host/path, uncached.

    Each request carries a query string of its own (`?run=N`, which no page
    reads), so with the page cache on every one is a miss: the page is
    rendered, as it is after a publish.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    runs_so_far = iter(range(10**9))

    def get():
        return client.get(path, {"run": next(runs_so_far)}, HTTP_HOST=host)

    for _ in range(warmup):
        response = get()
        if response.status_code != 200:
            raise SystemExit(f"{host}{path} answered {response.status_code}")
    cpu, wall = [], []
    for _ in range(runs):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        response = get()
        cpu.append((time.process_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - wall_start) * 1000)
        assert response.get("X-Page-Cache") != "hit"
    with CaptureQueriesContext(connection) as queries:
        get()
    return statistics.median(cpu), statistics.median(wall), len(queries.captured_queries)


if __name__ == "__main__":
    if sys.argv[1:] != ["build"]:
        raise SystemExit(__doc__)
    production_environment(os.environ.get("DATABASE_URL"), page_cache=True)
    build_database()
