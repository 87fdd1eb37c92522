"""Builders for test content, in one place so every test makes pages the same way.

Each builder creates and publishes a page (unless told `live=False`) with
sensible defaults that a test overrides only where it matters. Builders of
one row live here; tests/builders.py puts them together into whole sites.
"""

import datetime
import io
import itertools
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db.models import Model

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

import pytest
from PIL import Image as PILImage
from wagtail_localize.models import LocaleSynchronization

from articles.models import ArticlePage, NewsIndexPage
from demo.loader import remove_wagtail_welcome_page
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from navigation.models import Footer, MainMenu
from newsletter.models import NewsletterPage
from pages.models import MissionPage, MissionPillar, SiteSettings, StandardPage, VisionPage
from people.models import Person
from reports.models import ReportIndexPage, ReportPage
from stories.models import StoryIndexPage, StoryPage
from surveys.models import SurveyFormField, SurveyPage
from taxonomy.models import Region, Topic

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


def make_image(title=None, alt_text="A test picture", size=(64, 36), collection=None):
    """A picture in the image library, filed in `collection` if given (else the root one)."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#336699").save(buffer, format="PNG")
    title = title or _unique("image")
    image = get_image_model()(title=title, description=alt_text)
    image.file = ImageFile(buffer, name=f"{title}.png")
    if collection is not None:
        image.collection = collection
    image.save()
    return image


def make_document(title="Full report", content=b"%PDF-1.4 sample", name=None, collection=None):
    """A document holding `content` in a file called `name`, filed in `collection` if given."""
    document = get_document_model()(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(name or f"{_unique('document')}.pdf", ContentFile(content), save=True)
    return document


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


def make_staff(username, *groups):
    """A member of staff with an address review e-mails reach, in `groups` (a site's roles)."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="a-long-password"
    )
    user.groups.add(*groups)
    return user


def make_site(hostname="localhost", name="Test Organization", default=True, **home_fields):
    """A home page at the root of the tree and the Site that serves it.

    The default site takes over Wagtail's placeholder site, if it is still
    there, so topics and people a test made before the site keep their site.
    """
    home_fields.setdefault("title", name)
    home_fields.setdefault("hero_heading", f"Welcome to {name}")
    home = _add(Page.get_first_root_node(), HomePage(slug=_unique("home"), **home_fields))
    placeholder = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if default and placeholder is not None and is_welcome_page(placeholder.root_page):
        site = placeholder
        site.hostname, site.port, site.root_page, site.site_name = hostname, 80, home, name
        site.save()
    else:
        site = Site.objects.create(
            hostname=hostname, port=80, root_page=home, is_default_site=default, site_name=name
        )
    if default:
        remove_wagtail_welcome_page()
    SiteSettings.objects.update_or_create(site=site, defaults={"organization_name": name})
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


def default_site():
    """The site a topic or person belongs to when a test does not say: the default one."""
    return Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()


def make_topic(name="ESSA", slug=None, description="", site=None):
    """A topic in the default language, belonging to `site` (the default site if not given)."""
    return Topic.objects.create(
        name=name,
        slug=slug or _unique("topic"),
        description=description,
        site=site or default_site(),
    )


def make_story_index(parent, **fields):
    fields.setdefault("title", "Stories")
    return _add(parent, StoryIndexPage(slug=fields.pop("slug", _unique("stories")), **fields))


# The order the demo's New Mexico regions are listed in; others come after.
REGION_ORDER = [
    "northwest",
    "north-central",
    "northeast",
    "central",
    "southwest",
    "southeast",
    "statewide",
    "national",
]


def make_region(slug, site=None, name=None):
    """`site`'s region with this slug in the default language, made if missing.

    Named after its slug ("north-central" is "North Central") unless told,
    and listed in the demo's order.
    """
    order = REGION_ORDER.index(slug) if slug in REGION_ORDER else len(REGION_ORDER)
    region, _ = Region.objects.get_or_create(
        site=site or default_site(),
        slug=slug,
        locale=Locale.get_default(),
        defaults={"name": name or slug.replace("-", " ").title(), "sort_order": order},
    )
    return region


def _filed_in_region(parent, fields, default):
    """Tests name a region by its slug: the parent's site's region of that slug."""
    region = fields.get("region", default)
    if isinstance(region, str):
        fields["region"] = make_region(region, site=parent.get_site()) if region else None


def make_story(index, live=True, topics=(), **fields):
    fields.setdefault("title", _unique("Story"))
    fields.setdefault("subject", "A teacher")
    _filed_in_region(index, fields, "central")
    page = StoryPage(slug=fields.pop("slug", _unique("story")), **fields)
    page.topics = list(topics)
    return _add(index, page, live=live)


def make_event_index(parent, **fields):
    fields.setdefault("title", "Events")
    return _add(parent, EventIndexPage(slug=fields.pop("slug", _unique("events")), **fields))


NEW_MEXICO_TIME = ZoneInfo("America/Denver")


