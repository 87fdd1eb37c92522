"""Each site's staff roles: its editors, its moderators, its media collection and its review.

One installation serves several organizations, so nobody should be able to
publish on, or pick the pictures of, a site they do not work for. For every
Site this module makes (or brings up to date):

- a collection, named after the site, for its images and documents;
- "<site> editors": admin access; add and edit (not publish) pages under the
  site's home page in every language; add, edit and choose images and
  documents in the site's collection; view, add and edit topics (and people,
  where the `people` app is installed); ask for translations;
- "<site> moderators": all of that, plus publish, lock, unlock and delete
  pages, delete media in the collection, and edit the menu and footer;
- "<site> review", a two-step workflow on the site's home page in every
  language: "editorial review" by editors or moderators, then "publication
  approval" by moderators only.

The set-up is idempotent: the objects are found again through
`editorial.models.SiteRoles` (keyed by site, so a renamed site renames its
roles rather than getting a second set) and each permission is added only
when missing. It only adds: a permission an administrator gives a group on
top is kept, and one they take away comes back on the next run (change the
lists below instead). A page whose workflow was set to another one in the
admin, or a workflow disabled there, is left as the administrator left it.

Wagtail's own "Editors" and "Moderators" groups, made by its migrations
with rights on the whole tree, lose those rights in
`editorial/migrations/0002_wagtails_own_groups_leave_the_root.py` (and go,
when nobody is in them), and `editorial.checks` warns about any group that
works on the Root or on more than one site. This module leaves them, and
Wagtail's "Moderators approval" workflow, as they are.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import SiteReviewTask, SiteRoles

# Wagtail's page permission types (wagtail.models.PAGE_PERMISSION_TYPES).
# "bulk_delete" is what Wagtail calls deleting a page that has children; an
# editor may already delete a draft with no children, as Wagtail allows.
EDITOR_PAGE_ACTIONS = ("add", "change")
MODERATOR_PAGE_ACTIONS = (*EDITOR_PAGE_ACTIONS, "publish", "lock", "unlock", "bulk_delete")

# Collection permissions, for images and documents alike.
EDITOR_MEDIA_ACTIONS = ("add", "change", "choose")
MODERATOR_MEDIA_ACTIONS = (*EDITOR_MEDIA_ACTIONS, "delete")

# Snippets every member of a site's staff maintains. Django's model
# permissions are global; editorial.ownership limits each topic or person
# to its own site's staff.
EDITOR_SNIPPETS = {
    "taxonomy.Topic": ("view", "add", "change"),
    "taxonomy.Region": ("view",),
    "people.Person": ("view", "add", "change"),
    "decision_makers.DecisionMaker": ("view", "add", "change"),
}
# Moderators alone change what is structural: the regions, promoted search
# results, menu and footer (one per site). Django's permission is on the
# model, every site's rows at once; editorial.ownership limits each to its
# site's staff.
MODERATOR_SNIPPETS = {
    # A site's regions shape its listings' filters; deleting one leaves its
    # pages filed under none.
    "taxonomy.Region": ("view", "add", "change", "delete"),
    # Removing a decision maker takes them off every campaign and bill.
    "decision_makers.DecisionMaker": ("view", "add", "change", "delete"),
    # What the site's search shows first: live at once, so moderators' alone.
    "site_search.PromotedResult": ("view", "add", "change", "delete"),
    "navigation.MainMenu": ("view", "change"),
    "navigation.Footer": ("view", "change"),
    # Newsletter subscribers: listed, exported and deleted, each site's only
    # (newsletter.wagtail_hooks limits them to pages the user may edit).
    "newsletter.Subscriber": ("view", "delete"),
    # Take-action participants: listed, exported and deleted, each site's only
    # (campaigns.wagtail_hooks limits them to actions the user may edit).
    "campaigns.Participant": ("view", "delete"),
}


@dataclass
class SetUpReport:
    """What one run did for one site: `done` is empty when nothing needed changing."""

    site_label: str
    done: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def site_label(site):
    """The name the roles carry: the site's name, or its host when it has none.

    Two sites with the same name get their host names added, so that their
    groups can still be told apart (group names are unique).
    """
    name = site.site_name.strip() or _host(site)
    namesakes = Site.objects.exclude(pk=site.pk).filter(site_name__iexact=site.site_name.strip())
    if site.site_name.strip() and namesakes.exists():
        return f"{name} ({_host(site)})"
    return name


def _host(site):
    return site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"


def is_placeholder_site(site):
    """Wagtail's first migration serves a bare "Welcome" page; nobody edits that site.

    Giving it roles would leave orphaned groups behind once the real home
    page replaces it, so it is skipped until it serves a real page.
    """
    root = site.root_page
    return root.depth == 2 and root.specific_class is Page


def site_root_pages(site):
    """The site's home page in every language: the page itself and its translations (or aliases)."""
    return Page.objects.filter(translation_key=site.root_page.translation_key).order_by("pk")


