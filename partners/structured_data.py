"""schema.org JSON-LD for the partner directory: the partners as a list of `Organization`s."""

from wagtail.images.models import SourceImageIOError

# The larger PNG of the page's "logo" picture role, so JSON-LD adds no rendition of its own.
LOGO_SPEC = "max-160x160|format-png"


def partner_list(request, page, partners):
    page_url = request.build_absolute_uri(page.get_url(request))
    return {
        "@type": "ItemList",
        "name": page.title,
        "url": page_url,
        "numberOfItems": len(partners),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": organization(request, partner, f"{page_url}#{partner.anchor}"),
            }
            for position, partner in enumerate(partners, start=1)
        ],
    }


def organization(request, partner, anchor_url):
    data = {"@type": "Organization", "@id": anchor_url, "name": partner.name}
    if partner.website:
        data["url"] = partner.website
    if partner.description:
        data["description"] = partner.description
    logo = logo_url(request, partner.logo)
    if logo:
        data["logo"] = logo
    return data


def logo_url(request, image):
    if image is None:
        return None
    try:
        return request.build_absolute_uri(image.get_rendition(LOGO_SPEC).url)
    except SourceImageIOError:
        return None
