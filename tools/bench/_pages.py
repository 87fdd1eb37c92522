"""The pages the benchmarks measure: one of each type on each site, found in the database.

    python tools/bench/_pages.py [kind ...]    # prints "site kind host path" lines

Run from the project folder with DJANGO_SETTINGS_MODULE and DATABASE_URL set
(tools/bench/_common.sh does both). A site without a page of some type (the demo's
NewMexicoKidsCAN has no articles or stories) simply has no line for it.
"""

import os
import sys

KINDS = (
    "home",
    "news",
    "article",
    "topic",
    "story",
    "event",
    "report",
    "issue",
    "actions",
    "action",
    "bills",
    "bill",
)


def setup_django():
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    import django

    django.setup()


def sample_pages(kinds=KINDS):
    """[(site label, kind, host, path)], in site then KINDS order, English pages only."""
    from django.conf import settings

    from wagtail.models import Site

    from articles.models import ArticlePage, NewsIndexPage
    from campaigns.models import ActionIndexPage, ActionPage
    from events.models import EventPage
    from issues.models import IssuePage
    from legislation.models import BillIndexPage, BillPage
    from reports.models import ReportPage
    from stories.models import StoryPage

    def first(model, root):
        return (
            model.objects.live()
            .public()
            .descendant_of(root)
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("path")
            .first()
        )

    def path_of(page):
        return page.get_url_parts()[2]

    samples = []
    for site in Site.objects.order_by("-is_default_site", "hostname"):
        root = site.root_page
        label = site.site_name or site.hostname
        found = {"home": "/"}
        news = first(NewsIndexPage, root)
        if news:
            found["news"] = path_of(news)
            topics = [topic.filed for topic in news.topics_in_use(None)]
            busiest = max(
                topics,
                key=lambda topic: news.get_articles().filter(topics=topic).count(),
                default=None,
            )
            if busiest:
                found["topic"] = path_of(news) + news.reverse_subpage("topic", args=[busiest.slug])
        for kind, model in (
            ("article", ArticlePage),
            ("story", StoryPage),
            ("event", EventPage),
            ("report", ReportPage),
            ("issue", IssuePage),
            ("actions", ActionIndexPage),
            ("action", ActionPage),
            ("bills", BillIndexPage),
            ("bill", BillPage),
        ):
            page = first(model, root)
            if page:
                found[kind] = path_of(page)
        samples += [(label, kind, site.hostname, found[kind]) for kind in kinds if kind in found]
    return samples


if __name__ == "__main__":
    setup_django()
    for label, kind, host, path in sample_pages(sys.argv[1:] or KINDS):
        print(label.replace(" ", "_"), kind, host, path)
