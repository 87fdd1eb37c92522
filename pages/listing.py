"""Listings of child pages: the query every index page runs, and its pagination."""

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.http import urlencode

from routing.router import only_public


def listing_queryset(model, ancestor):
    """Live, public pages of `model` below `ancestor` (so only its own site), ready to list.

    Images are read with the pages. Their renditions are not: a card's
    picture is kept whole in the content cache (`{% responsive_picture %}`),
    and one being drawn afresh finds its renditions in Wagtail's own
    rendition cache, so a query for them would mostly fetch rows never used.
    """
    image_fields = [field for field in ("listing_image", "image") if _has_field(model, field)]
    # A card names the region a story or event is filed under.
    named = [field for field in ("region",) if _has_field(model, field)]
    return (
        only_public(model.objects.live().descendant_of(ancestor))
        # Cards never show a page's body; reading and parsing every body costs more
        # than anything else in a listing.
        .defer_streamfields()
        # Untranslated twins are labelled with their content's language.
        .select_related("alias_of__locale", *image_fields, *named)
    )


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


# Far beyond any real listing, short enough that int() and the paginator stay cheap.
MAX_PAGE_DIGITS = 6


@dataclass(frozen=True)
class PageLink:
    """One entry of the numbered pagination: a page number, or a gap (…) between numbers."""

    number: int | None
    query: str = ""
    is_current: bool = False


def paginate(request, queryset, per_page, keep=None):
    """One page of `queryset` from ?page=N; a page that does not exist is a 404, never a 500.

    `keep` holds the listing's (already validated) filters, e.g. {"topic": "essa"}:
    every pagination link carries them, so page 2 of a filtered list stays filtered.
    The returned page has `links` (numbers with gaps), `previous_query` and `next_query`.
    """
    paginator = Paginator(queryset, per_page)
    requested = request.GET.get("page", "1")
    if not (requested.isascii() and requested.isdigit() and len(requested) <= MAX_PAGE_DIGITS):
        raise Http404("That page number is not a number.")
    try:
        page = paginator.page(int(requested))
    except InvalidPage:
        raise Http404("There is no page with that number.") from None

    filters = {name: value for name, value in (keep or {}).items() if value}

    def query_for(number):
        params = {**filters, "page": number} if number > 1 else filters
        # "." is the listing's own address, unfiltered and on its first page.
        return "?" + urlencode(params) if params else "."

    page.links = [
        PageLink(None)
        if number == Paginator.ELLIPSIS
        else PageLink(number, query_for(number), number == page.number)
        for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    page.previous_query = query_for(page.previous_page_number()) if page.has_previous() else None
    page.next_query = query_for(page.next_page_number()) if page.has_next() else None
    return page
