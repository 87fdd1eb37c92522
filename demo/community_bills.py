"""Demo content for the bill tracker: NewMexicoKidsCAN's, built after the take-action section.

build(loader, home, site) and translate(loader, home, site, locale), as in
demo/community_campaigns.py. KidsCAN gets a "Bill tracker" in its header menu,
after "Take action", holding four bills that show every position (support,
amend, oppose, monitor) and how a bill's life reads: three from the 2026
regular session, whose histories are complete (signed, passed both chambers,
died), and one pre-filed for 2027 with only its first step. No date is later
than the day the demo was written, so no bill claims a vote that has not
happened.

Every bill is invented and says so in its summary and body: the numbers are in
the 9000s, far above any the real legislature reaches in a session, and the
sponsors are the demo's fictional legislators (demo/decision_makers.py). No
bill links to the legislature's website, where its number would name a real
bill or none. Each is filed under the topics of KidsCAN's promise and issue
pages, so those pages list it under "Bills", and the bill about school report
cards shares its topics with the right-to-know action, so each page leads to
the other. The Learning Alliance has no tracker.
"""

import datetime

from legislation.models import BillIndexPage, BillPage, BillSponsor, BillStatusChange
from taxonomy.models import Topic

from . import decision_makers
from .content import p

INDEX_SLUG = "bills"

BILL_NOTE = (
    "<em>An example bill written for the demo site. The bill, its sponsors and its history are "
    "fictional, and the position is illustrative, not NewMexicoKidsCAN's published position.</em>"
)
BILL_NOTE_ES = (
    "<em>Un proyecto de ley de ejemplo escrito para el sitio de demostración. El proyecto, sus "
    "patrocinadores y su historial son ficticios, y la postura es ilustrativa, no una postura "
    "publicada de NewMexicoKidsCAN.</em>"
)


def day(month, number, year=2026):
    return datetime.date(year, month, number)


