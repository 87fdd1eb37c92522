"""Demo pictures drawn with Pillow, so no binary file lives in the repository.

Each picture is a flat, recognizably New Mexican landscape (sky, sun, mesas)
whose colors come from its title, so the same title always draws the same
picture and reruns of the loader find it again instead of adding a copy.
"""

import hashlib
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

SKIES = [
    ("#f6b26b", "#fde9c9"),
    ("#6fa8dc", "#d9ecfa"),
    ("#e06666", "#fbd3c4"),
    ("#8e7cc3", "#e4dcf6"),
]
EARTH = ["#8b4513", "#a0522d", "#6b4226", "#7a5c3e", "#5b3a29"]


def _seed(text):
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def _hex_to_rgb(value):
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def draw_landscape(title, size=(1280, 720)):
    """JPEG bytes of a sky, a sun and layered mesas, chosen by `title`."""
    seed = _seed(title)
    width, height = size
    top, bottom = (_hex_to_rgb(c) for c in SKIES[seed % len(SKIES)])
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    sun_x = width * (0.2 + (seed >> 8) % 60 / 100)
    draw.ellipse([sun_x - 70, 110, sun_x + 70, 250], fill="#fff4d6")
    for layer in range(3):
        color = EARTH[(seed >> (4 * layer)) % len(EARTH)]
        base = height * (0.62 + 0.12 * layer)
        shift = (seed >> (6 + layer)) % 300
        points = [(0, height), (0, base)]
        for step in range(0, width + 160, 160):
            rise = 70 if ((step + shift) // 160) % 3 == 0 else 0
            points += [(step, base - rise), (step + 120, base - rise)]
        points.append((width, height))
        draw.polygon(points, fill=color)
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=82, optimize=True)
    return output.getvalue()


def draw_logo(initials, color, size=256):
    """PNG bytes of a round badge with the organization's initials."""
    picture = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([0, 0, size - 1, size - 1], fill=color)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def get_or_create_image(title, alt_text, draw, filename):
    """The library image called `title`, drawn by `draw()` the first time only."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=alt_text)
    image.file = ImageFile(io.BytesIO(draw()), name=filename)
    image.save()
    return image


def landscape_image(title, alt_text):
    return get_or_create_image(
        title, alt_text, lambda: draw_landscape(title), f"{_slug(title)}.jpg"
    )


def logo_image(title, initials, color):
    # The logo sits next to the organization's name, so it is decorative there;
    # the description still helps editors in the image library.
    return get_or_create_image(
        title, f"{title} badge", lambda: draw_logo(initials, color), f"{_slug(title)}.png"
    )


def _slug(title):
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]


# Image fields a page or the site settings may fill; listed so filing the
# demo's pictures needs no query per field type.
PAGE_IMAGE_FIELDS = ("image", "hero_image", "listing_image", "social_image")


def file_images_in_site_collections(sites):
    """Move each site's demo pictures from the root collection into the site's own.

    Editors may only choose images in their organization's collection, so
    pictures left in the root would be on the pages but out of their reach.
    An image already filed somewhere else is left where it is.
    """
    from editorial.models import SiteRoles  # the editorial app owns the collections
    from pages.models import SiteSettings

    Image = get_image_model()
    for roles in SiteRoles.objects.filter(site__in=sites).select_related("site", "collection"):
        site = roles.site
        image_ids = set()
        for page in site.root_page.get_descendants(inclusive=True).specific():
            image_ids.update(getattr(page, f"{field}_id", None) for field in PAGE_IMAGE_FIELDS)
        image_ids.update(SiteSettings.objects.filter(site=site).values_list("logo_id", flat=True))
        image_ids.discard(None)
        Image.objects.filter(pk__in=image_ids, collection__depth=1).update(
            collection=roles.collection
        )
