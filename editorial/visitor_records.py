"""What visitors sent through a page (sign-ups, letters), and which staff may see it.

Such a record belongs to the page it came through, so the staff who may edit
that page (its site's, by Wagtail's page permissions) may list, export and
delete it; nobody adds or changes one by hand, since only its sender knows
what it should say. Django's model permissions say which role may view or
delete at all (editorial/roles.py gives them to moderators).
"""

from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy


def pages_user_may_edit(user, pages):
    """The pages of the queryset `pages` that `user` may change: all of them for a superuser."""
    if user.is_active and user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages.filter(pk__in=editable.values("pk"))


class VisitorRecordPermissionPolicy(ModelPermissionPolicy):
    """View and delete only, each record open to the staff who may edit its page.

    `pages_for(user)` gives the pages whose records `user` may see, and
    `page_field` names the record's foreign key to its page.
    """

    # Records only ever come from a visitor's form.
    NEVER = ("add", "change")

    def __init__(self, model, page_field, pages_for):
        super().__init__(model)
        self.page_field = page_field
        self.pages_for = pages_for

    def records_for(self, user):
        """The records of pages `user` may edit."""
        return self.model.objects.filter(**{f"{self.page_field}__in": self.pages_for(user)})

    def user_has_permission(self, user, action):
        return action not in self.NEVER and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        page_id = getattr(instance, f"{self.page_field}_id")
        return (
            self.user_has_permission(user, action)
            and self.pages_for(user).filter(pk=page_id).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return self.model.objects.none()
        return self.records_for(user)


class VisitorRecordIndexView(IndexView):
    """The listing (and export) of the records the user may see, by the model's policy above."""

    def get_base_queryset(self):
        records = self.permission_policy.records_for(self.request.user)
        return super().get_base_queryset().filter(pk__in=records)


class VisitorRecordDeleteView(DeleteView):
    """Deleting one record: only one the user may see is found at all."""

    def get_queryset(self):
        return self.permission_policy.records_for(self.request.user)