# By host name: the tracker, then its bills. Each bill's "history" is (date, status, note)
# rows, oldest first, and its Spanish "notes" word the same rows in the same order.
# Sponsors are decision makers' names, lead sponsor first; topics are the site's topic slugs.
SECTIONS = {
    "kidscan.localhost": {
        "index": {
            "title": "Bill tracker",
            "legislature": "New Mexico Legislature",
            "introduction": (
                "The bills on this page are fictional examples written for the demo site, not "
                "real legislation. They show how we follow bills on school information, "
                "teachers, school options and tutoring: where each one stands, and what we ask "
                "lawmakers to do about it."
            ),
        },
        "index_es": {
            "title": "Seguimiento de proyectos de ley",
            "slug": "proyectos-de-ley",
            "legislature": "Legislatura de Nuevo México",
            "introduction": (
                "Los proyectos de ley de esta página son ejemplos ficticios escritos para el "
                "sitio de demostración, no legislación real. Muestran cómo seguimos los "
                "proyectos sobre información escolar, maestros, opciones escolares y tutoría: "
                "en qué etapa está cada uno y qué les pedimos a los legisladores."
            ),
        },
        "bills": [
            {
                "slug": "school-report-cards-for-families",
                "bill_number": "HB 9014",
                "session": (2026, "regular"),
                "title": "School report cards families can read",
                "summary": (
                    "A fictional example. Would require every public school to publish a "
                    "one-page report card each fall, in English and Spanish and easy to read on "
                    "a phone, showing how much students grew, which teaching jobs are empty and "
                    "what the school spends per student."
                ),
                "position": "support",
                "position_reason": (
                    "Families have a right to know what's working in their child's school. A "
                    "short report card that arrives in time to act on puts that right into "
                    "practice."
                ),
                "sponsors": ["Paloma Nakai-Romero", "Tobias Lucero-Haskins"],
                # Shared with the right-to-know action (demo/community_campaigns.py).
                "topics": ["right-to-know", "school-accountability"],
                "history": [
                    (day(1, 20), "introduced", "Introduced on the first day of the session."),
                    (day(1, 28), "in-committee", "Sent to the House Education Committee."),
                    (day(2, 6), "passed-one-chamber", "The House voted 61–7."),
                    (day(2, 17), "passed-both-chambers", "The Senate voted 36–3."),
                    (day(3, 9), "signed", "The governor signed it with no changes."),
                ],
            },
            {
                "slug": "new-teacher-pay-and-mentors",
                "bill_number": "SB 9031",
                "session": (2026, "regular"),
                "title": "Higher pay and mentors for new teachers",
                "summary": (
                    "A fictional example. Would raise the starting pay of New Mexico teachers and "
                    "give every first-year teacher a trained mentor, but would tie each later "
                    "raise to a single year's test scores."
                ),
                "position": "amend",
                "position_reason": (
                    "We back the higher pay and the mentors: they help bring great teachers into "
                    "New Mexico classrooms and keep them there. We ask lawmakers to judge "
                    "teachers on several measures, not on one year's test scores."
                ),
                "sponsors": ["Celestina Varela-Brooks", "Everett Tsosie-Lang"],
                "topics": ["teacher-recruitment"],
                "history": [
                    (day(1, 21), "introduced", "Introduced in the Senate."),
                    (day(1, 29), "in-committee", "Sent to the Senate Education Committee."),
                    (day(2, 10), "passed-one-chamber", "The Senate voted 26–14, unamended."),
                    (day(2, 18), "passed-both-chambers", "The House voted 40–30."),
                ],
            },
            {
                "slug": "pause-on-new-charter-schools",
                "bill_number": "HB 9047",
                "session": (2026, "regular"),
                "title": "A three-year pause on new charter schools",
                "summary": (
                    "A fictional example. Would stop the state from approving any new public "
                    "charter school for three years, even where families are on waiting lists, "
                    "while the schools' costs are studied."
                ),
                "position": "oppose",
                "position_reason": (
                    "Families should be able to choose the school that is right for their child. "
                    "A blanket pause would leave families on waiting lists with fewer "
                    "high-quality options, without asking how well any school serves its "
                    "students."
                ),
                "sponsors": ["Dashiell Montoya-Price"],
                "topics": ["right-education"],
                "history": [
                    (day(1, 22), "introduced", "Introduced in the House."),
                    (day(1, 30), "in-committee", "Sent to the House Education Committee."),
                    (day(2, 19), "died", "The session ended before the committee voted."),
                ],
            },
            {
                "slug": "state-fund-for-tutoring",
                "bill_number": "SB 9002",
                "session": (2027, "regular"),
                "title": "A state fund for high-dosage tutoring",
                "summary": (
                    "A fictional example. Would create a state fund that pays for tutoring in "
                    "small groups, three or more times a week, for students who have fallen "
                    "behind in reading or math, with the money following each student to their "
                    "school."
                ),
                "position": "monitor",
                "position_reason": (
                    "Frequent tutoring in small groups is one of the surest ways to help students "
                    "catch up, so we welcome the goal. We want to see how the fund would be "
                    "shared among districts before we take a position."
                ),
                "sponsors": ["Marisela Ortiz-Calloway", "Wendell Archuleta-Frye"],
                "topics": ["high-dosage-tutoring", "tutoring-and-care"],
                # Pre-filed for the next session, which has not begun.
                "history": [
                    (day(12, 2), "introduced", "Pre-filed for the 2027 session."),
                ],
            },
        ],
        "bills_es": {
            "school-report-cards-for-families": {
                "title": "Informes escolares que las familias puedan leer",
                "slug": "informes-escolares-para-familias",
                "summary": (
                    "Un ejemplo ficticio. Exigiría que cada escuela pública publique cada otoño "
                    "un informe de una página, en inglés y en español y fácil de leer en el "
                    "celular, que muestre cuánto avanzaron los estudiantes, qué plazas de "
                    "maestro están vacantes y cuánto gasta la escuela por estudiante."
                ),
                "position_reason": (
                    "Las familias tienen derecho a saber qué funciona en la escuela de sus hijos. "
                    "Un informe breve que llegue a tiempo para actuar hace realidad ese derecho."
                ),
                "notes": [
                    "Presentado el primer día de la sesión.",
                    "Enviado al Comité de Educación de la Cámara de Representantes.",
                    "La Cámara de Representantes votó 61 a 7.",
                    "El Senado votó 36 a 3.",
                    "Se firmó como ley sin cambios.",
                ],
            },
            "new-teacher-pay-and-mentors": {
                "title": "Mejor sueldo y mentores para los maestros nuevos",
                "slug": "sueldo-y-mentores-para-maestros-nuevos",
                "summary": (
                    "Un ejemplo ficticio. Subiría el sueldo inicial de los maestros de Nuevo "
                    "México y le daría a cada maestro de primer año un mentor capacitado, pero "
                    "ataría cada aumento posterior a los resultados de exámenes de un solo año."
                ),
                "position_reason": (
                    "Apoyamos el mejor sueldo y los mentores: ayudan a atraer a buenos maestros a "
                    "los salones de Nuevo México y a que se queden. Pedimos a los legisladores "
                    "que evalúen a los maestros con varias medidas, no con los exámenes de un "
                    "solo año."
                ),
                "notes": [
                    "Presentado en el Senado.",
                    "Enviado al Comité de Educación del Senado.",
                    "El Senado votó 26 a 14, sin enmiendas.",
                    "La Cámara de Representantes votó 40 a 30.",
                ],
            },
            "pause-on-new-charter-schools": {
                "title": "Una pausa de tres años a las nuevas escuelas chárter",
                "slug": "pausa-a-nuevas-escuelas-charter",
                "summary": (
                    "Un ejemplo ficticio. Impediría que el estado aprobara cualquier nueva "
                    "escuela chárter pública durante tres años, aun donde hay familias en lista "
                    "de espera, mientras se estudian los costos de esas escuelas."
                ),
                "position_reason": (
                    "Las familias deben poder elegir la escuela adecuada para sus hijos. Una "
                    "pausa general dejaría a las familias en lista de espera con menos opciones "
                    "de calidad, sin preguntar qué tan bien atiende cada escuela a sus "
                    "estudiantes."
                ),
                "notes": [
                    "Presentado en la Cámara de Representantes.",
                    "Enviado al Comité de Educación de la Cámara de Representantes.",
                    "La sesión terminó antes de que el comité votara.",
                ],
            },
            "state-fund-for-tutoring": {
                "title": "Un fondo estatal para tutoría intensiva",
                "slug": "fondo-estatal-para-tutoria",
                "summary": (
                    "Un ejemplo ficticio. Crearía un fondo estatal que pague tutorías en grupos "
                    "pequeños, tres o más veces por semana, para los estudiantes que se han "
                    "quedado atrás en lectura o matemáticas, y el dinero seguiría a cada "
                    "estudiante a su escuela."
                ),
                "position_reason": (
                    "La tutoría frecuente en grupos pequeños es una de las formas más seguras de "
                    "ayudar a los estudiantes a ponerse al día, así que celebramos el objetivo. "
                    "Queremos ver cómo se repartiría el fondo entre los distritos antes de tomar "
                    "una postura."
                ),
                "notes": ["Presentado de antemano para la sesión de 2027."],
            },
        },
    },
}


