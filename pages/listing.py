"""Listings of child pages: the query every index page runs, and its pagination."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def listing_queryset(model, ancestor):
    """Live, public pages of `model` below `ancestor` (so only its own site), ready to list.

    Images and their renditions are fetched with the pages, so a page of cards
    costs the same handful of queries however many cards it shows.
    """
    image_fields = [field for field in ("listing_image", "image") if _has_field(model, field)]
    return (
        model.objects.live()
        .public()
        .descendant_of(ancestor)
        # Untranslated twins are labelled with their content's language.
        .select_related("alias_of__locale", *image_fields)
        .prefetch_related(*(f"{field}__renditions" for field in image_fields))
    )


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def paginate(request, queryset, per_page):
    """One page of `queryset` from ?page=N; a page that does not exist is a 404, never a 500."""
    paginator = Paginator(queryset, per_page)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        raise Http404("That page number is not a number.") from None
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404("There is no page with that number.") from None
