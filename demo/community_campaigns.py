"""Demo content for the take-action section: built after every other section of each site.

build(loader, home, site) and translate(loader, home, site, locale), as in
demo/community_newsletter.py. Each site gets a "Take action" index in its
header menu and one open action, so the demo shows both ways letters go:

- The Learning Alliance asks the Public Education Department to give families
  more time to comment on the draft ESSA plan. Every letter goes to both
  people listed, sent by the site; the survey is suggested next.
- NewMexicoKidsCAN asks parents to write to their own legislator for clear
  school information (the promise "A family's right to know what's
  working"). The visitor picks one legislator and sends the ready-made
  letter from their own email; it is filed under that promise's topic, so
  its issue page lists it.

The actions write only to the demo's fictional decision makers
(demo/decision_makers.py), whose example.org addresses reach no one, and
each page says it is an example. The section comes last because each action
suggests a page built before it (the survey, the newsletter). The
Alliance's action closes four weeks after the demo is first loaded, so a
fresh demo always has it open; KidsCAN's has no deadline.
"""

import datetime

from campaigns.deadlines import new_mexico_day
from campaigns.models import (
    ActionIndexPage,
    ActionPage,
    ActionTarget,
    CampaignSettings,
    Delivery,
    Targeting,
)
from localization.times import NEW_MEXICO_TIME
from taxonomy.models import Topic

from . import decision_makers, images
from .content import cta, p

INDEX_SLUG = "take-action"
# An action given a deadline (its "open_for") closes at 5 p.m. in New Mexico on that day.
CLOSING_TIME = datetime.time(17, 0)

# Every site's take-action settings: the state's own legislator lookup, and a year's retention.
CAMPAIGN_SETTINGS = {
    "find_legislator_url": "https://www.nmlegis.gov/Members/Find_My_Legislator",
    "retention_days": 365,
}

ALLIANCE_NOTE = (
    "<em>An example action written for the demo site. The people it writes to are "
    "fictional, their example.org addresses reach no one, and the Learning Alliance has not "
    "run this campaign.</em>"
)
ALLIANCE_NOTE_ES = (
    "<em>Una acción de ejemplo escrita para el sitio de demostración. Las personas a quienes "
    "se escribe son ficticias, sus direcciones de example.org no llegan a nadie y Learning "
    "Alliance no ha realizado esta campaña.</em>"
)
KIDSCAN_NOTE = (
    "<em>An example action written for the demo site. The legislators listed are fictional, "
    "their example.org addresses reach no one, and the asks are illustrative, not "
    "NewMexicoKidsCAN's published positions.</em>"
)
KIDSCAN_NOTE_ES = (
    "<em>Una acción de ejemplo escrita para el sitio de demostración. Los legisladores de la "
    "lista son ficticios, sus direcciones de example.org no llegan a nadie y las propuestas "
    "son ilustrativas, no posturas publicadas de NewMexicoKidsCAN.</em>"
)

ALLIANCE_LETTER = """Dear New Mexico education leaders,

I am writing to ask the Public Education Department to extend the public comment period on \
New Mexico's draft plan for the Every Student Succeeds Act (ESSA).

The plan will shape how our schools are measured, how schools that struggle are supported and \
what families are told about how their schools are doing. More than 4,000 New Mexicans have \
already shared their views on ESSA, and the community forums in six regions of the state showed \
how much families want to be heard.

Many families need more time to take part: those in rural areas far from where the forums met, \
parents who work long hours, and families who read Spanish first and need the plan in their \
language. Please keep the comment period open long enough for people in every region to read \
the plan and respond, and share the plan and the way to comment in English and in Spanish.

Thank you for listening to New Mexico's communities."""

