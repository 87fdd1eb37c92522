"""System checks that keep each group's rights within one organization's site.

Run by `migrate` (so at every deployment) and by `manage.py check --database
default`: they read the database, which Django's checks only do when asked.
"""

from django.apps import apps
from django.core.checks import Tags, Warning, register

from .site_assignment import site_of, site_of_each_home


@register(Tags.database)
def check_groups_stay_within_one_site(app_configs=None, databases=None, **kwargs):
    """Warn when a group may work on the Root (every site at once) or on more than one site."""
    from django.db import connection

    from wagtail.models import GroupCollectionPermission, GroupPagePermission, Site

    if not databases or "default" not in databases:
        return []
    # `migrate` runs its checks before migrating: a new database has no tables yet.
    needed = {GroupPagePermission._meta.db_table, GroupCollectionPermission._meta.db_table}
    needed.add(Site._meta.db_table)
    if not needed <= set(connection.introspection.table_names()):
        return []

    homes = site_of_each_home(apps)
    sites = Site.objects.in_bulk()
    on_the_root, sites_of = set(), {}
    for permission in GroupPagePermission.objects.select_related("group", "page"):
        if permission.page.depth == 1:
            on_the_root.add(permission.group)
        elif (site_id := site_of(homes, permission.page.path)) is not None:
            sites_of.setdefault(permission.group, set()).add(sites[site_id])
    on_the_root_collection = {
        permission.group
        for permission in GroupCollectionPermission.objects.filter(
            collection__depth=1
        ).select_related("group")
    }

    warnings = [
        Warning(
            f'The group "{group}" holds page permissions on the Root, so on every site.',
            hint="Give its members the groups of their own site, which "
            "`manage.py set_up_editorial_roles` makes for every site.",
            obj=group,
            id="editorial.W001",
        )
        for group in on_the_root
    ]
    warnings += [
        Warning(
            f'The group "{group}" holds permissions on the root collection, '
            "so on every site's images and documents.",
            hint="Give it permissions on its site's own collection instead.",
            obj=group,
            id="editorial.W002",
        )
        for group in on_the_root_collection
    ]
    warnings += [
        Warning(
            f'The group "{group}" holds page permissions on more than one site '
            f"({', '.join(sorted(site.site_name or site.hostname for site in sites))}).",
            hint="Each organization's staff belong in that site's own groups.",
            obj=group,
            id="editorial.W003",
        )
        for group, sites in sites_of.items()
        if len(sites) > 1
    ]
    return warnings
