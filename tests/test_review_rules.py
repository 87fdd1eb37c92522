"""Nobody approves their own work: every review step needs someone other than the submitter.

Each site's two review steps are `SiteReviewTask`s (editorial/models.py). An
editor who submits a page is in the first step's groups, as every editor
is, yet is never offered "Approve" on it, a posted approval is refused, and
the page is not in their own list of pages to review; a colleague approves.
"""

from importlib import import_module

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import connection

from wagtail.models import GroupApprovalTask, Task, TaskState, WorkflowState

import pytest

from editorial.models import SiteReviewTask, SiteRoles
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

MIGRATION = import_module("editorial.migrations.0003_site_review_task")


def build_site():
    content_locales()
    site = make_site("localhost", "Learning Alliance of New Mexico")
    news = make_news_index(site.root_page, title="News", slug="news")
    article = make_article(news, title="Forum dates", slug="forum-dates")
    set_up_all_sites()
    roles = SiteRoles.objects.get(site=site)
    return {
        "article": article,
        "roles": roles,
        "author": make_staff("alliance-editor", roles.editors),
        "colleague": make_staff("alliance-editor-two", roles.editors),
        "moderator": make_staff("alliance-moderator", roles.moderators),
    }


site_for_the_module = built_once_per_module(build_site)


@pytest.fixture
def site(site_for_the_module):
    return fresh_copies(site_for_the_module)


def submit(page, user):
    """What "Submit for review" does: a new draft, and the page's workflow started by `user`."""
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user)
    page.refresh_from_db()
    return revision


def current_step(page):
    page.refresh_from_db()
    return page.current_workflow_state.current_task_state


def action_names(page, user):
    return [name for name, _label, _modal in page.current_workflow_task.get_actions(page, user)]


def approve_url(page):
    state = current_step(page)
    return f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/"


def test_each_sites_review_steps_refuse_their_submitter(site):
    steps = [task.specific for task in site["roles"].workflow.tasks]

    assert [type(step) for step in steps] == [SiteReviewTask, SiteReviewTask]


def test_the_submitter_is_not_offered_approve_but_a_colleague_is(site):
    article = site["article"]
    submit(article, site["author"])

    assert "approve" not in action_names(article, site["author"])
    assert "reject" in action_names(article, site["author"])
    assert "approve" in action_names(article, site["colleague"])


def test_a_posted_approval_by_the_submitter_is_refused_and_changes_nothing(client, site):
    article = site["article"]
    submit(article, site["author"])
    step = current_step(article)
    client.force_login(site["author"])

    response = client.post(approve_url(article))

    # Wagtail answers a refused admin action with its "permission denied" redirect.
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert current_step(article) == step
    assert TaskState.objects.get(pk=step.pk).status == TaskState.STATUS_IN_PROGRESS


def test_a_colleague_approves_the_first_step_and_a_moderator_the_second(client, site):
    article = site["article"]
    submit(article, site["author"])
    client.force_login(site["colleague"])

    first = client.post(approve_url(article))
    client.force_login(site["moderator"])
    second = client.post(approve_url(article))

    assert first.status_code == second.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == (
        WorkflowState.STATUS_APPROVED
    )


def test_a_moderator_who_submitted_cannot_approve_either_step(site):
    article = site["article"]
    submit(article, site["moderator"])

    assert "approve" not in action_names(article, site["moderator"])
    step = current_step(article)
    with pytest.raises(PermissionDenied):
        step.task.specific.on_action(step, site["moderator"], "approve")
    assert TaskState.objects.get(pk=step.pk).status == TaskState.STATUS_IN_PROGRESS


def test_the_submitters_own_page_is_not_in_their_review_list(site):
    article = site["article"]
    submit(article, site["author"])
    step = current_step(article).task.specific

    assert not step.get_task_states_user_can_moderate(site["author"]).exists()
    assert step.get_task_states_user_can_moderate(site["colleague"]).count() == 1


def test_migrating_turns_existing_review_steps_into_site_review_steps_in_place(site):
    """A database from before: the steps are plain group approvals, one page in review."""
    article = site["article"]
    roles = site["roles"]
    submit(article, site["author"])
    steps = [roles.review_task_id, roles.publication_task_id]
    groups_before = {pk: set(Task.objects.get(pk=pk).specific.groups.all()) for pk in steps}
    MIGRATION.make_them_group_approval_steps_again(apps, connection.schema_editor())
    assert all(type(Task.objects.get(pk=pk).specific) is GroupApprovalTask for pk in steps)

    MIGRATION.make_them_site_review_steps(apps, connection.schema_editor())

    for pk in steps:
        step = Task.objects.get(pk=pk).specific
        assert type(step) is SiteReviewTask
        assert set(step.groups.all()) == groups_before[pk]
    article.refresh_from_db()
    assert current_step(article).task_id == roles.review_task_id
    assert "approve" not in action_names(article, site["author"])


# --- The author hears back ----------------------------------------------------------------------


def act(client, user, page, action):
    client.force_login(user)
    state = current_step(page)
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/")


def mail_to(mailoutbox, address):
    return [message for message in mailoutbox if address in message.to]


def test_the_author_is_told_when_their_page_is_approved(
    client, site, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.alliance.example.org"
    article = site["article"]
    submit(article, site["author"])

    with django_capture_on_commit_callbacks(execute=True):
        act(client, site["colleague"], article, "approve")
        act(client, site["moderator"], article, "approve")

    told = mail_to(mailoutbox, site["author"].email)
    assert any("approved" in message.subject.lower() for message in told), [
        message.subject for message in mailoutbox
    ]
    # It names the page, links to it where it is live, and to the admin at its real address.
    approved = next(message for message in told if "approved" in message.subject.lower())
    assert '"Forum dates" has been approved' in approved.body
    assert "http://localhost/news/forum-dates/" in approved.body
    assert "https://admin.alliance.example.org/admin/account/" in approved.body


def test_the_author_is_told_when_changes_are_requested(
    client, site, mailoutbox, django_capture_on_commit_callbacks
):
    article = site["article"]
    submit(article, site["author"])

    with django_capture_on_commit_callbacks(execute=True):
        act(client, site["colleague"], article, "reject")

    told = mail_to(mailoutbox, site["author"].email)
    assert any("rejected" in message.subject.lower() for message in told), [
        message.subject for message in mailoutbox
    ]
    assert not mail_to(mailoutbox, "kidscan")
