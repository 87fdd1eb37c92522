"""Events and webinars as visitors, calendar apps, search engines and editors meet them.

Tests build their own content on a host of their own, in English and Spanish;
the demo's own forum tour is checked with the demo's tests (tests/demo/test_events.py).
"""

import datetime
import json
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

import icalendar
import pytest
from bs4 import BeautifulSoup

from events.models import EventIndexPage, EventPage
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_document,
    make_event,
    make_event_index,
    make_image,
    make_region,
    make_site,
    translate_page,
)

pytestmark = pytest.mark.django_db

DENVER = ZoneInfo("America/Denver")
EVENTS_HOST = "events.localhost"
OTHER_HOST = "other-events.localhost"


# --- Builders -------------------------------------------------------------------------------


def in_days(days, hour=18):
    """An evening in Denver `days` from now (negative: in the past)."""
    day = timezone.localdate(timezone.now(), DENVER) + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=DENVER)


def build_events_site():
    site = make_site(hostname=EVENTS_HOST, name="Events Test Alliance", default=False)
    index = make_event_index(site.root_page, introduction="Come and talk with us.")
    return site, index


events_site_for_the_module = built_once_per_module(build_events_site)


@pytest.fixture
def events_site(events_site_for_the_module):
    """(Site, event index) of the events tests' own site (host events.localhost)."""
    return fresh_copies(events_site_for_the_module)


def path(page):
    """The page's address on its own host (page.url is absolute when there are several sites)."""
    return urlsplit(page.url).path


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(section):
    return [link.get_text(strip=True) for link in section.select(".card__title a")]


def read_calendar(client, path, host):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, f"{host}{path}: {response.status_code}"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    return icalendar.Calendar.from_ical(response.content)


def json_ld_items(soup):
    items = []
    for element in soup.find_all("script", type="application/ld+json"):
        items.extend(json.loads(element.string)["@graph"])
    return items


# --- The list -------------------------------------------------------------------------------


def test_upcoming_events_come_first_soonest_first_then_past_ones_latest_first(client, events_site):
    _site, index = events_site
    make_event(index, in_days(-30), title="Last month")
    make_event(index, in_days(20), title="In three weeks")
    make_event(index, in_days(-2), title="Two days ago")
    make_event(index, in_days(3), title="In three days")
    make_event(index, in_days(5), title="Draft", live=False)

    page = soup_of(client.get(path(index), HTTP_HOST=EVENTS_HOST))

    upcoming = page.find("h2", id="upcoming-events").parent
    past = page.find("h2", id="past-events").parent
    assert card_titles(upcoming) == ["In three days", "In three weeks"]
    assert card_titles(past) == ["Two days ago", "Last month"]
    assert page.find("h2", id="upcoming-events").sourceline < past.sourceline


def test_an_event_under_way_is_still_upcoming(client, events_site):
    _site, index = events_site
    now = timezone.now()
    make_event(index, now - datetime.timedelta(hours=1), title="Happening now")

    page = soup_of(client.get(path(index), HTTP_HOST=EVENTS_HOST))

    assert card_titles(page.find("h2", id="upcoming-events").parent) == ["Happening now"]
    assert page.find("h2", id="past-events") is None


def test_many_past_events_are_paged_and_the_upcoming_ones_lead_the_first_page(client, events_site):
    _site, index = events_site
    make_event(index, in_days(4), title="Next week")
    for days in range(1, EventIndexPage.past_events_per_page + 3):
        make_event(index, in_days(-days), title=f"{days} days ago")

    first = soup_of(client.get(path(index), HTTP_HOST=EVENTS_HOST))
    second = soup_of(client.get(path(index), {"page": 2}, HTTP_HOST=EVENTS_HOST))

    assert len(card_titles(first.find("h2", id="past-events").parent)) == 12
    assert card_titles(second.find("h2", id="past-events").parent) == [
        "13 days ago",
        "14 days ago",
    ]
    assert second.find("h2", id="upcoming-events") is None
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"


@pytest.mark.parametrize(
    "page_number", ["0", "3", "-1", "abc", "1e3", "9" * 40, "٣", "1\x00", "' OR 1=1 --"]
)
def test_a_hostile_page_number_is_not_found_never_a_server_error(client, events_site, page_number):
    _site, index = events_site
    make_event(index, in_days(-1))

    response = client.get(path(index), {"page": page_number}, HTTP_HOST=EVENTS_HOST)

    assert response.status_code == 404


