"""Take-action campaigns: a page asks visitors to write to decision makers, and counts who did.

One `ActionIndexPage` per site lists its actions; each `ActionPage` holds the
ask, the letter (translated with the page), the decision makers it goes to
(ordered rows pointing at the site's `decision_makers.DecisionMaker`s) and
how it goes: sent by this site, or handed to the visitor as ready-made
`mailto:` links. What a visitor sends is stored once (`taking_part.py`),
mailed after the transaction commits (`letters.py`), and thanked on a
sub-address (`thank-you/`) that shows personal details only to whoever
holds a short-lived signed reference (`references.py`).

Every language's participants are stored against the default language's
page, as survey answers are, so one count and one list cover both. Their
personal details are erased after the site's retention period
(`delete_expired_action_participants`), leaving an anonymous row so the
counts and the daily cap's history stay right.
"""

import logging
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Site
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField

from decision_makers.models import DecisionMaker
from localization.translations import language_of, localized, original_of
from pages import form_protection
from pages.listing import listing_queryset, paginate
from pages.mixins import BasePage, OneRecordAcrossLanguages, RoutableBasePage
from pages.models import HOME_PAGE, SiteSettings, body_field
from pages.wayfinding import ancestor_of, privacy_notice
from taxonomy.models import FiledUnderTopics, Topic, in_default_language, topics_in_default_language

from . import progress, references, taking_part
from .forms import REFUSAL_MESSAGES, TakePartForm
from .participants import (  # Letter and Participant are models: migrations find them here.
    MAX_LETTER_LENGTH,
    MAX_SUBJECT_LENGTH,
    Letter,  # noqa: F401
    Participant,  # noqa: F401
)
from .recipients import recipient_choices, shown_people

logger = logging.getLogger("campaigns")

READER_LANGUAGE = "reader"
THANK_YOU_PATH = "thank-you"
# Other open actions suggested when the editor chose no next action.
SUGGESTED_ACTIONS = 3


@dataclass(frozen=True)
class FormParts:
    """What an action's form offers: the people to write to (ShownPerson) and the letter."""

    people: list
    subject: str
    letter: str
    letter_language: str


def public_but_never_stored(response, private=False):
    """Served fresh every time: no copy may show a closed action as open, or an old count.

    The page cache (caching/middleware.py) and a CDN keep nothing marked
    no-cache. A page with the form is the visitor's own (its CSRF token), so
    it is private too.
    """
    if private:
        patch_cache_control(response, private=True)
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@register_setting(icon="mail")
class CampaignSettings(BaseSiteSetting):
    """How a site's take-action pages behave: where to look up legislators, and the limits."""

    find_legislator_url = models.URLField(
        "“Find your legislator” address",
        default="https://www.nmlegis.gov/Members/Find_My_Legislator",
        help_text=(
            "The state's official page where people look up who represents them. Linked "
            "beside the list of legislators on actions where visitors choose who to write to."
        ),
    )
    retention_days = models.PositiveIntegerField(
        "keep participants' details for (days)",
        default=365,
        validators=[MinValueValidator(1)],
        help_text=(
            "After this many days the name, email address, town and letter of each person "
            "who took part are erased. They still count in each action's total."
        ),
    )
    daily_letter_cap = models.PositiveIntegerField(
        "letters per decision maker per day",
        default=100,
        validators=[MinValueValidator(1)],
        help_text=(
            "The most letters this site sends to any one decision maker in a day (New Mexico "
            "time), from all its actions together. Past it, visitors get a ready-made email "
            "to send themselves, so no letter is lost."
        ),
    )

    panels = [
        FieldPanel("find_legislator_url"),
        MultiFieldPanel(
            [FieldPanel("daily_letter_cap"), FieldPanel("retention_days")],
            heading="Limits",
        ),
    ]

    class Meta:
        verbose_name = "take-action settings"
        verbose_name_plural = "take-action settings"


class Targeting(models.TextChoices):
    ALL = "all", "Every decision maker listed gets the letter"
    ONE = "one", "The visitor chooses one of them (for example, their own legislator)"


class Delivery(models.TextChoices):
    EMAIL = "email", "This site emails each letter"
    MAILTO = "mailto", "Visitors send it from their own email (ready-made links)"


def letter_language_choices():
    return [(READER_LANGUAGE, "The language the visitor reads the page in"), *settings.LANGUAGES]


