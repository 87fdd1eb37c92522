"""Newsletter sign-up stored in the site, with double opt-in by e-mail.

One `NewsletterPage` per site (and its Spanish translation) shows the sign-up
form; every language's sign-ups are stored against the default language's
page, with the language they signed up in, so one list per site exports
together (as surveys do with their answers).

A sign-up is `pending` until the address's owner follows the e-mailed link
and presses "Confirm my subscription" (a POST: mail systems' link scanners
fetch links with GET and must not confirm anything). Every e-mail carries an
unsubscribe link; `newsletter.urls` also takes RFC 8058 one-click
unsubscribes, so a newsletter tool can put that address in its
`List-Unsubscribe` header. The form and both buttons answer a post with a
redirect to a page saying what happened, so a reload sends nothing again, and
a sign-up form is accepted once (pages/form_protection.py): a double click
or a replay stores and e-mails nothing more.

Tokens: the confirmation token is stored only as its SHA-256 hash (it is
used once, within seven days, and a copy of the database must not let anyone
confirm other people's addresses). The unsubscribe token is stored as is:
staff export it in every subscriber's unsubscribe address, it never changes
(links in newsletters sent years ago keep working), and all it can do is
unsubscribe.
"""

import hashlib
import logging
import re
import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.search import index

from pages import form_protection
from pages.mixins import BasePage, OneRecordAcrossLanguages, RoutableBasePage
from pages.models import HOME_PAGE, SiteSettings
from pages.visitor_forms import CONSENT_FIELD, DescribedForm

logger = logging.getLogger("newsletter")

# A confirmation link works this long after it was sent.
CONFIRMATION_VALID_FOR = timedelta(days=7)
# At most one e-mail per address and list in this time, however often it is typed in.
EMAIL_INTERVAL = timedelta(minutes=10)
# secrets.token_urlsafe(32): 43 characters of the URL-safe base64 alphabet.
TOKEN_BYTES = 32
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def well_formed(token):
    """True for a string shaped like our tokens; checked before any query (no NUL reaches SQL)."""
    return isinstance(token, str) and TOKEN_PATTERN.fullmatch(token) is not None


def site_root_url(site):
    """The site's address for links read outside any request (exports, welcome e-mails).

    Wagtail's Site.root_url says http for port 80, but a site that redirects
    to HTTPS (production) is linked as https, so no link depends on a redirect.
    """
    if site is None:
        return ""
    root = site.root_url
    if getattr(settings, "SECURE_SSL_REDIRECT", False) and root.startswith("http://"):
        root = "https://" + root.removeprefix("http://").removesuffix(":80")
    return root


def normalise_email(address):
    return (address or "").strip().lower()


class SignUpForm(DescribedForm, forms.Form):
    help_ids = {"email": "newsletter-email-help", CONSENT_FIELD: "newsletter-privacy"}

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT_FIELD] = forms.BooleanField(
            required=True,
            label=_("I agree to my email address being kept as the privacy note says."),
            error_messages={
                "required": _("Tick this box to agree, or we cannot send you the newsletter."),
            },
        )

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


# A refusal from pages.form_protection, worded for a sign-up rather than survey answers.
REFUSAL_MESSAGES = {
    form_protection.HONEYPOT_FILLED: _(
        "You were not signed up. Please leave the box marked “Leave this box empty” blank "
        "and try again."
    ),
    form_protection.MISSING_TIMESTAMP: _(
        "You were not signed up because the form was incomplete or had expired. Please try again."
    ),
    form_protection.TOO_FAST: _(
        "You were not signed up because the form was sent too quickly. Please try again."
    ),
    form_protection.RATE_LIMITED: _(
        "This form has already been sent several times from your connection in the last few "
        "minutes. Please wait ten minutes and try again."
    ),
}


