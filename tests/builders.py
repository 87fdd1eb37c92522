"""Whole sites for tests, put together from the one-row builders of tests/factories.py.

What lives where: tests/factories.py makes one thing at a time (a site, a
page of a type, a picture, a person, a translation) and holds the helpers of
module-wide data. This module builds larger sets from them:

- a site with a live page of every page type in English and Spanish, filled
  as fully as an editor fills it (`build_site_with_every_page_type`), which
  the i18n, preview, security-header and sitemap tests all read, so they
  check the same page of each type;
- a small second organization's site in both languages;
- the demo's ESSA survey in both languages, and the posts a visitor's
  browser sends to the survey and the newsletter sign-up.
"""

import datetime
import time
from decimal import Decimal
from unittest import mock

from django.core import signing
from django.utils import timezone

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import get_page_models
from wagtail.rich_text import RichText

from wagtail_localize.synctree import synchronize_tree

from articles.models import ArticleAuthor
from demo import community_surveys
from demo.loader import DemoLoader
from newsletter.models import CONSENT_FIELD as NEWSLETTER_CONSENT_FIELD
from pages import form_protection
from pages.mixins import BasePage
from pages.models import SiteSettings
from reports.models import ReportAuthor
from stories.models import StorySubject
from surveys.models import CONSENT_FIELD as SURVEY_CONSENT_FIELD
from surveys.models import SurveyPage
from tests.campaign_factories import add_take_action_section, translate_take_action_section
from tests.factories import (
    content_locales,
    link_to,
    make_article,
    make_document,
    make_event,
    make_event_index,
    make_image,
    make_issue,
    make_issue_index,
    make_menu_and_footer,
    make_mission,
    make_news_index,
    make_newsletter,
    make_partner_index,
    make_person,
    make_region,
    make_report,
    make_report_index,
    make_site,
    make_standard,
    make_story,
    make_story_index,
    make_survey,
    make_topic,
    make_vision,
    translate_page,
    translate_snippet,
    translate_survey,
)
from tests.legislation_factories import add_bill_tracker, translate_bill_tracker

# --- Content an editor can put on a page ------------------------------------------------------

VIDEO_URL = "https://www.youtube.com/watch?v=Gallup-forum"


def cache_video_player(url):
    """The player YouTube's oEmbed answers for `url`, kept where Wagtail looks before asking.

    Tests never reach YouTube (no embed finders in the test settings).
    """
    return Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        max_width=None,
        type="video",
        html=(
            '<iframe width="200" height="113" '
            'src="https://www.youtube-nocookie.com/embed/Gallup-forum?feature=oembed" '
            'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; '
            'gyroscope; picture-in-picture; web-share" '
            'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen '
            'title="Forum in Gallup"></iframe>'
        ),
        title="Forum in Gallup",
        provider_name="YouTube",
        width=200,
        height=113,
    )


def outside_link(label="Donate"):
    """A link block's value leading off the site."""
    return {"page": None, "url": "https://example.org/donate", "label": label}