class ActionIndexPage(BasePage):
    """The take-action section: open actions first, soonest deadline first, then closed ones."""

    page_description = "The take-action section: open actions first, then closed ones."

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the list of actions."
    )

    template = "campaigns/action_index_page.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = [HOME_PAGE]
    subpage_types = ["campaigns.ActionPage"]
    max_count_per_parent = 1
    closed_per_page = 12

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = "take-action index"

    def get_actions(self):
        return listing_queryset(ActionPage, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        closed = paginate(request, progress.closed(self.get_actions(), now), self.closed_per_page)
        # Open actions head the first page only; later pages list closed ones.
        first_page = closed.number == 1
        open_actions = list(progress.still_open(self.get_actions(), now)) if first_page else []
        counts = progress.participant_counts([*open_actions, *closed])
        context["open_actions"] = progress.summaries(open_actions, counts, now)
        context["closed_actions"] = closed
        context["closed_summaries"] = progress.summaries(closed, counts, now)
        return context

    def serve(self, request, *args, **kwargs):
        return public_but_never_stored(super().serve(request, *args, **kwargs))


class ActionPage(FiledUnderTopics, OneRecordAcrossLanguages, RoutableBasePage):
    """One take-action campaign: the ask, a letter visitors sign, and who it goes to.

    Visitors fill in their name, email and town, may edit the letter, and
    send it; the page counts them against a goal until its deadline.

    /take-action/<action>/             the form (or, once closed, the final count)
    /take-action/<action>/thank-you/   where a visitor lands after sending
    """

    page_description = (
        "A take-action campaign: visitors send a ready-made letter to the decision makers you list."
    )

    ask = models.CharField(
        max_length=200,
        help_text="The request in one line, shown large under the title: 'Ask your senator to…'.",
    )
    summary = models.TextField(
        max_length=600,
        blank=True,
        help_text="Why it matters, in two or three sentences, shown above the form.",
    )
    deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text=(
            "When the action closes, in New Mexico time. Blank keeps it open until the "
            "page is unpublished."
        ),
    )
    goal = models.PositiveIntegerField(
        default=100,
        validators=[MinValueValidator(1)],
        help_text="How many people you hope will take part. Shown with the count so far.",
    )
    targeting = models.CharField(
        "who gets each letter",
        max_length=8,
        choices=Targeting.choices,
        default=Targeting.ALL,
        help_text=(
            "Choose “one” for letters to the visitor's own legislator: they pick from the "
            "people listed below, with a link to look up who represents them."
        ),
    )
    delivery = models.CharField(
        "how letters are sent",
        max_length=8,
        choices=Delivery.choices,
        default=Delivery.EMAIL,
        help_text=(
            "Sent by this site, with the visitor's address to reply to, or handed to the "
            "visitor to send from their own email. People without an email address are skipped."
        ),
    )
    letter_subject = models.CharField(
        max_length=MAX_SUBJECT_LENGTH,
        help_text="The subject line of every letter. Visitors cannot change it.",
    )
    letter_body = models.TextField(
        max_length=MAX_LETTER_LENGTH,
        help_text=(
            "The letter as visitors first see it; they may edit it. Leave out the greeting's "
            "name and the signature: the visitor's name and town are added at the end."
        ),
    )
    letter_language = models.CharField(
        max_length=8,
        choices=letter_language_choices(),
        default=READER_LANGUAGE,
        help_text=(
            "Usually the visitor's language. Choose English if the people it goes to read "
            "English only: Spanish readers then see and send the English letter."
        ),
    )
    consent_text = models.CharField(
        "consent line",
        max_length=300,
        blank=True,
        help_text=(
            "Beside the box visitors tick to agree. Blank uses the standard wording, which "
            "names your organization; the privacy page from site settings is linked below it."
        ),
    )
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown after someone takes part, below the thanks: what happens next, say.",
    )
    next_action = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Optional: the page to suggest after taking part or once this action has closed, "
            "such as another action or the newsletter. Blank suggests your other open actions."
        ),
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="take_action_pages",
        limit_choices_to=topics_in_default_language,
        help_text="What the action is about: issue pages on these topics list it. Optional.",
    )
    body = body_field()

    template = "campaigns/action_page.html"
    thank_you_template = "campaigns/action_page_thank_you.html"
    topic_section = _("Take action")
    topic_section_order = "-first_published_at"
    topic_section_position = 5
    lead_text_field = "ask"
    search_fields = BasePage.search_fields + [
        index.SearchField("ask"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["campaigns.ActionIndexPage"]
    subpage_types = []
    # Routing reads the suggested next page with this one (routing.router): every
    # visit links it, so a query of its own would be paid on each.
    read_with_the_page = ("next_action",)

    # How the action works is the same in every language; the words are translated.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in ("deadline", "goal", "targeting", "delivery", "letter_language")
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("ask"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("deadline"), FieldPanel("goal")],
            heading="Deadline and goal",
        ),
        MultiFieldPanel(
            [
                FieldPanel("targeting"),
                FieldPanel("delivery"),
                InlinePanel("targets", label="Decision maker", heading="Decision makers"),
            ],
            heading="Who the letters go to",
        ),
        MultiFieldPanel(
            [
                FieldPanel("letter_subject"),
                FieldPanel("letter_body"),
                FieldPanel("letter_language"),
            ],
            heading="The letter",
        ),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
        FieldPanel("next_action"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]

    THANK_YOU_PREVIEW = "thank-you"
    preview_modes = [
        ("", "Page"),
        (THANK_YOU_PREVIEW, "Thank-you page"),
        (BasePage.LISTING_CARD_PREVIEW, "Listing card"),
        (BasePage.SOCIAL_CARD_PREVIEW, "Social share card"),
    ]

    class Meta:
        verbose_name = "take-action page"

    def clean(self):
        super().clean()
        # The page chooser offers the whole tree; a next step belongs to the same site.
        site = self.get_site()
        chosen = self.next_action
        if site is not None and chosen is not None and chosen.get_site() != site:
            raise ValidationError({"next_action": "Choose a page of this site."})

    # --- state ---

    def is_open(self, now=None):
        return self.deadline is None or self.deadline > (now or timezone.now())

    def participant_count(self):
        return progress.participant_counts([self]).get(self.translation_key, 0)

    def recipients(self, site):
        """The decision makers letters can go to, in the editor's order.

        Only `site`'s (the page's own), and only those with an email address
        (nobody else can be written to, by this site or a visitor).
        """
        if site is None:
            return []
        rows = self.targets.select_related("decision_maker").order_by("sort_order", "pk")
        return [
            row.decision_maker
            for row in rows
            if row.decision_maker.email and row.decision_maker.site_id == site.pk
        ]

    def letter_version(self, request=None):
        """(page whose subject and letter visitors send, its language code).

        The page being read, unless the editor fixed the letter's language:
        then that language's live version (or the default language's page).
        """
        if self.letter_language == READER_LANGUAGE:
            source = original_of(self, request) or self
            return self, language_of(source)
        version = self.in_language(self.letter_language)
        return version, language_of(original_of(version, request) or version)

    def listing_card(self):
        return "campaigns/action_card.html", "action"

    # --- addresses ---

    def route_url(self, name, request=None):
        return self.get_url(request) + self.reverse_subpage(name)

    def thank_you_url(self, request=None, participant=None):
        address = self.route_url("thank_you", request)
        if participant is not None:
            address += "?" + references.query_for(participant, self)
        return address

    # --- the form ---

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["is_open"] = self.is_open(now)
        context["progress"] = progress.Progress(self.participant_count(), self.goal)
        return context

    def form_parts(self, request):
        """What the form is made of, read once per request: who to write to, and the letter."""
        letter_page, letter_language = self.letter_version(request)
        return FormParts(
            people=shown_people(self.recipients(Site.find_for_request(request)), request),
            subject=letter_page.letter_subject,
            letter=letter_page.letter_body,
            letter_language=letter_language,
        )

    def make_form(self, request, parts, data=None):
        one = self.targeting == Targeting.ONE
        return TakePartForm(
            data,
            initial={"letter": parts.letter},
            recipient_choices=recipient_choices(parts.people) if one else None,
            letter_language=parts.letter_language,
            consent_label=self.consent_label(request),
        ).described()

    def consent_label(self, request):
        if self.consent_text:
            return self.consent_text
        return gettext(
            "I agree to my name, email address and town or ZIP code being sent with my letter "
            "and kept by %(organization)s as its privacy notice says."
        ) % {"organization": SiteSettings.for_request(request).display_name}

    @path("")
    def take_part(self, request):
        if not self.is_open():
            if request.method == "POST":
                logger.info("Action page %s: post after the deadline; nothing stored", self.pk)
            return self.render_closed(request, status=410 if request.method == "POST" else 200)
        parts = self.form_parts(request)
        if request.method != "POST":
            return self.render_form(request, parts, self.make_form(request, parts))
        form = self.make_form(request, parts, request.POST)
        refusal = form_protection.refusal_for(request, self)
        if refusal is form_protection.ALREADY_ACCEPTED:
            return self.sent_again(request)
        if refusal is not None:
            logger.warning("Action page %s: post refused (%s)", self.pk, refusal.reason)
            message = REFUSAL_MESSAGES.get(refusal, refusal.message)
            return self.render_form(request, parts, form, message, status=refusal.status)
        if not form.is_valid():
            logger.info(
                "Action page %s: form invalid (%s)", self.pk, ", ".join(sorted(form.errors))
            )
            return self.render_form(request, parts, form, status=400)
        plan = self.plan(request, parts, form.cleaned_data.get("target"))
        participant = taking_part.record(self, form.cleaned_data, plan, request)
        if participant is None:
            # The same form sent twice at once: the other post stored it.
            return self.sent_again(request)
        form_protection.count_submission(request, self)
        # Post, redirect, get: reloading the next page sends nothing again.
        return HttpResponseRedirect(self.thank_you_url(request, participant), status=303)

    def plan(self, request, parts, chosen=None):
        """Who this post's letter goes to and how, for taking_part.record.

        `chosen` is the id of the decision maker the visitor picked, where they pick one.
        """
        people = [person.pk for person in parts.people]
        if self.targeting == Targeting.ONE:
            people = [person for person in people if person == chosen]
        sent_by_site = self.delivery == Delivery.EMAIL
        return taking_part.Plan(
            site=Site.find_for_request(request),
            recipient_ids=people,
            sent_by_site=sent_by_site,
            daily_cap=CampaignSettings.for_request(request).daily_letter_cap,
            subject=parts.subject,
            letter_language=parts.letter_language,
        )

    def sent_again(self, request):
        """A form already stored, sent again (a double click, a reload, a replay): store nothing."""
        logger.info("Action page %s: %s", self.pk, form_protection.ALREADY_ACCEPTED.reason)
        participant = taking_part.participant_for_repeat(self, request)
        return HttpResponseRedirect(self.thank_you_url(request, participant), status=303)

    def render_form(self, request, parts, form, refusal_message="", status=200):
        campaign_settings = CampaignSettings.for_request(request)
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "refusal_message": refusal_message,
                "error_summary": form.error_summary() if form.is_bound else [],
                "recipients": parts.people,
                "letter": {
                    "subject": parts.subject,
                    "language": parts.letter_language,
                    # Marked with its own language where it is not the page's.
                    "foreign": parts.letter_language != get_language(),
                },
                "privacy_notice": privacy_notice(request),
                "find_legislator_url": campaign_settings.find_legislator_url,
                "retention_days": campaign_settings.retention_days,
                "started_token": form_protection.issue_token(self),
                "honeypot_field": form_protection.HONEYPOT_FIELD,
                "started_field": form_protection.STARTED_FIELD,
            },
        )
        response.status_code = status
        return public_but_never_stored(response, private=True)

    def render_closed(self, request, status=200):
        response = self.render(
            request,
            context_overrides={"next_actions": self.next_actions(request)},
        )
        response.status_code = status
        return public_but_never_stored(response)

    def next_actions(self, request):
        """What to suggest next: the editor's choice if live on this site, else open actions."""
        if self.next_action_id:
            chosen = localized(self.next_action, request)
            site = Site.find_for_request(request)
            if chosen is not None and chosen.live and site is not None:
                if chosen.get_site() == site:
                    return [chosen.specific]
        parent = ancestor_of(self, request)
        if parent is None:
            return []
        others = listing_queryset(ActionPage, parent).exclude(pk=self.pk)
        return list(progress.still_open(others, timezone.now())[:SUGGESTED_ACTIONS])

    # --- the thank-you page ---

    @path(f"{THANK_YOU_PATH}/", name="thank_you")
    def thank_you(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        participant = references.participant_for(request.GET.get(references.QUERY_NAME), self)
        response = self.render(
            request,
            template=self.thank_you_template,
            context_overrides={
                "subpage_title": _("Thank you"),
                "canonical_path": request.path,
                "noindex": True,
                "action_path": self.get_url(request),
                "sent": taking_part.what_was_sent(participant, request) if participant else None,
                "reference_given": bool(request.GET.get(references.QUERY_NAME)),
                "next_actions": self.next_actions(request),
            },
        )
        # Personal details for the holder of the reference only, and never a stale suggestion.
        add_never_cache_headers(response)
        return response

    def serve_preview(self, request, mode_name):
        if mode_name == self.THANK_YOU_PREVIEW:
            return self.thank_you(request)
        return super().serve_preview(request, mode_name)


class ActionTarget(Orderable):
    """One decision maker an action's letters go to (or whom visitors choose among)."""

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="targets")
    decision_maker = models.ForeignKey(
        DecisionMaker,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=in_default_language,
        help_text="Someone from your site's list of decision makers (Decision makers in the menu).",
    )

    panels = [FieldPanel("decision_maker")]

    def __str__(self):
        return str(self.decision_maker)