class NewsletterPage(OneRecordAcrossLanguages, RoutableBasePage):
    """The newsletter sign-up: what readers will get and how often, and the privacy note.

    Sign-ups are confirmed by e-mail before anyone is added to the list.
    Subscribers (Newsletter subscribers in the admin menu) are listed and
    exported, with their unsubscribe links, for the tool that sends the
    newsletter.

    Addresses below the page (English; Spanish under /es/ likewise):
    /newsletter/check-your-inbox/          after signing up
    /newsletter/confirm/<token>/           the e-mailed link: a button that confirms
    /newsletter/unsubscribe/<token>/       a button that unsubscribes
    """

    page_description = "The newsletter sign-up: what readers get, how often, and the privacy note."

    introduction = models.TextField(
        max_length=600,
        help_text="What subscribers will get and how often, in a sentence or two.",
    )
    privacy_note = RichTextField(
        features=["bold", "italic", "link"],
        help_text=(
            "Shown beside the consent box: who keeps the address, what it is used for, "
            "and that every newsletter has an unsubscribe link."
        ),
    )
    check_inbox_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text=(
            "Shown after someone signs up, below “Check your inbox”. Optional: for example, "
            "where to look if the e-mail does not arrive."
        ),
    )
    welcome_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown once someone has confirmed: for example, when the next issue is due.",
    )

    template = "pages/newsletter_page.html"
    check_inbox_template = "pages/newsletter_check_inbox.html"
    confirm_template = "pages/newsletter_confirm.html"
    unsubscribe_template = "pages/newsletter_unsubscribe.html"
    link_problem_template = "pages/newsletter_link_problem.html"
    lead_text_field = "introduction"
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("privacy_note"),
    ]
    parent_page_types = [HOME_PAGE]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("privacy_note"),
        FieldPanel("check_inbox_text"),
        FieldPanel("welcome_text"),
    ]

    class Meta:
        verbose_name = "newsletter page"

    def organization_name(self):
        site = self.get_site()
        return SiteSettings.for_site(site).display_name if site else ""

    def route_url(self, name, *args, request=None):
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    # --- the sign-up form ---

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["started_token"] = form_protection.issue_token(self)
        context["honeypot_field"] = form_protection.HONEYPOT_FIELD
        context["started_field"] = form_protection.STARTED_FIELD
        context["consent_field"] = CONSENT_FIELD
        return context

    @path("")
    def sign_up(self, request):
        if request.method != "POST":
            return self.render_form(request, SignUpForm().described())
        form = SignUpForm(request.POST).described()
        refusal = form_protection.refusal_for(request, self)
        check_inbox = HttpResponseRedirect(
            self.route_url("check_inbox", request=request), status=303
        )
        if refusal is form_protection.ALREADY_ACCEPTED:
            logger.info("Newsletter page %s: sign-up %s", self.pk, refusal.reason)
            return check_inbox
        if refusal is not None:
            logger.warning("Newsletter page %s: sign-up refused (%s)", self.pk, refusal.reason)
            message = REFUSAL_MESSAGES.get(refusal, refusal.message)
            return self.render_form(request, form, message, status=refusal.status)
        if not form.is_valid():
            logger.info(
                "Newsletter page %s: sign-up form invalid (%s)",
                self.pk,
                ", ".join(sorted(form.errors)),
            )
            return self.render_form(request, form, status=400)
        if register_sign_up(self, form.cleaned_data["email"], request) is None:
            logger.info(
                "Newsletter page %s: sign-up %s",
                self.pk,
                form_protection.ALREADY_ACCEPTED.reason,
            )
        else:
            form_protection.count_submission(request, self)
        # Post, redirect, get: reloading the next page sends nothing again. A
        # form sent twice leads there too, as the visitor expects.
        return check_inbox

    def render_form(self, request, form, refusal_message="", status=200):
        return self.render(
            request,
            context_overrides={
                "form": form,
                "refusal_message": refusal_message,
                "error_summary": form.error_summary() if form.is_bound else [],
            },
            status=status,
        )

    def render(self, request, *args, status=200, **kwargs):
        response = super().render(request, *args, **kwargs)
        response.status_code = status
        return response

    @path("check-your-inbox/", name="check_inbox")
    def check_inbox(self, request):
        return self.render(
            request,
            template=self.check_inbox_template,
            context_overrides={
                **self._subpage_context(request, _("Check your inbox")),
                "valid_days": CONFIRMATION_VALID_FOR.days,
            },
        )

    # --- the links in the e-mails ---

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        subscriber = Subscriber.for_confirm_token(token, self.default_language_page())
        if subscriber is None:
            return self.link_problem(request, expired=False)
        if subscriber.confirmation_expired():
            return self.link_problem(request, expired=True)
        if request.method == "POST":
            if subscriber.confirm():
                subscriber.send_welcome(request)
            # Post, redirect, get: the link's page now says the address is subscribed.
            confirm_page = self.route_url("confirm", token, request=request)
            return HttpResponseRedirect(confirm_page, status=303)
        if request.method not in ("GET", "HEAD"):
            return self._not_allowed()
        confirmed = subscriber.status == Subscriber.Status.CONFIRMED
        title = _("You are subscribed") if confirmed else _("Confirm your subscription")
        return self._token_page(
            request,
            self.confirm_template,
            title,
            {"subscriber": subscriber, "confirmed": confirmed},
        )

    @path("unsubscribe/<str:token>/", name="unsubscribe")
    def unsubscribe(self, request, token):
        subscriber = Subscriber.for_unsubscribe_token(token, self.default_language_page())
        if subscriber is None:
            return self.link_problem(request, expired=False)
        if request.method == "POST":
            subscriber.unsubscribe()
            unsubscribe_page = self.route_url("unsubscribe", token, request=request)
            return HttpResponseRedirect(unsubscribe_page, status=303)
        if request.method not in ("GET", "HEAD"):
            return self._not_allowed()
        done = subscriber.status == Subscriber.Status.UNSUBSCRIBED
        title = _("You are unsubscribed") if done else _("Unsubscribe")
        return self._token_page(
            request, self.unsubscribe_template, title, {"subscriber": subscriber, "done": done}
        )

    def link_problem(self, request, expired):
        status = 410 if expired else 404
        title = _("This link has expired") if expired else _("This link does not work")
        return self._token_page(
            request, self.link_problem_template, title, {"expired": expired}, status=status
        )

    def _token_page(self, request, template, title, extra, status=200):
        response = self.render(
            request,
            template=template,
            context_overrides={**self._subpage_context(request, title), **extra},
            status=status,
        )
        # A page reached by a personal link is nobody else's: never cached, never indexed.
        add_never_cache_headers(response)
        return response

    def _subpage_context(self, request, title):
        return {"subpage_title": title, "canonical_path": request.path, "noindex": True}

    def _not_allowed(self):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])


