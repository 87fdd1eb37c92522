"""What every feed of the sites shares: plain-text Atom summaries, dates, hosts, the response.

The news feeds (articles/feeds.py) and the bill tracker's (legislation/feeds.py)
are built with Django's feedgenerator for a page a route has already found.
"""

import datetime
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import feedgenerator, timezone, translation


class PlainTextAtomFeed(feedgenerator.Atom1Feed):
    """Atom whose summaries say they are plain text (feedgenerator's say HTML)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        handler.addQuickElement("summary", item["description"], {"type": "text"})


def written_feed(language, build):
    """The feed `build()` makes, as an HTTP response, its words in `language`.

    A feed follows its page's language, even where a site with no Spanish
    home serves an English page under /es/.
    """
    with translation.override(language):
        feed = build()
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response


def noon_in_new_mexico(date):
    """A date with no time of day, as a moment: the same calendar day from Hawaii to Europe."""
    return datetime.datetime.combine(
        date, datetime.time(12), tzinfo=timezone.get_default_timezone()
    )


def request_host(request):
    """The host name the request came in on, for ids that name their site (tag URIs, UIDs)."""
    return urlsplit(request.build_absolute_uri("/")).hostname
