"""The component gallery: every block and component of the design system, as this site shows it.

Editors open it from the admin's Help menu (`/admin/component-gallery/`,
`?lang=es` in Spanish) to see, in their own organization's colors and
typefaces, what each block of a page body looks like and when to use it,
the hero in each of its styles, and the cards that list pages. It renders
with the public site's own templates and stylesheets (base.html, the block
templates, the card components), for the Site that serves the admin's host
name, and carries the public pages' strict Content-Security-Policy, so what
passes here passes on the site.

The English samples are the blocks' own preview values (what the block
picker shows); the Spanish ones are written here. Blocks whose preview is
read from the database (a picture, a report, issues, a document) show the
same choice in both languages, with their words in the gallery's: the
site's own (its home page's picture, its newest report and issues) where it
has them, the preview value's otherwise.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.middleware.csp import get_nonce
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.csp import CSP, build_policy
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.blocks import StreamValue
from wagtail.models import Locale, Site

from localization.translations import active_locale, in_reader_language

from .blocks import BILL_PAGE, ISSUE_PAGE, REPORT_PAGE, BodyBlock, issue_list_preview
from .brand import HERO_STYLES, font_pairing
from .listing import listing_queryset
from .models import SiteSettings
from .wayfinding import site_root

# What each block is for, in a sentence editors read before choosing it.
# A block added to BodyBlock and not named here is shown under its own
# label and the description the block picker gives it.
BLOCK_GUIDE = {
    "heading": (
        _("Heading"),
        _("Use it to start a section; level 2 for sections, level 3 only inside one."),
    ),
    "paragraph": (
        _("Paragraph"),
        _("Use it for running text, with links, bold, italics and lists."),
    ),
    "figure": (
        _("Figure"),
        _("Use it for a picture that adds to the text; describe it for people who cannot see it."),
    ),
    "quote": (
        _("Quote"),
        _("Use it for somebody's own words, set apart from the text and attributed."),
    ),
    "call_to_action": (
        _("Call to action"),
        _("Use it once on a page, to ask readers to do one thing, with one button."),
    ),
    "card_list": (
        _("Card list"),
        _("Use it for a few short items, such as promises; number them when order matters."),
    ),
    "featured_report": (
        _("Featured report"),
        _("Use it to put one of your reports in front of readers, with its file and page."),
    ),
    "issue_list": (
        _("Issue list"),
        _("Use it to point readers to the issues a page is about, each with its summary."),
    ),
    "watched_bills": (
        _("Bills we are watching"),
        _("Use it to show a few bills you follow, each with your position and where it stands."),
    ),
    "statistic": (
        _("Statistic"),
        _("Use it for one number that tells the story, with what it counts and its source."),
    ),
    "document": (
        _("Document"),
        _("Use it for a file to download; readers see its type and size before they click."),
    ),
    "table": (
        _("Table"),
        _("Use it for figures readers compare, with a caption and a heading on every column."),
    ),
    "accordion": (
        _("Accordion"),
        _("Use it for questions and answers, each answer opening under its question."),
    ),
    "video": (
        _("Video"),
        _("Use it for a YouTube or Vimeo video; a plain link stays for when the player fails."),
    ),
}

# The Spanish samples of the blocks whose English preview is text written in blocks.py.
SPANISH_SAMPLES = {
    "heading": {"text": "Por qué importa la voz de la comunidad", "level": "h2", "anchor": ""},
    "paragraph": "<p>Familias de todo Nuevo México nos dijeron qué esperan de sus escuelas.</p>",
    "quote": {
        "quote": "Cuando se les pregunta a los padres, tienen mucho que decir.",
        "attribution": "Madre de familia, Albuquerque",
    },
    "call_to_action": {
        "heading": "Dígale al estado lo que piensa",
        "text": "La encuesta toma diez minutos, en inglés o en español.",
        "link": {"url": "https://example.org/survey", "label": "Responda la encuesta"},
    },
    "card_list": {
        "heading": "Nuestras promesas",
        "numbered": True,
        "cards": [
            {"title": "La educación adecuada para usted", "text": ""},
            {"title": "Tutorías y cuidado para cada estudiante", "text": ""},
        ],
    },
    "statistic": {
        "figure": "4,000+",
        "label": "nuevomexicanos compartieron su opinión",
        "source": "Encuesta estatal sobre ESSA",
    },
    "table": {
        "caption": "Respuestas a la encuesta por región",
        "columns": [
            {"type": "text", "heading": "Región"},
            {"type": "number", "heading": "Respuestas"},
        ],
        "rows": [{"values": ["Noroeste", "412"]}, {"values": ["Sureste", "389"]}],
    },
    "accordion": {
        "heading": "Preguntas",
        "items": [
            {
                "question": "¿Quién puede responder la encuesta?",
                "answer": "<p>Cualquier persona que viva en Nuevo México.</p>",
            },
        ],
    },
}
# The words of the samples read from the database, in Spanish: the choice stays the preview's.
SPANISH_WORDS = {
    "figure": {"caption": "Madres, padres y maestros en un foro comunitario."},
    "issue_list": {
        "heading": "Temas importantes",
        "intro": "Las cuestiones de política en las que trabajamos con familias, "
        "educadores y legisladores.",
    },
    "watched_bills": {
        "heading": "Proyectos de ley que seguimos",
        "intro": "En qué punto están en la Legislatura los proyectos de ley de nuestra agenda.",
    },
    "document": {"description": "Lo que más de 4,000 nuevomexicanos le dijeron al estado."},
    "video": {"title": "Foro comunitario sobre ESSA en Gallup"},
}

# The hero's words, and the reading layout's sample text, in each language.
SAMPLE_TEXT = {
    "en": {
        # One heading per style: each hero is a region named by its heading.
        "hero_headings": {
            "split": "Every child in New Mexico deserves a great school",
            "photo": "Families and teachers, working together",
            "band": "Better schools start with listening",
        },
        "hero_text": "Families, teachers and neighbors working together for better schools.",
        "hero_link_label": "Visit the home page",
        "reading": [
            ("heading", {"text": "What we heard", "level": "h2", "anchor": ""}),
            ("paragraph", "<p>Parents asked for clear information about their schools.</p>"),
            ("heading", {"text": "What comes next", "level": "h2", "anchor": ""}),
            ("paragraph", "<p>The state's plan goes to public comment in the spring.</p>"),
        ],
    },
    "es": {
        "hero_headings": {
            "split": "Cada niño de Nuevo México merece una gran escuela",
            "photo": "Familias y maestros, trabajando juntos",
            "band": "Las mejores escuelas empiezan por escuchar",
        },
        "hero_text": "Familias, maestros y vecinos trabajando juntos por mejores escuelas.",
        "hero_link_label": "Visite la página de inicio",
        "reading": [
            ("heading", {"text": "Lo que escuchamos", "level": "h2", "anchor": ""}),
            ("paragraph", "<p>Los padres pidieron información clara sobre sus escuelas.</p>"),
            ("heading", {"text": "Lo que sigue", "level": "h2", "anchor": ""}),
            ("paragraph", "<p>El plan del estado se abre a comentarios públicos en primavera.</p>"),
        ],
    },
}

HERO_GUIDE = {
    "split": (
        pgettext_lazy("hero style", "Split"),
        _("The words beside the picture on wide screens: for a picture with a clear subject."),
    ),
    "photo": (
        pgettext_lazy("hero style", "Photo"),
        _("The words over the picture, darkened beneath them: for a wide, calm photograph."),
    ),
    "band": (
        pgettext_lazy("hero style", "Band"),
        _("The words on a band of the primary color, the picture below: for a bold first view."),
    ),
}

# The listing cards, each with the page type (or snippet) it shows, named as blocks.py names them:
# those apps build on this one.
CARDS = [
    ("article", "articles.ArticlePage", _("Article card"), _("No articles on this site yet.")),
    ("story", "stories.StoryPage", _("Story card"), _("No stories on this site yet.")),
    ("report", REPORT_PAGE, _("Report card"), _("No reports on this site yet.")),
    ("event", "events.EventPage", _("Event card"), _("No events on this site yet.")),
]
CARD_USES = {
    "article": _("Lists news articles: on the home page, the news page and topic pages."),
    "story": _("Lists stories: on the home page and the stories page."),
    "report": _("Lists reports: on the reports page and with the issues they are filed under."),
    "event": _("Lists events: upcoming first, then past ones, on the events page."),
}


class GalleryBlock:
    """One block of the stream, with its name and use, rendered when the template reaches it.

    Rendered in the page's order, so the first picture of the page (the first
    hero's) is the one that loads first, as on any page ({% responsive_picture %}).
    """

    def __init__(self, child, label, use, request):
        self.child, self.label, self.use, self.request = child, label, use, request

    @property
    def name(self):
        return self.child.block_type

    @cached_property
    def html(self):
        return self.child.render(context={"request": self.request})

    @property
    def empty(self):
        """True when the sample rendered nothing: what it would show is not on the site yet."""
        return not self.html.strip()


@dataclass(frozen=True)
class ShownPerson:
    """A person as components/person_card.html reads one (as people.credits shows them)."""

    person: object
    photo: object
    lang_attr: str


def gallery_language(request):
    """The language asked for in ?lang=, if the site has it; English otherwise."""
    asked = request.GET.get("lang", "")
    return asked if asked in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@require_safe
@never_cache
def component_gallery(request):
    """Every block and component, in the site's brand, in the language of ?lang=."""
    language = gallery_language(request)
    with translation.override(language):
        response = render(request, "design/gallery.html", gallery_context(request, language))
    # The public pages' policy, not the admin's: nothing inline may slip in here unseen.
    response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(
        settings.SECURE_CSP, get_nonce(request)
    )
    return response


