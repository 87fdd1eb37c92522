"""The bill tracker's Atom feed: one entry per status change of its bills, newest first.

Built with Django's feedgenerator, as the news feeds are (articles/feeds.py),
for the tracker a route has already found. What a subscriber notices:

- One feed per tracker, so per site and language: only that site's live,
  public bills, each linked in the feed's language.
- Entry titles are the bill's number and its new status in the feed's
  language ("HB 151: passed both chambers", "HB 151: aprobado en ambas
  cámaras"). A bill nobody has translated yet still appears in the Spanish
  feed, its title and note in English: its number and status, which is what
  a subscriber follows, read the same, and waiting for a translation would
  hide a vote.
- A change has a date, not a time: it is dated at noon in New Mexico, the
  same calendar day for readers from Hawaii to central Europe.
- Entry ids are tag URIs of the host, the bill's page and the change's date
  and status, so correcting a note or a slug does not show the change again
  as new, and recording a new step does.
"""

from django.utils import timezone
from django.utils.translation import pgettext

from pages.feeds import PlainTextAtomFeed, noon_in_new_mexico, request_host, written_feed
from pages.models import SiteSettings

from .vocabulary import status_phrase

# Enough for a session's worth of steps on the bills most trackers follow.
FEED_LENGTH = 30


def feed_response(request, tracker):
    """The newest status changes of `tracker`'s bills as an Atom document."""
    language = tracker.locale.language_code
    return written_feed(language, lambda: build_feed(request, tracker, language))


def feed_title(tracker, site_name):
    return f"{tracker.title} | {site_name}"


def build_feed(request, tracker, language):
    site_name = SiteSettings.for_request(request).display_name
    description = tracker.introduction or tracker.title
    feed = PlainTextAtomFeed(
        title=feed_title(tracker, site_name),
        link=request.build_absolute_uri(tracker.get_url(request)),
        description=description,
        subtitle=description,
        language=language,
        feed_url=request.build_absolute_uri(tracker.feed_url(request)),
        # Atom wants an author for every entry: the organization tracks the bills.
        author_name=site_name,
    )
    for change in tracker.latest_status_changes(FEED_LENGTH):
        feed.add_item(**feed_item(request, change))
    return feed


def entry_title(change):
    """'HB 151: passed both chambers', in the language being read."""
    return pgettext("a bill's number, then its new status", "%(number)s: %(status)s") % {
        "number": change.page.bill_number,
        "status": status_phrase(change.status),
    }


def feed_item(request, change):
    bill = change.page
    dated = noon_in_new_mexico(change.date)
    summary = f"{bill.title} ({change.note})" if change.note else bill.title
    return {
        "title": entry_title(change),
        "link": request.build_absolute_uri(bill.get_url(request)),
        "description": summary,
        "unique_id": tag_uri(request, change),
        "unique_id_is_permalink": False,
        "pubdate": dated,
        "updateddate": dated,
    }


def tag_uri(request, change):
    """A permanent id (RFC 4151): this host, the bill's first day online, its page, the change."""
    host = request_host(request)
    bill = change.page
    first_published = (
        timezone.localdate(bill.first_published_at) if bill.first_published_at else change.date
    )
    return (
        f"tag:{host},{first_published:%Y-%m-%d}:page/{bill.pk}/status/"
        f"{change.date:%Y-%m-%d}/{change.status}"
    )