# The words of `every_body_block` and `bar_chart`: a Spanish page has its own, as a
# translator writes them, so nothing on it reads in English.
BODY_WORDS = {
    "en": {
        "heading": "What families told us",
        "paragraph": (
            "<p>Some <b>bold</b> and <i>italic</i> words, "
            '<a href="https://example.org/">a site elsewhere</a>, '
            '<a linktype="page" id="{page}">a page here</a> and '
            '<a linktype="document" id="{document}">a file</a>.</p>'
            "<h3>In short</h3><ul><li>Teachers</li></ul><ol><li>Funding</li></ol>"
        ),
        "alt_text": "Parents and teachers at a forum",
        "caption": "A forum in Gallup.",
        "quote": ("When parents are asked, they say a lot.", "A parent"),
        "call_to_action": ("Tell the state", "It takes ten minutes."),
        "cards": ("Our promises", "Two of them."),
        "card_here": ("Tutoring", "For every student."),
        "card_elsewhere": ("Giving", "Help elsewhere.", "Donate"),
        "featured_report": "New research",
        "issues": ("Important issues", "What we work on."),
        "watched_bills": ("Bills we are watching", "Where our bills stand."),
        "statistic": ("4,000+", "New Mexicans took part", "Survey"),
        "document": "The full report.",
        "table": (
            "Responses by region",
            ("Region", "Responses", "Notes"),
            ("Northwest", "412", "<p>Most <b>online</b></p>"),
        ),
        "accordion": ("Questions", "Who can answer?", "<p>Anyone.</p>"),
        "video": "Forum in Gallup",
        "chart": (
            "How parents answered",
            "Share of parents who agreed.",
            ("Schools tell us how our children are doing", "We know what works"),
            "Parent survey, second edition",
        ),
    },
    "es": {
        "heading": "Lo que nos dijeron las familias",
        "paragraph": (
            "<p>Unas palabras en <b>negrita</b> y en <i>cursiva</i>, "
            '<a href="https://example.org/">un sitio de otros</a>, '
            '<a linktype="page" id="{page}">una página de aquí</a> y '
            '<a linktype="document" id="{document}">un archivo</a>.</p>'
            "<h3>En resumen</h3><ul><li>Maestros</li></ul><ol><li>Fondos</li></ol>"
        ),
        "alt_text": "Madres, padres y maestros en un foro",
        "caption": "Un foro en Gallup.",
        "quote": ("Cuando se les pregunta a los padres, dicen mucho.", "Una madre"),
        "call_to_action": ("Dígaselo al estado", "Toma diez minutos."),
        "cards": ("Nuestras promesas", "Dos de ellas."),
        "card_here": ("Tutorías", "Para cada estudiante."),
        "card_elsewhere": ("Donaciones", "Ayude en otra parte.", "Donar"),
        "featured_report": "Investigación nueva",
        "issues": ("Temas importantes", "En qué trabajamos."),
        "watched_bills": ("Proyectos de ley que seguimos", "Dónde están nuestros proyectos."),
        "statistic": ("4.000+", "nuevomexicanos participaron", "Encuesta"),
        "document": "El informe completo.",
        "table": (
            "Respuestas por región",
            ("Región", "Respuestas", "Notas"),
            ("Noroeste", "412", "<p>Casi todas <b>en línea</b></p>"),
        ),
        "accordion": ("Preguntas", "¿Quién puede responder?", "<p>Cualquiera.</p>"),
        "video": "Foro en Gallup",
        "chart": (
            "Cómo respondieron los padres",
            "Porcentaje de padres que estuvieron de acuerdo.",
            ("Las escuelas nos dicen cómo van nuestros hijos", "Sabemos qué funciona"),
            "Encuesta a padres, segunda edición",
        ),
    },
}


def every_body_block(image, document, page, report, issue, language="en", *, bill):
    """One of each block editors can put in a body, every optional part filled in.

    In `language`'s words; the links lead to `page` and `document`, and the
    blocks that choose pages feature `report` and list `issue` and `bill`
    (which show those pages' own words, in the reader's language).
    """
    words = BODY_WORDS[language]
    picture = {"image": image, "alt_text": words["alt_text"], "decorative": False}
    quote, attribution = words["quote"]
    action_heading, action_text = words["call_to_action"]
    cards_heading, cards_intro = words["cards"]
    here_title, here_text = words["card_here"]
    elsewhere_title, elsewhere_text, elsewhere_label = words["card_elsewhere"]
    issues_heading, issues_intro = words["issues"]
    bills_heading, bills_intro = words["watched_bills"]
    figure, figure_label, figure_source = words["statistic"]
    table_caption, headings, row = words["table"]
    accordion_heading, question, answer = words["accordion"]
    column_types = ("text", "number", "rich_text")
    return [
        ("heading", {"text": words["heading"], "level": "h2", "anchor": ""}),
        (
            "paragraph",
            RichText(words["paragraph"].format(page=page.pk, document=document.pk)),
        ),
        ("figure", {"image": picture, "caption": words["caption"]}),
        ("quote", {"quote": quote, "attribution": attribution}),
        (
            "call_to_action",
            {"heading": action_heading, "text": action_text, "link": link_to(page)},
        ),
        (
            "card_list",
            {
                "heading": cards_heading,
                "intro": cards_intro,
                "numbered": True,
                "cards": [
                    {"title": here_title, "text": here_text, "link": link_to(page)},
                    {
                        "title": elsewhere_title,
                        "text": elsewhere_text,
                        "link": outside_link(elsewhere_label),
                    },
                ],
            },
        ),
        ("featured_report", {"report": report, "label": words["featured_report"]}),
        (
            "issue_list",
            {"heading": issues_heading, "intro": issues_intro, "issues": [issue]},
        ),
        (
            "watched_bills",
            {"heading": bills_heading, "intro": bills_intro, "bills": [bill]},
        ),
        ("statistic", {"figure": figure, "label": figure_label, "source": figure_source}),
        ("document", {"document": document, "title": "", "description": words["document"]}),
        (
            "table",
            {
                "caption": table_caption,
                "columns": [
                    {"type": column_type, "heading": heading}
                    for column_type, heading in zip(column_types, headings, strict=True)
                ],
                "rows": [{"values": list(row)}],
            },
        ),
        (
            "accordion",
            {
                "heading": accordion_heading,
                "items": [{"question": question, "answer": RichText(answer)}],
            },
        ),
        (
            "video",
            {
                "video": VIDEO_URL,
                "title": words["video"],
                "transcript": "https://example.org/transcript",
            },
        ),
    ]


