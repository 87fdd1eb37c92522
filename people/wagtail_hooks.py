"""The People snippet in the admin: its own menu item, a portrait icon and the role in the list."""

from wagtail.snippets.models import register_snippet

from editorial.ownership import SiteOwnedSnippetViewSet

from .models import Person


class PersonViewSet(SiteOwnedSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "role", "site"]
    ordering = ["name"]


register_snippet(PersonViewSet)
