"""One page of each budgeted type on a demo site (tests/test_query_budget.py, tools/bench)."""

from wagtail.models import Locale, Site

from articles.models import ArticlePage, NewsIndexPage
from campaigns.models import ActionIndexPage, ActionPage
from legislation.models import BillIndexPage, BillPage
from stories.models import StoryPage


def address_of(page):
    """The page's path on its own site (no host), as a visitor's browser asks for it."""
    _site_id, _root_url, path = page.get_url_parts()
    return path


def page_of_each_type(hostname, language_code):
    """{page type: path} of one site in one language; a type the site lacks is left out.

    Home, news index, its first article, its first topic page, and the first story.
    """
    site = Site.objects.get(hostname=hostname)
    home = site.root_page.get_translation(Locale.objects.get(language_code=language_code))
    found = {"home": address_of(home)}
    index = NewsIndexPage.objects.live().descendant_of(home).first()
    if index is not None:
        found["news index"] = address_of(index)
        article = ArticlePage.objects.live().child_of(index).order_by("path").first()
        if article is not None:
            found["article"] = address_of(article)
        topic = next(iter(index.topics_in_use(None)), None)
        if topic is not None:
            found["topic"] = address_of(index) + index.reverse_subpage("topic", args=[topic.slug])
    story = StoryPage.objects.live().descendant_of(home).order_by("path").first()
    if story is not None:
        found["story"] = address_of(story)
    return found


ADVOCACY_PAGE_TYPES = {
    "take-action index": ActionIndexPage,
    "take action": ActionPage,
    "bill tracker": BillIndexPage,
    "bill": BillPage,
}


def advocacy_page_of_each_type(hostname, language_code):
    """{page type: path} of the first take-action and tracker pages of one site and language."""
    site = Site.objects.get(hostname=hostname)
    home = site.root_page.get_translation(Locale.objects.get(language_code=language_code))
    found = {}
    for kind, model in ADVOCACY_PAGE_TYPES.items():
        page = model.objects.live().descendant_of(home).order_by("path").first()
        if page is not None:
            found[kind] = address_of(page)
    return found
