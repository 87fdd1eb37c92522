"""What a page tells search engines and social networks: meta tags, share links, JSON-LD.

The template tags in `templatetags/seo_tags.py` wrap these functions.
`page_seo` works out a page's description, canonical address, language and
share image once per request; `components/page_meta.html`,
`components/share_links.html` and `components/structured_data.html` all read
that one result, so the head costs the same few queries on every page.
Every address is absolute, on the host the visitor used.
"""

import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale, Site

from localization import translations
from pages.models import SiteSettings
from pages.wayfinding import site_root, trail_to
from routing.site_context import site_context

# The size Facebook, LinkedIn and X all crop link previews to.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
# Search engines want a logo of at least 112 px; its own shape and format are kept.
LOGO_SPEC = "max-512x512"
# Open Graph names a language with its region: the sites' readers are in New Mexico,
# and the Spanish they read is Mexican Spanish's neighbor, not Spain's.
OPEN_GRAPH_LOCALES = {"en": "en_US", "es": "es_MX"}
X_HOSTS = {"x.com", "www.x.com", "twitter.com", "www.twitter.com"}


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class PageSeo:
    """How one page presents itself to search engines and to a shared link."""

    page: object  # the page whose text is shown: the original of an untranslated twin
    title: str
    description: str
    social_description: str
    url: str
    language_code: str
    open_graph_locale: str
    alternate_locales: list
    image: ShareImage | None
    site_name: str
    twitter_site: str


@dataclass(frozen=True)
class ShareLink:
    network: str
    name: str  # what the link shows
    label: str  # what a screen reader announces: the name in a sentence
    url: str


# --- Working out the page's description, address and image ----------------------------------


def _plain(text):
    """Text as one line: meta tags show no line breaks."""
    return " ".join((text or "").split())


def _own_description(page):
    """The editor's search description, else the page's summary or opening text."""
    listing_summary = getattr(page, "get_listing_summary", None)
    search_description = getattr(page, "search_description", "")
    return _plain(search_description) or _plain(listing_summary() if listing_summary else "")


def _home_in(request, language_code):
    """The site's home page in `language_code`, the language of the text shown."""
    if language_code == get_language():
        return site_root(request)  # already looked up for the header, once per request
    # Rare: an untranslated twin, or a site not yet in the language being read.
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=language_code).first()
    if site is None or locale is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def _site_description(request, page, language_code):
    """What describes the whole site, in the page's language: its home page's description.

    The home page is translated with wagtail-localize like any page, so this is
    Spanish on Spanish pages; one text in site settings would be English on both.
    """
    home = _home_in(request, language_code)
    if home is None:
        return ""
    if home.pk == page.pk:
        return ""  # the home page was described by its own fields already
    # The search description is on the plain page; the hero text costs a query for the rest.
    return _plain(home.search_description) or _own_description(home.specific)


def _share_image(page, site_settings, request):
    """(address, width, height, alt) of the picture a shared link shows, or None.

    The page's own picture, else the site's default share image, which is
    the same on every page of the site and so is a shared part of it.
    """
    get_social_image = getattr(page, "get_social_image", None)
    own = get_social_image() if get_social_image else None
    if own is not None:
        return _share_rendition(own)
    if site_settings is None or request is None:
        return None
    found = site_context(request).part("default-share-image")
    return tuple(found) if found else None


def default_share_image(request):
    """[address, width, height, alt] of the site's default share image, or None (a shared part)."""
    image = SiteSettings.for_request(request).default_social_image
    found = _share_rendition(image) if image is not None else None
    return list(found) if found else None


def _share_rendition(image):
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        return None  # the file is missing: no image beats a broken one
    return (rendition.url, rendition.width, rendition.height, image.default_alt_text)


def _twitter_handle(x_url):
    """'@name' from the organization's address on X, or '' if it names no account."""
    parts = urlsplit(x_url or "")
    name = parts.path.strip("/").split("/")[0]
    return f"@{name}" if parts.hostname in X_HOSTS and name else ""


def _languages(context, page, request):
    # base.html works these out for the page being read; any other page gets its own.
    languages = context.get("languages") if context.get("page") is page else None
    if languages is None:
        languages = translations.page_languages(page, request)
    return languages


def _site_settings(request):
    return SiteSettings.for_request(request) if request is not None else None


