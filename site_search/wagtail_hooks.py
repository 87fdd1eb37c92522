"""Promoted search results in the admin: each site's staff see and edit their own site's only."""

from wagtail.snippets.models import register_snippet

from editorial.ownership import SiteOwnedSnippetViewSet

from .models import PromotedResult


class PromotedResultViewSet(SiteOwnedSnippetViewSet):
    model = PromotedResult
    icon = "pick"
    menu_label = "Promoted search results"
    list_display = ["query", "page", "sort_order", "site"]
    search_fields = ["query"]


register_snippet(PromotedResultViewSet)
