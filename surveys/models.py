"""Surveys and feedback forms built by editors with Wagtail's form builder.

Every language version of a survey stores its answers against the default
language's page, under the same field names and with the default language's
choice values, so one listing and one export hold them all; a column records
the language each answer was given in.
"""

import datetime
import logging

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult

from modelcluster.fields import ParentalKey
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages import form_protection
from pages.mixins import BasePage, OneRecordAcrossLanguages
from pages.models import HOME_PAGE
from pages.visitor_forms import CONSENT_FIELD

logger = logging.getLogger("surveys")

# Hyphenated, like the spam-check fields, so no question's clean_name can clash.
LANGUAGE_FIELD = "submission-language"

# The address below a survey's own that thanks the visitor for their answers.
THANK_YOU_PATH = "thank-you"

# Multi-line answers are capped so a post cannot store megabytes of text.
MAX_LONG_ANSWER_LENGTH = 5000

GROUPED_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def split_choices(text):
    """Choices one per line, or comma-separated when written on one line (as Wagtail reads them)."""
    lines = text.strip().splitlines()
    items = lines if len(lines) > 1 else text.split(",")
    return [item.strip().rstrip(",").strip() for item in items if item.strip()]


class SurveyForm(BaseForm):
    @property
    def consent_field(self):
        """The consent box, described by the privacy note beside it (and its error, if any)."""
        bound_field = self[CONSENT_FIELD]
        described_by = ["survey-privacy-note"]
        if bound_field.errors:
            described_by.append(f"{bound_field.auto_id}_error")
        bound_field.field.widget.attrs["aria-describedby"] = " ".join(described_by)
        return bound_field


class SurveyFormBuilder(FormBuilder):
    """Wagtail's form builder, plus the consent box every survey asks for.

    A translated question shows its own choice labels but submits the default
    language's choice at the same position (`choice_values`, by the question's
    translation key), so answers in every language line up in one export.
    """

    def __init__(self, fields, choice_values=None):
        super().__init__(fields)
        self.choice_values = choice_values or {}

    def get_formatted_field_choices(self, field):
        labels = split_choices(field.choices)
        values = self.choice_values.get(field.translation_key)
        if not values or len(values) != len(labels):
            values = labels
        return list(zip(values, labels, strict=True))

    def get_formatted_field_initial(self, field):
        value_for = {label: value for value, label in self.get_formatted_field_choices(field)}
        return [value_for.get(label, label) for label in split_choices(field.default_value)]

    def create_dropdown_field(self, field, options):
        # Without an empty first option the first region would be chosen silently.
        field_instance = super().create_dropdown_field(field, options)
        field_instance.choices = [("", _("Choose one"))] + list(field_instance.choices)
        return field_instance

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_LONG_ANSWER_LENGTH
        return super().create_multiline_field(field, options)

    @property
    def formfields(self):
        fields = super().formfields
        fields[CONSENT_FIELD] = forms.BooleanField(
            required=True,
            label=_("I agree to my answers being stored and read as the privacy note says."),
            error_messages={
                "required": _("Tick this box to agree, or your answers cannot be sent."),
            },
        )
        return fields

    def get_form_class(self):
        return type("SurveyForm", (SurveyForm,), self.formfields)


class SurveyFormField(TranslatableMixin, AbstractFormField):
    """One question of a survey: its label, type, choices and whether it must be answered.

    Translated with the page. The clean name, the key answers are stored
    under, always stays the default language's, so answers line up.
    """

    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        original = self._default_language_version()
        if original is not None and original.clean_name:
            self.clean_name = original.clean_name
        super().save(*args, **kwargs)

    def _default_language_version(self):
        if not self.locale_id or self.locale_id == Locale.get_default().pk:
            return None
        return self.get_translation_or_none(Locale.get_default())


