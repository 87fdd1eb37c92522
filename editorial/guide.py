"""The editors' guide (docs/editors.md) in the admin, where staff look for help.

The guide is kept as Markdown beside the other docs, so maintainers edit
one copy and its screenshots are retaken by `make editor-guide`; the admin
renders it for any signed-in member of staff, with its pictures, and the
dashboard and the Help menu link to it.
"""

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.admin.ui.components import Component

import markdown

GUIDE = Path(settings.BASE_DIR) / "docs" / "editors.md"
PICTURES = GUIDE.parent / "images" / "editors"
# How the guide names its pictures, and all a picture's address may hold.
PICTURE_REFERENCE = re.compile(r'src="images/editors/([\w-]+\.(?:png|webp))"')
PICTURE_NAME = re.compile(r"[\w-]+\.(?:png|webp)")


@cache
def guide_html(modified):
    """The guide as HTML, its pictures served by `guide_picture`; cached per file version."""
    html = markdown.markdown(GUIDE.read_text(encoding="utf-8"), extensions=["tables", "toc"])
    picture_url = reverse("editorial:guide_picture", args=["NAME"])
    return PICTURE_REFERENCE.sub(
        lambda found: f'src="{picture_url.replace("NAME", found[1])}"', html
    )


@require_safe
def editors_guide(request):
    if not GUIDE.exists():
        raise Http404("The editors' guide is not installed with this copy of the site.")
    html = guide_html(GUIDE.stat().st_mtime_ns)
    # The guide is the project's own file, written by its maintainers.
    return TemplateResponse(request, "editorial/guide.html", {"guide": mark_safe(html)})


@require_safe
@cache_control(private=True, max_age=3600)
def guide_picture(request, name):
    if not PICTURE_NAME.fullmatch(name) or not (PICTURES / name).is_file():
        raise Http404("The guide has no picture of that name.")
    return FileResponse((PICTURES / name).open("rb"))


class GuidePanel(Component):
    """The dashboard's pointer to the guide, above what waits for review."""

    name = "editors_guide"
    order = 90
    template_name = "editorial/guide_panel.html"
