"""A translation goes through its site's review like any page: submitted, approved, then live.

wagtail-localize's translation editor offers only "Publish", to those who may
publish; an editor had no way to hand a finished translation to review. Here
the editor's "Submit for review" (offered on the translation editor, see
`offer_review_on_the_translation_editor`) builds the page with the
translated strings in memory, saves it as a new revision, and starts the
page's workflow: visitors keep reading the live translation until the last
step approves, which publishes that revision. The address and its checks are
refused (404, or a message) for anyone who may not edit the page, and a page
already in review is left as it is.

Moderators may still publish a translation directly from the translation
editor, as they may any page; the page's history shows who did.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.admin import messages
from wagtail.models import Page

from wagtail_localize.models import Translation


def translation_of(page):
    """The enabled wagtail-localize translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def can_submit(page, user):
    workflow = page.get_workflow()
    return (
        workflow is not None
        and page.permissions_for_user(user).can_edit()
        and not page.workflow_in_progress
    )


def submit_url(page):
    return reverse("editorial:submit_translation", args=[page.pk])


def offer_review_on_the_translation_editor(request, page):
    """A `before_edit_page` hook: on a translation, a button to submit it for review."""
    if request.method != "GET" or translation_of(page) is None:
        return None
    page = page.specific
    if can_submit(page, request.user):
        messages.info(
            request,
            "When the translation reads well, submit it for review: "
            "visitors read it once it is approved.",
            buttons=[messages.button(submit_url(page), "Submit for review")],
        )
    return None


def submit_translation(request, page_id):
    """Confirm (GET) and submit (POST) a page's translation for its site's review."""
    page = get_object_or_404(Page, pk=page_id).specific
    translation = translation_of(page)
    if translation is None or not page.permissions_for_user(request.user).can_edit():
        raise Http404
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if page.workflow_in_progress:
        messages.warning(request, f"'{page.get_admin_display_title()}' is already in review.")
        return redirect(edit_url)
    workflow = page.get_workflow()
    if workflow is None:
        raise PermissionDenied
    if request.method == "POST":
        try:
            with transaction.atomic():
                # The translated strings applied to a copy in memory, saved as a
                # revision only: the live page is left as visitors read it.
                translated = translation.source.get_ephemeral_translated_instance(
                    translation.target_locale, fallback=True
                )
                translated.save_revision(user=request.user)
                workflow.start(translated, request.user)
        except ValidationError as error:
            messages.error(
                request,
                "The translation could not be submitted: " + " ".join(error.messages),
            )
            return redirect(edit_url)
        messages.success(
            request,
            f"'{page.get_admin_display_title()}' was submitted for review ({workflow.name}).",
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "editorial/submit_translation.html",
        {"page": page, "workflow": workflow, "edit_url": edit_url, "locale": page.locale},
    )


def refuse_publishing_without_the_right(request, view_kwargs):
    """Refuse wagtail-localize's "publish immediately" to anyone who may not publish the pages.

    "Sync translated pages" with that box ticked publishes every translation
    of a page, and the library checks only that the user may submit
    translations, which every editor may. Without the box, the sync keeps
    them as they are, for the translator to submit for review.
    """
    if (
        request.method != "POST"
        or request.resolver_match.view_name != "wagtail_localize:update_translations"
        or not request.POST.get("publish_translations")
    ):
        return
    translations = Translation.objects.filter(
        source_id=view_kwargs.get("translation_source_id"), enabled=True
    )
    for translation in translations:
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue  # not made yet: the sync makes nothing new
        if isinstance(target, Page) and not target.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
