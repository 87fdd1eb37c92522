"""Admin hooks for how staff work: translations sent for review, the guide, the dashboard."""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page

from . import guide, translation_review
from .ownership import OwnSiteDeleteBulkAction, sites_of
from .roles import site_root_pages
from .translations_report import OwnSiteTranslationsReportView

urls = [
    path(
        "translation/<int:page_id>/submit/",
        translation_review.submit_translation,
        name="submit_translation",
    ),
    path("guide/", guide.editors_guide, name="guide"),
    path(
        "translations/",
        OwnSiteTranslationsReportView.as_view(),
        name="translations_report",
    ),
    path(
        "translations/results/",
        OwnSiteTranslationsReportView.as_view(results_only=True),
        name="translations_report_results",
    ),
    path("guide/pictures/<str:name>", guide.guide_picture, name="guide_picture"),
]


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("editorial/", include((urls, "editorial"), namespace="editorial"))]


# Before wagtail-localize's own hook, which replaces the page editor with its
# translation editor (hooks run in order; the first to answer wins).
hooks.register(
    "before_edit_page", translation_review.offer_review_on_the_translation_editor, order=-1
)


@hooks.register("construct_reports_menu")
def own_site_translations_report(request, menu_items):
    """Reports → Translations lists the user's own sites' translations, not every site's."""
    everyones = reverse("wagtail_localize:translations_report")
    for index, item in enumerate(menu_items):
        if item.url == everyones:
            menu_items[index] = MenuItem(
                item.label,
                reverse("editorial:translations_report"),
                icon_name="site",
                order=item.order,
            )


# After Wagtail's own bulk delete of snippets, which it replaces for site-owned models.
hooks.register("register_bulk_action", OwnSiteDeleteBulkAction, order=1)


# --- The editors' guide --------------------------------------------------------------------------


@hooks.register("register_help_menu_item")
def our_editors_guide():
    # Before Wagtail's own "Editor Guide", which is about Wagtail in general.
    return MenuItem(
        "Our editors' guide", reverse("editorial:guide"), icon_name="doc-full", order=1050
    )


@hooks.register("construct_homepage_panels")
def point_to_the_guide(request, panels):
    panels.append(guide.GuidePanel())


# --- The dashboard --------------------------------------------------------------------------------


class OwnSitePagesSummaryItem(PagesSummaryItem):
    """Pages of the user's sites, in every language, linked to the first site's home page."""

    def get_context_data(self, parent_context):
        sites = list(sites_of(self.request.user).select_related("root_page"))
        pages = Page.objects.none()
        for home in (home for site in sites for home in site_root_pages(site)):
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return {
            "root_page": sites[0].root_page if sites else None,
            "total_pages": pages.count(),
            "site_name": ", ".join(site.site_name or site.hostname for site in sites),
        }

    def is_shown(self):
        return super().is_shown() and sites_of(self.request.user).exists()


# After Wagtail's own hook, which adds the item replaced here.
@hooks.register("construct_homepage_summary_items", order=1)
def count_the_users_own_site(request, summary_items):
    """The page count of the user's own site, not of every site under the tree's root.

    Wagtail counts the pages under the closest page the user may explore,
    which for staff with rights on their home page in two languages is the
    Root: every organization's pages. Superusers keep Wagtail's count.
    """
    if request.user.is_superuser:
        return
    for index, item in enumerate(summary_items):
        if isinstance(item, PagesSummaryItem):
            summary_items[index] = OwnSitePagesSummaryItem(request)
