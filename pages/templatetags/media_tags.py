"""Images and files as visitors receive them: the right size, format and words.

`{% responsive_picture image "role" %}` is the one way templates show a content
image. Each role fixes the crops and the `sizes` hint for where the image sits
in the layout, so every picture on the site gets AVIF, WebP and JPEG sources,
a srcset, explicit width and height (no layout shift), and alt text.

The first content picture rendered for a request loads eagerly with high
priority: it is the one most likely to be the largest thing on the screen.
Every later one, and every small one (logos), loads lazily, so phones on slow
connections fetch only what they scroll to.
"""

import hashlib
import re
from dataclasses import dataclass

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from caching.save_data import saves_data
from caching.versions import cached_for_content
from routing.site_context import site_context

register = template.Library()

# Browsers take the first <source> they can decode; the last format is the fallback <img>.
PHOTO_FORMATS = ("avif", "webp", "jpeg")
# Logos: WebP, with PNG (not JPEG) as the fallback so transparent backgrounds stay so.
LOGO_FORMATS = ("webp", "png")


@dataclass(frozen=True)
class ImageRole:
    """Where an image sits: which crops to make, how wide it is shown, in which formats."""

    resize: str
    sizes: str
    formats: tuple = PHOTO_FORMATS
    # Whether it may be the request's first, high-priority picture.
    may_lead: bool = True


IMAGE_ROLES = {
    # Home page hero: half the screen beside the text on wide screens.
    "hero": ImageRole("fill-{640x360,960x540,1280x720}", "(min-width: 48rem) 50vw, 100vw"),
    # The main picture of an article or story, across the text column.
    "lead": ImageRole("fill-{640x360,960x540,1280x720}", "(min-width: 48rem) 46rem, 100vw"),
    # A picture in the body: its own shape, never cropped.
    "body": ImageRole("width-{480,800,1280}", "(min-width: 48rem) 46rem, 100vw"),
    # Listing cards: three to a row on wide screens.
    "card": ImageRole("fill-{480x270,960x540}", "(min-width: 48rem) 22rem, 100vw"),
    # A person's photo beside their name.
    "portrait": ImageRole("fill-{96x96,192x192}-c100", "6rem"),
    # An organization's logo beside its name (partner directory): never cropped,
    # and a row of them never takes the page's high-priority picture.
    "logo": ImageRole("max-{80x80,160x160}", "5rem", formats=LOGO_FORMATS, may_lead=False),
}


def _filter_specs(role, save_data=False):
    resize = role.resize
    if save_data:
        # Only the smallest size: a reader saving data is offered nothing larger.
        resize = re.sub(r"\{([^},]*)[^}]*\}", r"\1", resize)
    return Filter.expand_spec(f"{resize}|format-{{{','.join(role.formats)}}}")


def _loading_attributes(request, role):
    """Eager and high priority for the request's first picture, lazy after that."""
    if request is None or not role.may_lead:
        return {"loading": "lazy", "decoding": "async"}
    if site_context(request).count("leading-pictures") == 1:
        return {"fetchpriority": "high", "decoding": "async"}
    return {"loading": "lazy", "decoding": "async"}


@register.simple_tag(takes_context=True)
def responsive_picture(context, image, role, alt=None, **attributes):
    """A <picture> for `image` laid out as `role`; nothing if there is no image.

    `alt` defaults to the image's description (its title if it has none, so it
    is never empty by accident); pass alt="" only for a decorative image, such
    as a card picture next to the title it illustrates.
    """
    if not image:
        return ""
    image_role = IMAGE_ROLES[role]
    html_attributes = {
        "alt": image.default_alt_text if alt is None else alt,
        "sizes": image_role.sizes,
        **_loading_attributes(context.get("request"), image_role),
        **{name.replace("_", "-"): value for name, value in attributes.items() if value},
    }

    save_data = saves_data(context.get("request"))

    def build():
        renditions = get_renditions_or_not_found(image, _filter_specs(image_role, save_data))
        # Kept as plain bytes in the shared cache, marked safe again when read.
        return Picture(renditions, html_attributes).__html__().encode()

    # Finding a dozen renditions and writing their srcsets is the costliest
    # part of a page after its queries; the result changes only when the
    # image does (saving an image retires it, caching/invalidation.py).
    described = repr((image.pk, role, save_data, sorted(html_attributes.items())))
    key = f"picture:{hashlib.sha256(described.encode()).hexdigest()}"
    return mark_safe(cached_for_content(key, build).decode())  # noqa: S308 (built by Picture)


@register.filter
def file_type_and_size(document):
    """'PDF, 1.2 MB': what a download is before anyone spends their data on it."""
    extension = (document.file_extension or "").upper() or _("File")
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return f"{extension}, {filesizeformat(size)}" if size else extension
