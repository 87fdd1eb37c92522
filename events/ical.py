"""iCalendar (.ics) files: one event to add to a calendar, and each site's calendar to subscribe to.

What a calendar app notices:

- Times carry TZID=America/Denver with the zone's VTIMEZONE, so an event
  shows at the right hour wherever the reader is, across daylight saving.
- Each event's UID is made of the host and the page's translation key: it
  stays the same when the page is edited, renamed or moved, so a subscribed
  calendar updates the event instead of adding it again, and the English and
  Spanish pages of one event are one event.
- Addresses are absolute on the host the request came in on.
- A calendar follows its page's language: a Spanish index's calendar holds
  that index's pages (untranslated events included, in English, rather than
  leaving them out of someone's calendar).
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

import icalendar

from pages.feeds import request_host
from pages.models import SiteSettings

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Alliance sites//Events//EN"
# Calendar apps that honor it poll the subscribed feed this often.
REFRESH_INTERVAL = datetime.timedelta(hours=12)


def event_calendar_response(request, event):
    with translation.override(event.locale.language_code):
        calendar = new_calendar(request)
        calendar.add_component(event_component(request, event))
        add_time_zones(calendar, [event])
    return calendar_response(calendar, f"{event.slug}.ics")


def site_calendar_response(request, events_index, events):
    with translation.override(events_index.locale.language_code):
        calendar = new_calendar(request)
        site_name = SiteSettings.for_request(request).display_name
        calendar_name = f"{events_index.title} | {site_name}"
        calendar.add("name", calendar_name)
        calendar.add("x-wr-calname", calendar_name)
        calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("url", request.build_absolute_uri(events_index.get_url(request)))
        for event in events:
            calendar.add_component(event_component(request, event))
        add_time_zones(calendar, events)
    return calendar_response(calendar, f"{events_index.slug}.ics")


def new_calendar(request):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    return calendar


def add_time_zones(calendar, events):
    """VTIMEZONE for the zones the events use, covering just the years they span.

    The default span (1970 to 2038) would list every daylight-saving change in between.
    """
    if not events:
        return
    first = min(event.local_start for event in events).date() - datetime.timedelta(days=1)
    last = max(event.local_end for event in events).date() + datetime.timedelta(days=1)
    calendar.add_missing_timezones(first_date=first, last_date=last)


def event_component(request, event):
    page_url = request.build_absolute_uri(event.get_url(request))
    component = icalendar.Event()
    component.add("uid", event_uid(request, event))
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("summary", event.get_listing_title())
    component.add("description", f"{event.summary}\n\n{page_url}")
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("url", page_url)
    component.add("status", "CONFIRMED")
    return component


def event_uid(request, event):
    return f"event-{event.translation_key}@{request_host(request)}"


def event_location(event):
    """Where to go: the venue and its address, else the link to join online."""
    if event.is_in_person:
        place = [event.venue_name, " ".join(event.venue_address.split())]
        if event.is_online and event.online_url:
            place.append(_("online: %(url)s") % {"url": event.online_url})
        return ", ".join(part for part in place if part)
    return event.online_url


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    # Slugs may hold any letter; the header encodes them as RFC 6266 asks.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
