"""The main menu and the footer: shared parts of each site, and in the admin each site's own."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from editorial.ownership import SiteOwnedSnippetViewSet
from routing.site_context import PART_HOOK

from .menus import footer_links, menu_links
from .models import Footer, MainMenu


@hooks.register(PART_HOOK)
def main_menu_part():
    return "main-menu", menu_links


@hooks.register(PART_HOOK)
def footer_part():
    return "footer", footer_links


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
