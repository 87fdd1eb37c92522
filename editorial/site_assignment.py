"""Giving each existing row of a model a site, for the migration that adds `site` to it.

Used by the migrations that made topics and people belong to one site. It
takes an `apps` registry (a migration's, so it works on the models as they
were then), as do the two helpers that tell which site a page belongs to by
its path, which `editorial.checks` uses too.

Each row (with its translations, which share a `translation_key`) goes to
the site whose pages use it most; a row no page uses goes to the default
site. A row pages of several sites use is copied, translations and all, for
each other site, and that site's pages are pointed at the copy: every page
keeps every topic and person it showed, and each organization gets its own
row to edit. (Drafts and old revisions keep the ids they were saved with.)
"""

import uuid
from collections import Counter, defaultdict


def site_of_each_home(apps):
    """{path of a home page, in any language: the id of the site it belongs to}."""
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    homes = {}
    for site in Site.objects.all():
        root = Page.objects.filter(pk=site.root_page_id).first()
        if root is None:
            continue
        for path in Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        ):
            homes[path] = site.pk
    return homes


def site_of(homes, path):
    """The id of the site whose home page (in `homes`) the page at `path` sits under, or None."""
    return next((site for home, site in homes.items() if path.startswith(home)), None)


def page_references(apps, model):
    """(model, field, path lookup) for each field of a page, or its inline rows, to `model`."""
    references = []
    for other in apps.get_models():
        names = {field.name for field in other._meta.get_fields()}
        if "path" in names:
            path_lookup = "path"
        elif "page" in names:
            path_lookup = "page__path"
        else:
            continue
        for field in other._meta.get_fields():
            forward = (field.many_to_one and field.concrete) or (
                field.many_to_many and not field.auto_created
            )
            if forward and field.related_model is model:
                references.append((other, field, path_lookup))
    return references


def uses_by_site(references, homes, row):
    """{site id: [(model, field, pk of the page or inline row)]} of the pages using `row`."""
    uses = defaultdict(list)
    for other, field, path_lookup in references:
        for pk, path in other.objects.filter(**{field.name: row}).values_list("pk", path_lookup):
            site = site_of(homes, path)
            if site is not None:
                uses[site].append((other, field, pk))
    return uses


def point_at(uses, old_row, new_row):
    for other, field, pk in uses:
        if field.many_to_many:
            through = getattr(other, field.name).through
            through.objects.filter(
                **{field.m2m_reverse_field_name(): old_row.pk, f"{field.m2m_field_name()}_id": pk}
            ).update(**{field.m2m_reverse_field_name(): new_row.pk})
        else:
            other.objects.filter(pk=pk).update(**{field.name: new_row})


def give_each_row_a_site(apps, app_label, model_name):
    Model = apps.get_model(app_label, model_name)
    Site = apps.get_model("wagtailcore", "Site")
    groups = defaultdict(list)
    for row in Model.objects.order_by("pk"):
        groups[row.translation_key].append(row)
    if not groups:
        return
    default = (
        Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    )
    if default is None:
        raise RuntimeError(
            f"{Model._meta.verbose_name_plural} exist but no site does: add the site "
            "they belong to in the admin (Settings, Sites), then migrate again."
        )
    homes = site_of_each_home(apps)
    references = page_references(apps, Model)

    for key, rows in groups.items():
        uses = {row.pk: uses_by_site(references, homes, row) for row in rows}
        counts = Counter()
        for by_site in uses.values():
            for site, places in by_site.items():
                counts[site] += len(places)
        owner = counts.most_common(1)[0][0] if counts else default.pk
        Model.objects.filter(translation_key=key).update(site_id=owner)
        for site in counts:
            if site == owner:
                continue
            copy_key = uuid.uuid4()
            for row in rows:
                copy = Model.objects.get(pk=row.pk)
                copy.pk = None
                copy.translation_key, copy.site_id = copy_key, site
                copy.save()
                point_at(uses[row.pk].get(site, []), row, copy)
