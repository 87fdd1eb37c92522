"""How render time and SQL queries grow with the number of articles: 10, 1,000, 10,000.

    .venv/bin/python tools/bench/article_scale.py   # minutes; rebuilds bench_alliance_scale
    SIZES=10,1000 RUNS=10 .venv/bin/python tools/bench/article_scale.py

Production settings with the page cache off, on a PostgreSQL database of its
own (BENCH_DATABASE_URL, default .../bench_alliance_scale: dropped and rebuilt
from the demo). For each size the Learning Alliance's news index is topped up
to that many live articles, then the home page, the news list, one article
and the busiest topic's page are each rendered RUNS times (default 20, after 5
warm-ups) through Django's test client: median CPU ms (this process), median
wall ms (with PostgreSQL's time) and the query count.

How 10,000 pages are made in seconds: Wagtail's `add_child` saves one page at a
time (a revision, a tree lock, search indexing), minutes for 10,000. Here one
demo article is the template; copies are built in memory, their treebeard
paths computed the way treebeard does (`Page._get_path(parent path, depth,
step)`: the parent's path plus the child's number in base 36, four characters),
then the `wagtailcore_page` rows are bulk-inserted (Django returns their ids on
PostgreSQL), the `articles_articlepage` rows inserted with `executemany` (Django's
`bulk_create` refuses multi-table models), the topic links bulk-created, and
the parent's `numchild` raised by the number added, then ANALYZE run
(without it PostgreSQL keeps planning for the demo's few pages and the
listings take 10-16 s at 10,000 articles). The copies are live,
English, with their own translation key, slug and url_path, and no revisions
or search-index entries (site search is not measured here). The script checks
the tree afterwards (treebeard's `find_problems`, and the child count).
"""

import datetime
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _bench import build_database, measure, production_environment  # noqa: E402

BATCH = 2000


def add_articles(news, template, count, topics):
    """`count` live copies of `template` under `news`, filed under `topics` in turn."""
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone

    from wagtail.models import Page

    from articles.models import ArticlePage

    through = ArticlePage.topics.through
    child_fields = [f for f in ArticlePage._meta.local_concrete_fields]
    table = ArticlePage._meta.db_table
    columns = ", ".join(connection.ops.quote_name(f.column) for f in child_fields)
    placeholders = ", ".join(["%s"] * len(child_fields))
    insert_child = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    last_child = news.get_last_child()
    step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    now = timezone.now()
    added = 0
    while added < count:
        batch = min(BATCH, count - added)
        articles = []
        for offset in range(batch):
            number = step + added + offset + 1
            slug = f"bench-article-{number}"
            article = ArticlePage(
                title=f"Benchmark article {number}",
                draft_title=f"Benchmark article {number}",
                slug=slug,
                url_path=f"{news.url_path}{slug}/",
                path=Page._get_path(news.path, news.depth + 1, number),
                depth=news.depth + 1,
                numchild=0,
                locale_id=news.locale_id,
                translation_key=uuid.uuid4(),
                content_type_id=template.content_type_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                publication_date=template.publication_date
                - datetime.timedelta(days=(number % 3650) + 1),
                summary=template.summary,
                body=template.body,
            )
            articles.append(article)
        with transaction.atomic():
            base_rows = Page.objects.bulk_create(
                [
                    Page(**{f.attname: getattr(a, f.attname) for f in Page._meta.concrete_fields})
                    for a in articles
                ]
            )
            for article, row in zip(articles, base_rows, strict=True):
                article.page_ptr_id = article.id = row.id
            with connection.cursor() as cursor:
                cursor.executemany(
                    insert_child,
                    [
                        [f.get_db_prep_save(f.pre_save(a, True), connection) for f in child_fields]
                        for a in articles
                    ],
                )
            through.objects.bulk_create(
                [
                    through(articlepage_id=a.id, topic_id=topics[i % len(topics)].id)
                    for i, a in enumerate(articles)
                ]
            )
            Page.objects.filter(pk=news.pk).update(numchild=F("numchild") + batch)
        added += batch
    news.refresh_from_db()
    # Fresh planner statistics, as autovacuum would have within a minute: right
    # after a bulk load PostgreSQL still plans for a handful of pages and the
    # listings take seconds (measured: 10-16 s at 10,000 articles).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main():
    production_environment(
        os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_alliance_scale"
        )
    )
    if "--reuse" not in sys.argv:
        build_database()
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from wagtail.models import Page, Site

    from articles.models import ArticlePage, NewsIndexPage

    sizes = [int(size) for size in os.environ.get("SIZES", "10,1000,10000").split(",")]
    runs = int(os.environ.get("RUNS", "20"))
    site = Site.objects.get(is_default_site=True)
    news = (
        NewsIndexPage.objects.descendant_of(site.root_page)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    template = ArticlePage.objects.child_of(news).live().order_by("path").first()
    topics = sorted(
        (topic.filed for topic in news.topics_in_use(None)),
        key=lambda topic: -news.get_articles().filter(topics=topic).count(),
    )[:2]
    host = site.hostname
    news_path = news.get_url_parts()[2]
    addresses = [
        ("home", "/"),
        ("news", news_path),
        ("article", template.get_url_parts()[2]),
        ("topic", news_path + news.reverse_subpage("topic", args=[topics[0].slug])),
    ]
    client = Client()
    print(f"Median of {runs} uncached renders, production settings, {host}")
    print(f"{'articles':>8}  {'page':<8} {'CPU ms':>7} {'wall ms':>8} {'queries':>8}  path")
    for size in sizes:
        existing = ArticlePage.objects.child_of(news).count()
        if size > existing:
            started = datetime.datetime.now()
            add_articles(news, template, size - existing, topics)
            seconds = (datetime.datetime.now() - started).total_seconds()
            print(f"  (added {size - existing} articles in {seconds:.1f} s)")
        for kind, path in addresses:
            cpu, wall, queries = measure(client, host, path, runs=runs)
            print(f"{size:>8,}  {kind:<8} {cpu:7.1f} {wall:8.1f} {queries:8d}  {path}")

    problems = [len(found) for found in Page.find_problems()]
    children = Page.objects.child_of(news).count()
    newest = ArticlePage.objects.child_of(news).order_by("-path").first()
    status = client.get(newest.get_url_parts()[2], HTTP_HOST=host).status_code
    print(
        f"\nTree check: treebeard problems {problems} (all 0 is healthy), "
        f"numchild {news.numchild} = children {children}, newest copy answers {status}"
    )


if __name__ == "__main__":
    main()
