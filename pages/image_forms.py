"""The image library's upload form: alt text up front, and only files that decode.

Wagtail checks an upload's type, file size and pixel count. A file with a
valid header and broken data behind it (a truncated download, a disguised
file) makes that check itself raise, which the editor sees as a server error;
and some damage only shows when the first rendition is made, on a public page.
Decoding the whole file once at upload turns both into a form error the
editor can act on, before anything is stored.
"""

import warnings

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage

ALT_TEXT_HELP = _(
    "Alt text: what the picture shows, for people who cannot see it, in a sentence "
    "(e.g. 'Parents and teachers talking at a community forum in Gallup'). "
    "Don't start with 'Image of'."
)


DAMAGED_IMAGE_MESSAGE = _(
    "This image file is damaged or incomplete, so it cannot be shown. "
    "Export or download it again and upload the new copy."
)


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, refusing files it cannot decode with a message."""

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except (OSError, SyntaxError, ValueError):
            raise forms.ValidationError(DAMAGED_IMAGE_MESSAGE, code="corrupt") from None
        if uploaded is not None:
            ensure_image_decodes(uploaded)
        return uploaded


class AccessibleImageForm(BaseImageForm):
    """Requires a description (the default alt text) and a file that fully decodes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stock_file_field = self.fields.get("file")
        if stock_file_field is not None:
            # Same widget (it carries the admin's upload behavior), stricter checks.
            self.fields["file"] = DecodedImageField(
                label=stock_file_field.label,
                required=stock_file_field.required,
                widget=stock_file_field.widget,
            )
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Description (alt text)")
            description.help_text = ALT_TEXT_HELP

    def clean_description(self):
        description = (self.cleaned_data.get("description") or "").strip()
        if description and description.lower() == (self.cleaned_data.get("title") or "").lower():
            # The title is often a file name; alt text must say what is shown.
            raise forms.ValidationError(
                _("Describe what the picture shows rather than repeating its title.")
            )
        return description


def ensure_image_decodes(uploaded):
    """Raise a form error unless every pixel of the uploaded image can be read."""
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            # Wagtail has already refused images over the pixel limit; make
            # Pillow's own bomb warning an error too rather than decode one.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(uploaded) as image:
                image.load()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombWarning):
        raise forms.ValidationError(DAMAGED_IMAGE_MESSAGE, code="corrupt") from None
    finally:
        uploaded.seek(0)
