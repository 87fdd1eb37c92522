"""What search engines and link previews need of every page: shared parts of each site."""

from wagtail import hooks

from routing.site_context import PART_HOOK

from .page_meta import default_share_image, organization_logo_address


@hooks.register(PART_HOOK)
def default_share_image_part():
    return "default-share-image", default_share_image


@hooks.register(PART_HOOK)
def organization_logo_part():
    return "organization-logo", organization_logo_address
