"""Builds the demo sites from demo.content and demo.content_es; safe to run any number of times.

Every object is looked up before it is made (pages by slug under their
parent, translations by locale, images by title, topics by slug, people by
name and role, decision makers by name, body and district, sites by host
name), and nothing that exists is changed, so a second run changes nothing
and never overwrites what an editor has done since.

English comes first; the Spanish pages are then made as translations of
it, and whatever English page has no Spanish text gets a Spanish twin
(an alias) the way the locale synchronization would make it in the admin.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from wagtail_localize.synctree import synchronize_tree

from articles.models import ArticleAuthor, ArticlePage, NewsIndexPage
from home.models import HomePage
from issues.models import IssueIndexPage, IssuePage
from navigation.models import Footer, MainMenu
from pages.blocks import FigureBlock
from pages.models import MissionPage, MissionPillar, SiteSettings, StandardPage, VisionPage
from people.models import Person
from stories.models import StoryIndexPage, StoryPage, StorySubject
from taxonomy.models import Region, Topic

from . import (
    community_bills,
    community_campaigns,
    community_events,
    community_newsletter,
    community_partners,
    community_reports,
    community_surveys,
    content,
    content_es,
    decision_makers,
    logos,
)
from .accounts import set_up_roles_and_demo_staff
from .images import demo_image, file_images_in_site_collections, logo_image
from .translate import translate

SPANISH = "es"
# Block fields that choose pages (pages.blocks: a featured report, a list's
# issues, the bills watched), which the content modules name by path, as they do links.
CHOSEN_PAGE_FIELDS = {"report", "issues", "bills"}
# Blocks that lead a reader on from an article (content.py: an article's "actions").
ACTION_BLOCKS = {"call_to_action", "card_list"}


# Sections each built by their own module (see demo/community_*.py), after the site's own pages.
# Decision makers come first: the sections after them name them. The take-action
# section follows the rest: its actions suggest the survey or the newsletter next.
# The bill tracker comes after it, so the header menu lists it after "Take action".
COMMUNITY_SECTIONS = [
    decision_makers,
    community_events,
    community_reports,
    community_surveys,
    community_partners,
    community_newsletter,
    community_campaigns,
    community_bills,
]


def remove_wagtail_welcome_page():
    """Wagtail's first migration makes a placeholder page and site; real sites replace them.

    Returns the titles of the pages removed.
    """
    removed = []
    for welcome in Page.objects.filter(depth=2, content_type__app_label="wagtailcore"):
        if welcome.specific_class is Page:
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
            removed.append(welcome.title)
    return removed


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0
        self.people = {}  # the content's person keys -> the default language's Person

    @transaction.atomic
    def run(self, sites=content.SITES):
        for title in remove_wagtail_welcome_page():
            self.log(f"Removed Wagtail's placeholder page '{title}'.")
        built = [(spec, *self.build_site(spec)) for spec in sites]
        # Every English page gets its Spanish twin, as the locale
        # synchronization does in the admin; translating replaces the twin.
        default = Locale.get_default()
        for locale in Locale.objects.exclude(pk=default.pk):
            synchronize_tree(default, locale)
        for spec, home, site in built:
            self.translate_site(spec, home, site)
            spanish = Locale.objects.get(language_code=SPANISH)
            for section in COMMUNITY_SECTIONS:
                section.translate(self, home, site, spanish)
        built_sites = [site for _, _, site in built]
        set_up_roles_and_demo_staff(built_sites, log=self.log)
        file_images_in_site_collections(built_sites)
        return self.created

    def build_site(self, spec):
        home_spec = spec["home"]
        root = Page.get_first_root_node()
        home, home_is_new = self.child(
            root,
            HomePage,
            slug=home_spec["slug"],
            title=home_spec["title"],
            hero_heading=home_spec["hero_heading"],
            hero_text=home_spec["hero_text"],
            **self.picture(home_spec["hero_image"], field="hero_image"),
            news_heading=home_spec["news_heading"],
            stories_heading=home_spec["stories_heading"],
        )
        site, _ = Site.objects.get_or_create(
            hostname=spec["hostname"],
            port=80,
            defaults={
                "root_page": home,
                "site_name": spec["site_name"],
                "is_default_site": spec["is_default_site"],
            },
        )
        for position, (slug, name) in enumerate(spec.get("regions", [])):
            Region.objects.get_or_create(
                site=site,
                slug=slug,
                locale=home.locale,
                defaults={"name": name, "sort_order": position},
            )
        for topic in spec["topics"]:
            Topic.objects.get_or_create(
                site=site,
                slug=topic[1],
                locale=home.locale,
                defaults={"name": topic[0], "description": topic[2]},
            )
        for key, person in spec.get("people", {}).items():
            self.people[key], _ = Person.objects.get_or_create(
                site=site,
                name=person["name"],
                role=person["role"],
                locale=home.locale,
                defaults={
                    "bio": person["bio"],
                    "photo": demo_image(*person["photo"]) if "photo" in person else None,
                },
            )
        for page_spec in spec["pages"]:
            self.section(home, page_spec)
        for section in COMMUNITY_SECTIONS:
            section.build(self, home, site)
        self.link_article_actions(home, spec)
        self.site_settings(site, spec, home)
        if home_is_new:
            # The home page links into its own site, so it is finished last.
            home.hero_link_page = self.find(home, home_spec["hero_link"])
            home.hero_link_label = home_spec["hero_link_label"]
            home.body = self.resolve_body(home, home_spec["body"])
            home.save_revision().publish()
        self.navigation(site, home)
        Footer.objects.get_or_create(
            site=site,
            locale=home.locale,
            defaults={"tagline": spec["tagline"], "links": self.footer_links(site, home)},
        )
        self.log(f"{spec['site_name']}: served at host {spec['hostname']}")
        return home, site

    def link_article_actions(self, home, spec):
        """Add each article's (or issue page's) calls to action, which lead to pages built after it.

        An article asking readers to answer the survey, read the report or
        come to a forum links them there, as an issue page leads to the
        report, the newsletter or another issue; those pages come from the
        community sections, built once the site's own pages exist.
        """
        for section_spec in spec["pages"]:
            for article in section_spec.get("children", []):
                if not article.get("actions"):
                    continue
                page = self.find(home, f"{section_spec['slug']}/{article['slug']}").specific
                if any(block.block_type in ACTION_BLOCKS for block in page.body):
                    continue  # added on an earlier run
                actions = self.resolve_body(home, article["actions"])
                page.body = [*((block.block_type, block.value) for block in page.body), *actions]
                page.save_revision().publish()

    def region(self, home, slug):
        """The region of `home`'s site with this slug, in the default language."""
        return Region.objects.get(site__root_page=home, slug=slug, locale=home.locale)

    def navigation(self, site, home):
        """The header menu as a snippet: the home page's menu pages, in tree order."""
        if MainMenu.objects.filter(site=site, locale=home.locale).exists():
            return
        links = [
            ("link", {"page": page, "url": "", "label": ""})
            for page in home.get_children().live().in_menu()
        ]
        MainMenu.objects.create(site=site, locale=home.locale, links=links)

    def footer_links(self, site, home):
        """Sections kept out of the full header menu (partners, newsletter) go in the footer.

        The privacy page is left out: the footer always links it from site settings.
        """
        privacy_id = SiteSettings.for_site(site).privacy_page_id
        return [
            ("link", {"page": page, "url": "", "label": ""})
            for page in home.get_children().live().not_in_menu().exclude(pk=privacy_id)
        ]

    def translate_site(self, spec, home, site):
        """Spanish versions of this site's pages, topics, menu and footer, where missing."""
        spanish = content_es.SPANISH[spec["hostname"]]
        locale, _ = Locale.objects.get_or_create(language_code=SPANISH)
        for english_slug, (name, description) in spanish["topics"].items():
            topic = Topic.objects.get(site=site, slug=english_slug, locale=home.locale)
            if not topic.has_translation(locale):
                self.translate(
                    topic, locale, name=name, slug=slugify(name), description=description
                )
        for region in Region.objects.filter(site=site, locale=home.locale):
            name = content_es.NEW_MEXICO_REGIONS.get(region.slug)
            if name and not region.has_translation(locale):
                self.translate(region, locale, name=name)
        for key, (role, bio) in spanish.get("people", {}).items():
            person = self.people[key]
            if not person.has_translation(locale):
                self.translate(person, locale, role=role, bio=bio)
        for path, fields in spanish["pages"].items():
            english = home if path == "" else self.find(home, path)
            self.translate_page_if_missing(english, locale, fields, home)
        menu = MainMenu.objects.get(site=site, locale=home.locale)
        if not menu.has_translation(locale):
            self.translate(menu, locale)
        footer = Footer.objects.get(site=site, locale=home.locale)
        if not footer.has_translation(locale):
            self.translate(footer, locale, tagline=spanish["tagline"])

    def translate(self, english, locale, **spanish_fields):
        """Translate a snippet through wagtail-localize with the given Spanish field values."""
        spanish_copy = type(english).objects.get(pk=english.pk)
        for name, value in spanish_fields.items():
            setattr(spanish_copy, name, value)
        return translate(english, spanish_copy, locale)

    @staticmethod
    def needs_translation(english, locale):
        """Whether `english` has no translation in `locale` yet, only its twin (an alias)."""
        existing = english.get_translation_or_none(locale)
        # A real translation is left alone: an editor may have changed it since.
        return existing is None or existing.alias_of_id is not None

    def translate_page_if_missing(self, english, locale, fields, home):
        if self.needs_translation(english, locale):
            self.translate_page(english, locale, fields, home)

    def translate_page(self, english, locale, fields, home):
        english = english.specific
        spanish_copy = type(english).objects.get(pk=english.pk)
        fields = dict(fields)
        pillars = fields.pop("pillars", None)
        if pillars is not None:
            spanish_copy.pillars = [
                MissionPillar(
                    translation_key=pillar.translation_key,
                    locale_id=pillar.locale_id,
                    sort_order=pillar.sort_order,
                    title=title,
                    description=description,
                )
                for pillar, (title, description) in zip(english.pillars.all(), pillars, strict=True)
            ]
        if "actions" in fields:
            # After the body, as link_article_actions adds them to the English page.
            fields["body"] = [*fields["body"], *fields.pop("actions")]
        if "body" in fields:
            body = list(fields["body"])
            if isinstance(english, StoryPage):
                body.append(("paragraph", content_es.FICTIONAL_NOTE))
            fields["body"] = self.resolve_body(home, body)
        if "summary" in fields and isinstance(english, StoryPage):
            fields["listing_summary"] = fields.pop("summary")
        picture = english.get_main_image()
        if picture is not None and english.image_alt_text:
            # The page describes its picture in Spanish, as a translator would.
            fields.setdefault("image_alt_text", content_es.PICTURE_DESCRIPTIONS[picture.title])
        for name, value in fields.items():
            setattr(spanish_copy, name, value)
        translate(english, spanish_copy, locale)
        self.created += 1

    def site_settings(self, site, spec, home):
        values = dict(spec["settings"])
        values["privacy_page"] = home.get_children().filter(slug="privacy").first()
        logo_title, initials = spec["logo"]
        values["logo"] = logo_image(logo_title, initials, values["brand_color"])
        # The home page's hero picture stands for the site when a page without one is shared.
        values["default_social_image"] = demo_image(*spec["home"]["hero_image"])
        settings, created = SiteSettings.objects.get_or_create(site=site, defaults=values)
        if not created and not settings.organization_name:
            # A settings row Wagtail made empty on first request: fill it once.
            for field, value in values.items():
                setattr(settings, field, value)
            settings.save()
        if not settings.logo_svg:
            mark = logos.MARKS[spec["logo_mark"]]
            settings.logo_svg.save(f"{spec['logo_mark']}-logo.svg", ContentFile(mark.encode()))

    def section(self, home, spec):
        kind = spec["type"]
        common = {
            "slug": spec["slug"],
            "title": spec["title"],
            "show_in_menus": spec.get("show_in_menus", True),
        }
        if kind == "vision":
            self.child(home, VisionPage, statement=spec["statement"], body=spec["body"], **common)
        elif kind == "mission":
            pillars = [
                MissionPillar(title=title, description=description, sort_order=index)
                for index, (title, description) in enumerate(spec["pillars"])
            ]
            self.child(
                home,
                MissionPage,
                statement=spec["statement"],
                pillars_heading=spec["pillars_heading"],
                pillars=pillars,
                body=spec["body"],
                **common,
            )
        elif kind == "standard":
            self.child(
                home, StandardPage, introduction=spec["introduction"], body=spec["body"], **common
            )
        elif kind == "story_index":
            index, _ = self.child(home, StoryIndexPage, introduction=spec["introduction"], **common)
            for story in spec["children"]:
                self.child(
                    index,
                    StoryPage,
                    slug=story["slug"],
                    title=story["title"],
                    subject=story["subject"],
                    region=self.region(home, story["region"]),
                    pull_quote=story["pull_quote"],
                    listing_summary=story["summary"],
                    **self.picture(story["image"]),
                    subjects=[
                        StorySubject(person=self.people[key], sort_order=position)
                        for position, key in enumerate(story["subjects"])
                    ],
                    topics=list(
                        Topic.objects.filter(
                            site__root_page=home, slug__in=story["topics"], locale=home.locale
                        )
                    ),
                    body=[*story["body"], ("paragraph", content.FICTIONAL_NOTE)],
                )
        elif kind == "news_index":
            index, _ = self.child(home, NewsIndexPage, introduction=spec["introduction"], **common)
            for article in spec["children"]:
                self.child(
                    index,
                    ArticlePage,
                    slug=article["slug"],
                    title=article["title"],
                    publication_date=article["publication_date"],
                    summary=article["summary"],
                    **self.picture(article["image"]),
                    topics=list(
                        Topic.objects.filter(
                            site__root_page=home, slug__in=article["topics"], locale=home.locale
                        )
                    ),
                    authors=[
                        ArticleAuthor(person=self.people[key], sort_order=position)
                        for position, key in enumerate(article["authors"])
                    ],
                    body=article["body"],
                )
        elif kind == "issue_index":
            index, _ = self.child(home, IssueIndexPage, introduction=spec["introduction"], **common)
            for issue in spec["children"]:
                self.child(
                    index,
                    IssuePage,
                    slug=issue["slug"],
                    title=issue["title"],
                    summary=issue["summary"],
                    topic=Topic.objects.get(
                        site__root_page=home, slug=issue["topic"], locale=home.locale
                    ),
                    **self.picture(issue["image"]),
                    body=issue.get("body", []),
                )
        else:
            raise ValueError(f"Unknown demo page type {kind!r}")

    def child(self, parent, page_class, *, slug, links_from=None, **fields):
        """The page at `slug` under `parent`, created and published if missing.

        Links in its body name pages by their path below `links_from`
        (`parent` unless given, e.g. the home page for a page two levels down).
        """
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific, False
        if "body" in fields:
            fields["body"] = self.resolve_body(links_from or parent, fields["body"])
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page, True

    def find(self, home, path):
        page = home
        for slug in path.split("/"):
            page = page.get_children().get(slug=slug)
        return page.specific

    @staticmethod
    def picture(spec, field="image"):
        """A page's picture (an image spec of demo.content) and the page's own words for it.

        The page repeats the picture's description in its own alt text field,
        so translators find it in the page and describe it in their language.
        """
        return {field: demo_image(*spec), "image_alt_text": spec[1]}

    @staticmethod
    def figure(value):
        """A body figure from demo.content's `figure(...)`: its picture, alt text and caption."""
        image = demo_image(*value["picture"])
        return FigureBlock().to_python(
            {
                "image": {"image": image.pk, "alt_text": value["alt_text"], "decorative": False},
                "caption": value["caption"],
            }
        )

    def resolve_body(self, home, blocks):
        """Turn the content module's plain values into StreamField values."""
        resolved = []
        for block_type, value in blocks:
            if block_type == "paragraph":
                value = RichText(value)
            elif block_type == "figure":
                value = self.figure(value)
            elif isinstance(value, dict):
                value = self.resolve_links(home, value)
            resolved.append((block_type, value))
        return resolved

    def resolve_links(self, home, value):
        """A block value whose links name pages by path ("promises/tutoring"), with pages instead.

        Links may sit in the block itself or in its items (cards); the pages a
        block chooses (a featured report, a list's issues) are named by path too.
        """
        value = {
            name: [self.resolve_links(home, item) if isinstance(item, dict) else item for item in v]
            if isinstance(v, list)
            else v
            for name, v in value.items()
        }
        link = value.get("link")
        if isinstance(link, dict) and isinstance(link.get("page"), str):
            value["link"] = {**link, "page": self.find(home, link["page"])}
        for name in CHOSEN_PAGE_FIELDS & value.keys():
            chosen = value[name]
            if isinstance(chosen, str):
                value[name] = self.find(home, chosen)
            elif isinstance(chosen, list):
                value[name] = [self.find(home, path) for path in chosen]
        return value
