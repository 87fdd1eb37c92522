"""Navigation and small helpers shared by every template."""

import re
from dataclasses import replace

from django import template
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from caching.save_data import saves_data
from localization import translations
from pages.models import SiteSettings
from pages.wayfinding import site_root_address, trail_to
from routing.site_context import site_context

register = template.Library()


@register.simple_tag(takes_context=True)
def brand_assets(context):
    """`{% brand_assets as brand %}`: the site's brand stylesheet, web fonts to preload and logo.

    Readers who ask to save data get the brand's colors without its web fonts.
    """
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    light = saves_data(request)
    stylesheet = f"{reverse('brand_stylesheet')}?v={site_settings.brand_version}"
    logo = site_context(request).part("logo")
    return {
        "stylesheet": stylesheet + ("&fonts=none" if light else ""),
        "font_preloads": [] if light else site_settings.font_preloads,
        "logo": logo,
        "logo_is_svg": logo.startswith(reverse("brand_logo")),
    }


@register.simple_tag(takes_context=True)
def localized(context, page):
    """`{% localized page as target %}`: the page in the language being read (see translations)."""
    if not hasattr(page, "get_translation_or_none"):
        return page  # e.g. a block preview's placeholder value
    current = context.get("page")
    if not hasattr(current, "get_translations"):
        current = None
    return translations.linked_page(page, current, context.get("request"))


@register.simple_tag(takes_context=True)
def home_url(context):
    """The address of this site's home page in the language being read."""
    root = site_root_address(context["request"])
    return root["url"] if root else "/"


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the page being read; empty on the home page itself."""
    request = context["request"]
    page = context.get("page")
    ancestors = trail_to(page, request) if page is not None else []
    return {
        "request": request,
        "ancestors": ancestors,
        "page": page,
        # A sub-address of the page (a topic of the news index) is one step further down.
        "subpage_title": context.get("subpage_title"),
        "subpage_path": context.get("canonical_path"),
    }


@register.filter
def absolute_url(path, request):
    """An absolute address on the host the visitor asked for (each site has its own)."""
    return request.build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's address on the host the visitor used, so each site (and dev port) is right.

    An untranslated twin names the page it copies, so search engines index
    the content once, in its own language.
    """
    request = context["request"]
    if context.get("canonical_path"):
        # A page's own sub-address (a topic page of the news index) is its own canonical.
        return request.build_absolute_uri(context["canonical_path"])
    page = translations.shown_original(page, context.get("request")) or page
    return request.build_absolute_uri(page.get_url(request))


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The page's versions in each language: switcher, hreflang, hints (localization)."""
    page = context.get("page")
    # Only Wagtail pages have translations (a 404 has no page).
    if not hasattr(page, "get_translations"):
        page = None
    languages = translations.page_languages(page, context["request"])
    language_paths = context.get("language_paths")
    if language_paths:
        # A view that is not a page (search) says where each language's version is.
        versions = [
            replace(version, url=language_paths.get(version.language_code, version.url))
            for version in languages["versions"]
        ]
        languages = {**languages, "versions": versions, "alternates": [], "hints": []}
    elif context.get("canonical_path") and not languages["sub_address"]:
        # The page's translations are translations of the page itself, not of
        # this sub-address (which did not say where it is in each language):
        # name none to search engines, and let the switcher lead to the page.
        languages = {**languages, "alternates": [], "hints": []}
    return languages


@register.simple_tag(takes_context=True)
def listing_card(context, page, heading="h2"):
    """`{% listing_card page heading="h3" %}`: the page's card, whatever its type (see BasePage)."""
    template_name, variable = page.listing_card()
    return get_template(template_name).render(
        {**context.flatten(), variable: page, "heading": heading}, context.get("request")
    )


@register.simple_tag
def page_contents(body):
    """`{% page_contents page.body as contents %}`: the body's sections ("On this page")."""
    if not body:
        return []
    return [
        {"anchor": block.value.link_anchor, "text": block.value["text"]}
        for block in body
        if block.block_type == "heading" and block.value.get("level") == "h2"
    ]


@register.filter
def word_breaks(name):
    """A one-word name ("NewMexicoKidsCAN") may wrap between its words, not inside them."""
    return format_html_join(
        mark_safe("<wbr>"), "{}", ((part,) for part in CAMEL_CASE_BOUNDARY.split(name))
    )


CAMEL_CASE_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")