def bar_chart(language="en"):
    """A report's chart block of two rows, in `language`'s words."""
    title, description, (first, second), source = BODY_WORDS[language]["chart"]
    return (
        "chart",
        {
            "title": title,
            "description": description,
            "unit": "%",
            "label_heading": "",
            "value_heading": "",
            "rows": [
                {"label": first, "value": Decimal("62")},
                {"label": second, "value": Decimal("38.5")},
            ],
            "source": source,
        },
    )


# (label, field type, choices): one question of each kind the form builder offers.
SURVEY_QUESTIONS = [
    ("Which region do you live in?", "dropdown", "Northwest\nSoutheast"),
    ("What is your role?", "radio", "Parent\nTeacher"),
    ("What matters most?", "checkboxes", "Teachers\nFunding"),
    ("Anything else?", "multiline", ""),
    ("Your email address", "email", ""),
    ("Your name", "singleline", ""),
    ("How many children?", "number", ""),
    ("When did you move here?", "date", ""),
    ("May we call you?", "checkbox", ""),
]
# (label, choices) of each, in Spanish.
SPANISH_SURVEY_QUESTIONS = [
    ("¿En qué región vive?", "Noroeste\nSureste"),
    ("¿Cuál es su papel?", "Madre o padre\nMaestro"),
    ("¿Qué importa más?", "Maestros\nFondos"),
    ("¿Algo más?", ""),
    ("Su correo electrónico", ""),
    ("Su nombre", ""),
    ("¿Cuántos hijos tiene?", ""),
    ("¿Cuándo se mudó aquí?", ""),
    ("¿Podemos llamarle?", ""),
]


# --- A page of every type, in English and Spanish -----------------------------------------------


def every_page_type():
    """Every page type an editor can create: all of them share BasePage."""
    return {model for model in get_page_models() if issubclass(model, BasePage)}