ALLIANCE_LETTER_ES = """Estimados líderes educativos de Nuevo México:

Les escribo para pedir que el Departamento de Educación Pública amplíe el periodo de \
comentarios públicos sobre el borrador del plan de Nuevo México para la Ley Every Student \
Succeeds Act (ESSA).

El plan definirá cómo se evalúa a nuestras escuelas, qué apoyo reciben las que tienen \
dificultades y qué se les informa a las familias sobre cómo les va a sus escuelas. Más de 4,000 \
nuevomexicanos ya han dado su opinión sobre ESSA, y los foros comunitarios en seis regiones del \
estado mostraron cuánto quieren las familias que se les escuche.

Muchas familias necesitan más tiempo para participar: las que viven en zonas rurales lejos de \
donde se reunieron los foros, los padres que trabajan jornadas largas y las familias que leen \
primero en español y necesitan el plan en su idioma. Les pido que mantengan abierto el periodo \
de comentarios el tiempo suficiente para que la gente de todas las regiones pueda leer el plan \
y responder, y que publiquen el plan y la manera de opinar en inglés y en español.

Gracias por escuchar a las comunidades de Nuevo México."""

KIDSCAN_LETTER = """Dear Legislator,

I live in your district, and I am writing to ask you to support clear, public information \
about how our schools are doing.

Families make important decisions every year: which school to choose, when to ask for help, \
what to push for. We can only decide well when we know how our children and their schools are \
doing. Today that information often arrives late, is hard to find or is written for \
specialists.

Please support school report cards that a parent can read in a few minutes, on a phone, in \
English and in Spanish; test results that reach families in time to act on them, before the \
next school year begins; and reports, school by school, of what is spent, which teaching jobs \
are empty and how much students grow.

Every New Mexico family has a right to know what's working in its schools. Thank you for \
standing up for that right."""

KIDSCAN_LETTER_ES = """Estimado legislador o legisladora:

Vivo en su distrito y le escribo para pedirle que apoye información clara y pública sobre \
cómo les va a nuestras escuelas.

Las familias tomamos decisiones importantes cada año: qué escuela elegir, cuándo pedir ayuda, \
qué exigir. Solo podemos decidir bien si sabemos cómo les va a nuestros hijos y a sus \
escuelas. Hoy esa información muchas veces llega tarde, es difícil de encontrar o está escrita \
para especialistas.

Le pido que apoye informes escolares que una madre o un padre pueda leer en pocos minutos, en \
el celular, en inglés y en español; resultados de exámenes que lleguen a las familias a tiempo \
para actuar, antes de que empiece el siguiente año escolar; e informes, escuela por escuela, de \
cuánto se gasta, qué plazas de maestro están vacantes y cuánto avanzan los estudiantes.

Cada familia de Nuevo México tiene derecho a saber qué funciona en sus escuelas. Gracias por \
defender ese derecho."""

