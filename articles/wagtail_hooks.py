"""The news index's address as a shared part of each site (routing.site_context)."""

from wagtail import hooks

from routing.site_context import PART_HOOK

from .addresses import news_index_part


@hooks.register(PART_HOOK)
def news_index_address_part():
    return "news-index", news_index_part