def gallery_context(request, language):
    site = Site.find_for_request(request)
    home = site_root(request)
    home = home.specific if home is not None else None
    url = reverse("component_gallery")
    # Each language named in its own words, as the header's switcher names them.
    languages = [
        {"code": code, "name": name, "url": f"{url}?lang={code}", "current": code == language}
        for code, name in settings.LANGUAGES
    ]
    site_settings = SiteSettings.for_request(request) if site is not None else None
    pairing = font_pairing(site_settings.font_pairing if site_settings else "")
    return {
        "noindex": True,
        # The header's language switcher leads to the gallery in the other language.
        "language_paths": {item["code"]: item["url"] for item in languages},
        "gallery_languages": languages,
        "home": home,
        "heading_typeface": pairing.heading.family if pairing.heading else "",
        "body_typeface": pairing.body.family if pairing.body else "",
        "heroes": heroes(home, language),
        "blocks": body_blocks(request, language, home),
        "cards": cards(home),
        "person": latest_person(request, site),
        "partner": latest_partner(home),
        "reading_body": stream(SAMPLE_TEXT[sample_language(language)]["reading"]),
    }


def sample_language(language):
    return language if language in SAMPLE_TEXT else settings.LANGUAGE_CODE


def heroes(home, language):
    """The hero in each style, with sample words and the home page's own picture."""
    words = SAMPLE_TEXT[sample_language(language)]
    headings = words["hero_headings"]
    shown = []
    for style, description in HERO_STYLES.items():
        label, use = HERO_GUIDE.get(style, (style, description))
        hero = {
            "hero_heading": headings.get(style, headings["split"]),
            "hero_text": words["hero_text"],
            "hero_link_label": words["hero_link_label"],
            "hero_image": getattr(home, "hero_image", None),
            # The home page's own words for its picture, in its language.
            "image_alt": getattr(home, "image_alt", None),
            "image_alt_language": getattr(home, "image_alt_language", None),
        }
        # Three heroes on one page: each heading needs an id of its own.
        shown.append(
            {"style": style, "label": label, "use": use, "hero": hero, "hero_id": f"hero-{style}"}
        )
    return shown


