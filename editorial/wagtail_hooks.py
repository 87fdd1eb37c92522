"""Admin hooks for how staff publish: translations submitted for review."""

from django.urls import include, path

from wagtail import hooks

from . import translation_review

urls = [
    path(
        "translation/<int:page_id>/submit/",
        translation_review.submit_translation,
        name="submit_translation",
    )
]


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("editorial/", include((urls, "editorial"), namespace="editorial"))]


# Before wagtail-localize's own hook, which replaces the page editor with its
# translation editor (hooks run in order; the first to answer wins).
hooks.register(
    "before_edit_page", translation_review.offer_review_on_the_translation_editor, order=-1
)
