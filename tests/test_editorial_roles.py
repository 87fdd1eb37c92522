"""Per-site staff roles: editors write and submit, moderators approve and publish, each on one site.

Two organizations share one installation, so the tests build two sites and
check what a member of one site's staff can and cannot do on each, through
Wagtail's own permission checks and the admin views an editor would open.
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from demo.accounts import DEFAULT_PASSWORD, create_demo_staff, demo_staff_usernames
from editorial.models import SiteRoles
from tests.admin_forms import edit_form_data
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_image,
    make_news_index,
    make_site,
)

pytestmark = pytest.mark.django_db

ALLIANCE = "Learning Alliance of New Mexico"
KIDSCAN = "NewMexicoKidsCAN"


def set_up_roles():
    output = StringIO()
    call_command("set_up_editorial_roles", stdout=output)
    return output.getvalue()


def staff(username, group):
    user = get_user_model().objects.create_user(username, password="a-long-password")
    user.groups.add(group)
    return user


@pytest.fixture
def sites(sites_for_the_module):
    """Both organizations with a news section, in English and Spanish, and their roles."""
    return fresh_copies(sites_for_the_module)


def build_sites():
    english, spanish = content_locales()
    alliance = make_site("localhost", ALLIANCE)
    kidscan = make_site("kidscan.localhost", KIDSCAN, default=False)
    news = {
        alliance: make_news_index(alliance.root_page, title="News", slug="news"),
        kidscan: make_news_index(kidscan.root_page, title="News", slug="news"),
    }
    articles = {
        site: make_article(index, title=f"{site.site_name} news", slug="news-item")
        for site, index in news.items()
    }
    synchronize_tree(english, spanish)
    set_up_roles()
    alliance_roles = SiteRoles.objects.get(site=alliance)
    return {
        "alliance": alliance,
        "kidscan": kidscan,
        "roles": alliance_roles,
        "kidscan_roles": SiteRoles.objects.get(site=kidscan),
        "articles": articles,
        "news": news,
        "spanish": spanish,
        "editor": staff("alliance-staff-editor", alliance_roles.editors),
        "moderator": staff("alliance-staff-moderator", alliance_roles.moderators),
    }


sites_for_the_module = built_once_per_module(build_sites)


def counts():
    """Every kind of object the set-up makes, counted."""
    return {
        "groups": Group.objects.count(),
        "group permissions": Group.permissions.through.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow steps": WorkflowTask.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
    }


# --- Setting up -------------------------------------------------------------------------------


def test_each_site_gets_its_own_groups_collection_and_workflow(sites):
    assert sites["roles"].editors.name == f"{ALLIANCE} editors"
    assert sites["roles"].moderators.name == f"{ALLIANCE} moderators"
    assert sites["roles"].collection.name == ALLIANCE
    assert sites["roles"].collection.get_parent() == Collection.get_first_root_node()
    assert sites["roles"].workflow.name == f"{ALLIANCE} review"
    assert sites["kidscan_roles"].editors.name == f"{KIDSCAN} editors"
    assert sites["kidscan_roles"].collection != sites["roles"].collection


def test_running_the_set_up_again_changes_nothing(sites):
    before = counts()

    output = set_up_roles()

    assert counts() == before
    assert f"{ALLIANCE}: already set up, nothing changed." in output
    assert f"{KIDSCAN}: already set up, nothing changed." in output


def test_a_renamed_site_renames_its_roles_instead_of_adding_new_ones(sites):
    site, roles = sites["alliance"], sites["roles"]
    before = counts()
    site.site_name = "Learning Alliance NM"
    site.save()

    output = set_up_roles()

    roles.refresh_from_db()
    roles.editors.refresh_from_db()
    roles.workflow.refresh_from_db()
    assert counts() == before
    assert roles.editors.name == "Learning Alliance NM editors"
    assert roles.workflow.name == "Learning Alliance NM review"
    assert sites["editor"].groups.get() == roles.editors
    assert f"renamed group '{ALLIANCE} editors' to 'Learning Alliance NM editors'" in output


def test_migrate_sets_up_sites_that_have_no_roles_yet(sites):
    newcomer = make_site("newcomer.localhost", "Newcomer Trust", default=False)
    assert not SiteRoles.objects.filter(site=newcomer).exists()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    roles = SiteRoles.objects.get(site=newcomer)
    assert roles.editors.name == "Newcomer Trust editors"
    assert newcomer.root_page.get_workflow() == roles.workflow


def test_wagtails_own_groups_and_workflow_are_left_alone(sites):
    """The stock "Editors"/"Moderators" and "Moderators approval" keep exactly what they had."""
    # Wagtail's migrations make the groups and ours remove them while empty
    # (tests/test_groups_stay_within_one_site.py): made here, as a maintainer might.
    for name in ("Editors", "Moderators"):
        Group.objects.get_or_create(name=name)
    Workflow.objects.get_or_create(name="Moderators approval")
    stock_groups = Group.objects.filter(name__in=["Editors", "Moderators"])
    stock_workflow = Workflow.objects.filter(name="Moderators approval")

    def stock_state():
        return {
            "permissions": sorted(
                GroupPagePermission.objects.filter(group__in=stock_groups).values_list(
                    "group__name", "page_id", "permission__codename"
                )
            ),
            "members": sorted(stock_groups.values_list("user__username", flat=True).distinct()),
            "workflow pages": sorted(
                WorkflowPage.objects.filter(workflow__in=stock_workflow).values_list(
                    "page_id", flat=True
                )
            ),
        }

    before = stock_state()
    make_site("newcomer.localhost", "Newcomer Trust", default=False)
    set_up_roles()

    assert stock_state() == before
    assert sites["articles"][sites["alliance"]].get_workflow() == sites["roles"].workflow


# --- What editors and moderators may do -------------------------------------------------------


def test_an_editor_can_edit_but_not_publish_on_their_own_site(sites):
    article = sites["articles"][sites["alliance"]]

    editor = article.permissions_for_user(sites["editor"])
    moderator = article.permissions_for_user(sites["moderator"])

    assert editor.can_edit()
    assert not editor.can_publish()
    assert not editor.can_unpublish()
    assert sites["news"][sites["alliance"]].permissions_for_user(sites["editor"]).can_add_subpage()
    assert moderator.can_edit()
    assert moderator.can_publish()
    assert moderator.can_lock()


def test_staff_can_work_on_their_site_in_spanish_too(sites):
    spanish_home = sites["alliance"].root_page.get_translation(sites["spanish"])
    other_spanish_home = sites["kidscan"].root_page.get_translation(sites["spanish"])

    assert spanish_home.permissions_for_user(sites["editor"]).can_add_subpage()
    assert not other_spanish_home.permissions_for_user(sites["editor"]).can_add_subpage()
    assert spanish_home.get_workflow() == sites["roles"].workflow


def test_an_editor_cannot_touch_the_other_sites_pages(sites):
    other_article = sites["articles"][sites["kidscan"]]

    permissions = other_article.permissions_for_user(sites["editor"])

    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not other_article.permissions_for_user(sites["moderator"]).can_publish()


def test_the_other_sites_page_editor_refuses_an_editor(client, sites):
    client.force_login(sites["editor"])
    own = sites["articles"][sites["alliance"]]
    other = sites["articles"][sites["kidscan"]]

    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{other.pk}/edit/", follow=True)

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.redirect_chain or response.status_code == 403
    assert soup.select_one("form#page-edit-form") is None
    assert "you do not have permission to access this area" in soup.get_text()


def test_an_editor_sees_only_their_sites_images(client, sites):
    make_image("Alliance classroom", collection=sites["roles"].collection)
    make_image("KidsCAN playground", collection=sites["kidscan_roles"].collection)
    client.force_login(sites["editor"])

    listing = client.get("/admin/images/")
    chooser = client.get("/admin/images/chooser/")

    assert listing.status_code == 200
    assert "Alliance classroom" in listing.content.decode()
    assert "KidsCAN playground" not in listing.content.decode()
    assert "Alliance classroom" in chooser.content.decode()
    assert "KidsCAN playground" not in chooser.content.decode()


def test_only_moderators_may_approve_publication(sites):
    roles = sites["roles"]

    assert set(roles.review_task.groups.all()) == {roles.editors, roles.moderators}
    assert set(roles.publication_task.groups.all()) == {roles.moderators}


# --- The review workflow ----------------------------------------------------------------------


def test_a_sites_articles_go_through_its_two_step_review(sites):
    article = sites["articles"][sites["alliance"]]

    workflow = article.get_workflow()

    assert workflow == sites["roles"].workflow
    assert [task.name for task in workflow.tasks] == [
        f"{ALLIANCE}: editorial review",
        f"{ALLIANCE}: publication approval",
    ]
    assert all(isinstance(task.specific, GroupApprovalTask) for task in workflow.tasks)
    assert sites["articles"][sites["kidscan"]].get_workflow() == sites["kidscan_roles"].workflow


def test_submitting_for_review_in_the_admin_starts_the_workflow_and_publishes_nothing(
    client, sites
):
    article = sites["articles"][sites["alliance"]]
    client.force_login(sites["editor"])
    edit_url = f"/admin/pages/{article.pk}/edit/"
    form = client.get(edit_url)
    assert b'name="action-publish"' not in form.content

    data = edit_form_data(form)
    data["title"] = "Corrected headline"
    data["action-submit"] = "Submit"
    response = client.post(edit_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == f"{ALLIANCE}: editorial review"
    # Visitors still read the published title.
    assert article.title == f"{ALLIANCE} news"
    public = client.get("/news/news-item/", HTTP_HOST="localhost")
    assert "Corrected headline" not in public.content.decode()


def test_review_mail_reaches_that_sites_reviewers_only(
    client, sites, mailoutbox, django_capture_on_commit_callbacks, settings
):
    """An Alliance editor's submission is announced to Alliance reviewers, never to KidsCAN's."""
    settings.WAGTAILADMIN_BASE_URL = "https://admin.alliance.example.org"
    create_demo_staff(sites["alliance"])
    create_demo_staff(sites["kidscan"])
    article = sites["articles"][sites["alliance"]]
    client.force_login(get_user_model().objects.get(username="alliance-editor"))
    edit_url = f"/admin/pages/{article.pk}/edit/"
    data = edit_form_data(client.get(edit_url))
    data["action-submit"] = "Submit"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, data)

    assert response.status_code == 302
    recipients = {address for message in mailoutbox for address in message.to}
    assert "alliance-moderator@example.org" in recipients
    assert not any(address.startswith("kidscan-") for address in recipients)
    assert "alliance-editor@example.org" not in recipients  # not told of their own submission
    # The reviewer's link opens the page in the admin where it is really served.
    review_link = f"https://admin.alliance.example.org/admin/pages/{article.pk}/"
    assert all(review_link in message.body for message in mailoutbox)


# --- Demo staff -------------------------------------------------------------------------------


def test_demo_staff_sign_in_and_belong_to_their_sites_groups(client, sites):
    created = create_demo_staff(sites["alliance"]) + create_demo_staff(sites["kidscan"])

    assert created == [
        "alliance-editor",
        "alliance-moderator",
        "kidscan-editor",
        "kidscan-moderator",
    ]
    assert create_demo_staff(sites["alliance"]) == []
    editor = get_user_model().objects.get(username="alliance-editor")
    assert list(editor.groups.all()) == [sites["roles"].editors]
    # Review e-mails have somewhere to go, and it is nobody's real inbox.
    assert editor.email == "alliance-editor@example.org"
    assert client.login(username="kidscan-moderator", password=DEFAULT_PASSWORD)
    assert demo_staff_usernames(sites["kidscan"]) == ("kidscan-editor", "kidscan-moderator")


def test_demo_staff_are_never_made_without_the_setting(settings, sites):
    settings.DEMO_STAFF_ACCOUNTS = False

    with pytest.raises(ImproperlyConfigured):
        create_demo_staff(sites["alliance"])

    assert not get_user_model().objects.filter(username="alliance-editor").exists()


def test_production_settings_do_not_allow_demo_staff():
    from alliance_site.settings import base

    assert getattr(base, "DEMO_STAFF_ACCOUNTS", False) is False
