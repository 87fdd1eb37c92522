"""The page editor's form: choices of site-owned things are the page's own site's.

Topics and people belong to one site (a `site` field). A page may only be
filed under, or name, its own site's: the form offers no others, in its own
fields and in its inline rows (authors, story subjects), and a POST naming
another site's refuses with Django's "Select a valid choice".
"""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Site


def belongs_to_a_site(model):
    return any(
        field.name == "site" and field.is_relation and field.related_model is Site
        for field in model._meta.fields
    )


def narrow_to_site(form, site):
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and belongs_to_a_site(queryset.model):
            field.queryset = queryset.filter(site=site)


def narrowed_form_class(form_class, site):
    """`form_class`, each of its forms offering only `site`'s choices."""

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        narrow_to_site(self, site)

    return type(form_class.__name__, (form_class,), {"__init__": __init__})


class SiteChoicesPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = self.page_site()
        if site is None:
            return
        narrow_to_site(self, site)
        # Each inline row's form is made when first used, from `formset.form`.
        for formset in self.formsets.values():
            formset.form = narrowed_form_class(formset.form, site)

    def page_site(self):
        page = self.instance if self.instance.pk else self.parent_page
        return page.get_site() if page is not None else None
