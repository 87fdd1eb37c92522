"""Demo content for the newsletter section: built after each site's own pages.

build(loader, home, site) and translate(loader, home, site, locale), as in
demo/community_surveys.py. Each site gets a newsletter sign-up page, left out
of the header menu (the footer links it). No demo subscribers: the list fills
only through the sign-up form, confirmed by e-mail.
"""

from newsletter.models import NewsletterPage

SLUG = "newsletter"

NEWSLETTERS = {
    "localhost": {
        "title": "Newsletter",
        "introduction": (
            "One e-mail a month from the Learning Alliance of New Mexico: what communities are "
            "telling decision makers, forums and surveys coming up, and new reports."
        ),
        "privacy_note": (
            "<p>The Learning Alliance of New Mexico keeps your e-mail address only to send you "
            "this newsletter. We never share or sell it. Every newsletter has a link to "
            "unsubscribe, and an address that is not confirmed within a week is deleted.</p>"
        ),
        "welcome_text": "<p>The next issue goes out at the start of next month.</p>",
    },
    "kidscan.localhost": {
        "title": "Newsletter",
        "introduction": (
            "News from NewMexicoKidsCAN about twice a month: new research, what is happening "
            "at the Roundhouse, and how parents can make their voices heard."
        ),
        "privacy_note": (
            "<p>NewMexicoKidsCAN keeps your e-mail address only to send you this newsletter. "
            "We never share or sell it. Every newsletter has a link to unsubscribe, and an "
            "address that is not confirmed within a week is deleted.</p>"
        ),
        "welcome_text": "<p>Look out for our next update in the coming weeks.</p>",
    },
}

NEWSLETTERS_ES = {
    "localhost": {
        "title": "Boletín",
        "slug": "boletin",
        "introduction": (
            "Un correo al mes de Learning Alliance of New Mexico: lo que las comunidades dicen a "
            "quienes toman las decisiones, los próximos foros y encuestas, y los informes nuevos."
        ),
        "privacy_note": (
            "<p>Learning Alliance of New Mexico guarda su correo electrónico solo para enviarle "
            "este boletín. Nunca lo compartimos ni lo vendemos. Cada boletín trae un enlace para "
            "darse de baja, y una dirección que no se confirma en una semana se borra.</p>"
        ),
        "welcome_text": "<p>El próximo número sale a principios del mes que viene.</p>",
    },
    "kidscan.localhost": {
        "title": "Boletín",
        "slug": "boletin",
        "introduction": (
            "Noticias de NewMexicoKidsCAN unas dos veces al mes: investigaciones nuevas, lo que "
            "pasa en la Legislatura y cómo las familias pueden hacerse oír."
        ),
        "privacy_note": (
            "<p>NewMexicoKidsCAN guarda su correo electrónico solo para enviarle este boletín. "
            "Nunca lo compartimos ni lo vendemos. Cada boletín trae un enlace para darse de "
            "baja, y una dirección que no se confirma en una semana se borra.</p>"
        ),
        "welcome_text": "<p>Esté atento a nuestra próxima noticia en las próximas semanas.</p>",
    },
}


def build(loader, home, site):
    spec = NEWSLETTERS.get(site.hostname)
    if spec is None:
        return
    loader.child(home, NewsletterPage, slug=SLUG, show_in_menus=False, **spec)


def translate(loader, home, site, locale):
    spec = NEWSLETTERS_ES.get(site.hostname)
    english = home.get_children().filter(slug=SLUG).first()
    if spec is None or english is None:
        return
    existing = english.get_translation_or_none(locale)
    # A real translation is left alone: an editor may have changed it since.
    if existing is not None and existing.alias_of_id is None:
        return
    loader.translate_page(english, locale, spec, home)
