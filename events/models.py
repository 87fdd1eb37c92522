"""Events and webinars: the events index and the event pages below it, with calendar downloads.

Times are stored as aware datetimes and entered and shown in New Mexico's
time zone (America/Denver), whatever the server's or the reader's zone.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField

from localization.times import NEW_MEXICO_TIME
from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage, RoutableBasePage
from pages.models import HOME_PAGE, body_field
from taxonomy.models import (
    FiledUnderTopics,
    Topic,
    region_field,
    topics_in_default_language,
)

from . import ical, structured_data

# Where every event of these sites happens, or is run from for a webinar.
EVENT_TIME_ZONE = NEW_MEXICO_TIME


class Attendance(models.TextChoices):
    """How people take part. The labels are shown to visitors."""

    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class EventIndexPage(RoutableBasePage):
    """The list of events and webinars: upcoming ones first, then past ones, with a calendar feed.

    /events/               the list (?page=N pages through past events)
    /events/calendar/       every upcoming and recent event, for calendar apps to subscribe to
    """

    page_description = (
        "The events section: upcoming events first, then past ones, with a calendar feed."
    )

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of events."
    )

    template = "pages/event_index_page.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = [HOME_PAGE]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    past_events_per_page = 12
    # A subscribed calendar keeps what it has seen; the feed only needs the latest past events.
    calendar_past_count = 20

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    def get_events(self):
        return listing_queryset(EventPage, self)

    def upcoming_events(self, now=None):
        """Events not over yet (including those happening now), soonest first."""
        now = now or timezone.now()
        return self.get_events().filter(end__gte=now).order_by("start", "pk")

    def past_events(self, now=None):
        """Events that have ended, most recent first."""
        now = now or timezone.now()
        return self.get_events().filter(end__lt=now).order_by("-start", "-pk")

    def calendar_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("calendar")

    @path("")
    def events_listing(self, request):
        now = timezone.now()
        return self.render(
            request,
            context_overrides={
                "upcoming_events": list(self.upcoming_events(now)),
                "past_events": paginate(request, self.past_events(now), self.past_events_per_page),
                # Absolute: readers copy it into a calendar app to subscribe.
                "calendar_url": request.build_absolute_uri(self.calendar_url(request)),
            },
        )

    @path("calendar/", name="calendar")
    def calendar_feed(self, request):
        now = timezone.now()
        events = [
            *self.upcoming_events(now),
            *self.past_events(now)[: self.calendar_past_count],
        ]
        return ical.site_calendar_response(request, self, events)


class EventPage(FiledUnderTopics, RoutableBasePage):
    """One event or webinar: when, where or how to join, and afterwards its recording and slides.

    /events/<event>/calendar/   the event alone, to add to a calendar
    """

    page_description = (
        "One event or webinar: when, where or how to join, and afterwards its recording."
    )

    start = models.DateTimeField(
        help_text="When the event begins, in New Mexico time (Mountain Time)."
    )
    end = models.DateTimeField(help_text="When it ends, in New Mexico time. After the start.")
    attendance = models.CharField(
        max_length=20,
        choices=Attendance.choices,
        default=Attendance.IN_PERSON,
        help_text="In person needs a venue; online needs a link; both need both.",
    )
    venue_name = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Gallup High School cafeteria'."
    )
    venue_address = models.TextField(
        max_length=400, blank=True, help_text="Street, city, state and ZIP code."
    )
    region = region_field("Where the event takes place, for events held in person. Optional.")
    online_url = models.URLField(
        "online link",
        blank=True,
        help_text="Where people join online (the webinar or video call address).",
    )
    registration_url = models.URLField(
        "registration link", blank=True, help_text="Where people sign up. Optional."
    )
    summary = models.TextField(
        max_length=400, help_text="What the event is about, in one or two sentences."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The event's main picture. Optional. Give it alt text in the image library.",
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="events",
        # Filed under the default language's topics, like articles, and shown
        # in the reader's language.
        limit_choices_to=topics_in_default_language,
        help_text="What the event is about. Optional.",
    )
    body = body_field()
    recording_url = models.URLField(
        "recording link",
        blank=True,
        help_text="A recording of the event (e.g. on YouTube). Shown once the event has ended.",
    )
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The slides or handout, as a document. Shown once the event has ended.",
    )

    template = "pages/event_page.html"
    topic_section = _("Events")
    topic_section_order = "-start"
    topic_section_position = 30
    lead_text_field = "summary"
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # Filed under the default language's region in every language, like stories.
    override_translatable_fields = [SynchronizedField("region", overridable=False)]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading="When (New Mexico time)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("region"),
                FieldPanel("online_url"),
            ],
            heading="Where",
        ),
        FieldPanel("registration_url"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("slides")],
            heading="After the event",
            help_text="Shown on the page only once the event has ended.",
        ),
    ]

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The event must end after it starts."
        if self.is_in_person and not self.venue_name.strip():
            errors["venue_name"] = "An event held in person needs a venue."
        if self.is_online and not self.online_url:
            errors["online_url"] = "An online event needs the link people join by."
        if errors:
            raise ValidationError(errors)

    @property
    def is_in_person(self):
        return self.attendance in (Attendance.IN_PERSON, Attendance.MIXED)

    @property
    def is_online(self):
        return self.attendance in (Attendance.ONLINE, Attendance.MIXED)

    def has_ended(self, now=None):
        return self.end < (now or timezone.now())

    @property
    def local_start(self):
        return timezone.localtime(self.start, EVENT_TIME_ZONE)

    @property
    def local_end(self):
        return timezone.localtime(self.end, EVENT_TIME_ZONE)

    def calendar_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("calendar")

    @path("")
    def event(self, request):
        return self.render(
            request,
            context_overrides={
                "has_ended": self.has_ended(),
                "calendar_url": request.build_absolute_uri(self.calendar_url(request)),
            },
        )

    @path("calendar/", name="calendar")
    def calendar_file(self, request):
        return ical.event_calendar_response(request, self)

    def structured_data(self, request, publisher, seo):
        """schema.org `Event` for the page's JSON-LD (read by seo_tags.structured_data_for)."""
        return structured_data.event(request, self, publisher)
