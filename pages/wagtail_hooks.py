"""Hooks of the pages every site shares: its shared parts, and the editors' full axe checks."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem

from routing.site_context import PART_HOOK

from .gallery import component_gallery
from .models import SiteSettings
from .wayfinding import home_address, privacy_notice_address


@hooks.register(PART_HOOK)
def home_part():
    return "home", home_address


@hooks.register(PART_HOOK)
def site_settings_part():
    return "site-settings", SiteSettings.field_values


@hooks.register(PART_HOOK)
def privacy_notice_part():
    return "privacy-notice", privacy_notice_address


@hooks.register(PART_HOOK)
def logo_part():
    return "logo", SiteSettings.logo_address


class FullContentCheckerItem(ContentCheckerItem):
    """Wagtail's content checker, running all of axe's rules instead of its ten-rule shortlist.

    Wagtail limits the checker (in the userbar and in the page editor's Checks
    panel) to rules an editor can fix from the editor, such as empty headings
    and link text. Content decides more than that here (a brand color's
    contrast, a heading level, the language of a quote), so editors see
    everything axe finds, including the WCAG A/AA rules the browser tests
    hold every page to. With no `runOnly`, axe runs every rule that is not
    experimental; Wagtail's own two rules (alt text quality, empty meta
    description) are registered separately and stay on, with its messages.
    """

    axe_run_only = None


@hooks.register("construct_wagtail_userbar")
def check_content_with_every_axe_rule(request, items, page):
    """Swap Wagtail's checker for the full one, keeping where it runs (userbar or editor)."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, FullContentCheckerItem):
            items[index] = FullContentCheckerItem(in_editor=item.in_editor)


# --- The component gallery (pages/gallery.py) ---------------------------------------------------


@hooks.register("register_admin_urls")
def component_gallery_url():
    return [path("component-gallery/", component_gallery, name="component_gallery")]


@hooks.register("register_help_menu_item")
def component_gallery_menu_item():
    # After "Our editors' guide" (1050), before Wagtail's own guide.
    return MenuItem(
        "Component gallery", reverse("component_gallery"), icon_name="image", order=1060
    )
