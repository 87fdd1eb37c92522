"""Demo content for the events section: built after each site's own pages.

build(loader, home, site): English pages under the site's home page, through
loader.child(...), before the header menu is made from the home page's menu pages.
translate(loader, home, site, locale): their Spanish versions, through
loader.translate_page(...) or loader.translate(...), after the tree is synchronized.

The Learning Alliance's events are the six regional ESSA community forums the
New Mexico Public Education Department held in autumn 2016, Gallup first (the
article "ESSA Community Forums"), and one webinar. Only Gallup and October are
known; the other dates and places are illustrative, and each summary says so.
"""

import datetime
from zoneinfo import ZoneInfo

from events.models import EventIndexPage, EventPage

from . import images

ALLIANCE_HOST = "localhost"
DENVER = ZoneInfo("America/Denver")
INDEX_SLUG = "events"


def evening(month, day):
    """An illustrative forum evening, 6 to 8 p.m. in New Mexico."""
    start = datetime.datetime(2016, month, day, 18, 0, tzinfo=DENVER)
    return start, start + datetime.timedelta(hours=2)


ILLUSTRATIVE = "Date and time shown are illustrative."
ILUSTRATIVO = "La fecha y la hora son ilustrativas."

# (slug, region, English title, venue, (month, day), Spanish slug, Spanish title, Spanish venue)
FORUMS = [
    ("essa-forum-gallup", "northwest", "ESSA Community Forum: Gallup", "Gallup", (10, 6),
     "foro-essa-gallup", "Foro comunitario sobre ESSA: Gallup", "Gallup"),
    ("essa-forum-north-central", "north-central", "ESSA Community Forum: North Central",
     "North Central New Mexico (venue as announced by the department)", (10, 13),
     "foro-essa-centro-norte", "Foro comunitario sobre ESSA: Centro Norte",
     "Centro norte de Nuevo México (sede según el anuncio del departamento)"),
    ("essa-forum-northeast", "northeast", "ESSA Community Forum: Northeast",
     "Northeast New Mexico (venue as announced by the department)", (10, 20),
     "foro-essa-noreste", "Foro comunitario sobre ESSA: Noreste",
     "Noreste de Nuevo México (sede según el anuncio del departamento)"),
    ("essa-forum-central", "central", "ESSA Community Forum: Central",
     "Albuquerque metro area (venue as announced by the department)", (10, 27),
     "foro-essa-central", "Foro comunitario sobre ESSA: Central",
     "Área metropolitana de Albuquerque (sede según el anuncio del departamento)"),
    ("essa-forum-southwest", "southwest", "ESSA Community Forum: Southwest",
     "Southwest New Mexico (venue as announced by the department)", (11, 3),
     "foro-essa-suroeste", "Foro comunitario sobre ESSA: Suroeste",
     "Suroeste de Nuevo México (sede según el anuncio del departamento)"),
    ("essa-forum-southeast", "southeast", "ESSA Community Forum: Southeast",
     "Southeast New Mexico (venue as announced by the department)", (11, 10),
     "foro-essa-sureste", "Foro comunitario sobre ESSA: Sureste",
     "Sureste de Nuevo México (sede según el anuncio del departamento)"),
]  # fmt: skip

WEBINAR_SLUG = "essa-state-plan-webinar"

# Each forum's picture is a pin over a town, with a small map marking the region.
FORUM_PLACES = {
    "northwest": "the northwest",
    "north-central": "the north central region",
    "northeast": "the northeast",
    "central": "the Albuquerque area",
    "southwest": "the southwest",
    "southeast": "the southeast",
}


def forum_picture(region):
    """The picture of the forum in `region` (an image spec, as in demo.content)."""
    return (
        f"A pin over a town in {FORUM_PLACES[region]}",
        "Illustration: a big map pin over a town's low adobe buildings; a small map of New "
        f"Mexico marks {FORUM_PLACES[region]}.",
        images.ALLIANCE,
        "event",
        region,
    )


