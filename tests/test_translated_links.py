"""A link address typed into the translation editor is checked as the English editor checks it.

wagtail-localize lets a translator override a link's address for Spanish
readers. The address reaches the page without passing through a form, so the
page model checks every address it holds (`pages.blocks.refuse_bad_addresses`):
"ES: " is refused with a message, and the Spanish page stays as it was.
"""

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest
from wagtail_localize.models import Translation
from wagtail_localize.synctree import synchronize_tree

from articles.models import ArticlePage
from demo.translate import translate
from navigation.models import MainMenu
from tests.factories import content_locales, make_article, make_news_index, make_site

pytestmark = pytest.mark.django_db

ADDRESS = "https://example.org/survey"


@pytest.fixture
def translated_appeal():
    """An article asking readers to take a survey, in Spanish through wagtail-localize."""
    english_locale, spanish_locale = content_locales()
    site = make_site()
    news = make_news_index(site.root_page, title="News", slug="news")
    appeal = {
        "heading": "Take the survey",
        "text": "Ten minutes.",
        "link": {"page": None, "url": ADDRESS, "label": "Start"},
    }
    article = make_article(news, slug="survey", body=[("call_to_action", appeal)])
    synchronize_tree(english_locale, spanish_locale)
    copy = ArticlePage.objects.get(pk=article.pk)
    copy.title, copy.summary = "Responda la encuesta", "Diez minutos."
    spanish_appeal = {**appeal, "heading": "Responda la encuesta", "text": "Diez minutos."}
    spanish_appeal["link"] = {**appeal["link"], "label": "Empezar"}
    copy.body = [("call_to_action", spanish_appeal)]
    translate(article, copy, spanish_locale)
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=spanish_locale
    )
    return article.get_translation(spanish_locale).specific, translation


def spanish_address(page):
    page = ArticlePage.objects.get(pk=page.pk)
    return page.body[0].value["link"]["url"]


def override_the_address(client, translation, value):
    """What the translation editor sends when the translator changes the button's address."""
    segment = translation.source.overridablesegment_set.get(context__path__endswith=".url")
    return client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        data=f"value={value}",
        content_type="application/x-www-form-urlencoded",
    )


def test_a_bad_address_in_a_translation_is_refused_with_a_message(
    client, translated_appeal, django_capture_on_commit_callbacks
):
    spanish, translation = translated_appeal
    moderator = get_user_model().objects.create_superuser("moderator", "m@example.org", "pw")
    client.force_login(moderator)
    assert override_the_address(client, translation, "ES: ").status_code in (200, 201)
    live_revision = ArticlePage.objects.get(pk=spanish.pk).live_revision_id

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[spanish.pk]), {"action": "publish"}
        )
        # wagtail-localize offers to publish again "ignoring" the bad translation.
        again = client.post(
            reverse("wagtailadmin_pages:edit", args=[spanish.pk]), {"action": "publish"}
        )

    assert response.status_code == again.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("validation errors" in message for message in messages), messages
    assert spanish_address(spanish) == ADDRESS
    assert ArticlePage.objects.get(pk=spanish.pk).live_revision_id == live_revision


def test_a_good_address_in_a_translation_is_published(
    client, translated_appeal, django_capture_on_commit_callbacks
):
    spanish, translation = translated_appeal
    moderator = get_user_model().objects.create_superuser("moderator", "m@example.org", "pw")
    client.force_login(moderator)
    override_the_address(client, translation, "https://example.org/encuesta")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[spanish.pk]), {"action": "publish"})

    assert spanish_address(spanish) == "https://example.org/encuesta"


def test_a_menu_saved_with_a_bad_address_is_refused():
    english, _spanish = content_locales()
    menu = MainMenu(
        site=make_site(),
        locale=english,
        links=[("link", {"page": None, "url": "ES: ", "label": "Encuesta"})],
    )

    with pytest.raises(ValidationError) as refused:
        menu.full_clean()

    assert "is not a link address" in " ".join(refused.value.message_dict["links"])
