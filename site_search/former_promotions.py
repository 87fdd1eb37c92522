"""Wagtail's promoted search results, copied into each site's own (the migration's data step).

Promotions used to be Wagtail's `search_promotions`, one list for the
whole installation, which only superusers could edit. Each page promoted
for a query becomes a `PromotedResult` of the site the page belongs to;
external-link promotions, which the search page never showed, are left
out. Wagtail's tables are only read (the app is no longer installed), so
they stay until a maintainer drops them.
"""

from editorial.site_assignment import site_of, site_of_each_home

from .query import search_key

WAGTAILS_PROMOTIONS = """
SELECT query.query_string, promotion.page_id, promotion.description, promotion.sort_order
FROM wagtailsearchpromotions_searchpromotion AS promotion
JOIN wagtailsearchpromotions_query AS query ON query.id = promotion.query_id
WHERE promotion.page_id IS NOT NULL
ORDER BY promotion.id
"""


def copy_wagtails_promotions(apps, schema_editor):
    connection = schema_editor.connection
    if "wagtailsearchpromotions_searchpromotion" not in connection.introspection.table_names():
        return
    PromotedResult = apps.get_model("site_search", "PromotedResult")
    Page = apps.get_model("wagtailcore", "Page")
    homes = site_of_each_home(apps)
    with connection.cursor() as cursor:
        cursor.execute(WAGTAILS_PROMOTIONS)
        rows = cursor.fetchall()
    paths = dict(Page.objects.filter(pk__in={row[1] for row in rows}).values_list("pk", "path"))
    for query_string, page_id, description, sort_order in rows:
        site = site_of(homes, paths.get(page_id, ""))
        query = search_key(query_string)
        if site is None or not query:
            continue
        PromotedResult.objects.get_or_create(
            site_id=site,
            query=query,
            page_id=page_id,
            defaults={"description": description or "", "sort_order": sort_order or 0},
        )
