"""Which groups, collection and workflow belong to which site.

Groups and collections are plain Wagtail objects with nothing but a name, so
the link to their site is kept here, by site id: renaming a site renames
its roles instead of making a second set, and an administrator renaming a
group by hand does not make `set_up_editorial_roles` lose track of it.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models

from wagtail.models import Collection, GroupApprovalTask, Site, Workflow


class SiteReviewTask(GroupApprovalTask):
    """A review step its group approves, never the person who submitted the work.

    Wagtail lets any member of a step's groups approve it, the submitter
    included, so an editor could approve his own first step. Here the
    submitter may still withdraw or request changes, but "Approve" is not
    offered to them, a posted approval is refused, and their own submissions
    are not in their list of pages awaiting review. Someone else in the
    step's groups must approve. (Moderators may still publish a page
    directly, without a review: Wagtail's publish permission, recorded as
    "Published" by them in the page's history; see docs/editors.md.)
    """

    class Meta:
        verbose_name = "site review step"
        verbose_name_plural = "site review steps"

    @staticmethod
    def submitter_id(obj):
        state = obj.current_workflow_state
        return state.requested_by_id if state else None

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if user.pk == self.submitter_id(obj):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk == task_state.workflow_state.requested_by_id:
            raise PermissionDenied("Someone other than the submitter must approve this step.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve this step, except whoever submitted it."


class SiteRoles(models.Model):
    """The editorial set-up of one site, as made by `editorial.roles.set_up_site_roles`."""

    site = models.OneToOneField(
        Site,
        on_delete=models.CASCADE,
        related_name="editorial_roles",
        help_text="The site these roles work on.",
    )
    collection = models.ForeignKey(
        Collection,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the site's images and documents are kept.",
    )
    editors = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Write and submit pages for review; cannot publish.",
    )
    moderators = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Review, approve and publish pages; edit the menu and footer.",
    )
    workflow = models.ForeignKey(
        Workflow,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The two-step review every page of the site goes through.",
    )
    review_task = models.ForeignKey(
        GroupApprovalTask,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Step one: editorial review, by editors or moderators.",
    )
    publication_task = models.ForeignKey(
        GroupApprovalTask,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Step two: publication approval, by moderators only.",
    )

    class Meta:
        verbose_name = "site roles"
        verbose_name_plural = "site roles"

    def __str__(self):
        return f"Editorial roles of {self.site}"