def build_site_with_every_page_type(hostname, name):
    """A site with one live page of every page type, each translated into Spanish by hand.

    Each page is filled as fully as an editor fills it: every body holds one
    of each block (a report's a chart too), in English and, on the Spanish
    page, in Spanish; pages show pictures, a person with a photo, a topic, a
    download and a video; the site has a logo, a privacy page, social links,
    and an English menu and footer.

    Beside them, one article nobody has translated: tree synchronization gives
    it a Spanish twin showing the English text, listed on the Spanish news
    page. An upcoming event (the page of each type is a past one, with its
    recording) is left untranslated too, with a twin of its own. Every
    section is in the menu, so a visitor reaches every page by following
    links. Returns {"site", "english", "spanish", "twin", "topic"}: the
    English and Spanish pages keyed by their type's name, the untranslated
    article's twin, and the topic the pages are filed under.

    Not the default site, so a test may make its own default site at
    localhost beside it. No snippet (topic, person, menu, footer) is
    translated here: a test that needs one translates it itself, so the
    module's rows never keep a test from removing the Spanish locale.
    """
    english_locale, spanish_locale = content_locales()
    image, document = make_image(title="Forum in Gallup"), make_document()
    cache_video_player(VIDEO_URL)
    site = make_site(
        hostname=hostname,
        name=name,
        default=False,
        hero_text="Every child in New Mexico deserves a great education.",
        hero_image=image,
    )
    home = site.root_page.specific
    topic = make_topic("ESSA", description="The federal schools law.", site=site)
    person = make_person(
        name="Marisol", role="Teacher", bio="Runs a reading club.", photo=image, site=site
    )
    menu = {"show_in_menus": True}

    news = make_news_index(
        home, title="News", slug="news", introduction="Updates on education policy.", **menu
    )
    stories = make_story_index(
        home, title="Stories", slug="stories", introduction="In their own words.", **menu
    )
    issues = make_issue_index(
        home, title="Our promises", slug="promises", introduction="What we stand for.", **menu
    )
    events = make_event_index(
        home, title="Events", slug="events", introduction="Come and talk with us.", **menu
    )
    reports = make_report_index(
        home,
        title="Reports",
        slug="reports",
        introduction="Research that puts parents first.",
        **menu,
    )
    # The report and the issue come first, as the blocks that choose pages choose them;
    # their own bodies (every block, these two included) are added once they exist.
    report = make_report(
        reports,
        title="What parents told us",
        slug="what-parents-told-us",
        topics=[topic],
        image=image,
        document=document,
        partners="50CAN and Edge Research",
        authors=[ReportAuthor(person=person, sort_order=0)],
        key_findings=[("finding", {"figure": "62%", "label": "of parents", "source": "Survey"})],
    )
    issue = make_issue(
        issues,
        topic,
        title="Every student succeeds",
        slug="every-student-succeeds",
        summary="What ESSA asks of schools.",
        image=image,
    )
    tracker = add_bill_tracker(home, topic, **menu)
    body = every_body_block(image, document, home, report, issue, bill=tracker["BillPage"])
    report.body = [*body, bar_chart()]
    report.save_revision().publish()
    issue.body = body
    issue.save_revision().publish()
    tracker["BillPage"].body = body
    tracker["BillPage"].save_revision().publish()
    online = {
        "attendance": "mixed",
        "online_url": "https://example.org/join",
        "registration_url": "https://example.org/register",
    }
    english = {
        "HomePage": home,
        "VisionPage": make_vision(home, title="Vision", slug="vision", body=body, **menu),
        "MissionPage": make_mission(
            home,
            title="Mission",
            slug="mission",
            pillars=("Trustworthy Information", "Community Voice"),
            body=body,
            **menu,
        ),
        "StandardPage": make_standard(
            home, title="Privacy", slug="privacy", introduction="What we keep.", body=body, **menu
        ),
        "NewsIndexPage": news,
        "ArticlePage": make_article(
            news,
            title="ESSA Community Forums",
            slug="essa-community-forums",
            publication_date=datetime.date(2016, 9, 20),
            summary="The state holds ESSA community forums in six regions.",
            image=make_image(
                title="Community forums",
                alt_text="Illustration: mesas and a bright sun over a violet horizon.",
            ),
            topics=[topic],
            authors=[ArticleAuthor(person=person, sort_order=0)],
            body=body,
        ),
        "StoryIndexPage": stories,
        "StoryPage": make_story(
            stories,
            title="A reading club in Gallup",
            slug="reading-club",
            subject="A fourth-grade teacher",
            pull_quote="My students built a library.",
            image=make_image(title="Reading club", alt_text="Illustration: a stack of books."),
            topics=[topic],
            subjects=[StorySubject(person=person, sort_order=0)],
            body=body,
        ),
        "IssueIndexPage": issues,
        "IssuePage": issue,
        **tracker,
        **add_take_action_section(home, topic, body, **menu),
        "EventIndexPage": events,
        # Past, with its recording and slides.
        "EventPage": make_event(
            events,
            title="Forum in Gallup",
            slug="forum-in-gallup",
            image=image,
            topics=[topic],
            recording_url="https://example.org/recording",
            slides=document,
            body=body,
            **online,
        ),
        "ReportIndexPage": reports,
        "ReportPage": report,
        "PartnerIndexPage": make_partner_index(
            home,
            title="Partners",
            slug="partners",
            introduction="The groups we work with.",
            partners=[
                {
                    "name": "New Mexico First",
                    "description": "Runs public forums.",
                    "website": "https://nmfirst.org",
                    "logo": make_image(title="Partner logo", size=(120, 120)),
                },
                {"name": "Parents Together", "region": "northwest"},
            ],
            **menu,
        ),
        "SurveyPage": make_survey(
            home, SURVEY_QUESTIONS, title="Take the survey", slug="survey", **menu
        ),
        "NewsletterPage": make_newsletter(home, title="Newsletter", slug="newsletter", **menu),
    }
    untranslated = make_article(
        news,
        title="Parents ask for evening meetings",
        slug="evening-meetings",
        summary="Forty parents asked the board to meet after work.",
    )
    make_event(events, timezone.now() + datetime.timedelta(days=7), image=image, **online)

    home.hero_link_page = news
    home.body = body
    home.save_revision().publish()
    SiteSettings.objects.filter(site=site).update(
        logo=make_image(title=f"{name} logo", size=(300, 300)),
        privacy_page=english["StandardPage"],
        contact_email="info@example.org",
        facebook_url="https://www.facebook.com/",
        instagram_url="https://www.instagram.com/",
        x_url="https://x.com/",
        youtube_url="https://www.youtube.com/",
        linkedin_url="https://www.linkedin.com/",
        default_social_image=image,
    )
    make_menu_and_footer(site, footer_links=[link_to(news), outside_link()])

    # Parents before children, as a translator must.
    spanish_body = every_body_block(
        image, document, home, report, issue, "es", bill=tracker["BillPage"]
    )
    spanish = {
        "HomePage": translate_page(
            home,
            spanish_locale,
            hero_heading=f"Bienvenidos a {name}",
            hero_text="Cada niño de Nuevo México merece una gran educación.",
            news_heading="Artículos y noticias recientes",
            stories_heading="Historias",
            body=spanish_body,
        )
    }
    spanish_fields = {
        "VisionPage": {
            "title": "Visión",
            "slug": "vision",
            "statement": "Cada niño prospera.",
            "body": spanish_body,
        },
        "MissionPage": {
            "title": "Misión",
            "slug": "mision",
            "statement": "Escuelas al servicio.",
            "body": spanish_body,
        },
        "StandardPage": {
            "title": "Privacidad",
            "slug": "privacidad",
            "introduction": "Lo que guardamos.",
            "body": spanish_body,
        },
        "NewsIndexPage": {
            "title": "Noticias",
            "slug": "noticias",
            "introduction": "Novedades sobre la política educativa.",
        },
        "ArticlePage": {
            "title": "Foros comunitarios sobre ESSA",
            "slug": "foros-comunitarios-essa",
            "summary": "El estado realiza foros comunitarios sobre ESSA en seis regiones.",
            "body": spanish_body,
        },
        "StoryIndexPage": {
            "title": "Historias",
            "slug": "historias",
            "introduction": "En sus propias palabras.",
        },
        "StoryPage": {
            "title": "Un club de lectura en Gallup",
            "slug": "club-de-lectura",
            "subject": "Una maestra de cuarto grado",
            "pull_quote": "Mis alumnos construyeron una biblioteca.",
            "body": spanish_body,
        },
        "IssueIndexPage": {
            "title": "Nuestras promesas",
            "slug": "promesas",
            "introduction": "Lo que defendemos.",
        },
        "IssuePage": {
            "title": "Que todos los estudiantes triunfen",
            "slug": "todos-triunfan",
            "summary": "Lo que ESSA pide a las escuelas.",
            "body": spanish_body,
        },
        "EventIndexPage": {
            "title": "Eventos",
            "slug": "eventos",
            "introduction": "Venga a conversar con nosotros.",
        },
        "EventPage": {
            "title": "Foro en Gallup",
            "slug": "foro-en-gallup",
            "summary": "Los vecinos hablan del plan del estado para las escuelas.",
            "body": spanish_body,
        },
        "ReportIndexPage": {
            "title": "Informes",
            "slug": "informes",
            "introduction": "Investigación que pone primero a los padres.",
        },
        "ReportPage": {
            "title": "Lo que nos dijeron los padres",
            "slug": "lo-que-dijeron-los-padres",
            "summary": "Lo que encontramos, en una frase.",
            "partners": "50CAN y Edge Research",
            "key_findings": [
                ("finding", {"figure": "62%", "label": "de los padres", "source": "Encuesta"})
            ],
            "body": [*spanish_body, bar_chart("es")],
        },
        "PartnerIndexPage": {
            "title": "Socios",
            "slug": "socios",
            "introduction": "Los grupos con los que trabajamos.",
        },
        "NewsletterPage": {
            "title": "Boletín",
            "slug": "boletin",
            "introduction": "Un correo al mes sobre lo que dicen las comunidades.",
            "privacy_note": "<p>Guardamos su correo solo para enviarle el boletín.</p>",
        },
    }
    for type_name, fields in spanish_fields.items():
        spanish[type_name] = translate_page(english[type_name], spanish_locale, **fields)
    spanish.update(translate_bill_tracker(english, spanish_locale, spanish_body))
    spanish.update(translate_take_action_section(english, spanish_locale, spanish_body))
    for slug, name in (
        ("northwest", "Noroeste"),
        ("central", "Centro"),
        ("statewide", "Todo el estado"),
    ):
        translate_snippet(make_region(slug, site=site), spanish_locale, name=name)
    spanish["SurveyPage"] = translate_survey(
        english["SurveyPage"],
        spanish_locale,
        SPANISH_SURVEY_QUESTIONS,
        title="Responda la encuesta",
        slug="encuesta",
        introduction="Toma unos cinco minutos.",
        privacy_note="<p>Leemos sus respuestas y nunca nombramos a nadie.</p>",
        thank_you_text="<p>Gracias por sus respuestas.</p>",
    )
    # The untranslated pages' Spanish twins, as the locale synchronization makes them.
    synchronize_tree(english_locale, spanish_locale)
    twin = untranslated.get_translation(spanish_locale)
    return {"site": site, "english": english, "spanish": spanish, "twin": twin, "topic": topic}