class Subscriber(models.Model):
    """One address on one site's newsletter list, in the language it signed up in."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    newsletter = models.ForeignKey(
        NewsletterPage,
        on_delete=models.CASCADE,
        related_name="newsletter_subscribers",
        help_text="The default language's newsletter page: one list per site.",
    )
    email = models.EmailField(max_length=254)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # When this address was last sent anything, so it is not sent more than once per interval.
    last_emailed_at = models.DateTimeField(null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "email"], name="one_subscriber_per_list")
        ]
        verbose_name = "newsletter subscriber"

    def __str__(self):
        return self.email

    # --- finding a subscriber by a link's token ---

    @classmethod
    def for_confirm_token(cls, token, newsletter):
        if not well_formed(token):
            return None
        return cls.objects.filter(
            newsletter=newsletter, confirm_token_hash=token_hash(token)
        ).first()

    @classmethod
    def for_unsubscribe_token(cls, token, newsletter=None):
        if not well_formed(token):
            return None
        found = cls.objects.filter(unsubscribe_token=token).select_related("newsletter")
        if newsletter is not None:
            found = found.filter(newsletter=newsletter)
        return found.first()

    # --- changes of state ---

    def confirmation_expired(self):
        sent = self.confirmation_sent_at or self.created_at
        return timezone.now() - sent > CONFIRMATION_VALID_FOR

    def confirm(self):
        """Confirm a pending sign-up; False if it was already confirmed (nothing changes)."""
        with transaction.atomic():
            current = Subscriber.objects.select_for_update().get(pk=self.pk)
            if current.status == self.Status.CONFIRMED:
                return False
            self.status = self.Status.CONFIRMED
            self.confirmed_at = timezone.now()
            self.unsubscribed_at = None
            self.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
        return True

    def unsubscribe(self):
        """Take the address off the list; doing it again changes nothing."""
        if self.status == self.Status.UNSUBSCRIBED:
            return False
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        # An old confirmation link must not put the address back on the list.
        self.confirm_token_hash = ""
        self.save(update_fields=["status", "unsubscribed_at", "confirm_token_hash"])
        return True

    def site_name(self):
        site = self.newsletter.get_site()
        return (site.site_name or site.hostname) if site else ""

    # --- links ---

    def page_in_language(self):
        return self.newsletter.in_language(self.language)

    def unsubscribe_url(self):
        """The address for newsletters to link (and to put in List-Unsubscribe): absolute.

        GET leads to the unsubscribe page in the subscriber's language; a
        one-click POST (RFC 8058) unsubscribes at once.
        """
        return site_root_url(self.newsletter.get_site()) + reverse(
            "newsletter_unsubscribe", args=[self.unsubscribe_token]
        )

    def unsubscribe_page_url(self, request=None):
        page = self.page_in_language()
        return page.route_url("unsubscribe", self.unsubscribe_token, request=request)

    # --- e-mails ---

    def send_email(self, kind, context, language, headers=None):
        newsletter = self.newsletter
        with translation.override(language):
            context = {
                "organization": newsletter.organization_name(),
                "subscriber": self,
                **context,
            }
            subject = render_to_string(f"newsletter/email/{kind}_subject.txt", context)
            body = render_to_string(f"newsletter/email/{kind}.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[self.email],
            headers={"Auto-Submitted": "auto-generated", **(headers or {})},
        )
        try:
            message.send()
        except OSError:  # SMTPException included
            logger.exception(
                "Newsletter page %s: could not send the %s e-mail", newsletter.pk, kind
            )
            return False
        return True

    def send_welcome(self, request):
        unsubscribe = self.unsubscribe_url()
        self.send_email(
            "welcome",
            {"unsubscribe_url": unsubscribe},
            self.language,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def register_sign_up(page, email, request):
    """Add `email` to `page`'s list as pending and send a confirmation link, as allowed.

    Whatever the address's state, the visitor is told the same thing; a
    confirmed address gets an "already subscribed" e-mail with its
    unsubscribe link instead and stays confirmed. Nothing is sent to an
    address sent anything in the last EMAIL_INTERVAL. None, with nothing
    stored or sent, when the post's form token was already accepted (the
    form sent twice, or replayed).
    """
    newsletter = page.default_language_page()
    language = page.locale.language_code
    now = timezone.now()
    with transaction.atomic():
        if not form_protection.accept_once(request):
            return None
        Subscriber.objects.get_or_create(
            newsletter=newsletter, email=email, defaults={"language": language}
        )
        subscriber = Subscriber.objects.select_for_update().get(newsletter=newsletter, email=email)
        if subscriber.last_emailed_at and now - subscriber.last_emailed_at < EMAIL_INTERVAL:
            logger.info("Newsletter page %s: sign-up not e-mailed (sent recently)", newsletter.pk)
            return subscriber
        subscriber.last_emailed_at = now
        if subscriber.status == Subscriber.Status.CONFIRMED:
            subscriber.save(update_fields=["last_emailed_at"])
            kind, context = "already_subscribed", {}
        else:
            token = new_token()
            subscriber.status = Subscriber.Status.PENDING
            subscriber.language = language
            subscriber.confirm_token_hash = token_hash(token)
            subscriber.confirmation_sent_at = now
            subscriber.save()
            kind = "confirm"
            context = {
                "confirm_url": request.build_absolute_uri(
                    page.route_url("confirm", token, request=request)
                ),
                "valid_days": CONFIRMATION_VALID_FOR.days,
            }
    context["unsubscribe_url"] = subscriber.unsubscribe_url()
    context["page_url"] = request.build_absolute_uri(page.get_url(request))
    subscriber.send_email(kind, context, language)
    return subscriber