class SurveyPage(OneRecordAcrossLanguages, BasePage, AbstractEmailForm):
    """A survey or feedback form: questions, a required consent box, a thank-you message.

    Answers are stored (Forms in the admin lists and exports them as CSV or
    XLSX) and, when addresses are given, emailed to staff.
    """

    page_description = "A survey or feedback form with a consent box; staff download the answers."

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A short paragraph above the questions."
    )
    privacy_note = RichTextField(
        features=["bold", "italic", "link"],
        help_text=(
            "Shown beside the consent box every survey ends with: who reads the answers, "
            "what they are used for and how long they are kept."
        ),
    )
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown after someone sends their answers.",
    )

    template = "pages/survey_page.html"
    landing_page_template = "pages/survey_page_landing.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = [HOME_PAGE]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Questions", heading="Questions"),
        FieldPanel("privacy_note"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email the answers to staff",
        ),
    ]

    # Staff addresses and the subject are the same in every language.
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("subject"),
    ]

    # BasePage's page and card previews, plus the form builder's thank-you page.
    preview_modes = [
        ("", "Form"),
        ("landing", "Thank-you page"),
        (BasePage.LISTING_CARD_PREVIEW, "Listing card"),
        (BasePage.SOCIAL_CARD_PREVIEW, "Social share card"),
    ]

    class Meta:
        verbose_name = "survey page"

    # --- one record list across languages (OneRecordAcrossLanguages) ---

    def get_submissions(self):
        return FormSubmission.objects.filter(page=self.default_language_page())

    def get_data_fields(self):
        return super().get_data_fields() + [
            (CONSENT_FIELD, "Consent"),
            (LANGUAGE_FIELD, "Language"),
        ]

    def get_form_class(self):
        original = self.default_language_page()
        choice_values = {}
        if original.pk != self.pk:
            choice_values = {
                field.translation_key: split_choices(field.choices)
                for field in original.get_form_fields()
            }
        return SurveyFormBuilder(self.get_form_fields(), choice_values).get_form_class()

    def process_form_submission(self, form):
        """Wagtail's way to store and e-mail an answer; `serve` does both around the token check."""
        submission = self.store_submission(form)
        self.default_language_page().email_submission(submission)
        return submission

    def store_submission(self, form):
        return FormSubmission.objects.create(
            form_data={**form.cleaned_data, LANGUAGE_FIELD: self.locale.language_code},
            page=self.default_language_page(),
        )

    def email_submission(self, submission):
        if not self.to_address:
            return
        message = EmailMessage(
            subject=self.subject or f"New answers: {self.title}",
            body=self.render_submission(submission),
            from_email=self.from_address or settings.DEFAULT_FROM_EMAIL,
            to=[address.strip() for address in self.to_address.split(",") if address.strip()],
            headers={"Auto-Submitted": "auto-generated"},
        )
        try:
            message.send()
        except OSError:  # SMTPException included: the answers are stored all the same
            logger.exception("Survey page %s: could not email a submission", self.pk)

    def render_submission(self, submission):
        data = submission.get_data()
        lines = []
        for name, label in self.get_data_fields():
            lines.append(f"{label}: {plain_answer(data.get(name, ''))}")
        return "\n".join(lines)

    # --- serving the form ---

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["survey_token"] = form_protection.issue_token(self)
        context["honeypot_field"] = form_protection.HONEYPOT_FIELD
        context["started_field"] = form_protection.STARTED_FIELD
        context["consent_field"] = CONSENT_FIELD
        return context

    def route(self, request, path_components):
        if path_components == [THANK_YOU_PATH] and self.live:
            return RouteResult(self, kwargs={"thank_you": True})
        return super().route(request, path_components)

    def thank_you_url(self, request=None):
        return f"{self.get_url(request)}{THANK_YOU_PATH}/"

    def serve(self, request, *args, thank_you=False, **kwargs):
        if thank_you:
            return self.serve_thank_you(request)
        if request.method != "POST":
            return self.render_form(request, self.get_form(page=self, user=request.user))
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        refusal = form_protection.refusal_for(request, self)
        if refusal is form_protection.ALREADY_ACCEPTED:
            return self.sent_again(request)
        if refusal is not None:
            logger.warning("Survey page %s: submission refused (%s)", self.pk, refusal.reason)
            return self.render_form(request, form, refusal=refusal)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        with transaction.atomic():
            if not form_protection.accept_once(request):
                # The same form sent twice at once: the other post stored it.
                return self.sent_again(request)
            submission = self.store_submission(form)
        self.default_language_page().email_submission(submission)
        form_protection.count_submission(request, self)
        # Post, redirect, get: reloading the next page sends nothing again.
        return HttpResponseRedirect(self.thank_you_url(request), status=303)

    def sent_again(self, request):
        """A form already stored, sent again (a double click, a reload, a replay): store nothing."""
        logger.info("Survey page %s: %s", self.pk, form_protection.ALREADY_ACCEPTED.reason)
        return HttpResponseRedirect(self.thank_you_url(request), status=303)

    def serve_thank_you(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        context = self.get_context(request)
        context.update(
            {"subpage_title": _("Thank you"), "canonical_path": request.path, "noindex": True}
        )
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def render_form(self, request, form, refusal=None, status=200):
        context = self.get_context(request)
        context["form"] = form
        context["refusal"] = refusal
        context["error_summary"] = error_summary(form) if form.is_bound else []
        return TemplateResponse(
            request,
            self.get_template(request),
            context,
            status=refusal.status if refusal else status,
        )


def plain_answer(value):
    """An answer as staff read it in an email."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def error_summary(form):
    """(id to link to, question, message) for each field error, in the form's order."""
    summary = []
    for bound_field in form:
        target = bound_field.auto_id
        if isinstance(bound_field.field.widget, GROUPED_WIDGETS):
            target = f"{target}_0"  # a group's first option
        # The consent box's label is a sentence of its own; its message says enough.
        label = "" if bound_field.name == CONSENT_FIELD else bound_field.label
        summary += [(target, label, error) for error in bound_field.errors]
    summary += [("", "", error) for error in form.non_field_errors()]
    return summary
