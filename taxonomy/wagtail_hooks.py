"""Topics in the admin: each site's staff see, choose and edit their own site's only."""

from wagtail.snippets.models import register_snippet

from editorial.ownership import SiteOwnedSnippetViewSet

from .models import Topic


class TopicViewSet(SiteOwnedSnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "site"]


register_snippet(TopicViewSet)
