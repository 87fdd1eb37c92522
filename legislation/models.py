"""The bill tracker: the bills an organization follows, where each stands and what it thinks of it.

One `BillIndexPage` per home page lists the site's bills, newest status
change first, filterable by session, status, position and topic, with an Atom
feed of status changes. Each `BillPage` holds the bill's number and session,
a plain-language summary, the organization's position and why, its sponsors
(the site's decision makers), its topics and its dated status history, from
which the current status is kept on the page when it is saved, so listings,
filters and cards read it from the page's own row.
"""

from functools import partial

from django import forms
from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Site, TranslatableMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from decision_makers.models import DecisionMaker
from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage, RoutableBasePage
from pages.models import HOME_PAGE, SiteSettings, body_field
from pages.wayfinding import ancestor_of
from taxonomy.models import (
    FiledUnderTopics,
    Topic,
    filed_page_types,
    in_default_language,
    reader_topics_of,
    topics_in_default_language,
)

from . import feeds, structured_data
from .filters import chosen_filters
from .forms import BillPageForm
from .numbers import normalized_bill_number, validate_bill_number
from .sponsors import shown_sponsors
from .vocabulary import (
    POSITION_SYMBOLS,
    BillStatus,
    Position,
    SessionKind,
    session_label,
    session_value,
)

# The apps whose pages a bill page lists beside it when they share a topic: news and
# take-action pages. Named, not imported, as tree rules name other apps' page types.
RELATED_APPS = ("articles", "campaigns")
ISSUE_PAGE = ("issues", "IssuePage")
RELATED_PER_SECTION = 3
ISSUES_PER_BILL = 6


def this_year():
    return timezone.localdate().year


def newest_status_first(bills):
    """`bills` ordered by their latest status change, newest first; bills with none last."""
    return bills.order_by(
        F("current_status_date").desc(nulls_last=True), "-first_published_at", "-pk"
    )


class BillIndexPage(RoutableBasePage):
    """The bill tracker: the bills the organization follows, where each stands, and its feed.

    Addresses below the index:
    ?session=2027-regular&status=signed&position=support&topic=essa
                   the list filtered (each filter optional; not indexed)
    feeds/atom/    the status changes of its bills, newest first
    """

    page_description = (
        "The bill tracker: the bills you follow, where each stands and your position."
    )

    introduction = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short paragraph above the list: which bills you follow and why.",
    )
    legislature = models.CharField(
        max_length=120,
        default="New Mexico Legislature",
        help_text=(
            "The legislature these bills are before, as readers know it, e.g. 'New Mexico "
            "Legislature'. Shown above the list and given to search engines."
        ),
    )

    template = "legislation/bill_index_page.html"
    lead_text_field = "introduction"
    parent_page_types = [HOME_PAGE]
    subpage_types = ["legislation.BillPage"]
    max_count_per_parent = 1
    bills_per_page = 12
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    content_panels = BasePage.content_panels + [
        FieldPanel("legislature"),
        FieldPanel("introduction"),
    ]

    class Meta:
        verbose_name = "bill tracker"

    def get_bills(self):
        """Live, public bills of this tracker, newest status change first."""
        return newest_status_first(listing_queryset(BillPage, self))

    def sessions_in_use(self):
        """(year, kind) of every session this tracker's bills belong to, newest first."""
        sessions = (
            self.get_bills().order_by().values_list("session_year", "session_kind").distinct()
        )
        return sorted(set(sessions), key=lambda session: (-session[0], session[1]))

    def topics_in_use(self, request):
        """The topics this tracker's bills are filed under, named in the reader's language."""
        return reader_topics_of(self.get_bills(), request)

    def latest_status_changes(self, count):
        """The newest `count` status changes of the live, public bills here, with their bills."""
        return (
            BillStatusChange.objects.filter(page__in=self.get_bills().values("pk"))
            .select_related("page")
            # A feed entry never shows a bill's body.
            .defer("page__body")
            .order_by("-date", "-sort_order", "-pk")[:count]
        )

    def feed_url(self, request=None):
        return self.feed_link(self, request)["bill_feed_url"]

    @staticmethod
    def feed_link(tracker, request):
        """The context a page of `tracker` links its feed with; a bill's plain parent will do."""
        address = tracker.get_url(request) + BillIndexPage.get_resolver().reverse("atom_feed")
        site_name = SiteSettings.for_request(request).display_name
        return {"bill_feed_url": address, "bill_feed_title": feeds.feed_title(tracker, site_name)}

    def get_cached_paths(self):
        """What a CDN forgets when a bill changes: the list and the feed (caching/invalidation.py).

        Filtered and later pages cannot be named one by one; a CDN keeps those
        only DJANGO_CDN_MAX_AGE seconds.
        """
        return ["/", self.reverse_subpage("atom_feed")]

    @path("")
    def bill_list(self, request):
        """The bills, or those matching ?session=, ?status=, ?position= and ?topic=."""
        sessions = self.sessions_in_use()
        chosen = chosen_filters(request, Site.find_for_request(request), sessions)
        topics = self.topics_in_use(request)
        selected = chosen.values()
        bills = paginate(
            request, chosen.apply(self.get_bills()), self.bills_per_page, keep=selected
        )
        return self.render(
            request,
            context_overrides={
                "bills": bills,
                "filters": chosen,
                "selected": selected,
                "session_choices": [
                    (session_value(*session), session_label(*session)) for session in sessions
                ],
                "status_choices": BillStatus.choices,
                "position_choices": Position.choices,
                "topic_choices": [(topic.slug, topic.shown.name) for topic in topics],
                **self.feed_link(self, request),
                # A filtered list repeats what the full list holds.
                "noindex": chosen.active,
            },
        )

    @path("feeds/atom/", name="atom_feed")
    def atom_feed(self, request):
        return feeds.feed_response(request, self)


