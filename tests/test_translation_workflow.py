"""Editors keep translations up to date with wagtail-localize, demo content included.

The demo's Spanish pages are ordinary wagtail-localize translations, so an
editor opens them in the translation editor rather than retyping them, and
the two guards in pages/localize_fixes.py keep translation from failing on
content the library does not expect.
"""

import io

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from articles.models import ArticlePage
from tests.factories import make_site


def _locales():
    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    return english, spanish


class TestDemoTranslationsAreEditable(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english_locale, cls.spanish_locale = _locales()
        call_command("load_demo_content", stdout=io.StringIO())
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", "password"
        )

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def test_spanish_demo_article_opens_in_the_translation_editor(self):
        """The Spanish article is a wagtail-localize translation, with every string filled in."""
        english = ArticlePage.objects.get(slug="essa-community-forums", locale=self.english_locale)
        spanish = english.get_translation(self.spanish_locale)
        translation = Translation.objects.get(
            source__object_id=english.translation_key, target_locale=self.spanish_locale
        )
        progress_total, progress_done = translation.get_progress()
        assert progress_total > 0
        assert progress_done == progress_total, "every English string has its Spanish one"

        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))

        assert response.status_code == 200
        # wagtail-localize's editor, not a blank page form, with the Spanish text in it.
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")
        self.assertContains(response, "Foros comunitarios sobre ESSA")

    def test_editing_the_english_page_can_update_the_spanish_one(self):
        """After an English edit, "Sync translated pages" keeps the Spanish, flags what changed."""
        english = ArticlePage.objects.get(slug="essa-community-forums", locale=self.english_locale)
        english.summary = "The forums start in Gallup in October. Bring a friend."
        english.save_revision().publish()
        source = TranslationSource.objects.get_for_instance(english)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                {"publish_translations": "on"},
            )

        assert response.status_code == 302
        spanish = english.get_translation(self.spanish_locale).specific
        assert spanish.live
        assert spanish.title == "Foros comunitarios sobre ESSA"
        translation = Translation.objects.get(source=source, target_locale=self.spanish_locale)
        total, done = translation.get_progress()
        assert done == total - 1, "only the changed summary waits for its Spanish"


class TestTranslatingUnusualContent(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english_locale, cls.spanish_locale = _locales()
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", "password"
        )

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def test_home_page_with_a_report_without_cover_can_be_translated(self):
        """A featured report with no cover image does not stop the page being translated."""
        site = make_site(
            body=[
                (
                    "featured_report",
                    {
                        "label": "Featured report",
                        "title": "Parents speak",
                        "summary": "What parents told us.",
                        "link": {"url": "https://example.org/report", "label": "Read it"},
                    },
                )
            ]
        )
        home = site.root_page

        response = self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[home.pk]),
            {"locales": [self.spanish_locale.pk]},
        )

        spanish = home.get_translation_or_none(self.spanish_locale)
        assert spanish is not None, "the Spanish draft was not created"
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[spanish.pk]))

    def test_restoring_a_locale_synchronisation_row_copies_no_pages(self):
        """Loading saved data (a fixture, a restored test database) is not an edit to act on."""
        make_site()
        LocaleSynchronization.objects.filter(locale=self.spanish_locale).delete()
        row = LocaleSynchronization(locale=self.spanish_locale, sync_from=self.english_locale)
        pages_before = Page.objects.count()

        for restored in serializers.deserialize("json", serializers.serialize("json", [row])):
            restored.save()

        assert LocaleSynchronization.objects.filter(locale=self.spanish_locale).exists()
        assert Page.objects.count() == pages_before

        # Saved by an editor in the admin, the same setting does synchronise the tree.
        LocaleSynchronization.objects.get(locale=self.spanish_locale).save()
        assert Page.objects.count() > pages_before
