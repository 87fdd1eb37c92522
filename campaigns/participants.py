"""Who took part in an action, and the letters each of them sent or was given to send.

Every language's participants are stored against the default language's
page, as survey answers are, so one count and one list cover both. After
the site's retention period their name, e-mail, town and letter are erased
(`erase_expired`), leaving the row, so the action's count does not drop.
`Letter` rows hold no personal detail and outlive both: the daily cap
counts the letters this site sent each decision maker, whoever wrote them.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils import timezone

from wagtail.models import Site

from decision_makers.models import DecisionMaker

MAX_NAME_LENGTH = 100
MAX_TOWN_LENGTH = 60
MAX_LETTER_LENGTH = 5000
MAX_SUBJECT_LENGTH = 150


class Participant(models.Model):
    """One person who took part in an action, in the language they read it in."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(
        "campaigns.ActionPage",
        on_delete=models.CASCADE,
        related_name="participants",
        help_text="The default language's page: one list per action.",
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(max_length=MAX_NAME_LENGTH, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    town = models.CharField("town or ZIP code", max_length=MAX_TOWN_LENGTH, blank=True)
    subject = models.CharField(max_length=MAX_SUBJECT_LENGTH, blank=True)
    letter = models.TextField(blank=True)
    letter_language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField("took part", default=timezone.now, db_index=True)
    erased_at = models.DateTimeField("details erased", null=True, blank=True)
    # The SHA-256 of the form token that stored this row, so a repeat of that
    # post leads to the same thank-you page. Cleared with the details.
    form_token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "action participant"

    def __str__(self):
        return self.name or "(details erased)"

    # Columns of the admin's list and export.

    def action_title(self):
        return self.action.title

    def site_name(self):
        return self.site.site_name or self.site.hostname

    def letters_to(self):
        return "; ".join(
            f"{letter.decision_maker.name} ({letter.get_method_display()})"
            for letter in self.deliveries.all()
        )


class Letter(models.Model):
    """One letter of one participant to one decision maker, and how it went."""

    class Method(models.TextChoices):
        EMAIL = "email", "Sent by this site"
        MAILTO = "mailto", "Given to the visitor to send"
        OVER_CAP = "over-cap", "Daily limit reached: given to the visitor to send"
        FAILED = "failed", "Sending failed: given to the visitor to send"

    participant = models.ForeignKey(
        Participant, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    decision_maker = models.ForeignKey(DecisionMaker, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(max_length=10, choices=Method.choices)
    # New Mexico's calendar day, which the daily cap counts by.
    day = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["decision_maker", "day"], name="letters_per_day")]
        verbose_name = "action letter"

    def __str__(self):
        return f"{self.decision_maker} {self.day} {self.method}"


def methods_within_cap(decision_maker_ids, day, cap):
    """{decision maker id: EMAIL, or OVER_CAP once the site sent them `cap` letters on `day`}.

    Call inside the transaction that stores the letters: the decision makers'
    rows stay locked (select_for_update) until it ends, so two posts at once
    count one after the other and cannot both take the last place.
    """
    # Locked in one order, so two posts naming the same people cannot deadlock.
    locked = list(
        DecisionMaker.objects.select_for_update()
        .filter(pk__in=decision_maker_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    sent = dict(
        Letter.objects.filter(decision_maker_id__in=locked, day=day, method=Letter.Method.EMAIL)
        .values("decision_maker_id")
        .annotate(count=Count("pk"))
        .values_list("decision_maker_id", "count")
    )
    return {
        person: Letter.Method.EMAIL if sent.get(person, 0) < cap else Letter.Method.OVER_CAP
        for person in decision_maker_ids
    }


def counts_by_action(translation_keys):
    """{translation key: participants}: both languages of an action count together."""
    if not translation_keys:
        return {}
    return dict(
        Participant.objects.filter(action__translation_key__in=translation_keys)
        .values("action__translation_key")
        .annotate(count=Count("pk"))
        .values_list("action__translation_key", "count")
    )


def erase_expired(site, retention_days, now=None):
    """Erase the details of `site`'s participants older than `retention_days`; how many.

    The rows stay (anonymous), so counts and the daily cap's history are unchanged.
    """
    now = now or timezone.now()
    expired = Participant.objects.filter(
        site=site,
        created_at__lt=now - timedelta(days=retention_days),
        erased_at__isnull=True,
    )
    return expired.update(
        name="",
        email="",
        town="",
        letter="",
        form_token_hash=None,
        erased_at=now,
    )
