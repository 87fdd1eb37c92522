"""A Spanish translation goes through its site's review before visitors read it.

An editor works in wagtail-localize's translation editor, then submits the
translation for review (editorial/translation_review.py); a colleague and a
moderator approve, and only then is the new Spanish live. Nobody without the
right may publish translations through the library's side doors.
"""

from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.synctree import synchronize_tree

from articles.models import ArticlePage
from demo.translate import translate
from editorial.models import SiteRoles
from editorial.roles import set_up_all_sites
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    make_staff,
)

pytestmark = pytest.mark.django_db

OLD_TITLE, NEW_TITLE = "Foros en Gallup", "Foros comunitarios en Gallup"


def build():
    english_locale, spanish_locale = content_locales()
    site = make_site("localhost", "Learning Alliance of New Mexico")
    other = make_site("kidscan.localhost", "NewMexicoKidsCAN", default=False)
    news = make_news_index(site.root_page, title="News", slug="news")
    article = make_article(news, title="Forums in Gallup", slug="forums", summary="Six regions.")
    synchronize_tree(english_locale, spanish_locale)
    copy = ArticlePage.objects.get(pk=article.pk)
    copy.title, copy.summary = OLD_TITLE, "Seis regiones."
    translate(article, copy, spanish_locale)
    set_up_all_sites()
    roles = SiteRoles.objects.get(site=site)
    return {
        "spanish": article.get_translation(spanish_locale).specific,
        "translation": Translation.objects.get(
            source__object_id=article.translation_key, target_locale=spanish_locale
        ),
        "editor": make_staff("alliance-editor", roles.editors),
        "colleague": make_staff("alliance-editor-two", roles.editors),
        "moderator": make_staff("alliance-moderator", roles.moderators),
        "outsider": make_staff("kidscan-editor", SiteRoles.objects.get(site=other).editors),
    }


built = built_once_per_module(build)


@pytest.fixture
def site(built):
    return fresh_copies(built)


def retitle(translation, title):
    """What typing a new Spanish title into the translation editor stores."""
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context
    ).update(data=title)


def public_title(client, page):
    client.logout()
    response = client.get(ArticlePage.objects.get(pk=page.pk).get_url())
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


def submit_url(page):
    return reverse("editorial:submit_translation", args=[page.pk])


def approve(client, user, page):
    client.force_login(user)
    page = ArticlePage.objects.get(pk=page.pk)
    step = page.current_workflow_state.current_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{step.pk}/")


def test_the_translation_editor_offers_an_editor_to_submit_for_review(client, site):
    client.force_login(site["editor"])

    response = client.get(reverse("wagtailadmin_pages:edit", args=[site["spanish"].pk]))

    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert submit_url(site["spanish"]) in response.content.decode()


def test_a_submitted_translation_goes_live_only_after_both_steps(
    client, site, django_capture_on_commit_callbacks
):
    spanish = site["spanish"]
    retitle(site["translation"], NEW_TITLE)
    client.force_login(site["editor"])

    confirm = client.get(submit_url(spanish))
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(submit_url(spanish))

    assert confirm.status_code == 200
    assert submitted.status_code == 302
    state = WorkflowState.objects.get(object_id=str(spanish.pk))
    assert (state.status, state.requested_by) == (
        WorkflowState.STATUS_IN_PROGRESS,
        site["editor"],
    )
    assert public_title(client, spanish) == OLD_TITLE

    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, site["colleague"], spanish).status_code == 302
    assert public_title(client, spanish) == OLD_TITLE
    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, site["moderator"], spanish).status_code == 302

    assert public_title(client, spanish) == NEW_TITLE


def test_the_submitter_cannot_approve_their_own_translation(client, site):
    client.force_login(site["editor"])
    client.post(submit_url(site["spanish"]))

    approve(client, site["editor"], site["spanish"])

    state = WorkflowState.objects.get(object_id=str(site["spanish"].pk))
    assert state.current_task_state.task_id == state.workflow.tasks.first().pk


def test_another_sites_editor_cannot_submit_it(client, site):
    client.force_login(site["outsider"])

    assert client.get(submit_url(site["spanish"])).status_code == 404
    assert client.post(submit_url(site["spanish"])).status_code == 404
    assert not WorkflowState.objects.filter(object_id=str(site["spanish"].pk)).exists()


def test_an_editor_cannot_publish_translations_by_syncing(
    client, site, django_capture_on_commit_callbacks
):
    retitle(site["translation"], NEW_TITLE)
    sync = reverse("wagtail_localize:update_translations", args=[site["translation"].source.pk])
    client.force_login(site["editor"])

    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(sync, {"publish_translations": "on"})

    assert refused.status_code in (302, 403)
    assert public_title(client, site["spanish"]) == OLD_TITLE
    assert not PageLogEntry.objects.filter(
        page=site["spanish"], action="wagtail.publish", user=site["editor"]
    ).exists()


def test_a_moderator_may_publish_translations_by_syncing(
    client, site, django_capture_on_commit_callbacks
):
    retitle(site["translation"], NEW_TITLE)
    sync = reverse("wagtail_localize:update_translations", args=[site["translation"].source.pk])
    client.force_login(site["moderator"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync, {"publish_translations": "on"})

    assert public_title(client, site["spanish"]) == NEW_TITLE
    # The page's history names the moderator with the revision that went live.
    assert ArticlePage.objects.get(pk=site["spanish"].pk).live_revision.user == site["moderator"]