def make_event(index, start=None, hours=2, live=True, **fields):
    """An in-person forum in Gallup, `hours` long from `start` (aware).

    Without a `start`, an evening in March 2024: past, so it never moves
    between the lists.
    """
    fields.setdefault("title", _unique("Forum"))
    fields.setdefault("summary", "Neighbors talk about the state's plan for schools.")
    fields.setdefault("venue_name", "Gallup High School")
    fields.setdefault("venue_address", "1055 Rico St, Gallup, NM 87301")
    _filed_in_region(index, fields, "northwest")
    start = start or datetime.datetime(2024, 3, 5, 18, tzinfo=NEW_MEXICO_TIME)
    end = fields.pop("end", start + datetime.timedelta(hours=hours))
    page = EventPage(slug=fields.pop("slug", _unique("event")), start=start, end=end, **fields)
    return _add(index, page, live=live)


def make_report_index(parent, **fields):
    fields.setdefault("title", "Reports")
    return _add(parent, ReportIndexPage(slug=fields.pop("slug", _unique("reports")), **fields))


def make_report(index, topics=(), live=True, **fields):
    fields.setdefault("title", _unique("Report"))
    fields.setdefault("summary", "What we found, in a sentence.")
    fields.setdefault("publication_date", datetime.date(2024, 1, 1))
    page = ReportPage(slug=fields.pop("slug", _unique("report")), **fields)
    page.topics = list(topics)
    return _add(index, page, live=live)


def make_survey(parent, questions=(("Which region do you live in?", "singleline", ""),), **fields):
    """A survey asking `questions`, each (label, field type, choices), the first one required.

    With the privacy note every survey needs; a list of checkboxes says that
    any number may be chosen.
    """
    fields.setdefault("title", "Take the survey")
    fields.setdefault("introduction", "It takes about five minutes.")
    fields.setdefault("privacy_note", "<p>We read your answers and never name anyone.</p>")
    fields.setdefault("thank_you_text", "<p>Thank you for your answers.</p>")
    page = SurveyPage(slug=fields.pop("slug", _unique("survey")), **fields)
    page.form_fields = [
        SurveyFormField(
            label=label,
            field_type=field_type,
            required=position == 0,
            choices=choices,
            help_text="Choose any." if field_type == "checkboxes" else "",
            sort_order=position,
        )
        for position, (label, field_type, choices) in enumerate(questions)
    ]
    return _add(parent, page)


def make_newsletter(parent, **fields):
    fields.setdefault("title", "Newsletter")
    fields.setdefault("introduction", "One e-mail a month about what communities are saying.")
    fields.setdefault("privacy_note", "<p>We keep your address only to send the newsletter.</p>")
    fields.setdefault("check_inbox_text", "<p>Look in your spam folder too.</p>")
    fields.setdefault("welcome_text", "<p>The next issue is out next month.</p>")
    return _add(parent, NewsletterPage(slug=fields.pop("slug", _unique("newsletter")), **fields))


def link_to(page):
    """A link block's value leading to `page`, under the page's own title."""
    return {"page": page, "url": "", "label": ""}


def make_menu_and_footer(site, tagline="Better schools, together.", footer_links=()):
    """The site's header menu of the home page's menu pages, and its footer, in English.

    `footer_links` are link block values (`link_to`). A test that needs the
    menu or footer in Spanish translates it (`translate_snippet`).
    """
    english, _spanish = content_locales()
    menu_pages = site.root_page.get_children().live().in_menu()
    MainMenu.objects.create(
        site=site, locale=english, links=[("link", link_to(page)) for page in menu_pages]
    )
    Footer.objects.create(
        site=site,
        locale=english,
        tagline=tagline,
        links=[("link", link) for link in footer_links],
    )


def make_private(page, password="secret"):
    """Put `page` behind a password, as an editor does with the Privacy control."""
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


# --- People (authors, people in stories) -----------------------------------------------------


def make_person(name="Ana Martínez", role="Executive Director", bio="", photo=None, site=None):
    """A person in the default language, as editors add them under People, on `site`."""
    english, _spanish = content_locales()
    return Person.objects.create(
        name=name, role=role, bio=bio, photo=photo, locale=english, site=site or default_site()
    )


def translate_snippet(snippet, locale, **fields):
    """`snippet` (a person, topic, menu…) in `locale` with `fields`, as a translator saves it."""
    translation = snippet.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def translate_page(page, locale, **fields):
    """`page` in `locale` with the given fields, published, as a translator saves it by hand.

    Its parent must be translated first, as in the admin.
    """
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()  # publishing saves another copy, with the new slug's address
    return translation


def translate_survey(survey, locale, questions, **fields):
    """`survey` in `locale`, published, each question relabeled with (label, choices) in order.

    Choices are one a line, in the order of the original's: a translated
    choice submits the original's value at its place.
    """
    translation = survey.specific.copy_for_translation(locale)
    relabeled = list(translation.form_fields.all())
    for question, (label, choices) in zip(relabeled, questions, strict=True):
        question.label, question.choices = label, choices
    translation.form_fields = relabeled
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
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
    rows = [dict(partner) for partner in partners]
    for row in rows:
        _filed_in_region(parent, row, "statewide")
    page.partners = [Partner(sort_order=position, **row) for position, row in enumerate(rows)]
    return _add(parent, page, live=live)
