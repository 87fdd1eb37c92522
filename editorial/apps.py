from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate


def set_up_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """After `migrate`, every site has its editors, moderators, collection and review workflow.

    So a new installation, or a site added since the last deployment, gets
    them without anyone remembering to run `set_up_editorial_roles`. The
    roles are made with the project's models, so this waits until the
    database has every table they use; it runs for the default database only.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.db import connections

    from .models import SiteRoles
    from .roles import set_up_all_sites

    if using != DEFAULT_DB_ALIAS:
        return
    needed = {
        apps.get_model(label)._meta.db_table
        for label in (
            "auth.Group",
            "auth.Permission",
            "wagtailcore.Site",
            "wagtailcore.Collection",
            "wagtailcore.GroupPagePermission",
            "wagtailcore.GroupCollectionPermission",
            "wagtailcore.Workflow",
            "wagtailcore.WorkflowTask",
            "wagtailcore.WorkflowPage",
            "wagtailcore.GroupApprovalTask",
        )
    } | {SiteRoles._meta.db_table}
    if not needed <= set(connections[using].introspection.table_names()):
        return
    # Django makes each app's permissions when that app's post_migrate fires,
    # and the Wagtail apps come after this one: make them all now (idempotent).
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for report in set_up_all_sites():
        if verbosity >= 1:
            for line in report.done:
                print(f"  Editorial roles, {report.site_label}: {line}")


class EditorialConfig(AppConfig):
    """How staff publish: per-site roles, review workflow, scheduling, the editor's tools."""

    name = "editorial"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)

        post_migrate.connect(
            set_up_roles_after_migrate,
            sender=self,
            dispatch_uid="editorial.set_up_roles_after_migrate",
        )