@transaction.atomic
def set_up_site_roles(site):
    """Create or update the site's collection, groups and workflow; returns a SetUpReport."""
    label = site_label(site)
    report = SetUpReport(label)
    roles, created = SiteRoles.objects.get_or_create(site=site)

    roles.collection = _collection(roles.collection, label, report)
    roles.editors = _group(roles.editors, f"{label} editors", report)
    roles.moderators = _group(roles.moderators, f"{label} moderators", report)
    roles.review_task = _task(roles.review_task, f"{label}: editorial review", report)
    roles.publication_task = _task(roles.publication_task, f"{label}: publication approval", report)
    roles.workflow = _workflow(roles.workflow, f"{label} review", report)
    roles.save()

    roots = list(site_root_pages(site))
    _grant(
        roles.editors, roots, roles.collection, EDITOR_PAGE_ACTIONS, EDITOR_MEDIA_ACTIONS, report
    )
    _grant(
        roles.moderators,
        roots,
        roles.collection,
        MODERATOR_PAGE_ACTIONS,
        MODERATOR_MEDIA_ACTIONS,
        report,
    )
    _grant_model_permissions(roles.editors, editor_model_permissions(), report)
    _grant_model_permissions(
        roles.moderators, editor_model_permissions() + moderator_model_permissions(), report
    )

    _approvers(roles.review_task, [roles.editors, roles.moderators], report)
    _approvers(roles.publication_task, [roles.moderators], report)
    _steps(roles.workflow, [roles.review_task, roles.publication_task], report)
    _assign_workflow(roles.workflow, roots, report)
    return report


def set_up_all_sites():
    """Set up every site that serves a real home page; returns one SetUpReport per site."""
    reports = []
    for site in Site.objects.select_related("root_page").order_by("pk"):
        if is_placeholder_site(site):
            report = SetUpReport(site_label(site))
            report.notes.append(
                "skipped: it serves Wagtail's placeholder page; run set_up_editorial_roles "
                "again once it has a real home page"
            )
            reports.append(report)
        else:
            reports.append(set_up_site_roles(site))
    return reports


# --- The objects ------------------------------------------------------------------------------


def _rename(obj, name, kind, report, taken):
    if obj.name == name:
        return
    if taken:
        report.notes.append(
            f"kept the {kind} name '{obj.name}': something else is already called '{name}'"
        )
        return
    report.done.append(f"renamed {kind} '{obj.name}' to '{name}'")
    obj.name = name
    obj.save(update_fields=["name"])


def _collection(collection, name, report):
    root = Collection.get_first_root_node()
    if root is None:
        # Wagtail's migration makes the root collection; a flushed database has none.
        root = Collection.add_root(name="Root")
    siblings = root.get_children()
    if collection is None:
        collection = siblings.filter(name=name).first()
        if collection is None:
            collection = root.add_child(instance=Collection(name=name))
            report.done.append(f"created collection '{name}'")
        else:
            report.done.append(f"adopted the existing collection '{name}'")
        return collection
    taken = siblings.filter(name=name).exclude(pk=collection.pk).exists()
    _rename(collection, name, "collection", report, taken)
    return collection


