"""Builders for test content, in one place so every test makes pages the same way.

Each builder creates and publishes a page (unless told `live=False`) with
sensible defaults that a test overrides only where it matters.
"""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.db.models import Model

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

import pytest
from PIL import Image as PILImage
from wagtail_localize.models import LocaleSynchronization

from articles.models import ArticlePage, NewsIndexPage, Topic
from demo.loader import remove_wagtail_welcome_page
from home.models import HomePage
from pages.models import MissionPage, MissionPillar, SiteSettings, StandardPage, VisionPage
from people.models import Person
from stories.models import StoryIndexPage, StoryPage

_sequence = itertools.count(1)


def _unique(prefix):
    return f"{prefix}-{next(_sequence)}"


def is_welcome_page(page):
    """Wagtail's placeholder home page, which real sites replace."""
    return page.depth == 2 and page.specific_class is Page


def content_locales():
    """(English, Spanish) locales, with Spanish synced from English as the migration sets it.

    Made here if missing: a transactional test flushes the database, and the
    rows the migration made are not always restored.
    """
    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    LocaleSynchronization.objects.get_or_create(locale=spanish, defaults={"sync_from": english})
    return english, spanish


def make_image(title=None, alt_text="A test picture", size=(64, 36)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#336699").save(buffer, format="PNG")
    title = title or _unique("image")
    image = get_image_model()(title=title, description=alt_text)
    image.file = ImageFile(buffer, name=f"{title}.png")
    image.save()
    return image


def built_once_per_module(build):
    """A module-scoped fixture holding what `build()` made, once for the module's tests.

    Built inside `module_data`'s transaction (tests/conftest.py); a
    function-scoped fixture hands each test `fresh_copies` of it.
    """

    @pytest.fixture(scope="module")
    def built(module_data):
        return module_data(build)

    return built


def fresh_copies(value):
    """`value` with every model instance in it read again from the database.

    For rows a module builds once (the `module_data` fixture): each test gets
    its own objects, so what one test changes in memory stays with it.
    """
    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {fresh_copies(key): fresh_copies(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(fresh_copies(item) for item in value)
    return value


def _add(parent, page, live=True):
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save()
    return page


def make_site(hostname="localhost", name="Test Organisation", default=True, **home_fields):
    """A home page at the root of the tree and the Site that serves it."""
    if default:
        remove_wagtail_welcome_page()
    home_fields.setdefault("title", name)
    home_fields.setdefault("hero_heading", f"Welcome to {name}")
    home = _add(Page.get_first_root_node(), HomePage(slug=_unique("home"), **home_fields))
    site = Site.objects.create(
        hostname=hostname, port=80, root_page=home, is_default_site=default, site_name=name
    )
    SiteSettings.objects.update_or_create(site=site, defaults={"organisation_name": name})
    return site


def make_vision(parent, **fields):
    fields.setdefault("title", "Vision")
    fields.setdefault("statement", "Every child thrives.")
    return _add(parent, VisionPage(slug=fields.pop("slug", _unique("vision")), **fields))


def make_mission(parent, pillars=("Trustworthy Information",), **fields):
    fields.setdefault("title", "Mission")
    fields.setdefault("statement", "Schools that serve their communities.")
    page = MissionPage(slug=fields.pop("slug", _unique("mission")), **fields)
    page.pillars = [
        MissionPillar(title=title, description=f"About {title}.", sort_order=index)
        for index, title in enumerate(pillars)
    ]
    return _add(parent, page)


def make_standard(parent, live=True, **fields):
    fields.setdefault("title", "About us")
    return _add(parent, StandardPage(slug=fields.pop("slug", _unique("page")), **fields), live=live)


def make_news_index(parent, **fields):
    fields.setdefault("title", "News")
    return _add(parent, NewsIndexPage(slug=fields.pop("slug", _unique("news")), **fields))


def make_article(index, live=True, topics=(), **fields):
    fields.setdefault("title", _unique("Article"))
    fields.setdefault("summary", "What happened, in a sentence.")
    fields.setdefault("publication_date", datetime.date(2024, 1, 1))
    page = ArticlePage(slug=fields.pop("slug", _unique("article")), **fields)
    page.topics = list(topics)
    return _add(index, page, live=live)


def make_topic(name="ESSA", slug=None, description=""):
    return Topic.objects.create(name=name, slug=slug or _unique("topic"), description=description)


def make_story_index(parent, **fields):
    fields.setdefault("title", "Stories")
    return _add(parent, StoryIndexPage(slug=fields.pop("slug", _unique("stories")), **fields))


def make_story(index, live=True, topics=(), **fields):
    fields.setdefault("title", _unique("Story"))
    fields.setdefault("subject", "A teacher")
    fields.setdefault("region", "central")
    page = StoryPage(slug=fields.pop("slug", _unique("story")), **fields)
    page.topics = list(topics)
    return _add(index, page, live=live)


def make_private(page, password="secret"):
    """Put `page` behind a password, as an editor does with the Privacy control."""
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


# --- People (authors, people in stories) -----------------------------------------------------


def make_person(name="Ana Martínez", role="Executive Director", bio="", photo=None):
    """A person in the default language, as editors add them under People."""
    english, _spanish = content_locales()
    return Person.objects.create(name=name, role=role, bio=bio, photo=photo, locale=english)


def translate_person(person, locale, **fields):
    """`person` in `locale` with the given role and bio, as a translator saves it."""
    translation = person.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def make_issue_index(parent, **fields):
    from issues.models import IssueIndexPage

    fields.setdefault("title", "Our promises")
    return _add(parent, IssueIndexPage(slug=fields.pop("slug", _unique("issues")), **fields))


def make_issue(index, topic, **fields):
    from issues.models import IssuePage

    fields.setdefault("title", _unique("Issue"))
    fields.setdefault("summary", "Why this matters, in a sentence.")
    return _add(index, IssuePage(slug=fields.pop("slug", _unique("issue")), topic=topic, **fields))


def make_partner_index(parent, partners=(), live=True, **fields):
    """A partner directory under `parent` with `partners`: dicts of Partner fields, in order."""
    from partners.models import Partner, PartnerIndexPage

    fields.setdefault("title", "Partners")
    page = PartnerIndexPage(slug=fields.pop("slug", _unique("partners")), **fields)
    page.partners = [
        Partner(sort_order=position, **{"region": "statewide", **partner})
        for position, partner in enumerate(partners)
    ]
    return _add(parent, page, live=live)
