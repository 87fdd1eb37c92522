"""From one fixed list of regions to each site's own: the data steps of that migration.

Regions were a list in code, New Mexico's six regions (plus "Statewide" and
"National" for partners), and each story, event and partner stored a
region's code ("northwest"). Now each site manages its own regions, and
pages point at one. The migrations point each row at its own site's
region of that code, giving the site the region (in English and, where
Spanish is set up, in Spanish, with the code as its slug, so
`?region=northwest` addresses keep working) the first time it needs it.

Saved copies of a page hold the code too: revisions (drafts, history) and
wagtail-localize's translation sources. They are rewritten the same way,
so an editor opening a draft or translating a story keeps its region.
Everything takes an `apps` registry (a migration's) and runs both ways.
"""

import json
import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from editorial.site_assignment import site_of, site_of_each_home

# (code, English name, Spanish name), in the order filters offered them.
FORMER_REGIONS = [
    ("northwest", "Northwest", "Noroeste"),
    ("north-central", "North Central", "Centro norte"),
    ("northeast", "Northeast", "Noreste"),
    ("central", "Central (Albuquerque metro)", "Centro (área metropolitana de Albuquerque)"),
    ("southwest", "Southwest", "Suroeste"),
    ("southeast", "Southeast", "Sureste"),
    ("statewide", "Statewide", "Todo el estado"),
    ("national", "National", "Nacional"),
]
FORMER_CODES = [code for code, _english, _spanish in FORMER_REGIONS]
FORMER_NAMES = {code: (english, spanish) for code, english, spanish in FORMER_REGIONS}
SPANISH = "es"


class RegionCodes:
    """Between a region's former code and its site's region row, for one migration run.

    A site gets a region the first time one of its rows needs it: the
    default language's, and the Spanish one where Spanish is set up.
    """

    def __init__(self, apps):
        self.Region = apps.get_model("taxonomy", "Region")
        Locale = apps.get_model("wagtailcore", "Locale")
        self.default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        self.spanish = Locale.objects.filter(language_code=SPANISH).first()
        self.homes = site_of_each_home(apps)
        filed = self.Region.objects.filter(locale=self.default).values_list("pk", "site", "slug")
        self.pk_of = {(site, code): pk for pk, site, code in filed}

    def region_for(self, code, path):
        """The id of the region `code` names on the site of the page at `path`, or None.

        None for a code no longer known, or a page under no site.
        """
        site = site_of(self.homes, path) if code and path else None
        names = FORMER_NAMES.get(code)
        if site is None or names is None or self.default is None:
            return None
        if (site, code) not in self.pk_of:
            self.pk_of[site, code] = self.add(site, code, names)
        return self.pk_of[site, code]

    def add(self, site, code, names):
        english, spanish = names
        common = {
            "site_id": site,
            "slug": code,
            "translation_key": uuid.uuid4(),
            "sort_order": FORMER_CODES.index(code),
        }
        region = self.Region.objects.create(locale=self.default, name=english, **common)
        if self.spanish is not None:
            self.Region.objects.create(locale=self.spanish, name=spanish, **common)
        return region.pk

    def code_for(self, region_id):
        code = self.Region.objects.filter(pk=region_id).values_list("slug", flat=True).first()
        return code or ""


def file_rows_under_regions(apps, app_label, model_name, path_lookup):
    """Point each row's `region` at its site's region named by its former `region_code`."""
    Model = apps.get_model(app_label, model_name)
    codes = RegionCodes(apps)
    rows = Model.objects.exclude(region_code="").values_list("pk", "region_code", path_lookup)
    for pk, code, path in rows:
        region = codes.region_for(code, path)
        if region is not None:
            Model.objects.filter(pk=pk).update(region=region)


def give_rows_back_their_codes(apps, app_label, model_name):
    Model = apps.get_model(app_label, model_name)
    codes = RegionCodes(apps)
    for pk, region in Model.objects.exclude(region=None).values_list("pk", "region"):
        Model.objects.filter(pk=pk).update(region_code=codes.code_for(region))


def rewrite_saved_pages(apps, app_label, model_name, child_relation=None, forward=True):
    """Rewrite the region in each saved copy of a page of this type: revisions, translation sources.

    The region is a field of the page, or, with `child_relation`, of each of
    its inline rows (a directory's partners). Going forward a code becomes
    its site's region id; going back, an id becomes its code again.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    if content_type is None:
        return
    codes = RegionCodes(apps)

    def rewritten(page):
        rows = (page.get(child_relation) or []) if child_relation else [page]
        changed = False
        for row in rows:
            if not isinstance(row, dict) or "region" not in row:
                continue
            value = row["region"]
            if forward and isinstance(value, str):
                row["region"] = codes.region_for(value, page.get("path"))
                changed = True
            elif not forward and (value is None or isinstance(value, int)):
                row["region"] = codes.code_for(value)
                changed = True
        return changed

    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if isinstance(revision.content, dict) and rewritten(revision.content):
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        page = json.loads(source.content_json)
        if rewritten(page):
            source.content_json = json.dumps(page, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


def region_steps(app_label, model_name, path_lookup="path", page_model_name=None, child=None):
    """The forward and backward data steps for one model filed under a region."""

    def forward(apps, schema_editor):
        file_rows_under_regions(apps, app_label, model_name, path_lookup)
        rewrite_saved_pages(apps, app_label, page_model_name or model_name, child, forward=True)

    def backward(apps, schema_editor):
        give_rows_back_their_codes(apps, app_label, model_name)
        rewrite_saved_pages(apps, app_label, page_model_name or model_name, child, forward=False)

    return forward, backward