def build(loader, home, site):
    spec = SECTIONS.get(site.hostname)
    if spec is None:
        return
    index, _ = loader.child(
        home, BillIndexPage, slug=INDEX_SLUG, show_in_menus=True, **spec["index"]
    )
    for bill in spec["bills"]:
        if index.get_children().filter(slug=bill["slug"]).exists():
            continue  # built on an earlier run: what an editor did since is kept
        _add_bill(loader, home, site, index, dict(bill))


def _add_bill(loader, home, site, index, bill):
    year, kind = bill.pop("session")
    sponsors = [decision_makers.find(site, name) for name in bill.pop("sponsors")]
    loader.child(
        index,
        BillPage,
        slug=bill.pop("slug"),
        session_year=year,
        session_kind=kind,
        status_history=[
            BillStatusChange(date=date, status=status, note=note, sort_order=position)
            for position, (date, status, note) in enumerate(bill.pop("history"))
        ],
        sponsors=[
            BillSponsor(decision_maker=person, sort_order=position)
            for position, person in enumerate(sponsors)
        ],
        topics=list(
            Topic.objects.filter(site=site, slug__in=bill.pop("topics"), locale=home.locale)
        ),
        body=[p(BILL_NOTE)],
        **bill,
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
    for slug, fields in spec["bills_es"].items():
        bill = index.get_children().filter(slug=slug).first()
        if bill is None or not loader.needs_translation(bill, locale):
            continue
        bill = bill.specific
        fields = dict(fields)
        fields["status_history"] = _spanish_status_rows(bill, fields.pop("notes"))
        fields["body"] = [p(BILL_NOTE_ES)]
        loader.translate_page(bill, locale, fields, home)


def _spanish_status_rows(bill, notes):
    """The bill's status rows with each note worded in Spanish, as a translator fills them in.

    The rows keep their translation keys, so each Spanish note is paired with
    its English one; dates and statuses are the same in every language. A row
    an editor added since keeps its English note for a translator to word.
    """
    rows = list(bill.status_history.all())
    for row, note in zip(rows, notes, strict=False):
        row.note = note
    return rows
