"""The search page: this site's live, public pages in the language being read.

Spanish twins of English pages not translated yet (aliases) are found on
the Spanish site under their Spanish address, as the menus link them, and
their English text is marked as English: a Spanish reader is not kept from
content that exists only in English. The sitemap leaves them out; that is
for search engines, which index the original instead.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from localization.translations import localized_pages
from navigation.menus import menu_items
from pages.listing import paginate
from pages.wayfinding import site_root

from .excerpts import excerpt
from .models import PromotedResult
from .query import clean_query, query_terms, search_key

RESULTS_PER_PAGE = 10


@dataclass
class Result:
    url: str
    title: str
    excerpt: SafeString
    text_language: str  # set when the page's words are not in the reader's language
    promoted: bool


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    terms = query_terms(query)
    root = site_root(request)
    context = {"query": query, "terms": terms, "noindex": True, "results": [], "count": 0}
    if terms and root is not None:
        context.update(search_results(request, root, query, terms))
    if terms and not context["results"]:
        context["sections"] = [(url, label) for url, label, _current in menu_items(request)]
    # The language switcher repeats the same search in the other language.
    context["language_paths"] = {
        code: translate_url(request.get_full_path(), code) for code, _name in settings.LANGUAGES
    }
    return TemplateResponse(request, "site_search/search_results.html", context)


def search_results(request, root, query, terms):
    """Editors' picks (first page only), then one page of what the index found, not repeated."""
    searchable = Page.objects.live().public().descendant_of(root, inclusive=True)
    promotions = promoted(request, terms, searchable)
    found = get_search_backend().search(
        " ".join(terms),
        searchable.exclude(pk__in=[page.pk for page, _description in promotions]),
        operator="and",
    )
    # Every page link searches again for the same words.
    page_obj = paginate(request, found, RESULTS_PER_PAGE, keep={"q": query})
    shown_promotions = promotions if page_obj.number == 1 else []
    shown = shown_promotions + [(page, "") for page in page_obj.object_list]
    return {
        "page_obj": page_obj,
        "results": results_for(request, shown, terms, promoted_count=len(shown_promotions)),
        "count": page_obj.paginator.count + len(promotions),
    }


def promoted(request, terms, searchable):
    """(page, description) this site's moderators promoted for these words, in this language.

    They pick one page; readers of another language get its version in
    theirs, as links chosen in English do. The description is kept only
    where the page shown is the one they picked (it is in that page's
    language). Lookups never record the query: a table row per distinct
    query anyone types would let a stranger fill the database.
    """
    picks = list(
        PromotedResult.objects.filter(
            site=Site.find_for_request(request), query=search_key(" ".join(terms))
        ).select_related("page")
    )
    in_language = localized_pages([pick.page for pick in picks], request)
    candidates = [(in_language[pick.page.pk], pick) for pick in picks]
    allowed = set(
        searchable.filter(pk__in=[page.pk for page, _pick in candidates]).values_list(
            "pk", flat=True
        )
    )
    promotions, seen = [], set()
    for page, pick in candidates:
        if page.pk in allowed and page.pk not in seen:
            seen.add(page.pk)
            promotions.append((page, pick.description if page.pk == pick.page_id else ""))
    return promotions


def results_for(request, shown, terms, promoted_count):
    """One Result per (page, description), in order, with a constant number of queries."""
    specific = Page.objects.filter(pk__in=[page.pk for page, _description in shown]).specific()
    pages = {page.pk: page for page in specific}
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    original_locales = dict(
        Page.objects.filter(
            pk__in=[page.alias_of_id for page in pages.values() if page.alias_of_id]
        ).values_list("pk", "locale_id")
    )
    reader_language = get_language()
    results = []
    for position, (found, description) in enumerate(shown):
        page = pages[found.pk]
        text_language = languages[original_locales.get(page.alias_of_id, page.locale_id)]
        results.append(
            Result(
                url=page.get_url(request),
                title=_listing_title(page),
                excerpt=excerpt([description] if description else texts_of(page), terms),
                text_language="" if text_language == reader_language else text_language,
                promoted=position < promoted_count,
            )
        )
    return results


def _listing_title(page):
    return page.get_listing_title() if hasattr(page, "get_listing_title") else page.title


def texts_of(page):
    """The page's listing summary, then every text the search index holds for it but the title."""
    summary = page.get_listing_summary() if hasattr(page, "get_listing_summary") else ""
    texts = [summary or page.search_description]
    for search_field in page.get_searchable_search_fields():
        if search_field.field_name != "title":
            texts.extend(_strings(search_field.get_value(page)))
    return texts


def _strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return [str(value)] if value else []