def stream(items):
    """A BodyBlock stream of (block name, value) in any form the block accepts."""
    body = BodyBlock()
    return StreamValue(
        body, [(name, body.child_blocks[name].normalize(value)) for name, value in items]
    )


def newest(model_name, home, count=1):
    """The `count` newest live, public pages of a type on the site, in the gallery's language."""
    pages = listing_queryset(apps.get_model(model_name), home).order_by(
        "-first_published_at", "-pk"
    )
    return list(pages[:count])


def site_choices(home):
    """The site's own picture, report, issues and file for the blocks that choose them.

    The blocks' preview values pick the newest in the whole library, which
    may be another organization's; the gallery shows each site its own where
    it has one, and the preview value's choice otherwise.
    """
    if home is None:
        return {}
    choices = {}
    image = getattr(home, "hero_image", None)
    if image is not None:
        picture = {"image": image, "alt_text": image.default_alt_text, "decorative": False}
        choices["figure"] = {"image": picture}
    reports = newest(REPORT_PAGE, home)
    if reports:
        choices["featured_report"] = {"report": reports[0]}
        if reports[0].document:
            choices["document"] = {"document": reports[0].document}
    issues = newest(ISSUE_PAGE, home, count=3)
    if not issues:
        # The preview value's: the newest live issues of any site, where an issue and its
        # translation may both be among them. Each is shown once.
        issues = list(
            {page.translation_key: page for page in issue_list_preview()["issues"]}.values()
        )
    if issues:
        choices["issue_list"] = {"issues": issues}
    bills = newest(BILL_PAGE, home, count=3)
    if bills:
        choices["watched_bills"] = {"bills": bills}
    return choices


