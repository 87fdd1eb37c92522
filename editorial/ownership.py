"""Which site each object outside the page tree belongs to, and who may see it.

Pages belong to a site by where they sit in the tree, and Wagtail's page
permissions already keep each organization's staff on their own site. What
editors manage outside the tree (menus, footers, topics, people) has a
`site` field instead, and Django's model permissions cannot tell one row
from another: a moderator allowed to change main menus may change every
site's. This module is the server-side rule for those objects, for every
view of the admin:

- `sites_of(user)`: the sites whose editors or moderators groups the user
  is in (`editorial.models.SiteRoles`); a superuser works on every site.
- `SitePermissionPolicy`: Django's model permissions, each object limited
  to its site's staff. Registered for a model, it is what Wagtail's bulk
  actions, usage counts and permission checks ask.
- `SiteOwnedSnippetViewSet`: a snippet viewset whose every view, the
  chooser's included, shows only the user's sites' objects: listings and
  choosers leave the others out, forms offer only the user's sites, and
  any address naming another site's object (edit, delete, copy, history,
  usage, revisions, a direct POST) answers 404 before the view runs.
- `OwnSiteDeleteBulkAction`: Wagtail's bulk delete, where another site's
  objects are neither deleted nor named on the confirmation page.
- `refuse_another_sites_object`: the same 404 for wagtail-localize's own
  views (submit, update, the translation editor's saves), which check
  Django's model permissions only (editorial/translation_tool.py).
"""

from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.http import Http404
from django.utils.functional import classproperty

from wagtail.admin.views.generic import IndexView
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.forms import belongs_to_a_site


def sites_of(user):
    """The sites `user` works on: all for a superuser, none for an inactive or anonymous user."""
    if not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    groups = user.groups.all()
    return Site.objects.filter(
        Q(editorial_roles__editors__in=groups) | Q(editorial_roles__moderators__in=groups)
    ).distinct()


def owned_by(user, queryset):
    """The rows of `queryset` (of a model with a `site` field) that belong to `user`'s sites."""
    if user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(site__in=sites_of(user))


def site_owned_snippet_models():
    """The snippet models whose rows each belong to one site."""
    return [model for model in get_snippet_models() if belongs_to_a_site(model)]


def works_on(user, site_id):
    return sites_of(user).filter(pk=site_id).exists()


class SitePermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, with each object open only to its own site's staff."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and works_on(user, instance.site_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and works_on(user, instance.site_id)

    def instances_user_has_permission_for(self, user, action):
        return owned_by(user, super().instances_user_has_permission_for(user, action))

    def instances_user_has_any_permission_for(self, user, actions):
        return owned_by(user, super().instances_user_has_any_permission_for(user, actions))


class OwnSiteObjectsOnly:
    """Mixed into every view of a site-owned model: other sites' objects do not exist here.

    `owned_model` is set by the viewset that builds the view.
    """

    owned_model = None

    def owned(self, queryset=None):
        queryset = self.owned_model.objects.all() if queryset is None else queryset
        return owned_by(self.request.user, queryset)

    def dispatch(self, request, *args, **kwargs):
        # Every view of one object names it by `pk`: refuse before the view
        # reads it, so a GET shows nothing and a POST changes nothing.
        pk = kwargs.get("pk")
        if pk is not None and not self.owned().filter(pk=unquote(str(pk))).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    # Add, edit, copy and preview forms offer only the user's sites.
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if "site" in form.fields:
            sites = sites_of(self.request.user)
            form.fields["site"].queryset = sites
            if len(sites) == 1 and not form.initial.get("site"):
                form.initial["site"] = sites[0].pk
        return form


class OwnSiteListing(OwnSiteObjectsOnly):
    def get_base_queryset(self):
        return self.owned(super().get_base_queryset())


class OwnSiteChoices(OwnSiteObjectsOnly):
    # The chooser's list and search results (BaseChooseView).
    def get_object_list(self):
        return self.owned(super().get_object_list())

    # Several chosen at once (ChosenMultipleView).
    def get_objects(self, pks):
        return self.owned(super().get_objects(pks))


def own_site_only(view_class, model, mixin):
    return type(f"OwnSite{view_class.__name__}", (mixin, view_class), {"owned_model": model})


class SiteOwnedChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            own_site_only(view_class, self.model, OwnSiteChoices), **kwargs
        )


class SiteOwnedSnippetViewSet(SnippetViewSet):
    """A snippet viewset for a model with a `site` field; see the module's docstring."""

    chooser_viewset_class = SiteOwnedChooserViewSet

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        register_permission_policy(self.model, SitePermissionPolicy(self.model))

    def construct_view(self, view_class, **kwargs):
        mixin = OwnSiteListing if issubclass(view_class, IndexView) else OwnSiteObjectsOnly
        return super().construct_view(own_site_only(view_class, self.model, mixin), **kwargs)


class OwnSiteDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of snippets, for site-owned models.

    Wagtail's confirmation page names each chosen object the user may not
    delete; for another site's objects that would show what they are
    called, so they are left out as if they did not exist, as they are from
    the listing. Registered after Wagtail's, it replaces it for these models.
    """

    @classproperty
    def models(cls):
        return site_owned_snippet_models()

    # Wagtail's is a class method, which cannot know the user; it is called
    # on the action itself.
    def get_queryset(self, model, object_ids):
        objects = list(owned_by(self.request.user, model.objects.filter(pk__in=object_ids)))
        if not objects:
            raise Http404
        return objects

    def get_all_objects_in_listing_query(self, parent_id):
        return owned_by(self.request.user, self.model.objects.all()).values_list("pk", flat=True)


# --- wagtail-localize's own views ----------------------------------------------------------------
#
# The translation tool has views of its own for snippets (submit, update,
# the translation editor's string and override saves, PO files, stop), and
# they check only Django's model permission. They name the object by its
# model and pk, by a translation source or by a translation: this finds the
# object and refuses one from a site the user does not work on.


def object_named_by_translation_route(kwargs):
    """The snippet or page a wagtail-localize address acts on, or None if it names none."""
    from django.apps import apps

    from wagtail_localize.models import Translation, TranslationSource

    if "translation_id" in kwargs:
        translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
        return translation.source.get_source_instance() if translation else None
    if "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
        return source.get_source_instance() if source else None
    if "app_label" in kwargs and "model_name" in kwargs and "pk" in kwargs:
        try:
            model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        except LookupError:
            return None
        return model.objects.filter(pk=unquote(str(kwargs["pk"]))).first()
    return None


def refuse_another_sites_object(request, view_kwargs):
    """Raise 404 when a wagtail-localize view would act on another site's snippet."""
    target = object_named_by_translation_route(view_kwargs)
    site_id = getattr(target, "site_id", None)
    if site_id is not None and not works_on(request.user, site_id):
        raise Http404
