"""Finding the page for an address, and whether it is public, in a fixed number of queries.

Wagtail walks an address one level at a time, two queries per level (the
child by slug, then its specific row), and checks view restrictions with two
more. Here the pages along the whole address are read in one query (by
`url_path`, which Wagtail keeps up to date on every save and move) and only
the last one is read as its own type, so an article costs the same as a
section page. Pages whose type answers addresses of its own (routable pages:
the news index's topic pages and feeds) still get the rest of the address,
as in Wagtail.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from caching.versions import cached_for_content, caching_enabled

from .site_context import site_context

STEP = Page.steplen


def _answers_itself(model, page, rest):
    """Whether `page` (of type `model`) answers the address `rest` below it, rather than a child.

    A plain page never does; a routable page does when one of its routes
    matches, as RoutablePageMixin.route decides (without reading the page).
    Any other routing is unknown here, so that page is asked itself.
    """
    if model is None or model.route in (Page.route, route_by_address):
        return False
    if (
        model.route is RoutablePageMixin.route
        and model.resolve_subpage is RoutablePageMixin.resolve_subpage
    ):
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(rest) + "/")
        except Http404:
            return False
    return True


def route_by_address(page, request, path_components):
    """`Page.route` for the site's pages (BasePage.route): the address below `page` at once."""
    is_home = remember_site_root(page, request)
    if path_components:
        return route_below(page, request, path_components)
    found = Page.route(page, request, path_components)
    if is_home:
        # Wagtail read the home page without its pictures and hero link, which
        # would cost a query each; read it once more with them.
        return RouteResult(
            _read_as_own_type(found.page, type(found.page)), found.args, found.kwargs
        )
    return found


def route_below(page, request, path_components):
    """Wagtail's Page.route for `page` (of its own type), in two queries whatever the depth."""
    prefixes = [
        page.url_path + "/".join(path_components[: length + 1]) + "/"
        for length in range(len(path_components))
    ]
    on_the_way = {
        found.url_path: found
        for found in Page.objects.filter(
            path__startswith=page.path, depth__gt=page.depth, url_path__in=prefixes
        )
    }
    parent = page
    chain = []
    for position, prefix in enumerate(prefixes):
        child = on_the_way.get(prefix)
        if child is None or child.depth != parent.depth + 1:
            # Not found by address: walk by slug as Wagtail does, so a page
            # whose url_path was never set (written outside Wagtail) still
            # answers. Only addresses that are really missing pay for it.
            return Page.route(page, request, path_components)
        chain.append(child)
        rest = path_components[position + 1 :]
        model = ContentType.objects.get_for_id(child.content_type_id).model_class()
        if rest and not _answers_itself(model, child, rest):
            parent = child
            continue
        specific = _read_as_own_type(child, model)
        # Its ancestors from the home page down, for the breadcrumbs (site_tags.trail_to).
        walked = site_context(request).table("route-parents")
        walked[specific.pk] = [*walked.get(page.pk, []), page, *chain[:-1]]
        return specific.route(request, rest)
    raise Http404  # not reached: path_components is never empty here


def remember_site_root(page, request):
    """Keep the page routing starts from, the site's home in this language (site_tags.site_root).

    Whether `page` is that home page.
    """
    site = Site.find_for_request(request)
    if site is None or page.translation_key != site.root_page.translation_key:
        return False
    site_context(request).remember(("site-root", get_language()), lambda: page)
    return True


# Read with the page: its pictures (shown, and in its share card), language and hero link.
# A page type names more of its own in `read_with_the_page`, e.g. ("next_action",).
WITH_THE_PAGE = ("locale", "image", "listing_image", "social_image", "hero_image", "hero_link_page")


def _read_as_own_type(page, model):
    if model is None:
        return page.specific
    field_names = {field.name for field in model._meta.get_fields()}
    wanted = (*WITH_THE_PAGE, *getattr(model, "read_with_the_page", ()))
    related = [name for name in wanted if name in field_names]
    return model._default_manager.select_related(*related).get(pk=page.pk)


def restriction_applies_q():
    """Pages lying at or below a page with a view restriction (a subquery, no query of its own)."""
    restricted_above = PageViewRestriction.objects.annotate(
        # The restricted page's path is a prefix of the candidate's.
        candidate_prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("candidate_prefix"))
    return Exists(restricted_above)


def only_public(queryset):
    """Like Wagtail's `.public()`, without first reading every view restriction (a subquery)."""
    return queryset.exclude(restriction_applies_q())


def _restricted_pages():
    """Where view restrictions are: their pages' tree paths, and whether any such page has twins.

    Kept until content changes (saving or deleting a restriction is a
    change, caching/invalidation.py), so most pages, below no restriction,
    need no query to know it.
    """

    def build():
        rows = list(PageViewRestriction.objects.values_list("page__path", "page_id"))
        restricted_ids = [page_id for _path, page_id in rows]
        aliased = bool(rows) and Page.objects.filter(alias_of_id__in=restricted_ids).exists()
        return {"paths": sorted({path for path, _id in rows}), "aliased": aliased}

    return cached_for_content("view-restrictions:all-sites", build)


def view_restrictions_for(page):
    """The view restrictions on `page` and its ancestors (Page.get_view_restrictions), in one query.

    An alias (a twin) has no restrictions of its own: those of the page it
    copies apply, as in Wagtail.
    """
    if caching_enabled():
        restricted = _restricted_pages()
        if not restricted["aliased"] and not any(
            page.path.startswith(path) for path in restricted["paths"]
        ):
            return PageViewRestriction.objects.none()
    chain_paths = [page.path[:end] for end in range(STEP, len(page.path) + 1, STEP)]
    chain = Page.objects.filter(path__in=chain_paths)
    return PageViewRestriction.objects.filter(
        Q(page__path__in=chain_paths, page__alias_of__isnull=True)
        | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of"))
    )
