"""Topics and regions in the admin: each site's staff see, choose and edit their own site's only."""

from wagtail.snippets.models import register_snippet

from editorial.ownership import SiteOwnedSnippetViewSet

from .models import Region, Topic


class TopicViewSet(SiteOwnedSnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale", "site"]


class RegionViewSet(SiteOwnedSnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "Regions"
    list_display = ["name", "slug", "sort_order", "locale", "site"]


register_snippet(TopicViewSet)
register_snippet(RegionViewSet)
