"""System checks that keep each group's rights within one organization's site.

Run by `migrate` (so at every deployment) and by `manage.py check --database
default`: they read the database, which Django's checks only do when asked.
"""

from django.core.checks import Tags, Warning, register

# A page's path starts with its home page's path, and home pages sit at depth 2.
HOME_PATH_LENGTH = 8


def site_of_each_home():
    """{path of a home page, in any language: the site it belongs to}."""
    from wagtail.models import Page, Site

    homes = {}
    for site in Site.objects.select_related("root_page"):
        for home in Page.objects.filter(translation_key=site.root_page.translation_key):
            homes[home.path] = site
    return homes


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

    homes = site_of_each_home()
    warnings = []
    sites_of = {}
    for permission in GroupPagePermission.objects.select_related("group", "page"):
        group, page = permission.group, permission.page
        if page.depth == 1:
            warnings.append(
                Warning(
                    f'The group "{group}" holds page permissions on the Root, so on every site.',
                    hint="Give its members the groups of their own site, which "
                    "`manage.py set_up_editorial_roles` makes for every site.",
                    obj=group,
                    id="editorial.W001",
                )
            )
            continue
        site = homes.get(page.path[:HOME_PATH_LENGTH])
        if site is not None:
            sites_of.setdefault(group, set()).add(site)
    for permission in GroupCollectionPermission.objects.filter(collection__depth=1):
        warnings.append(
            Warning(
                f'The group "{permission.group}" holds permissions on the root collection, '
                "so on every site's images and documents.",
                hint="Give it permissions on its site's own collection instead.",
                obj=permission.group,
                id="editorial.W002",
            )
        )
    for group, sites in sites_of.items():
        if len(sites) > 1:
            names = ", ".join(sorted(site.site_name or site.hostname for site in sites))
            warnings.append(
                Warning(
                    f'The group "{group}" holds page permissions on more than one site ({names}).',
                    hint="Each organization's staff belong in that site's own groups.",
                    obj=group,
                    id="editorial.W003",
                )
            )
    return list({(w.id, w.msg): w for w in warnings}.values())
