"""The main menu and the footer in the admin: each site's staff see and edit their own only."""

from wagtail.snippets.models import register_snippet

from editorial.ownership import SiteOwnedSnippetViewSet

from .models import Footer, MainMenu


class MainMenuViewSet(SiteOwnedSnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    list_display = ["site", "locale"]


class FooterViewSet(SiteOwnedSnippetViewSet):
    model = Footer
    icon = "list-ul"
    list_display = ["site", "locale", "tagline"]


register_snippet(MainMenuViewSet)
register_snippet(FooterViewSet)