# By host name: the index, then its one action. Paths (next_action, links in the body) are
# pages below the site's home; topics are the site's topic slugs; targets are names.
SECTIONS = {
    "localhost": {
        "index": {
            "title": "Take action",
            "introduction": (
                "Add your name to letters that ask New Mexico's education leaders to hear from "
                "every community. Each takes a few minutes, in English or in Spanish."
            ),
        },
        "index_es": {
            "title": "Actúe",
            "slug": "actue",
            "introduction": (
                "Sume su nombre a las cartas que piden a los líderes educativos de Nuevo México "
                "que escuchen a todas las comunidades. Cada una toma unos minutos, en inglés o "
                "en español."
            ),
        },
        "action": {
            "slug": "extend-essa-comment-period",
            "title": "More time to comment on the ESSA state plan",
            "ask": (
                "Ask the Public Education Department to extend the public comment period on "
                "New Mexico's draft ESSA plan."
            ),
            "summary": (
                "The draft plan sets out how New Mexico will measure its schools, support those "
                "that struggle and report to families. More than 4,000 New Mexicans have shared "
                "their views on ESSA, and forums in six regions brought the conversation close "
                "to home. Families in rural areas, and those who read Spanish first, need time "
                "to read the plan and respond."
            ),
            "goal": 300,
            "open_for": datetime.timedelta(weeks=4),
            "targeting": Targeting.ALL,
            "delivery": Delivery.EMAIL,
            "targets": ["Dolores Quintana-Reyes", "Augustin Benally-Ruiz"],
            "letter_subject": "Please extend the comment period on New Mexico's draft ESSA plan",
            "letter_body": ALLIANCE_LETTER,
            "thank_you_text": (
                "<p>Your letter is on its way, with your email address to reply to. While the "
                "comment period is open, you can also tell the state what the plan should do "
                "for your school in the NM First survey.</p>"
            ),
            "next_action": "nm-first-survey",
            "topics": ["essa", "state-plan", "community-input"],
            "listing_image": (
                "Comments on the draft plan, and more to come",
                "Illustration: the pages of a draft plan with comment bubbles beside them.",
                images.ALLIANCE,
                "news",
                "feedback",
            ),
            "body": [
                cta(
                    "Comment on the plan itself",
                    "Tell the department what you think of the draft, by survey or by email.",
                    "news/share-feedback-essa-state-plan",
                    "How to give feedback",
                ),
                p(ALLIANCE_NOTE),
            ],
        },
        "action_es": {
            "slug": "mas-tiempo-plan-essa",
            "title": "Más tiempo para opinar sobre el plan estatal de ESSA",
            "ask": (
                "Pida al Departamento de Educación Pública que amplíe el periodo de comentarios "
                "públicos sobre el borrador del plan de Nuevo México para ESSA."
            ),
            "summary": (
                "El borrador explica cómo Nuevo México evaluará a sus escuelas, cómo apoyará a "
                "las que tienen dificultades y qué les informará a las familias. Más de 4,000 "
                "nuevomexicanos ya dieron su opinión sobre ESSA, y los foros en seis regiones "
                "acercaron la conversación a cada comunidad. Las familias de zonas rurales y las "
                "que leen primero en español necesitan tiempo para leer el plan y responder."
            ),
            "letter_subject": (
                "Por favor, amplíen el periodo de comentarios sobre el borrador del plan ESSA "
                "de Nuevo México"
            ),
            "letter_body": ALLIANCE_LETTER_ES,
            "thank_you_text": (
                "<p>Su carta ya va en camino, con su correo electrónico para que le respondan. "
                "Mientras el periodo de comentarios siga abierto, también puede decirle al "
                "estado qué debería hacer el plan por su escuela en la encuesta de NM First.</p>"
            ),
            "body": [
                cta(
                    "Opine sobre el plan mismo",
                    "Dígale al departamento qué piensa del borrador, por encuesta o por correo "
                    "electrónico.",
                    "news/share-feedback-essa-state-plan",
                    "Cómo enviar sus comentarios",
                ),
                p(ALLIANCE_NOTE_ES),
            ],
        },
    },
    "kidscan.localhost": {
        "index": {
            "title": "Take action",
            "introduction": (
                "Parents' voices change policy when they reach the people who make it. Write to "
                "your state legislator in a few minutes, in English or in Spanish."
            ),
        },
        "index_es": {
            "title": "Actúe",
            "slug": "actue",
            "introduction": (
                "La voz de los padres cambia las políticas cuando llega a quienes las hacen. "
                "Escríbale a su legislador estatal en unos minutos, en inglés o en español."
            ),
        },
        "action": {
            "slug": "right-to-know-school-information",
            "title": "Clear school information for every family",
            "ask": (
                "Ask your state legislator to support clear, public information about how every "
                "school is doing."
            ),
            "summary": (
                "Families can only choose well with clear, honest and timely information about "
                "how their child's school is doing. Today it often arrives late, is hard to find "
                "or is written for specialists. Choose your legislator, add your name, and your "
                "letter is ready to send from your own email."
            ),
            "goal": 500,
            "open_for": None,  # no deadline: open until the page is unpublished
            "targeting": Targeting.ONE,
            "delivery": Delivery.MAILTO,
            "targets": [
                "Marisela Ortiz-Calloway",
                "Everett Tsosie-Lang",
                "Celestina Varela-Brooks",
                "Wendell Archuleta-Frye",
                "Paloma Nakai-Romero",
                "Dashiell Montoya-Price",
                "Inés Whitfield-Baca",
                "Tobias Lucero-Haskins",
            ],
            "letter_subject": "Please support clear school information for families",
            "letter_body": KIDSCAN_LETTER,
            "thank_you_text": (
                "<p>A letter counts most when it comes from someone in the district, from their "
                "own email address: remember to send yours. Then ask a friend or neighbor to "
                "write to their legislator too.</p>"
            ),
            "next_action": "newsletter",
            # The promise's issue page lists it, and so does school accountability's.
            "topics": ["right-to-know", "school-accountability"],
            "listing_image": (
                "A megaphone for parents' voices",
                "Illustration: a megaphone sending out sound waves, in a round badge beside bold "
                "diagonal stripes.",
                images.KIDSCAN,
                "issue",
                "megaphone",
            ),
            "body": [
                cta(
                    "The promise behind this action",
                    "A family's right to know what's working: why it matters and what we ask for.",
                    "issues/right-to-know",
                    "Read the promise",
                ),
                p(KIDSCAN_NOTE),
            ],
        },
        "action_es": {
            "slug": "derecho-a-saber-informacion-escolar",
            "title": "Información escolar clara para cada familia",
            "ask": (
                "Pida a su legislador estatal que apoye información clara y pública sobre cómo "
                "le va a cada escuela."
            ),
            "summary": (
                "Las familias solo pueden decidir bien con información clara, honesta y a tiempo "
                "sobre cómo le va a la escuela de sus hijos. Hoy muchas veces llega tarde, es "
                "difícil de encontrar o está escrita para especialistas. Elija a su legislador, "
                "agregue su nombre y su carta quedará lista para enviarla desde su propio correo."
            ),
            "letter_subject": "Por favor, apoye información escolar clara para las familias",
            "letter_body": KIDSCAN_LETTER_ES,
            "thank_you_text": (
                "<p>Una carta cuenta más cuando viene de alguien del distrito, desde su propio "
                "correo electrónico: no olvide enviar la suya. Después, pídale a un amigo o a un "
                "vecino que también le escriba a su legislador.</p>"
            ),
            "body": [
                cta(
                    "La promesa detrás de esta acción",
                    "El derecho de cada familia a saber qué funciona: por qué importa y lo que "
                    "pedimos.",
                    "issues/right-to-know",
                    "Leer la promesa",
                ),
                p(KIDSCAN_NOTE_ES),
            ],
        },
    },
}


