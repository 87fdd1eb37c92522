"""Demo content for the partners section: built after each site's own pages.

build(loader, home, site): each site's partner directory under its home page,
through loader.child(...), left out of the header menu (the footer links it).
translate(loader, home, site, locale): its Spanish translation through
loader.translate_page(...), after the tree is synchronized, and the logos
filed in the site's collection.

What is said of real organizations comes only from the sites' own material:
New Mexico First ran the ESSA survey with the Learning Alliance; 50CAN is
the network NewMexicoKidsCAN belongs to and, with Edge Research, made its
parent survey. The two local groups on the Alliance's site are invented to
show regions, and say so. Logos are drawn by Pillow: initials on a color,
stand-ins for the real ones.
"""

from partners.models import Partner, PartnerIndexPage

from .images import draw_logo, get_or_create_image

INDEX_SLUG = "partners"

# Per host name: the index page, then each partner as
# (name, region, website, (initials, color), English description, Spanish description).
PARTNERS = {
    "localhost": {
        "index": {
            "title": "Partners",
            "introduction": (
                "No one improves New Mexico's schools alone. These are the groups we work "
                "with, from across the state and close to home."
            ),
        },
        "index_es": {
            "title": "Socios",
            "slug": "socios",
            "introduction": (
                "Nadie mejora solo las escuelas de Nuevo México. Estos son los grupos con los "
                "que trabajamos, de todo el estado y de cerca de casa."
            ),
        },
        "partners": [
            (
                "New Mexico First",
                "statewide",
                "https://nmfirst.org",
                ("NMF", "#1f5f8b"),
                "A statewide nonprofit. With the Learning Alliance it ran the survey that asked "
                "New Mexicans what the Every Student Succeeds Act (ESSA) should mean for their "
                "schools.",
                "Organización sin fines de lucro de alcance estatal. Junto con Learning Alliance "
                "realizó la encuesta que preguntó a los nuevomexicanos qué debería significar la "
                "Ley ESSA para sus escuelas.",
            ),
            (
                "Juniper Family Learning Circle",
                "northwest",
                "",
                ("JF", "#2e6b3a"),
                "A fictional example, shown to illustrate the directory: families in the "
                "Northwest who meet each month to read with their children and talk about "
                "their schools.",
                "Un ejemplo ficticio, para mostrar cómo funciona el directorio: familias del "
                "noroeste que se reúnen cada mes para leer con sus hijos y hablar de sus "
                "escuelas.",
            ),
            (
                "Caprock Rural Teachers Network",
                "southeast",
                "",
                ("CRT", "#8a3b12"),
                "A fictional example, shown to illustrate the directory: teachers at small "
                "rural schools in the Southeast who share lesson ideas and bring their "
                "classrooms' needs to our forums.",
                "Un ejemplo ficticio, para mostrar cómo funciona el directorio: maestros de "
                "pequeñas escuelas rurales del sureste que comparten ideas para sus clases y "
                "traen a nuestros foros lo que necesitan sus salones.",
            ),
        ],
    },
    "kidscan.localhost": {
        "index": {
            "title": "Partners",
            "introduction": (
                "We speak for New Mexico's children alongside a national network and the "
                "researchers who help us listen to parents."
            ),
        },
        "index_es": {
            "title": "Socios",
            "slug": "socios",
            "introduction": (
                "Hablamos por los niños de Nuevo México junto a una red nacional y a los "
                "investigadores que nos ayudan a escuchar a los padres de familia."
            ),
        },
        "partners": [
            (
                "50CAN",
                "national",
                "https://50can.org",
                ("50", "#5b2a86"),
                "The national network of state advocacy campaigns that NewMexicoKidsCAN belongs "
                "to, and co-author of our survey of New Mexico parents.",
                "La red nacional de campañas estatales de defensa a la que pertenece "
                "NewMexicoKidsCAN, y coautora de nuestra encuesta a padres de familia de Nuevo "
                "México.",
            ),
            (
                "Edge Research",
                "national",
                "https://edgeresearch.com",
                ("ER", "#0f5c5c"),
                "The research firm behind our survey of New Mexico parents, The State of "
                "Educational Opportunity in New Mexico.",
                "La empresa de investigación detrás de nuestra encuesta a padres de familia, "
                "El estado de las oportunidades educativas en Nuevo México.",
            ),
        ],
    },
}


def build(loader, home, site):
    spec = PARTNERS.get(site.hostname)
    if spec is None:
        return
    partners = [
        Partner(
            name=name,
            region=loader.region(home, region),
            website=website,
            logo=partner_logo(name, *badge),
            description=description,
            sort_order=position,
        )
        for position, (name, region, website, badge, description, _spanish) in enumerate(
            spec["partners"]
        )
    ]
    loader.child(
        home,
        PartnerIndexPage,
        slug=INDEX_SLUG,
        show_in_menus=False,
        partners=partners,
        **spec["index"],
    )


def translate(loader, home, site, locale):
    spec = PARTNERS.get(site.hostname)
    if spec is None:
        return
    english = home.get_children().get(slug=INDEX_SLUG).specific
    file_logos_in_site_collection(english, site)
    existing = english.get_translation_or_none(locale)
    # A real translation is left alone: an editor may have changed it since.
    if existing is not None and existing.alias_of_id is None:
        return
    spanish_for = {name: spanish for name, *_rest, spanish in spec["partners"]}
    spanish_partners = rows_with_descriptions(english, spanish_for)
    loader.translate_page(english, locale, {**spec["index_es"], "partners": spanish_partners}, home)


def rows_with_descriptions(directory, descriptions):
    """Copies of `directory`'s partner rows with other descriptions (by name), for translating."""
    return [
        Partner(
            translation_key=partner.translation_key,
            locale_id=partner.locale_id,
            sort_order=partner.sort_order,
            name=partner.name,
            region=partner.region,
            website=partner.website,
            logo=partner.logo,
            description=descriptions.get(partner.name, partner.description),
        )
        for partner in directory.partners.all()
    ]


def partner_logo(name, initials, color):
    """A stand-in logo drawn once and found again by its title on later runs."""
    return get_or_create_image(
        f"{name} logo (demo)",
        f"{name} logo",
        lambda: draw_logo(initials, color),
        f"partner-{initials.lower()}-logo.png",
    )


def file_logos_in_site_collection(index, site):
    """Put the partners' logos in the site's collection, so its editors can choose them.

    The roles (and their collection) are made after every site is built; they
    are made here first for this site, which the loader does next anyway. A
    logo already filed somewhere other than the root is left where it is.
    """
    from wagtail.images import get_image_model

    from editorial.models import SiteRoles  # the editorial app owns the collections
    from editorial.roles import set_up_site_roles

    logo_ids = [partner.logo_id for partner in index.partners.all() if partner.logo_id]
    if not logo_ids:
        return
    set_up_site_roles(site)
    collection = SiteRoles.objects.get(site=site).collection
    get_image_model().objects.filter(pk__in=logo_ids, collection__depth=1).update(
        collection=collection
    )
