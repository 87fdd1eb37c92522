"""Color arithmetic for brand colors, so an editor cannot pick an unreadable one."""

import re

from django.core.exceptions import ValidationError

HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}\Z")
# WCAG 2.2 AA for normal-size text.
MINIMUM_CONTRAST = 4.5


def relative_luminance(hex_color):
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_brand_color(value):
    """The brand color carries white text and is used for links on white."""
    if not HEX_COLOR.match(value or ""):
        raise ValidationError("Enter a color as # and six hex digits, e.g. #1d4f91.")
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            f"White text on this color has a contrast of {ratio:.1f}:1; "
            f"choose a darker color (at least {MINIMUM_CONTRAST}:1) so everyone can read it."
        )


# The darkest and the muted text colors of site.css: what is written on light surfaces.
TEXT_COLOR = "#1b1f24"
MUTED_TEXT_COLOR = "#4a5461"


def validate_light_color(value):
    """An accent or surface color carries the site's dark text."""
    if not HEX_COLOR.match(value or ""):
        raise ValidationError("Enter a color as # and six hex digits, e.g. #f3f5f8.")
    ratio = contrast_ratio(value, TEXT_COLOR)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            f"Dark text on this color has a contrast of {ratio:.1f}:1; "
            f"choose a lighter color (at least {MINIMUM_CONTRAST}:1) so everyone can read it."
        )


def palette_problems(primary, surface):
    """What is unreadable where the palette's colors meet: links and muted text on the surface."""
    problems = {}
    if HEX_COLOR.match(primary or "") and HEX_COLOR.match(surface or ""):
        ratio = contrast_ratio(primary, surface)
        if ratio < MINIMUM_CONTRAST:
            problems["surface_color"] = (
                f"Links in the primary color have a contrast of {ratio:.1f}:1 on this surface; "
                f"choose a lighter surface or a darker primary (at least {MINIMUM_CONTRAST}:1)."
            )
        elif contrast_ratio(MUTED_TEXT_COLOR, surface) < MINIMUM_CONTRAST:
            problems["surface_color"] = (
                "Dates and captions (gray text) would be hard to read on this surface; "
                "choose a lighter one."
            )
    return problems