class BillPage(FiledUnderTopics, BasePage):
    """One bill the organization follows: what it does, where it stands, and its position on it."""

    page_description = (
        "A bill you follow: its status, sponsors and your position. Add it inside the bill tracker."
    )

    bill_number = models.CharField(
        max_length=20,
        validators=[validate_bill_number],
        help_text=(
            "As the legislature numbers it, e.g. 'HB 151', 'SB 2' or 'HJR 5'. Saved in capitals "
            "with one space, however it is typed."
        ),
    )
    session_year = models.PositiveSmallIntegerField(
        default=this_year,
        validators=[MinValueValidator(1900), MaxValueValidator(2199)],
        help_text="The year of the legislative session, e.g. 2027.",
    )
    session_kind = models.CharField(
        "session",
        max_length=10,
        choices=SessionKind.choices,
        default=SessionKind.REGULAR,
        help_text="A regular session, or a special session the governor called.",
    )
    summary = models.TextField(
        max_length=600,
        help_text=(
            "What the bill would do, in plain words a parent would use: one to three sentences. "
            "Shown under the title and in listings."
        ),
    )
    position = models.CharField(
        "our position",
        max_length=10,
        choices=Position.choices,
        default=Position.MONITOR,
        help_text=(
            "What you ask lawmakers to do: support it, oppose it, amend it, or monitor it while "
            "you decide."
        ),
    )
    position_reason = models.TextField(
        "why",
        max_length=500,
        help_text="Why you take this position, in one to three sentences.",
    )
    legislature_url = models.URLField(
        "link to the bill on the legislature's website",
        max_length=500,
        blank=True,
        help_text="The bill's own page on the legislature's website, where its text is. Optional.",
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="bills",
        # Filed under the default language's topics, like articles, and shown
        # in the reader's language.
        limit_choices_to=topics_in_default_language,
        help_text="What the bill is about. Issue pages on these topics list it.",
    )
    body = body_field()
    # Worked out from the status history whenever the page is saved: listings,
    # filters and cards read them from the page's row, with no query of their own.
    current_status = models.CharField(
        max_length=30, choices=BillStatus.choices, blank=True, editable=False
    )
    current_status_date = models.DateField(null=True, blank=True, editable=False)

    template = "legislation/bill_page.html"
    card_template = "legislation/bill_card.html"
    topic_section = _("Bills")
    topic_section_order = F("current_status_date").desc(nulls_last=True)
    topic_section_position = 15
    lead_text_field = "summary"
    parent_page_types = ["legislation.BillIndexPage"]
    subpage_types = []
    base_form_class = BillPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("bill_number"),
        index.AutocompleteField("bill_number"),
        index.SearchField("summary"),
        index.SearchField("position_reason"),
        index.SearchField("body"),
    ]
    # Facts are the same in every language; translators word the summary, the
    # reason, the body and each status note.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in ("bill_number", "session_year", "session_kind", "position")
    ] + [SynchronizedField("legislature_url")]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("bill_number"),
                FieldRowPanel([FieldPanel("session_year"), FieldPanel("session_kind")]),
                FieldPanel("legislature_url"),
            ],
            heading="The bill",
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("position"), FieldPanel("position_reason")],
            heading="Your position",
        ),
        InlinePanel(
            "status_history",
            label="Status change",
            heading="Status history",
            min_num=1,
            help_text=(
                "Every step the bill has taken, each with its date. The latest date is the "
                "bill's current status; add a row whenever it moves and publish."
            ),
        ),
        InlinePanel(
            "sponsors",
            label="Sponsor",
            heading="Sponsors",
            help_text=(
                "Who introduced the bill, lead sponsor first. Add them under Decision makers first."
            ),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "bill"

    def clean(self):
        super().clean()
        # Stored one way, so the same bill reads, sorts and is found the same everywhere.
        self.bill_number = normalized_bill_number(self.bill_number) or self.bill_number

    def save(self, *args, **kwargs):
        self.update_current_status()
        return super().save(*args, **kwargs)

    # --- Where the bill stands -------------------------------------------------------------

    def status_timeline(self):
        """The status history, oldest first: by date, then in the editor's order within a day."""
        rows = [row for row in self.status_history.all() if row.date is not None]
        positions = {id(row): number for number, row in enumerate(rows)}
        return sorted(
            rows,
            key=lambda row: (
                row.date,
                row.sort_order if row.sort_order is not None else positions[id(row)],
            ),
        )

    @cached_property
    def timeline(self):
        """The status history as shown: read once for the page and its JSON-LD."""
        return self.status_timeline()

    def update_current_status(self):
        """Keep the latest step of the history (and its date) on the page itself."""
        timeline = self.status_timeline()
        latest = timeline[-1] if timeline else None
        self.current_status = latest.status if latest else ""
        self.current_status_date = latest.date if latest else None

    @property
    def session_label(self):
        return session_label(self.session_year, self.session_kind)

    @property
    def position_symbol(self):
        return POSITION_SYMBOLS.get(self.position, "")

    # --- How it is shown -------------------------------------------------------------------

    def listing_card(self):
        """Listings and issue pages show a bill's own card, reading the page as `bill`."""
        return self.card_template, "bill"

    def related_pages(self, topics, request):
        """[(heading, [pages])] on the bill's `topics`, in the language being read.

        The site's issue pages on them, then its news and take-action pages
        filed under them, newest first: one query per section (and its topics).
        """
        if not topics:
            return []
        home = ancestor_of(self, request, levels_up=2)
        if home is None:
            return []
        sections = []
        try:
            issue_model = apps.get_model(*ISSUE_PAGE)
        except LookupError:
            issue_model = None
        if issue_model is not None:
            # A translated issue page may point at its topic's translation.
            keys = [topic.translation_key for topic in topics]
            issues = list(
                listing_queryset(issue_model, home)
                .filter(topic__translation_key__in=keys)
                .order_by("path")[:ISSUES_PER_BILL]
            )
            if issues:
                sections.append((_("Issues"), issues))
        for model in filed_page_types():
            if model._meta.app_label not in RELATED_APPS:
                continue
            filed = model.objects.filter(topics__in=topics).values("pk")
            pages = list(
                listing_queryset(model, home)
                .filter(pk__in=filed)
                .prefetch_related("topics")
                .order_by(model.topic_section_order, "-pk")[:RELATED_PER_SECTION]
            )
            if pages:
                sections.append((model.topic_section, pages))
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tracker = ancestor_of(self, request)
        topics = list(self.topics.all())
        context["bill_topics"] = topics
        context["timeline"] = self.timeline
        context["sponsors"] = shown_sponsors(self, request)
        # Read only when the page's related sections are not already kept whole
        # (the template's cached_fragment): the template calls it.
        context["related_sections"] = partial(self.related_pages, topics, request)
        if tracker is not None:
            # The tracker is always this page's parent: its address is all the link needs.
            context.update(BillIndexPage.feed_link(tracker, request))
        return context

    def structured_data(self, request, publisher, seo):
        """schema.org `Legislation` for the page's JSON-LD (read by seo_tags)."""
        return structured_data.legislation(request, self, publisher, seo)


class BillStatusChange(TranslatableMixin, Orderable):
    """One step in a bill's history: the date and where it stood, with an optional note.

    Translated with its page: the note is offered to translators; the date
    and status are the same in every language.
    """

    page = ParentalKey(BillPage, on_delete=models.CASCADE, related_name="status_history")
    date = models.DateField(
        default=timezone.localdate, help_text="The day it happened, in New Mexico."
    )
    status = models.CharField(
        max_length=30,
        choices=BillStatus.choices,
        default=BillStatus.INTRODUCED,
        help_text="Where the bill stood from that day.",
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional: a few words, e.g. 'Passed the House Education Committee 8–3'.",
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("note")]
    translatable_fields = [
        TranslatableField("note"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("status", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "status change"

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"


class BillSponsor(Orderable):
    """One of a bill's sponsors, in the order the bill names them.

    Points at the default language's decision maker, shown in the reader's
    language. Only the bill's own site's decision makers are offered and
    accepted (pages/forms.py); removing the decision maker takes them off the bill.
    """

    page = ParentalKey(BillPage, on_delete=models.CASCADE, related_name="sponsors")
    decision_maker = models.ForeignKey(
        DecisionMaker,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=in_default_language,
        help_text="Add someone new under Decision makers first.",
    )

    # A legislature's worth of names: a plain menu offers only the site's own
    # records in the default language, which Wagtail's chooser pop-up would not.
    panels = [FieldPanel("decision_maker", widget=forms.Select)]

    class Meta(Orderable.Meta):
        verbose_name = "sponsor"
