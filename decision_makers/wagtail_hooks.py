"""Decision makers in the admin: each site's staff see and edit their own list only."""

from wagtail.snippets.models import register_snippet

from editorial.ownership import SiteOwnedSnippetViewSet

from .models import DecisionMaker


class DecisionMakerViewSet(SiteOwnedSnippetViewSet):
    model = DecisionMaker
    icon = "group"
    menu_label = "Decision makers"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "title", "body", "district", "county", "site"]
    list_filter = ["body"]
    ordering = ["body", "district", "name"]


register_snippet(DecisionMakerViewSet)