def _group(group, name, report):
    if group is None:
        group, created = Group.objects.get_or_create(name=name)
        report.done.append(
            f"created group '{name}'" if created else f"adopted the existing group '{name}'"
        )
        return group
    taken = Group.objects.filter(name=name).exclude(pk=group.pk).exists()
    _rename(group, name, "group", report, taken)
    return group


def _task(task, name, report):
    if task is None:
        task = SiteReviewTask.objects.filter(name=name).first()
        if task is None:
            task = SiteReviewTask.objects.create(name=name)
            report.done.append(f"created task '{name}'")
        else:
            report.done.append(f"adopted the existing task '{name}'")
        return task
    _rename(task, name, "task", report, taken=False)
    return task


def _workflow(workflow, name, report):
    if workflow is None:
        workflow = Workflow.objects.filter(name=name).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=name, active=True)
            report.done.append(f"created workflow '{name}'")
        else:
            report.done.append(f"adopted the existing workflow '{name}'")
        return workflow
    _rename(workflow, name, "workflow", report, taken=False)
    return workflow


# --- Permissions ------------------------------------------------------------------------------


def _permission(model, codename):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Permission.objects.get(content_type=content_type, codename=codename)


def _optional_model(label):
    """The model named "app.Model", or None when its app is not installed."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _snippet_permissions(snippets):
    permissions = []
    for label, actions in snippets.items():
        model = _optional_model(label)
        if model is not None:
            permissions += [
                _permission(model, f"{action}_{model._meta.model_name}") for action in actions
            ]
    return permissions


def editor_model_permissions():
    """The site-independent permissions every editor (and moderator) has."""
    permissions = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    permissions += _snippet_permissions(EDITOR_SNIPPETS)
    # wagtail-localize's "Translate this page" button, when wagtail-localize is installed.
    permissions += Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    return permissions


def moderator_model_permissions():
    """What moderators have on top of the editors' site-independent permissions."""
    return _snippet_permissions(MODERATOR_SNIPPETS)


def _grant(group, roots, collection, page_actions, media_actions, report):
    page_permissions = [_permission(Page, f"{action}_page") for action in page_actions]
    added = 0
    for root in roots:
        for permission in page_permissions:
            _, created = GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )
            added += created
    if added:
        report.done.append(f"gave '{group.name}' {added} page permissions on the home pages")

    added = 0
    for model in (get_image_model(), get_document_model()):
        for action in media_actions:
            _, created = GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(model, f"{action}_{model._meta.model_name}"),
            )
            added += created
    if added:
        report.done.append(
            f"gave '{group.name}' {added} image and document permissions "
            f"in collection '{collection.name}'"
        )


def _grant_model_permissions(group, permissions, report):
    held = set(group.permissions.values_list("pk", flat=True))
    missing = [permission for permission in permissions if permission.pk not in held]
    if missing:
        group.permissions.add(*missing)
        names = ", ".join(sorted(permission.codename for permission in missing))
        report.done.append(f"gave '{group.name}' {names}")


# --- The workflow -----------------------------------------------------------------------------


def _approvers(task, groups, report):
    held = set(task.groups.values_list("pk", flat=True))
    missing = [group for group in groups if group.pk not in held]
    if missing:
        task.groups.add(*missing)
        names = " and ".join(f"'{group.name}'" for group in missing)
        report.done.append(f"let {names} approve '{task.name}'")


def _steps(workflow, tasks, report):
    for order, task in enumerate(tasks):
        _, created = WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
        if created:
            report.done.append(f"made '{task.name}' step {order + 1} of '{workflow.name}'")


def _assign_workflow(workflow, roots, report):
    if not workflow.active:
        report.notes.append(
            f"workflow '{workflow.name}' is disabled in the admin; its pages were left alone"
        )
        return
    for root in roots:
        where = f"'{root.title}' ({root.locale.language_code})"
        assignment = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
        if assignment is None:
            WorkflowPage.objects.create(page=root, workflow=workflow)
            report.done.append(f"put {where} and the pages below it under '{workflow.name}'")
        elif assignment.workflow_id != workflow.pk:
            report.notes.append(
                f"{where} keeps the workflow '{assignment.workflow.name}' chosen in the admin"
            )