def _build_page_seo(context, page):
    request = context["request"]
    languages = _languages(context, page, request)
    # An untranslated twin shows, and names as canonical, the page it copies.
    shown = languages["original"] or page
    language_code = (
        shown.locale.language_code if languages["original"] is not None else get_language()
    )
    canonical_path = context.get("canonical_path") or shown.get_url(request)
    site_settings = _site_settings(request)
    # A page's own sub-address (a topic of the news index) is described by its route.
    subpage_title = context.get("subpage_title")
    description = (
        _plain(context.get("subpage_description"))
        or _own_description(shown)
        or _site_description(request, shown, language_code)
    )
    image = _share_image(shown, site_settings, request)
    if image is not None:
        url, width, height, alt = image
        image = ShareImage(request.build_absolute_uri(url), width, height, alt)
    get_listing_title = getattr(shown, "get_listing_title", None)
    return PageSeo(
        page=shown,
        title=subpage_title or (get_listing_title() if get_listing_title else shown.title),
        description=description,
        social_description=(
            description if subpage_title else _plain(getattr(shown, "social_text", ""))
        )
        or description,
        url=request.build_absolute_uri(canonical_path),
        language_code=language_code,
        open_graph_locale=OPEN_GRAPH_LOCALES.get(language_code, language_code),
        # Only real translations, the same ones hreflang names.
        alternate_locales=[
            OPEN_GRAPH_LOCALES.get(code, code)
            for code, _url in languages["alternates"]
            if code not in ("x-default", language_code)
        ],
        image=image,
        site_name=site_settings.display_name if site_settings else "",
        twitter_site=_twitter_handle(site_settings.x_url) if site_settings else "",
    )


def page_seo(context, page):
    """The page's PageSeo, worked out once per request."""
    request = context["request"]
    cache = site_context(request).table("page-seo")
    key = (id(page), context.get("canonical_path"))
    if key not in cache:
        cache[key] = _build_page_seo(context, page)
    return cache[key]


# --- Share links ----------------------------------------------------------------------------


def _query(**parameters):
    # Spaces as %20, not '+': mail programs show a '+' literally.
    return urlencode(parameters, quote_via=quote)


def share_links(context, page):
    """Plain links that share the page's canonical address and title: no script, no tracking."""
    seo = page_seo(context, page)
    url, title = seo.url, seo.title

    def on(network):
        return _("Share on %(network)s") % {"network": network}

    return [
        ShareLink(
            "email", _("Email"), _("Share by email"), f"mailto:?{_query(subject=title, body=url)}"
        ),
        ShareLink(
            "facebook",
            "Facebook",
            on("Facebook"),
            f"https://www.facebook.com/sharer/sharer.php?{_query(u=url)}",
        ),
        ShareLink("x", "X", on("X"), f"https://x.com/intent/post?{_query(url=url, text=title)}"),
        ShareLink(
            "linkedin",
            "LinkedIn",
            on("LinkedIn"),
            f"https://www.linkedin.com/sharing/share-offsite/?{_query(url=url)}",
        ),
        ShareLink(
            "whatsapp",
            "WhatsApp",
            on("WhatsApp"),
            f"https://wa.me/?{_query(text=f'{title} {url}')}",
        ),
    ]


# --- Structured data (JSON-LD) --------------------------------------------------------------

# As Django's json_script: no '<', '>' or '&' survives, so no text can close the element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_element(data):
    """A <script type="application/ld+json"> holding `data`, safe whatever text it carries.

    Data, not code: the Content-Security-Policy has no say over it, so it needs no nonce.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _absolute_page_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


def organization_logo_address(request):
    """The logo's address for JSON-LD, or "": the same on every page of the site (a shared part)."""
    logo = SiteSettings.for_request(request).logo
    if not logo:
        return ""
    try:
        return logo.get_rendition(LOGO_SPEC).url
    except SourceImageIOError:
        return ""


def _organization(request, site_settings, home, description=""):
    home_url = _absolute_page_url(request, home)
    organization = {
        "@type": "NGO",
        "@id": f"{home_url}#organization",
        "name": site_settings.display_name,
        "url": home_url,
    }
    logo_url = site_context(request).part("organization-logo")
    if logo_url:
        organization["logo"] = request.build_absolute_uri(logo_url)
    if description:
        organization["description"] = description
    same_as = [url for _name, url in site_settings.social_links]
    if same_as:
        organization["sameAs"] = same_as
    return organization


def _breadcrumb_list(request, page, context):
    """The trail the visible breadcrumbs show (site_tags.breadcrumbs), with absolute addresses."""
    ancestors = trail_to(page, request)
    trail = [
        (_("Home") if index == 0 else ancestor.title, _absolute_page_url(request, ancestor))
        for index, ancestor in enumerate(ancestors)
    ]
    trail.append((page.title, _absolute_page_url(request, page)))
    if context.get("subpage_title"):
        trail.append(
            (context["subpage_title"], request.build_absolute_uri(context["canonical_path"]))
        )
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": url,
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def structured_data_for(context, page):
    """The schema.org items describing `page`: its organization, article and breadcrumbs."""
    request = context["request"]
    home = site_root(request)
    site_settings = _site_settings(request)
    if home is None or site_settings is None or not getattr(page, "depth", None):
        return []
    seo = page_seo(context, page)
    if page.depth == home.depth:
        return [_organization(request, site_settings, home, seo.description)]
    items = []
    # Each page type that has a schema.org type of its own (an article, an
    # event, a directory) describes itself, without seo importing its app.
    own_structured_data = getattr(seo.page, "structured_data", None)
    if callable(own_structured_data):
        publisher = _organization(request, site_settings, home)
        items.append(own_structured_data(request, publisher, seo))
    if page.depth > home.depth:
        items.append(_breadcrumb_list(request, page, context))
    return items