def test_the_index_links_the_calendar_to_subscribe_to(client, events_site):
    _site, index = events_site

    page = soup_of(client.get(path(index), HTTP_HOST=EVENTS_HOST))

    link = page.find("a", string="Subscribe to the calendar")
    assert link["href"] == f"http://{EVENTS_HOST}{path(index)}calendar/"


# --- The event page -------------------------------------------------------------------------


def test_an_event_shows_its_time_in_new_mexico_with_machine_readable_times(client, events_site):
    _site, index = events_site
    start = datetime.datetime(2016, 10, 20, 18, 0, tzinfo=DENVER)
    event = make_event(index, start, title="Gallup forum")

    page = soup_of(client.get(path(event), HTTP_HOST=EVENTS_HOST))

    when = page.select_one(".page-header .event-when")
    times = when.find_all("time")
    assert times[0]["datetime"] == "2016-10-20T18:00:00-06:00"
    assert times[0].get_text() == "Oct. 20, 2016, 6:00 p.m."
    assert times[1]["datetime"] == "2016-10-20T20:00:00-06:00"
    assert times[1].get_text() == "8:00 p.m."
    assert "(Mountain Time)" in when.get_text()


def slides_document():
    return make_document("Forum slides", b"%PDF-1.4\n" + b"x" * 2039, name="forum-slides.pdf")


def after_the_event(page):
    return page.find("h2", string="After the event")


@pytest.mark.parametrize("days", [-3, 3])
def test_the_recording_and_slides_show_only_once_the_event_has_ended(client, events_site, days):
    _site, index = events_site
    event = make_event(
        index,
        in_days(days),
        recording_url="https://video.example/forum-recording",
        slides=slides_document(),
        registration_url="https://forms.example/register",
    )

    page = soup_of(client.get(path(event), HTTP_HOST=EVENTS_HOST))

    recording = page.find("a", string="Watch the recording")
    slides = page.find("a", string="Download the slides")
    register = page.select_one("a[href='https://forms.example/register']")
    if days < 0:
        assert after_the_event(page) is not None
        assert recording["href"] == "https://video.example/forum-recording"
        assert " ".join(slides.parent.get_text(" ", strip=True).split()).endswith("(PDF, 2.0 KB)")
        assert "This event has ended." in page.get_text()
        assert register is None
    else:
        assert after_the_event(page) is None
        assert recording is None and slides is None
        assert register is not None


def test_an_online_event_says_so_and_links_to_join_until_it_ends(client, events_site):
    _site, index = events_site
    webinar = make_event(
        index,
        in_days(7),
        title="ESSA webinar",
        attendance="online",
        venue_name="",
        venue_address="",
        region="",
        online_url="https://meet.example/essa",
    )

    page = soup_of(client.get(path(webinar), HTTP_HOST=EVENTS_HOST))
    listing = soup_of(client.get(path(index), HTTP_HOST=EVENTS_HOST))

    assert page.find("a", string="Join online")["href"] == "https://meet.example/essa"
    assert listing.select_one(".event-card__where").get_text(strip=True) == "Online"


# --- The .ics files -------------------------------------------------------------------------


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_an_event_downloads_as_an_ics_file_a_calendar_app_reads(client, events_site):
    _site, index = events_site
    start = datetime.datetime(2016, 10, 20, 18, 0, tzinfo=DENVER)
    event = make_event(index, start, title="Gallup forum")
    page = soup_of(client.get(path(event), HTTP_HOST=EVENTS_HOST))
    link = page.find("a", string="Add to calendar (.ics)")

    calendar = read_calendar(client, urlsplit(link["href"]).path, EVENTS_HOST)

    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["PRODID"]
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["America/Denver"]
    vevent = only_event(calendar)
    dtstart = vevent["DTSTART"]
    assert dtstart.params["TZID"] == "America/Denver"
    assert dtstart.dt == event.start  # the same instant as stored
    assert dtstart.dt.utcoffset() == datetime.timedelta(hours=-6)
    assert vevent["DTEND"].params["TZID"] == "America/Denver"
    assert vevent["DTEND"].dt == event.end
    assert str(vevent["SUMMARY"]) == "Gallup forum"
    page_url = f"http://{EVENTS_HOST}{path(event)}"
    assert vevent["URL"] == page_url
    assert page_url in vevent["DESCRIPTION"]
    assert "Gallup High School" in vevent["LOCATION"]
    assert "Gallup, NM 87301" in vevent["LOCATION"]
    assert str(vevent["UID"]).endswith(f"@{EVENTS_HOST}")
    assert vevent["DTSTAMP"]