def closing_time(open_for):
    """The deadline of an action open for `open_for` from today (None: no deadline)."""
    if open_for is None:
        return None
    day = new_mexico_day() + open_for
    return datetime.datetime.combine(day, CLOSING_TIME, tzinfo=NEW_MEXICO_TIME)


def build(loader, home, site):
    spec = SECTIONS.get(site.hostname)
    if spec is None:
        return
    CampaignSettings.objects.get_or_create(site=site, defaults=CAMPAIGN_SETTINGS)
    index, _ = loader.child(
        home, ActionIndexPage, slug=INDEX_SLUG, show_in_menus=True, **spec["index"]
    )
    if index.get_children().filter(slug=spec["action"]["slug"]).exists():
        return  # built on an earlier run: what an editor did since is kept
    action = dict(spec["action"])
    targets = [decision_makers.find(site, name) for name in action.pop("targets")]
    loader.child(
        index,
        ActionPage,
        slug=action.pop("slug"),
        deadline=closing_time(action.pop("open_for")),
        targets=[
            ActionTarget(decision_maker=person, sort_order=position)
            for position, person in enumerate(targets)
        ],
        topics=list(
            Topic.objects.filter(site=site, slug__in=action.pop("topics"), locale=home.locale)
        ),
        next_action=loader.find(home, action.pop("next_action")),
        listing_image=images.demo_image(*action.pop("listing_image")),
        body=action.pop("body"),
        links_from=home,
        **action,
    )


def translate(loader, home, site, locale):
    spec = SECTIONS.get(site.hostname)
    if spec is None:
        return
    index = home.get_children().filter(slug=INDEX_SLUG).first()
    if index is None:
        return
    index = index.specific
    loader.translate_page_if_missing(index, locale, spec["index_es"], home)
    action = index.get_children().filter(slug=spec["action"]["slug"]).first()
    if action is not None:
        loader.translate_page_if_missing(action.specific, locale, spec["action_es"], home)
