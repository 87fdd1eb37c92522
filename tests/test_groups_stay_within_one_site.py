"""No group may work on every site at once, and the deployment says so if one does.

Wagtail's own "Editors" and "Moderators" groups come with rights on the Root
page and the root collection, which reach every organization's pages and
media. A migration takes those rights away, and a system check (run by
`migrate`) warns about any group that holds them again, or that works on
more than one site.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.checks import run_checks

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

import pytest

from editorial.roles import set_up_all_sites
from tests.factories import content_locales, make_site

pytestmark = pytest.mark.django_db

MIGRATION = import_module("editorial.migrations.0002_wagtails_own_groups_leave_the_root")


def give_the_root(group):
    """The rights Wagtail's first migrations give its stock groups, on every site at once."""
    root, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    GroupCollectionPermission.objects.create(
        group=group,
        collection=root_collection,
        permission=Permission.objects.get(codename="add_image"),
    )


def warnings_about_groups():
    return [
        (message.id, message.obj.name)
        for message in run_checks(databases=["default"])
        if message.id.startswith("editorial.")
    ]


def test_the_stock_groups_no_longer_hold_the_root_after_migrating():
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    assert not GroupCollectionPermission.objects.filter(collection__depth=1).exists()
    assert warnings_about_groups() == []


def test_the_migration_takes_the_root_away_and_removes_an_empty_stock_group():
    editors = Group.objects.create(name="Editors")
    moderators = Group.objects.create(name="Moderators")
    somebody = get_user_model().objects.create_user("old-hand", password="a-long-password")
    somebody.groups.add(moderators)
    for group in (editors, moderators):
        give_the_root(group)

    MIGRATION.take_the_root_from_wagtails_own_groups(apps, schema_editor=None)

    assert not Group.objects.filter(name="Editors").exists()
    assert list(somebody.groups.values_list("name", flat=True)) == ["Moderators"]
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not GroupCollectionPermission.objects.filter(group=moderators).exists()


def test_the_migration_leaves_other_groups_alone():
    content_locales()
    make_site("localhost", "Learning Alliance")
    set_up_all_sites()
    kept_before = sorted(GroupPagePermission.objects.values_list("group__name", "page_id"))
    outsider = Group.objects.create(name="Board members")
    give_the_root(outsider)

    MIGRATION.take_the_root_from_wagtails_own_groups(apps, schema_editor=None)

    assert GroupPagePermission.objects.filter(group=outsider, page__depth=1).count() == 3
    assert (
        sorted(
            GroupPagePermission.objects.exclude(group=outsider).values_list(
                "group__name", "page_id"
            )
        )
        == kept_before
    )


def test_each_sites_own_groups_raise_no_warning():
    content_locales()
    make_site("localhost", "Learning Alliance")
    make_site("kidscan.localhost", "KidsCAN", default=False)
    set_up_all_sites()

    assert GroupPagePermission.objects.exists()
    assert warnings_about_groups() == []


def test_a_group_on_the_root_is_warned_about():
    give_the_root(Group.objects.create(name="Editors"))

    assert sorted(set(warnings_about_groups())) == [
        ("editorial.W001", "Editors"),
        ("editorial.W002", "Editors"),
    ]


def test_a_group_on_two_sites_is_warned_about():
    content_locales()
    alliance = make_site("localhost", "Learning Alliance")
    kidscan = make_site("kidscan.localhost", "KidsCAN", default=False)
    both = Group.objects.create(name="Shared volunteers")
    for site in (alliance, kidscan):
        GroupPagePermission.objects.create(
            group=both,
            page=site.root_page,
            permission=Permission.objects.get(codename="change_page"),
        )

    assert warnings_about_groups() == [("editorial.W003", "Shared volunteers")]