def test_an_events_uid_survives_renaming_and_moving_its_address(client, events_site):
    _site, index = events_site
    event = make_event(index, in_days(10), slug="first-name")
    before = only_event(read_calendar(client, f"{path(event)}calendar/", EVENTS_HOST))

    event.slug, event.title = "second-name", "Renamed"
    event.save_revision().publish()
    event.refresh_from_db()
    after = only_event(read_calendar(client, f"{path(event)}calendar/", EVENTS_HOST))

    assert after["UID"] == before["UID"]
    assert str(after["SUMMARY"]) == "Renamed"


def test_an_online_events_location_is_its_link(client, events_site):
    _site, index = events_site
    webinar = make_event(
        index,
        in_days(7),
        attendance="online",
        venue_name="",
        venue_address="",
        region="",
        online_url="https://meet.example/essa",
    )

    vevent = only_event(read_calendar(client, f"{path(webinar)}calendar/", EVENTS_HOST))

    assert vevent["LOCATION"] == "https://meet.example/essa"


def test_each_sites_calendar_feed_holds_only_its_own_events(client, events_site):
    _site, index = events_site
    other = make_site(hostname=OTHER_HOST, name="Other Events Org", default=False)
    other_index = make_event_index(other.root_page)
    make_event(index, in_days(5), title="Ours, coming")
    make_event(index, in_days(-5), title="Ours, past")
    make_event(index, in_days(6), title="Ours, draft", live=False)
    make_event(other_index, in_days(5), title="Theirs")

    ours = read_calendar(client, f"{path(index)}calendar/", EVENTS_HOST)
    theirs = read_calendar(client, f"{path(other_index)}calendar/", OTHER_HOST)

    assert [str(event["SUMMARY"]) for event in ours.walk("VEVENT")] == [
        "Ours, coming",
        "Ours, past",
    ]
    assert [str(event["SUMMARY"]) for event in theirs.walk("VEVENT")] == ["Theirs"]
    assert all(urlsplit(str(event["URL"])).netloc == EVENTS_HOST for event in ours.walk("VEVENT"))
    assert ours.walk("VTIMEZONE")
    assert "Events Test Alliance" in str(ours["X-WR-CALNAME"])


# --- Editors --------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("events-admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def event_form(**fields):
    data = {
        "title": "Gallup forum",
        "slug": "gallup-forum",
        "start": "2016-10-20 18:00",
        "end": "2016-10-20 20:00",
        "attendance": "in-person",
        "venue_name": "Gallup High School",
        "venue_address": "",
        "region": "",
        "online_url": "",
        "registration_url": "",
        "summary": "One of six regional forums.",
        "image": "",
        "body": streamfield([]),
        "recording_url": "",
        "slides": "",
    }
    data.update(fields)
    return nested_form_data(data)


def add_event(admin_client, index, **fields):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
    fields.setdefault("region", make_region("northwest", site=index.get_site()).pk)
    return admin_client.post(url, event_form(**fields))


def field_error(response, field):
    soup = BeautifulSoup(response.content, "html.parser")
    wrapper = soup.find(attrs={"data-field-wrapper": True, "id": re.compile(f"^{field}")})
    panel = wrapper or soup.find(id=f"panel-child-content-{field}-section") or soup
    return " ".join(
        error.get_text(" ", strip=True)
        for error in panel.select(".error-message, .w-field__errors")
    )


def test_an_editor_can_add_an_event_entered_in_new_mexico_time(admin_client, events_site):
    _site, index = events_site

    response = add_event(admin_client, index)

    assert response.status_code == 302
    event = EventPage.objects.get(slug="gallup-forum", locale__language_code="en")
    assert event.start == datetime.datetime(2016, 10, 21, 0, 0, tzinfo=datetime.UTC)
    assert event.region.slug == "northwest"


def test_an_event_ending_before_it_starts_is_a_form_error(admin_client, events_site):
    _site, index = events_site

    response = add_event(admin_client, index, end="2016-10-20 17:00")

    assert response.status_code == 200
    assert "The event must end after it starts." in response.content.decode()
    assert not EventPage.objects.filter(slug="gallup-forum").exists()