WEBINAR_PICTURE = (
    "An online session and a calendar",
    "Illustration: a laptop showing four people in a video call, beside a calendar page with "
    "one day marked.",
    images.ALLIANCE,
    "event",
    "webinar",
)


def forum_summary(position):
    first = " The first of the series." if position == 0 else ""
    return (
        "One of six regional forums the New Mexico Public Education Department held so that "
        f"people could speak in person about the state's ESSA plan.{first} {ILLUSTRATIVE}"
    )


def forum_summary_es(position):
    first = " El primero de la serie." if position == 0 else ""
    return (
        "Uno de los seis foros regionales que el Departamento de Educación Pública de Nuevo "
        "México realizó para que la gente opinara en persona sobre el plan estatal de ESSA."
        f"{first} {ILUSTRATIVO}"
    )


WEBINAR = {
    "title": "Webinar: Understanding ESSA",
    "summary": (
        "An online session from the Learning Alliance on what the Every Student Succeeds Act "
        f"asks of New Mexico, before the community forums. {ILLUSTRATIVE}"
    ),
}
WEBINAR_ES = {
    "title": "Seminario web: Entender ESSA",
    "slug": "seminario-web-essa",
    "summary": (
        "Una sesión en línea de Learning Alliance sobre lo que la Ley Cada Estudiante Triunfa "
        f"(ESSA) pide a Nuevo México, antes de los foros comunitarios. {ILUSTRATIVO}"
    ),
}
INDEX = {
    "title": "Events",
    "introduction": (
        "Forums, webinars and gatherings where New Mexicans learn about education policy and "
        "say what they think of it."
    ),
}
INDEX_ES = {
    "title": "Eventos",
    "slug": "eventos",
    "introduction": (
        "Foros, seminarios web y encuentros donde los nuevomexicanos conocen la política "
        "educativa y dicen lo que piensan de ella."
    ),
}


def build(loader, home, site):
    if site.hostname != ALLIANCE_HOST:
        return
    index, _ = loader.child(home, EventIndexPage, slug=INDEX_SLUG, show_in_menus=True, **INDEX)
    webinar_start = datetime.datetime(2016, 9, 28, 12, 0, tzinfo=DENVER)
    loader.child(
        index,
        EventPage,
        slug=WEBINAR_SLUG,
        start=webinar_start,
        end=webinar_start + datetime.timedelta(hours=1),
        attendance="online",
        online_url="https://learningalliance.example/webinars/understanding-essa",
        **loader.picture(WEBINAR_PICTURE),
        **WEBINAR,
    )
    for position, (slug, region, title, venue, (month, day), *_spanish) in enumerate(FORUMS):
        start, end = evening(month, day)
        loader.child(
            index,
            EventPage,
            slug=slug,
            title=title,
            start=start,
            end=end,
            attendance="in-person",
            venue_name=venue,
            region=loader.region(home, region),
            summary=forum_summary(position),
            **loader.picture(forum_picture(region)),
        )


def translate(loader, home, site, locale):
    if site.hostname != ALLIANCE_HOST:
        return
    index = home.get_children().filter(slug=INDEX_SLUG).first()
    if index is None:
        return
    index = index.specific
    loader.translate_page_if_missing(index, locale, INDEX_ES, home)
    pages = {page.slug: page for page in index.get_children().specific()}
    if WEBINAR_SLUG in pages:
        loader.translate_page_if_missing(pages[WEBINAR_SLUG], locale, WEBINAR_ES, home)
    for position, (slug, _region, _title, _venue, _date, slug_es, title_es, venue_es) in enumerate(
        FORUMS
    ):
        if slug in pages:
            fields = {
                "title": title_es,
                "slug": slug_es,
                "venue_name": venue_es,
                "summary": forum_summary_es(position),
            }
            loader.translate_page_if_missing(pages[slug], locale, fields, home)
