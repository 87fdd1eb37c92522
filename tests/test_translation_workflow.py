"""Editors keep translations up to date with wagtail-localize.

Spanish pages made through wagtail-localize (as the demo's are) are ordinary
translations, so an editor opens them in the translation editor rather than
retyping them, and the two guards in localization/localize_fixes.py keep
translation from failing on content the library does not expect.
"""

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.urls import reverse

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.synctree import synchronize_tree

from articles.models import ArticlePage
from demo.translate import translate
from tests.factories import (
    content_locales,
    make_article,
    make_news_index,
    make_report,
    make_report_index,
    make_site,
)


@pytest.fixture
def editor(client):
    """A signed-in superuser."""
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(editor)
    return editor


def translate_through_wagtail_localize(english, locale, **fields):
    """`english` in `locale` with the given field values, every string translated and published.

    The way the demo translates its pages (demo/translate.py): each English
    string gets its translation as if typed into wagtail-localize's editor.
    """
    translated_copy = type(english).objects.get(pk=english.pk)
    for name, value in fields.items():
        setattr(translated_copy, name, value)
    return translate(english, translated_copy, locale)


@pytest.fixture
def translated_article(db):
    """(English, Spanish) article on a news site, the Spanish made through wagtail-localize."""
    english_locale, spanish_locale = content_locales()
    site = make_site()
    news = make_news_index(site.root_page, title="News", slug="news")
    article = make_article(
        news,
        title="ESSA community forums",
        slug="essa-community-forums",
        summary="Forums in six regions of the state, starting in Gallup in October.",
        body=[
            (
                "paragraph",
                RichText(
                    "<p>Forums will take place in six regions.</p>"
                    "<p>Come with questions and ideas.</p>"
                ),
            )
        ],
    )
    # The Spanish home and news twins, as the locale synchronization makes them.
    synchronize_tree(english_locale, spanish_locale)
    spanish = translate_through_wagtail_localize(
        article,
        spanish_locale,
        title="Foros comunitarios sobre ESSA",
        slug="foros-comunitarios-essa",
        summary="Foros en seis regiones del estado, comenzando en Gallup en octubre.",
        body=[
            (
                "paragraph",
                RichText(
                    "<p>Los foros se llevarán a cabo en seis regiones.</p>"
                    "<p>Venga con sus preguntas e ideas.</p>"
                ),
            )
        ],
    )
    return article, spanish


@pytest.mark.django_db
def test_spanish_article_opens_in_the_translation_editor(client, editor, translated_article):
    """The Spanish article is a wagtail-localize translation, with every string filled in."""
    english, spanish = translated_article
    _english_locale, spanish_locale = content_locales()
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=spanish_locale
    )
    progress_total, progress_done = translation.get_progress()
    assert progress_total > 0
    assert progress_done == progress_total, "every English string has its Spanish one"

    response = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))

    assert response.status_code == 200
    # wagtail-localize's editor, not a blank page form, with the Spanish text in it.
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert "Foros comunitarios sobre ESSA" in response.content.decode()


@pytest.mark.django_db
def test_editing_the_english_page_can_update_the_spanish_one(
    client, editor, translated_article, django_capture_on_commit_callbacks
):
    """After an English edit, "Sync translated pages" keeps the Spanish, flags what changed."""
    english, _spanish = translated_article
    _english_locale, spanish_locale = content_locales()
    english = ArticlePage.objects.get(pk=english.pk)
    english.summary = "The forums start in Gallup in October. Bring a friend."
    english.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(english)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )

    assert response.status_code == 302
    spanish = english.get_translation(spanish_locale).specific
    assert spanish.live
    assert spanish.title == "Foros comunitarios sobre ESSA"
    translation = Translation.objects.get(source=source, target_locale=spanish_locale)
    total, done = translation.get_progress()
    assert done == total - 1, "only the changed summary waits for its Spanish"


class TestTranslatingUnusualContent(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english_locale, cls.spanish_locale = content_locales()
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", "password"
        )

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def test_home_page_featuring_a_report_can_be_translated(self):
        """A featured report chooses its report page; translators get the page all the same."""
        site = make_site()
        report = make_report(make_report_index(site.root_page))
        home = site.root_page.specific
        home.body = [("featured_report", {"report": report, "label": "New research"})]
        home.save_revision().publish()

        response = self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[home.pk]),
            {"locales": [self.spanish_locale.pk]},
        )

        spanish = home.get_translation_or_none(self.spanish_locale)
        assert spanish is not None, "the Spanish draft was not created"
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[spanish.pk]))
        # Still the report chosen: readers are led to its translation when they read it.
        assert spanish.specific.body[0].value["report"].pk == report.pk

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

        # Saved by an editor in the admin, the same setting does synchronize the tree.
        LocaleSynchronization.objects.get(locale=self.spanish_locale).save()
        assert Page.objects.count() > pages_before


def test_an_empty_optional_image_inside_a_block_leaves_nothing_to_translate():
    """The image guard: an optional ImageBlock left empty in a struct is skipped, not a crash.

    No block of the library has one since the featured report chooses its
    report page (and shows that page's cover); the guard stays for any that
    comes, so it is checked on a block made for the purpose.
    """
    stream_block = blocks.StreamBlock(
        [
            (
                "cover",
                blocks.StructBlock(
                    [("image", ImageBlock(required=False)), ("caption", blocks.CharBlock())]
                ),
            )
        ]
    )
    value = stream_block.to_python(
        [{"type": "cover", "value": {"caption": "Parents speak"}, "id": "cover"}]
    )

    segments = StreamFieldSegmentExtractor(None).handle_stream_block(value)

    assert [segment.string.data for segment in segments] == ["Parents speak"]


class TestStartedTranslation(WagtailPageTestCase):
    """Pressing "Translate" is not translating: until a string is, readers are told so."""

    @classmethod
    def setUpTestData(cls):
        cls.english_locale, cls.spanish_locale = content_locales()
        site = make_site()
        cls.news = make_news_index(site.root_page, title="News", slug="news")
        synchronize_tree(cls.english_locale, cls.spanish_locale)
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", "password"
        )

    def test_a_translation_nobody_has_written_yet_is_shown_as_untranslated(self):
        self.client.force_login(self.editor)
        article = make_article(self.news, title="Board meets in Gallup", slug="board-gallup")
        synchronize_tree(self.english_locale, self.spanish_locale)

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
                {"locales": [self.spanish_locale.pk]},
            )
        spanish = article.get_translation(self.spanish_locale)
        assert spanish.alias_of_id is None, "wagtail-localize made it a page of its own"
        self.client.logout()

        response = self.client.get(spanish.get_url())

        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert "todavía no está traducida" in soup.select_one(".notice").get_text()
        assert soup.h1["lang"] == "en"
        assert soup.select('link[rel="alternate"][hreflang]') == []
        assert soup.select_one('link[rel="canonical"]')["href"].endswith(article.get_url())


@pytest.mark.django_db(transaction=False)
def test_migrating_gives_existing_pages_their_spanish_twins():
    """A site built before Spanish existed gets /es/ addresses for its pages on the next migrate."""
    english_locale, spanish_locale = content_locales()
    LocaleSynchronization.objects.get_or_create(
        locale=spanish_locale, defaults={"sync_from": english_locale}
    )
    site = make_site()
    news = make_news_index(site.root_page, title="News", slug="news")
    assert not Page.objects.filter(locale=spanish_locale).exists()

    call_command("migrate", verbosity=0)

    twin = news.get_translation(spanish_locale)
    assert twin.alias_of_id == news.pk
    assert twin.get_url().startswith("/es/")
