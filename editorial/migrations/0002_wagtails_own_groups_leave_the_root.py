"""Wagtail's stock "Editors" and "Moderators" groups lose their rights over every site.

Wagtail's first migrations give these two groups add, change and publish on
the Root page and the root collection: that is, on every organization's
pages, images and documents at once. Here each organization's staff work in
that site's own groups (`editorial.roles`), so anyone a maintainer added to
a stock group could change every site. Their Root page and root collection
permissions go; a stock group left with no members goes too (a group with
members keeps its name and its members' admin access, nothing more). Going
backwards restores nothing: those rights were the leak.
"""

from django.db import migrations

WAGTAILS_OWN_GROUPS = ("Editors", "Moderators")


def take_the_root_from_wagtails_own_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    stock_groups = Group.objects.filter(name__in=WAGTAILS_OWN_GROUPS)
    GroupPagePermission.objects.filter(group__in=stock_groups, page__depth=1).delete()
    GroupCollectionPermission.objects.filter(
        group__in=stock_groups, collection__depth=1
    ).delete()
    for group in stock_groups:
        keeps_rights = (
            GroupPagePermission.objects.filter(group=group).exists()
            or GroupCollectionPermission.objects.filter(group=group).exists()
        )
        if not group.user_set.exists() and not keeps_rights:
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # The stock groups, their Root page rights and their root collection rights.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(take_the_root_from_wagtails_own_groups, migrations.RunPython.noop),
    ]