def sample_value(block, language, choices):
    """The block's sample in `language`: its preview value, or the Spanish one written here.

    `choices` replace what the preview value read from the database (site_choices).
    """
    if language == "es" and block.name in SPANISH_SAMPLES:
        return block.normalize(SPANISH_SAMPLES[block.name])
    value = block.get_preview_value()
    words = SPANISH_WORDS.get(block.name, {}) if language == "es" else {}
    if words or block.name in choices:
        value = block.normalize({**value, **choices.get(block.name, {}), **words})
    return value


def body_blocks(request, language, home):
    """Every block of BodyBlock rendered with its sample, through the block's own template."""
    body = BodyBlock()
    choices = site_choices(home)
    samples = StreamValue(
        body,
        [
            (name, sample_value(block, language, choices))
            for name, block in body.child_blocks.items()
        ],
    )
    shown = []
    for child in samples:
        label, use = BLOCK_GUIDE.get(
            child.block_type, (child.block.label, child.block.meta.description)
        )
        shown.append(GalleryBlock(child, label, use, request))
    return shown


def cards(home):
    """The newest live page of each kind listed with a card, in the gallery's language."""
    found = []
    for kind, model_name, label, missing in CARDS:
        items = newest(model_name, home) if home is not None else []
        item = items[0] if items else None
        found.append(
            {"kind": kind, "label": label, "use": CARD_USES[kind], "item": item, "missing": missing}
        )
    return found


def latest_person(request, site):
    """The site's newest person (author, story subject) as the reader's language has them."""
    if site is None:
        return None
    person_model = apps.get_model("people.Person")
    filed = (
        person_model.objects.filter(site=site, locale=Locale.get_default())
        .select_related("locale", "photo")
        .order_by("-pk")
        .first()
    )
    if filed is None:
        return None
    (person,) = in_reader_language(
        [filed], request, person_model.objects.select_related("locale", "photo")
    )
    reading = active_locale(request)
    lang_attr = ""
    if person.locale_id != reading.pk:
        # Shown as filed: its role and bio are in the language it was written in.
        lang_attr = format_html(' lang="{}"', person.locale.language_code)
    return ShownPerson(person, person.photo or filed.photo, lang_attr)


def latest_partner(home):
    """The newest partner of the site's partner directory in the gallery's language."""
    if home is None:
        return None
    directory = listing_queryset(apps.get_model("partners.PartnerIndexPage"), home).first()
    if directory is None:
        return None
    # The directory names each partner's anchor (its id on the page) as it lists them.
    partners = directory.get_partners()
    if not partners:
        return None
    partner = max(partners, key=lambda row: row.pk)
    lang_attr = ""
    if directory.alias_of_id:
        lang_attr = format_html(' lang="{}"', directory.alias_of.locale.language_code)
    return {"partner": partner, "languages": {"content_lang_attr": lang_attr}}
