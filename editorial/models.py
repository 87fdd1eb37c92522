"""Which groups, collection and workflow belong to which site.

Groups and collections are plain Wagtail objects with nothing but a name, so
the link to their site is kept here, by site id: renaming a site renames
its roles instead of making a second set, and an administrator renaming a
group by hand does not make `set_up_editorial_roles` lose track of it.
"""

from django.contrib.auth.models import Group
from django.db import models

from wagtail.models import Collection, GroupApprovalTask, Site, Workflow


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