def build_small_site_in_two_languages(hostname, name):
    """A second organization's site: a home page and two sections, all translated by hand.

    With an English menu and footer, as every site has.
    """
    _english_locale, spanish_locale = content_locales()
    site = make_site(hostname=hostname, name=name, default=False)
    home = site.root_page.specific
    vision = make_vision(home, title="Vision", slug="vision", show_in_menus=True)
    news = make_news_index(home, title="News", slug="news", show_in_menus=True)
    make_menu_and_footer(site)
    translate_page(home, spanish_locale, hero_heading=f"Bienvenidos a {name}")
    translate_page(vision, spanish_locale, title="Visión", statement="Cada niño prospera.")
    translate_page(news, spanish_locale, title="Noticias", slug="noticias")
    return site


# --- The demo's survey, and what visitors post to the forms -------------------------------------


def build_demo_survey():
    """(English, Spanish) ESSA survey on a test site, built and translated as the demo does it.

    The demo's own builder (demo/community_surveys.py), so the questions are
    the real ones; the Spanish goes through wagtail-localize.
    """
    _english_locale, spanish_locale = content_locales()
    site = make_site(hostname="localhost")
    home = site.root_page.specific
    loader = DemoLoader(log=lambda *args: None)
    community_surveys.build(loader, home, site)
    community_surveys.translate(loader, home, site, spanish_locale)
    english = SurveyPage.objects.get(locale__language_code="en")
    return english, SurveyPage.objects.get(locale__language_code="es")