def test_an_in_person_event_without_a_venue_is_a_form_error(admin_client, events_site):
    _site, index = events_site

    response = add_event(admin_client, index, venue_name="  ")

    assert response.status_code == 200
    assert "An event held in person needs a venue." in response.content.decode()
    assert not EventPage.objects.filter(slug="gallup-forum").exists()


def test_an_online_event_without_a_link_is_a_form_error(admin_client, events_site):
    _site, index = events_site

    response = add_event(admin_client, index, attendance="mixed")

    assert response.status_code == 200
    assert "An online event needs the link people join by." in response.content.decode()


# --- Structured data ------------------------------------------------------------------------


def test_an_event_describes_itself_to_search_engines(client, events_site, fresh_cache):
    _site, index = events_site
    start = datetime.datetime(2016, 10, 20, 18, 0, tzinfo=DENVER)
    event = make_event(
        index,
        start,
        title="Gallup forum",
        attendance="mixed",
        online_url="https://meet.example/gallup",
        image=make_image(alt_text="A forum"),
    )

    items = json_ld_items(soup_of(client.get(path(event), HTTP_HOST=EVENTS_HOST)))

    [data] = [item for item in items if item["@type"] == "Event"]
    assert data["name"] == "Gallup forum"
    assert data["startDate"] == "2016-10-20T18:00:00-06:00"
    assert data["endDate"] == "2016-10-20T20:00:00-06:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["name"] == "Gallup High School"
    assert place["address"]["@type"] == "PostalAddress"
    assert "Gallup, NM" in place["address"]["streetAddress"]
    assert virtual == {"@type": "VirtualLocation", "url": "https://meet.example/gallup"}
    assert data["organizer"]["@type"] == "NGO"
    assert data["organizer"]["name"] == "Events Test Alliance"
    assert data["url"] == f"http://{EVENTS_HOST}{path(event)}"
    assert data["image"][0].startswith(f"http://{EVENTS_HOST}/")
    # The breadcrumbs are still there beside it.
    assert "BreadcrumbList" in [item["@type"] for item in items]


def test_structured_data_includes_what_a_page_says_about_itself_and_nothing_else(
    client, events_site
):
    """seo.page_meta: a page with a structured_data method adds its item; other pages don't."""
    _site, index = events_site
    make_event(index, in_days(3))

    items = json_ld_items(soup_of(client.get(path(index), HTTP_HOST=EVENTS_HOST)))

    assert [item["@type"] for item in items] == ["BreadcrumbList"]


# --- Spanish ----------------------------------------------------------------------------------


@pytest.fixture
def spanish_events(events_site):
    """The Spanish event index (/es/eventos/), with a past forum and an upcoming one translated."""
    _english, spanish = content_locales()
    site, index = events_site
    translate_page(site.root_page.specific, spanish)
    spanish_index = translate_page(index, spanish, title="Eventos", slug="eventos")
    gallup = make_event(
        index, datetime.datetime(2016, 10, 20, 18, 0, tzinfo=DENVER), title="Gallup forum"
    )
    translate_page(gallup, spanish, title="Foro en Gallup")
    roswell = make_event(index, in_days(10), title="Roswell forum")
    translate_page(roswell, spanish, title="Foro en Roswell")
    return spanish_index


def test_a_spanish_event_page_gives_its_dates_in_spanish(client, spanish_events):
    index = soup_of(client.get(path(spanish_events), HTTP_HOST=EVENTS_HOST))
    gallup = [
        link["href"] for link in index.select(".card__title a") if "Gallup" in link.get_text()
    ]

    page = soup_of(client.get(urlsplit(gallup[0]).path, HTTP_HOST=EVENTS_HOST))

    when = page.select_one(".page-header .event-when")
    first = when.find("time")
    assert first.get_text() == "20 de octubre de 2016, 6:00 p. m."
    assert first["datetime"] == "2016-10-20T18:00:00-06:00"
    assert "(hora de la montaña)" in when.get_text()
    assert page.find("a", string="Agregar al calendario (.ics)")


def test_the_spanish_calendar_holds_the_spanish_pages(client, spanish_events):
    calendar = read_calendar(client, f"{path(spanish_events)}calendar/", EVENTS_HOST)

    urls = [str(event["URL"]) for event in calendar.walk("VEVENT")]
    assert len(urls) == 2
    assert all(url.startswith(f"http://{EVENTS_HOST}/es/eventos/") for url in urls)
