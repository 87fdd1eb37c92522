"""The news feeds a page offers: <link rel="alternate"> in its head, and a visible "follow" line."""

from dataclasses import dataclass

from django import template

from pages.models import SiteSettings
from taxonomy.models import ReaderTopic

from ..addresses import news_index_for
from ..feeds import feed_title

register = template.Library()


@dataclass(frozen=True)
class NewsFeed:
    """One feed in both formats, with absolute addresses on the host being read."""

    title: str  # as feed readers list it: "News | Site", "ESSA · News | Site"
    topic: ReaderTopic | None
    rss_url: str
    atom_url: str


@register.simple_tag(takes_context=True)
def news_feeds(context):
    """The feeds of the site and language being read: all its news, then the page's topic if any.

    The topic is that of a topic page (`topic`) or of a news list filtered to
    one (`selected_topic`). Empty on a site with no live news index.
    """
    request = context.get("request")
    index = news_index_for(request) if request is not None else None
    if index is None:
        return []
    topics = [None]
    page_topic = context.get("topic") or context.get("selected_topic")
    if isinstance(page_topic, ReaderTopic):
        topics.append(page_topic)
    site_name = SiteSettings.for_request(request).display_name
    return [
        NewsFeed(
            title=feed_title(index, site_name, topic),
            topic=topic,
            rss_url=request.build_absolute_uri(index.feed_url("rss", topic, request)),
            atom_url=request.build_absolute_uri(index.feed_url("atom", topic, request)),
        )
        for topic in topics
    ]
