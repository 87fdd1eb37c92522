"""News feeds (RSS 2.0 and Atom) for each news index, per language and per topic.

Built with Django's feedgenerator directly: the news index's routes have
already found the index and the topic, which the syndication framework's
Feed views would look up again from URL arguments.

What a subscriber notices:

- Every address is absolute on the host the request came in on, so each
  site (and a development port) links to itself.
- A Spanish index's feed lists only pages with their own Spanish text. An
  untranslated twin shows the English page, which the English feed already
  carries (the sitemap leaves twins out for the same reason); once it is
  translated it appears as a new item, in Spanish.
- An article's publication date has no time of day. Items are dated at noon
  in New Mexico (the site's time zone), which is the same calendar day for
  readers from Hawaii to central Europe; midnight would show Pacific readers
  the day before.
- Item ids are tag URIs made of the host, the day the page was first
  published and the page's id, so correcting a slug or a date does not make
  feed readers show the article again as new.
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.utils import feedgenerator, timezone
from django.utils.html import escape

from wagtail_localize.models import StringTranslation, Translation

from localization.translations import in_reader_language
from pages.feeds import PlainTextAtomFeed, noon_in_new_mexico, request_host, written_feed
from pages.models import SiteSettings

# Enough for a reader catching up after a few weeks, small enough to poll often.
FEED_LENGTH = 20
# The picture a shared link shows (og:image), so one rendition serves both.
ENCLOSURE_FILTER = "fill-1200x630|format-jpeg"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class NewsRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 that names every author and keeps plain-text summaries plain.

    Readers render an RSS description as HTML, so plain text is escaped as
    HTML first: "<script>" in a summary is shown as written, not run or dropped.
    """

    def __init__(self, title, link, description, **kwargs):
        super().__init__(title, link, escape(description), **kwargs)

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": escape(item["description"])})
        # RSS's own <author> needs an e-mail address; Dublin Core takes a name, once per author.
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)


class NewsAtomFeed(PlainTextAtomFeed):
    """Atom that names every author and says its summaries are plain text."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


FEED_CLASSES = {"rss": NewsRssFeed, "atom": NewsAtomFeed}


def feed_response(request, news_index, feed_format, topic=None):
    """The newest articles of `news_index` as RSS or Atom; only `topic`'s (a ReaderTopic) if set."""
    language = news_index.locale.language_code
    return written_feed(
        language, lambda: build_feed(request, news_index, feed_format, topic, language)
    )


def feed_title(news_index, site_name, topic=None):
    """'News | Site', or 'ESSA · News | Site' for a topic: how feed readers list the feed."""
    section = news_index.title if topic is None else f"{topic.shown.name} · {news_index.title}"
    return f"{section} | {site_name}"


def build_feed(request, news_index, feed_format, topic, language):
    site_name = SiteSettings.for_request(request).display_name
    page_path = (
        news_index.get_url(request) if topic is None else news_index.topic_url(topic, request)
    )
    description = (topic and topic.shown.description) or news_index.introduction or news_index.title
    feed = FEED_CLASSES[feed_format](
        title=feed_title(news_index, site_name, topic),
        link=request.build_absolute_uri(page_path),
        description=description,
        subtitle=description,
        language=language,
        feed_url=request.build_absolute_uri(news_index.feed_url(feed_format, topic, request)),
        # Atom wants an author for every entry; the organization stands in where no byline is given.
        author_name=site_name,
    )
    articles = with_own_text(news_index.get_articles(topic), language)
    for article in articles.prefetch_related("authors__person")[:FEED_LENGTH]:
        feed.add_item(**feed_item(request, article))
    return feed


def with_own_text(articles, language):
    """Leave out pages showing another language's text: twins, and translations nobody has begun.

    The rule of localization.translations.original_of, in the articles query itself,
    so a feed costs the same queries however many pages it holds.
    """
    articles = articles.filter(Q(alias_of__isnull=True) | Q(alias_of__locale=F("locale")))
    if language == settings.LANGUAGE_CODE:
        return articles  # the default language is what everything is translated from
    strings_translated = StringTranslation.objects.filter(
        context__object_id=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    )
    not_begun = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    ).filter(~Exists(strings_translated))
    return articles.filter(~Exists(not_begun))


def feed_item(request, article):
    published = noon_in_new_mexico(article.publication_date)
    return {
        "title": article.get_listing_title(),
        "link": request.build_absolute_uri(article.get_url(request)),
        "description": article.get_listing_summary(),
        "unique_id": tag_uri(request, article),
        "unique_id_is_permalink": False,
        "pubdate": published,
        # A page published ahead of its date has not been updated before it came out.
        "updateddate": max(published, article.last_published_at or published),
        "authors": author_names(article),
        "categories": topic_names(request, article),
        "enclosures": lead_image_enclosures(request, article),
    }


def tag_uri(request, article):
    """A permanent id (RFC 4151): this host, the day the page was first published, its id."""
    host = request_host(request)
    first_published = (
        timezone.localdate(article.first_published_at)
        if article.first_published_at
        else article.publication_date
    )
    return f"tag:{host},{first_published:%Y-%m-%d}:page/{article.pk}"


def topic_names(request, article):
    """The article's topics named in the feed's language, alphabetically in that language."""
    named = in_reader_language(article.topics.all(), request)
    return sorted((topic.name for topic in named), key=str.casefold)


def author_names(article):
    """Each author once, in byline order; names are the same in every language."""
    return list(dict.fromkeys(credit.person.name for credit in article.authors.all()))


def lead_image_enclosures(request, article):
    image = article.get_listing_image()
    if image is None:
        return []
    try:
        rendition = image.get_rendition(ENCLOSURE_FILTER)
        size = rendition.file.size
    except Exception:  # noqa: BLE001
        # A missing file, or a media bucket that does not answer (its client
        # raises its own errors, not OSError), costs this item its picture,
        # not every reader the feed.
        return []
    url = request.build_absolute_uri(rendition.url)
    return [feedgenerator.Enclosure(url, str(size), "image/jpeg")]