def token_issued(page, seconds_ago):
    """The form's signed "started at" token, as if the form was shown `seconds_ago`."""
    issued = int(time.time()) - seconds_ago
    with mock.patch.object(
        signing.TimestampSigner, "timestamp", return_value=signing.b62_encode(issued)
    ):
        return form_protection.issue_token(page)


NEWSLETTER_ADDRESS = "Reader@Example.org"


def newsletter_form_data(page, **overrides):
    """A sign-up as a browser posts it, consent given; an override of None leaves a field out."""
    data = {
        form_protection.STARTED_FIELD: token_issued(page, seconds_ago=30),
        form_protection.HONEYPOT_FIELD: "",
        "email": f"  {NEWSLETTER_ADDRESS} ",
        NEWSLETTER_CONSENT_FIELD: "on",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


SURVEY_COMMENT = "Más clases de arte, por favor."


def survey_field_names(page):
    """The form's field names by question type, from the page's own questions."""
    return {field.field_type: field.clean_name for field in page.form_fields.all()}


def survey_answers(page, **overrides):
    """A complete, honest post: English choice values (as both forms submit), consent given."""
    field = survey_field_names(page)
    data = {
        form_protection.STARTED_FIELD: token_issued(page, seconds_ago=30),
        form_protection.HONEYPOT_FIELD: "",
        field["dropdown"]: "Northwest",
        field["radio"]: "Teacher",
        field["checkboxes"]: [
            "Fair funding for every community",
            "Reading and math by third grade",
        ],
        field["multiline"]: SURVEY_COMMENT,
        field["email"]: "",
        SURVEY_CONSENT_FIELD: "on",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}
