"""SQL queries per page type, on both demo sites and in both languages.

    .venv/bin/python tools/bench/queries.py

Prints, for the home page, the news index, an article, a story, a topic
page and the take-action and bill-tracker pages of each demo site in
English and Spanish:

- miss: a page-cache miss with the parts every page of the site shares
  (menu, footer, logo, home and news addresses) already in the content cache
  and the page's image renditions made, which is what a visitor meets after
  a publish in production (the budget tests/test_query_budget.py enforces);
- cold: content caching off and every cache empty, the first request after
  a restart without Redis.

Against DATABASE_URL when it is set; otherwise against a scratch SQLite
demo database it builds (migrate + load_demo_content) in /tmp, reused on
the next run (delete the file to rebuild it).
"""

import os
import sys
from io import StringIO

SCRATCH_DATABASE = "/tmp/alliance-bench-queries.sqlite3"
BUDGET = 12  # per page on a miss, as tests/test_query_budget.py holds it
SITES = (("Learning Alliance", "localhost"), ("KidsCAN", "kidscan.localhost"))
LANGUAGES = ("en", "es")
KINDS = (
    "home",
    "news index",
    "article",
    "story",
    "topic",
    "take-action index",
    "take action",
    "bill tracker",
    "bill",
)


def setup():
    """Django on the database to measure; True if it was built just now."""
    project = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.path.insert(0, project)
    os.chdir(project)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings.dev")
    scratch = "DATABASE_URL" not in os.environ
    if scratch:
        os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH_DATABASE}"
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)  # request and loader log lines would bury the table
    if scratch and not _has_demo():
        from django.core.management import call_command

        print(f"Building the demo database in {SCRATCH_DATABASE} (once)...", file=sys.stderr)
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", stdout=StringIO())
        return True
    return False


def _has_demo():
    from django.db import connection
    from django.db.utils import OperationalError

    try:
        from wagtail.models import Site

        return Site.objects.filter(hostname="kidscan.localhost").exists()
    except OperationalError:
        connection.close()
        return False


def clear_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def count(client, host, path, before=()):
    """Queries of one GET of `path`, after the GETs in `before`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for warm_path, params in before:
        client.get(warm_path, params, HTTP_HOST=host)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    return len(queries)


def measure():
    from django.test import Client, override_settings
    from django.utils import translation

    from demo.page_types import advocacy_page_of_each_type, page_of_each_type

    client = Client()
    rows = []
    for site_label, host in SITES:
        for language_code in LANGUAGES:
            with translation.override(language_code):
                pages = page_of_each_type(host, language_code)
                pages.update(advocacy_page_of_each_type(host, language_code))
            for kind in KINDS:
                path = pages.get(kind)
                if path is None:
                    rows.append((site_label, language_code, kind, "(none)", "-", "-"))
                    continue
                other = pages["news index"] if kind == "home" else pages["home"]
                with override_settings(CONTENT_CACHE_ENABLED=True):
                    clear_caches()
                    # Shared parts from another page; renditions from a copy the
                    # page cache keys apart; then the page itself is a miss.
                    miss = count(client, host, path, [(other, {}), (path, {"renditions": "made"})])
                with override_settings(CONTENT_CACHE_ENABLED=False):
                    clear_caches()
                    cold = count(client, host, path)
                rows.append((site_label, language_code, kind, path, miss, cold))
    return rows


def main():
    if setup():
        # A new database's first visits save their pictures' first renditions
        # and file details, which retires the content cache mid-measurement:
        # one pass makes them all, as a site that has been visited has them.
        measure()
    rows = measure()
    header = ("site", "lang", "page", "path", "miss", "cold")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    print(line.format(*header))
    for row in rows:
        print(line.format(*(str(cell) for cell in row)))
    over = [row for row in rows if isinstance(row[4], int) and row[4] > BUDGET]
    print(f"\nmiss: page-cache miss, shared parts cached (budget {BUDGET}); over: {len(over)}")


if __name__ == "__main__":
    main()
